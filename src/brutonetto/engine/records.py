"""Report records: one per functie per scenario, computed once and rendered many ways.

A `Record` holds the contract's JSON fields, in the contract's order (`KOLOMMEN`), as exact
`Decimal`s (rounded only by the renderers), text, `None`, or for `verlof` and `aftrek` a
dict of hours per named deduction; and besides them where it came from: whether it is the
basis, its input (profile and file:line), the engine's result and the basis it was priced
against, so its working (`stappen`) can be shown. Totals are worked out here too (`totalen`):
a weighted mean is a calculation, not a rendering.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any, Iterable, Iterator, NamedTuple

from brutonetto.engine.hours import PRECISIE, Rekenfout, Uitkomst, Verschil, compare, compute, verhouding
from brutonetto.engine.regels import EXTRA_FTE_FTE, REGELS
from brutonetto.errors import Fout
from brutonetto.notation import telling
from brutonetto.domain.functie import BASIS, Functie, Invoer

if TYPE_CHECKING:
    from brutonetto.engine.stappen import Stap

# The source of a problem with the caller's choice of scenarios (`gekozen`), not with a file:
# the engine does not know how the choice was made; a command line puts its option here.
GEKOZEN = "<gekozen scenario's>"


class Record(NamedTuple):
    """One functie in one scenario: the contract's fields first, in order, then its provenance."""

    functie: str
    eenheid: str | None
    scenario: str
    bestand: str
    bruto_uren: Decimal | None
    verlof: dict[str, Decimal]
    beschikbare_uren: Decimal
    aftrek: dict[str, Decimal]
    totaal_aftrek: Decimal
    directe_uren: Decimal
    aandeel_direct: Decimal
    fte: Decimal | None
    werklast_uren: Decimal | None
    fte_nodig: Decimal | None
    basis_directe_uren: Decimal | None
    extra_fte: Decimal | None
    extra_kosten: Decimal | None
    waarde_extra_uren: Decimal | None
    aandeel_bruto: Decimal | None  # contract v2: new keys come after waarde_extra_uren
    producten: dict[str, Decimal] | None  # each product's hours per year; werklast_uren is their sum
    agenturen_per_week: Decimal | None  # agent hours a typical week (contactcentrum)
    # not in the JSON: where the record came from
    is_basis: bool  # the basis row of its functie (compute), or OLD's row (compare)
    invoer: Invoer  # the profile and where each field was written
    uitkomst: Uitkomst
    basis: Record | None  # the basis record it is priced against; None for a basis (priced against itself)
    verschil: Verschil | None  # the price against the basis; None: nothing to price against (compare)
    in_totaal: bool = True  # False: found in one file of a compare only, so left out of the totals
    spoor: list[Stap] | None = None  # its working, kept as it was computed (compute_records(spoor=True))

    def stappen(self, prijs: bool = True) -> list[Stap]:
        """The working of every number: the trace of the engine's rules (engine/stappen.py).

        The batch path keeps no trace; asked for one, the record's profile goes through the
        same engine again, which records each rule as it applies it. With `prijs`, also the
        price against the basis (for a basis: against itself, 0). A record computed with
        `compute_records(spoor=True)` kept that trace as it was computed: it is returned as is.
        """
        if prijs and self.spoor is not None:  # kept from the computation (the workbook: 10,000 functies)
            return self.spoor
        spoor: list[Stap] = []
        profiel = self.invoer.profiel
        uitkomst = compute(profiel, spoor)
        if self.uitkomst.grondslag is not None:  # a ratio role, against the functie it followed
            verhouding(profiel, uitkomst, self.uitkomst.grondslag, self.uitkomst.grondslag_van, spoor,
                       self.uitkomst.grondslag_extra)
        if prijs and self.verschil is not None:
            tegen = self.basis or self
            compare(tegen.invoer.profiel, tegen.uitkomst, profiel, self.uitkomst, spoor)
        return spoor


KOLOMMEN: tuple[str, ...] = Record._fields[: Record._fields.index("agenturen_per_week") + 1]


class Totaal(NamedTuple):
    """The total of one scenario: fte, extra fte and costs summed; hours weighted by fte."""

    functie: str  # "Totaal", or "Totaal gekoppeld" when records were left out (compare)
    scenario: str
    is_basis: bool
    beschikbare_uren: Decimal | None  # None: no fte or fte nodig to weigh the hours by
    totaal_aftrek: Decimal | None
    directe_uren: Decimal | None
    aandeel_direct: Decimal | None
    aandeel_bruto: Decimal | None
    fte: Decimal | None
    fte_nodig: Decimal | None
    extra_fte: Decimal | None
    extra_kosten: Decimal | None
    waarde_extra_uren: Decimal | None = None
    eenheid: str | None = None  # a total belongs to no one eenheid
    bruto_uren: Decimal | None = None  # weighted as the hours are (the workbook's total shows it)


def per_scenario(records: list[Record]) -> dict[str, list[Record]]:
    """The records of each scenario, scenarios in the order they first come: one pass, not one per
    scenario (a functie with 20.000 scenarios took a minute)."""
    groepen: dict[str, list[Record]] = {}
    for r in records:
        groepen.setdefault(r.scenario, []).append(r)
    return groepen


def totaalgroepen(records: list[Record]) -> dict[str, list[Record]]:
    """Per scenario, the records its total counts: those of the scenario that count in totals,
    and the basis of every functie without that scenario (the rest of the unit, as it is).
    The one place of this rule: the totals and the workbook's total formulas follow it."""
    basis: dict[tuple[str | None, str], Record] = {}  # a functie is its eenheid and name (compare matches so)
    for r in records:
        if r.is_basis and r.in_totaal:
            basis.setdefault((r.eenheid, r.functie), r)
    groepen = {}
    for scenario, alle in per_scenario(records).items():
        groep = [r for r in alle if r.in_totaal]
        if groep:
            heeft = {(r.eenheid, r.functie) for r in alle}
            groepen[scenario] = groep + [r for sleutel, r in basis.items() if sleutel not in heeft]
    return groepen


def totalen(records: list[Record]) -> list[Totaal]:
    """One total per scenario, over the unit: every functie in it (contract v3).

    A functie without that scenario counts with its basis (extra fte 0), so `Totaal zuiniger`
    is the unit under `zuiniger`, not the one functie that has it. Fte is summed; fte nodig
    only when every functie has one (a partial sum beside the whole unit's fte misleads);
    extra fte and costs over the functies that have the scenario (costs blank when an extra
    fte has no price: not a partial sum, nor a € 0 made of the others' zeros). Hours are weighted by each functie's fte,
    or its fte nodig where it has no fte; without either the hours of the total stay blank,
    never a plain mean. A record found in one file of a compare only is left out (it has
    nothing to compare with), and the total then says so in its name. A scenario with
    nothing to add up or weigh has no total.
    """
    uit = []
    # either side of a compare that leaves a functie out: both totals are of the matched ones
    naam = "Totaal" if all(r.in_totaal for r in records) else "Totaal gekoppeld"
    scenarios = per_scenario(records)
    for scenario, groep in totaalgroepen(records).items():
        alle = scenarios[scenario]
        eigen = [r for r in groep if r.scenario == scenario]  # not the basis of the rest of the unit
        gewogen = [(r.fte or r.fte_nodig, r) for r in groep if r.fte or r.fte_nodig]
        gewicht = sum((w for w, _ in gewogen), Decimal(0))

        def gemiddeld(veld: str) -> Decimal | None:
            if not gewicht:
                return None
            return sum((w * getattr(r, veld) for w, r in gewogen), Decimal(0)) / gewicht

        def som(veld: str, regels: list[Record] = groep) -> Decimal | None:
            waarden = [getattr(r, veld) for r in regels if getattr(r, veld) is not None]
            return sum(waarden, Decimal(0)) if waarden else None

        def prijs(veld: str) -> Decimal | None:
            """The costs of the scenario's extra fte: blank when some of them have no price
            (a partial sum would read as the whole; budget refuses it too)."""
            if any(getattr(r, veld) is None and r.extra_fte for r in eigen):
                return None
            return som(veld, eigen)

        direct, beschikbaar = gemiddeld("directe_uren"), gemiddeld("beschikbare_uren")
        if direct is None and som("extra_fte", eigen) is None and som("extra_kosten", eigen) is None:
            continue  # nothing to add up and nothing to weigh by: no total row at all, not a blank one
        bruto = gemiddeld("bruto_uren") if gewogen and all(r.bruto_uren is not None for _, r in gewogen) else None
        uit.append(Totaal(
            functie=naam,
            scenario=scenario,
            is_basis=all(r.is_basis for r in alle),
            beschikbare_uren=beschikbaar,
            totaal_aftrek=gemiddeld("totaal_aftrek"),
            directe_uren=direct,
            aandeel_direct=direct / beschikbaar if direct is not None and beschikbaar else None,
            aandeel_bruto=direct / bruto if direct is not None and bruto else None,
            fte=som("fte"),
            fte_nodig=som("fte_nodig") if all(r.fte_nodig is not None for r in groep) else None,
            extra_fte=som("extra_fte", eigen),
            extra_kosten=prijs("extra_kosten"),
            waarde_extra_uren=prijs("waarde_extra_uren"),
            bruto_uren=bruto,
        ))
    return uit


class Rapport:
    """What a command produced: the records, the problems (exit 1) and warnings (stderr)."""

    __slots__ = ("records", "fouten", "waarschuwingen", "terug")

    def __init__(self) -> None:
        self.terug = False  # `stroom` met what only the whole list settles (see there)
        self.records: list[Record] = []
        self.fouten: list[Fout] = []
        self.waarschuwingen: list[str] = []


def scenarionamen(functies: list[Functie]) -> list[str]:
    """Every scenario in the run, `basis` first, then in the order first written."""
    return list(dict.fromkeys([BASIS, *(naam for f in functies for naam in f.scenarios)]))


MAX_REGELS = 500_000  # records held at once (the file formats stream past this: records.stroom)
MAX_REKENREGELS = 2_000_000  # verlof and aftrek lines over every record of a run (about 40 s of arithmetic)


def compute_records(functies: list[Functie], gekozen: list[str] | None = None, spoor: bool = False) -> Rapport:
    """Records for `brutonetto compute`: each functie's basis and its (chosen) scenarios.

    With `spoor`, each record keeps the trace of its computation (`Record.stappen`), so a
    renderer that shows every step (the workbook) does not compute every profile twice;
    the records then hold some twenty steps each, so only a caller that wants them asks."""
    rapport = Rapport()
    if gekozen:
        bekend = scenarionamen(functies)
        for naam in dict.fromkeys(gekozen):
            if naam not in bekend:
                rapport.fouten.append(Fout(
                    GEKOZEN, f"onbekend scenario '{naam}'; in deze bestanden staan: {', '.join(bekend)}"
                ))
        if rapport.fouten:
            return rapport
    aantal = sum(1 + (len(f.scenarios) if not gekozen else sum(n in gekozen for n in f.scenarios)) for f in functies)
    if aantal > MAX_REGELS and functies:  # 400 scenarios over 4.000 functies is 215 kB of YAML and 1,6 million records
        rapport.fouten.append(Fout(functies[0].bestand, f"deze bestanden geven {telling(aantal)} regels (functies x "
                                   f"scenario's); hoogstens {telling(MAX_REGELS)} in één run: kies scenario's of "
                                   "splits de bestanden"))
        return rapport
    # the work is records x their verlof and aftrek lines: 300 scenarios of 30.000 lines each is a
    # 478 kB file and minutes of arithmetic (a third probe); the same bound, counted in lines
    regels = sum((1 + len(f.scenarios)) * (len(f.basis.profiel.aftrek) + len(f.basis.profiel.verlof) + 1) for f in functies)
    if regels > MAX_REKENREGELS and functies:
        rapport.fouten.append(Fout(functies[0].bestand, f"deze bestanden geven {telling(regels)} aftrek- en verlofregels "
                                   f"om te rekenen (regels x scenario's); hoogstens {telling(MAX_REKENREGELS)} in één run: "
                                   "kies scenario's of splits de bestanden"))
        return rapport
    sporen: dict[int, list[Stap]] | None = {} if spoor else None
    for functie, uitkomsten in zip(functies, _bereken_alles(functies, rapport, sporen=sporen)):
        if uitkomsten is not None:
            rapport.records.extend(_records(functie, uitkomsten, gekozen, rapport, sporen))
    return rapport


def stroom(functies: Iterable[Functie], rapport: Rapport) -> Iterator[Record]:
    """`compute_records` for every scenario, one functie at a time, records yielded as each is computed.

    What is kept besides is what a ratio role needs of the functie it follows (its fte and
    fte nodig per scenario), a few numbers a functie. It stops, setting `rapport.terug`, at
    what only the whole list can settle: a problem, or a ratio role written before the
    functie it follows (the caller then runs `compute_records`, which orders and reports).
    """
    volgbaar: dict[tuple[str | None, str], list[tuple[Any, Any]]] = {}
    for functie in functies:
        regel = functie.basis.profiel.verhouding
        van = regel.van if regel is not None else None
        gevolgd = volgbaar.get((functie.eenheid, van)) if van is not None else None
        if (regel is not None and gevolgd is None) or any(
            (invoer.profiel.verhouding is None) != (regel is None)
            or (invoer.profiel.verhouding is not None and invoer.profiel.verhouding.van != van)
            for invoer in functie.scenarios.values()
        ):
            rapport.terug = True
            return
        uitkomsten = _bereken_een(functie, gevolgd, rapport)
        if rapport.fouten or uitkomsten is None:
            rapport.terug = True
            return
        volgbaar[(functie.eenheid, functie.naam)] = [
            (_Gevolgd(invoer.scenario, _Kern(invoer.profiel.fte, invoer.profiel.eenheid, invoer.profiel.functie)),
             _Kern(fte_nodig=uitkomst.fte_nodig, directe_uren=uitkomst.directe_uren))
            for invoer, uitkomst in uitkomsten
        ]
        yield from _records(functie, uitkomsten, None, rapport)


class _Kern(NamedTuple):
    """What a ratio role reads of the profile and the outcome it follows (`_volg`)."""

    fte: Decimal | None = None
    eenheid: str | None = None
    functie: str = ""
    fte_nodig: Decimal | None = None
    directe_uren: Decimal = Decimal(0)


class _Gevolgd(NamedTuple):
    scenario: str
    profiel: _Kern


def _records(
    functie: Functie, uitkomsten: list[tuple[Invoer, Uitkomst]], gekozen: list[str] | None, rapport: Rapport,
    sporen: dict[int, list[Stap]] | None = None,
) -> list[Record]:
    """A functie's records: its basis, then each (chosen) scenario priced against it; with
    `sporen` (the trace of each input by its id, `_bereken_een`), each keeps its working."""
    (basis_invoer, basis), *scenarios = uitkomsten
    sporen = sporen if sporen is not None else {}
    basisrecord = _record(functie, basis_invoer, basis, None, is_basis=True, spoor=sporen.pop(id(basis_invoer), None))
    records = [basisrecord]
    for invoer, uitkomst in scenarios:
        if gekozen and invoer.scenario not in gekozen:
            continue
        if (invoer.scenario in functie.scenarios and invoer.profiel == basis_invoer.profiel
                and uitkomst.fte_nodig == basis.fte_nodig):  # a ratio role moves with the functie it follows
            rapport.waarschuwingen.append(
                f"{functie.bestand}: functie '{functie.naam}': scenario '{invoer.scenario}' "
                "verandert niets ten opzichte van basis"
            )
        records.append(_record(functie, invoer, uitkomst, basisrecord, spoor=sporen.pop(id(invoer), None)))
    return records


def _bereken_alles(
    functies: list[Functie], rapport: Rapport, alleen_basis: bool = False, sporen: dict[int, list[Stap]] | None = None,
) -> list[list[tuple[Invoer, Uitkomst]] | None]:
    """Every functie in every scenario, basis first; ratio roles after the functie they follow (§11).

    A ratio role has a record for each scenario of the functie it follows as well as its own;
    its fte_nodig is that functie's fte_nodig (or, without a workload, its fte) in the same
    scenario (or its basis, where it lacks that scenario), over een_per.
    """
    van = [f.basis.profiel.verhouding.van if f.basis.profiel.verhouding else None for f in functies]
    orde, problemen = list(range(len(functies))), []
    if any(f.basis.profiel.verhouding for f in functies):  # else the order is as written
        from brutonetto.engine.capaciteit import volgorde

        orde, problemen = volgorde([(f.eenheid, f.naam) for f in functies], van)
    for i, functie in enumerate(functies):  # a ratio without a name to follow is no ratio at all
        if functie.basis.profiel.verhouding is not None and van[i] is None:
            rapport.fouten.append(functie.basis.herkomst.fout(
                f"functie '{functie.naam}': de verhouding heeft van nodig: de functie waarvan dit een verhouding is, "
                "bijvoorbeeld {een_per: 30, van: Adviseur werk}", ("verhouding",)
            ))
            orde = [j for j in orde if j != i]
    for probleem in problemen:
        functie = functies[probleem.index]
        rapport.fouten.append(functie.basis.herkomst.fout(f"functie '{functie.naam}': {probleem.bericht}", probleem.veld))
    for i, functie in enumerate(functies):  # what a ratio role follows is the basis's: the order depends on it
        for invoer in ([] if alleen_basis else functie.scenarios.values()):
            regel = invoer.profiel.verhouding
            if (regel is None) != (functie.basis.profiel.verhouding is None) or (regel is not None and regel.van != van[i]):
                veld = ("verhouding", "van") if regel is not None and van[i] is not None else ("verhouding",)
                rapport.fouten.append(invoer.herkomst.fout(
                    f"functie '{functie.naam}', scenario '{invoer.scenario}': een scenario kan van een verhouding "
                    "alleen een_per veranderen; of dit een verhoudingsfunctie is en welke functie zij volgt (van), "
                    "staat in de basis", veld,
                ))
                orde = [j for j in orde if j != i]
    per_sleutel = {(f.eenheid, f.naam): i for i, f in enumerate(functies)}
    berekend: list[list[tuple[Invoer, Uitkomst]] | None] = [None] * len(functies)
    for i in orde:
        functie = functies[i]
        gevolgd = None
        if van[i] is not None:
            gevolgd = berekend[per_sleutel[(functie.eenheid, van[i])]]
            if gevolgd is None:
                continue  # its base could not be computed: that problem is reported already
        berekend[i] = _bereken_een(functie, gevolgd, rapport, alleen_basis, sporen)
    return berekend


def _bereken_een(
    functie: Functie, gevolgd: list[tuple[Any, Any]] | None, rapport: Rapport, alleen_basis: bool = False,
    sporen: dict[int, list[Stap]] | None = None,
) -> list[tuple[Invoer, Uitkomst]] | None:
    """One functie in every scenario, basis first; a ratio role against the functie it follows (`gevolgd`).

    With `sporen`, the trace of each input goes there by the input's id (`_records` takes it)."""
    invoeren = [functie.basis, *([] if alleen_basis else functie.scenarios.values())]
    if gevolgd is not None:
        invoeren += [
            Invoer(invoer.scenario, functie.basis.profiel, functie.basis.herkomst)
            for invoer, _ in gevolgd[1:] if invoer.scenario not in functie.scenarios and not alleen_basis
        ]
    def spoor(invoer: Invoer) -> list[Stap] | None:  # a new one: an id is reused once its input is gone
        if sporen is None:
            return None
        sporen[id(invoer)] = lijst = []
        return lijst

    basis = bereken(functie, functie.basis, rapport, spoor=spoor(functie.basis))
    uitkomsten = [(functie.basis, basis)] if basis is not None else []
    for invoer in invoeren[1:]:
        uitkomst = bereken(functie, invoer, rapport, zoals_basis=functie.basis if basis is None else None,
                           spoor=spoor(invoer))
        if uitkomst is not None and basis is not None:
            uitkomsten.append((invoer, uitkomst))
    if basis is None:
        return None
    if gevolgd is not None:
        try:
            uitkomsten = [(invoer, _volg(invoer, uitkomst, gevolgd, sporen.get(id(invoer)) if sporen is not None else None)) for invoer, uitkomst in uitkomsten]
        except Rekenfout as fout:
            rapport.fouten.append(functie.basis.herkomst.fout(f"functie '{functie.naam}': {fout.bericht}", fout.veld))
            return None
    return uitkomsten


def _volg(invoer: Invoer, uitkomst: Uitkomst, gevolgd: list[tuple[Invoer, Uitkomst]],
          spoor: list[Stap] | None = None) -> Uitkomst:
    """A ratio role in one scenario, against the followed functie in that scenario, else its basis.

    It follows the people that functie needs (contract v3): its fte_nodig, or without a
    workload its fte plus the extra fte the scenario asks of it (as that functie's record
    prices it); in the basis, its fte. v2 took the plain fte and showed the seniors of
    advisers who need 12 more fte an extra of 0."""
    ander, ander_uitkomst = next(((i, u) for i, u in gevolgd if i.scenario == invoer.scenario), gevolgd[0])
    profiel = ander.profiel
    van = (profiel.eenheid, profiel.functie, ander.scenario)
    if ander_uitkomst.fte_nodig is not None:
        return verhouding(invoer.profiel, uitkomst, ander_uitkomst.fte_nodig, (*van, "fte_nodig"), spoor)
    extra = None
    basisprofiel, basis = gevolgd[0]
    if ander.scenario != BASIS and profiel.fte is not None and basisprofiel.profiel.fte is not None:
        # as compare prices that functie's record: fte x (D_basis / D_scenario - 1), the basis fte
        with localcontext() as ctx:
            ctx.prec = PRECISIE
            extra = REGELS[EXTRA_FTE_FTE].reken(basisprofiel.profiel.fte, basis.directe_uren, ander_uitkomst.directe_uren)
    return verhouding(invoer.profiel, uitkomst, profiel.fte, (*van, "fte"), spoor, extra=extra)


def compare_records(oud: list[Functie], nieuw: list[Functie], oud_naam: str, nieuw_naam: str) -> Rapport:
    """Records for `brutonetto compare OLD NEW`: OLD's basis is the basis, NEW's the scenario.

    Functies are matched by eenheid and name; one found in a single file is still reported,
    as a record of its own and a warning, never dropped; it is left out of the totals, which
    compare the matched functies only.
    """
    rapport = Rapport()
    # each file's basis, ratio roles resolved within their own file
    oude = {(f.eenheid, f.naam): (f, u[0][1]) for f, u in zip(oud, _bereken_alles(oud, rapport, alleen_basis=True)) if u}
    nieuwe = {(f.eenheid, f.naam): (f, u[0][1]) for f, u in zip(nieuw, _bereken_alles(nieuw, rapport, alleen_basis=True)) if u}
    nieuw_sleutels = {(f.eenheid, f.naam) for f in nieuw}
    oud_sleutels = {(f.eenheid, f.naam) for f in oud}
    eenheden_nieuw: dict[str, list[str | None]] = {}
    for f in nieuw:
        eenheden_nieuw.setdefault(f.naam, []).append(f.eenheid)
    anders: set[str] = set()  # in both files, under another eenheid: said once, not as 'only in'
    for functie in oud:
        sleutel = (functie.eenheid, functie.naam)
        if sleutel not in nieuw_sleutels and functie.naam in eenheden_nieuw:
            anders.add(functie.naam)
            rapport.waarschuwingen.append(
                f"functie '{functie.naam}' staat in beide bestanden, maar met een andere eenheid "
                f"({_eenheid(functie.eenheid)} in {oud_naam}, "
                f"{' en '.join(_eenheid(e) for e in eenheden_nieuw[functie.naam])} in {nieuw_naam}); "
                "gekoppeld wordt op eenheid en naam: maak de eenheid gelijk om ze te vergelijken"
            )
        elif sleutel not in nieuw_sleutels:
            rapport.waarschuwingen.append(
                f"functie '{functie.naam}' staat alleen in {oud_naam}, niet in {nieuw_naam}"
            )
        if sleutel not in oude:
            continue
        basis = oude[sleutel][1]
        gekoppeld = sleutel in nieuwe
        basisrecord = _record(functie, functie.basis, basis, None, scenario=oud_naam, is_basis=True, in_totaal=gekoppeld)
        rapport.records.append(basisrecord)
        if gekoppeld:
            tegenhanger, uitkomst = nieuwe[sleutel]
            rapport.records.append(_record(tegenhanger, tegenhanger.basis, uitkomst, basisrecord, scenario=nieuw_naam))
    for functie in nieuw:
        sleutel = (functie.eenheid, functie.naam)
        if sleutel in oud_sleutels:
            continue
        if functie.naam not in anders:
            rapport.waarschuwingen.append(
                f"functie '{functie.naam}' staat alleen in {nieuw_naam}, niet in {oud_naam}"
            )
        if sleutel in nieuwe:
            rapport.records.append(_record(
                functie, functie.basis, nieuwe[sleutel][1], None, scenario=nieuw_naam, zonder_basis=True, in_totaal=False
            ))
    return rapport


def _eenheid(eenheid: str | None) -> str:
    return f"eenheid '{eenheid}'" if eenheid is not None else "geen eenheid"


def bereken(functie: Functie, invoer: Invoer, rapport: Rapport, zoals_basis: Invoer | None = None,
            spoor: list[Stap] | None = None) -> Uitkomst | None:
    """Compute one profile; a problem goes into the report, located in the file.

    With `zoals_basis` (a basis that failed), a scenario failing for the same reason as its
    basis is not reported again.
    """
    try:
        return compute(invoer.profiel, spoor)
    except Rekenfout as fout:
        if zoals_basis is not None:
            try:
                compute(zoals_basis.profiel)
            except Rekenfout as basisfout:
                if (basisfout.veld, basisfout.bericht) == (fout.veld, fout.bericht):
                    return None
        rapport.fouten.extend(_gemeld(functie, invoer, fout))
        return None


def _gemeld(functie: Functie, invoer: Invoer, fout: Rekenfout) -> list[Fout]:
    """A problem of the engine (and those it carries) at its place in the file."""
    scenario = "" if invoer.scenario == BASIS else f", scenario '{invoer.scenario}'"
    fouten = []
    for probleem in (fout, *fout.meer):  # every product, every interval: all at once
        bericht = probleem.bericht
        getypt = invoer.herkomst.getypt(probleem.veld) if probleem.waarde is not None else None
        if getypt is not None:  # quote the input as the user typed it, not as the engine reads it
            bericht = bericht.replace(f"'{probleem.waarde}'", f"'{getypt}'", 1)
        fouten.append(invoer.herkomst.fout(f"functie '{functie.naam}'{scenario}: {bericht}", probleem.veld))
    return fouten


def controleer_delen(delen: list[Functie], andere: list[Functie]) -> list[Fout]:
    """The checks of the self-contained parts (producten, contactcentrum, the name a ratio
    follows) of functies that could not be computed (input.loader's `deelprofielen`), beside
    the `andere` that could: one bad field hides no other problem."""
    from brutonetto.engine.hours import controleer_onderdelen

    fouten = []
    for functie in delen:
        try:
            controleer_onderdelen(functie.basis.profiel)
        except Rekenfout as fout:
            fouten.extend(_gemeld(functie, functie.basis, fout))
    alle = andere + delen
    van = [None] * len(andere) + [f.basis.profiel.verhouding.van if f.basis.profiel.verhouding else None for f in delen]
    if any(van):
        from brutonetto.engine.capaciteit import volgorde

        _, problemen = volgorde([(f.eenheid, f.naam) for f in alle], van)
        for probleem in problemen:
            if probleem.veld == ("verhouding", "van"):  # a name not there; circles wait for the fields
                functie = alle[probleem.index]
                fouten.append(functie.basis.herkomst.fout(f"functie '{functie.naam}': {probleem.bericht}", probleem.veld))
    return fouten


def _record(
    functie: Functie,
    invoer: Invoer,
    uitkomst: Uitkomst,
    basis: Record | None,
    scenario: str | None = None,
    *,
    is_basis: bool = False,
    zonder_basis: bool = False,
    in_totaal: bool = True,
    spoor: list[Stap] | None = None,
) -> Record:
    """The record of one profile, priced against `basis` (a basis against itself, so its extra
    fte is 0), or against nothing when `zonder_basis`."""
    profiel = invoer.profiel
    if zonder_basis:
        verschil = None
    elif basis is None:  # the basis itself
        verschil = compare(profiel, uitkomst, profiel, uitkomst, spoor)
    else:
        verschil = compare(basis.invoer.profiel, basis.uitkomst, profiel, uitkomst, spoor)
    record = Record(
        functie.naam, profiel.eenheid, scenario if scenario is not None else invoer.scenario, functie.bestand,
        uitkomst.bruto_uren, uitkomst.verlof, uitkomst.beschikbare_uren, uitkomst.aftrek, uitkomst.totaal_aftrek,
        uitkomst.directe_uren, uitkomst.aandeel_direct, profiel.fte, uitkomst.werklast_uren, uitkomst.fte_nodig,
        *(verschil[:4] if verschil is not None else (None, None, None, None)),
        uitkomst.aandeel_bruto,
        {naam: p.uren for naam, p in uitkomst.producten.items()} if uitkomst.producten is not None else None,
        uitkomst.wachtrij.agenturen_per_week if uitkomst.wachtrij else None,
        is_basis, invoer, uitkomst, basis, verschil, in_totaal, spoor,
    )
    return record
