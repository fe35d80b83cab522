"""The parts a profile holds for contract v2's capacity: `producten` (with their `kanalen`)
and `verhouding`. input/loader.py builds them, engine/capaciteit.py computes with them.

A field is None where a fragment (a scenario) did not write it; whether a merged profile
is complete is the arithmetic's to say, naming the field.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple


if TYPE_CHECKING:
    from brutonetto.domain.hoeveelheid import Duur


class Kanaal(NamedTuple):
    """One channel of a service mix: its share (percent) of the volume, and its normtijd."""

    aandeel: Decimal | None = None
    normtijd: Duur | None = None


class Product(NamedTuple):
    """A product or service: volume per year x normtijd, or the volume split over `kanalen`."""

    volume: Decimal | None = None
    normtijd: Duur | None = None
    kanalen: dict[str, Kanaal] = {}  # never mutated: shared empty default


class Verhouding(NamedTuple):
    """A ratio role: one fte of this functie per `een_per` fte of functie `van`."""

    een_per: Decimal | None = None
    van: str | None = None
