"""`--varieer FIELD=LOW..HIGH`: a field of the profile and the range it is varied over.

FIELD is a dotted path: a number of the profile (`beschikbare_uren`, `fte`,
`kosten_per_fte`, ...; every field `Velden` reads as a number or a quantity) or one
line of `aftrek` or `verlof` (`aftrek.verzuim`). LOW and HIGH are read exactly as a
profile writes that field (its own validator, so `4,2%` and `185 uur` and every Dutch
message are the profile's); a unit written once, after HIGH, holds for both:
`aftrek.verzuim=4,2..5,7%`, `aftrek.leren_en_ontwikkelen=185..218 uur`.

Every problem is an `Invoerfout` whose Dutch message the CLI shows as a usage error.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, NamedTuple

from brutonetto.domain.hoeveelheid import Hoeveelheid
from brutonetto.domain.profiel import Profiel
from brutonetto.input.lezers import Percentage
from brutonetto.input.model import Velden, suggestie
from brutonetto.input.hoeveelheid import Invoerfout

REGELS = ("aftrek", "verlof")  # fields with named lines: aftrek.<naam>
_BEREIK = re.compile(r"\s*(.*?)\s*\.\.\s*(.*?)\s*")
_GETAL_EN_EENHEID = re.compile(r"([+-]?\d[\d.,]*)\s*(.*)")


def _is_getal(annotatie: Any) -> bool:
    """A field read as one Decimal or one Hoeveelheid (not text, not a mapping)."""
    for deel in typing.get_args(annotatie):
        if typing.get_origin(deel) is typing.Annotated and typing.get_args(deel)[0] in (Decimal, Hoeveelheid):
            return True
    return False


# The numbers of a profile the engine reads: what can be varied (new fields join by themselves).
GETALVELDEN: tuple[str, ...] = tuple(
    naam for naam, veld in Velden.model_fields.items() if naam in Profiel._fields and _is_getal(veld.annotation)
)


# numbers written as a percentage (instroom: 10%): a value of theirs is written with its %
PROCENTVELDEN: tuple[str, ...] = tuple(
    naam for naam in GETALVELDEN if Percentage in typing.get_args(Velden.model_fields[naam].annotation)
)


class Bereik(NamedTuple):
    veld: str  # as written: aftrek.leren_en_ontwikkelen
    pad: tuple[str, ...]
    laag: Decimal | Hoeveelheid
    hoog: Decimal | Hoeveelheid
    achtervoegsel: str = ""  # "%" when a plain number was written as a percentage (instroom=5..30%)


def lees_bereik(tekst: str, regels: dict[str, Iterable[str]]) -> Bereik:
    """Read `FIELD=LOW..HIGH`; `regels` are the aftrek and verlof names in the profiles of the run."""
    veld, is_teken, bereik = tekst.partition("=")
    veld = veld.strip()
    if not is_teken or not veld:
        raise Invoerfout(f"'{tekst}': schrijf VELD=LAAG..HOOG, bijvoorbeeld aftrek.leren_en_ontwikkelen=185..218 uur")
    pad = veldpad(veld, regels)
    gevonden = _BEREIK.fullmatch(bereik)
    if gevonden is None:
        raise Invoerfout(f"'{tekst}': het bereik heeft twee punten tussen LAAG en HOOG, bijvoorbeeld {veld}=185..218")
    laag_tekst, hoog_tekst = gevonden.groups()
    if not laag_tekst or not hoog_tekst:
        raise Invoerfout(f"'{tekst}': het bereik is leeg; geef LAAG en HOOG, bijvoorbeeld {veld}=185..218")
    laag_tekst, hoog_tekst = _eenheid_voor_beide(laag_tekst, hoog_tekst)
    laag, hoog = lees_waarde(pad, laag_tekst, veld), lees_waarde(pad, hoog_tekst, veld)
    if isinstance(laag, Hoeveelheid) and isinstance(hoog, Hoeveelheid) and (laag.eenheid, laag.van) != (hoog.eenheid, hoog.van):
        raise Invoerfout(f"'{tekst}': LAAG en HOOG hebben verschillende eenheden ({laag} en {hoog}); schrijf één eenheid")
    getal_laag, getal_hoog = (w.getal if isinstance(w, Hoeveelheid) else w for w in (laag, hoog))
    if getal_laag == getal_hoog:
        raise Invoerfout(f"'{tekst}': het bereik is leeg (LAAG is gelijk aan HOOG); geef twee verschillende waarden")
    if getal_laag > getal_hoog:
        raise Invoerfout(f"'{tekst}': LAAG is groter dan HOOG; schrijf {veld}={hoog_tekst}..{laag_tekst}")
    procent = isinstance(laag, Decimal) and hoog_tekst.endswith("%")
    return Bereik(veld, pad, laag, hoog, "%" if procent else "")


def veldpad(veld: str, regels: dict[str, Iterable[str]]) -> tuple[str, ...]:
    """A field a command varies or seeks (`aftrek.verzuim`, `fte`) as a path, or a Dutch `Invoerfout`."""
    groep, punt, naam = veld.partition(".")
    if groep in REGELS:
        bekend = tuple(dict.fromkeys(regels.get(groep, ())))
        if not punt or not naam:
            voorbeeld = f"{groep}.{bekend[0]}" if bekend else f"{groep}.verzuim"
            raise Invoerfout(f"'{veld}' is een lijst van regels; kies er één, bijvoorbeeld {voorbeeld}")
        if naam not in bekend:
            raise Invoerfout(
                f"onbekende {groep}regel '{naam}'{suggestie(naam, bekend, 0.75)}; in deze profielen staan: "
                f"{', '.join(bekend) or 'geen'} (een nieuwe regel: zet hem eerst in het profiel, bijvoorbeeld met 0 uur)"
            )
        return (groep, naam)
    if punt:
        raise Invoerfout(f"onbekend veld '{veld}'{suggestie(veld, _alle(regels))}; alleen aftrek en verlof hebben regels")
    if veld in GETALVELDEN:
        return (veld,)
    if veld in Velden.model_fields or veld == "standaard":
        raise Invoerfout(f"'{veld}' is geen getal of hoeveelheid; te variëren zijn: {', '.join(_alle(regels))}")
    raise Invoerfout(f"onbekend veld '{veld}'{suggestie(veld, _alle(regels))}; te variëren zijn: {', '.join(_alle(regels))}")


def _alle(regels: dict[str, Iterable[str]]) -> tuple[str, ...]:
    return GETALVELDEN + tuple(f"{groep}.{naam}" for groep in REGELS for naam in dict.fromkeys(regels.get(groep, ())))


def _eenheid_voor_beide(laag: str, hoog: str) -> tuple[str, str]:
    """`185..218 uur` -> `185 uur`, `218 uur`: a unit written once after HIGH holds for both."""
    eerste, tweede = _GETAL_EN_EENHEID.fullmatch(laag), _GETAL_EN_EENHEID.fullmatch(hoog)
    if eerste and tweede and not eerste.group(2) and tweede.group(2):
        return f"{laag} {tweede.group(2)}", hoog
    return laag, hoog


def lees_waarde(pad: tuple[str, ...], tekst: str, veld: str) -> Decimal | Hoeveelheid:
    """A value read by the profile's own validator for this field: the same forms, the same messages."""
    from pydantic import ValidationError

    data: dict[str, Any] = {pad[0]: {pad[1]: tekst}} if len(pad) == 2 else {pad[0]: tekst}
    try:
        velden = Velden.model_validate(data)
    except ValidationError as fout:
        bericht = fout.errors(include_url=False)[0]["msg"]
        raise Invoerfout(f"{veld}: {bericht}") from None
    waarde = getattr(velden, pad[0])
    return waarde[pad[1]] if len(pad) == 2 else waarde


def als_tekst(waarde: Decimal | Hoeveelheid) -> str:
    """A value as a profile writes it, with a decimal comma: 185 uur, 4,2%, 1631."""
    if isinstance(waarde, Hoeveelheid):
        getal = _grensgetal(waarde.getal)
        tekst = str(waarde._replace(getal=Decimal(0)))
        return tekst.replace("0", getal, 1)
    return _grensgetal(waarde)


def _grensgetal(getal: Decimal) -> str:
    from brutonetto.notation import machinegetal

    return machinegetal(getal).replace(".", ",")
