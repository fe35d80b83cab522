"""The working of one record as typed steps: each number, the rule that made it and its operands.

`brutonetto explain` writes a step in words and the workbook as a live formula, both from
the step and its rule in `regels.REGELS`; neither decides a formula. The steps are built on
demand from what `hours.compute` and `hours.compare` returned (the batch path never pays
for them), in the order of the formula sheet, docs/berekening.md.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from brutonetto.engine import regels as r
from brutonetto.engine.capaciteit import PER_UUR
from brutonetto.domain.hoeveelheid import PROCENT
from brutonetto.domain.profiel import Profiel
from brutonetto.engine.hours import DAGEN_PER_WEEK, HONDERD, INWERKVERLIES, Uitkomst, Verschil, omrekening

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


def stappen(
    profiel: Profiel, uitkomst: Uitkomst, basis: tuple[Profiel, Uitkomst, Verschil] | None = None
) -> list[Stap]:
    """Every number of one profile as a step; with `basis`, also what the scenario costs."""
    blad: list[Stap] = []
    per_week = _invoer(profiel, "uren_per_week")
    weken = Operand(("weken_per_jaar",), uitkomst.weken_per_jaar, INVOER if profiel.weken_per_jaar is not None else STANDAARD)
    lijnen = {
        stap: {naam: omrekening(q, stap) for naam, q in getattr(profiel, stap).items() if naam in getattr(uitkomst, stap)}
        for stap in ("verlof", "aftrek")
    }
    if uitkomst.inwerkverlies is not None:  # §10: converted like an aftrek line
        lijnen["inwerkverlies"] = {"inwerkverlies": omrekening(profiel.inwerkverlies, "aftrek")}
    gebruikt = {regel for per_stap in lijnen.values() for regel in per_stap.values()}

    # §3: uren_per_dag, when not given, is uren_per_week / 5 (a step only where dagen use it)
    if profiel.uren_per_dag is not None or uitkomst.uren_per_dag is None:
        per_dag = _invoer(profiel, "uren_per_dag")
    else:
        per_dag = Operand(("uren_per_dag",), uitkomst.uren_per_dag, STAP)
        if r.DAG_X_UREN_PER_DAG in gebruikt:
            dagen = Operand(("dagen_per_week",), DAGEN_PER_WEEK, CONSTANTE)
            blad.append(Stap(("uren_per_dag",), r.UREN_PER_DAG, (per_week, dagen), uitkomst.uren_per_dag))

    # §1 bruto, §3 each verlof line, §2 beschikbaar
    bruto = Operand(("bruto_uren",), uitkomst.bruto_uren, STAP)
    if uitkomst.bruto_uren is not None:
        blad.append(Stap(("bruto_uren",), r.BRUTO_UREN, (per_week, weken), uitkomst.bruto_uren))
    factoren = {r.PROCENT_BRUTO: bruto, r.WEEK_X_WEKEN_PER_JAAR: weken, r.DAG_X_UREN_PER_DAG: per_dag}
    blad += _lijnen(profiel, uitkomst, "verlof", lijnen["verlof"], factoren)

    beschikbaar = Operand(("beschikbare_uren",), uitkomst.beschikbare_uren, STAP)
    if uitkomst.totaal_verlof is None:
        blad.append(Stap(("beschikbare_uren",), r.BESCHIKBAAR_OPGEGEVEN, (_invoer(profiel, "beschikbare_uren"),),
                         uitkomst.beschikbare_uren))
    else:
        blad.append(Stap(("totaal_verlof",), r.TOTAAL_VERLOF, _lijnen_opgeteld(uitkomst, "verlof"), uitkomst.totaal_verlof))
        totaal_verlof = Operand(("totaal_verlof",), uitkomst.totaal_verlof, STAP)
        blad.append(Stap(("beschikbare_uren",), r.BRUTO_MIN_VERLOF, (bruto, totaal_verlof), uitkomst.beschikbare_uren))

    # §3 each aftrek line (werkweken where uur/week uses them), §4 direct, §8 aandeel bruto, §5 fte nodig
    werkweken = Operand(("werkweken",), uitkomst.werkweken, STAP)
    if r.WEEK_X_WERKWEKEN in {*lijnen["aftrek"].values(), *lijnen.get("inwerkverlies", {}).values()}:
        blad.append(Stap(("werkweken",), r.WERKWEKEN, (beschikbaar, per_week), uitkomst.werkweken))
    factoren.update({r.PROCENT_BESCHIKBAAR: beschikbaar, r.WEEK_X_WERKWEKEN: werkweken})
    blad += _lijnen(profiel, uitkomst, "aftrek", lijnen["aftrek"], factoren)
    if uitkomst.inwerkverlies is not None:  # §10 aftrek.inwerkverlies = instroom x inwerkverlies, the last line
        blad.append(_lijn(("inwerkverlies",), profiel.inwerkverlies, lijnen["inwerkverlies"]["inwerkverlies"],
                          factoren, uitkomst.inwerkverlies))
        instroom = Operand(("instroom",), profiel.instroom / HONDERD, INVOER, procent=True)
        per_nieuwe = Operand(("inwerkverlies",), uitkomst.inwerkverlies, STAP)
        blad.append(Stap(("aftrek", INWERKVERLIES), r.INSTROOM_X_INWERKVERLIES, (instroom, per_nieuwe),
                         uitkomst.aftrek[INWERKVERLIES]))

    totaal = Operand(("totaal_aftrek",), uitkomst.totaal_aftrek, STAP)
    direct = Operand(("directe_uren",), uitkomst.directe_uren, STAP)
    blad += [
        Stap(("totaal_aftrek",), r.TOTAAL_AFTREK, _lijnen_opgeteld(uitkomst, "aftrek"), uitkomst.totaal_aftrek),
        Stap(("directe_uren",), r.DIRECTE_UREN, (beschikbaar, totaal), uitkomst.directe_uren),
        Stap(("aandeel_direct",), r.AANDEEL_DIRECT, (direct, beschikbaar), uitkomst.aandeel_direct),
    ]
    if uitkomst.aandeel_bruto is not None:
        blad.append(Stap(("aandeel_bruto",), r.AANDEEL_BRUTO, (direct, bruto), uitkomst.aandeel_bruto))
    werklast = _werklast(profiel, uitkomst)
    if uitkomst.producten is not None:  # §9 werklast_uren = sum of volume x normtijd
        blad += _producten(profiel, uitkomst)
    if uitkomst.wachtrij is not None:  # §12 werklast_uren = agenturen_per_week x weken_open
        blad += _wachtrij(profiel, uitkomst)
    if uitkomst.grondslag is not None:  # §11 a ratio role: grondslag / een_per
        eenheid, functie, scenario, veld = uitkomst.grondslag_van
        grondslag = Operand((veld,), uitkomst.grondslag, ANDER, functie=(eenheid, functie, scenario))
        een_per = Operand(("verhouding", "een_per"), profiel.verhouding.een_per, INVOER)
        blad.append(Stap(("fte_nodig",), r.VERHOUDING_FTE, (grondslag, een_per), uitkomst.fte_nodig))
    elif uitkomst.fte_nodig is not None:
        blad.append(Stap(("fte_nodig",), r.FTE_NODIG, (werklast, direct), uitkomst.fte_nodig))
    if basis is not None:
        nodig = Operand(("fte_nodig",), uitkomst.fte_nodig, STAP)
        blad += _verschil(profiel, basis, werklast, direct, totaal, nodig)
    return blad


def _verschil(
    profiel: Profiel,
    basis: tuple[Profiel, Uitkomst, Verschil],
    werklast: Operand,
    direct: Operand,
    totaal: Operand,
    nodig: Operand,
) -> list[Stap]:
    """§6 D_basis and extra fte by the formula compare chose, §7 the costs."""
    basisprofiel, basisuitkomst, verschil = basis
    direct_basis = Operand(("directe_uren",), basisuitkomst.directe_uren, STAP, basis=True)
    blad = [Stap(("basis_directe_uren",), r.BASIS_DIRECTE_UREN, (direct_basis,), verschil.basis_directe_uren)]
    fte_basis = _invoer(basisprofiel, "fte")._replace(basis=True)
    if verschil.extra_fte is not None:
        if verschil.regel == r.EXTRA_FTE_NODIG:
            operanden = (nodig, Operand(("fte_nodig",), basisuitkomst.fte_nodig, STAP, basis=True))
        elif verschil.regel == r.EXTRA_FTE_WERKLAST:
            werklast_basis = _werklast(basisprofiel, basisuitkomst)._replace(basis=True)
            operanden = (werklast, direct, werklast_basis, direct_basis)
        else:
            operanden = (fte_basis, direct_basis, direct)
        blad.append(Stap(("extra_fte",), verschil.regel, operanden, verschil.extra_fte))
    if verschil.extra_kosten is not None:
        extra = Operand(("extra_fte",), verschil.extra_fte, STAP)
        blad.append(Stap(("extra_kosten",), r.EXTRA_KOSTEN, (extra, _invoer(profiel, "kosten_per_fte")), verschil.extra_kosten))
    if verschil.waarde_extra_uren is not None:
        totaal_basis = Operand(("totaal_aftrek",), basisuitkomst.totaal_aftrek, STAP, basis=True)
        operanden = (fte_basis, totaal, totaal_basis, _invoer(profiel, "uurtarief"))
        blad.append(Stap(("waarde_extra_uren",), r.WAARDE_EXTRA_UREN, operanden, verschil.waarde_extra_uren))
    return blad


def _werklast(profiel: Profiel, uitkomst: Uitkomst) -> Operand:
    """The werklast as given, or as a step worked it out (the products, the queue)."""
    if uitkomst.producten is not None or uitkomst.wachtrij is not None:
        return Operand(("werklast_uren",), uitkomst.werklast_uren, STAP)
    return _invoer(profiel, "werklast_uren")


def _wachtrij(profiel: Profiel, uitkomst: Uitkomst) -> list[Stap]:
    """§12 the contact centre: agent hours a week (Erlang C, an input-like number), x weken open."""
    wachtrij = uitkomst.wachtrij
    agenturen = Operand(("agenturen_per_week",), wachtrij.agenturen_per_week, STAP)
    weken = Operand(("contactcentrum", "weken_open"), wachtrij.weken_open,
                    INVOER if profiel.contactcentrum.weken_open is not None else STANDAARD)
    erlang = Operand(("contactcentrum", "aanbod"), wachtrij.agenturen_per_week, INVOER)
    return [
        Stap(("agenturen_per_week",), r.AGENTUREN_PER_WEEK, (erlang,), wachtrij.agenturen_per_week),
        Stap(("werklast_uren",), r.WERKLAST_CONTACTCENTRUM, (agenturen, weken), wachtrij.werklast_uren),
    ]


def _invoer(profiel: Profiel, veld: str) -> Operand:
    return Operand((veld,), getattr(profiel, veld), INVOER)


def _lijnen(
    profiel: Profiel, uitkomst: Uitkomst, stap: str, regels: dict[str, str], factoren: dict[str, Operand]
) -> list[Stap]:
    """One step per verlof or aftrek line: the quantity as written, times its rule's factor."""
    hoeveelheden = getattr(profiel, stap)
    return [_lijn((stap, naam), hoeveelheden[naam], regels[naam], factoren, uren)
            for naam, uren in getattr(uitkomst, stap).items() if naam in regels]


def _lijn(
    veld: tuple[str, ...], hoeveelheid, regel: str, factoren: dict[str, Operand], uren: Decimal
) -> Stap:
    """One quantity as written, times its rule's factor (a verlof or aftrek line, or inwerkverlies)."""
    procent = hoeveelheid.eenheid == PROCENT
    geschreven = Operand(veld, hoeveelheid.getal / HONDERD if procent else hoeveelheid.getal, INVOER, procent=procent)
    operanden = (geschreven,) if regel == r.OPGEGEVEN_UREN else (geschreven, factoren[regel])
    return Stap(veld, regel, operanden, uren)


def _producten(profiel: Profiel, uitkomst: Uitkomst) -> list[Stap]:
    """§9 each product's volume x normtijd (a mix: per channel, then added up), then their sum."""
    blad = []
    for naam, uren in uitkomst.producten.items():
        product = profiel.producten[naam]
        plek = ("producten", naam)
        volume = Operand(plek + ("volume",), product.volume, INVOER)
        if product.normtijd is not None:
            normtijd = Operand(plek + ("normtijd",), product.normtijd.getal, INVOER)
            per_uur = Operand(("per_uur", product.normtijd.eenheid), PER_UUR[product.normtijd.eenheid], CONSTANTE)
            blad.append(Stap(plek, r.PRODUCT_UREN, (volume, normtijd, per_uur), uren.uren))
            continue
        for kanaalnaam, (_, _, kanaaluren) in uren.kanalen.items():
            kanaal = product.kanalen[kanaalnaam]
            k = plek + ("kanalen", kanaalnaam)
            operanden = (
                volume,
                Operand(k + ("aandeel",), kanaal.aandeel / HONDERD, INVOER, procent=True),
                Operand(k + ("normtijd",), kanaal.normtijd.getal, INVOER),
                Operand(("per_uur", kanaal.normtijd.eenheid), PER_UUR[kanaal.normtijd.eenheid], CONSTANTE),
            )
            blad.append(Stap(k, r.KANAAL_UREN, operanden, kanaaluren))
        som = tuple(Operand(plek + ("kanalen", k), u, STAP) for k, (_, _, u) in uren.kanalen.items())
        blad.append(Stap(plek, r.PRODUCT_MIX, som, uren.uren))
    som = tuple(Operand(("producten", naam), p.uren, STAP) for naam, p in uitkomst.producten.items())
    blad.append(Stap(("werklast_uren",), r.WERKLAST_PRODUCTEN, som, uitkomst.werklast_uren))
    return blad


def _lijnen_opgeteld(uitkomst: Uitkomst, stap: str) -> tuple[Operand, ...]:
    """The hours of every line of a stage, as the operands of its sum."""
    return tuple(Operand((stap, naam), uren, STAP) for naam, uren in getattr(uitkomst, stap).items())
