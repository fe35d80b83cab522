"""The contact centre: agents per interval from the traffic, by Erlang C (contract v2).

Per interval (contract, "The contact centre: Erlang C with itemised shrinkage"):

    verkeer A        = aanbod x gespreksduur / interval                     (Erlang)
    Erlang B         B(0) = 1,  B(n) = A B(n-1) / (n + A B(n-1))
    wachtkans        C(N, A) = N B(N) / (N - A (1 - B(N)))                   (Erlang C)
    servicelevel     SL = 1 - C(N, A) exp(-(N - A) x binnen / gespreksduur)
    bezetting        A / N
    gemiddelde wachttijd (ASA) = C(N, A) x gespreksduur / (N - A)
    agenten N        the smallest integer > A with SL >= target and A / N <= max_bezetting

Why floats here, when the rest of the engine is exact `Decimal`: the queue is a model, its
answers are approximations to begin with, and the contract reports them rounded to 6
decimals. The B recurrence in binary floating point is stable (every step is a contraction,
B stays in [0, 1], nothing overflows; past the traffic it only underflows towards 0) and it
is fast: 10,000 Erlang take 10,000 multiply-adds, no factorials. What feeds the bruto/netto
must not depend on the machine, though, so:

- the exact inputs (aanbod, times, percentages) stay exact `Fraction`s: A's floor, the
  occupancy bound and the target are exact, and A as a float is correctly rounded;
- B and C use only + - x /, which IEEE 754 rounds the same everywhere;
- `math.exp` comes from the platform's C library and may differ in its last bit between
  machines, so when a service level lands within 1e-9 of the target the decision is taken
  again with `Decimal.exp`, which is correctly rounded everywhere. `agenten` (and so
  `agenturen_per_week`, an exact `Decimal`) are the same on every machine; the reported
  service level may differ in the 16th digit, far below the 6 that are printed.

Search: SL grows with N (C(N, A) falls with N, the exponential falls with N), and the
occupancy bound is a lower bound on N, so the answer is the first N from
max(floor(A) + 1, ceil(A / max_bezetting)) upward that meets the target. The recurrence is
carried forward while searching, so one interval costs O(N) in all. The search ends: since
C <= 1, SL >= 1 - exp(-(N - A) binnen / gespreksduur) >= target as soon as
N >= A + gespreksduur / binnen x ln(1 / (1 - target)); and once B underflows to 0, SL is 1.

What no number of agents can serve: a target of 100%. For any traffic above 0, C(N, A) > 0
and the exponential > 0 for every finite N, so some callers always wait longer than
`binnen`. Any occupancy cap in (0, 100%] can always be met (N >= A / max_bezetting).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import NamedTuple, Union

Getal = Union[int, Decimal, Fraction, float]

SECONDEN_PER_UUR = 3600
# A guard against a typo, not a limit of the method: the recurrence costs one step per agent,
# so 1,000,000 Erlang in one interval take about a tenth of a second; the largest contact
# centres in the world staff tens of thousands. Without it, aanbod 10^9 would hang the run.
MAX_VERKEER = 1_000_000
# Within this distance of the target, the service level is computed again with a correctly
# rounded exponential, so no machine's `math.exp` can tip the number of agents.
_TWIJFEL = 1e-9
_PRECISIE = 40


class Erlangfout(ValueError):
    """Contact-centre input the model cannot compute; `veld` names the setting to blame.

    The message is Dutch and says what to change; the loader and the CLI put it at the
    file:line of `veld` or show it as a usage error.
    """

    def __init__(self, veld: str, bericht: str) -> None:
        super().__init__(bericht)
        self.veld = veld
        self.bericht = bericht


class Interval(NamedTuple):
    """One interval's staffing and what callers get; shares are fractions (0.8 is 80%)."""

    agenten: int
    servicelevel: float
    bezetting: float
    wachtkans: float
    gemiddelde_wachttijd_s: float
    verkeer: float  # A, in Erlang


class Week(NamedTuple):
    """Agents per interval of a typical week, and the agent hours they add up to."""

    intervallen: tuple[Interval, ...]
    agenturen_per_week: Decimal  # sum(agenten x interval in hours), exact


LEEG = Interval(agenten=0, servicelevel=1.0, bezetting=0.0, wachtkans=0.0,
                gemiddelde_wachttijd_s=0.0, verkeer=0.0)


class _Instellingen(NamedTuple):
    """The interval settings, checked and exact, shared by every interval of a week."""

    interval_s: Fraction
    gespreksduur_s: Fraction
    binnen_s: Fraction
    doel: Fraction  # the service level target as a fraction, in (0, 1]
    max_bezetting: Fraction | None  # as a fraction, in (0, 1]
    # worked out once for every interval of a week
    duur_per_interval: Fraction  # A = aanbod x this
    snelheid: float  # binnen / gespreksduur, the exponent's rate per agent above A
    doel_f: float


def erlang_b(agenten: int, verkeer: float) -> float:
    """Blocking probability B(N, A) by the recurrence: stable for any N, no factorials."""
    b = 1.0
    for n in range(1, agenten + 1):
        ab = verkeer * b
        b = ab / (n + ab)
    return b


def erlang_c(agenten: int, verkeer: float) -> float:
    """Probability of waiting C(N, A) = N B / (N - A (1 - B)); 1 when N <= A (the queue grows)."""
    if verkeer <= 0:
        return 0.0
    if agenten <= verkeer:
        return 1.0
    return _c_uit_b(agenten, verkeer, erlang_b(agenten, verkeer))


def measure(agenten: int, *, aanbod: Getal, interval_s: Getal, gespreksduur_s: Getal,
            binnen_s: Getal) -> Interval:
    """What `agenten` agents give callers in one interval: service level, occupancy, waiting.

    With N <= A the queue grows without bound: service level 0, wachtkans 1, an infinite
    wait, and occupancy reported as 1.
    """
    if agenten < 0:
        raise Erlangfout("agenten", f"het aantal agenten kan niet negatief zijn (gegeven: {agenten})")
    inst = _instellingen(interval_s, gespreksduur_s, None, binnen_s, None)
    aanbod = _exact(aanbod, "aanbod")
    if aanbod < 0:
        raise Erlangfout("aanbod", f"het aanbod kan niet negatief zijn (gegeven: {_tekst(aanbod)})")
    a = _verkeer(aanbod, inst)
    if a == 0:
        return LEEG._replace(agenten=agenten)
    af = float(a)
    if agenten <= a:
        return Interval(agenten, 0.0, 1.0, 1.0, math.inf, af)
    c = _c_uit_b(agenten, af, erlang_b(agenten, af))
    return _interval(agenten, af, c, math.exp(-(agenten - af) * inst.snelheid), inst)


def compute_interval(aanbod: Getal, *, interval_s: Getal, gespreksduur_s: Getal,
                     servicelevel: Getal, binnen_s: Getal,
                     max_bezetting: Getal | None = None) -> Interval:
    """The fewest agents for one interval that reach `servicelevel`% answered within `binnen_s`
    seconds at an occupancy of at most `max_bezetting`% (when given). Times are in seconds."""
    inst = _instellingen(interval_s, gespreksduur_s, servicelevel, binnen_s, max_bezetting)
    return _compute(_exact(aanbod, "aanbod"), inst)


def compute_week(aanbod: Iterable[Getal], *, interval_s: Getal, gespreksduur_s: Getal,
                 servicelevel: Getal, binnen_s: Getal,
                 max_bezetting: Getal | None = None) -> Week:
    """Every interval of a typical week, and agenturen_per_week = sum(N x interval in hours).

    A week repeats its volumes (quiet nights, the same Monday peak), so each distinct aanbod
    is computed once.
    """
    inst = _instellingen(interval_s, gespreksduur_s, servicelevel, binnen_s, max_bezetting)
    gezien: dict[int | Fraction, Interval] = {}
    intervallen = []
    for positie, waarde in enumerate(aanbod):
        try:
            # Equal numbers hash alike, so an int (the usual count of calls) is its own key.
            sleutel = waarde if type(waarde) is int else _exact(waarde, "aanbod")
            uitkomst = gezien.get(sleutel)
            if uitkomst is None:
                uitkomst = gezien[sleutel] = _compute(Fraction(sleutel), inst)
        except Erlangfout as fout:
            raise Erlangfout(fout.veld, f"interval {positie + 1}: {fout.bericht}") from None
        intervallen.append(uitkomst)
    agenten = sum(i.agenten for i in intervallen)
    with localcontext() as ctx:
        ctx.prec = _PRECISIE
        uren = _decimaal(inst.interval_s) * agenten / SECONDEN_PER_UUR
    return Week(tuple(intervallen), uren)


# --- the working --------------------------------------------------------------------------


def _compute(aanbod: Fraction, inst: _Instellingen) -> Interval:
    if aanbod < 0:
        raise Erlangfout("aanbod", f"het aanbod kan niet negatief zijn (gegeven: {_tekst(aanbod)})")
    a = _verkeer(aanbod, inst)
    if a == 0:
        return LEEG
    if inst.doel == 1:
        raise Erlangfout(
            "servicelevel",
            f"een servicelevel van 100% binnen {_tekst(inst.binnen_s)} s haalt geen enkel aantal "
            f"agenten: in het Erlang C-model wacht altijd een deel van de bellers langer dan "
            f"{_tekst(inst.binnen_s)} s; kies een lager percentage",
        )
    if a > MAX_VERKEER:
        raise Erlangfout(
            "aanbod",
            f"het verkeer is {_tekst(Fraction(round(a)))} Erlang in één interval (aanbod x "
            f"gespreksduur / interval), meer dan de rekengrens van {_tekst(Fraction(MAX_VERKEER))} Erlang; "
            "controleer aanbod, gespreksduur en interval",
        )
    af = float(a)
    start = a.numerator // a.denominator + 1  # N > A: fewer agents than the traffic never catch up
    m = inst.max_bezetting
    if m is not None:  # A / N <= max_bezetting, so N >= ceil(A / max_bezetting), in integers
        start = max(start, -(-(a.numerator * m.denominator) // (a.denominator * m.numerator)))
    # Carry the recurrence up to the first candidate; once B underflows it stays 0.
    b, n = 1.0, 0
    while n < start and b > 0.0:
        n += 1
        ab = af * b
        b = ab / (n + ab)
    n = start
    # Past this N the service level is at least the target whatever C is (C <= 1): see the
    # module docstring. The margin of 2 covers rounding; the loop cannot run out.
    grens = start + 2 + math.ceil(-math.log1p(-inst.doel_f) / inst.snelheid)
    while n <= grens:
        c = _c_uit_b(n, af, b)
        exponent = math.exp(-(n - af) * inst.snelheid)
        if _haalt(c, exponent, n, a, inst):
            return _interval(n, af, c, exponent, inst)
        n += 1
        ab = af * b
        b = ab / (n + ab)
    raise ArithmeticError(f"geen aantal agenten gevonden tot {grens} (A = {af}): een rekenfout")


def _c_uit_b(n: int, a: float, b: float) -> float:
    # (N - A) + A B rather than N - A (1 - B): no cancellation when N is close to A.
    return n * b / ((n - a) + a * b)


def _haalt(c: float, exponent: float, n: int, a: Fraction, inst: _Instellingen) -> bool:
    """Does SL = 1 - C exp(...) reach the target? Taken again exactly when within a hair of it."""
    sl = 1.0 - c * exponent
    doel = inst.doel_f
    if abs(sl - doel) > _TWIJFEL:
        return sl > doel
    with localcontext() as ctx:
        ctx.prec = _PRECISIE
        x = _decimaal((n - a) * inst.binnen_s / inst.gespreksduur_s)
        return 1 - Decimal(c) * (-x).exp() >= _decimaal(inst.doel)


def _interval(n: int, af: float, c: float, exponent: float, inst: _Instellingen) -> Interval:
    return Interval(
        agenten=n,
        servicelevel=1.0 - c * exponent,
        bezetting=af / n,
        wachtkans=c,
        gemiddelde_wachttijd_s=c * float(inst.gespreksduur_s) / (n - af),
        verkeer=af,
    )


def _verkeer(aanbod: Fraction, inst: _Instellingen) -> Fraction:
    """A = aanbod x gespreksduur / interval, exact (contract: per interval)."""
    return aanbod * inst.duur_per_interval


def check(*, interval_s: Getal, gespreksduur_s: Getal, servicelevel: Getal, binnen_s: Getal,
          max_bezetting: Getal | None = None) -> list[Erlangfout]:
    """Every problem with the interval settings at once, as values (style.md: errors are data),
    so a loader can report them all, each at its own line. Empty when all is well."""
    problemen: list[Erlangfout] = []
    for veld, waarde, ondergrens, bovengrens in (
        ("interval", interval_s, 0, None),
        ("gespreksduur", gespreksduur_s, 0, None),
        ("servicelevel", servicelevel, 0, 100),
        ("binnen", binnen_s, 0, None),
        ("max_bezetting", max_bezetting, 0, 100),
    ):
        if waarde is None and veld == "max_bezetting":
            continue
        try:
            getal = _exact(waarde, veld)
        except Erlangfout as fout:
            problemen.append(fout)
            continue
        if getal <= ondergrens or (bovengrens is not None and getal > bovengrens):
            problemen.append(Erlangfout(veld, _BERICHTEN[veld].format(_tekst(getal))))
    return problemen


_BERICHTEN = {
    "interval": "het interval moet langer zijn dan 0 s (gegeven: {} s)",
    "gespreksduur": "de gespreksduur moet langer zijn dan 0 s (gegeven: {} s)",
    "servicelevel": "het servicelevel moet boven 0% en hoogstens 100% zijn (gegeven: {}%)",
    "binnen": "de doeltijd van het servicelevel (binnen) moet langer zijn dan 0 s (gegeven: {} s)",
    "max_bezetting": "de maximale bezetting moet boven 0% en hoogstens 100% zijn (gegeven: {}%)",
}


def _instellingen(interval_s: Getal, gespreksduur_s: Getal, servicelevel: Getal | None,
                  binnen_s: Getal, max_bezetting: Getal | None) -> _Instellingen:
    """The checked settings, exact; raises the first problem `check` finds.

    `servicelevel` is None only for `measure`, which has no target (100% stands in).
    """
    procent = 100 if servicelevel is None else servicelevel
    problemen = check(interval_s=interval_s, gespreksduur_s=gespreksduur_s, servicelevel=procent,
                      binnen_s=binnen_s, max_bezetting=max_bezetting)
    if problemen:
        raise problemen[0]
    interval, duur, binnen = (Fraction(x) for x in (interval_s, gespreksduur_s, binnen_s))
    doel = Fraction(procent) / 100
    bezetting = None if max_bezetting is None else Fraction(max_bezetting) / 100
    return _Instellingen(interval, duur, binnen, doel, bezetting, duur / interval,
                         float(binnen / duur), float(doel))


def _exact(waarde: Getal, veld: str) -> Fraction:
    """Any number as an exact fraction (a float as the binary value it holds)."""
    if isinstance(waarde, bool) or not isinstance(waarde, (int, Decimal, Fraction, float)):
        raise Erlangfout(veld, f"{veld} moet een getal zijn (gegeven: {waarde!r})")
    try:
        return Fraction(waarde)
    except (ValueError, OverflowError):  # NaN, infinity
        raise Erlangfout(veld, f"{veld} moet een eindig getal zijn (gegeven: {waarde})") from None


def _decimaal(waarde: Fraction) -> Decimal:
    return Decimal(waarde.numerator) / Decimal(waarde.denominator)


def _tekst(waarde: Fraction) -> str:
    """A number for a message in Dutch notation, at most 6 decimals: 1.250,5 rather than 2501/2.

    (brutonetto.notation does this for reports; the engine's errors need only this much and
    keep the module free of imports beyond the standard library.)
    """
    with localcontext() as ctx:
        ctx.prec = _PRECISIE
        tekst = f"{_decimaal(waarde).quantize(Decimal('0.000001'), rounding=ROUND_HALF_UP):,f}"
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")
