"""Every formula of the contract, with numbers checked by hand (the working is in the comments)."""

from decimal import Decimal as D

import pytest

from brutonetto.domain.profiel import Profiel
from brutonetto.engine.hours import Rekenfout, compare, compute
from brutonetto.notation import rond
from brutonetto.domain.hoeveelheid import Hoeveelheid
from brutonetto.input.hoeveelheid import parse_hoeveelheid


def q(tekst) -> Hoeveelheid:
    return parse_hoeveelheid(tekst)


def profiel(**velden) -> Profiel:
    velden.setdefault("functie", "test")
    for stap in ("verlof", "aftrek"):
        if stap in velden:
            velden[stap] = {k: q(v) for k, v in velden[stap].items()}
    return Profiel(**velden)


def test_bruto_is_hours_per_week_times_weeks_52_by_default():
    # 36 x 52 = 1872 (HOT, CAO Rijk)
    assert compute(profiel(uren_per_week=D(36))).bruto_uren == D(1872)
    # 36 x 52,17 = 1878,12 (the hospital sheet's 1878)
    assert compute(profiel(uren_per_week=D(36), weken_per_jaar=D("52.17"))).bruto_uren == D("1878.12")


def test_beschikbaar_is_bruto_minus_verlof():
    # 1872 - 165,6 - 50,4 = 1656
    uitkomst = compute(profiel(uren_per_week=D(36), verlof={"vakantie": "23 dagen", "feestdagen": "50,4 uur"}))
    assert uitkomst.verlof == {"vakantie": D("165.6"), "feestdagen": D("50.4")}
    assert uitkomst.beschikbare_uren == D(1656)


def test_a_percentage_of_verlof_is_of_bruto():
    # 10% of 1872 = 187,2
    uitkomst = compute(profiel(uren_per_week=D(36), verlof={"vakantie": "10%"}))
    assert uitkomst.verlof["vakantie"] == D("187.2")


def test_uur_per_week_in_verlof_counts_every_week_of_the_year():
    # 2 uur/week x 52 = 104
    uitkomst = compute(profiel(uren_per_week=D(36), verlof={"adv": "2 uur/week"}))
    assert uitkomst.verlof["adv"] == D(104)


def test_verzuim_is_a_percentage_of_beschikbare_uren():
    # 5,7% of 1631 = 92,967 (UWV end 2019); 4,2% of 1631 = 68,502 (April 2021)
    assert compute(profiel(beschikbare_uren=D(1631), aftrek={"verzuim": "5,7%"})).aftrek["verzuim"] == D("92.967")
    assert compute(profiel(beschikbare_uren=D(1631), aftrek={"verzuim": "4.2%"})).aftrek["verzuim"] == D("68.502")


def test_the_base_of_a_percentage_matters():
    # domain brief: 4% of bruto 1878 is 75,1 h, of 1652 is 66,1 h
    uitkomst = compute(profiel(
        uren_per_week=D(36), weken_per_jaar=D("52.1666"), beschikbare_uren=D(1652),
        aftrek={"ziek_bruto": {"procent": 4, "van": "bruto"}, "ziek_beschikbaar": "4%"},
    ))
    assert rond(uitkomst.aftrek["ziek_bruto"], 1) == D("75.1")
    assert uitkomst.aftrek["ziek_beschikbaar"] == D("66.08")


def test_uur_per_week_in_aftrek_counts_the_weeks_actually_available():
    # 1 uur/week with 1631 available hours of a 36-hour week: 1631 / 36 = 45,305555...
    uitkomst = compute(profiel(beschikbare_uren=D(1631), uren_per_week=D(36), aftrek={"werkoverleg": "1 uur/week"}))
    assert rond(uitkomst.aftrek["werkoverleg"]) == D("45.305556")


def test_dagen_use_uren_per_dag_or_a_fifth_of_the_week():
    assert compute(profiel(uren_per_week=D(36), beschikbare_uren=D(1631), aftrek={"opleiding": "3 dagen"})).aftrek["opleiding"] == D("21.6")
    assert compute(profiel(uren_per_dag=D(8), beschikbare_uren=D(1631), aftrek={"opleiding": "3 dagen"})).aftrek["opleiding"] == D(24)


def test_directe_uren_and_aandeel_direct():
    # the contract's example: 1631 - 92,967 - 185 = 1353,033; 1353,033 / 1631 = 0,829573 (6 places)
    uitkomst = compute(profiel(beschikbare_uren=D(1631), aftrek={"verzuim": "5.7%", "leren_en_ontwikkelen": 185}))
    assert uitkomst.totaal_aftrek == D("277.967")
    assert uitkomst.directe_uren == D("1353.033")
    assert rond(uitkomst.aandeel_direct) == D("0.829573")


def test_fte_nodig_is_werklast_divided_by_directe_uren():
    # 130000 / 1300 = 100
    uitkomst = compute(profiel(beschikbare_uren=D(1631), aftrek={"indirect": 331}, werklast_uren=D(130000)))
    assert uitkomst.fte_nodig == D(100)


def _extra_fte(basis: Profiel, scenario: Profiel):
    return compare(basis, compute(basis), scenario, compute(scenario))


def test_extra_fte_divides_by_the_new_netto_not_the_old():
    # domain brief: N = 100, D from 1300 to 1260 (+40 h learning): 100 x (1300/1260 - 1) = 3,174603
    # the naive 100 x 40 / 1300 = 3,076923 is too low
    basis = profiel(beschikbare_uren=D(1631), aftrek={"indirect": 331}, fte=D(100))
    nieuw = profiel(beschikbare_uren=D(1631), aftrek={"indirect": 331, "extra_leertijd": 40}, fte=D(100))
    verschil = _extra_fte(basis, nieuw)
    assert verschil.basis_directe_uren == D(1300)
    assert rond(verschil.extra_fte) == D("3.174603")
    assert rond(verschil.extra_fte, 3) == D("3.175")


def test_extra_fte_from_werklast_is_the_difference_in_fte_nodig():
    # 130000/1260 - 130000/1300 = 103,174603 - 100 = 3,174603: the same answer as from N = 100
    basis = profiel(beschikbare_uren=D(1631), aftrek={"indirect": 331}, werklast_uren=D(130000), fte=D(90))
    nieuw = profiel(beschikbare_uren=D(1631), aftrek={"indirect": 371}, werklast_uren=D(130000), fte=D(90))
    assert rond(_extra_fte(basis, nieuw).extra_fte) == D("3.174603")


def test_extra_kosten_is_extra_fte_times_kosten_per_fte():
    # 170 fte, D from 1320 to 1200: 170 x (1320/1200 - 1) = 17 fte; 17 x 75.000 = 1.275.000
    basis = profiel(beschikbare_uren=D(1631), aftrek={"indirect": 311}, fte=D(170), kosten_per_fte=D(75000))
    nieuw = profiel(beschikbare_uren=D(1631), aftrek={"indirect": 431}, fte=D(170), kosten_per_fte=D(75000))
    verschil = _extra_fte(basis, nieuw)
    assert verschil.extra_fte == D(17)
    assert verschil.extra_kosten == D(1275000)


def test_waarde_extra_uren_is_fte_times_extra_hours_times_uurtarief():
    # domain brief: 70,9 fte x 12 h x EUR 76 = 64.660,80
    basis = profiel(beschikbare_uren=D(1631), aftrek={"indirect": 331}, fte=D("70.9"), uurtarief=D(76))
    nieuw = profiel(beschikbare_uren=D(1631), aftrek={"indirect": 331, "extra": "12 uur"}, fte=D("70.9"), uurtarief=D(76))
    verschil = _extra_fte(basis, nieuw)
    assert verschil.waarde_extra_uren == D("64660.8")
    assert verschil.extra_kosten is None


def test_a_scenario_equal_to_basis_costs_nothing():
    basis = profiel(beschikbare_uren=D(1631), aftrek={"verzuim": "5.7%"}, fte=D(100), kosten_per_fte=D(75000), uurtarief=D(76))
    verschil = _extra_fte(basis, basis)
    assert (verschil.extra_fte, verschil.extra_kosten, verschil.waarde_extra_uren) == (0, 0, 0)


def test_without_fte_or_werklast_there_is_no_extra_fte():
    basis = profiel(beschikbare_uren=D(1631), aftrek={"verzuim": "5.7%"}, kosten_per_fte=D(75000))
    verschil = _extra_fte(basis, basis)
    assert verschil.extra_fte is None and verschil.extra_kosten is None


def test_the_hospital_sheet():
    # 36 x 52,17 = 1878,12; - 144 - 50,4 - 8 = 1675,72 beschikbaar; - 4% of bruto (75,1248) - 22
    # = 1578,5952 netto: 1579, and 1578,5952 / 1878,12 = 84,1% of bruto
    uitkomst = compute(profiel(
        uren_per_week=D(36), weken_per_jaar=D("52.17"),
        verlof={"vakantie": 144, "feestdagen": "50,4", "bijzonder_verlof": 8},
        aftrek={"ziek": {"procent": 4, "van": "bruto"}, "opleiding": 22},
    ))
    assert uitkomst.beschikbare_uren == D("1675.72")
    assert uitkomst.aftrek["ziek"] == D("75.1248")
    assert uitkomst.directe_uren == D("1578.5952")
    assert rond(uitkomst.directe_uren, 0) == 1579
    assert rond(uitkomst.directe_uren / uitkomst.bruto_uren, 3) == D("0.841")


@pytest.mark.parametrize(
    ("velden", "veld", "bericht"),
    [
        (dict(beschikbare_uren=D(1631), aftrek={"x": 1631}), ("aftrek",), "directe uren moeten groter dan 0"),
        (dict(beschikbare_uren=D(1631), aftrek={"x": 2000}), ("aftrek",), "1.631,0 uur"),
        (dict(beschikbare_uren=D(1631), uren_per_week=D(36), verlof={"v": 10}), ("verlof",), "niet allebei"),
        (dict(aftrek={"x": 10}), (), "beschikbare_uren ontbreekt"),
        (dict(beschikbare_uren=D(1631), aftrek={"overleg": "1 uur/week"}), ("aftrek", "overleg"), "uren_per_week nodig"),
        (dict(beschikbare_uren=D(1631), aftrek={"cursus": "2 dagen"}), ("aftrek", "cursus"), "uren_per_dag"),
        (dict(beschikbare_uren=D(1631), aftrek={"ziek": {"procent": 4, "van": "bruto"}}), ("aftrek", "ziek"), "bruto"),
        (dict(uren_per_week=D(36), verlof={"v": {"procent": 4, "van": "beschikbaar"}}), ("verlof", "v"), "verlof kan geen percentage"),
        (dict(uren_per_week=D(36), verlof={"v": 1872}), ("verlof",), "geen beschikbare uren"),
    ],
)
def test_profiles_that_cannot_be_computed_name_the_field(velden, veld, bericht):
    with pytest.raises(Rekenfout) as fout:
        compute(profiel(**velden))
    assert fout.value.veld == veld
    assert bericht in fout.value.bericht
