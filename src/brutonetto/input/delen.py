"""The nested parts of a profile for capacity (contract v2): `producten` with their
`kanalen`, and `verhouding`, each a pydantic model of its own (`contactcentrum`'s is in
input/contactcentrum.py, beside its parsers).

`model.Velden` refers to them through `model.Deel`, which imports this module and builds a
part's validator only when a file has that part: a profile without them (most of them) pays
nothing for them at start-up. Errors keep their place: a part's `ValidationError` raised
inside `Velden`'s validation is placed under the field (`producten.bezwaar.volume`).
"""

from typing import Annotated

from pydantic import BaseModel, Field

from brutonetto.input.lezers import Lezer, NietNegatief, Percentage, Positief, Tekst, deel
from brutonetto.domain.hoeveelheid import Duur
from brutonetto.input.hoeveelheid import parse_duur

Normtijd = Annotated[Duur, Lezer(parse_duur, json={
    "type": "string",
    "pattern": r"^\s*\d+([.,]\d+)?\s*(s|sec|seconden?|min|minuut|minuten|m|uur|uren|u|h)\s*$",
    "description": "een tijd met eenheid: 45 min, 1,5 uur, 180 s",
})]


class Kanaal(BaseModel):
    """One channel of a service mix: its share of the product's volume and its own normtijd."""

    model_config = deel("Een kanaal van een dienstenmix: zijn aandeel in het volume en zijn normtijd.")

    aandeel: Percentage | None = Field(None, description="Deel van het volume via dit kanaal, bijvoorbeeld 60%; samen 100%.")
    normtijd: Normtijd | None = Field(None, description="Normtijd per product via dit kanaal, met eenheid: 8 min.")


class Product(BaseModel):
    """A product or service: its volume per year and its normtijd, or a mix over channels."""

    model_config = deel("Een product of dienst: volume per jaar x normtijd, of een mix over kanalen.")

    volume: NietNegatief | None = Field(None, description="Aantal per jaar (0 of meer).")
    normtijd: Normtijd | None = Field(None, description="Normtijd per stuk, met eenheid: 45 min, 1,5 uur, 180 s.")
    kanalen: dict[str, Kanaal] | None = Field(
        None, description="Dienstenmix: per kanaal een aandeel van het volume en een eigen normtijd; aandelen samen 100%."
    )


class Verhouding(BaseModel):
    """A ratio role: one of this functie per `een_per` fte of functie `van`."""

    model_config = deel("Een verhouding: één fte van deze functie per een_per fte van de functie 'van'.")

    een_per: Positief | None = Field(None, description="Eén fte van deze functie per zoveel fte van 'van', bijvoorbeeld 30.")
    van: Tekst | None = Field(None, description="De functie (in dezelfde eenheid) waarvan dit een verhouding is.")


Producten = dict[str, Product]
