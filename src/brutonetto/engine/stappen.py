"""The trace: the working of one record as typed steps, each number with the rule that made it and its operands.

The engine records a step where it applies a rule (engine/hours.py, engine/capaciteit.py), when
it is given a trace to record into (`Record.stappen` asks for one; the batch path never pays
for it). `brutonetto explain` writes a step in words and the workbook as a live formula, both
from the step and its rule in `regels.REGELS`; neither decides a formula. The steps come in
the order the engine works, which is the order of the formula sheet, docs/berekening.md.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple


# What an operand is
INVOER = "invoer"  # a field written in the profile (or its standaard, or its scenario)
STANDAARD = "standaard"  # a field not written, whose default the engine used (weken_per_jaar 52)
CONSTANTE = "constante"  # a fixed number of the berekening (5 working days a week)
STAP = "stap"  # the result of an earlier step
ANDER = "functie"  # a figure of another functie's record (a ratio role's grondslag)


class Operand(NamedTuple):
    veld: tuple[str, ...]  # the input field, constant or step it is: ("aftrek", "verzuim")
    waarde: Decimal  # a percentage as a fraction: 5,7% is 0.057, as a spreadsheet holds it
    soort: str  # INVOER, STANDAARD, CONSTANTE or STAP
    basis: bool = False  # of the basis record this scenario is priced against
    procent: bool = False  # written as a percentage
    functie: tuple[str | None, str, str] | None = None  # ANDER: (eenheid, functie, scenario) of that record


class Stap(NamedTuple):
    veld: tuple[str, ...]  # what it computes, the JSON key: ("bruto_uren",), ("aftrek", "verzuim")
    regel: str  # the rule: a key of regels.REGELS
    operanden: tuple[Operand, ...]
    uitkomst: Decimal
    toelichting: str = ""  # what the numbers stand for, when a rule's words cannot say it (the feestdagen named)

