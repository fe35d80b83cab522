"""The input format as pydantic models: the one place where outside data is validated.

Each fragment of a file (a functie, `standaard`, a scenario) is validated where it is
written, so every error has a path into the YAML document. Merging the fragments into
one engine `Profiel` per scenario happens afterwards, in `loader`, on plain values.
Numbers and quantities are read by `quantity`, exactly, with Dutch messages.
"""

import re
from decimal import Decimal
from typing import Annotated, Any, Callable

from pydantic import BaseModel, ConfigDict, PlainValidator, field_validator
from pydantic_core import PydanticCustomError

from brutonetto.quantity import (
    Hoeveelheid,
    Invoerfout,
    parse_getal,
    parse_hoeveelheid,
    parse_uren,
    parse_weekuren,
    zonder_duizendtallen,
)

FOUTSOORT = "brutonetto"


def _dutch(parse: Callable[[Any], Any], *checks: tuple[Callable[[Any], bool], str]) -> PlainValidator:
    """Wrap a parser so its Dutch `Invoerfout` becomes a pydantic error with that message."""

    def validate(waarde: Any) -> Any:
        try:
            resultaat = parse(waarde)
        except Invoerfout as fout:
            raise PydanticCustomError(FOUTSOORT, str(fout)) from None
        for geldig, bericht in checks:
            if not geldig(resultaat):
                raise PydanticCustomError(FOUTSOORT, bericht)
        return resultaat

    return PlainValidator(validate)


def _tekst(waarde: Any) -> str:
    if not isinstance(waarde, str) or not waarde.strip():
        raise Invoerfout("verwacht een niet-lege tekst")
    return waarde.strip()


Tekst = Annotated[str, _dutch(_tekst)]
NietNegatief = Annotated[Decimal, _dutch(parse_getal, (lambda d: d >= 0, "mag niet negatief zijn"))]
_POSITIEF = (lambda d: d > 0, "moet groter dan 0 zijn")
Weken = Annotated[Decimal, _dutch(
    parse_getal, _POSITIEF,
    (lambda d: d <= 53, "een jaar heeft hooguit 53 weken (52, 52,14 of 52,18 zijn gangbaar)"),
)]
Weekuren = Annotated[Decimal, _dutch(parse_weekuren, _POSITIEF, (lambda d: d <= 168, "een week heeft maar 168 uur"))]
Daguren = Annotated[Decimal, _dutch(parse_uren, _POSITIEF, (lambda d: d <= 24, "een dag heeft maar 24 uur"))]
MIN_BESCHIKBAAR = Decimal(100)
UREN_IN_EEN_JAAR = Decimal(24 * 366)


def _jaaruren(waarde: Any) -> Decimal:
    """Available hours per fte per year: between 100 and the 8784 hours of a leap year."""
    uren = parse_uren(waarde)
    tekst = repr(waarde) if isinstance(waarde, float) else str(waarde).strip()
    if uren < MIN_BESCHIKBAAR:
        if re.fullmatch(r"\d{1,3}[.,]\d{3}", tekst):
            raise Invoerfout(
                f"'{tekst}' leest als {tekst.replace('.', ',')} uur: een punt is hier een decimaalteken, "
                f"geen duizendtalscheiding; bedoelt u {zonder_duizendtallen(tekst)}?"
            )
        raise Invoerfout(f"{tekst} beschikbare uren per fte per jaar is onwaarschijnlijk weinig (minder dan 100)")
    if uren > UREN_IN_EEN_JAAR:
        raise Invoerfout(f"{tekst} is meer uren dan een jaar heeft (8784); bedoelt u uren per fte per jaar?")
    return uren


Uren = Annotated[Decimal, _dutch(_jaaruren)]
Aftrek = Annotated[Hoeveelheid, _dutch(parse_hoeveelheid)]


class ProfielVelden(BaseModel):
    """The fields a functie, its `standaard` and its scenarios share; all optional here."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    eenheid: Tekst | None = None
    fte: NietNegatief | None = None
    beschikbare_uren: Uren | None = None
    uren_per_week: Weekuren | None = None
    weken_per_jaar: Weken | None = None
    uren_per_dag: Daguren | None = None
    verlof: dict[str, Aftrek] | None = None
    aftrek: dict[str, Aftrek] | None = None
    werklast_uren: NietNegatief | None = None
    kosten_per_fte: NietNegatief | None = None
    uurtarief: NietNegatief | None = None


def _geen_basis(scenarios: dict[str, Any] | None) -> dict[str, Any] | None:
    if scenarios and "basis" in scenarios:
        raise PydanticCustomError(
            FOUTSOORT, "'basis' is de basis zelf en kan geen scenario zijn; kies een andere naam"
        )
    return scenarios


class Scenario(ProfielVelden):
    """A partial profile, deep-merged over the basis."""


class Standaard(ProfielVelden):
    """Defaults deep-merged under every functie of a file; inline or in a file of its own."""

    scenarios: dict[str, Scenario] | None = None

    _scenarionamen = field_validator("scenarios")(_geen_basis)


class Functieprofiel(Standaard):
    """One functie: the basis and its own scenarios. A single-profile file is one too,
    with `standaard` beside it (taken out and loaded on its own before validation)."""

    functie: Tekst


class Eenheidskop(BaseModel):
    """What a unit file says about all its functies: shared `eenheid`, `standaard`, `scenarios`.

    `standaard` and `functies` are taken out and validated on their own before this model
    sees the file, so each error keeps its place; the schema of the whole file format
    (with both) is built from these models when it is asked for.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    eenheid: Tekst | None = None
    scenarios: dict[str, Scenario] | None = None

    _scenarionamen = field_validator("scenarios")(_geen_basis)


_VELDVOLGORDE: dict[type, tuple[str, ...]] = {}


def gezette_velden(model: BaseModel, *, zonder: tuple[str, ...] = ()) -> dict[str, Any]:
    """The fields the user actually wrote, in the model's order (for merging)."""
    gezet = model.__pydantic_fields_set__
    volgorde = _VELDVOLGORDE.get(type(model))
    if volgorde is None:
        volgorde = _VELDVOLGORDE[type(model)] = tuple(type(model).model_fields)
    return {naam: getattr(model, naam) for naam in volgorde if naam in gezet and naam not in zonder}


VELDNAMEN: tuple[str, ...] = tuple(sorted({*Functieprofiel.model_fields, "standaard", "functies"}))
