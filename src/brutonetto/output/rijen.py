"""Typed rows (realisation, budget, sensitivity) as a table for people or as CSV.

The v2 commands produce flat `NamedTuple` rows whose fields are their JSON keys
(`render.json_rij` writes them). A table needs, besides the values, a Dutch header and a
way to print each column; that is a `Kolom`. CSV writes every field, in order, exactly
(6 decimals, no thousands separators), like the records' CSV.
"""

from __future__ import annotations

from typing import Any, Iterable, TextIO

from brutonetto.namedtuple import NamedTuple
from brutonetto.notation import nl, nl_procent

TEKST = "tekst"
UREN = "uren"  # 1.631,0
PROCENT = "procent"  # a fraction: 0.96 -> 96,0%
FTE = "fte"  # 12,11
EXTRA_FTE = "extra_fte"  # +12,11
EURO = "euro"  # € 907.889
DATUM = "datum"  # 1-1-2023


class Kolom(NamedTuple):
    """One column of a table: the row's field, its Dutch header and how its values print."""

    sleutel: str
    kop: str
    soort: str = TEKST


def cel(waarde: Any, soort: str) -> str:
    """One value as the table shows it, the Dutch way."""
    if waarde is None:
        return ""
    if soort == UREN:
        return nl(waarde, 1)
    if soort == PROCENT:
        return nl_procent(waarde)
    if soort == FTE:
        return nl(waarde, 2)
    if soort == EXTRA_FTE:
        return nl(waarde, 2, teken=True)
    if soort == EURO:
        return ("€ -" + nl(-waarde, 0)) if waarde < 0 else "€ " + nl(waarde, 0)
    if soort == DATUM:
        return f"{waarde.day}-{waarde.month}-{waarde.year}"
    return str(waarde)


def render_tabel(rijen: Iterable[Any], kolommen: list[Kolom], uit: TextIO, *, terminal: bool = False,
                 titel: str | None = None, breedte: int | None = None) -> None:
    """A boxed table with Dutch headers; text columns left, numbers right.

    In a terminal narrower than the table (`breedte`), each row becomes a card of
    `kop  waarde` lines instead, so nothing wraps into nonsense; files and pipes always get
    the full table.
    """
    from brutonetto.output.render import _druk

    koppen = [k.kop for k in kolommen]
    tekst = [[cel(getattr(r, k.sleutel), k.soort) for k in kolommen] for r in rijen]
    links = [k.soort in (TEKST, DATUM) for k in kolommen]
    breedtes = [max(map(len, kolom)) for kolom in zip(koppen, *tekst)]

    def rand(begin: str, vul: str, tussen: str, eind: str) -> str:
        return begin + tussen.join(vul * (b + 2) for b in breedtes) + eind

    def rij(cellen: list[str], wand: str = "│") -> str:
        gevuld = (c.ljust(b) if l else c.rjust(b) for c, b, l in zip(cellen, breedtes, links))
        return f"{wand} " + f" {wand} ".join(gevuld) + f" {wand}"

    regels: list[tuple[str, str | None]] = [(titel, "bold")] if titel else []
    if breedte is not None and 4 + sum(breedtes) + 3 * (len(breedtes) - 1) > breedte:
        _druk(regels + _kaarten(koppen, tekst, links), uit, terminal)
        return
    regels += [
        (rand("┏", "━", "┳", "┓"), None),
        (rij(koppen, "┃"), "bold"),
        (rand("┡", "━", "╇", "┩"), None),
        *((rij(r), None) for r in tekst),
        (rand("└", "─", "┴", "┘"), None),
    ]
    _druk(regels, uit, terminal)


def _kaarten(koppen: list[str], tekst: list[list[str]], links: list[bool]) -> list[tuple[str, str | None]]:
    """One card per row: its text columns as a heading, then every number on a line of its own."""
    regels: list[tuple[str, str | None]] = []
    breedte = max(len(kop) for kop in koppen)
    for cellen in tekst:
        if regels:
            regels.append(("", None))
        regels.append((" · ".join(c for c, l in zip(cellen, links) if l and c), "bold"))
        regels += [(f"  {kop.ljust(breedte)}  {c}", None) for kop, c, l in zip(koppen, cellen, links) if not l and c]
    return regels


def render_csv(rijen: Iterable[Any], velden: tuple[str, ...], uit: TextIO, dialect: str = "en") -> None:
    """Every field of the rows, in order: `en` for scripts, `nl` (`;`, decimal comma, BOM) for Excel."""
    import csv

    from brutonetto.output.render import csv_waarde

    nederlands = dialect == "nl"
    if nederlands:
        uit.write("\ufeff")
    schrijver = csv.writer(uit, delimiter=";" if nederlands else ",", lineterminator="\r\n")
    schrijver.writerow(velden)
    for rij in rijen:
        schrijver.writerow([csv_waarde(getattr(rij, veld), nederlands) for veld in velden])

