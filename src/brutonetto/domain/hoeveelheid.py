"""Quantities as written: a number with its unit (`5,7%`, `1 uur/week`, `45 min`), exact.

input/hoeveelheid.py reads them from what users write; the engine converts them to hours
with the profile's numbers. Both need the same units, so they are here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple


UUR = "uur"
PROCENT = "%"
UUR_PER_WEEK = "uur/week"
DAG = "dag"
KALENDER = "kalender"  # `feestdagen: kalender`: the public holidays on a werkdag of the kalender's year

BRUTO = "bruto"
BESCHIKBAAR = "beschikbaar"


class Hoeveelheid(NamedTuple):
    """A deduction as written: a number, its unit and, for a percentage, its base."""

    getal: Decimal
    eenheid: str = UUR
    van: str | None = None

    @property
    def is_nul(self) -> bool:
        """0 uur in a scenario takes a line away; `kalender` (whose number the engine counts) never does."""
        return self.getal == 0 and self.eenheid != KALENDER

    def __str__(self) -> str:
        getal = format(self.getal, "f")
        if self.eenheid == PROCENT:
            return f"{getal}% van {self.van}" if self.van else f"{getal}%"
        if self.eenheid == UUR_PER_WEEK:
            return f"{getal} uur/week"
        if self.eenheid == DAG:
            return f"{getal} dagen"
        if self.eenheid == KALENDER:
            return "kalender"
        return f"{getal} uur"


# A normtijd: the standard time of one product, always with its unit (a bare number is
# ambiguous: minutes or hours?). Stored as written; the engine converts it to hours.
SECONDE, MINUUT = "s", "min"


class Duur(NamedTuple):
    """A time as written: `45 min`, `1,5 uur`, `180 s`."""

    getal: Decimal
    eenheid: str = MINUUT

    def __str__(self) -> str:
        return f"{format(self.getal, 'f')} {self.eenheid}"
