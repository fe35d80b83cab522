"""Sensitivity: the profile recomputed with one field (or several) at other values.

Nothing here does arithmetic of its own: each point replaces a field in the engine's
`Profiel` (a scalar with `_replace`, an aftrek or verlof line in a new dict) and runs the
records of `compute` (hours.compute and hours.compare; ratio roles after the functie they
follow), so every number is the engine's.

What each point is priced against:

- around the basis (the default): the basis as written. `extra_fte` is what taking the
  value instead of the profile's costs: 218 instead of 185 hours of learning needs
  N x (1300 / 1267 - 1) more fte, a sickness rate of 4,2% instead of 5,7% fewer.
- around a scenario: the scenario against the basis, as compute prices it; a field the
  scenario leaves as in the basis is an assumption both share and is replaced in both
  (how the scenario's price depends on, say, sickness); a field the scenario itself
  changes is varied in the scenario only (how its price depends on its own size).
"""

from __future__ import annotations

import itertools
from decimal import Decimal, localcontext
from typing import Any, NamedTuple

from brutonetto.domain.functie import BASIS, Functie, Invoer
from brutonetto.domain.hoeveelheid import Hoeveelheid
from brutonetto.domain.profiel import Profiel
from brutonetto.engine.hours import PRECISIE
from brutonetto.engine.records import compute_records
from brutonetto.errors import Fout

Waarde = Decimal | Hoeveelheid
Veldpad = tuple[str, ...]  # ("beschikbare_uren",) or ("aftrek", "verzuim")


class Gevoeligheid(NamedTuple):
    """One point: a functie with field(s) at a value; the fields are the JSON keys, in order.

    `veld` and `waarde` name the varied field and its value as a profile writes it; in a
    grid, every field and value, joined by `; `.
    """

    functie: str
    eenheid: str | None
    scenario: str  # the profile varied: basis, or the --scenario
    veld: str
    waarde: str
    directe_uren: Decimal
    aandeel_direct: Decimal
    fte_nodig: Decimal | None
    extra_fte: Decimal | None
    extra_kosten: Decimal | None
    waarde_extra_uren: Decimal | None = None  # contract v3: after v2's keys; the uurtarief method


class Variatie(NamedTuple):
    """A field and the values it takes (already read, in order)."""

    veld: str  # as the user wrote it: aftrek.leren_en_ontwikkelen
    pad: Veldpad
    waarden: list[Waarde]
    achtervoegsel: str = ""  # printed after a plain number: "%" for a percentage field such as instroom


def punten(laag: Waarde, hoog: Waarde, stappen: int) -> list[Waarde]:
    """`stappen` values from laag to hoog, evenly spaced, both ends included (exact)."""
    with localcontext() as ctx:
        ctx.prec = PRECISIE
        if isinstance(laag, Hoeveelheid):
            getallen = punten(laag.getal, hoog.getal, stappen)  # type: ignore[union-attr]
            return [laag._replace(getal=getal) for getal in getallen]
        stap = (hoog - laag) / (stappen - 1)  # type: ignore[operator]
        return [laag + stap * i if i < stappen - 1 else hoog for i in range(stappen)]  # type: ignore[operator]


def lees(profiel: Profiel, pad: Veldpad) -> Any:
    """The value of a field path in a profile (None when not set)."""
    if len(pad) == 2:
        return getattr(profiel, pad[0]).get(pad[1])
    return getattr(profiel, pad[0])


def vervang(profiel: Profiel, pad: Veldpad, waarde: Waarde) -> Profiel:
    """The profile with one field replaced: a scalar, or one line of aftrek or verlof (kept in place)."""
    if len(pad) == 2:
        groep, naam = pad
        regels = dict(getattr(profiel, groep))
        regels[naam] = waarde
        return profiel._replace(**{groep: regels})
    return profiel._replace(**{pad[0]: waarde})


PUNT = "\x00punt"  # the scenario name a point is computed under; never a name a user can write


def gevoeligheid(
    functies: list[Functie], scenario: str | None, variaties: list[Variatie], grid: bool, tekst: Any,
    werking: dict[int, Any] | None = None,
) -> tuple[list[Gevoeligheid], list[Fout]]:
    """Every point of every functie: each variation alone (a tornado), or all together (`grid`).

    Each point is a run of `records.compute_records` over all functies at once, the point
    as a scenario of its own priced against its basis: so a ratio role follows the functie
    it is a ratio of at the same point, exactly as compute would. `scenario` is the one
    varied around (None: the basis); a functie without it is taken at its basis. `tekst`
    writes a value as a profile would. Rows come per functie, then per point. `werking`,
    when given, maps the id() of each row to the engine record it was read from (for
    `--uitleg`, which shows that record's steps).
    """
    if grid:
        combinaties = list(itertools.product(*[[(v, w) for w in v.waarden] for v in variaties]))
    else:
        combinaties = [((v, w),) for v in variaties for w in v.waarden]
    per_functie: list[list[Gevoeligheid]] = [[] for _ in functies]
    fouten: list[Fout] = []
    for combinatie in combinaties:
        veld = "; ".join(v.veld for v, _ in combinatie)
        waarde_tekst = "; ".join(tekst(w) + v.achtervoegsel for v, w in combinatie)
        vervangingen = tuple((v.pad, w) for v, w in combinatie)
        punt = [punt_van(functie, scenario, vervangingen) for functie in functies]
        rapport = compute_records(punt, [PUNT])
        if rapport.fouten:
            intern, getoond = f", scenario '{PUNT}'", (f", scenario '{scenario}'" if scenario else "")
            fouten.extend(
                f._replace(bericht=f"bij {veld} = {waarde_tekst}: " + f.bericht.replace(intern, getoond))
                for f in rapport.fouten
            )
            continue
        rijen = {(r.eenheid, r.functie): r for r in rapport.records if r.scenario == PUNT}
        for i, functie in enumerate(functies):
            r = rijen[(functie.eenheid, functie.naam)]
            rij = Gevoeligheid(
                r.functie, r.eenheid, scenario or BASIS, veld, waarde_tekst, r.directe_uren,
                r.aandeel_direct, r.fte_nodig, r.extra_fte, r.extra_kosten, r.waarde_extra_uren,
            )
            per_functie[i].append(rij)
            if werking is not None:
                werking[id(rij)] = r
    if fouten:
        return [], list(dict.fromkeys(fouten))
    return [rij for rijen in per_functie for rij in rijen], []


def punt_van(functie: Functie, scenario: str | None, vervangingen: tuple[tuple[Veldpad, Waarde], ...]) -> Functie:
    """The functie at one point: its basis to price against, and the point as scenario PUNT (the
    one rule of what a changed field changes; solve, engine/zoek.py, seeks by it too)."""
    basis = functie.basis.profiel
    rond = functie.scenarios.get(scenario) if scenario is not None else None
    b, s = basis, (rond.profiel if rond is not None else basis)
    for pad, waarde in vervangingen:
        if len(pad) == 2 and pad[1] not in getattr(s, pad[0]):
            continue  # an aftrek or verlof line this functie does not have is not given to it
        if scenario is None:  # around the basis: the basis as written is what the point is priced against
            s = vervang(s, pad, waarde)
        elif lees(b, pad) == lees(s, pad):  # an assumption basis and scenario share
            b, s = vervang(b, pad, waarde), vervang(s, pad, waarde)
        else:  # the scenario's own change
            s = vervang(s, pad, waarde)
    herkomst = (rond or functie.basis).herkomst
    return functie._replace(
        basis=functie.basis._replace(profiel=b),
        scenarios={PUNT: Invoer(PUNT, s, herkomst)},
    )
