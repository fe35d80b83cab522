"""`budget`: what a scenario's extra cost is, and that cost against the funding, year by year.

The cost of a scenario is the sum of `extra_kosten` over the functies that have it, each
priced by hours.compare against its own basis; `compute_budget` sets it against the funding
per year. Pure, exact `Decimal` arithmetic, like hours.py. Formulas: contract v2,
"`meerjaren` ... and `budget`". The caller has already read the amounts (input/bedrag.py).
`betaalbare_fte` needs one price per fte: when the functies of a scenario have different
`kosten_per_fte`, the funding buys no single number of fte, and the column stays empty
rather than show an average nobody pays.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, localcontext
from typing import NamedTuple

from brutonetto.domain.functie import Functie, Invoer
from brutonetto.engine.hours import HONDERD, NUL, PRECISIE, Rekenfout
from brutonetto.engine.records import Record


class Jaar(NamedTuple):
    """One year of a scenario against its funding; the fields are the contract's JSON keys, in order."""

    jaar: int
    scenario: str | None
    kosten: Decimal
    financiering: Decimal
    saldo: Decimal
    cumulatief: Decimal
    betaalbare_fte: Decimal | None


def compute_budget(
    kosten: Decimal,
    financiering: Mapping[int, Decimal],
    *,
    indexatie: Decimal = NUL,
    kosten_per_fte: Decimal | None = None,
    scenario: str | None = None,
    kosten_per_jaar: Mapping[int, Decimal] | None = None,
) -> list[Jaar]:
    """Every year from the first to the last financed one, against the scenario's yearly cost.

    `kosten` is the cost in the first year (the sum of the scenario's extra_kosten);
    `indexatie` is a percentage (2 for 2%) by which it grows each year after the first;
    `financiering` maps a year to euros. A year inside the range that has no funding is
    a year with 0 funding: it is shown, never skipped, because that is exactly where the
    money falls short. `kosten_per_fte` is given only when one cost per fte applies to the
    whole scenario; otherwise betaalbare_fte is None (a mix has no single price per fte).
    `kosten_per_jaar`, when profiles have a kalender, is each year's cost under that year's own
    calendar (before indexation), in place of `kosten`.
    """
    if not financiering:
        raise Rekenfout(
            ("meerjaren", "financiering"),
            "financiering is leeg: geef per jaar een bedrag, bijvoorbeeld 2023: 12 mln",
        )
    if kosten_per_fte is not None and kosten_per_fte <= 0:
        raise Rekenfout(
            ("kosten_per_fte",),
            "kosten_per_fte moet groter dan 0 zijn om te rekenen hoeveel fte de financiering betaalt",
        )
    with localcontext() as ctx:
        ctx.prec = PRECISIE
        eerste, laatste = min(financiering), max(financiering)
        groei = 1 + indexatie / HONDERD
        jaren: list[Jaar] = []
        cumulatief = NUL
        for jaar in range(eerste, laatste + 1):
            index = groei ** (jaar - eerste)  # (1 + indexatie)^(Y - first); exact: an integer power
            basiskosten = kosten_per_jaar[jaar] if kosten_per_jaar is not None else kosten
            jaarkosten = basiskosten * index  # kosten_Y = sum(extra_kosten) x (1 + indexatie)^(Y - first)
            geld = financiering.get(jaar, NUL)
            saldo = geld - jaarkosten  # saldo = financiering - kosten
            cumulatief += saldo  # the running sum of saldo
            betaalbaar = (
                geld / (kosten_per_fte * index)  # betaalbare_fte = financiering / (kosten_per_fte x index)
                if kosten_per_fte is not None
                else None
            )
            jaren.append(Jaar(jaar, scenario, jaarkosten, geld, saldo, cumulatief, betaalbaar))
        return jaren


def begroot(
    records: list[Record], financiering: Mapping[int, Decimal], indexatie: Decimal, scenario: str | None = None,
    per_jaar: Mapping[int, list[Record]] | None = None,
) -> tuple[list[Jaar], list[tuple[Record, str]]]:
    """A block of years per scenario (or only `scenario`), and the records that cannot be priced.

    A problem is (record, Dutch message): a functie in the scenario without extra_kosten
    (no kosten_per_fte, or nothing to count extra fte from). `per_jaar`: the records of each
    year computed with that year's kalender (contract v3), whose costs replace the first's.
    """
    namen = [scenario] if scenario else list(dict.fromkeys(r.scenario for r in records if not r.is_basis))
    jaren: list[Jaar] = []
    problemen: list[tuple[Record, str]] = []
    for naam in namen:
        groep = [r for r in records if r.scenario == naam and not r.is_basis]
        zonder = [r for r in groep if r.extra_kosten is None]
        for record in zonder:
            reden = ("geef kosten_per_fte" if record.invoer.profiel.kosten_per_fte is None
                     else "geef fte of werklast_uren om de extra fte te kennen")
            problemen.append((record, f"scenario '{naam}' heeft geen extra kosten om te begroten: {reden}"))
        if zonder or not groep:
            continue
        kosten = sum((r.extra_kosten for r in groep), NUL)  # kosten = sum(extra_kosten)
        prijzen = {r.invoer.profiel.kosten_per_fte for r in groep}
        kosten_per_fte = prijzen.pop() if len(prijzen) == 1 else None
        kosten_per_jaar = None
        if per_jaar is not None:
            kosten_per_jaar = {jaar: sum((r.extra_kosten or NUL for r in lijst if r.scenario == naam and not r.is_basis),
                                         NUL)
                               for jaar, lijst in per_jaar.items()}
        jaren.extend(compute_budget(
            kosten, financiering, indexatie=indexatie, kosten_per_fte=kosten_per_fte, scenario=naam,
            kosten_per_jaar=kosten_per_jaar,
        ))
    return jaren, problemen


def met_kalenderjaar(functie: Functie, jaar: int) -> Functie:
    """The functie with each kalender of its basis and scenarios set to `jaar` (a budget's year)."""
    def zet(invoer: Invoer) -> Invoer:
        kalender = invoer.profiel.kalender
        if kalender is None:
            return invoer
        return invoer._replace(profiel=invoer.profiel._replace(kalender=kalender._replace(jaar=jaar)))

    return functie._replace(basis=zet(functie.basis), scenarios={n: zet(i) for n, i in functie.scenarios.items()})


def heeft_kalender(functies: list[Functie]) -> bool:
    return any(i.profiel.kalender is not None for f in functies for i in (f.basis, *f.scenarios.values()))
