"""Sensitivity: the profile recomputed with one field (or several) at other values.

Nothing here does arithmetic of its own: each point replaces a field in the engine's
`Profiel` (a scalar with `_replace`, an aftrek or verlof line in a new dict) and calls
`hours.compute` and `hours.compare`, so every number is the engine's.

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

from brutonetto.engine.hours import PRECISIE, Profiel, compare, compute
from brutonetto.input.quantity import Hoeveelheid

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


class Variatie(NamedTuple):
    """A field and the values it takes (already read, in order)."""

    veld: str  # as the user wrote it: aftrek.leren_en_ontwikkelen
    pad: Veldpad
    waarden: list[Waarde]


class Puntfout(ValueError):
    """A point the engine cannot compute; `punt` names the field(s) and value(s)."""

    def __init__(self, punt: str, fout: Any) -> None:
        super().__init__(f"{punt}: {fout.bericht}")
        self.punt = punt
        self.fout = fout


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


def gevoeligheid(
    basis: Profiel, profiel: Profiel | None, scenario: str, variaties: list[Variatie], grid: bool, tekst: Any,
) -> list[Gevoeligheid]:
    """Every point of one functie: each variation alone (a tornado), or all together (`grid`).

    `profiel` is the scenario varied around, or None for the basis itself; `tekst` writes
    a value as a profile would. A point the engine refuses raises `Puntfout`.
    """
    if grid:
        reeksen = [list(zip(itertools.repeat(v), v.waarden)) for v in variaties]
        combinaties = list(itertools.product(*reeksen))
    else:
        combinaties = [((v, w),) for v in variaties for w in v.waarden]
    rijen = []
    for combinatie in combinaties:
        b, s = basis, profiel
        for variatie, waarde in combinatie:
            if s is None:
                b = vervang(b, variatie.pad, waarde)
            elif lees(basis, variatie.pad) == lees(profiel, variatie.pad):  # an assumption both share
                b, s = vervang(b, variatie.pad, waarde), vervang(s, variatie.pad, waarde)
            else:  # the scenario's own change
                s = vervang(s, variatie.pad, waarde)
        veld = "; ".join(v.veld for v, _ in combinatie)
        waarde_tekst = "; ".join(tekst(w) for _, w in combinatie)
        try:
            if s is None:  # around the basis: the varied basis against the basis as written
                tegen, tegen_uitkomst = basis, compute(basis)
                punt, uitkomst = b, compute(b)
            else:
                tegen, tegen_uitkomst = b, compute(b)
                punt, uitkomst = s, compute(s)
        except ValueError as fout:  # hours.Rekenfout
            raise Puntfout(f"{veld} = {waarde_tekst}", fout) from None
        verschil = compare(tegen, tegen_uitkomst, punt, uitkomst)
        rijen.append(Gevoeligheid(
            punt.functie, punt.eenheid, scenario, veld, waarde_tekst, uitkomst.directe_uren,
            uitkomst.aandeel_direct, uitkomst.fte_nodig, verschil.extra_fte, verschil.extra_kosten,
        ))
    return rijen
