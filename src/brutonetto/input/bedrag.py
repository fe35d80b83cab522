"""Amounts and years as users write them in a `meerjaren` block: `12 mln`, `750k`, `2023:`.

An amount is euros, read exactly into a `Decimal`:

- a bare number: `1200000`, `12,5` (a YAML int or float is taken from its shortest text);
- a number with a multiplier: `mln` or `miljoen` (x 1,000,000) and `k` (x 1,000), with or
  without a space: `12 mln`, `12,5 mln`, `750k`, `750 k`;
- optionally after a currency mark, `EUR` or `€`, which changes nothing: `EUR 12 mln`,
  `€ 12 mln`, `€12mln`. Only euros exist here, so only a leading mark is read; a trailing
  `euro` or another currency is refused rather than guessed at.

The decimal mark is `.` or `,`, never a thousands separator (as for quantities):
`1.200.000` is refused with the hint "bedoelt u 1200000?". A bare number with one mark
and exactly three digits after it (`750.000`, `1,200`) is refused as well: in an amount
written by a Dutch controller that is far more likely seven hundred and fifty thousand
than seven hundred and fifty, and a silent factor of a thousand is the worst mistake a
budget can make. With a multiplier the same text is unambiguous (`1,250 mln`).
Negative amounts are refused: funding is never negative (0 is fine: a year without money).

A year is an int 1900..2200 or a text of exactly four digits; `'23'`, `2023.5` are refused.
`indexatie` is a percentage written with `%` (`2%`, `2,5 %`) or the bare number 0.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from brutonetto.errors import Pad
from brutonetto.input.hoeveelheid import GRENS, Invoerfout, beschrijf, parse_aantal, parse_getal

MULTIPLIERS: dict[str, Decimal] = {
    "": Decimal(1),
    "k": Decimal(1000),
    "mln": Decimal(1_000_000),
    "miljoen": Decimal(1_000_000),
}

EERSTE_JAAR, LAATSTE_JAAR = 1900, 2200

_BEDRAG = re.compile(r"\s*(?:(?:eur|€)\s*)?([+-]?\s*\d[\d.,]*)\s*([^\d\s.,]*)\s*", re.IGNORECASE)
_DUBBELZINNIG = re.compile(r"[1-9]\d{0,2}[.,]\d{3}")  # 750.000, 1,200: thousands or decimals?
_BEDRAGGETAL = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_SPATIES = re.compile(r"\s*(?:(?:eur|€)\s*)?\d{1,3}(?: \d{3})+(?:[.,]\d+)?\s*[^\d\s.,]*\s*", re.IGNORECASE)
_VIER_CIJFERS = re.compile(r"\d{4}")
_PROCENT = re.compile(r"\s*(.*?)\s*%\s*")

_VOORBEELD_BEDRAG = "schrijf bijvoorbeeld '12 mln', '750k' of 1200000"


def parse_bedrag(waarde: object) -> Decimal:
    """Read an amount in euros: `12 mln`, `750k`, `EUR 12,5 mln`, `1200000`."""
    if isinstance(waarde, str):
        getal = _parse_tekst(waarde)
    elif waarde is None:
        raise Invoerfout("het bedrag ontbreekt; schrijf 0 voor een jaar zonder financiering")
    else:
        getal = parse_aantal(waarde)  # int, float, Decimal; refuses bool, None, lists, and 750.000
    if getal < 0:
        raise Invoerfout(f"een bedrag kan niet negatief zijn: {_als_tekst(waarde)}")
    if getal >= GRENS:
        raise Invoerfout(f"{_als_tekst(waarde)} is onwaarschijnlijk groot (een biljoen euro of meer)")
    return getal


def _parse_tekst(waarde: str) -> Decimal:
    gevonden = _BEDRAG.fullmatch(waarde)
    if gevonden is None and _SPATIES.fullmatch(waarde):
        raise Invoerfout(
            f"'{waarde.strip()}' lijkt spaties voor duizendtallen te bevatten: bedoelt u "
            f"{re.sub(r'(?<=[0-9]) (?=[0-9])', '', waarde.strip())}? Schrijf bedragen zonder duizendtalscheiding"
        )
    if gevonden is None:
        raise Invoerfout(f"'{waarde}' is geen bedrag; {_VOORBEELD_BEDRAG}")
    getaltekst, achtervoegsel = gevonden.groups()
    getaltekst = getaltekst.replace(" ", "")
    factor = MULTIPLIERS.get(achtervoegsel.lower())
    if factor is None:
        raise Invoerfout(
            f"onbekende eenheid '{achtervoegsel}' in '{waarde}'; bekend zijn: k, mln, miljoen "
            "(bedragen zijn euro's)"
        )
    cijfers = getaltekst.lstrip("+-")
    if cijfers.count(".") + cijfers.count(",") > 1 or (factor == 1 and _DUBBELZINNIG.fullmatch(cijfers)):
        raise Invoerfout(
            f"'{waarde.strip()}' lijkt scheidingstekens voor duizendtallen te bevatten: bedoelt u "
            f"{_zonder_scheiding(getaltekst)}? Schrijf bedragen zonder duizendtalscheiding, "
            "met . of , als decimaalteken ('12,5 mln')"
        )
    if not _BEDRAGGETAL.fullmatch(getaltekst):
        raise Invoerfout(f"'{waarde}' is geen bedrag; {_VOORBEELD_BEDRAG}")
    return parse_getal(getaltekst) * factor


def _zonder_scheiding(tekst: str) -> str:
    return re.sub(r"[.,]", "", tekst)


def parse_jaar(waarde: object) -> int:
    """Read a year: a YAML int key (`2023:`) or a text of four digits (`'2023':`)."""
    if isinstance(waarde, bool):
        jaar = None
    elif isinstance(waarde, int):
        jaar = waarde
    elif isinstance(waarde, str) and _VIER_CIJFERS.fullmatch(waarde.strip()):
        jaar = int(waarde.strip())
    else:
        jaar = None
    if jaar is None or not 1000 <= jaar <= 9999:
        raise Invoerfout(f"{beschrijf(waarde)} is geen jaar: een jaar is vier cijfers, bijvoorbeeld 2023")
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise Invoerfout(f"{jaar} ligt buiten de jaren {EERSTE_JAAR} tot en met {LAATSTE_JAAR}")
    return jaar


def parse_financiering(waarde: object) -> tuple[dict[int, Decimal], list[tuple[Pad, str]]]:
    """Read `financiering:` (year -> amount), every problem at once.

    Returns the amounts by year, in year order, and the problems as (path below
    `financiering`, Dutch message) for the loader to locate in the file: a key that is not
    a year is blamed on the key, a bad amount on its year, a year written twice (`2023`
    and `'2023'`) on the second.
    """
    if not isinstance(waarde, Mapping):
        return {}, [((), f"financiering is een tabel van jaar naar bedrag, niet {beschrijf(waarde)}; "
                         "bijvoorbeeld 2023: 12 mln")]
    if not waarde:
        return {}, [((), "financiering is leeg: geef per jaar een bedrag, bijvoorbeeld 2023: 12 mln")]
    bedragen: dict[int, Decimal] = {}
    problemen: list[tuple[Pad, str]] = []
    for sleutel, bedrag in waarde.items():
        pad: Pad = (sleutel,) if isinstance(sleutel, (str, int)) and not isinstance(sleutel, bool) else ()
        try:
            jaar = parse_jaar(sleutel)
        except Invoerfout as fout:
            problemen.append((pad, str(fout)))
            continue
        if jaar in bedragen:
            problemen.append((pad, f"het jaar {jaar} staat twee keer in financiering"))
            continue
        try:
            bedragen[jaar] = parse_bedrag(bedrag)
        except Invoerfout as fout:
            problemen.append((pad, str(fout)))
    return dict(sorted(bedragen.items())), problemen


def parse_indexatie(waarde: object) -> Decimal:
    """Read `indexatie` as a percentage: `2%` gives 2. A bare number other than 0 is refused:
    `0.02` and `2` would each be read as someone else meant them."""
    if isinstance(waarde, str):
        gevonden = _PROCENT.fullmatch(waarde)
        if gevonden is None:
            getal = _bare_indexatie(waarde)
        else:
            getal = parse_getal(gevonden.group(1))
    else:
        getal = _bare_indexatie(waarde)
    if getal < 0:
        raise Invoerfout(f"indexatie kan niet negatief zijn: {_als_tekst(waarde)}")
    if getal > 100:
        raise Invoerfout(f"een indexatie van meer dan 100% per jaar is onwaarschijnlijk: {_als_tekst(waarde)}")
    return getal


def _bare_indexatie(waarde: object) -> Decimal:
    try:
        getal = parse_getal(waarde)
    except Invoerfout:
        getal = None
    if getal != 0:
        raise Invoerfout(f"schrijf indexatie als percentage, bijvoorbeeld 2%, niet {beschrijf(waarde)}")
    return getal


def _als_tekst(waarde: object) -> str:
    return waarde.strip() if isinstance(waarde, str) else str(waarde)
