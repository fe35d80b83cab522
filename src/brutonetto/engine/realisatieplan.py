"""Plan against realisation: each registered row matched to the plan's functie and aftrek line.

engine/realisation.py sums and annualises registered hours; this module says what each
sum is compared with: the aftrek line's hours per fte in PLAN's record for the chosen
scenario (`gepland_per_fte`) and that record's `directe_uren` (for `niet_benut_fte`).
Every number comes from `hours.compute` through the plan's records.

A row is matched on its functie (and eenheid, when the CSV has that column); a functie
name found in more than one eenheid of the plan needs the eenheid. An unknown functie
or aftrek is a problem at its CSV line, with a near name when there is one, and when the
aftrek line is in another scenario of the plan, the message names that scenario. Rows
are checked as they stream past, so a large CSV is never held in memory.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from brutonetto.domain.functie import Functie
from brutonetto.domain.registratie import Registratie
from brutonetto.engine.realisation import Gerealiseerd, Realisatie, aggregate, compare_plan
from brutonetto.engine.records import Record
from brutonetto.errors import Fout


def realiseer(
    plan: list[Record], functies: list[Functie], registraties: Iterable[Registratie], bestand: str,
    werking: list[tuple[Gerealiseerd, Record]] | None = None,
) -> tuple[list[Realisatie], list[Fout]]:
    """Every (eenheid, functie, aftrek) of the CSV against `plan`, one record per functie.

    `functies` are the plan's functies as loaded, to name the scenarios that have an aftrek
    line the chosen one does not. Problems: unknown names, ambiguous functies, overlaps.
    `werking`, when given, receives per result the registered sum and the plan record it
    was set against, in the same order (for `--uitleg`, which shows the working).
    """
    fouten: list[Fout] = []
    koppeling = _Koppeling(plan, functies, bestand, fouten)
    gerealiseerd, overlap = aggregate(koppeling.filter(registraties), bestand)
    fouten.extend(overlap)
    if fouten:
        fouten.sort(key=lambda f: (f.regel or 0, f.bericht))
        return [], fouten
    uitkomsten = []
    for regel in gerealiseerd:
        record = koppeling.records[(regel.eenheid, regel.functie)]
        if werking is not None:
            werking.append((regel, record))
        uitkomsten.append(compare_plan(
            regel, gepland_per_fte=record.aftrek[regel.aftrek], directe_uren=record.directe_uren
        ))
    return uitkomsten, []


class _Koppeling:
    """Finds the plan's record for a CSV row, or says at the row's line why there is none."""

    def __init__(self, plan: list[Record], functies: list[Functie], bestand: str, fouten: list[Fout]) -> None:
        self.records = {(r.eenheid, r.functie): r for r in plan}
        self.per_naam: dict[str, list[Record]] = {}
        for record in plan:
            self.per_naam.setdefault(record.functie, []).append(record)
        self.scenarios = {  # aftrek lines per functie in other scenarios, for the hint
            (f.eenheid, f.naam): {naam: set(i.profiel.aftrek) for naam, i in f.scenarios.items()}
            for f in functies
        }
        self.bestand = bestand
        self.fouten = fouten

    def filter(self, registraties: Iterable[Registratie]) -> Iterator[Registratie]:
        """The rows that match the plan, with the plan's eenheid; a problem for every other."""
        for rij in registraties:
            record = self._record(rij)
            if record is None:
                continue
            if rij.aftrek not in record.aftrek:
                self._fout(rij, self._onbekende_aftrek(rij, record), "aftrek")
                continue
            yield rij if rij.eenheid == record.eenheid else rij._replace(eenheid=record.eenheid)

    def _record(self, rij: Registratie) -> Record | None:
        kandidaten = self.per_naam.get(rij.functie)
        if kandidaten is None:
            self._fout(rij, f"onbekende functie '{rij.functie}'{_suggestie(rij.functie, self.per_naam)}; "
                            f"in het plan staan: {_namen(self.per_naam)}", "functie")
            return None
        if rij.eenheid is not None:
            gevonden = [r for r in kandidaten if r.eenheid == rij.eenheid or r.eenheid is None]
            if len(gevonden) != 1:
                eenheden = [r.eenheid for r in kandidaten if r.eenheid]
                self._fout(rij, f"functie '{rij.functie}' staat in het plan niet in eenheid '{rij.eenheid}'"
                                f"{_suggestie(rij.eenheid, eenheden)}; wel in: {_namen(eenheden)}", "eenheid")
                return None
            return gevonden[0]
        if len(kandidaten) > 1:
            self._fout(rij, f"functie '{rij.functie}' staat in het plan in meer eenheden "
                            f"({_namen([r.eenheid or '' for r in kandidaten])}); geef een kolom eenheid", "functie")
            return None
        return kandidaten[0]

    def _onbekende_aftrek(self, rij: Registratie, record: Record) -> str:
        bericht = (f"functie '{rij.functie}' heeft in het plan (scenario {record.scenario}) geen aftrek "
                   f"'{rij.aftrek}'{_suggestie(rij.aftrek, record.aftrek)}")
        elders = [naam for naam, aftrek in self.scenarios.get((record.eenheid, record.functie), {}).items()
                  if rij.aftrek in aftrek and naam != record.scenario]
        if elders:
            waar = f"scenario '{elders[0]}'" if len(elders) == 1 else f"de scenario's {_namen(elders)}"
            return bericht + f"; die staat wel in {waar}: kies het plan met --scenario {elders[-1]}"
        return bericht + f"; in het plan: {_namen(record.aftrek)}"

    def _fout(self, rij: Registratie, bericht: str, veld: str) -> None:
        self.fouten.append(Fout(self.bestand, bericht, (veld,), rij.regel))


def _suggestie(naam: str, bekend: Iterable[str]) -> str:
    gelijkend = difflib.get_close_matches(naam, list(bekend), n=1, cutoff=0.6)
    return f"; bedoelt u '{gelijkend[0]}'?" if gelijkend else ""


def _namen(namen: Iterable[str]) -> str:
    return ", ".join(f"'{n}'" for n in dict.fromkeys(namen))
