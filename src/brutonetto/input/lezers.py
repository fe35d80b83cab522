"""How pydantic reads a field: our parser (`quantity`), its Dutch messages, and what the
JSON Schema (`brutonetto schema`) says the field accepts.

Every field of the input model is `Annotated[<type>, Lezer(parser, checks..., json=...)]`.
`Lezer` stands where `PlainValidator` + `WithJsonSchema` would: `PlainValidator` also
builds a schema of the field's Python type (to serialise it, which this model never does)
and inspects the parser's signature, about half of what building the model costs at every
start of the command line, which is judged on cold start.
"""

import re
from decimal import Decimal
from typing import Annotated, Any, Callable

from pydantic import ConfigDict
from pydantic_core import PydanticCustomError, core_schema

from brutonetto.domain.hoeveelheid import Hoeveelheid
from brutonetto.input.hoeveelheid import (
    EENHEDEN,
    Geschreven,
    UREN_IN_JAAR,
    Invoerfout,
    dubbelzinnige_uren,
    parse_aandeel,
    parse_aantal,
    parse_getal,
    parse_hoeveelheid,
    parse_uren,
    parse_weekuren,
)

FOUTSOORT = "brutonetto"

Controle = tuple[Callable[[Any], bool], str]


class Lezer:
    """A field's reader: `parse` (raising `Invoerfout`), then each (condition, Dutch message)."""

    __slots__ = ("_parse", "_controles", "_json")

    def __init__(self, parse: Callable[[Any], Any], *controles: Controle, json: dict[str, Any]) -> None:
        self._parse = parse
        self._controles = controles
        self._json = json

    def lees(self, waarde: Any) -> Any:
        try:
            resultaat = self._parse(waarde)
        except Invoerfout as fout:
            raise PydanticCustomError(FOUTSOORT, str(fout)) from None
        for geldig, bericht in self._controles:
            if not geldig(resultaat):
                raise PydanticCustomError(FOUTSOORT, bericht)
        return resultaat

    def __get_pydantic_core_schema__(self, bron: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(self.lees)

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        return dict(self._json)


def deel(beschrijving: str) -> ConfigDict:
    """The settings of a nested part's model (`delen`, `contactcentrum`); its Dutch description
    is what an editor shows (the docstring is for developers)."""
    return ConfigDict(extra="forbid", frozen=True, defer_build=True, json_schema_extra={"description": beschrijving})


def _lees_tekst(waarde: Any) -> str:
    if not isinstance(waarde, str) or not waarde.strip():
        raise Invoerfout("verwacht een niet-lege tekst")
    return waarde.strip()


# What the JSON Schema says of each type: the forms the parsers accept.
GETALTEKST = r"^\s*[+-]?\d+([.,]\d+)?\s*$"
_EENHEDEN = "|".join(sorted((re.escape(e).replace("/", r"\s*/\s*") for e in EENHEDEN if e), key=len, reverse=True))
_HOEVEELHEIDTEKST = rf"^\s*\d+([.,]\d+)?\s*({_EENHEDEN})?\s*$"


def getal(minimum: float | None = None, maximum: float | None = None, eenheden: str = "") -> dict[str, Any]:
    """A number, or its text with one of `eenheden` (a regex alternation)."""
    schema: dict[str, Any] = {"type": "number"}
    if minimum is not None:
        schema["minimum"] = minimum
    if maximum is not None:
        schema["maximum"] = maximum
    patroon = rf"^\s*\d+([.,]\d+)?\s*({eenheden})?\s*$" if eenheden else GETALTEKST
    return {"anyOf": [schema, {"type": "string", "pattern": patroon}]}


Tekst = Annotated[str, Lezer(_lees_tekst, json={"type": "string", "minLength": 1, "pattern": r"\S"})]
NietNegatief = Annotated[Decimal, Lezer(parse_aantal, (lambda d: d >= 0, "mag niet negatief zijn"), json=getal(minimum=0))]
POSITIEF: Controle = (lambda d: d > 0, "moet groter dan 0 zijn")
Weken = Annotated[Decimal, Lezer(
    parse_getal, POSITIEF,
    (lambda d: d <= 53, "een jaar heeft hooguit 53 weken (52, 52,14 of 52,18 zijn gangbaar)"),
    json=getal(minimum=1, maximum=53),
)]
Weekuren = Annotated[Decimal, Lezer(
    parse_weekuren, POSITIEF, (lambda d: d <= 168, "een week heeft maar 168 uur"),
    json=getal(minimum=1, maximum=168, eenheden=r"uur|uren|u|h|uur\s*/\s*week|uren\s*/\s*week|u\s*/\s*week|u\s*/\s*w"),
)]
Daguren = Annotated[Decimal, Lezer(
    parse_uren, POSITIEF, (lambda d: d <= 24, "een dag heeft maar 24 uur"),
    json=getal(minimum=1, maximum=24, eenheden="uur|uren|u|h"),
)]
MIN_BESCHIKBAAR = Decimal(100)
UREN_IN_EEN_JAAR = Decimal(UREN_IN_JAAR)


def _jaaruren(waarde: Any) -> Decimal:
    """Available hours per fte per year: between 100 and the 8784 hours of a leap year."""
    uren = parse_uren(waarde)
    tekst = waarde.tekst if isinstance(waarde, Geschreven) else repr(waarde) if isinstance(waarde, float) else str(waarde).strip()
    if uren < MIN_BESCHIKBAAR:
        if re.fullmatch(r"[1-9]\d{0,2}[.,]\d{3}", tekst):
            raise Invoerfout(dubbelzinnige_uren(tekst))
        raise Invoerfout(f"{tekst} beschikbare uren per fte per jaar is onwaarschijnlijk weinig (minder dan 100)")
    if uren > UREN_IN_EEN_JAAR:
        raise Invoerfout(f"{tekst} is meer uren dan een jaar heeft (8784); bedoelt u uren per fte per jaar?")
    return uren


Uren = Annotated[Decimal, Lezer(_jaaruren, json=getal(minimum=100, maximum=8784, eenheden="uur|uren|u|h"))]
Aftrek = Annotated[Hoeveelheid, Lezer(parse_hoeveelheid, json={
    "anyOf": [
        {"type": "number", "minimum": 0, "description": "uren per jaar"},
        {
            "type": "string",
            "pattern": _HOEVEELHEIDTEKST,
            "description": "<getal> <eenheid>: 92 uur, 5,7%, 1 uur/week, 3 dagen",
        },
        {"const": "kalender", "description": "de feestdagen op een werkdag van het jaar van kalender (alleen verlof)"},
        {
            "type": "object",
            "description": "een percentage met een eigen basis: {procent: 4, van: bruto}",
            "properties": {
                "procent": {"anyOf": [{"type": "number", "minimum": 0, "maximum": 100}, {"type": "string", "pattern": GETALTEKST}]},
                "van": {"enum": ["bruto", "beschikbaar"]},
            },
            "required": ["procent"],
            "additionalProperties": False,
        },
    ]
})]
Percentage = Annotated[Decimal, Lezer(parse_aandeel, json={
    "type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*%\s*$", "description": "een percentage: 60%, '5,5%'",
})]
Positief = Annotated[Decimal, Lezer(parse_aantal, POSITIEF, json={
    "anyOf": [{"type": "number", "exclusiveMinimum": 0}, {"type": "string", "pattern": GETALTEKST}]
})]
