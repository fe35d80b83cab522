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

At the end, Erlang A: the same interval when callers hang up after a mean patience.

What no number of agents can serve: a target of 100%. For any traffic above 0, C(N, A) > 0
and the exponential > 0 for every finite N, so some callers always wait longer than
`binnen`. Any occupancy cap in (0, 100%] can always be met (N >= A / max_bezetting).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import NamedTuple


Getal = int | Decimal | Fraction | float

SECONDEN_PER_UUR = 3600
# A guard against a typo, not a limit of the method: the recurrence costs one step per agent,
# so 2,000,000 Erlang in one interval take well under a second and 10,000,000 a few; the
# largest contact centres in the world staff tens of thousands. Beyond it brutonetto says so
# rather than hang (aanbod 10^9 would take minutes).
MAX_VERKEER = 10_000_000
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
    verkeer: float  # A, in Erlang (per agent: divided by gelijktijdig)
    afhaakpercentage: float | None = None  # Erlang A (geduld): the share of callers who hang up


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
    doel: Fraction | None  # the service level target as a fraction, in (0, 1]; None: only an ASA target
    max_bezetting: Fraction | None  # as a fraction, in (0, 1]
    # worked out once for every interval of a week
    duur_per_interval: Fraction  # A = aanbod x this (divided by gelijktijdig: chats at once)
    snelheid: float  # binnen / gespreksduur, the exponent's rate per agent above A (0: answered at once)
    doel_f: float
    asa_s: Fraction | None = None  # the average speed of answer aimed at, in seconds
    geduld_s: Fraction | None = None  # Erlang A: the callers' mean patience


def erlang_b(agenten: int, verkeer: float) -> float:
    """Blocking probability B(N, A) by the recurrence: stable for any N, no factorials."""
    return _b_verder(1.0, 0, agenten, verkeer)


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
    inst = _instellingen(interval_s, gespreksduur_s, None, binnen_s, None, meten=True)
    a = _verkeer(_exact_aanbod(aanbod), inst)
    if a == 0:
        return LEEG._replace(agenten=agenten)
    af = float(a)
    if agenten <= a:
        return Interval(agenten, 0.0, 1.0, 1.0, math.inf, af)
    c = _c_uit_b(agenten, af, erlang_b(agenten, af))
    return _uitkomst(agenten, af, c, math.exp(-(agenten - af) * inst.snelheid), inst)


def compute_interval(aanbod: Getal, *, interval_s: Getal, gespreksduur_s: Getal,
                     servicelevel: Getal | None = None, binnen_s: Getal | None = None,
                     max_bezetting: Getal | None = None, asa_s: Getal | None = None,
                     geduld_s: Getal | None = None, gelijktijdig: Getal = 1) -> Interval:
    """The fewest agents for one interval that reach `servicelevel`% answered within `binnen_s`
    seconds (0: at once) and an average speed of answer of at most `asa_s` seconds (either
    target or both), at an occupancy of at most `max_bezetting`% (when given). With `geduld_s`
    callers hang up after that mean patience (Erlang A); `gelijktijdig` chats per agent at once
    divide the traffic per agent. Times are in seconds."""
    inst = _instellingen(interval_s, gespreksduur_s, servicelevel, binnen_s, max_bezetting, asa_s, geduld_s,
                         gelijktijdig)
    return _bemens(_exact_aanbod(aanbod), inst)


def compute_week(aanbod: Iterable[Getal], *, interval_s: Getal, gespreksduur_s: Getal,
                 servicelevel: Getal | None = None, binnen_s: Getal | None = None,
                 max_bezetting: Getal | None = None, asa_s: Getal | None = None,
                 geduld_s: Getal | None = None, gelijktijdig: Getal = 1) -> Week:
    """Every interval of a typical week, and agenturen_per_week = sum(N x interval in hours).

    A week repeats its volumes (quiet nights, the same Monday peak), so each distinct aanbod
    is computed once.
    """
    inst = _instellingen(interval_s, gespreksduur_s, servicelevel, binnen_s, max_bezetting, asa_s, geduld_s,
                         gelijktijdig)
    gezien: dict[int | Fraction, Interval] = {}
    intervallen = []
    for positie, waarde in enumerate(aanbod):
        try:
            # Equal numbers hash alike, so an int (the usual count of calls) is its own key.
            sleutel = waarde if type(waarde) is int else _exact(waarde, "aanbod")
            uitkomst = gezien.get(sleutel)
            if uitkomst is None:
                uitkomst = gezien[sleutel] = _bemens(_exact_aanbod(sleutel), inst)
        except Erlangfout as fout:
            raise Erlangfout(fout.veld, f"interval {positie + 1}: {fout.bericht}") from None
        intervallen.append(uitkomst)
    agenten = sum(i.agenten for i in intervallen)
    with localcontext() as ctx:
        ctx.prec = _PRECISIE
        uren = _decimaal(inst.interval_s) * agenten / SECONDEN_PER_UUR
    return Week(tuple(intervallen), uren)


def check(*, interval_s: Getal, gespreksduur_s: Getal, servicelevel: Getal | None = None,
          binnen_s: Getal | None = None, max_bezetting: Getal | None = None, asa_s: Getal | None = None,
          geduld_s: Getal | None = None, gelijktijdig: Getal = 1) -> list[Erlangfout]:
    """Every problem with the interval settings at once, as values (style.md: errors are data),
    so a loader can report them all, each at its own line. Empty when all is well."""
    problemen: list[Erlangfout] = []
    if servicelevel is None and asa_s is None:
        problemen.append(Erlangfout("servicelevel", "geef een doel: servicelevel (80/20: 80% binnen 20 s), asa "
                                                    "(de gemiddelde wachttijd, bijvoorbeeld 20 s), of allebei"))
    if servicelevel is not None and binnen_s is None:
        problemen.append(Erlangfout("binnen", "het servicelevel heeft een doeltijd nodig: binnen hoeveel seconden"))
    for veld, waarde, ondergrens, bovengrens, nul_mag in (
        ("interval", interval_s, 0, None, False),
        ("gespreksduur", gespreksduur_s, 0, None, False),
        ("servicelevel", servicelevel, 0, 100, False),
        ("binnen", binnen_s, 0, None, True),
        ("max_bezetting", max_bezetting, 0, 100, False),
        ("asa", asa_s, 0, None, False),
        ("geduld", geduld_s, 0, None, False),
        ("gelijktijdig", gelijktijdig, 0, 100, False),
    ):
        if waarde is None and veld not in ("interval", "gespreksduur"):
            continue
        try:
            getal = _exact(waarde, veld)
        except Erlangfout as fout:
            problemen.append(fout)
            continue
        if getal < ondergrens or (getal == ondergrens and not nul_mag) or (bovengrens is not None and getal > bovengrens):
            problemen.append(Erlangfout(veld, _BERICHTEN[veld].format(_nl_breuk(getal))))
    return problemen


_BERICHTEN = {
    "interval": "het interval moet langer zijn dan 0 s (gegeven: {} s)",
    "gespreksduur": "de gespreksduur moet langer zijn dan 0 s (gegeven: {} s)",
    "servicelevel": "het servicelevel moet boven 0% en hoogstens 100% zijn (gegeven: {}%)",
    "binnen": "de doeltijd van het servicelevel (binnen) kan niet negatief zijn (gegeven: {} s); 0 s is: direct opgenomen",
    "max_bezetting": "de maximale bezetting moet boven 0% en hoogstens 100% zijn (gegeven: {}%)",
    "asa": "de gemiddelde wachttijd (asa) moet langer zijn dan 0 s (gegeven: {} s); voor 'direct' gebruik servicelevel X/0",
    "geduld": "het gemiddelde geduld moet langer zijn dan 0 s (gegeven: {} s)",
    "gelijktijdig": "gelijktijdig is het aantal gesprekken (chats) dat een agent tegelijk voert: boven 0 en "
                    "hoogstens 100 (gegeven: {})",
}


# --- the working --------------------------------------------------------------------------


def _bemens(aanbod: Fraction, inst: _Instellingen) -> Interval:
    a = _verkeer(aanbod, inst)
    if a == 0:
        return LEEG if inst.geduld_s is None else LEEG._replace(afhaakpercentage=0.0)
    if inst.doel == 1:
        raise _onhaalbaar(inst, "in het Erlang C-model wacht" if inst.geduld_s is None else "ook als bellers ophangen, wacht")
    if a > MAX_VERKEER:
        raise _te_veel_verkeer(a)
    if inst.geduld_s is not None:
        return _bemens_met_afhakers(a, inst)
    af = float(a)
    start = a.numerator // a.denominator + 1  # N > A: fewer agents than the traffic never catch up
    m = inst.max_bezetting
    if m is not None:  # A / N <= max_bezetting, so N >= ceil(A / max_bezetting), in integers
        start = max(start, -(-(a.numerator * m.denominator) // (a.denominator * m.numerator)))
    b, n = erlang_b(start, af), start  # carried forward from here, one step per candidate
    # Past this N every target is met whatever C is (C <= 1): see the module docstring. With
    # binnen 0 or an ASA target that bound does not exist; there C itself falls below any
    # target within a few dozen standard deviations of A (B underflows to 0: C is 0, the wait 0).
    grens = start + 100 + math.ceil(40 * math.sqrt(af + 1))
    if inst.doel is not None and inst.snelheid > 0 and inst.asa_s is None:
        grens = min(grens, start + 2 + math.ceil(-math.log1p(-inst.doel_f) / inst.snelheid))
    while n <= grens:
        c = _c_uit_b(n, af, b)
        exponent = math.exp(-(n - af) * inst.snelheid)
        if _haalt(c, exponent, n, a, inst) and _asa_haalt(c, n, af, inst):
            return _uitkomst(n, af, c, exponent, inst)
        n += 1
        ab = af * b
        b = ab / (n + ab)
    raise ArithmeticError(f"geen aantal agenten gevonden tot {grens} (A = {af}): een rekenfout")


def _asa_haalt(c: float, n: int, af: float, inst: _Instellingen) -> bool:
    """Average speed of answer C x gespreksduur / (N - A) at most the ASA target (none: met)."""
    return inst.asa_s is None or c * float(inst.gespreksduur_s) / (n - af) <= float(inst.asa_s)


def _onhaalbaar(inst: _Instellingen, model: str) -> Erlangfout:
    """A 100% target: C(N, A) > 0 and the exponential > 0 for every finite N, so no N reaches it."""
    binnen = _nl_breuk(inst.binnen_s)
    return Erlangfout(
        "servicelevel",
        f"een servicelevel van 100% binnen {binnen} s haalt geen enkel aantal agenten: {model} "
        f"altijd een deel van de bellers langer dan {binnen} s; kies een lager percentage",
    )


def _te_veel_verkeer(a: Fraction) -> Erlangfout:
    return Erlangfout(
        "aanbod",
        f"het verkeer is {_nl_breuk(Fraction(round(a)))} Erlang in één interval (aanbod x "
        f"gespreksduur / interval), meer dan de rekengrens van {_nl_breuk(Fraction(MAX_VERKEER))} Erlang; "
        "controleer aanbod, gespreksduur en interval",
    )


def _b_verder(b: float, van: int, tot: int, a: float) -> float:
    """Erlang B(tot, A) from B(van, A), by the same recurrence; once it underflows it stays 0."""
    for n in range(van + 1, tot + 1):
        if b == 0.0:
            break
        ab = a * b
        b = ab / (n + ab)
    return b


def _c_uit_b(n: int, a: float, b: float) -> float:
    # (N - A) + A B rather than N - A (1 - B): no cancellation when N is close to A.
    return n * b / ((n - a) + a * b)


def _haalt(c: float, exponent: float, n: int, a: Fraction, inst: _Instellingen) -> bool:
    """Does SL = 1 - C exp(...) reach the target? Taken again exactly when within a hair of it."""
    if inst.doel is None:  # only an ASA target
        return True
    sl = 1.0 - c * exponent
    doel = inst.doel_f
    if abs(sl - doel) > _TWIJFEL:
        return sl > doel
    with localcontext() as ctx:
        ctx.prec = _PRECISIE
        x = _decimaal((n - a) * inst.binnen_s / inst.gespreksduur_s)
        return 1 - Decimal(c) * (-x).exp() >= _decimaal(inst.doel)


def _uitkomst(n: int, af: float, c: float, exponent: float, inst: _Instellingen) -> Interval:
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


def _instellingen(interval_s: Getal, gespreksduur_s: Getal, servicelevel: Getal | None,
                  binnen_s: Getal | None, max_bezetting: Getal | None, asa_s: Getal | None = None,
                  geduld_s: Getal | None = None, gelijktijdig: Getal = 1, meten: bool = False) -> _Instellingen:
    """The checked settings, exact; raises the first problem `check` finds.

    `meten`: for `measure`, which has no target (100% stands in).
    """
    procent = 100 if meten else servicelevel
    problemen = check(interval_s=interval_s, gespreksduur_s=gespreksduur_s, servicelevel=procent,
                      binnen_s=binnen_s, max_bezetting=max_bezetting, asa_s=asa_s, geduld_s=geduld_s,
                      gelijktijdig=gelijktijdig)
    if problemen:
        raise problemen[0]
    interval, duur = Fraction(interval_s), Fraction(gespreksduur_s)
    binnen = Fraction(binnen_s) if binnen_s is not None else Fraction(0)
    doel = Fraction(procent) / 100 if procent is not None else None
    bezetting = None if max_bezetting is None else Fraction(max_bezetting) / 100
    return _Instellingen(interval, duur, binnen, doel, bezetting, duur / interval / Fraction(gelijktijdig),
                         float(binnen / duur), float(doel) if doel is not None else 0.0,
                         None if asa_s is None else Fraction(asa_s), None if geduld_s is None else Fraction(geduld_s))


def _exact(waarde: Getal, veld: str) -> Fraction:
    """Any number as an exact fraction (a float as the binary value it holds)."""
    if isinstance(waarde, bool) or not isinstance(waarde, (int, Decimal, Fraction, float)):
        raise Erlangfout(veld, f"{veld} moet een getal zijn (gegeven: {waarde!r})")
    try:
        return Fraction(waarde)
    except (ValueError, OverflowError):  # NaN, infinity
        raise Erlangfout(veld, f"{veld} moet een eindig getal zijn (gegeven: {waarde})") from None


def _exact_aanbod(aanbod: Getal) -> Fraction:
    exact = _exact(aanbod, "aanbod")
    if exact < 0:
        raise Erlangfout("aanbod", f"het aanbod kan niet negatief zijn (gegeven: {_nl_breuk(exact)})")
    return exact


def _decimaal(waarde: Fraction) -> Decimal:
    return Decimal(waarde.numerator) / Decimal(waarde.denominator)


def _nl_breuk(waarde: Fraction) -> str:
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


# --- Erlang A: callers who hang up ----------------------------------------------------------
#
# Erlang C lets every caller wait for ever. In Erlang A (Palm's M/M/N+M) each caller hangs up
# after an exponential patience with mean `geduld_s`, so the queue stays finite even with
# fewer agents than the traffic. With mu = 1/gespreksduur, theta = 1/geduld, lambda = A mu:
#
#   x = N mu / theta,  y = lambda / theta
#   F(x, y) = 1 + sum_{j>=1} prod_{k=1..j} y / (x + k)    the queue's weight against "all busy"
#   wachtkans      P(W > 0) = F B / (1 + (F - 1) B),       B = Erlang B(N, A)
#   afhaakkans     P(Ab) = P(W > 0) (1 - (N / A) (1 - 1 / F))
#   servicelevel   share of ALL offered calls answered within T (a caller who hangs up is not):
#                  1 - P(W > 0) + P(W > 0) [(N / A)(1 - 1 / F)
#                      - N mu / (N mu + theta) exp(y - z - (N mu + theta) T) F(x + 1, z) / F(x, y)],
#                  z = y exp(-theta T)
#   gemiddelde wachttijd (all callers, also those who hang up) = P(Ab) x geduld   (Little)
#   bezetting      A (1 - P(Ab)) / N                        (only answered calls take agent time)
#
# Where the service-level line comes from: a waiting caller with i callers ahead moves up at
# rate N mu + i theta (a service, or someone ahead hanging up) and hangs up itself at rate
# theta. Weighting queue position i by r_i = prod_{k<=i} y / (x + k), the mass still waiting
# at position i at time t is u_i(t) = r_i e^{-i theta t} exp(-(N mu + theta) t + y (1 - e^{-theta t}))
# (it solves du_i/dt = -(N mu + (i + 1) theta) u_i + (N mu + (i + 1) theta) u_{i+1}), and
# integrating the answered flow N mu u_0 from 0 to T gives the incomplete-gamma form above. With a long
# patience it tends to Erlang C's 1 - C exp(-(N - A) T / gespreksduur); the tests check that,
# the patience = handle time case (the number of calls present is then Poisson(A)), and a
# brute-force sum over queue positions.
#
# Unlike Erlang C above, this has no exact re-check near the target: it leans on the platform's
# exp, log and lgamma, so a count whose service level lands within about 1e-12 of the target
# could differ between machines. It is not wired into the bruto/netto.


class IntervalMetAfhakers(NamedTuple):
    """One interval when callers hang up; shares are fractions of all offered calls."""

    agenten: int
    servicelevel: float
    bezetting: float
    wachtkans: float
    gemiddelde_wachttijd_s: float
    verkeer: float
    afhaakkans: float


LEEG_MET_AFHAKERS = IntervalMetAfhakers(0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0)


def measure_met_afhakers(agenten: int, *, aanbod: Getal, interval_s: Getal, gespreksduur_s: Getal,
                         binnen_s: Getal, geduld_s: Getal) -> IntervalMetAfhakers:
    """What `agenten` agents give callers who hang up after `geduld_s` seconds on average."""
    if agenten < 0:
        raise Erlangfout("agenten", f"het aantal agenten kan niet negatief zijn (gegeven: {agenten})")
    inst = _instellingen(interval_s, gespreksduur_s, None, binnen_s, None, meten=True)
    geduld = _geduld(geduld_s)
    a = _verkeer(_exact_aanbod(aanbod), inst)
    if a == 0:
        return LEEG_MET_AFHAKERS._replace(agenten=agenten)
    return _met_afhakers(agenten, float(a), erlang_b(agenten, float(a)), geduld, inst)


def compute_interval_met_afhakers(aanbod: Getal, *, interval_s: Getal, gespreksduur_s: Getal,
                                  servicelevel: Getal, binnen_s: Getal, geduld_s: Getal,
                                  max_bezetting: Getal | None = None) -> IntervalMetAfhakers:
    """The fewest agents reaching the service level when callers hang up (Erlang A); as
    `compute_interval` with `geduld_s`, in the shape of `measure_met_afhakers`."""
    uit = compute_interval(aanbod, interval_s=interval_s, gespreksduur_s=gespreksduur_s, servicelevel=servicelevel,
                           binnen_s=binnen_s, max_bezetting=max_bezetting, geduld_s=geduld_s)
    return IntervalMetAfhakers(uit.agenten, uit.servicelevel, uit.bezetting, uit.wachtkans,
                               uit.gemiddelde_wachttijd_s, uit.verkeer, uit.afhaakpercentage or 0.0)


def _bemens_met_afhakers(a: Fraction, inst: _Instellingen) -> Interval:
    """Erlang A's fewest agents meeting every target.

    The service level counts every offered call, so one who hangs up is not answered in time.
    N agents answer at most N / A of the offered calls (their capacity), so no N below
    target x A can do; the search starts there and, the service level growing with N, steps
    up in doubling strides and then halves back, carrying Erlang B along from the last count
    that fell short: O(N) recurrence steps in all, and O(log N) evaluations of the queue.
    The ASA (the mean wait of every caller, also those who hang up) falls as N grows too.
    """
    assert inst.geduld_s is not None
    geduld = inst.geduld_s
    af = float(a)
    # Answered calls are at most N / A of the offered, and each keeps an agent busy, so
    # SL >= target needs N >= target x A, and the cap then N >= target x A / max_bezetting.
    ondergrens = max(1, math.ceil((inst.doel or 0) * a / (inst.max_bezetting or 1)))

    def proef(n: int, b: float) -> IntervalMetAfhakers | None:
        uitkomst = _met_afhakers(n, af, b, geduld, inst)
        te_druk = inst.max_bezetting is not None and uitkomst.bezetting > inst.max_bezetting
        te_laag = inst.doel is not None and uitkomst.servicelevel < inst.doel_f
        te_lang = inst.asa_s is not None and uitkomst.gemiddelde_wachttijd_s > float(inst.asa_s)
        return None if te_druk or te_laag or te_lang else uitkomst

    laag, b_laag = ondergrens, erlang_b(ondergrens, af)
    gevonden = proef(laag, b_laag)
    if gevonden is None:
        stap = 1  # stride up, doubling, until a count does; B carried forward from the last failure
        while True:
            hoog, b_hoog = laag + stap, _b_verder(b_laag, laag, laag + stap, af)
            gevonden = proef(hoog, b_hoog)
            if gevonden is not None:
                break
            laag, b_laag, stap = hoog, b_hoog, stap * 2
        while hoog - laag > 1:  # then halve back: laag falls short, hoog does
            midden = (laag + hoog) // 2
            b_midden = _b_verder(b_laag, laag, midden, af)
            poging = proef(midden, b_midden)
            if poging is None:
                laag, b_laag = midden, b_midden
            else:
                hoog, gevonden = midden, poging
    return Interval(gevonden.agenten, gevonden.servicelevel, gevonden.bezetting, gevonden.wachtkans,
                    gevonden.gemiddelde_wachttijd_s, gevonden.verkeer, gevonden.afhaakkans)


def _met_afhakers(n: int, a: float, b: float, geduld: Fraction, inst: _Instellingen) -> IntervalMetAfhakers:
    duur = float(inst.gespreksduur_s)
    theta = 1 / float(geduld)
    mu = 1 / duur
    x, y = n * mu / theta, a * mu / theta
    log_f = _log_f(x, y)
    if b == 0.0:
        wacht = 0.0
    elif b == 1.0:  # no agents
        wacht = 1.0
    else:  # F B / (1 + (F - 1) B) = 1 / (1 + e^k), k = log((1 - B) / (B F)): no huge F or 1/B
        k = math.log1p(-b) - math.log(b) - log_f
        wacht = 1 / (1 + math.exp(k)) if k < 0 else math.exp(-k) / (1 + math.exp(-k))
    bediend = (n / a) * -math.expm1(-log_f)  # (N / A)(1 - 1 / F): a waiting caller is served
    afhaak = wacht * (1 - bediend)
    t = float(inst.binnen_s)
    z = y * math.exp(-theta * t)
    if wacht > 0.0:
        te_laat = (n * mu / (n * mu + theta)) * math.exp(
            y - z - (n * mu + theta) * t + _log_f(x + 1, z) - log_f)
        binnen = wacht * (bediend - te_laat)
    else:
        binnen = 0.0
    return IntervalMetAfhakers(
        agenten=n,
        # a share: rounding in the series can leave it a hair outside [0, 1] when nearly all wait
        servicelevel=min(1.0, max(0.0, (1 - wacht) + binnen)),
        bezetting=a * (1 - afhaak) / n if n else 0.0,
        wachtkans=wacht,
        gemiddelde_wachttijd_s=afhaak * float(geduld),
        verkeer=a,
        afhaakkans=afhaak,
    )


def _log_f(x: float, y: float) -> float:
    """log F(x, y), F = 1 + sum_j prod_{k<=j} y / (x + k).

    Summed term by term (rescaled, so it never overflows) while the terms shrink from the
    start, y <= x + 1. Past that they grow until j = y - x, which with more callers than the
    agents can take and a long patience is many terms; there F = x e^y y^-x gamma(x, y), the
    lower incomplete gamma function, and its upper part's continued fraction converges fast:
    the split Numerical Recipes makes.
    """
    if y - x > _REEKS:
        return _log_f_kettingbreuk(x, y)
    som = term = 1.0
    schaal = 0.0
    j = 0
    while True:
        j += 1
        term *= y / (x + j)
        som += term
        if som > 1e250:
            som, term, schaal = som * 1e-250, term * 1e-250, schaal + _LOG_1E250
        if term <= som * 1e-17 and x + j >= y:
            return math.log(som) + schaal


def _log_f_kettingbreuk(x: float, y: float) -> float:
    """log F for y > x + 1: log x + y - x log y + log Gamma(x) + log(1 - Q(x, y)), with Q the
    regularised upper incomplete gamma by Lentz's continued fraction (Numerical Recipes, gcf)."""
    if x == 0.0:  # no agents: F(0, y) = sum y^j / j! = e^y
        return y
    klein = 1e-300
    b = y + 1 - x
    c, d = 1 / klein, 1 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - x)
        b += 2
        d = an * d + b
        d = klein if abs(d) < klein else d
        c = b + an / c
        c = klein if abs(c) < klein else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-16:
            break
    log_q = -y + x * math.log(y) - math.lgamma(x) + math.log(h)
    return math.log(x) + y - x * math.log(y) + math.lgamma(x) + math.log1p(-math.exp(log_q))


_REEKS = 1.0  # series up to y = x + 1, continued fraction beyond
_LOG_1E250 = 250 * math.log(10)


def _geduld(geduld_s: Getal) -> Fraction:
    geduld = _exact(geduld_s, "geduld")
    if geduld <= 0:
        raise Erlangfout("geduld", f"het gemiddelde geduld moet langer zijn dan 0 s (gegeven: {_nl_breuk(geduld)} s)")
    return geduld

