"""One row of registered hours: what input/realisatie.py reads from a realisation CSV
and engine/realisatie.py sums, and how both write a date in a message."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple



class Registratie(NamedTuple):
    """One CSV row: `uren` registered for `aftrek` by `fte` people on average, van..tot inclusive.

    As the reader makes them: van <= tot, uren >= 0 and fte > 0 (it turns anything else
    into a located problem), so engine/realisatie.py's sums need no checks of their own.
    """

    functie: str
    aftrek: str
    van: date
    tot: date
    uren: Decimal
    fte: Decimal
    eenheid: str | None = None
    regel: int | None = None  # the CSV line, for messages


def datumtekst(dag: date) -> str:
    """A date as Dutch users write it: 1-1-2023."""
    return f"{dag.day}-{dag.month}-{dag.year}"
