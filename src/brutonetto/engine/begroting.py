"""`budget`: the scenarios' extra cost (from the records) against the funding, year by year.

engine/budget.py does the years; this module says what the cost of a scenario is: the sum
of `extra_kosten` over the functies that have the scenario, each priced by hours.compare
against its own basis. `betaalbare_fte` needs one price per fte: when the functies of a
scenario have different `kosten_per_fte`, the funding buys no single number of fte, and
the column stays empty rather than show an average nobody pays.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from brutonetto.engine.budget import Jaar, compute_budget
from brutonetto.engine.hours import NUL
from brutonetto.engine.records import Record


def begroot(
    records: list[Record], financiering: Mapping[int, Decimal], indexatie: Decimal, scenario: str | None = None,
) -> tuple[list[Jaar], list[tuple[Record, str]]]:
    """A block of years per scenario (or only `scenario`), and the records that cannot be priced.

    A problem is (record, Dutch message): a functie in the scenario without extra_kosten
    (no kosten_per_fte, or nothing to count extra fte from).
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
        jaren.extend(compute_budget(
            kosten, financiering, indexatie=indexatie, kosten_per_fte=kosten_per_fte, scenario=naam
        ))
    return jaren, problemen
