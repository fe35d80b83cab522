"""Plan against realisation: registered hours per (eenheid, functie, aftrek), annualised.

Pure, exact `Decimal` arithmetic. Formulas: contract v2, "`realisation PLAN CSV`".
The CSV is read by input/realisatie.py into `Registratie` rows (domain/registratie.py);
`aggregate` sums them as they stream past (it keeps a few numbers per key and 24 bytes per
row for the overlap check, never the rows themselves); `compare_plan` sets one sum against
the plan.

What the numbers mean when several rows are summed
--------------------------------------------------
A row says: between `van` and `tot` (inclusive), `fte` people on average registered
`uren` hours for this aftrek line. So one head registered `uren / fte` hours in that period.

- **Hours per head** add up over periods: someone present all year learned the hours of
  each period in turn, whatever the group's size in each. So the registered hours per fte
  are `sum(uren_i / fte_i)` over the rows, never `sum(uren) / sum(fte)` (which would count
  the same people once per period) nor `sum(uren) / mean(fte)` (which lets a large group in
  one quarter stand in for a small one in another).
- **The period** is the whole span, from the earliest `van` to the latest `tot`, and
  that span is what is annualised: `12 / months` when it runs from a first to a last day
  of a month, else `365 / days` (inclusive). A gap between rows therefore counts as a
  time in which nobody registered hours for this line: zero, as a controller reading the
  total over the reporting period would take it (exports commonly leave out weeks without
  hours). The result row shows van and tot, so the period annualised is always visible.
- **fte**, for `niet_benut_uren`, is the registered average: the rows' fte weighted by
  the days each row covers, `sum(fte_i x days_i) / sum(days_i)`. It is the registered fte
  and not the plan's because these are the people who actually worked in the period: the
  hours per head they did not use are hours that went to other work (or were lost), and
  `niet_benut_fte = niet_benut_uren / directe_uren` is then the capacity that moved. The
  plan's fte can differ for reasons that have nothing to do with learning (vacancies);
  multiplying the per-head shortfall by people who were not there would count hours
  nobody could have used.

Each registered row is matched to the plan's functie and aftrek line (`realiseer`): the
aftrek line's hours per fte in PLAN's record for the chosen scenario (`gepland_per_fte`)
and that record's `directe_uren` (for `niet_benut_fte`). A row is matched on its functie
(and eenheid, when the CSV has that column); a functie name found in more than one eenheid
of the plan needs the eenheid. An unknown functie or aftrek is a problem at its CSV line,
with a near name when there is one. Rows are checked as they stream past, so a large CSV
is never held in memory.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from decimal import Decimal, localcontext
from typing import NamedTuple

from brutonetto.domain.functie import Functie
from brutonetto.domain.registratie import Registratie, datumtekst
from brutonetto.engine.hours import NUL, PRECISIE
from brutonetto.engine.records import Record
from brutonetto.errors import MAX_PER_BESTAND, Fout, Problemen, gelijkend, opsomming
from brutonetto.notation import telling

TWAALF = Decimal(12)
DAGEN_PER_JAAR = Decimal(365)

Sleutel = tuple[str | None, str, str]  # (eenheid, functie, aftrek)


class Gerealiseerd(NamedTuple):
    """The registered side of one (eenheid, functie, aftrek), summed and annualised."""

    eenheid: str | None
    functie: str
    aftrek: str
    van: date
    tot: date
    uren: Decimal  # total hours registered
    uren_per_fte: Decimal  # sum(uren_i / fte_i): hours per head over the period
    fte: Decimal  # registered average fte, weighted by days
    dagen: int  # the span, van..tot inclusive
    maanden: int | None  # whole months, when the span is whole months
    annualisatie: Decimal  # 12 / maanden, or 365 / dagen
    gerealiseerd_per_fte: Decimal  # uren_per_fte x annualisatie
    regels: int  # rows summed
    eerste_regel: int | None = None  # the first and last CSV line summed, for `--uitleg`
    laatste_regel: int | None = None
    zonder_registratie: tuple[int, ...] = ()  # months of the span no row touches (year x 12 + month - 1)


class Realisatie(NamedTuple):
    """Plan against realisation for one aftrek line; the fields are the contract's JSON keys, in order."""

    functie: str
    eenheid: str | None
    aftrek: str
    van: date
    tot: date
    gepland_per_fte: Decimal
    gerealiseerd_per_fte: Decimal
    percentage: Decimal | None  # a fraction: 0.96 is 96%; None when nothing was planned
    niet_benut_uren: Decimal
    niet_benut_fte: Decimal


class _Som:
    """What `aggregate` keeps per key while the rows stream past."""

    __slots__ = ("uren", "uren_per_fte", "fte_dagen", "dagen", "van", "tot", "perioden")

    def __init__(self, van: date, tot: date) -> None:
        self.uren = NUL
        self.uren_per_fte = NUL
        self.fte_dagen = NUL
        self.dagen = 0
        self.van = van
        self.tot = tot
        self.perioden = array("q")  # van ordinal, tot ordinal, CSV line: 24 bytes a row


def aggregate(registraties: Iterable[Registratie], bestand: str,
              fouten: Problemen | None = None) -> tuple[list[Gerealiseerd], Problemen]:
    """Sum the rows per (eenheid, functie, aftrek) and annualise them (contract: realisation).

    Rows are consumed one at a time, so a generator over a large CSV streams. A key with
    overlapping periods gives one problem per run of overlapping rows, at the run's first
    CSV line, and no result: its hours would be counted twice. Results come in the order
    keys first appear; the problems are bounded (`errors.Problemen`: `fouten` when given).
    """
    sommen: dict[Sleutel, _Som] = {}
    with localcontext() as ctx:
        ctx.prec = PRECISIE
        for functie, aftrek, van, tot, uren, fte, eenheid, regel in registraties:
            sleutel = (eenheid, functie, aftrek)
            som = sommen.get(sleutel)
            if som is None:
                som = sommen[sleutel] = _Som(van, tot)
            eerste, laatste = van.toordinal(), tot.toordinal()
            dagen = laatste - eerste + 1
            som.uren += uren
            som.uren_per_fte += uren / fte  # hours per head in this period
            som.fte_dagen += fte * dagen
            som.dagen += dagen
            if van < som.van:
                som.van = van
            if tot > som.tot:
                som.tot = tot
            som.perioden.extend((eerste, laatste, regel or 0))

        resultaten: list[Gerealiseerd] = []
        fouten = Problemen() if fouten is None else fouten
        for (eenheid, functie, aftrek), som in sommen.items():
            overlap = _overlap(som.perioden, bestand, eenheid, functie, aftrek)
            if overlap:
                fouten.extend(overlap)
                continue
            resultaten.append(_gerealiseerd(eenheid, functie, aftrek, som))
    return resultaten, fouten


def _gerealiseerd(eenheid: str | None, functie: str, aftrek: str, som: _Som) -> Gerealiseerd:
    dagen = (som.tot - som.van).days + 1
    maanden = hele_maanden(som.van, som.tot)
    # annualisation = 12 / months for whole months, else 365 / days (inclusive)
    annualisatie = TWAALF / maanden if maanden is not None else DAGEN_PER_JAAR / dagen
    return Gerealiseerd(
        eenheid=eenheid,
        functie=functie,
        aftrek=aftrek,
        van=som.van,
        tot=som.tot,
        uren=som.uren,
        uren_per_fte=som.uren_per_fte,
        fte=som.fte_dagen / som.dagen,  # the registered average: fte weighted by days
        dagen=dagen,
        maanden=maanden,
        annualisatie=annualisatie,
        gerealiseerd_per_fte=som.uren_per_fte * annualisatie,  # uren / fte x annualisation
        regels=len(som.perioden) // 3,
        eerste_regel=min((r for r in som.perioden[2::3] if r), default=None),
        laatste_regel=max((r for r in som.perioden[2::3] if r), default=None),
        zonder_registratie=_lege_maanden(som),
    )


def _maand(dag: date) -> int:
    return dag.year * 12 + dag.month - 1


def _lege_maanden(som: _Som) -> tuple[int, ...]:
    """The months between van and tot that no row touches: they count as 0 hours (the module's
    docstring), which is right for a month without learning and wrong for a month left out."""
    gezien: set[int] = set()
    perioden = som.perioden
    for i in range(0, len(perioden), 3):
        gezien.update(range(_maand(date.fromordinal(perioden[i])), _maand(date.fromordinal(perioden[i + 1])) + 1))
    return tuple(m for m in range(_maand(som.van), _maand(som.tot) + 1) if m not in gezien)


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def waarschuwingen(werking: Iterable[tuple[Gerealiseerd, Record]], bestand: str) -> list[str]:
    """What a controller should look at before reading the percentages: a month without any
    registration inside the period (annualised as 0 hours), and more hours of one aftrek line
    per fte per year than the plan's available hours (a total where hours per head were meant,
    or an fte too small). `werking`: each registered sum with the plan record it was set against."""
    uit = []
    for regel, record in werking:
        regels = f":{regel.eerste_regel}" + (f"-{regel.laatste_regel}" if regel.laatste_regel != regel.eerste_regel else "")
        naam = f"{bestand}{regels if regel.eerste_regel else ''}: functie '{regel.functie}', aftrek '{regel.aftrek}'"
        if regel.zonder_registratie:
            maanden = [f"{MAANDEN[m % 12]} {m // 12}" for m in regel.zonder_registratie]
            lijst = maanden[0] if len(maanden) == 1 else ", ".join(maanden[:-1]) + " en " + maanden[-1]
            uit.append(f"{naam}: geen registraties in {lijst}; de periode {datumtekst(regel.van)} t/m "
                       f"{datumtekst(regel.tot)} telt {'die maand' if len(maanden) == 1 else 'die maanden'} als 0 uur "
                       "(ontbreekt er een export?)")
        if regel.gerealiseerd_per_fte > record.beschikbare_uren:
            uit.append(f"{naam}: {telling(int(regel.gerealiseerd_per_fte))} uur per fte per jaar is meer dan de "
                       f"beschikbare uren in het plan ({telling(int(record.beschikbare_uren))}); staan er totalen in "
                       "de kolom uren, of is de fte te klein?")
    return uit


def hele_maanden(van: date, tot: date) -> int | None:
    """The number of months from van to tot when van is a first and tot a last day of a month."""
    if van.day != 1 or (tot + timedelta(days=1)).day != 1:
        return None
    return (tot.year - van.year) * 12 + tot.month - van.month + 1


# A row's place in the overlap check, packed into one int so that sorting 2 million rows
# holds 2 million ints and not 2 million tuples: van, tot (day ordinals, below 2**22 up to
# the year 9999) and the CSV line (below 2**40), compared in that order.
_TOT, _REGEL = 40, 62
_LAAG = (1 << _TOT) - 1
_MIDDEN = (1 << (_REGEL - _TOT)) - 1


def _overlap(perioden: array, bestand: str, eenheid: str | None, functie: str, aftrek: str) -> list[Fout]:
    """One problem per run of overlapping rows, at the run's first line.

    Sorted by van, a run is rows each starting on or before the last day any earlier row
    of the run reaches; the next row that starts after that day begins a new run. A run of
    two or more rows shares at least one day pairwise all the way through (each row
    overlaps one before it or after it), so a row is in such a run exactly when it
    overlaps another row (tests/test_realisation.py checks this against every pair).
    Sorting makes it n log n; reporting a run once keeps 2,000 copies of one row one
    problem instead of two million lines.
    """
    sleutels = sorted((van << _REGEL) | (tot << _TOT) | regel
                      for van, tot, regel in zip(perioden[0::3], perioden[1::3], perioden[2::3]))
    naam = " / ".join(d for d in (eenheid, functie, aftrek) if d)
    fouten: list[Fout] = []
    run: list[int] = []
    einde = -1
    for sleutel in sleutels:
        van, tot = sleutel >> _REGEL, (sleutel >> _TOT) & _MIDDEN
        if van > einde:
            if len(run) > 1:
                fouten.append(_overlapfout(bestand, naam, run, einde))
            run = []
        run.append(sleutel)
        if tot > einde:
            einde = tot
    if len(run) > 1:
        fouten.append(_overlapfout(bestand, naam, run, einde))
    return fouten


def _overlapfout(bestand: str, naam: str, run: list[int], einde: int) -> Fout:
    """The problem of one run of overlapping rows (packed keys sorted by van; `einde` the last
    day any of them reaches), said at its first line in the file."""
    dezelfde = run[0] >> _TOT == run[-1] >> _TOT  # sorted by (van, tot): all equal when the ends are
    if len(run) == 2:  # a pair, said as it always was
        hier, daar = sorted((_uitgepakt(s) for s in run), key=lambda r: r[2])
        if dezelfde:
            bericht = (f"{naam}: dezelfde periode {_periode(hier)} staat ook op regel {daar[2]} "
                       "(dubbel geregistreerd?); perioden mogen niet overlappen")
        else:
            bericht = (f"{naam}: de periode {_periode(hier)} overlapt met {_periode(daar)} op regel "
                       f"{daar[2]}; perioden mogen niet overlappen, anders tellen uren dubbel")
        return Fout(bestand, bericht, regel=hier[2] or None)
    regels = sorted(r for r in (s & _LAAG for s in run) if r)
    welke = _regelnamen(regels, len(run))
    if dezelfde:
        bericht = (f"{naam}: dezelfde periode {_periode(_uitgepakt(run[0]))} staat op {welke} "
                   "(dubbel geregistreerd?); perioden mogen niet overlappen")
    else:
        bericht = (f"{naam}: de perioden op {welke} overlappen (samen {_periode((run[0] >> _REGEL, einde, 0))}); "
                   "perioden mogen niet overlappen, anders tellen uren dubbel")
    return Fout(bestand, bericht, regel=regels[0] if regels else None)


def _uitgepakt(sleutel: int) -> tuple[int, int, int]:
    return sleutel >> _REGEL, (sleutel >> _TOT) & _MIDDEN, sleutel & _LAAG


def _regelnamen(regels: list[int], rijen: int) -> str:
    """`regels 2, 3 en 4`; past four, the first three and a count: `regels 2, 3, 4 en 1.997 andere`."""
    if not regels:  # rows handed in without CSV lines (the Python API)
        return f"{telling(rijen)} rijen"
    if len(regels) <= 4:
        return "regels " + ", ".join(str(r) for r in regels[:-1]) + f" en {regels[-1]}"
    return "regels " + ", ".join(str(r) for r in regels[:3]) + f" en {telling(rijen - 3)} andere"


def _periode(rij: tuple[int, int, int]) -> str:
    return f"{datumtekst(date.fromordinal(rij[0]))} t/m {datumtekst(date.fromordinal(rij[1]))}"


def compare_plan(gerealiseerd: Gerealiseerd, *, gepland_per_fte: Decimal, directe_uren: Decimal) -> Realisatie:
    """Set one aftrek line's registered hours against the plan (contract: realisation).

    `gepland_per_fte` is the aftrek line's hours per fte per year in the plan and
    `directe_uren` the plan's direct hours per fte, both from hours.compute on PLAN's
    scenario. The fte is the registered average (see the module's docstring for why).
    """
    if directe_uren <= 0:
        raise ValueError("directe_uren must be > 0 (hours.compute guarantees it)")
    with localcontext() as ctx:
        ctx.prec = PRECISIE
        gerealiseerd_per_fte = gerealiseerd.gerealiseerd_per_fte
        # percentage = gerealiseerd_per_fte / gepland_per_fte
        percentage = gerealiseerd_per_fte / gepland_per_fte if gepland_per_fte else None
        # niet_benut_uren = fte x (gepland - gerealiseerd)   (negative: more than planned)
        niet_benut_uren = gerealiseerd.fte * (gepland_per_fte - gerealiseerd_per_fte)
        # niet_benut_fte = niet_benut_uren / directe_uren
        niet_benut_fte = niet_benut_uren / directe_uren
        return Realisatie(
            functie=gerealiseerd.functie,
            eenheid=gerealiseerd.eenheid,
            aftrek=gerealiseerd.aftrek,
            van=gerealiseerd.van,
            tot=gerealiseerd.tot,
            gepland_per_fte=gepland_per_fte,
            gerealiseerd_per_fte=gerealiseerd_per_fte,
            percentage=percentage,
            niet_benut_uren=niet_benut_uren,
            niet_benut_fte=niet_benut_fte,
        )


def realiseer(
    plan: list[Record], functies: list[Functie], registraties: Iterable[Registratie], bestand: str,
    werking: list[tuple[Gerealiseerd, Record]] | None = None, fouten: Problemen | None = None,
) -> tuple[list[Realisatie], Problemen]:
    """Every (eenheid, functie, aftrek) of the CSV against `plan`, one record per functie.

    `functies` are the plan's functies as loaded, to name the scenarios that have an aftrek
    line the chosen one does not. Problems: unknown names, ambiguous functies, overlaps.
    `werking`, when given, receives per result the registered sum and the plan record it
    was set against, in the same order (for `--uitleg`, which shows the working).
    The problems are bounded (`errors.Problemen`: `fouten` when given, which may already hold
    the reader's): a CSV of millions of unknown names holds 100 of them.
    """
    fouten = Problemen() if fouten is None else fouten
    koppeling = _Koppeling(plan, functies, bestand, fouten)
    gerealiseerd, _ = aggregate(koppeling.filter(registraties), bestand, fouten)
    if fouten:
        return [], fouten
    uitkomsten = []
    for regel in gerealiseerd:
        record = koppeling.records[(regel.eenheid, regel.functie)]
        if werking is not None:
            werking.append((regel, record))
        uitkomsten.append(compare_plan(
            regel, gepland_per_fte=record.aftrek[regel.aftrek], directe_uren=record.directe_uren
        ))
    return uitkomsten, fouten


class _Koppeling:
    """Finds the plan's record for a CSV row, or says at the row's line why there is none."""

    def __init__(self, plan: list[Record], functies: list[Functie], bestand: str, fouten: Problemen) -> None:
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
        self._onbekend: dict[str, str] = {}

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
            if len(self.fouten) >= MAX_PER_BESTAND:  # past the problems shown (rows come in line order): counted only
                self._fout(rij, f"onbekende functie '{rij.functie}'", "functie")
                return None
            if rij.functie not in self._onbekend:  # the same unknown name on many rows: worked out once
                self._onbekend[rij.functie] = (f"onbekende functie '{rij.functie}'{_suggestie(rij.functie, self.per_naam)}; "
                                               f"in het plan staan: {_namen(self.per_naam)}")
            self._fout(rij, self._onbekend[rij.functie], "functie")
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
    gevonden = gelijkend(naam, bekend)
    return f"; bedoelt u '{gevonden}'?" if gevonden else ""


def _namen(namen: Iterable[str]) -> str:
    return opsomming(namen)
