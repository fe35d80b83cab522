"""One functie in one scenario, with every default and override merged in: what the loader
makes (input/loader.py) and the engine computes (engine/hours.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from brutonetto.domain.hoeveelheid import Hoeveelheid

if TYPE_CHECKING:  # contract v2's parts, imported where a profile has them (cold start)
    from brutonetto.domain.capaciteit import Product, Verhouding
    from brutonetto.domain.contactcentrum import Contactcentrum


class Kalender(NamedTuple):
    """The year's own calendar (contract v3): bruto uren from its werkdagen, feestdagen from its holidays."""

    jaar: int | None  # None: written without one, which the engine refuses
    uren_per_dag: Decimal | None = None  # default: the profile's uren_per_dag, or uren_per_week / 5
    goede_vrijdag: bool = False  # a CAO that gives Goede Vrijdag
    bevrijdingsdag: str = "lustrum"  # elk_jaar | lustrum (2025, 2030, ...) | nooit


class Profiel(NamedTuple):
    """One functie in one scenario, with every default and override already merged in."""

    functie: str
    eenheid: str | None = None
    beschikbare_uren: Decimal | None = None
    uren_per_week: Decimal | None = None
    weken_per_jaar: Decimal | None = None
    uren_per_dag: Decimal | None = None
    verlof: dict[str, Hoeveelheid] = {}  # never mutated: shared empty default
    aftrek: dict[str, Hoeveelheid] = {}
    fte: Decimal | None = None
    werklast_uren: Decimal | None = None
    kosten_per_fte: Decimal | None = None
    uurtarief: Decimal | None = None
    # contract v2: capacity (engine/capaciteit.py)
    instroom: Decimal | None = None  # percent of new staff per year
    inwerkverlies: Hoeveelheid | None = None  # direct hours one new colleague loses
    producten: dict[str, Product] = {}
    verhouding: Verhouding | None = None
    contactcentrum: Contactcentrum | None = None  # contract v2: the workload of a queue (engine/contactcentrum.py)
    kalender: Kalender | None = None  # contract v3: the year's werkdagen and feestdagen (engine/kalender.py)
