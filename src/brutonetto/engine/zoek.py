"""The question backwards (`solve`, Dutch `zoek`): which value of one input field makes one
result reach a target?

Nothing here computes a result of its own: every value tried is a point as sensitivity
makes it (the profile with that field replaced, run through `records.compute_records` as a
scenario of its own priced against the basis as written), so the answer put back into the
profile gives the target through the very same arithmetic.

How the value is found:

The field changes as in sensitivity (`gevoeligheid.punt_van`): around the basis, the basis as
written is the reference; in a scenario, a value the scenario shares with the basis (an
assumption: the fte, a verzuim both have) changes in both, a value the scenario itself sets
(its extra leertijd) in the scenario only. So the value found is the one to write where the
field is written, and compute then gives the target.

- **lineair**: the result moves in a straight line with the field (every v1 line does:
  directe uren against an aftrek in hours, extra kosten against kosten_per_fte, ...). Two
  points give the line, the third (the answer) is checked: the answer is exact.
- **iteratief**: otherwise (extra fte against hours: fte x B / (D - x) is a curve), the
  target is bracketed and closed in on (a secant step, then a halving, in turn) until the result is within 10^-12 of the target, far below what the output shows.

A value where the engine refuses (directe uren at or below 0) lies outside the field's
range; a target beyond what the range reaches is reported with the nearest it gets.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Callable, NamedTuple

from brutonetto.domain.functie import BASIS, Functie, Invoer
from brutonetto.domain.hoeveelheid import PROCENT, Hoeveelheid
from brutonetto.engine.gevoeligheid import PUNT, Veldpad, lees, punt_van
from brutonetto.engine.hours import PRECISIE
from brutonetto.engine.records import Record, Totaal, compute_records, totalen
from brutonetto.errors import Fout

LINEAIR, ITERATIEF = "lineair", "iteratief"
_TOLERANTIE = Decimal("1e-12")  # relative to the target (or 1): far below the output's 6 decimals
_HOOGSTENS = 400  # evaluations per search: bisection over 10^15 to 10^-15 needs about 100


class Zoekuitkomst(NamedTuple):
    """One answer: the value found for a functie (or, with `totaal`, for the unit) and the
    results there; the fields are the JSON keys, in order."""

    functie: str  # "Totaal" for the unit's total
    eenheid: str | None
    scenario: str  # the scenario whose field was sought (basis without --scenario)
    zoek: str  # the field sought: aftrek.leren_en_ontwikkelen
    gevonden: Decimal  # its number in its own unit (hours, percent, fte, euro)
    waarde: str  # the value as a profile writes it: 221,62 uur
    doel: str  # the result aimed at: extra_kosten
    doelwaarde: Decimal
    methode: str  # LINEAIR (exact) or ITERATIEF (to 10^-12)
    beschikbare_uren: Decimal | None
    totaal_aftrek: Decimal | None
    directe_uren: Decimal | None
    aandeel_direct: Decimal | None
    fte: Decimal | None
    fte_nodig: Decimal | None
    extra_fte: Decimal | None
    extra_kosten: Decimal | None
    waarde_extra_uren: Decimal | None


class _Onbereikbaar(Exception):
    def __init__(self, dichtst: Decimal | None, bij: Decimal | None) -> None:
        super().__init__()
        self.dichtst, self.bij = dichtst, bij


# the results solve can aim at: those of a record and of a total alike
DOELEN = ("beschikbare_uren", "totaal_aftrek", "directe_uren", "aandeel_direct", "aandeel_bruto", "fte_nodig",
          "extra_fte", "extra_kosten", "waarde_extra_uren")


def zoek(functies: list[Functie], scenario: str | None, pad: Veldpad, doel_veld: str, doel: Decimal,
         tekst: Callable[[Decimal | Hoeveelheid], str], functienaam: str | None = None, totaal: bool = False,
         werking: dict[int, list[Record]] | None = None) -> tuple[list[Zoekuitkomst], list[Fout]]:
    """Per functie (or the unit with `totaal`), the value of `pad` at which `doel_veld` equals `doel`.

    `scenario` is the scenario whose value is sought, priced against the basis (None: the basis,
    priced against itself as written, as sensitivity does). `tekst` writes a value as a profile
    would. `werking`, when given, maps id() of each row to the records at the value found."""
    veld = ".".join(pad)
    gekozen = [f for f in functies if functienaam is None or f.naam == functienaam]
    fouten: list[Fout] = []
    met_veld = []
    volgt: dict[int, Functie] = {}  # a ratio role without the field: sought in the functie it follows
    for functie in gekozen:
        invoer = functie.scenarios.get(scenario, functie.basis) if scenario not in (None, BASIS) else functie.basis
        if lees(invoer.profiel, pad) is None:
            gevolgd = _gevolgd(functie, invoer, functies, scenario, pad)
            if gevolgd is not None and not totaal:
                volgt[id(functie)] = gevolgd
                met_veld.append(functie)
                continue
            if not totaal:
                fouten.append(invoer.herkomst.fout(
                    f"functie '{functie.naam}' heeft geen {veld}{_in(scenario)}: zet het in het profiel om ernaar te zoeken",
                    pad[:1]))
            continue
        met_veld.append(functie)
    if totaal and not met_veld:
        fouten.append(Fout(gekozen[0].bestand if gekozen else "", f"geen functie heeft {veld}{_in(scenario)}"))
    if fouten:
        return [], fouten

    doelen = [None] if totaal else met_veld
    uit: list[Zoekuitkomst] = []
    for doelfunctie in doelen:
        aangepast = met_veld if doelfunctie is None else [volgt.get(id(doelfunctie), doelfunctie)]
        voorbeeld = _zoekwaarde(aangepast[0], scenario, pad)
        eenheid = voorbeeld.eenheid if isinstance(voorbeeld, Hoeveelheid) else ""
        gevraagd: dict[Decimal, tuple[Record | Totaal, list[Record]] | None] = {}

        # per functie only what its record stands on (itself, what it follows): not the whole unit at
        # every step (a fourth probe: 1.000 functies took 72 s)
        nodig = functies if doelfunctie is None else _nodig(doelfunctie, functies)

        def punt(x: Decimal) -> tuple[Record | Totaal, list[Record]] | None:
            if x not in gevraagd:
                gevraagd[x] = _bereken_punt(nodig, aangepast, doelfunctie, scenario, pad, x, totaal)
            return gevraagd[x]

        def uitkomst(x: Decimal) -> Decimal | None:
            gevonden = punt(x)
            return None if gevonden is None else getattr(gevonden[0], doel_veld)

        def schrijf(x: Decimal) -> str:
            return tekst(voorbeeld._replace(getal=x) if isinstance(voorbeeld, Hoeveelheid) else x)

        naam = "het totaal" if doelfunctie is None else f"functie '{doelfunctie.naam}'"
        x0 = _getal_van(voorbeeld)
        if uitkomst(x0) is None and (eigen := compute_records(functies).fouten):
            fouten.extend(eigen)  # the profile as written cannot be computed: say why, as compute does
            break
        if uitkomst(x0) is None:
            herkomst = (doelfunctie or aangepast[0]).basis.herkomst
            fouten.append(herkomst.fout(f"{naam}: {doel_veld} is hier niet te berekenen{_in(scenario)} "
                                        "(het ontbreekt in de uitkomst: geef de velden die het nodig heeft)", pad[:1]))
            continue
        bovengrens = Decimal(100) if eenheid == PROCENT else None
        try:
            x, methode = _los_op(uitkomst, x0, bovengrens, doel)
        except _Onbereikbaar as fout:
            herkomst = (doelfunctie or aangepast[0]).basis.herkomst
            bereik = f"tussen 0 en {schrijf(bovengrens)}" if bovengrens is not None else "vanaf 0"
            dichtst = (f"; het dichtst bij komt {doel_veld} = {_kort(fout.dichtst, doel_veld)} bij {schrijf(fout.bij)}"
                       if fout.dichtst is not None and fout.bij is not None else "")
            fouten.append(herkomst.fout(
                f"{naam}: {doel_veld} = {_kort(doel, doel_veld)} is niet te halen met {veld} {bereik}{_in(scenario)}{dichtst}",
                pad[:1]))
            continue
        if x is None:
            herkomst = (doelfunctie or aangepast[0]).basis.herkomst
            fouten.append(herkomst.fout(f"{naam}: {veld} verandert {doel_veld} niet{_in(scenario)}; zoek met een "
                                        "ander veld", pad[:1]))
            continue
        gevonden = punt(x)
        assert gevonden is not None
        r, records = gevonden
        rij = Zoekuitkomst(
            r.functie, r.eenheid, scenario or BASIS, ".".join(pad), x, schrijf(x), doel_veld, doel, methode,
            r.beschikbare_uren, r.totaal_aftrek, r.directe_uren, r.aandeel_direct, r.fte, r.fte_nodig, r.extra_fte,
            r.extra_kosten, r.waarde_extra_uren,
        )
        if werking is not None:
            werking[id(rij)] = records
        uit.append(rij)
    return uit, fouten


def _kort(getal: Decimal, veld: str) -> str:
    """A result for a message as the table shows it: a share as a percentage, else at most 6 decimals."""
    if veld.startswith("aandeel_"):
        return format(round(getal * 100, 4).normalize(), "f").replace(".", ",") + "%"
    return format(round(getal, 6).normalize(), "f").replace(".", ",")


def _gevolgd(functie: Functie, invoer: Invoer, functies: list[Functie], scenario: str | None,
             pad: Veldpad) -> Functie | None:
    """The functie a ratio role follows (`verhouding.van`, in its eenheid), when that one has the field:
    'at what instroom does the ratio role need one more fte' varies the instroom of the functie it follows."""
    verhouding = invoer.profiel.verhouding
    if verhouding is None or verhouding.van is None:
        return None
    for ander in functies:
        if ander.naam == verhouding.van and ander.eenheid == functie.eenheid:
            zijn = ander.scenarios.get(scenario, ander.basis) if scenario not in (None, BASIS) else ander.basis
            return ander if lees(zijn.profiel, pad) is not None else None
    return None


def _nodig(functie: Functie, functies: list[Functie]) -> list[Functie]:
    """The functie and every functie it follows (`verhouding.van`, in its eenheid, in any scenario)."""
    nodig = [functie]
    i = 0
    while i < len(nodig):
        huidig = nodig[i]
        for invoer in (huidig.basis, *huidig.scenarios.values()):
            verhouding = invoer.profiel.verhouding
            if verhouding is None or verhouding.van is None:
                continue
            for ander in functies:
                if ander.naam == verhouding.van and ander.eenheid == huidig.eenheid and ander not in nodig:
                    nodig.append(ander)
        i += 1
    return [f for f in functies if f in nodig]  # in the order of the run, as compute would have them


def _in(scenario: str | None) -> str:
    return f" in scenario '{scenario}'" if scenario not in (None, BASIS) else ""


def _zoekwaarde(functie: Functie, scenario: str | None, pad: Veldpad) -> Decimal | Hoeveelheid:
    invoer = functie.scenarios.get(scenario, functie.basis) if scenario not in (None, BASIS) else functie.basis
    return lees(invoer.profiel, pad)


def _met(waarde: Decimal | Hoeveelheid, x: Decimal) -> Decimal | Hoeveelheid:
    """The field's value with its number replaced: the unit as written stays."""
    return waarde._replace(getal=x) if isinstance(waarde, Hoeveelheid) else x


def _getal_van(waarde: Decimal | Hoeveelheid) -> Decimal:
    return waarde.getal if isinstance(waarde, Hoeveelheid) else waarde


def _bereken_punt(functies: list[Functie], aangepast: list[Functie], doelfunctie: Functie | None, scenario: str | None,
             pad: Veldpad, x: Decimal, totaal: bool) -> tuple[Record | Totaal, list[Record]] | None:
    """Every functie as a point PUNT (those in `aangepast` with the field at x), priced against
    the basis as written: the target functie's record there (or the unit's total) and the
    records it stands on (for --uitleg). None: the engine refuses the value."""
    punt = [punt_van(f, scenario, ((pad, _met(_zoekwaarde(f, scenario, pad), x)),) if f in aangepast else ()) for f in functies]
    rapport = compute_records(punt, [PUNT])
    if rapport.fouten:
        return None
    getoond = f"{scenario or BASIS}, gevonden"  # beside its basis (the workbook, the report): the value found
    records = [r._replace(scenario=getoond) for r in rapport.records if r.scenario == PUNT]
    if totaal:
        gevonden = next((t for t in totalen(records) if t.scenario == getoond), None)
        return None if gevonden is None else (gevonden, [r for r in records if _heeft(r, aangepast)])
    assert doelfunctie is not None
    record = next(r for r in records if (r.eenheid, r.functie) == (doelfunctie.eenheid, doelfunctie.naam))
    return record, [record]


def _heeft(record: Record, functies: list[Functie]) -> bool:
    return any((record.eenheid, record.functie) == (f.eenheid, f.naam) for f in functies)


def _los_op(uitkomst: Callable[[Decimal], Decimal | None], x0: Decimal, bovengrens: Decimal | None,
            doel: Decimal) -> tuple[Decimal | None, str]:
    """The x in [0, bovengrens] where uitkomst(x) == doel; (None, _) when the field moves nothing."""
    with localcontext() as ctx:
        ctx.prec = PRECISIE
        tolerantie = _TOLERANTIE * max(Decimal(1), abs(doel))

        def g(x: Decimal) -> Decimal | None:
            y = uitkomst(x)
            return None if y is None else y - doel

        y0 = g(x0)
        assert y0 is not None
        if abs(y0) <= tolerantie:
            return x0, LINEAIR
        # two points give the line; a third checks it
        stap = max(abs(x0), Decimal(1)) / 100
        x1 = x0 + stap if bovengrens is None or x0 + stap <= bovengrens else x0 - stap
        y1 = g(x1)
        if y1 is None or y1 == y0:
            x1 = x0 - stap if x1 > x0 else x0 + stap
            y1 = g(x1) if x1 >= 0 and (bovengrens is None or x1 <= bovengrens) else None
        if y1 is None:
            raise _Onbereikbaar(y0 + doel, x0)
        if y1 == y0:
            return None, LINEAIR
        x2 = x0 - y0 * (x1 - x0) / (y1 - y0)
        if x2 >= 0 and (bovengrens is None or x2 <= bovengrens):
            y2 = g(x2)
            if y2 is not None and abs(y2) <= tolerantie:
                return x2, LINEAIR
        return _insluiten(g, x0, y0, x1, y1, bovengrens, tolerantie, doel), ITERATIEF


def _insluiten(g: Callable[[Decimal], Decimal | None], x0: Decimal, y0: Decimal, x1: Decimal, y1: Decimal,
               bovengrens: Decimal | None, tolerantie: Decimal, doel: Decimal) -> Decimal:
    """Bracket the root walking from x0 the way the result moves toward the target, then close in."""
    omhoog = (y1 - y0) / (x1 - x0) * -y0 > 0  # the direction in which g goes toward 0
    a, ya = x0, y0  # the last point tried inside the range
    stap = abs(x1 - x0)
    beste = (abs(y0), y0, x0)
    b = yb = None
    for _ in range(_HOOGSTENS):
        kandidaat = a + stap if omhoog else a - stap
        if kandidaat < 0:
            kandidaat = Decimal(0)
        if bovengrens is not None and kandidaat > bovengrens:
            kandidaat = bovengrens
        if kandidaat == a:
            break  # at the edge of the range without reaching the target
        y = g(kandidaat)
        if y is None:  # past where the engine computes: closer, in smaller steps
            stap /= 2
            if stap < tolerantie * max(Decimal(1), abs(a)) * Decimal("1e-3"):
                break
            continue
        beste = min(beste, (abs(y), y, kandidaat))
        if (y < 0) != (ya < 0) or y == 0:
            b, yb = kandidaat, y
            break
        a, ya = kandidaat, y
        stap *= 2
    if b is None or yb is None:
        raise _Onbereikbaar(beste[1] + doel, beste[2])
    # a secant step, then a halving: fast on a smooth curve, and the bracket at least halves every two
    for stap_nummer in range(_HOOGSTENS):
        if abs(yb) <= tolerantie:
            return b
        if abs(ya) <= tolerantie:
            return a
        c = b - yb * (b - a) / (yb - ya) if stap_nummer % 2 == 0 and yb != ya else (a + b) / 2
        if not min(a, b) < c < max(a, b):
            c = (a + b) / 2
        yc = g(c)
        if yc is None:  # not between two computed points of a monotone result; stop at the nearer end
            break
        if abs(b - a) <= tolerantie * max(Decimal(1), abs(c)) * Decimal("1e-3"):
            return c
        if (yc < 0) == (yb < 0):
            b, yb = c, yc
        else:
            a, ya = c, yc
    return b if abs(yb) <= abs(ya) else a
