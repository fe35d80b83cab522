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
from brutonetto.domain.hoeveelheid import KALENDER, PROCENT, Hoeveelheid
from brutonetto.domain.profiel import Profiel
from brutonetto.engine.regels import (
    AANDEEL_BRUTO, AANDEEL_DIRECT, BASIS_DIRECTE_UREN, BESCHIKBAAR_OPGEGEVEN, BRUTO_MIN_VERLOF, BRUTO_UREN,
    DIRECTE_UREN, EXTRA_FTE_FTE, EXTRA_FTE_NODIG, EXTRA_FTE_WERKLAST, EXTRA_KOSTEN, FTE_NODIG,
    INSTROOM_X_INWERKVERLIES, OMREKENINGEN, REGELS, TOTAAL_AFTREK, TOTAAL_VERLOF, UREN_PER_DAG, VERHOUDING_FTE, VERHOUDING_MENSEN,
    WAARDE_EXTRA_UREN, WERKDAGEN_X_UREN_PER_DAG, WERKLAST_PRODUCTEN, WERKWEKEN,
)
from brutonetto.engine.stappen import ANDER, CONSTANTE, INVOER, STANDAARD, STAP, Operand, Stap

if TYPE_CHECKING:  # contract v2's parts, imported where a profile has them (cold start)
    from brutonetto.domain.profiel import Kalender
    from brutonetto.engine.capaciteit import Producturen
    from brutonetto.engine.contactcentrum import Wachtrij

# Exact enough for any budget: 40 significant digits before the final rounding on output.
PRECISIE = 40
WEKEN_PER_JAAR = Decimal(52)  # the HOT and CAO Rijk convention
DAGEN_PER_WEEK = Decimal(5)
HONDERD = Decimal(100)
INWERKVERLIES = "inwerkverlies"  # the aftrek line instroom x inwerkverlies makes
NUL = Decimal(0)

# Every number is made by a rule of engine/regels.py: its id, words, Excel formula and
# arithmetic are there; here the engine decides which rule applies and applies it. With a
# trace (`spoor`, a list), each application is also recorded as a step (engine/stappen.py).


class Rekenfout(ValueError):
    """A profile whose numbers cannot be computed; `veld` is the field path to blame.

    A check that looks at parts side by side (every product, every interval) raises its first
    problem with the others in `meer`, so a run reports them all at once."""

    def __init__(self, veld: tuple[str, ...], bericht: str, waarde: str | None = None) -> None:
        super().__init__(bericht)
        self.veld = veld
        self.bericht = bericht
        self.waarde = waarde  # the input as the message quotes it, normalised: `'1.5 uur/week'`
        self.meer: list[Rekenfout] = []


def alle_problemen(problemen: list[Exception]) -> None:
    """Raise the first of these problems, carrying the rest (`Rekenfout.meer`); none: nothing."""
    if problemen:
        eerste, *rest = problemen
        eerste.meer = rest  # type: ignore[attr-defined]
        raise eerste


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
    grondslag_extra: Decimal | None = None  # in a scenario of a functie without workload: its extra fte
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


def compute(profiel: Profiel, spoor: list[Stap] | None = None) -> Uitkomst:
    """Peel one profile from contract hours down to directe uren (contract, "Computation").

    With `spoor`, every rule applied is appended to it as a step, in the order applied.
    """
    with localcontext() as ctx:
        ctx.prec = PRECISIE
        return _compute(profiel, spoor)


def compare(
    basis_profiel: Profiel, basis: Uitkomst, profiel: Profiel, uitkomst: Uitkomst, spoor: list[Stap] | None = None
) -> Verschil:
    """Price a scenario against its basis.

    extra_fte = werklast/D_S - werklast/D_B when a werklast is given, else fte x (D_B/D_S - 1):
    the same output needs N x D_B / D_S people, because the new colleagues also take leave,
    fall ill and learn; dividing by the new netto is what makes this right (domain brief).
    N is the basis fte: the people the agency has today. Formulas: berekening.md §6 and §7.
    With `spoor`, each rule applied is appended to it as a step.
    """
    with localcontext() as ctx:
        ctx.prec = PRECISIE
        d_basis, d_nieuw = basis.directe_uren, uitkomst.directe_uren
        fte = basis_profiel.fte
        regel = extra_fte_regel(basis, uitkomst, fte)
        # D_basis: the direct hours the scenario is priced against                 berekening.md §6
        d_basis = REGELS[BASIS_DIRECTE_UREN].reken(d_basis)
        if regel == EXTRA_FTE_NODIG:  # a ratio role: the difference of its fte_nodig    §11
            waarden = (uitkomst.fte_nodig, basis.fte_nodig)
        elif regel == EXTRA_FTE_WERKLAST:  # W_S/D_S - W_B/D_B
            waarden = (uitkomst.werklast_uren, d_nieuw, basis.werklast_uren, d_basis)
        elif regel == EXTRA_FTE_FTE:  # fte x (D_B / D_S - 1)
            waarden = (fte, d_basis, d_nieuw)
        extra_fte = REGELS[regel].reken(*waarden) if regel is not None else None
        # extra kosten = extra fte x kosten per fte                                berekening.md §7
        extra_kosten = (
            REGELS[EXTRA_KOSTEN].reken(extra_fte, profiel.kosten_per_fte)
            if extra_fte is not None and profiel.kosten_per_fte is not None
            else None
        )
        # waarde extra uren = fte x (aftrek_S - aftrek_B) x uurtarief
        waarde_extra_uren = (
            REGELS[WAARDE_EXTRA_UREN].reken(fte, uitkomst.totaal_aftrek, basis.totaal_aftrek, profiel.uurtarief)
            if fte is not None and profiel.uurtarief is not None
            else None
        )
        if spoor is not None:
            _spoor_verschil(spoor, basis_profiel, basis, profiel, uitkomst, regel, d_basis, extra_fte, extra_kosten,
                            waarde_extra_uren)
        return Verschil(d_basis, extra_fte, extra_kosten, waarde_extra_uren, regel)


def _spoor_verschil(
    spoor: list[Stap], basis_profiel: Profiel, basis: Uitkomst, profiel: Profiel, uitkomst: Uitkomst, regel: str | None,
    d_basis: Decimal, extra_fte: Decimal | None, extra_kosten: Decimal | None, waarde_extra_uren: Decimal | None,
) -> None:
    """The steps of `compare`, with the operands it used: of the basis marked as such."""
    direct_basis = Operand(("directe_uren",), basis.directe_uren, STAP, basis=True)
    spoor.append(Stap(("basis_directe_uren",), BASIS_DIRECTE_UREN, (direct_basis,), d_basis))
    fte_basis = Operand(("fte",), basis_profiel.fte, INVOER, basis=True)
    if extra_fte is not None:
        if regel == EXTRA_FTE_NODIG:
            operanden = (Operand(("fte_nodig",), uitkomst.fte_nodig, STAP),
                         Operand(("fte_nodig",), basis.fte_nodig, STAP, basis=True))
        elif regel == EXTRA_FTE_WERKLAST:
            operanden = (_werklast(profiel, uitkomst), Operand(("directe_uren",), uitkomst.directe_uren, STAP),
                         _werklast(basis_profiel, basis)._replace(basis=True), direct_basis)
        else:
            operanden = (fte_basis, direct_basis, Operand(("directe_uren",), uitkomst.directe_uren, STAP))
        spoor.append(Stap(("extra_fte",), regel, operanden, extra_fte))
    if extra_kosten is not None:
        extra = Operand(("extra_fte",), extra_fte, STAP)
        spoor.append(Stap(("extra_kosten",), EXTRA_KOSTEN, (extra, _invoer(profiel, "kosten_per_fte")), extra_kosten))
    if waarde_extra_uren is not None:
        operanden = (fte_basis, Operand(("totaal_aftrek",), uitkomst.totaal_aftrek, STAP),
                     Operand(("totaal_aftrek",), basis.totaal_aftrek, STAP, basis=True), _invoer(profiel, "uurtarief"))
        spoor.append(Stap(("waarde_extra_uren",), WAARDE_EXTRA_UREN, operanden, waarde_extra_uren))


def verhouding(
    profiel: Profiel, uitkomst: Uitkomst, grondslag: Decimal | None, van: tuple[str | None, str, str, str],
    spoor: list[Stap] | None = None, extra: Decimal | None = None,
) -> Uitkomst:
    """A ratio role: fte_nodig = grondslag / een_per (berekening.md §11).

    `grondslag` is the followed functie's fte_nodig (with a workload) or else its fte, in the
    same scenario; `van` names that record and field, so the working can point at it. The
    people a scenario needs follow the ratio too (contract v3): without a workload, in a
    scenario, the followed functie's fte plus its `extra` fte (fte x D_basis / D_scenario).
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
    eenheid, functie, scenario, veld = van
    gevolgd = (Operand((veld,), grondslag, ANDER, functie=(eenheid, functie, scenario)),)
    if extra is not None:
        gevolgd += (Operand(("extra_fte",), extra, ANDER, functie=(eenheid, functie, scenario)),)
    operanden = (*gevolgd, Operand(("verhouding", "een_per"), regel.een_per, INVOER))
    regel_id = VERHOUDING_FTE if extra is None else VERHOUDING_MENSEN
    with localcontext() as ctx:
        ctx.prec = PRECISIE
        nodig = REGELS[regel_id].reken(*(op.waarde for op in operanden))
    if spoor is not None:
        spoor.append(Stap(("fte_nodig",), regel_id, operanden, nodig))
    return uitkomst._replace(fte_nodig=nodig, grondslag=grondslag, grondslag_van=van, grondslag_extra=extra)


def controleer_onderdelen(profiel: Profiel) -> None:
    """The checks of a profile's self-contained parts, as compute makes them: every product and
    the queue's settings and intervals; raises their problems (Rekenfout, the rest in `meer`)."""
    problemen: list[Exception] = []
    if profiel.producten:
        from brutonetto.engine.capaciteit import producturen

        try:
            producturen(profiel.producten, Rekenfout)
        except Rekenfout as fout:
            problemen += [fout, *fout.meer]
    if profiel.contactcentrum is not None:
        from brutonetto.engine.contactcentrum import werklast as wachtrijwerklast

        try:
            wachtrijwerklast(profiel.contactcentrum, Rekenfout)
        except Rekenfout as fout:
            problemen += [fout, *fout.meer]
    alle_problemen(problemen)


def extra_fte_regel(basis: Uitkomst, uitkomst: Uitkomst, fte: Decimal | None) -> str | None:
    """Which extra-fte formula applies (berekening.md §6): with a werklast in both, the difference
    in fte_nodig; else, with the basis fte, fte x (D_B / D_S - 1); else none."""
    if uitkomst.grondslag is not None and basis.grondslag is not None:
        return EXTRA_FTE_NODIG  # a ratio role: its fte_nodig follows from the ratio, not a werklast
    if uitkomst.fte_nodig is not None and basis.fte_nodig is not None:
        return EXTRA_FTE_WERKLAST
    return EXTRA_FTE_FTE if fte is not None else None


def _compute(profiel: Profiel, spoor: list[Stap] | None) -> Uitkomst:
    begin = len(spoor) if spoor is not None else 0
    weken = profiel.weken_per_jaar if profiel.weken_per_jaar is not None else WEKEN_PER_JAAR
    per_week = profiel.uren_per_week
    kalender = profiel.kalender
    per_dag = kalender.uren_per_dag if kalender is not None and kalender.uren_per_dag is not None else profiel.uren_per_dag
    if per_dag is None and per_week is not None:  # uren_per_dag defaults to uren_per_week / 5     §3
        per_dag = REGELS[UREN_PER_DAG].reken(per_week, DAGEN_PER_WEEK)

    if kalender is not None:
        # bruto_uren = werkdagen(jaar) x uren_per_dag                      berekening.md §13
        from brutonetto.engine.kalender import werkdagen

        if kalender.jaar is None:
            raise Rekenfout(("kalender",), "de kalender heeft een jaar nodig, bijvoorbeeld kalender: {jaar: 2027}")
        if per_dag is None:
            raise Rekenfout(("kalender",), "de kalender heeft uren_per_dag nodig (of uren_per_week: uren_per_dag is "
                                           "dan uren_per_week / 5)")
        dagen = Decimal(werkdagen(kalender.jaar))
        bruto = REGELS[WERKDAGEN_X_UREN_PER_DAG].reken(dagen, per_dag)
    else:
        # bruto_uren = uren_per_week x weken_per_jaar (when given)            berekening.md §1
        bruto = REGELS[BRUTO_UREN].reken(per_week, weken) if per_week is not None else None
    # what a verlof or aftrek line can be multiplied by (regels.FACTOREN); more as they are known
    factoren = {"bruto_uren": bruto, "beschikbare_uren": None, "uren_per_week": per_week, "weken_per_jaar": weken,
                "uren_per_dag": per_dag, "werkweken": None}
    operanden = None
    if spoor is not None:
        operanden = _factoroperanden(profiel, factoren)
        if kalender is not None:
            jaar = Operand(("kalender", "jaar"), dagen, INVOER)
            spoor.append(Stap(("bruto_uren",), WERKDAGEN_X_UREN_PER_DAG, (jaar, operanden["uren_per_dag"]), bruto,
                              f"{int(dagen)} werkdagen in {kalender.jaar}"))
        elif bruto is not None:
            spoor.append(Stap(("bruto_uren",), BRUTO_UREN, (operanden["uren_per_week"], operanden["weken_per_jaar"]), bruto))

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
        beschikbaar = REGELS[BESCHIKBAAR_OPGEGEVEN].reken(profiel.beschikbare_uren)
        if beschikbaar <= 0:
            raise Rekenfout(("beschikbare_uren",), "beschikbare_uren moet groter dan 0 zijn")
        if spoor is not None:
            spoor.append(Stap(("beschikbare_uren",), BESCHIKBAAR_OPGEGEVEN, (_invoer(profiel, "beschikbare_uren"),),
                              beschikbaar))
    elif bruto is not None:
        for naam, hoeveelheid in profiel.verlof.items():
            if hoeveelheid.eenheid == KALENDER:  # the kalender's holidays on a werkdag        §13
                hoeveelheid, toelichting = _kalenderfeestdagen(kalender, naam)
                verlof[naam] = _uren(hoeveelheid, ("verlof", naam), "verlof", factoren, spoor, operanden)
                if spoor is not None:
                    spoor[-1] = spoor[-1]._replace(toelichting=toelichting)
                continue
            verlof[naam] = _uren(hoeveelheid, ("verlof", naam), "verlof", factoren, spoor, operanden)
        totaal_verlof = REGELS[TOTAAL_VERLOF].reken(*verlof.values())
        beschikbaar = REGELS[BRUTO_MIN_VERLOF].reken(bruto, totaal_verlof)
        if beschikbaar <= 0:
            raise Rekenfout(
                ("verlof",),
                f"het verlof ({_uren_tekst(bruto - beschikbaar)}) is even groot als of groter dan "
                f"de bruto uren ({_uren_tekst(bruto)}): er blijven geen beschikbare uren over",
            )
        if spoor is not None:
            spoor.append(Stap(("totaal_verlof",), TOTAAL_VERLOF, _opgeteld("verlof", verlof), totaal_verlof))
            spoor.append(Stap(("beschikbare_uren",), BRUTO_MIN_VERLOF,
                              (operanden["bruto_uren"], Operand(("totaal_verlof",), totaal_verlof, STAP)), beschikbaar))
    else:
        raise Rekenfout(
            (),
            "beschikbare_uren ontbreekt: geef beschikbare_uren, of uren_per_week "
            "(met weken_per_jaar en verlof) om ze uit te rekenen",
        )

    # directe_uren = beschikbare_uren - sum(aftrek)                       berekening.md §4
    # (`uur/week` counts the weeks actually worked: beschikbare uren / uren_per_week)
    weken_gewerkt = REGELS[WERKWEKEN].reken(beschikbaar, per_week) if per_week is not None else None
    factoren["beschikbare_uren"] = beschikbaar
    factoren["werkweken"] = weken_gewerkt
    if spoor is not None:
        regels_begin = len(spoor)  # where the werkweken step goes, when a line uses them
        operanden["beschikbare_uren"] = Operand(("beschikbare_uren",), beschikbaar, STAP)
        operanden["werkweken"] = Operand(("werkweken",), weken_gewerkt, STAP)
    aftrek: dict[str, Decimal] = {}
    inwerkverlies = None
    for naam, hoeveelheid in profiel.aftrek.items():
        if hoeveelheid.eenheid == KALENDER:
            raise Rekenfout(("aftrek", naam), "'kalender' geeft de feestdagen van het jaar: zet het onder verlof "
                                              "(verlof: {feestdagen: kalender}), niet onder aftrek")
        aftrek[naam] = _uren(hoeveelheid, ("aftrek", naam), "aftrek", factoren, spoor, operanden)
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
        inwerkverlies = _uren(profiel.inwerkverlies, ("inwerkverlies",), "aftrek", factoren, spoor, operanden)
        instroom = profiel.instroom / HONDERD  # a percentage, as a fraction
        aftrek[INWERKVERLIES] = REGELS[INSTROOM_X_INWERKVERLIES].reken(instroom, inwerkverlies)
        if spoor is not None:
            operanden_ = (Operand(("instroom",), instroom, INVOER, procent=True),
                          Operand(("inwerkverlies",), inwerkverlies, STAP))
            spoor.append(Stap(("aftrek", INWERKVERLIES), INSTROOM_X_INWERKVERLIES, operanden_, aftrek[INWERKVERLIES]))
    totaal = REGELS[TOTAAL_AFTREK].reken(*aftrek.values())
    directe = REGELS[DIRECTE_UREN].reken(beschikbaar, totaal)
    if directe <= 0:
        raise Rekenfout(
            ("aftrek",),
            f"de aftrek ({_uren_tekst(totaal)}) is even groot als of groter dan de beschikbare "
            f"uren ({_uren_tekst(beschikbaar)}): directe uren moeten groter dan 0 blijven",
        )
    aandeel_direct = REGELS[AANDEEL_DIRECT].reken(directe, beschikbaar)  # directe_uren / beschikbare_uren
    # aandeel_bruto = directe_uren / bruto_uren (null without bruto)      berekening.md §8
    aandeel_bruto = REGELS[AANDEEL_BRUTO].reken(directe, bruto) if bruto is not None else None
    if spoor is not None:
        _spoor_directe_uren(spoor, begin, regels_begin, operanden, aftrek, totaal, directe, aandeel_direct,
                            aandeel_bruto)

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

        producten = producturen(profiel.producten, Rekenfout, spoor)
        werklast = REGELS[WERKLAST_PRODUCTEN].reken(*(p.uren for p in producten.values()))
        if spoor is not None:
            som = tuple(Operand(("producten", naam), p.uren, STAP) for naam, p in producten.items())
            spoor.append(Stap(("werklast_uren",), WERKLAST_PRODUCTEN, som, werklast))

    # werklast_uren = agenturen_per_week x weken_open (contactcentrum)      berekening.md §12
    wachtrij = None
    if profiel.contactcentrum is not None:
        if werklast is not None:
            andere = "producten" if profiel.producten else "werklast_uren"
            raise Rekenfout(("contactcentrum",), f"geef contactcentrum of {andere}, niet allebei "
                            "(contactcentrum rekent de werklast_uren zelf uit)")
        from brutonetto.engine.contactcentrum import werklast as wachtrijwerklast

        wachtrij = wachtrijwerklast(profiel.contactcentrum, Rekenfout, spoor)
        werklast = wachtrij.werklast_uren

    # fte_nodig = werklast_uren / directe_uren (when werklast_uren given) berekening.md §5
    nodig = REGELS[FTE_NODIG].reken(werklast, directe) if werklast is not None else None
    if spoor is not None and nodig is not None:
        werklast_operand = (Operand(("werklast_uren",), werklast, STAP) if producten is not None or wachtrij is not None
                            else _invoer(profiel, "werklast_uren"))
        spoor.append(Stap(("fte_nodig",), FTE_NODIG, (werklast_operand, Operand(("directe_uren",), directe, STAP)), nodig))
    return Uitkomst(
        bruto_uren=bruto,
        verlof=verlof,
        beschikbare_uren=beschikbaar,
        aftrek=aftrek,
        totaal_aftrek=totaal,
        directe_uren=directe,
        aandeel_direct=aandeel_direct,
        aandeel_bruto=aandeel_bruto,
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

    The one place this is decided, by the rule table (`regels.OMREKENINGEN`): `compute`
    converts by it and records the rule it used. `stap` is "verlof" or "aftrek": a bare
    percentage is of the stage base (bruto for verlof, beschikbaar for aftrek); `uur/week`
    counts every week of the year in verlof and the weeks actually worked in aftrek.
    """
    regel = OMREKENINGEN.get((stap, hoeveelheid.eenheid, hoeveelheid.van))
    return regel if regel is not None else OMREKENINGEN[(stap, hoeveelheid.eenheid, None)]  # a `van` the unit ignores


def _uren(
    hoeveelheid: Hoeveelheid,
    veld: tuple[str, ...],
    stap: str,
    factoren: dict[str, Decimal | None],
    spoor: list[Stap] | None,
    operanden: dict[str, Operand] | None,
) -> Decimal:
    """Hours per year of one line: the number written (a percentage as a fraction) times the
    figure its rule names, or as written (berekening.md §3)."""
    eenheid = hoeveelheid.eenheid
    regel_id = OMREKENINGEN.get((stap, eenheid, hoeveelheid.van)) or omrekening(hoeveelheid, stap)
    regel = REGELS[regel_id]
    getal = hoeveelheid.getal
    if eenheid == PROCENT:
        getal = getal / HONDERD
    if regel.factor is None:
        uren = regel.reken(getal)
    else:
        factor = factoren[regel.factor]
        if factor is None:
            geciteerd = "{hoeveelheid}" in regel.ontbreekt
            raise Rekenfout(veld, regel.ontbreekt.format(hoeveelheid=hoeveelheid), str(hoeveelheid) if geciteerd else None)
        uren = regel.reken(getal, factor)
    if spoor is not None:
        geschreven = Operand(veld, getal, INVOER, procent=eenheid == PROCENT)
        spoor.append(Stap(veld, regel_id, (geschreven,) if regel.factor is None else (geschreven, operanden[regel.factor]),
                          uren))
    return uren


def _kalenderfeestdagen(kalender: "Kalender | None", naam: str) -> tuple[Hoeveelheid, str]:
    """`feestdagen: kalender` as its number of holidays on a werkdag, and their names for explain."""
    from brutonetto.engine.kalender import feestdagen

    if kalender is None:
        raise Rekenfout(("verlof", naam), f"{naam}: kalender heeft een kalender nodig om de feestdagen te kennen: "
                                          "zet bijvoorbeeld kalender: {jaar: 2027} in het profiel")
    dagen = feestdagen(kalender)
    namen = ", ".join(f"{naam} {dag.day}-{dag.month}" for dag, naam in dagen)
    return (Hoeveelheid(Decimal(len(dagen)), KALENDER),
            f"{len(dagen)} feestdagen op een werkdag in {kalender.jaar}" + (f": {namen}" if namen else ""))


def _factoroperanden(profiel: Profiel, factoren: dict[str, Decimal | None]) -> dict[str, Operand]:
    """The figures a line can be multiplied by, as operands: written, a default, or a step's result."""
    operanden = {veld: Operand((veld,), waarde, STAP) for veld, waarde in factoren.items()}
    operanden["uren_per_week"] = _invoer(profiel, "uren_per_week")
    operanden["weken_per_jaar"] = Operand(("weken_per_jaar",), factoren["weken_per_jaar"],
                                          INVOER if profiel.weken_per_jaar is not None else STANDAARD)
    if profiel.kalender is not None and profiel.kalender.uren_per_dag is not None:
        operanden["uren_per_dag"] = Operand(("kalender", "uren_per_dag"), profiel.kalender.uren_per_dag, INVOER)
    elif profiel.uren_per_dag is not None or factoren["uren_per_dag"] is None:
        operanden["uren_per_dag"] = _invoer(profiel, "uren_per_dag")
    return operanden


def _spoor_directe_uren(
    spoor: list[Stap], begin: int, regels_begin: int, operanden: dict[str, Operand], aftrek: dict[str, Decimal],
    totaal: Decimal, directe: Decimal, aandeel_direct: Decimal, aandeel_bruto: Decimal | None,
) -> None:
    """§4's steps; and the figures some lines were multiplied by, each shown once before its first use:
    werkweken before the aftrek lines, uren_per_dag (when not written) first of all."""
    gebruikt = {REGELS[stap.regel].factor for stap in spoor[begin:]}
    if "werkweken" in gebruikt:
        beschikbaar, werkweken = operanden["beschikbare_uren"], operanden["werkweken"]
        spoor.insert(regels_begin, Stap(("werkweken",), WERKWEKEN, (beschikbaar, operanden["uren_per_week"]),
                                        werkweken.waarde))
    per_dag = operanden["uren_per_dag"]
    if "uren_per_dag" in gebruikt and per_dag.soort == STAP:
        dagen = Operand(("dagen_per_week",), DAGEN_PER_WEEK, CONSTANTE)
        spoor.insert(begin, Stap(("uren_per_dag",), UREN_PER_DAG, (operanden["uren_per_week"], dagen), per_dag.waarde))
    direct = Operand(("directe_uren",), directe, STAP)
    beschikbaar = operanden["beschikbare_uren"]
    spoor += [
        Stap(("totaal_aftrek",), TOTAAL_AFTREK, _opgeteld("aftrek", aftrek), totaal),
        Stap(("directe_uren",), DIRECTE_UREN, (beschikbaar, Operand(("totaal_aftrek",), totaal, STAP)), directe),
        Stap(("aandeel_direct",), AANDEEL_DIRECT, (direct, beschikbaar), aandeel_direct),
    ]
    if aandeel_bruto is not None:
        spoor.append(Stap(("aandeel_bruto",), AANDEEL_BRUTO, (direct, operanden["bruto_uren"]), aandeel_bruto))


def _werklast(profiel: Profiel, uitkomst: Uitkomst) -> Operand:
    """The werklast as given, or as a step worked it out (the products, the queue)."""
    if uitkomst.producten is not None or uitkomst.wachtrij is not None:
        return Operand(("werklast_uren",), uitkomst.werklast_uren, STAP)
    return _invoer(profiel, "werklast_uren")


def _invoer(profiel: Profiel, veld: str) -> Operand:
    return Operand((veld,), getattr(profiel, veld), INVOER)


def _opgeteld(stap: str, uren: dict[str, Decimal]) -> tuple[Operand, ...]:
    """The hours of every line of a stage, as the operands of its sum."""
    return tuple(Operand((stap, naam), waarde, STAP) for naam, waarde in uren.items())


def _uren_tekst(uren: Decimal) -> str:
    return f"{nl(uren, 1)} uur"
