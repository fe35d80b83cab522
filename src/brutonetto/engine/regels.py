"""Every rule of the berekening, once: its section, its words, its Excel formula and its arithmetic.

The engine computes every number by applying a rule of this table (`REGELS[regel].reken`),
and when asked for the working it records each application as a step (engine/stappen.py):
the rule, its operands and its result. `brutonetto explain` turns a step into words and the
workbook into a live formula, both from the row of the rule below, so the arithmetic, the
words and the formula cannot drift apart: there is no second derivation of the steps.

A verlof or aftrek line is converted to hours per year by the rule whose `omrekent` names its
(stage, unit, van) (`OMREKENINGEN`, asked by `hours.omrekening`): the written number (a
percentage as a fraction) times the figure its `factor` names (`FACTOREN`), or as written. A new deduction unit is a
row here and its spelling in input/hoeveelheid.py (see engine/__init__.py). A new formula is a
row here and the line in the engine that applies it; no renderer changes. A test proves that
every step's `reken` over its operands gives the engine's number, and that LibreOffice,
recalculating the `excel` formulas, gives it too (tests/test_regels.py).

Templates: `{0}`, `{1}`, ... are the operands in order (numbers in explain, cell references
in Excel). A rule with `reeks` adds up any number of operands: `a + b + c` in words,
`SUM(a,b,c)` in Excel, 0 for none.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, NamedTuple

from brutonetto.domain.hoeveelheid import BESCHIKBAAR, BRUTO, DAG, KALENDER, PROCENT, UUR_PER_WEEK
from brutonetto.domain.hoeveelheid import UUR as GESCHREVEN_UUR

# Rule ids: what made each number.
BRUTO_UREN = "bruto_uren"
UREN_PER_DAG = "uren_per_dag"  # uren_per_week / 5, when not given
OPGEGEVEN_UREN = "uur"  # a deduction in hours, as written
PROCENT_BRUTO = "procent_bruto"
PROCENT_BESCHIKBAAR = "procent_beschikbaar"
WEEK_X_WEKEN_PER_JAAR = "week_x_weken_per_jaar"  # uur/week in verlof
WERKWEKEN = "werkweken"  # beschikbare uren / uren_per_week
WEEK_X_WERKWEKEN = "week_x_werkweken"  # uur/week in aftrek
DAG_X_UREN_PER_DAG = "dag_x_uren_per_dag"
TOTAAL_VERLOF = "totaal_verlof"
BESCHIKBAAR_OPGEGEVEN = "beschikbaar_opgegeven"
BRUTO_MIN_VERLOF = "bruto_min_verlof"
TOTAAL_AFTREK = "totaal_aftrek"
DIRECTE_UREN = "directe_uren"
AANDEEL_DIRECT = "aandeel_direct"
AANDEEL_BRUTO = "aandeel_bruto"
FTE_NODIG = "fte_nodig"
BASIS_DIRECTE_UREN = "basis_directe_uren"
EXTRA_FTE_WERKLAST = "extra_fte_werklast"
EXTRA_FTE_FTE = "extra_fte_fte"
EXTRA_KOSTEN = "extra_kosten"
WAARDE_EXTRA_UREN = "waarde_extra_uren"
AGENTUREN_PER_WEEK = "agenturen_per_week"  # Erlang C per interval (engine/contactcentrum.py): no Excel formula
WERKLAST_CONTACTCENTRUM = "werklast_contactcentrum"  # agenturen_per_week x weken_open
# contract v2, capacity (engine/capaciteit.py)
PRODUCT_UREN = "product_uren"  # volume x normtijd
KANAAL_UREN = "kanaal_uren"  # volume x aandeel x normtijd
PRODUCT_MIX = "product_mix"  # the channels of one product added up
WERKLAST_PRODUCTEN = "werklast_producten"  # the products added up
INSTROOM_X_INWERKVERLIES = "instroom_x_inwerkverlies"
VERHOUDING_FTE = "verhouding_fte"  # grondslag / een_per
VERHOUDING_MENSEN = "verhouding_mensen"  # (fte + extra fte) / een_per: the people a scenario needs
EXTRA_FTE_NODIG = "extra_fte_nodig"  # fte_nodig scenario - fte_nodig basis, for a ratio role
# contract v3, the kalender (engine/kalender.py)
WERKDAGEN_X_UREN_PER_DAG = "werkdagen_x_uren_per_dag"  # bruto uren of the kalender's year
FEESTDAGEN_KALENDER = "feestdagen_kalender"  # `feestdagen: kalender`: its holidays on a werkdag x uren per dag

# The unit of a step's result: how explain writes it and which number format the workbook uses.
UUR, WEKEN, FTE, EURO, AANDEEL = "uur", "weken", "fte", "euro", "%"

# The figures a verlof or aftrek line can be multiplied by (a rule's `factor`): the engine
# has each of them at hand where it converts the lines (engine/hours.py).
FACTOREN = ("bruto_uren", "beschikbare_uren", "uren_per_week", "weken_per_jaar", "uren_per_dag", "werkweken")


class Regel(NamedTuple):
    """One rule: where it is written down, how it reads, how Excel computes it, how we do."""

    paragraaf: str  # the section of docs/berekening.md
    eenheid: str  # of the result
    formule: str  # in words, for explain
    berekening: str  # the numbers filled in, for explain
    excel: str  # the live formula, without its "="
    reken: Callable[..., Decimal]  # the arithmetic over the operand values: the engine applies it
    bron: tuple[int, ...] | None = None  # the operands whose input line explain cites (None: all)
    reeks: bool = False  # a sum of any number of operands
    # a conversion of a verlof or aftrek line to hours per year (berekening.md §3):
    omrekent: tuple[tuple[str, str, str | None], ...] = ()  # the (stage, unit, van) of the lines it converts
    factor: str | None = None  # one of FACTOREN: what the written number is multiplied by (None: as written)
    ontbreekt: str = ""  # the message when that factor is unknown; `{hoeveelheid}` quotes the line
    invoerformaat: str | None = None  # the workbook's number format of the line as written


_NUL = Decimal(0)


def _som(*delen: Decimal) -> Decimal:
    return sum(delen, _NUL)


REGELS: dict[str, Regel] = {
    BRUTO_UREN: Regel("§1", UUR, "uren per week x weken per jaar", "{0} x {1}", "{0}*{1}", lambda a, b: a * b),
    WERKDAGEN_X_UREN_PER_DAG: Regel(
        "§13", UUR, "werkdagen (maandag tot en met vrijdag) in het kalenderjaar x uren per dag", "{0} x {1}",
        "{0}*{1}", lambda a, b: a * b, factor="uren_per_dag",
    ),
    FEESTDAGEN_KALENDER: Regel(
        "§13", UUR, "feestdagen op een werkdag x uren per dag", "{0} x {1}", "{0}*{1}", lambda a, b: a * b, bron=(0,),
        omrekent=(("verlof", KALENDER, None),), factor="uren_per_dag",
        ontbreekt="feestdagen: kalender heeft uren_per_dag of uren_per_week nodig",
        invoerformaat='0" feestdagen"',
    ),
    UREN_PER_DAG: Regel("§3", UUR, "uren per week / dagen per week", "{0} / {1}", "{0}/{1}", lambda a, b: a / b),
    # §3 the conversions of a verlof or aftrek line: the row `omrekening` picks by the line's
    # (stage, unit, van); a bare percentage is of the stage's base (bruto in verlof, beschikbaar
    # in aftrek); `uur/week` counts every week of the year in verlof, the weeks worked in aftrek
    OPGEGEVEN_UREN: Regel(
        "§3", UUR, "opgegeven", "{0} uur", "{0}", lambda a: a, bron=(0,),
        omrekent=(("verlof", GESCHREVEN_UUR, None), ("aftrek", GESCHREVEN_UUR, None)),
        invoerformaat='#,##0.##" uur"',
    ),
    PROCENT_BRUTO: Regel(
        "§3", UUR, "percentage van de bruto uren", "{0} x {1}", "{0}*{1}", lambda a, b: a * b, bron=(0,),
        omrekent=(("verlof", PROCENT, None), ("verlof", PROCENT, BRUTO), ("aftrek", PROCENT, BRUTO)),
        factor="bruto_uren", ontbreekt="een percentage van bruto heeft uren_per_week nodig om de bruto uren te kennen",
        invoerformaat='0.0##%" van bruto"',
    ),
    PROCENT_BESCHIKBAAR: Regel(
        "§3", UUR, "percentage van de beschikbare uren", "{0} x {1}", "{0}*{1}", lambda a, b: a * b, bron=(0,),
        omrekent=(("aftrek", PROCENT, None), ("aftrek", PROCENT, BESCHIKBAAR), ("verlof", PROCENT, BESCHIKBAAR)),
        factor="beschikbare_uren",
        ontbreekt="verlof kan geen percentage van de beschikbare uren zijn: die volgen uit het verlof",
        invoerformaat="0.0##%",
    ),
    WEEK_X_WEKEN_PER_JAAR: Regel(
        "§3", UUR, "uren per week x weken per jaar", "{0} x {1}", "{0}*{1}", lambda a, b: a * b, bron=(0,),
        omrekent=(("verlof", UUR_PER_WEEK, None),), factor="weken_per_jaar",
        ontbreekt="'{hoeveelheid}' heeft uren_per_week nodig om het aantal weken te kennen",
        invoerformaat='#,##0.##" uur/week"',
    ),
    WERKWEKEN: Regel("§3", WEKEN, "beschikbare uren / uren per week", "{0} / {1}", "{0}/{1}", lambda a, b: a / b),
    WEEK_X_WERKWEKEN: Regel(
        "§3", UUR, "uren per week x werkweken", "{0} x {1}", "{0}*{1}", lambda a, b: a * b, bron=(0,),
        omrekent=(("aftrek", UUR_PER_WEEK, None),), factor="werkweken",
        ontbreekt="'{hoeveelheid}' heeft uren_per_week nodig om het aantal weken te kennen",
        invoerformaat='#,##0.##" uur/week"',
    ),
    DAG_X_UREN_PER_DAG: Regel(
        "§3", UUR, "dagen x uren per dag", "{0} x {1}", "{0}*{1}", lambda a, b: a * b, bron=(0,),
        omrekent=(("verlof", DAG, None), ("aftrek", DAG, None)), factor="uren_per_dag",
        ontbreekt="'{hoeveelheid}' heeft uren_per_dag of uren_per_week nodig om dagen in uren om te rekenen",
        invoerformaat='#,##0.##" dagen"',
    ),
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
    VERHOUDING_MENSEN: Regel(
        "§11", FTE, "(fte + extra fte) van de gevolgde functie in dit scenario / een_per", "({0} + {1}) / {2}",
        "({0}+{1})/{2}", lambda n, extra, een_per: (n + extra) / een_per,
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


# (stage, unit, van) -> the rule id that converts such a line; built once from the rows above
OMREKENINGEN: dict[tuple[str, str, str | None], str] = {
    sleutel: regel_id for regel_id, regel in REGELS.items() for sleutel in regel.omrekent
}
