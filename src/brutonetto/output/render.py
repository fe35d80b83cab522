"""Records and typed rows for machines: JSON, JSONL and CSV.

They carry exact numbers rounded half-up to 6 decimals, without float noise or thousands
separators (the table for people is `tabel.py`). `formaten.FORMATEN` picks the renderer.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any, Iterable, TextIO

from brutonetto.engine.hours import INWERKVERLIES
from brutonetto.notation import machinegetal
from brutonetto.output.terminal import ONZICHTBAAR_KLASSE
from brutonetto.engine.records import KOLOMMEN, Record

_PLATGESLAGEN = ("verlof", "aftrek", "producten")  # mappings flattened into a column per name in CSV


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


# escaped besides what json escapes: DEL, the C1 controls and the invisible marks that reorder or
# hide text (bidi overrides and marks, zero-width characters, line separators; output/terminal.py)
_ONZICHTBAAR_IN_JSON = r"\x7f-\x9f" + ONZICHTBAAR_KLASSE
_BIJZONDER = re.compile(r'[\x00-\x1f"\\' + _ONZICHTBAAR_IN_JSON + "]")
_C1 = re.compile("[" + _ONZICHTBAAR_IN_JSON + "]")
_SLEUTELS: dict[str, str] = {}


def _json_tekst(tekst: str) -> str:
    """A JSON string; the json module (a few ms to import) only for text that needs escaping.

    The json module escapes C0 controls; DEL and the C1 controls (U+009B is CSI to some
    terminals) it leaves raw, so they are escaped here too: the same string to a JSON
    reader, and nothing a terminal obeys when the JSON is printed to one."""
    if _BIJZONDER.search(tekst) is None:
        return f'"{tekst}"'
    import json

    return _C1.sub(lambda teken: json.dumps(teken.group()).strip('"'), json.dumps(tekst, ensure_ascii=False))


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
        return _json_tekst(waarde)
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
        kop = _SLEUTELS[sleutel] = _json_tekst(sleutel) + ": "
    return kop


# CSV ----------------------------------------------------------------------------------


def csv_kolommen(records: list[Record]) -> list[str]:
    """The contract's columns with `verlof.<naam>`, `aftrek.<naam>` and `producten.<naam>` flattened, first seen first."""
    kolommen: list[str] = []
    for kolom in KOLOMMEN:
        if kolom in _PLATGESLAGEN:
            namen = dict.fromkeys(naam for r in records for naam in (getattr(r, kolom) or ()))
            if kolom == "aftrek" and INWERKVERLIES in namen:  # the engine's last line, last here too
                namen[INWERKVERLIES] = namen.pop(INWERKVERLIES)
            kolommen.extend(f"{kolom}.{naam}" for naam in namen)
        else:
            kolommen.append(kolom)
    return kolommen


def _csv(uit: TextIO, dialect: str) -> Any:
    """A CSV writer for scripts (`en`: `,` and a decimal point) or a Dutch Excel (`nl`: `;`, BOM)."""
    import csv

    if dialect == "nl":
        uit.write("\ufeff")  # so Excel reads the file as UTF-8 and accents survive
    return csv.writer(uit, delimiter=";" if dialect == "nl" else ",", lineterminator="\r\n")


def render_csv(records: list[Record], uit: TextIO, dialect: str = "en") -> None:
    """The records as CSV, `verlof`, `aftrek` and `producten` a column per name; `nl` writes decimal commas."""
    nederlands = dialect == "nl"
    schrijver = _csv(uit, dialect)
    kolommen = csv_kolommen(records)
    schrijver.writerow(kolommen)
    for record in records:
        rij = []
        for kolom in kolommen:
            groep, _, naam = kolom.partition(".")
            waarde = (getattr(record, groep) or {}).get(naam) if groep in _PLATGESLAGEN and naam else getattr(record, kolom)
            rij.append(csv_waarde(waarde, nederlands))
        schrijver.writerow(rij)


def render_csv_stroom(records: Iterable[Record], uit: TextIO, dialect: str = "en") -> None:
    """`render_csv` for records that come one by one, memory flat: the header names every
    verlof, aftrek and product line of every record, so the rows wait in a temporary file
    (each as its cells by column) until the last record is in, then follow the header."""
    import marshal
    import tempfile

    nederlands = dialect == "nl"
    namen: dict[str, dict[str, None]] = {kolom: {} for kolom in _PLATGESLAGEN}
    with tempfile.TemporaryFile() as wacht:
        aantal = 0
        for record in records:
            cellen = {}
            for kolom, waarde in zip(KOLOMMEN, record):
                if kolom in namen:
                    for naam, v in (waarde or {}).items():
                        namen[kolom][naam] = None
                        cellen[f"{kolom}.{naam}"] = csv_waarde(v, nederlands)
                else:
                    cellen[kolom] = csv_waarde(waarde, nederlands)
            marshal.dump(cellen, wacht)
            aantal += 1
        if INWERKVERLIES in namen["aftrek"]:  # the engine's last line, last here too
            namen["aftrek"][INWERKVERLIES] = namen["aftrek"].pop(INWERKVERLIES)
        kolommen = [k for kolom in KOLOMMEN for k in ([f"{kolom}.{n}" for n in namen[kolom]] if kolom in namen else [kolom])]
        schrijver = _csv(uit, dialect)
        schrijver.writerow(kolommen)
        wacht.seek(0)
        for _ in range(aantal):
            cellen = marshal.load(wacht)
            schrijver.writerow([cellen.get(kolom, "") for kolom in kolommen])


def render_csv_rijen(rijen: Iterable[Any], velden: tuple[str, ...], uit: TextIO, dialect: str = "en") -> None:
    """Typed rows (realisation, budget, sensitivity) as CSV: every field, in order."""
    nederlands = dialect == "nl"
    schrijver = _csv(uit, dialect)
    schrijver.writerow(velden)
    for rij in rijen:
        schrijver.writerow([csv_waarde(getattr(rij, veld), nederlands) for veld in velden])


# A text cell a spreadsheet would read as a formula (OWASP, "CSV injection"): a functie
# named `=HYPERLINK(...)` or `+cmd|' /C calc'!A0` in someone else's file runs when the CSV is
# opened. Tab and CR count too: Excel skips them and reads what follows.
_FORMULEBEGIN = ("=", "+", "-", "@", "\t", "\r")


def csv_waarde(waarde: Any, nederlands: bool) -> str:
    """One CSV cell: exact numbers without thousands marks (a decimal comma in `nl`), ISO dates;
    text that a spreadsheet would take for a formula gets a `'` before it (numbers never do:
    -1,5 stays a number)."""
    if waarde is None:
        return ""
    if isinstance(waarde, Decimal):
        tekst = machinegetal(waarde)
        return tekst.replace(".", ",") if nederlands else tekst
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, str):
        # after leading blanks too: a spreadsheet that trims them on import reads ` =1+3` as a formula
        return "'" + waarde if waarde.lstrip(" \u00a0\n").startswith(_FORMULEBEGIN) else waarde
    return str(waarde)
