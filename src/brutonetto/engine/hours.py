"""The bruto/netto berekening: pure, exact `Decimal` arithmetic over a resolved profile.

Read it next to the formula sheet, docs/berekening.md: each formula cites its section. Nothing
here knows about files, YAML, the command line or how numbers are printed. A profile the
arithmetic cannot handle raises `Rekenfout` naming the field, so the caller can point the
user at the line in the file.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import NamedTuple

from brutonetto.engine.capacity import Product, Producturen, Verhouding, producturen
from brutonetto.notation import nl
from brutonetto.input.quantity import BESCHIKBAAR, BRUTO, DAG, PROCENT, UUR_PER_WEEK, Hoeveelheid

# Exact enough for any budget: 40 significant digits before the final rounding on output.
PRECISIE = 40
WEKEN_PER_JAAR = Decimal(52)  # the HOT and CAO Rijk convention
DAGEN_PER_WEEK = Decimal(5)
HONDERD = Decimal(100)
INWERKVERLIES = "inwerkverlies"  # the aftrek line instroom x inwerkverlies makes
NUL = Decimal(0)


class Rekenfout(ValueError):
    """A profile whose numbers cannot be computed; `veld` is the field path to blame."""

    def __init__(self, veld: tuple[str, ...], bericht: str, waarde: str | None = None) -> None:
        super().__init__(bericht)
        self.veld = veld
        self.bericht = bericht
        self.waarde = waarde  # the input as the message quotes it, normalised: `'1.5 uur/week'`


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
    # contract v2: capacity (engine/capacity.py)
    instroom: Decimal | None = None  # percent of new staff per year
    inwerkverlies: Hoeveelheid | None = None  # direct hours one new colleague loses
    producten: dict[str, Product] = {}
    verhouding: Verhouding | None = None


class Uitkomst(NamedTuple):
    """The peeled-down hours of one profile: bruto -> verlof -> beschikbaar -> aftrek -> direct."""

    bruto_uren: Decimal | None
    verlof: dict[str, Decimal]
    beschikbare_uren: Decimal
    aftrek: dict[str, Decimal]
    totaal_aftrek: Decimal
    directe_uren: Decimal
    aandeel_direct: Decimal
    fte_nodig: Decimal | None
    werklast_uren: Decimal | None = None  # given, or the sum of the products
    producten: dict[str, Producturen] | None = None
    # the conversion factors used, for showing the working (`brutonetto explain`)
    weken_per_jaar: Decimal = WEKEN_PER_JAAR
    uren_per_dag: Decimal | None = None
    werkweken: Decimal | None = None  # beschikbare uren / uren_per_week, for `uur/week` in aftrek


class Verschil(NamedTuple):
    """A scenario against its basis: what the change in direct hours costs."""

    basis_directe_uren: Decimal | None
    extra_fte: Decimal | None
    extra_kosten: Decimal | None
    waarde_extra_uren: Decimal | None


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
        if uitkomst.fte_nodig is not None and basis.fte_nodig is not None:
            extra_fte = uitkomst.fte_nodig - basis.fte_nodig  # W_S/D_S - W_B/D_B
        elif fte is not None:
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
        return Verschil(d_basis, extra_fte, extra_kosten, waarde_extra_uren)


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
    if profiel.beschikbare_uren is not None:
        beschikbaar = profiel.beschikbare_uren
        if beschikbaar <= 0:
            raise Rekenfout(("beschikbare_uren",), "beschikbare_uren moet groter dan 0 zijn")
    elif bruto is not None:
        for naam, hoeveelheid in profiel.verlof.items():
            verlof[naam] = _uren(
                hoeveelheid, ("verlof", naam), basis=bruto, bruto=bruto,
                per_dag=per_dag, per_week_factor=weken,
            )
        beschikbaar = bruto - sum(verlof.values(), NUL)
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
    for naam, hoeveelheid in profiel.aftrek.items():
        aftrek[naam] = _uren(
            hoeveelheid, ("aftrek", naam), basis=beschikbaar, bruto=bruto,
            per_dag=per_dag, per_week_factor=weken_gewerkt,
        )
    # aftrek.inwerkverlies = instroom x inwerkverlies, the last line         berekening.md §9
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
        per_nieuwe = _uren(
            profiel.inwerkverlies, ("inwerkverlies",), basis=beschikbaar, bruto=bruto,
            per_dag=per_dag, per_week_factor=weken_gewerkt,
        )
        aftrek[INWERKVERLIES] = profiel.instroom * per_nieuwe / HONDERD
    totaal = sum(aftrek.values(), NUL)
    directe = beschikbaar - totaal
    if directe <= 0:
        raise Rekenfout(
            ("aftrek",),
            f"de aftrek ({_uren_tekst(totaal)}) is even groot als of groter dan de beschikbare "
            f"uren ({_uren_tekst(beschikbaar)}): directe uren moeten groter dan 0 blijven",
        )

    # werklast_uren = sum(volume x normtijd) when producten given          berekening.md §8
    werklast = profiel.werklast_uren
    producten = None
    if profiel.producten:
        if werklast is not None:
            raise Rekenfout(
                ("producten",),
                "geef producten of werklast_uren, niet allebei (producten rekenen de werklast_uren zelf uit)",
            )
        producten = producturen(profiel.producten, Rekenfout)
        werklast = sum((p.uren for p in producten.values()), NUL)

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
        fte_nodig=nodig,
        werklast_uren=werklast,
        producten=producten,
        weken_per_jaar=weken,
        uren_per_dag=per_dag,
        werkweken=weken_gewerkt,
    )


def _uren(
    hoeveelheid: Hoeveelheid,
    veld: tuple[str, ...],
    *,
    basis: Decimal,
    bruto: Decimal | None,
    per_dag: Decimal | None,
    per_week_factor: Decimal | None,
) -> Decimal:
    """Hours per year of one deduction; `basis` is the stage base of a bare percentage.

    The table of conversions: berekening.md §3.
    """
    getal = hoeveelheid.getal
    if hoeveelheid.eenheid == PROCENT:
        if hoeveelheid.van == BRUTO:
            if bruto is None:
                raise Rekenfout(
                    veld,
                    "een percentage van bruto heeft uren_per_week nodig om de bruto uren te kennen",
                )
            basis = bruto
        elif hoeveelheid.van == BESCHIKBAAR and veld[0] == "verlof":
            raise Rekenfout(
                veld, "verlof kan geen percentage van de beschikbare uren zijn: die volgen uit het verlof"
            )
        return basis * getal / HONDERD
    if hoeveelheid.eenheid == UUR_PER_WEEK:
        if per_week_factor is None:
            raise Rekenfout(
                veld, f"'{hoeveelheid}' heeft uren_per_week nodig om het aantal weken te kennen", str(hoeveelheid)
            )
        return getal * per_week_factor
    if hoeveelheid.eenheid == DAG:
        if per_dag is None:
            raise Rekenfout(
                veld,
                f"'{hoeveelheid}' heeft uren_per_dag of uren_per_week nodig om dagen in uren om te rekenen",
                str(hoeveelheid),
            )
        return getal * per_dag
    return getal


def _uren_tekst(uren: Decimal) -> str:
    return f"{nl(uren, 1)} uur"
