"""The contact centre's values as users write them, with no model behind them: times with
their unit, an interval length, a percentage, a service level. The `erlang` command reads its
options with these alone (it reads no profile, so it does not pay for pydantic's models or
YAML at start-up); input/contactcentrum.py reads a profile's `contactcentrum` with them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from brutonetto.input.hoeveelheid import Invoerfout, beschrijf, parse_getal

SECONDE, MINUUT, UUR = Decimal(1), Decimal(60), Decimal(3600)
TIJDEENHEDEN = {
    "s": SECONDE, "sec": SECONDE, "seconde": SECONDE, "seconden": SECONDE,
    "min": MINUUT, "minuut": MINUUT, "minuten": MINUUT,
    "uur": UUR, "uren": UUR, "u": UUR, "h": UUR,
}
INTERVALLEN_MIN = (5, 10, 15, 20, 30, 60)
_TIJD = re.compile(r"\s*([+-]?\d+(?:[.,]\d+)?)\s*([a-zA-Z]*)\s*")
_KORT_SERVICELEVEL = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s*%?\s*/\s*(\d+(?:[.,]\d+)?)\s*(?:s|sec)?\s*")


class Servicelevel(NamedTuple):
    procent: Decimal
    binnen_s: Decimal


def parse_tijd(waarde: object, veld: str = "tijd", nul_mag: bool = False) -> Decimal:
    """A time with its unit, in seconds: `180 s` -> 180, `30 min` -> 1800, `0,5 uur` -> 1800;
    `nul_mag`: 0 s is a time too (a service level's `binnen`: answered at once)."""
    if isinstance(waarde, bool) or not isinstance(waarde, (str, int, float)):
        raise Invoerfout(f"verwacht een tijd zoals '180 s' of '30 min', niet {beschrijf(waarde)}")
    tekst = str(waarde).strip()
    gevonden = _TIJD.fullmatch(tekst)
    if gevonden is None:
        raise Invoerfout(f"'{tekst}' is geen tijd; schrijf bijvoorbeeld '180 s', '30 min' of '1 uur'")
    getaltekst, eenheid = gevonden.groups()
    if not eenheid:
        voorbeeld = "min" if veld == "interval" else "s"
        raise Invoerfout(f"'{tekst}' heeft geen eenheid: bedoelt u '{tekst} {voorbeeld}'? Schrijf een tijd met s, min of uur")
    factor = TIJDEENHEDEN.get(eenheid.lower())
    if factor is None:
        raise Invoerfout(f"onbekende tijdseenheid '{eenheid}' in '{tekst}'; bekend zijn: s, sec, min, minuten, uur, u, h")
    seconden = parse_getal(getaltekst) * factor
    if seconden < 0 or (seconden == 0 and not nul_mag):
        grens = "kan niet negatief zijn" if nul_mag else "moet langer zijn dan 0 s"
        raise Invoerfout(f"de {veld} {grens} (gegeven: '{tekst}')")
    return seconden


def parse_interval(waarde: object) -> Decimal:
    seconden = parse_tijd(waarde, "interval")
    if seconden / 60 not in INTERVALLEN_MIN:
        raise Invoerfout(
            f"een interval van '{str(waarde).strip()}' deelt een uur niet in gangbare stukken; kies "
            + ", ".join(str(m) for m in INTERVALLEN_MIN[:-1]) + f" of {INTERVALLEN_MIN[-1]} min"
        )
    return seconden


def parse_procent(waarde: object, veld: str = "percentage") -> Decimal:
    """`85%`, `'80,5%'` or 85: a percentage above 0 and at most 100."""
    tekst = waarde.strip().removesuffix("%") if isinstance(waarde, str) else waarde
    getal = parse_getal(tekst)
    if 0 < getal < 1:  # 0,85 is a share written as a fraction, not 0,85%: no one plans for that
        procent = format((getal * 100).normalize(), "f").replace(".", ",")
        raise Invoerfout(f"{veld} van {format(getal, 'f').replace('.', ',')}% is onwaarschijnlijk laag: bedoelt u {procent}%?")
    if not 0 < getal <= 100:
        raise Invoerfout(f"{veld} moet boven 0% en hoogstens 100% zijn (gegeven: {format(getal, 'f')}%)")
    return getal


def parse_servicelevel(waarde: object) -> Servicelevel:
    """`{procent: 80, binnen: 20 s}` or `80/20` (percent answered within seconds)."""
    if isinstance(waarde, dict):
        onbekend = sorted(str(k) for k in waarde if k not in ("procent", "binnen"))
        if onbekend or "procent" not in waarde or "binnen" not in waarde:
            raise Invoerfout(
                (f"onbekende sleutel '{onbekend[0]}' in servicelevel; " if onbekend else "")
                + "schrijf servicelevel: {procent: 80, binnen: 20 s} of kort 80/20"
            )
        return Servicelevel(parse_procent(waarde["procent"], "het servicelevel"), parse_tijd(waarde["binnen"], "doeltijd (binnen)", nul_mag=True))
    if isinstance(waarde, str):
        gevonden = _KORT_SERVICELEVEL.fullmatch(waarde)
        if gevonden is not None:
            procent, binnen = (parse_getal(g) for g in gevonden.groups())
            if binnen < 0:
                raise Invoerfout(f"de doeltijd (binnen) kan niet negatief zijn (gegeven: '{waarde.strip()}')")
            return Servicelevel(parse_procent(procent, "het servicelevel"), binnen)
    raise Invoerfout(
        f"verwacht een servicelevel zoals {{procent: 80, binnen: 20 s}} of 80/20, niet {beschrijf(waarde)}"
    )
