"""Quantities as users write them: `92`, `5,7%`, `1 uur/week`, `3 dagen`, `{procent: 4, van: bruto}`.

Parsing is exact: the number goes straight from its text into a `Decimal`, so `5,7%` is
5.7 and never 5.7000000000000002. Converting a quantity to hours needs the profile
(its bruto, beschikbare uren, weeks and day length); that is the engine's job. What is
read is a domain type (domain/hoeveelheid.py): the engine works with it too.
"""

from __future__ import annotations

import functools
import math
import re
from decimal import Decimal, InvalidOperation

from brutonetto.domain.hoeveelheid import (
    BESCHIKBAAR, BRUTO, DAG, KALENDER, MINUUT, PROCENT, SECONDE, UUR, UUR_PER_WEEK, Duur, Hoeveelheid,
)

# Every spelling users write, to the unit the engine knows.
EENHEDEN: dict[str, str] = {
    "": UUR,
    "uur": UUR,
    "uren": UUR,
    "u": UUR,
    "h": UUR,
    "%": PROCENT,
    "uur/week": UUR_PER_WEEK,
    "uren/week": UUR_PER_WEEK,
    "u/week": UUR_PER_WEEK,
    "u/w": UUR_PER_WEEK,
    "dag": DAG,
    "dagen": DAG,
    "d": DAG,
}

_GETAL = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_HOEVEELHEID = re.compile(r"\s*([+-]?\d[\d.,]*)\s*(.*?)\s*")
_DUIZENDTALLEN = re.compile(r"[+-]?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?")


class Invoerfout(ValueError):
    """A value the user wrote that cannot be read; the message is Dutch and says how to fix it."""


class Geschreven(float):
    """A YAML float written like a Dutch thousands separator, `120.000` or `1.631`, with its text.

    YAML reads `volume: 120.000` as 120.0 and the text is gone; the loader keeps it here so a
    count or an amount can refuse it (a silent factor 1000), while hours (`92.967`) still read
    as the decimal number they are.
    """

    tekst: str

    def __new__(cls, tekst: str) -> Geschreven:
        getal = super().__new__(cls, tekst)
        getal.tekst = tekst
        return getal


def parse_aantal(waarde: object) -> Decimal:
    """A count or an amount (volume, fte, een_per, euro): a number, never one like `120.000`,
    written bare (a YAML float, `Geschreven`) or quoted (`'75.000'`)."""
    tekst = waarde.tekst if isinstance(waarde, Geschreven) else waarde if isinstance(waarde, str) else None
    if tekst is not None and re.fullmatch(r"\s*[+-]?[1-9]\d{0,2}\.\d{3}\s*", tekst):
        tekst = tekst.strip().lstrip("+")
        raise Invoerfout(
            f"'{tekst}' leest als {tekst.replace('.', ',')}: een punt is hier een decimaalteken, geen "
            f"duizendtalscheiding; bedoelt u {zonder_duizendtallen(tekst)}? (een decimaal: '{tekst.replace('.', ',')}')"
        )
    return parse_getal(waarde)


def parse_csvgetal(tekst: str) -> Decimal:
    """A number from a CSV export, where a Dutch Excel writes `4.000` for four thousand: refused,
    since it may be four. With a decimal comma the dots can only be thousands: `72.000,50`
    (Dutch Excel's own format for a number with thousands marks) is 72000.50."""
    if _NL_DUIZENDTALLEN.fullmatch(tekst):
        return parse_getal(tekst.replace(".", ""))
    if re.fullmatch(r"\s*[+-]?[1-9]\d{0,2}(\.\d{3})+\s*", tekst):
        schoon = tekst.strip()
        raise Invoerfout(
            f"'{schoon}' lijkt een scheidingsteken voor duizendtallen te bevatten: bedoelt u "
            f"{zonder_duizendtallen(schoon)}? (een decimaal schrijft u met een komma: {schoon.replace('.', ',')})"
        )
    return parse_getal(tekst)


_NL_DUIZENDTALLEN = re.compile(r"\s*[+-]?[1-9]\d{0,2}(?:\.\d{3})+,\d+\s*")

GRENS = Decimal(10) ** 12  # no hour count, fte or euro amount here comes near


def parse_getal(waarde: object) -> Decimal:
    """Read a plain number: a YAML int or float, or a string with `.` or `,` as decimal mark."""
    getal = _parse_getal(waarde)
    try:
        te_groot = abs(getal) >= GRENS
    except ArithmeticError:  # a million digits: past the context's exponent, too big to compare (a fourth probe)
        te_groot = True
    if te_groot:
        tekst = format(getal, "f")
        tekst = tekst if len(tekst) <= 24 else tekst[:20] + "..."
        raise Invoerfout(f"{tekst} is onwaarschijnlijk groot (een biljoen of meer)")
    return getal


def _parse_getal(waarde: object) -> Decimal:
    if isinstance(waarde, bool):
        raise Invoerfout(f"verwacht een getal, niet {'true' if waarde else 'false'}")
    if isinstance(waarde, int):
        return Decimal(waarde)
    if isinstance(waarde, float):
        if not math.isfinite(waarde):
            raise Invoerfout(f"verwacht een eindig getal, niet {waarde!r}")
        return Decimal(repr(waarde))
    if isinstance(waarde, Decimal):
        return waarde
    if isinstance(waarde, str):
        tekst = waarde.strip()
        if _GETAL.fullmatch(tekst):
            return _decimal(tekst)
        _weiger_duizendtallen(tekst)
        raise Invoerfout(f"verwacht een getal, niet '{waarde}'")
    raise Invoerfout(f"verwacht een getal, niet {beschrijf(waarde)}")


def parse_hoeveelheid(waarde: object) -> Hoeveelheid:
    """Read a deduction: a bare number (hours), `<getal> <eenheid>`, or `{procent: P, van: BASIS}`."""
    if isinstance(waarde, dict):
        return _parse_lange_vorm(waarde)
    if isinstance(waarde, (str, int, float)):
        return _kort_geheugen(waarde)  # the same few texts come back thousands of times
    return _parse_korte_vorm(waarde)


def _parse_korte_vorm(waarde: object) -> Hoeveelheid:
    if isinstance(waarde, str) and waarde.strip().lower() == KALENDER:
        return Hoeveelheid(Decimal(0), KALENDER)  # `feestdagen: kalender`: the engine counts the days
    if isinstance(waarde, str):
        gevonden = _HOEVEELHEID.fullmatch(waarde)
        if gevonden is None:
            raise Invoerfout(
                f"'{waarde}' is geen hoeveelheid; schrijf bijvoorbeeld '92 uur', '5,7%', "
                "'1 uur/week' of '3 dagen'"
            )
        getaltekst, eenheidtekst = gevonden.groups()
        eenheid = EENHEDEN.get(re.sub(r"\s*/\s*", "/", eenheidtekst.lower()))
        if eenheid is None:
            raise Invoerfout(_onbekende_eenheid(waarde, getaltekst, eenheidtekst))
        getal = parse_getal(getaltekst)
    else:
        getaltekst = waarde.tekst if isinstance(waarde, Geschreven) else str(waarde)
        getal, eenheid = parse_getal(waarde), UUR
    if eenheid == UUR and _DUIZENDTAL_UREN.fullmatch(getaltekst):
        if int(re.sub(r"\D", "", getaltekst)) <= UREN_IN_JAAR:  # 1.631: both readings are hours
            raise Invoerfout(dubbelzinnige_uren(getaltekst.strip()))
    return _gecontroleerd(Hoeveelheid(getal, eenheid), waarde)


UREN_IN_JAAR = 24 * 366  # a leap year
_DUIZENDTAL_UREN = re.compile(r"\s*\+?[1-9]\d{0,2}\.\d{3}\s*")  # a comma is the Dutch decimal mark


def dubbelzinnige_uren(tekst: str) -> str:
    """The message for hours like `1.631`: 1,631 hours, or 1631 with a thousands mark?"""
    teken = "een komma" if "," in tekst else "een punt"
    return (
        f"'{tekst}' leest als {tekst.replace('.', ',')} uur: {teken} is hier een decimaalteken, "
        f"geen duizendtalscheiding; bedoelt u {zonder_duizendtallen(tekst)}?"
    )


# Units written out in words, to the unit meant: the message suggests it.
_VOLUIT: dict[str, str] = {
    "procent": PROCENT, "pct": PROCENT, "percent": PROCENT, "perc": PROCENT, "prc": PROCENT,
    "uur per week": UUR_PER_WEEK, "uren per week": UUR_PER_WEEK, "u per week": UUR_PER_WEEK,
    "per week": UUR_PER_WEEK, "p/w": UUR_PER_WEEK, "pw": UUR_PER_WEEK, "uur/wk": UUR_PER_WEEK, "u/wk": UUR_PER_WEEK,
    "uur per jaar": UUR, "uren per jaar": UUR, "per jaar": UUR, "uur/jaar": UUR, "u/j": UUR, "uur p/j": UUR,
    "werkdagen": "dagen", "werkdag": "dag", "dg": "dagen", "dgn": "dagen", "dagen per jaar": "dagen",
}


def _onbekende_eenheid(waarde: str, getaltekst: str, eenheidtekst: str) -> str:
    """`onbekende eenheid 'procent' in '5 procent'; bedoelt u '5%'?`, else the units known."""
    import difflib

    sleutel = re.sub(r"\s+", " ", re.sub(r"\s*/\s*", "/", eenheidtekst.lower()))
    bedoeld = _VOLUIT.get(sleutel)
    if bedoeld is None:
        gelijkend = difflib.get_close_matches(sleutel, [k for k in EENHEDEN if len(k) > 1], n=1, cutoff=0.75)
        bedoeld = gelijkend[0] if gelijkend else None
    bericht = f"onbekende eenheid '{eenheidtekst}' in '{waarde}'"
    if bedoeld is not None:
        return bericht + f"; bedoelt u '{getaltekst}{'' if bedoeld == PROCENT else ' '}{bedoeld}'?"
    return bericht + f"; bekend zijn: {', '.join(sorted({k for k in EENHEDEN if k}))}"


# typed: 1, 1.0 and True are different inputs (True is refused)
_kort_geheugen = functools.lru_cache(maxsize=4096, typed=True)(_parse_korte_vorm)


def parse_uren(waarde: object, eenheden: tuple[str, ...] = (UUR,)) -> Decimal:
    """Read a number of hours: a bare number or `<getal> uur` (or another of `eenheden`)."""
    if isinstance(waarde, str):
        if _HOEVEELHEID.fullmatch(waarde) is None:
            raise Invoerfout(f"verwacht een getal, niet '{waarde}'")
        hoeveelheid = parse_hoeveelheid(waarde)
        if hoeveelheid.eenheid not in eenheden:
            raise Invoerfout(f"verwacht een aantal uren, niet '{waarde}'")
        return hoeveelheid.getal
    return parse_getal(waarde)


def parse_weekuren(waarde: object) -> Decimal:
    """Hours per week: `36`, `36 uur` or `36 uur/week`."""
    return parse_uren(waarde, (UUR, UUR_PER_WEEK))


def _parse_lange_vorm(waarde: dict) -> Hoeveelheid:
    onbekend = sorted(str(k) for k in waarde if k not in ("procent", "van"))
    if onbekend:
        raise Invoerfout(
            f"onbekende sleutel '{onbekend[0]}' in de lange vorm; gebruik {{procent: 4, van: bruto}}"
        )
    if "procent" not in waarde:
        raise Invoerfout("de lange vorm heeft 'procent' nodig, bijvoorbeeld {procent: 4, van: bruto}")
    van = waarde.get("van")
    if van is not None and van not in (BRUTO, BESCHIKBAAR):
        raise Invoerfout(f"'van' moet 'bruto' of 'beschikbaar' zijn, niet '{van}'")
    getal = parse_getal(waarde["procent"])
    return _gecontroleerd(Hoeveelheid(getal, PROCENT, van), waarde)


def _gecontroleerd(hoeveelheid: Hoeveelheid, waarde: object) -> Hoeveelheid:
    if hoeveelheid.getal < 0:
        raise Invoerfout(f"een aftrek kan niet negatief zijn: {waarde}")
    if hoeveelheid.eenheid == PROCENT and hoeveelheid.getal > 100:
        getypt = waarde.get("procent") if isinstance(waarde, dict) else waarde
        raise Invoerfout(f"een percentage ligt tussen 0 en 100, niet {str(getypt).strip()}")
    return hoeveelheid


# A normtijd's spellings (domain/hoeveelheid.py: a normtijd is stored as written, with its unit).
DUUREENHEDEN: dict[str, str] = {
    "s": SECONDE, "sec": SECONDE, "seconde": SECONDE, "seconden": SECONDE,
    "min": MINUUT, "minuut": MINUUT, "minuten": MINUUT, "m": MINUUT,
    "uur": UUR, "uren": UUR, "u": UUR, "h": UUR,
}


def parse_duur(waarde: object) -> Duur:
    """Read a normtijd or handle time: a number with `s`, `sec`, `min`, `minuten`, `uur`, `u` or `h`."""
    if isinstance(waarde, bool) or not isinstance(waarde, (str, int, float)):
        raise Invoerfout(f"verwacht een tijd zoals '45 min' of '1,5 uur', niet {beschrijf(waarde)}")
    if not isinstance(waarde, str):
        raise Invoerfout(
            f"'{waarde}' heeft geen eenheid: bedoelt u '{waarde} min'? Schrijf een tijd met s, min of uur"
        )
    gevonden = _HOEVEELHEID.fullmatch(waarde)
    if gevonden is None:
        raise Invoerfout(f"'{waarde}' is geen tijd; schrijf bijvoorbeeld '45 min', '1,5 uur' of '180 s'")
    getaltekst, eenheidtekst = gevonden.groups()
    if not eenheidtekst:
        raise Invoerfout(
            f"'{waarde.strip()}' heeft geen eenheid: bedoelt u '{waarde.strip()} min'? Schrijf een tijd met s, min of uur"
        )
    eenheid = DUUREENHEDEN.get(eenheidtekst.lower())
    if eenheid is None:
        raise Invoerfout(f"onbekende tijdseenheid '{eenheidtekst}' in '{waarde}'; bekend zijn: s, sec, min, minuten, uur, u, h")
    getal = parse_getal(getaltekst)
    if getal < 0:
        raise Invoerfout(f"een tijd kan niet negatief zijn: {waarde}")
    return Duur(getal, eenheid)


def parse_aandeel(waarde: object) -> Decimal:
    """A share written as a percentage, `60%` or `'5,5%'`: the number of percent, 0 to 100."""
    if isinstance(waarde, str):
        gevonden = _HOEVEELHEID.fullmatch(waarde)
        if gevonden is not None and gevonden.group(2) == PROCENT:
            getal = parse_getal(gevonden.group(1))
            if not 0 <= getal <= 100:
                raise Invoerfout(f"een percentage ligt tussen 0 en 100, niet {waarde.strip()}")
            return getal
    if isinstance(waarde, (int, float, str)) and not isinstance(waarde, bool):
        tekst = str(waarde).strip()
        voorbeeld = tekst.rstrip("%")
        try:  # 0.6 is a fraction: 60%
            getal = parse_getal(voorbeeld)
            if 0 < getal < 1:
                voorbeeld = format((getal * 100).normalize(), "f").replace(".", ",")
        except Invoerfout:
            pass
        raise Invoerfout(f"verwacht een percentage met %, bijvoorbeeld '{voorbeeld}%', niet '{tekst}'")
    raise Invoerfout(f"verwacht een percentage zoals '60%', niet {beschrijf(waarde)}")


def _weiger_duizendtallen(tekst: str) -> None:
    if _DUIZENDTALLEN.fullmatch(tekst) and tekst.count(".") + tekst.count(",") > 1:
        raise Invoerfout(
            f"'{tekst}' lijkt scheidingstekens voor duizendtallen te bevatten; schrijf getallen "
            f"zonder duizendtalscheiding, met . of , als decimaalteken (bijvoorbeeld {zonder_duizendtallen(tekst)})"
        )


def zonder_duizendtallen(tekst: str) -> str:
    """`1.631,5` -> `1631,5`, `1.631.000` -> `1631000`: the hint for a number with thousands marks."""
    if "." in tekst and "," in tekst:
        decimaal = max(".,", key=tekst.rfind)
        ander = "," if decimaal == "." else "."
        return tekst.replace(ander, "")
    return re.sub(r"[.,]", "", tekst)


def _decimal(tekst: str) -> Decimal:
    try:
        return Decimal(tekst.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the regex admits only valid numbers
        raise Invoerfout(f"verwacht een getal, niet '{tekst}'") from None


def beschrijf(waarde: object) -> str:
    """A value as a message names it: 'een lijst', 'een lege waarde', or the text, shortened."""
    if waarde is None:
        return "een lege waarde"
    if isinstance(waarde, list):
        return "een lijst"
    if isinstance(waarde, dict):
        return "een mapping"
    tekst = str(waarde)
    return f"'{tekst[:40]}...'" if len(tekst) > 40 else f"'{tekst}'"
