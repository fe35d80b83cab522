"""Report records: one per functie per scenario, computed once and rendered many ways.

A record is a plain dict whose keys and their order are the contract's JSON; values are
exact `Decimal`s (rounded only by the renderers), text, `None`, or for `verlof` and
`aftrek` a dict of hours per named deduction.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from decimal import localcontext

from brutonetto.engine.capacity import volgorde
from brutonetto.engine.hours import PRECISIE, Profiel, Rekenfout, Uitkomst, compare, compute
from brutonetto.errors import Fout
from brutonetto.input.functie import BASIS, Functie, Invoer

Record = dict[str, Any]

KOLOMMEN: tuple[str, ...] = (
    "functie", "eenheid", "scenario", "bestand",
    "bruto_uren", "verlof", "beschikbare_uren", "aftrek", "totaal_aftrek",
    "directe_uren", "aandeel_direct", "fte", "werklast_uren", "fte_nodig",
    "basis_directe_uren", "extra_fte", "extra_kosten", "waarde_extra_uren",
    "aandeel_bruto", "producten",
)


class Rapport:
    """What a command produced: the records, the problems (exit 1) and warnings (stderr)."""

    __slots__ = ("records", "profielen", "fouten", "waarschuwingen")

    def __init__(self) -> None:
        self.records: list[Record] = []
        self.profielen: list[Profiel] = []  # the input behind each record, for the workbook
        self.fouten: list[Fout] = []
        self.waarschuwingen: list[str] = []


def scenarionamen(functies: list[Functie]) -> list[str]:
    """Every scenario in the run, `basis` first, then in the order first written."""
    return list(dict.fromkeys([BASIS, *(naam for f in functies for naam in f.scenarios)]))


def compute_records(functies: list[Functie], gekozen: list[str] | None = None) -> Rapport:
    """Records for `brutonetto compute`: each functie's basis and its (chosen) scenarios."""
    rapport = Rapport()
    if gekozen:
        bekend = scenarionamen(functies)
        for naam in dict.fromkeys(gekozen):
            if naam not in bekend:
                rapport.fouten.append(Fout(
                    "--scenario", f"onbekend scenario '{naam}'; in deze bestanden staan: {', '.join(bekend)}"
                ))
        if rapport.fouten:
            return rapport
    berekend = _bereken_alles(functies, rapport)
    for functie, uitkomsten in zip(functies, berekend):
        if uitkomsten is None:
            continue
        (basis_invoer, basis), *scenarios = uitkomsten
        for invoer, uitkomst in uitkomsten:
            if invoer.scenario != BASIS and gekozen and invoer.scenario not in gekozen:
                continue
            _voeg_toe(rapport, invoer, _record(functie, invoer, uitkomst, basis_invoer, basis))
        for invoer, _ in scenarios:
            if invoer.profiel == basis_invoer.profiel and invoer.scenario in functie.scenarios:
                rapport.waarschuwingen.append(
                    f"{functie.bestand}: functie '{functie.naam}': scenario '{invoer.scenario}' "
                    "verandert niets ten opzichte van basis"
                )
    return rapport


def _bereken_alles(functies: list[Functie], rapport: Rapport) -> list[list[tuple[Invoer, Uitkomst]] | None]:
    """Every functie in every scenario, ratio roles after the functie they follow (§10).

    A ratio role's fte_nodig is its base's fte_nodig (or, without a workload, its fte) in the
    same scenario, over een_per; it has a record for each of its base's scenarios too.
    """
    van = [f.basis.profiel.verhouding.van if f.basis.profiel.verhouding else None for f in functies]
    orde, problemen = volgorde([(f.eenheid, f.naam) for f in functies], van)
    for probleem in problemen:
        functie = functies[probleem.index]
        rapport.fouten.append(functie.basis.herkomst.fout(f"functie '{functie.naam}': {probleem.bericht}", probleem.veld))
    per_sleutel = {(f.eenheid, f.naam): i for i, f in enumerate(functies)}
    berekend: list[list[tuple[Invoer, Uitkomst]] | None] = [None] * len(functies)
    for i in orde:
        functie = functies[i]
        basis = bereken(functie, functie.basis, rapport)
        invoeren = list(functie.scenarios.values())
        gevolgd = None
        if van[i] is not None:
            gevolgd = berekend[per_sleutel[(functie.eenheid, van[i])]]
            if gevolgd is None:
                continue  # its base could not be computed: that problem is reported already
            eigen = set(functie.scenarios)
            invoeren += [
                Invoer(invoer.scenario, functie.basis.profiel, functie.basis.herkomst)
                for invoer, _ in gevolgd[1:] if invoer.scenario not in eigen
            ]
        uitkomsten = []
        for invoer in invoeren:
            uitkomst = bereken(functie, invoer, rapport, zoals_basis=functie.basis if basis is None else None)
            if uitkomst is not None:
                uitkomsten.append((invoer, uitkomst))
        if basis is None:
            continue
        uitkomsten.insert(0, (functie.basis, basis))
        if gevolgd is not None:
            try:
                uitkomsten = [(inv, _verhouding(functie, inv, u, gevolgd)) for inv, u in uitkomsten]
            except Rekenfout as fout:
                rapport.fouten.append(functie.basis.herkomst.fout(f"functie '{functie.naam}': {fout.bericht}", fout.veld))
                continue
        berekend[i] = uitkomsten
    return berekend


def _verhouding(functie: Functie, invoer: Invoer, uitkomst: Uitkomst, gevolgd: list[tuple[Invoer, Uitkomst]]) -> Uitkomst:
    """fte_nodig = fte (nodig) of the followed functie in this scenario / een_per    berekening.md §10"""
    verhouding = invoer.profiel.verhouding
    if verhouding.een_per is None:
        raise Rekenfout(("verhouding",), "de verhouding heeft een_per nodig, bijvoorbeeld {een_per: 30, van: ...}")
    if uitkomst.werklast_uren is not None:
        raise Rekenfout(("verhouding",), "een verhoudingsfunctie heeft geen werklast_uren of producten: "
                        "haar fte nodig volgt uit de verhouding")
    basis_invoer, basis_uitkomst = gevolgd[0]
    for ander, ander_uitkomst in gevolgd:
        if ander.scenario == invoer.scenario:
            basis_invoer, basis_uitkomst = ander, ander_uitkomst
    grondslag = basis_uitkomst.fte_nodig if basis_uitkomst.fte_nodig is not None else basis_invoer.profiel.fte
    if grondslag is None:
        raise Rekenfout(("verhouding", "van"), f"'{verhouding.van}' heeft geen fte of werklast om een verhouding van te nemen")
    with localcontext() as ctx:
        ctx.prec = PRECISIE
        return uitkomst._replace(fte_nodig=grondslag / verhouding.een_per)


def compare_records(oud: list[Functie], nieuw: list[Functie], oud_naam: str, nieuw_naam: str) -> Rapport:
    """Records for `brutonetto compare OLD NEW`: OLD's basis is the basis, NEW's the scenario.

    Functies are matched by eenheid and name; one found in a single file is still reported,
    as a record of its own and a warning, never dropped.
    """
    rapport = Rapport()
    nieuw_per_sleutel = {(f.eenheid, f.naam): f for f in nieuw}
    oud_sleutels = {(f.eenheid, f.naam) for f in oud}
    for functie in oud:
        basis = bereken(functie, functie.basis, rapport)
        tegenhanger = nieuw_per_sleutel.get((functie.eenheid, functie.naam))
        if tegenhanger is None:
            rapport.waarschuwingen.append(
                f"functie '{functie.naam}' staat alleen in {oud_naam}, niet in {nieuw_naam}"
            )
        uitkomst = bereken(tegenhanger, tegenhanger.basis, rapport) if tegenhanger else None
        if basis is None:
            continue
        _voeg_toe(rapport, functie.basis, _record(functie, functie.basis, basis, functie.basis, basis, scenario=oud_naam))
        if tegenhanger is not None and uitkomst is not None:
            _voeg_toe(rapport, tegenhanger.basis, _record(
                tegenhanger, tegenhanger.basis, uitkomst, functie.basis, basis, scenario=nieuw_naam
            ))
    for functie in nieuw:
        if (functie.eenheid, functie.naam) in oud_sleutels:
            continue
        rapport.waarschuwingen.append(
            f"functie '{functie.naam}' staat alleen in {nieuw_naam}, niet in {oud_naam}"
        )
        uitkomst = bereken(functie, functie.basis, rapport)
        if uitkomst is not None:
            _voeg_toe(rapport, functie.basis, _record(functie, functie.basis, uitkomst, None, None, scenario=nieuw_naam))
    return rapport


def _voeg_toe(rapport: Rapport, invoer: Invoer, record: Record) -> None:
    rapport.records.append(record)
    rapport.profielen.append(invoer.profiel)


def bereken(functie: Functie, invoer: Invoer, rapport: Rapport, zoals_basis: Invoer | None = None) -> Uitkomst | None:
    """Compute one profile; a problem goes into the report, located in the file.

    With `zoals_basis` (a basis that failed), a scenario failing for the same reason as its
    basis is not reported again.
    """
    try:
        return compute(invoer.profiel)
    except Rekenfout as fout:
        if zoals_basis is not None:
            try:
                compute(zoals_basis.profiel)
            except Rekenfout as basisfout:
                if (basisfout.veld, basisfout.bericht) == (fout.veld, fout.bericht):
                    return None
        scenario = "" if invoer.scenario == BASIS else f", scenario '{invoer.scenario}'"
        bericht = fout.bericht
        getypt = invoer.herkomst.getypt(fout.veld) if fout.waarde is not None else None
        if getypt is not None:  # quote the input as the user typed it, not as the engine reads it
            bericht = bericht.replace(f"'{fout.waarde}'", f"'{getypt}'", 1)
        rapport.fouten.append(invoer.herkomst.fout(f"functie '{functie.naam}'{scenario}: {bericht}", fout.veld))
        return None


def _record(
    functie: Functie,
    invoer: Invoer,
    uitkomst: Uitkomst,
    basis_invoer: Invoer | None,
    basis: Uitkomst | None,
    scenario: str | None = None,
) -> Record:
    profiel = invoer.profiel
    if basis_invoer is not None and basis is not None:
        verschil = compare(basis_invoer.profiel, basis, profiel, uitkomst)
        basis_directe: Decimal | None = verschil.basis_directe_uren
        extra_fte, extra_kosten, waarde = verschil.extra_fte, verschil.extra_kosten, verschil.waarde_extra_uren
    else:
        basis_directe = extra_fte = extra_kosten = waarde = None
    return {
        "functie": functie.naam,
        "eenheid": profiel.eenheid,
        "scenario": scenario if scenario is not None else invoer.scenario,
        "bestand": functie.bestand,
        "bruto_uren": uitkomst.bruto_uren,
        "verlof": uitkomst.verlof,
        "beschikbare_uren": uitkomst.beschikbare_uren,
        "aftrek": uitkomst.aftrek,
        "totaal_aftrek": uitkomst.totaal_aftrek,
        "directe_uren": uitkomst.directe_uren,
        "aandeel_direct": uitkomst.aandeel_direct,
        "fte": profiel.fte,
        "werklast_uren": uitkomst.werklast_uren,
        "fte_nodig": uitkomst.fte_nodig,
        "basis_directe_uren": basis_directe,
        "extra_fte": extra_fte,
        "extra_kosten": extra_kosten,
        "waarde_extra_uren": waarde,
        "aandeel_bruto": None,
        "producten": {n: p.uren for n, p in uitkomst.producten.items()} if uitkomst.producten is not None else None,
    }
