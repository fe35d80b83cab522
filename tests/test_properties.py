"""Properties of the arithmetic that must hold for every profile, not only the examples."""

from __future__ import annotations

import json
from decimal import Decimal as D
from decimal import localcontext

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brutonetto.domain.hoeveelheid import DAG, PROCENT, UUR, UUR_PER_WEEK, Hoeveelheid
from brutonetto.domain.profiel import Profiel
from brutonetto.engine.hours import compare, compute
from brutonetto.engine.records import KOLOMMEN, Record, totalen

uren = st.decimals(min_value=0, max_value=60, places=2)
procent = st.decimals(min_value=0, max_value=3, places=2)
deductie = st.one_of(
    st.builds(Hoeveelheid, uren, st.just(UUR)),
    st.builds(Hoeveelheid, procent, st.just(PROCENT)),
    st.builds(Hoeveelheid, st.decimals(min_value=0, max_value=2, places=1), st.just(UUR_PER_WEEK)),
    st.builds(Hoeveelheid, st.decimals(min_value=0, max_value=5, places=1), st.just(DAG)),
)
aftrekken = st.dictionaries(st.text("abcdefgh", min_size=1, max_size=6), deductie, max_size=8)


@st.composite
def profielen(draw, aftrek=aftrekken):
    return Profiel(
        functie="f",
        beschikbare_uren=draw(st.decimals(min_value=1200, max_value=1800, places=1)),
        uren_per_week=draw(st.decimals(min_value=16, max_value=40, places=1)),
        aftrek=draw(aftrek),
        fte=draw(st.decimals(min_value=0, max_value=5000, places=1)),
        kosten_per_fte=draw(st.decimals(min_value=0, max_value=150000, places=0)),
    )


@given(profielen(), st.text("xyz", min_size=1, max_size=3), deductie)
def test_more_aftrek_never_gives_more_directe_uren(profiel, naam, extra):
    meer = _met(profiel, {naam + "_extra": extra})
    assert compute(meer).directe_uren <= compute(profiel).directe_uren


def _met(profiel: Profiel, extra: dict) -> Profiel:
    return profiel._replace(aftrek={**profiel.aftrek, **extra})


@given(profielen())
def test_a_scenario_equal_to_basis_gives_zero_extra_fte(profiel):
    uitkomst = compute(profiel)
    verschil = compare(profiel, uitkomst, profiel, uitkomst)
    assert verschil.extra_fte == 0 and verschil.extra_kosten == 0


@given(profielen(), st.decimals(min_value=1, max_value=80, places=1))
def test_extra_fte_uses_the_new_netto_never_the_old(profiel, uren_extra):
    scenario = _met(profiel, {"extra_leertijd_zz": Hoeveelheid(uren_extra, UUR)})
    basis, nieuw = compute(profiel), compute(scenario)
    verschil = compare(profiel, basis, scenario, nieuw)
    # N x (D_B/D_S - 1) = N x (D_B - D_S) / D_S, with D_B - D_S the extra hours
    assert abs(verschil.extra_fte - profiel.fte * uren_extra / nieuw.directe_uren) < D("1e-20")
    if profiel.fte > 0:
        assert verschil.extra_fte > profiel.fte * uren_extra / basis.directe_uren  # the naive answer is too low


@given(profielen())
def test_directe_uren_plus_aftrek_is_beschikbaar(profiel):
    uitkomst = compute(profiel)
    with localcontext() as ctx:
        ctx.prec = 60
        assert abs(uitkomst.directe_uren + sum(uitkomst.aftrek.values()) - uitkomst.beschikbare_uren) < D("1e-30")
        assert abs(uitkomst.totaal_aftrek - sum(uitkomst.aftrek.values())) < D("1e-30")


@given(st.lists(st.tuples(
    st.decimals(min_value=0, max_value=500, places=1),
    st.decimals(min_value=1000, max_value=1600, places=2),
    st.decimals(min_value=0, max_value=20, places=3),
), min_size=1, max_size=6))
def test_totals_equal_the_sum_of_the_rows(rijen):
    leeg = dict.fromkeys(KOLOMMEN) | {"is_basis": False, "invoer": None, "uitkomst": None, "basis": None, "verschil": None}
    records = [
        Record(**leeg | {"scenario": "s", "fte": fte, "beschikbare_uren": D(1631), "totaal_aftrek": D(1631) - direct,
                         "directe_uren": direct, "aandeel_direct": direct / 1631, "fte_nodig": None,
                         "extra_fte": extra, "extra_kosten": extra * 1000})
        for fte, direct, extra in rijen
    ]
    (totaal,) = totalen(records)
    assert totaal.fte == sum(r[0] for r in rijen)
    assert totaal.extra_fte == sum(r[2] for r in rijen)
    assert totaal.extra_kosten == sum(r[2] * 1000 for r in rijen)
    if totaal.fte:
        gewogen = sum(f * d for f, d, _ in rijen) / sum(f for f, _, _ in rijen)
        assert totaal.directe_uren == gewogen


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    beschikbaar=st.integers(min_value=1200, max_value=1800),
    aftrek=st.dictionaries(
        st.sampled_from(["verzuim", "leren", "overleg", "intervisie"]),
        st.one_of(
            st.integers(0, 60).map(lambda n: f"{n} uur"),
            st.decimals(0, 6, places=1).map(lambda d: f"{str(d).replace('.', ',')}%"),
            st.integers(0, 3).map(lambda n: f"{n} uur/week"),
        ),
        max_size=4,
    ),
)
def test_json_through_the_cli_is_consistent(cli, beschikbaar, aftrek):
    regels = "".join(f"  {k}: {v}\n" for k, v in aftrek.items())
    tekst = f"functie: X\nuren_per_week: 36\nbeschikbare_uren: {beschikbaar}\n" + (f"aftrek:\n{regels}" if aftrek else "")
    (record,) = json.loads(cli("compute", "-", "-f", "json", input=tekst).stdout, parse_float=D, parse_int=D)
    assert list(record["aftrek"]) == list(aftrek)
    assert abs(record["beschikbare_uren"] - record["totaal_aftrek"] - record["directe_uren"]) <= D("0.000001")
    assert abs(sum(record["aftrek"].values()) - record["totaal_aftrek"]) <= D("0.000004")
