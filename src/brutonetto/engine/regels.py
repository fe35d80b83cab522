"""Every rule of the berekening, once: its section, its words, its Excel formula and its arithmetic.

The engine decides which rule makes each number (`hours.compute`, `hours.compare`; the rule
ids live there, so a run that shows no working never imports this table) and lists them as
steps (`stappen.stappen`); `brutonetto explain` turns a step into words and the
workbook into a live formula, both from the row of the rule below, so the three cannot
drift apart. A new formula (v2: producten, verhouding, inwerkverlies, Erlang C) is a new
rule id in hours.py, a row here, the line in the engine that computes it and a step that
names it (stappen.py); no renderer changes. A test proves that every step's `reken` over its
operands gives the engine's number, and that LibreOffice, recalculating the `excel`
formulas, gives it too (tests/test_regels.py).

Templates: `{0}`, `{1}`, ... are the operands in order (numbers in explain, cell references
in Excel). A rule with `reeks` adds up any number of operands: `a + b + c` in words,
`SUM(a,b,c)` in Excel, 0 for none.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, NamedTuple

# The rule ids are the engine's (hours.py names what it decides, without importing this table
# at start-up); here each gets its section, its words, its Excel formula and its arithmetic.
from brutonetto.engine.hours import (
    AANDEEL_BRUTO, AANDEEL_DIRECT, AGENTUREN_PER_WEEK, WERKLAST_CONTACTCENTRUM, BASIS_DIRECTE_UREN, BESCHIKBAAR_OPGEGEVEN, BRUTO_MIN_VERLOF, BRUTO_UREN,
    DAG_X_UREN_PER_DAG, DIRECTE_UREN, EXTRA_FTE_FTE, EXTRA_FTE_WERKLAST, EXTRA_KOSTEN, FTE_NODIG, OPGEGEVEN_UREN,
    PROCENT_BESCHIKBAAR, PROCENT_BRUTO, TOTAAL_AFTREK, TOTAAL_VERLOF, UREN_PER_DAG, WAARDE_EXTRA_UREN,
    WEEK_X_WEKEN_PER_JAAR, WEEK_X_WERKWEKEN, WERKWEKEN,
    EXTRA_FTE_NODIG, INSTROOM_X_INWERKVERLIES, KANAAL_UREN, PRODUCT_MIX, PRODUCT_UREN, VERHOUDING_FTE,
    WERKLAST_PRODUCTEN,
)

# The unit of a step's result: how explain writes it and which number format the workbook uses.
UUR, WEKEN, FTE, EURO, AANDEEL = "uur", "weken", "fte", "euro", "%"


class Regel(NamedTuple):
    """One rule: where it is written down, how it reads, how Excel computes it, how we do."""

    paragraaf: str  # the section of docs/berekening.md
    eenheid: str  # of the result
    formule: str  # in words, for explain
    berekening: str  # the numbers filled in, for explain
    excel: str  # the live formula, without its "="
    reken: Callable[..., Decimal]  # the arithmetic over the operand values, as the engine does it
    bron: tuple[int, ...] | None = None  # the operands whose input line explain cites (None: all)
    reeks: bool = False  # a sum of any number of operands


def _som(*delen: Decimal) -> Decimal:
    return sum(delen, Decimal(0))


REGELS: dict[str, Regel] = {
    BRUTO_UREN: Regel("§1", UUR, "uren per week x weken per jaar", "{0} x {1}", "{0}*{1}", lambda a, b: a * b),
    UREN_PER_DAG: Regel("§3", UUR, "uren per week / dagen per week", "{0} / {1}", "{0}/{1}", lambda a, b: a / b),
    OPGEGEVEN_UREN: Regel("§3", UUR, "opgegeven", "{0} uur", "{0}", lambda a: a, bron=(0,)),
    PROCENT_BRUTO: Regel("§3", UUR, "percentage van de bruto uren", "{0} x {1}", "{0}*{1}", lambda a, b: a * b, bron=(0,)),
    PROCENT_BESCHIKBAAR: Regel(
        "§3", UUR, "percentage van de beschikbare uren", "{0} x {1}", "{0}*{1}", lambda a, b: a * b, bron=(0,)
    ),
    WEEK_X_WEKEN_PER_JAAR: Regel(
        "§3", UUR, "uren per week x weken per jaar", "{0} x {1}", "{0}*{1}", lambda a, b: a * b, bron=(0,)
    ),
    WERKWEKEN: Regel("§3", WEKEN, "beschikbare uren / uren per week", "{0} / {1}", "{0}/{1}", lambda a, b: a / b),
    WEEK_X_WERKWEKEN: Regel(
        "§3", UUR, "uren per week x werkweken", "{0} x {1}", "{0}*{1}",
        lambda a, b: a * b, bron=(0,),
    ),
    DAG_X_UREN_PER_DAG: Regel("§3", UUR, "dagen x uren per dag", "{0} x {1}", "{0}*{1}", lambda a, b: a * b, bron=(0,)),
    TOTAAL_VERLOF: Regel("§2", UUR, "som van het verlof", "", "", _som, reeks=True),
    BESCHIKBAAR_OPGEGEVEN: Regel("§2", UUR, "opgegeven", "{0}", "{0}", lambda a: a),
    BRUTO_MIN_VERLOF: Regel("§2", UUR, "bruto uren - verlof", "{0} - {1}", "{0}-{1}", lambda a, b: a - b),
    TOTAAL_AFTREK: Regel("§4", UUR, "som van de aftrek", "", "", _som, reeks=True),
    DIRECTE_UREN: Regel("§4", UUR, "beschikbare uren - totaal aftrek", "{0} - {1}", "{0}-{1}", lambda a, b: a - b),
    AANDEEL_DIRECT: Regel("§4", AANDEEL, "directe uren / beschikbare uren", "{0} / {1}", "{0}/{1}", lambda a, b: a / b),
    AANDEEL_BRUTO: Regel("§8", AANDEEL, "directe uren / bruto uren", "{0} / {1}", "{0}/{1}", lambda a, b: a / b),
    # Erlang C is no spreadsheet formula: the agent hours of the week are an input-like number
    # (brutonetto worked them out per interval; explain shows the interval table)
    AGENTUREN_PER_WEEK: Regel(
        "§12", UUR, "som over de intervallen van agenten x intervalduur (Erlang C per interval; zie de intervaltabel)",
        "{0}", "{0}", lambda a: a,
    ),
    WERKLAST_CONTACTCENTRUM: Regel(
        "§12", UUR, "agenturen per week x weken open", "{0} x {1}", "{0}*{1}", lambda a, b: a * b, bron=(1,),
    ),
    FTE_NODIG: Regel("§5", FTE, "werklast / directe uren", "{0} / {1}", "{0}/{1}", lambda a, b: a / b),
    BASIS_DIRECTE_UREN: Regel("§6", UUR, "D_basis: de directe uren zonder dit scenario", "{0}", "{0}", lambda a: a),
    EXTRA_FTE_WERKLAST: Regel(
        "§6", FTE, "werklast / D_scenario - werklast / D_basis (delen door de nieuwe netto-uren)",
        "{0} / {1} - {2} / {3}", "{0}/{1}-{2}/{3}", lambda w, d, w_b, d_b: w / d - w_b / d_b, bron=(0,),
    ),
    EXTRA_FTE_FTE: Regel(
        "§6", FTE, "fte x (D_basis / D_scenario - 1) (delen door de nieuwe netto-uren)",
        "{0} x ({1} / {2} - 1)", "{0}*({1}/{2}-1)", lambda n, d_b, d: n * (d_b / d - 1),
    ),
    PRODUCT_UREN: Regel(
        "§9", UUR, "volume x normtijd / per uur (uur: 1, min: 60, s: 3600)", "{0} x {1} / {2}", "{0}*{1}/{2}",
        lambda v, n, d: v * n / d, bron=(0, 1),
    ),
    KANAAL_UREN: Regel(
        "§9", UUR, "volume x aandeel x normtijd / per uur (uur: 1, min: 60, s: 3600)", "{0} x {1} x {2} / {3}",
        "{0}*{1}*{2}/{3}", lambda v, a, n, d: v * a * n / d, bron=(0, 1, 2),
    ),
    PRODUCT_MIX: Regel("§9", UUR, "som over de kanalen", "", "", _som, reeks=True),
    WERKLAST_PRODUCTEN: Regel("§9", UUR, "som van volume x normtijd over de producten", "", "", _som, reeks=True),
    INSTROOM_X_INWERKVERLIES: Regel(
        "§10", UUR, "instroom x inwerkverlies", "{0} x {1}", "{0}*{1}", lambda a, b: a * b, bron=(0,),
    ),
    VERHOUDING_FTE: Regel(
        "§11", FTE, "fte (nodig) van de gevolgde functie / een_per", "{0} / {1}", "{0}/{1}", lambda a, b: a / b,
    ),
    EXTRA_FTE_NODIG: Regel(
        "§11", FTE, "fte nodig - fte nodig basis (een verhouding)", "{0} - {1}", "{0}-{1}", lambda a, b: a - b,
    ),
    EXTRA_KOSTEN: Regel("§7", EURO, "extra fte x kosten per fte", "{0} x {1}", "{0}*{1}", lambda a, b: a * b),
    WAARDE_EXTRA_UREN: Regel(
        "§7", EURO, "fte x (aftrek scenario - aftrek basis) x uurtarief", "{0} x ({1} - {2}) x {3}",
        "{0}*({1}-{2})*{3}", lambda n, t, t_b, tarief: n * (t - t_b) * tarief, bron=(3,),
    ),
}


def vul_in(regel: Regel, delen: list[str], excel: bool = False) -> str:
    """A rule's template with the operands filled in: numbers for explain, cells for Excel."""
    if regel.reeks:
        if not delen:
            return "0"
        return f"SUM({','.join(delen)})" if excel else " + ".join(delen)
    return (regel.excel if excel else regel.berekening).format(*delen)
