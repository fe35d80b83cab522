"""Records to text: one renderer per format, chosen in one place (`render`).

JSON and CSV carry exact numbers rounded half-up to 6 decimals, without float noise or
thousands separators; the table is for people, in Dutch notation, with total rows.
Rich is imported only to style a table in a terminal: JSON, CSV and piped tables never pay for it.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any, Iterable, TextIO

from brutonetto.engine.hours import INWERKVERLIES
from brutonetto.notation import machinegetal, nl, nl_procent, rond
from brutonetto.engine.records import KOLOMMEN, Record, Totaal, totalen

_GENEST = ("verlof", "aftrek", "producten")  # mappings flattened into a column per name in CSV


def render(
    records: list[Record], formaat: str, uit: TextIO, *, dialect: str = "en", terminal: bool = False, balken: bool = False
) -> None:
    """Write the records in the chosen format; the only place that picks a renderer."""
    if formaat == "json":
        render_json(records, uit)
    elif formaat == "jsonl":
        uit.writelines(json_record(record) + "\n" for record in records)
    elif formaat == "csv":
        render_csv(records, uit, dialect)
    elif formaat == "table":
        render_table(records, uit, terminal=terminal, balken=balken)
    else:  # pragma: no cover - the CLI offers only these
        raise ValueError(f"unknown format {formaat!r}")


# JSON ---------------------------------------------------------------------------------


def render_json(records: Iterable[Any], uit: TextIO) -> None:
    """A JSON array, one record per line: readable, diffable and written as it goes."""
    uit.write("[")
    scheiding = "\n"
    for record in records:
        uit.write(scheiding)
        uit.write(json_rij(record))
        scheiding = ",\n"
    uit.write("\n]\n" if scheiding != "\n" else "]\n")


_BIJZONDER = re.compile(r'[\x00-\x1f"\\]')
_SLEUTELS: dict[str, str] = {}


def _tekst(tekst: str) -> str:
    """A JSON string; the json module (a few ms to import) only for text that needs escaping."""
    if _BIJZONDER.search(tekst) is None:
        return f'"{tekst}"'
    import json

    return json.dumps(tekst, ensure_ascii=False)


def json_waarde(waarde: Any) -> str:
    """Text, Decimals, None, lists and dicts as JSON; numbers exact, 6 decimals, no float noise."""
    soort = type(waarde)
    if soort is dict:  # a record, or its verlof and aftrek: numbers and null written in place
        delen = []
        for sleutel, v in waarde.items():
            kop = _SLEUTELS.get(sleutel) or _sleutel(sleutel)
            if type(v) is Decimal:
                delen.append(kop + machinegetal(v))
            elif v is None:
                delen.append(kop + "null")
            else:
                delen.append(kop + json_waarde(v))
        return "{" + ", ".join(delen) + "}"
    if waarde is None:
        return "null"
    if isinstance(waarde, Decimal):
        return machinegetal(waarde)
    if isinstance(waarde, str):
        return _tekst(waarde)
    if isinstance(waarde, dict):
        return "{" + ", ".join(_sleutel(k) + json_waarde(v) for k, v in waarde.items()) + "}"
    if isinstance(waarde, list):
        return "[" + ", ".join(json_waarde(v) for v in waarde) + "]"
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, date):  # realisation's van and tot: ISO, as JSON readers expect
        return f'"{waarde.isoformat()}"'
    raise TypeError(f"cannot write {type(waarde).__name__} as JSON")  # pragma: no cover


def json_rij(rij: Any) -> str:
    """One item of a JSON array: a record, a typed row (its fields are its keys) or a mapping."""
    if isinstance(rij, Record):
        return json_record(rij)
    if isinstance(rij, tuple):
        return "{" + ", ".join(_sleutel(k) + json_waarde(v) for k, v in zip(rij._fields, rij)) + "}"
    return json_waarde(rij)


def json_record(record: Record) -> str:
    """One record as a JSON object: the contract's keys, in the contract's order."""
    return "{" + ", ".join(_sleutel(k) + json_waarde(v) for k, v in zip(KOLOMMEN, record)) + "}"


def _sleutel(sleutel: str) -> str:
    """`"naam": `, escaped once per distinct key: the same few keys come back in every record."""
    kop = _SLEUTELS.get(sleutel)
    if kop is None:
        kop = _SLEUTELS[sleutel] = _tekst(sleutel) + ": "
    return kop


# CSV ----------------------------------------------------------------------------------


def csv_kolommen(records: list[Record]) -> list[str]:
    """The contract's columns with `verlof.<naam>`, `aftrek.<naam>` and `producten.<naam>` flattened, first seen first."""
    kolommen: list[str] = []
    for kolom in KOLOMMEN:
        if kolom in _GENEST:
            namen = dict.fromkeys(naam for r in records for naam in (getattr(r, kolom) or ()))
            if kolom == "aftrek" and INWERKVERLIES in namen:  # the engine's last line, last here too
                namen[INWERKVERLIES] = namen.pop(INWERKVERLIES)
            kolommen.extend(f"{kolom}.{naam}" for naam in namen)
        else:
            kolommen.append(kolom)
    return kolommen


def render_csv(records: list[Record], uit: TextIO, dialect: str = "en") -> None:
    """CSV for scripts (`en`: `,` and a decimal point) or for a Dutch Excel (`nl`: `;`, decimal comma, BOM)."""
    import csv

    nederlands = dialect == "nl"
    if nederlands:
        uit.write("\ufeff")  # so Excel reads the file as UTF-8 and accents survive
    schrijver = csv.writer(uit, delimiter=";" if nederlands else ",", lineterminator="\r\n")
    kolommen = csv_kolommen(records)
    schrijver.writerow(kolommen)
    for record in records:
        rij = []
        for kolom in kolommen:
            groep, _, naam = kolom.partition(".")
            waarde = (getattr(record, groep) or {}).get(naam) if groep in _GENEST and naam else getattr(record, kolom)
            rij.append(csv_waarde(waarde, nederlands))
        schrijver.writerow(rij)


def csv_waarde(waarde: Any, nederlands: bool) -> str:
    """One CSV cell: exact numbers without thousands marks (a decimal comma in `nl`), ISO dates."""
    if waarde is None:
        return ""
    if isinstance(waarde, Decimal):
        tekst = machinegetal(waarde)
        return tekst.replace(".", ",") if nederlands else tekst
    if isinstance(waarde, date):
        return waarde.isoformat()
    return str(waarde)


# Table --------------------------------------------------------------------------------

_KOPPEN = (
    ("functie", "Functie"),
    ("eenheid", "Eenheid"),
    ("scenario", "Scenario"),
    ("beschikbare_uren", "Beschikbare uren"),
    ("totaal_aftrek", "Totaal aftrek"),
    ("directe_uren", "Directe uren"),
    ("aandeel_direct", "Aandeel direct"),
    ("aandeel_bruto", "Aandeel bruto"),
    ("fte", "Fte"),
    ("fte_nodig", "Fte nodig"),
    ("extra_fte", "Extra fte"),
    ("extra_kosten", "Extra kosten"),
)
_UREN = ("beschikbare_uren", "totaal_aftrek", "directe_uren")
_ALS_ER_IETS_STAAT = ("eenheid", "aandeel_bruto", "fte_nodig")  # columns shown only when a row has them


BALK = 20  # characters in a --bars bar


def tabelrijen(records: list[Record], balken: bool = False) -> tuple[list[str], list[list[str]], list[list[str]]]:
    """Headers, rows and total rows as Dutch text: the table without its drawing."""
    kolommen = [
        (sleutel, kop)
        for sleutel, kop in _KOPPEN
        if sleutel not in _ALS_ER_IETS_STAAT or any(getattr(r, sleutel) is not None for r in records)
    ]
    if balken:
        kolommen.insert(kolommen.index(("aandeel_direct", "Aandeel direct")) + 1, ("balk", "Direct █ / aftrek ░"))
    rijen = [[_cel(sleutel, r) for sleutel, _ in kolommen] for r in records]
    totaalrijen = [[_cel(sleutel, t) for sleutel, _ in kolommen] for t in totalen(records)]
    return [kop for _, kop in kolommen], rijen, totaalrijen


def balk(aandeel: Decimal) -> str:
    """The share of direct hours as a bar: █ for direct, ░ for the deductions."""
    vol = int(rond(aandeel * BALK, 0))
    return "█" * vol + "░" * (BALK - vol)


def _cel(sleutel: str, record: Record | Totaal) -> str:
    if sleutel == "balk":
        return balk(record.aandeel_direct)
    waarde = getattr(record, sleutel)
    if waarde is None:
        return ""
    if sleutel in _UREN:
        return nl(waarde, 1)
    if sleutel in ("aandeel_direct", "aandeel_bruto"):
        return nl_procent(waarde)
    if sleutel in ("fte", "fte_nodig"):
        return nl(waarde, 2)
    if sleutel == "extra_fte":
        return "" if record.is_basis else nl(waarde, 2, teken=True)
    if sleutel == "extra_kosten":
        return "" if record.is_basis else "€ " + nl(waarde, 0)
    return str(waarde)


def render_table(
    records: list[Record], uit: TextIO, *, terminal: bool = False, balken: bool = False, breedte: int | None = None
) -> None:
    """The table for people: laid out here, one line per row; in a terminal, Rich adds the style.

    Laying the table out ourselves (widths, alignment, box lines) keeps a piped or saved
    table free of Rich altogether, and the terminal shows exactly the same lines. A terminal
    narrower than the table (`breedte`, its columns) gets the compact layout instead.
    """
    koppen, rijen, totalen = tabelrijen(records, balken)
    regels = _volle_tabel(koppen, rijen, totalen)
    if breedte is not None and len(regels[0][0]) > breedte:
        regels = compacte_tabel(koppen, rijen, totalen, breedte)
    _druk(regels, uit, terminal)


def _volle_tabel(koppen: list[str], rijen: list[list[str]], totalen: list[list[str]]) -> list[tuple[str, str | None]]:
    links = [kop in ("Functie", "Eenheid", "Scenario") or kop.startswith("Direct █") for kop in koppen]
    breedtes = [max(map(len, kolom)) for kolom in zip(koppen, *rijen, *totalen)]

    def rand(links_: str, vul: str, tussen: str, rechts: str) -> str:
        return links_ + tussen.join(vul * (b + 2) for b in breedtes) + rechts

    def rij(cellen: list[str], wand: str = "│") -> str:
        gevuld = (c.ljust(b) if l else c.rjust(b) for c, b, l in zip(cellen, breedtes, links))
        return f"{wand} " + f" {wand} ".join(gevuld) + f" {wand}"

    return [
        (rand("┏", "━", "┳", "┓"), None),
        (rij(koppen, "┃"), "bold"),
        (rand("┡", "━", "╇", "┩"), None),
        *((rij(r), None) for r in rijen),
        (rand("├", "─", "┼", "┤"), None),
        *((rij(t), "bold") for t in totalen),
        (rand("└", "─", "┴", "┘"), None),
    ]


# The compact layout: short headers, and the columns a narrow screen drops first.
_KORT = {
    "Beschikbare uren": "Beschikb.",
    "Totaal aftrek": "Aftrek",
    "Directe uren": "Direct",
    "Aandeel direct": "% direct",
    "Aandeel bruto": "% bruto",
    "Fte nodig": "Nodig",
    "Extra kosten": "Kosten",
    "Direct █ / aftrek ░": "Direct █",
}
_EERST_WEG = ("Direct █ / aftrek ░", "Totaal aftrek", "Aandeel bruto", "Beschikbare uren", "Fte nodig", "Fte")


def compacte_tabel(
    koppen: list[str], rijen: list[list[str]], totalen: list[list[str]], breedte: int
) -> list[tuple[str, str | None]]:
    """The table for a narrow terminal: a heading per functie, its scenarios below it.

    Functie and eenheid move to the heading, headers get short, box lines go; columns are
    left out (and named) until the rows fit `breedte`. Below some 40 columns each row
    becomes a card of `kop  waarde` lines.
    """
    groep_kolommen = [i for i, kop in enumerate(koppen) if kop in ("Functie", "Eenheid")]
    overige = [i for i in range(len(koppen)) if i not in groep_kolommen]
    weg: list[int] = []
    for kop in (None, *_EERST_WEG):
        if kop is not None and kop in koppen:
            weg.append(koppen.index(kop))
        kolommen = [i for i in overige if i not in weg]
        breedtes = {i: max(len(_KORT.get(koppen[i], koppen[i])), *(len(r[i]) for r in rijen + totalen)) for i in kolommen}
        if 2 + sum(breedtes.values()) + 2 * (len(kolommen) - 1) <= breedte:
            break
    else:
        return _kaarten(koppen, rijen, totalen, groep_kolommen)

    def rij(cellen: list[str]) -> str:
        delen = []
        for i in kolommen:
            links = koppen[i] == "Scenario" or koppen[i].startswith("Direct █")
            delen.append(cellen[i].ljust(breedtes[i]) if links else cellen[i].rjust(breedtes[i]))
        return ("  " + "  ".join(delen)).rstrip()

    kopregel = rij([_KORT.get(kop, kop) for kop in koppen])
    regels: list[tuple[str, str | None]] = []
    for stijl, groep in ((None, rijen), ("bold", totalen)):
        vorige = None
        for cellen in groep:
            sleutel = " · ".join(cellen[i] for i in groep_kolommen if cellen[i])
            if sleutel != vorige:
                if regels:
                    regels.append(("", None))
                regels += [(sleutel, "bold"), (kopregel, "dim")]
                vorige = sleutel
            regels.append((rij(cellen), stijl))
    if weg:
        namen = ", ".join(koppen[i].lower() for i in sorted(weg))
        import textwrap

        noot = f"Niet getoond (scherm te smal): {namen}; een breder venster of --format csv toont alles."
        regels += [("", None), *((deel, "dim") for deel in textwrap.wrap(noot, breedte))]
    return regels


def _kaarten(
    koppen: list[str], rijen: list[list[str]], totalen: list[list[str]], groep_kolommen: list[int]
) -> list[tuple[str, str | None]]:
    """One card per row: the functie and scenario as a heading, then every figure on a line."""
    regels: list[tuple[str, str | None]] = []
    scenario = koppen.index("Scenario")
    balk = [i for i, kop in enumerate(koppen) if kop.startswith("Direct █")]  # the share says it on a card
    breedte = max(len(kop) for kop in koppen)
    for cellen in rijen + totalen:
        if regels:
            regels.append(("", None))
        kop = " · ".join(cellen[i] for i in (*groep_kolommen, scenario) if cellen[i])
        regels.append((kop, "bold"))
        for i, naam in enumerate(koppen):
            if i not in groep_kolommen and i != scenario and i not in balk and cellen[i]:
                regels.append((f"  {naam.ljust(breedte)}  {cellen[i]}", None))
    return regels


def _druk(regels: list[tuple[str, str | None]], uit: TextIO, terminal: bool) -> None:
    if not terminal:
        uit.write("".join(regel + "\n" for regel, _ in regels))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=uit, force_terminal=True, markup=False, emoji=False, highlight=False, soft_wrap=True)
    for regel, stijl in regels:
        tekst = Text(regel, style=stijl or "")
        tekst.highlight_regex("█+", "green")
        tekst.highlight_regex("░+", "grey50")
        console.print(tekst)
