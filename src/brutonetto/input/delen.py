"""The nested parts of a profile (contract v2): `producten` with their `kanalen`, `verhouding`
and `contactcentrum`, each a pydantic model of its own.

`model.Velden` refers to them through `Deel`, which imports this module and builds a part's
validator only when a file has that part: a profile without them (most of them) pays
nothing for them at start-up. Errors keep their place: a part's `ValidationError` raised
inside `Velden`'s validation is placed under the field (`producten.bezwaar.volume`).
"""

from decimal import Decimal
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, WithJsonSchema, WrapValidator
from pydantic_core import PydanticCustomError

from brutonetto.input import contactcentrum as cc
from brutonetto.input.lezers import FOUTSOORT, GETALTEKST, Lezer, NietNegatief, Percentage, Positief, Tekst, Weken
from brutonetto.input.quantity import Duur, parse_duur

Normtijd = Annotated[Duur, Lezer(parse_duur, json={
    "type": "string",
    "pattern": r"^\s*\d+([.,]\d+)?\s*(s|sec|seconden?|min|minuut|minuten|m|uur|uren|u|h)\s*$",
    "description": "een tijd met eenheid: 45 min, 1,5 uur, 180 s",
})]


def _deel(beschrijving: str) -> ConfigDict:
    """A nested part; its Dutch description is what an editor shows (the docstring is for developers)."""
    return ConfigDict(extra="forbid", frozen=True, defer_build=True, json_schema_extra={"description": beschrijving})


class Kanaal(BaseModel):
    """One channel of a service mix: its share of the product's volume and its own normtijd."""

    model_config = _deel("Een kanaal van een dienstenmix: zijn aandeel in het volume en zijn normtijd.")

    aandeel: Percentage | None = Field(None, description="Deel van het volume via dit kanaal, bijvoorbeeld 60%; samen 100%.")
    normtijd: Normtijd | None = Field(None, description="Normtijd per product via dit kanaal, met eenheid: 8 min.")


class Product(BaseModel):
    """A product or service: its volume per year and its normtijd, or a mix over channels."""

    model_config = _deel("Een product of dienst: volume per jaar x normtijd, of een mix over kanalen.")

    volume: NietNegatief | None = Field(None, description="Aantal per jaar (0 of meer).")
    normtijd: Normtijd | None = Field(None, description="Normtijd per stuk, met eenheid: 45 min, 1,5 uur, 180 s.")
    kanalen: dict[str, Kanaal] | None = Field(
        None, description="Dienstenmix: per kanaal een aandeel van het volume en een eigen normtijd; aandelen samen 100%."
    )


class Verhouding(BaseModel):
    """A ratio role: one of this functie per `een_per` fte of functie `van`."""

    model_config = _deel("Een verhouding: één fte van deze functie per een_per fte van de functie 'van'.")

    een_per: Positief | None = Field(None, description="Eén fte van deze functie per zoveel fte van 'van', bijvoorbeeld 30.")
    van: Tekst | None = Field(None, description="De functie (in dezelfde eenheid) waarvan dit een verhouding is.")


Tijd = Annotated[Decimal, Lezer(lambda w: cc.parse_tijd(w, "gespreksduur"), json={
    "type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*(s|sec|seconden?|min|minuut|minuten|uur|uren|u|h)\s*$",
    "description": "een tijd met eenheid: 180 s, 3 min",
})]


def _aanbod(waarde: Any, handler: Any) -> Any:
    """Contacts per interval, each count checked at its own line; or a CSV path, read by the loader."""
    if isinstance(waarde, str) and waarde.strip():
        return waarde.strip()
    if waarde == {} or isinstance(waarde, str):
        raise PydanticCustomError(FOUTSOORT, "verwacht per interval het aantal contacten (ma 08:00: 100) of een pad naar een CSV")
    return handler(waarde)


Aanbod = Annotated[
    dict[str, NietNegatief], WrapValidator(_aanbod),
    WithJsonSchema({"anyOf": [
        {"type": "object", "additionalProperties": {"anyOf": [{"type": "number", "minimum": 0},
                                                              {"type": "string", "pattern": GETALTEKST}]}},
        {"type": "string", "description": "pad naar een CSV met de kolommen interval en aanbod"},
    ]}),
]


class Contactcentrum(BaseModel):
    """A queue: a typical week of volumes, handle time and service level (input/contactcentrum.py)."""

    model_config = _deel("Een wachtrij (telefonie, chat): agenten per interval met Erlang C, als werklast.")

    interval: Annotated[Decimal, Lezer(cc.parse_interval, json=(
        {"type": "string", "enum": ["5 min", "10 min", "15 min", "20 min", "30 min", "60 min", "1 uur"]}
    ))] | None = Field(None, description="Lengte van één interval: 5, 10, 15, 20, 30 of 60 min.")
    gespreksduur: Tijd | None = Field(None, description="Gemiddelde afhandeltijd (gesprek + nawerk), bijvoorbeeld 180 s.")
    servicelevel: Annotated[cc.Servicelevel, Lezer(cc.parse_servicelevel, json={"anyOf": [
        {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*%?\s*/\s*\d+([.,]\d+)?\s*(s|sec)?\s*$"},
        {"type": "object", "properties": {"procent": {}, "binnen": {}}, "required": ["procent", "binnen"],
         "additionalProperties": False},
    ]})] | None = Field(None, description="Doel: {procent: 80, binnen: 20 s} of kort 80/20 (80% binnen 20 s).")
    max_bezetting: Annotated[Decimal, Lezer(lambda w: cc.parse_procent(w, "de maximale bezetting"), json=(
        {"anyOf": [{"type": "number", "exclusiveMinimum": 0, "maximum": 100},
                   {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*%?\s*$"}]}
    ))] | None = Field(None, description="Hoogste bezetting van de agenten, bijvoorbeeld 85%.")
    weken_open: Weken | None = Field(None, description="Weken per jaar dat de wachtrij open is; standaard 52.")
    aanbod: Aanbod | None = Field(
        None, description="Contacten per interval van een typische week (ma 08:00: 100), of een pad naar een CSV "
        "met de kolommen interval en aanbod (relatief aan dit bestand).")


DELEN: dict[str, Any] = {"producten": dict[str, Product], "verhouding": Verhouding, "contactcentrum": Contactcentrum}


@cache
def adapter(veld: str) -> TypeAdapter[Any]:
    """The validator of one part, built on first use."""
    return TypeAdapter(DELEN[veld])
