"""Records to text: one renderer per format, chosen in one place (`render`).

JSON and CSV carry exact numbers rounded half-up to 6 decimals, without float noise or
thousands separators; the table is for people, in Dutch notation, with total rows.
Rich is imported only to style a table in a terminal: JSON, CSV and piped tables never pay for it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Iterable, TextIO

from brutonetto.notation import machinegetal, nl, nl_procent, rond
from brutonetto.engine.records import KOLOMMEN, Record

_GENEST = ("verlof", "aftrek")


def render(
    records: list[Record], formaat: str, uit: TextIO, *, dialect: str = "en", terminal: bool = False, balken: bool = False
) -> None:
    """Write the records in the chosen format; the only place that picks a renderer."""
    if formaat == "json":
        render_json(records, uit)
    elif formaat == "jsonl":
        uit.writelines(json_waarde(record) + "\n" for record in records)
    elif formaat == "csv":
        render_csv(records, uit, dialect)
    elif formaat == "table":
        render_table(records, uit, terminal=terminal, balken=balken)
    else:  # pragma: no cover - the CLI offers only these
        raise ValueError(f"unknown format {formaat!r}")


# JSON ---------------------------------------------------------------------------------


def render_json(records: Iterable[Record], uit: TextIO) -> None:
    """A JSON array, one record per line: readable, diffable and written as it goes."""
    uit.write("[")
    scheiding = "\n"
    for record in records:
        uit.write(scheiding)
        uit.write(json_waarde(record))
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
    raise TypeError(f"cannot write {type(waarde).__name__} as JSON")  # pragma: no cover


def _sleutel(sleutel: str) -> str:
    """`"naam": `, escaped once per distinct key: the same few keys come back in every record."""
    kop = _SLEUTELS.get(sleutel)
    if kop is None:
        kop = _SLEUTELS[sleutel] = _tekst(sleutel) + ": "
    return kop


# CSV ----------------------------------------------------------------------------------


def csv_kolommen(records: list[Record]) -> list[str]:
    """The contract's columns with `verlof.<naam>` and `aftrek.<naam>` flattened, first seen first."""
    kolommen: list[str] = []
    for kolom in KOLOMMEN:
        if kolom in _GENEST:
            namen = dict.fromkeys(naam for r in records for naam in r[kolom])
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
            waarde = record[groep].get(naam) if groep in _GENEST and naam else record[kolom]
            rij.append(_csv_waarde(waarde, nederlands))
        schrijver.writerow(rij)


def _csv_waarde(waarde: Any, nederlands: bool) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, Decimal):
        tekst = machinegetal(waarde)
        return tekst.replace(".", ",") if nederlands else tekst
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
    ("fte", "Fte"),
    ("fte_nodig", "Fte nodig"),
    ("extra_fte", "Extra fte"),
    ("extra_kosten", "Extra kosten"),
)
_UREN = ("beschikbare_uren", "totaal_aftrek", "directe_uren")


BALK = 20  # characters in a --bars bar


def tabelrijen(records: list[Record], balken: bool = False) -> tuple[list[str], list[list[str]], list[list[str]]]:
    """Headers, rows and total rows as Dutch text: the table without its drawing."""
    kolommen = [
        (sleutel, kop)
        for sleutel, kop in _KOPPEN
        if sleutel not in ("eenheid", "fte_nodig") or any(r[sleutel] is not None for r in records)
    ]
    if balken:
        kolommen.insert(kolommen.index(("aandeel_direct", "Aandeel direct")) + 1, ("balk", "Direct █ / aftrek ░"))
    rijen = [[_cel(sleutel, r) for sleutel, _ in kolommen] for r in records]
    totalen = [[_cel(sleutel, t) for sleutel, _ in kolommen] for t in totaalrijen(records)]
    return [kop for _, kop in kolommen], rijen, totalen


def balk(aandeel: Decimal) -> str:
    """The share of direct hours as a bar: █ for direct, ░ for the deductions."""
    vol = int(rond(aandeel * BALK, 0))
    return "█" * vol + "░" * (BALK - vol)


def totaalrijen(records: list[Record]) -> list[Record]:
    """One total per scenario: fte, extra fte and costs summed; hours weighted by fte.

    Rows without fte do not weigh in the hours, unless no row has fte: then it is a plain mean.
    """
    totalen = []
    for scenario in dict.fromkeys(r["scenario"] for r in records):
        groep = [r for r in records if r["scenario"] == scenario]
        met_fte = [r for r in groep if r["fte"]]
        # weights: fte; without any fte every row counts once (a plain mean)
        gewogen = [(r["fte"], r) for r in met_fte] or [(Decimal(1), r) for r in groep]
        gewicht = sum((w for w, _ in gewogen), Decimal(0))
        totaal: Record = {"functie": "Totaal", "eenheid": None, "scenario": scenario}
        for sleutel in _UREN:
            totaal[sleutel] = sum((w * r[sleutel] for w, r in gewogen), Decimal(0)) / gewicht
        totaal["aandeel_direct"] = totaal["directe_uren"] / totaal["beschikbare_uren"]
        for sleutel in ("fte", "fte_nodig", "extra_fte", "extra_kosten"):
            waarden = [r[sleutel] for r in groep if r[sleutel] is not None]
            totaal[sleutel] = sum(waarden, Decimal(0)) if waarden else None
        totalen.append(totaal)
    return totalen


def _cel(sleutel: str, record: Record) -> str:
    if sleutel == "balk":
        return balk(record["aandeel_direct"])
    waarde = record.get(sleutel)
    if waarde is None:
        return ""
    if sleutel in _UREN:
        return nl(waarde, 1)
    if sleutel == "aandeel_direct":
        return nl_procent(waarde)
    if sleutel in ("fte", "fte_nodig"):
        return nl(waarde, 2)
    if sleutel == "extra_fte":
        return "" if record["scenario"] == "basis" else nl(waarde, 2, teken=True)
    if sleutel == "extra_kosten":
        return "" if record["scenario"] == "basis" else "€ " + nl(waarde, 0)
    return str(waarde)


def render_table(records: list[Record], uit: TextIO, *, terminal: bool = False, balken: bool = False) -> None:
    """The table for people: laid out here, one line per row; in a terminal, Rich adds the style.

    Laying the table out ourselves (widths, alignment, box lines) keeps a piped or saved
    table free of Rich altogether, and the terminal shows exactly the same lines.
    """
    koppen, rijen, totalen = tabelrijen(records, balken)
    links = [kop in ("Functie", "Eenheid", "Scenario") or kop.startswith("Direct █") for kop in koppen]
    breedtes = [max(map(len, kolom)) for kolom in zip(koppen, *rijen, *totalen)]

    def rand(links_: str, vul: str, tussen: str, rechts: str) -> str:
        return links_ + tussen.join(vul * (b + 2) for b in breedtes) + rechts

    def rij(cellen: list[str], wand: str = "│") -> str:
        gevuld = (c.ljust(b) if l else c.rjust(b) for c, b, l in zip(cellen, breedtes, links))
        return f"{wand} " + f" {wand} ".join(gevuld) + f" {wand}"

    regels: list[tuple[str, str | None]] = [
        (rand("┏", "━", "┳", "┓"), None),
        (rij(koppen, "┃"), "bold"),
        (rand("┡", "━", "╇", "┩"), None),
        *((rij(r), None) for r in rijen),
        (rand("├", "─", "┼", "┤"), None),
        *((rij(t), "bold") for t in totalen),
        (rand("└", "─", "┴", "┘"), None),
    ]
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
