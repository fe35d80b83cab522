"""The bruto/netto berekening: pure, exact `Decimal` arithmetic over a resolved profile.

Read it next to the formula sheet, docs/berekening.md: each formula cites its section. Nothing
here knows about files, YAML, the command line or how numbers are printed. A profile the
arithmetic cannot handle raises `Rekenfout` naming the field, so the caller can point the
user at the line in the file.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, NamedTuple

from brutonetto.notation import nl
from brutonetto.domain.hoeveelheid import BRUTO, DAG, PROCENT, UUR_PER_WEEK, Hoeveelheid
from brutonetto.domain.profiel import Profiel

if TYPE_CHECKING:  # contract v2's parts, imported where a profile has them (cold start)
    from brutonetto.engine.capaciteit import Producturen
    from brutonetto.engine.contactcentrum import Wachtrij

# Exact enough for any budget: 40 significant digits before the final rounding on output.
PRECISIE = 40
WEKEN_PER_JAAR = Decimal(52)  # the HOT and CAO Rijk convention
DAGEN_PER_WEEK = Decimal(5)
HONDERD = Decimal(100)
INWERKVERLIES = "inwerkverlies"  # the aftrek line instroom x inwerkverlies makes
NUL = Decimal(0)

# Rule ids: what made each number. Their words, Excel formulas and sections: engine/regels.py.
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
EXTRA_FTE_NODIG = "extra_fte_nodig"  # fte_nodig scenario - fte_nodig basis, for a ratio role


class Rekenfout(ValueError):
    """A profile whose numbers cannot be computed; `veld` is the field path to blame."""

    def __init__(self, veld: tuple[str, ...], bericht: str, waarde: str | None = None) -> None:
        super().__init__(bericht)
        self.veld = veld
        self.bericht = bericht
        self.waarde = waarde  # the input as the message quotes it, normalised: `'1.5 uur/week'`


class Uitkomst(NamedTuple):
    """The peeled-down hours of one profile: bruto -> verlof -> beschikbaar -> aftrek -> direct."""

    bruto_uren: Decimal | None
    verlof: dict[str, Decimal]
    beschikbare_uren: Decimal
    aftrek: dict[str, Decimal]
    totaal_aftrek: Decimal
    directe_uren: Decimal
    aandeel_direct: Decimal
    aandeel_bruto: Decimal | None
    fte_nodig: Decimal | None
    werklast_uren: Decimal | None = None  # given, the sum of the products, or what the queue asks
    producten: dict[str, Producturen] | None = None
    inwerkverlies: Decimal | None = None  # hours one new colleague loses, before x instroom
    # a ratio role (§11): fte_nodig = grondslag / een_per, the grondslag taken from the record
    # (eenheid, functie, scenario) of the functie it follows, its field "fte_nodig" or "fte"
    grondslag: Decimal | None = None
    grondslag_van: tuple[str | None, str, str, str] | None = None
    # the conversion factors used, for showing the working (`brutonetto explain`)
    weken_per_jaar: Decimal = WEKEN_PER_JAAR
    uren_per_dag: Decimal | None = None
    werkweken: Decimal | None = None  # beschikbare uren / uren_per_week, for `uur/week` in aftrek
    totaal_verlof: Decimal | None = None  # sum(verlof), when beschikbare uren are computed from bruto
    wachtrij: Wachtrij | None = None  # the contact centre's intervals, agent hours a week and a year


class Verschil(NamedTuple):
    """A scenario against its basis: what the change in direct hours costs."""

    basis_directe_uren: Decimal | None
    extra_fte: Decimal | None
    extra_kosten: Decimal | None
    waarde_extra_uren: Decimal | None
    regel: str | None = None  # which extra-fte formula applied: EXTRA_FTE_WERKLAST or EXTRA_FTE_FTE


def compute(profiel: Profiel) -> Uitkomst:
    """Peel one profile from contract hours down to directe uren (contract, "Computation")."""
    with localcontext() as ctx:
        ctx.prec = PRECISIE
        return _compute(profiel)


def compare(
    basis_profiel: Profiel, basis: Uitkomst, profiel: Profiel, uitkomst: Uitkomst
) -> Verschil:
    """Price a scenario against its basis.

    extra_fte = werklast/D_S - werklast/D_B when a werklast is given, else fte x (D_B/D_S - 1):
    the same output needs N x D_B / D_S people, because the new colleagues also take leave,
    fall ill and learn; dividing by the new netto is what makes this right (domain brief).
    N is the basis fte: the people the agency has today. Formulas: berekening.md §6 and §7.
    """
    with localcontext() as ctx:
        ctx.prec = PRECISIE
        d_basis, d_nieuw = basis.directe_uren, uitkomst.directe_uren
        fte = basis_profiel.fte
        regel = extra_fte_regel(basis, uitkomst, fte)
        if regel in (EXTRA_FTE_WERKLAST, EXTRA_FTE_NODIG):
            extra_fte = uitkomst.fte_nodig - basis.fte_nodig  # W_S/D_S - W_B/D_B, or the ratio's difference
        elif regel == EXTRA_FTE_FTE:
            extra_fte = fte * (d_basis / d_nieuw - 1)  # fte x (D_B / D_S - 1)
        else:
            extra_fte = None
        extra_kosten = (
            extra_fte * profiel.kosten_per_fte
            if extra_fte is not None and profiel.kosten_per_fte is not None
            else None
        )
        waarde_extra_uren = (
            fte * (uitkomst.totaal_aftrek - basis.totaal_aftrek) * profiel.uurtarief
            if fte is not None and profiel.uurtarief is not None
            else None
        )
        return Verschil(d_basis, extra_fte, extra_kosten, waarde_extra_uren, regel)


def verhouding(
    profiel: Profiel, uitkomst: Uitkomst, grondslag: Decimal | None, van: tuple[str | None, str, str, str]
) -> Uitkomst:
    """A ratio role: fte_nodig = grondslag / een_per (berekening.md §11).

    `grondslag` is the followed functie's fte_nodig (with a workload) or else its fte, in the
    same scenario; `van` names that record and field, so the working can point at it.
    """
    regel = profiel.verhouding
    if regel.een_per is None or regel.van is None:
        ontbreekt = "een_per" if regel.een_per is None else "van"
        raise Rekenfout(("verhouding",), f"de verhouding heeft {ontbreekt} nodig, bijvoorbeeld {{een_per: 30, van: Adviseur}}")
    if uitkomst.werklast_uren is not None:
        raise Rekenfout(
            ("verhouding",),
            "een verhoudingsfunctie heeft geen werklast_uren of producten: haar fte nodig volgt uit de verhouding",
        )
    if grondslag is None:
        raise Rekenfout(("verhouding", "van"), f"'{regel.van}' heeft geen fte of werklast om een verhouding van te nemen")
    with localcontext() as ctx:
        ctx.prec = PRECISIE
        return uitkomst._replace(fte_nodig=grondslag / regel.een_per, grondslag=grondslag, grondslag_van=van)


def extra_fte_regel(basis: Uitkomst, uitkomst: Uitkomst, fte: Decimal | None) -> str | None:
    """Which extra-fte formula applies (berekening.md §6): with a werklast in both, the difference
    in fte_nodig; else, with the basis fte, fte x (D_B / D_S - 1); else none."""
    if uitkomst.grondslag is not None and basis.grondslag is not None:
        return EXTRA_FTE_NODIG  # a ratio role: its fte_nodig follows from the ratio, not a werklast
    if uitkomst.fte_nodig is not None and basis.fte_nodig is not None:
        return EXTRA_FTE_WERKLAST
    return EXTRA_FTE_FTE if fte is not None else None


def _compute(profiel: Profiel) -> Uitkomst:
    weken = profiel.weken_per_jaar if profiel.weken_per_jaar is not None else WEKEN_PER_JAAR
    per_week = profiel.uren_per_week
    per_dag = profiel.uren_per_dag
    if per_dag is None and per_week is not None:
        per_dag = per_week / DAGEN_PER_WEEK  # uren_per_dag defaults to uren_per_week / 5

    # bruto_uren = uren_per_week x weken_per_jaar (when given)            berekening.md §1
    bruto = per_week * weken if per_week is not None else None

    # beschikbare_uren = given, or bruto_uren - sum(verlof)              berekening.md §2
    if profiel.beschikbare_uren is not None and profiel.verlof:
        raise Rekenfout(
            ("verlof",),
            "geef beschikbare_uren of verlof, niet allebei: beschikbare_uren zijn de uren na "
            "verlof (zet beschikbare_uren: null om een overgenomen waarde te laten vervallen)",
        )
    verlof: dict[str, Decimal] = {}
    totaal_verlof = None
    if profiel.beschikbare_uren is not None:
        beschikbaar = profiel.beschikbare_uren
        if beschikbaar <= 0:
            raise Rekenfout(("beschikbare_uren",), "beschikbare_uren moet groter dan 0 zijn")
    elif bruto is not None:
        for naam, hoeveelheid in profiel.verlof.items():
            verlof[naam] = _uren(
                hoeveelheid, ("verlof", naam), beschikbaar=None, bruto=bruto,
                per_dag=per_dag, per_week_factor=weken,
            )
        totaal_verlof = sum(verlof.values(), NUL)
        beschikbaar = bruto - totaal_verlof
        if beschikbaar <= 0:
            raise Rekenfout(
                ("verlof",),
                f"het verlof ({_uren_tekst(bruto - beschikbaar)}) is even groot als of groter dan "
                f"de bruto uren ({_uren_tekst(bruto)}): er blijven geen beschikbare uren over",
            )
    else:
        raise Rekenfout(
            (),
            "beschikbare_uren ontbreekt: geef beschikbare_uren, of uren_per_week "
            "(met weken_per_jaar en verlof) om ze uit te rekenen",
        )

    # directe_uren = beschikbare_uren - sum(aftrek)                       berekening.md §4
    # (`uur/week` counts the weeks actually worked: beschikbare uren / uren_per_week)
    weken_gewerkt = beschikbaar / per_week if per_week is not None else None
    aftrek: dict[str, Decimal] = {}
    inwerkverlies = None
    for naam, hoeveelheid in profiel.aftrek.items():
        aftrek[naam] = _uren(
            hoeveelheid, ("aftrek", naam), beschikbaar=beschikbaar, bruto=bruto,
            per_dag=per_dag, per_week_factor=weken_gewerkt,
        )
    # aftrek.inwerkverlies = instroom x inwerkverlies, the last line        berekening.md §10
    if profiel.instroom is not None:
        if profiel.inwerkverlies is None:
            raise Rekenfout(
                ("instroom",),
                "instroom heeft inwerkverlies nodig: de directe uren die één nieuwe collega verliest "
                "(bijvoorbeeld inwerkverlies: 240 uur)",
            )
        if INWERKVERLIES in aftrek:
            raise Rekenfout(
                ("aftrek", INWERKVERLIES),
                "de aftrek 'inwerkverlies' volgt al uit instroom x inwerkverlies; geef hem niet ook zelf",
            )
        inwerkverlies = _uren(
            profiel.inwerkverlies, ("inwerkverlies",), beschikbaar=beschikbaar, bruto=bruto,
            per_dag=per_dag, per_week_factor=weken_gewerkt,
        )
        aftrek[INWERKVERLIES] = profiel.instroom * inwerkverlies / HONDERD
    totaal = sum(aftrek.values(), NUL)
    directe = beschikbaar - totaal
    if directe <= 0:
        raise Rekenfout(
            ("aftrek",),
            f"de aftrek ({_uren_tekst(totaal)}) is even groot als of groter dan de beschikbare "
            f"uren ({_uren_tekst(beschikbaar)}): directe uren moeten groter dan 0 blijven",
        )

    # werklast_uren = sum(volume x normtijd) when producten given          berekening.md §9
    werklast = profiel.werklast_uren
    producten = None
    if profiel.producten:
        if werklast is not None:
            raise Rekenfout(
                ("producten",),
                "geef producten of werklast_uren, niet allebei (producten rekenen de werklast_uren zelf uit)",
            )
        from brutonetto.engine.capaciteit import producturen

        producten = producturen(profiel.producten, Rekenfout)
        werklast = sum((p.uren for p in producten.values()), NUL)

    # werklast_uren = agenturen_per_week x weken_open (contactcentrum)      berekening.md §12
    wachtrij = None
    if profiel.contactcentrum is not None:
        if werklast is not None:
            andere = "producten" if profiel.producten else "werklast_uren"
            raise Rekenfout(("contactcentrum",), f"geef contactcentrum of {andere}, niet allebei "
                            "(contactcentrum rekent de werklast_uren zelf uit)")
        from brutonetto.engine.contactcentrum import werklast as wachtrijwerklast

        wachtrij = wachtrijwerklast(profiel.contactcentrum, Rekenfout)
        werklast = wachtrij.werklast_uren

    # fte_nodig = werklast_uren / directe_uren (when werklast_uren given) berekening.md §5
    nodig = werklast / directe if werklast is not None else None
    return Uitkomst(
        bruto_uren=bruto,
        verlof=verlof,
        beschikbare_uren=beschikbaar,
        aftrek=aftrek,
        totaal_aftrek=totaal,
        directe_uren=directe,
        aandeel_direct=directe / beschikbaar,  # aandeel_direct = directe_uren / beschikbare_uren
        # aandeel_bruto = directe_uren / bruto_uren (null without bruto)   berekening.md §8
        aandeel_bruto=directe / bruto if bruto is not None else None,
        fte_nodig=nodig,
        werklast_uren=werklast,
        producten=producten,
        inwerkverlies=inwerkverlies,
        weken_per_jaar=weken,
        uren_per_dag=per_dag,
        werkweken=weken_gewerkt,
        totaal_verlof=totaal_verlof,
        wachtrij=wachtrij,
    )


def omrekening(hoeveelheid: Hoeveelheid, stap: str) -> str:
    """The rule that turns one verlof or aftrek line into hours per year (berekening.md §3).

    The one place this is decided: `compute` converts by it, and the steps that explain and
    the workbook show name it. `stap` is "verlof" or "aftrek": a bare percentage is of the
    stage base (bruto for verlof, beschikbaar for aftrek); `uur/week` counts every week of the
    year in verlof and the weeks actually worked in aftrek.
    """
    eenheid = hoeveelheid.eenheid
    if eenheid == PROCENT:
        if hoeveelheid.van == BRUTO or (hoeveelheid.van is None and stap == "verlof"):
            return PROCENT_BRUTO
        return PROCENT_BESCHIKBAAR
    if eenheid == UUR_PER_WEEK:
        return WEEK_X_WEKEN_PER_JAAR if stap == "verlof" else WEEK_X_WERKWEKEN
    if eenheid == DAG:
        return DAG_X_UREN_PER_DAG
    return OPGEGEVEN_UREN


def _uren(
    hoeveelheid: Hoeveelheid,
    veld: tuple[str, ...],
    *,
    beschikbaar: Decimal | None,
    bruto: Decimal | None,
    per_dag: Decimal | None,
    per_week_factor: Decimal | None,
) -> Decimal:
    """Hours per year of one deduction, by the rule `omrekening` picks (berekening.md §3)."""
    regel = omrekening(hoeveelheid, veld[0])
    getal = hoeveelheid.getal
    if regel == OPGEGEVEN_UREN:  # the common case first
        return getal
    if regel == PROCENT_BRUTO:
        if bruto is None:
            raise Rekenfout(
                veld,
                "een percentage van bruto heeft uren_per_week nodig om de bruto uren te kennen",
            )
        return bruto * getal / HONDERD
    if regel == PROCENT_BESCHIKBAAR:
        if beschikbaar is None:  # verlof: the beschikbare uren follow from it
            raise Rekenfout(
                veld, "verlof kan geen percentage van de beschikbare uren zijn: die volgen uit het verlof"
            )
        return beschikbaar * getal / HONDERD
    if regel in (WEEK_X_WEKEN_PER_JAAR, WEEK_X_WERKWEKEN):
        if per_week_factor is None:
            raise Rekenfout(
                veld, f"'{hoeveelheid}' heeft uren_per_week nodig om het aantal weken te kennen", str(hoeveelheid)
            )
        return getal * per_week_factor
    if regel == DAG_X_UREN_PER_DAG:
        if per_dag is None:
            raise Rekenfout(
                veld,
                f"'{hoeveelheid}' heeft uren_per_dag of uren_per_week nodig om dagen in uren om te rekenen",
                str(hoeveelheid),
            )
        return getal * per_dag
    raise AssertionError(f"no conversion for rule {regel}")  # pragma: no cover - omrekening has none other


def _uren_tekst(uren: Decimal) -> str:
    return f"{nl(uren, 1)} uur"
