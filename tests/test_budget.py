"""The years against the funding: amounts and years as written, and the yearly rows, by hand.

Expected values are worked out by hand (or as exact fractions) in the test, never copied
from the program's own output.
"""

from __future__ import annotations

from decimal import Decimal as D
from decimal import localcontext
from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brutonetto.engine.begroting import Jaar, compute_budget
from brutonetto.engine.hours import Rekenfout
from brutonetto.input.bedrag import parse_bedrag, parse_financiering, parse_indexatie, parse_jaar
from brutonetto.input.hoeveelheid import Invoerfout

MLN = 1_000_000


def dicht_bij(getal: D, verwacht: F) -> bool:
    """Equal to 30 decimals: for divisions whose exact value has no end."""
    return abs(F(getal) - verwacht) < F(1, 10**30)


# --- amounts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "euro"),
    [
        ("12 mln", 12 * MLN),
        ("12,5 mln", F(25, 2) * MLN),
        ("12.5 mln", F(25, 2) * MLN),
        ("20 mln", 20 * MLN),
        ("20mln", 20 * MLN),
        ("1,2 mln", F(6, 5) * MLN),
        ("0,75 miljoen", 750_000),
        ("750k", 750_000),
        ("750 k", 750_000),
        ("750 K", 750_000),
        ("1200000", 1_200_000),
        ("EUR 12 mln", 12 * MLN),
        ("eur 12 mln", 12 * MLN),
        ("€ 12 mln", 12 * MLN),
        ("€12mln", 12 * MLN),
        ("1,250 mln", 1_250_000),  # with a multiplier the three decimals are just decimals
        ("0", 0),
        (12_000_000, 12 * MLN),
        (12.5, F(25, 2)),
        (D("1.5"), F(3, 2)),
    ],
)
def test_amounts_are_read_exactly_in_every_form(tekst, euro):
    assert F(parse_bedrag(tekst)) == euro


@pytest.mark.parametrize(
    ("waarde", "bericht"),
    [
        ("-5 mln", "een bedrag kan niet negatief zijn: -5 mln"),
        (-3, "een bedrag kan niet negatief zijn: -3"),
        ("1.200.000", "'1.200.000' lijkt scheidingstekens voor duizendtallen te bevatten: bedoelt u 1200000? "
                      "Schrijf bedragen zonder duizendtalscheiding, met . of , als decimaalteken ('12,5 mln')"),
        ("750.000", "'750.000' lijkt scheidingstekens voor duizendtallen te bevatten: bedoelt u 750000? "
                    "Schrijf bedragen zonder duizendtalscheiding, met . of , als decimaalteken ('12,5 mln')"),
        ("12 500 000", "'12 500 000' lijkt spaties voor duizendtallen te bevatten: bedoelt u 12500000? "
                       "Schrijf bedragen zonder duizendtalscheiding"),
        ("750 000 k", "'750 000 k' lijkt spaties voor duizendtallen te bevatten: bedoelt u 750000 k? "
                      "Schrijf bedragen zonder duizendtalscheiding"),
        ("12 mld", "onbekende eenheid 'mld' in '12 mld'; bekend zijn: k, mln, miljoen (bedragen zijn euro's)"),
        ("twaalf", "'twaalf' is geen bedrag; schrijf bijvoorbeeld '12 mln', '750k' of 1200000"),
        ("12 mln euro", "'12 mln euro' is geen bedrag; schrijf bijvoorbeeld '12 mln', '750k' of 1200000"),
        (None, "het bedrag ontbreekt; schrijf 0 voor een jaar zonder financiering"),
        (True, "verwacht een getal, niet true"),
        ("2000000 mln", "2000000 mln is onwaarschijnlijk groot (een biljoen euro of meer)"),
    ],
)
def test_a_bad_amount_says_what_to_write(waarde, bericht):
    with pytest.raises(Invoerfout) as fout:
        parse_bedrag(waarde)
    assert str(fout.value) == bericht


@pytest.mark.parametrize(("waarde", "jaar"), [(2023, 2023), ("2023", 2023), (" 2031 ", 2031), (1900, 1900), (2200, 2200)])
def test_a_year_is_an_int_or_four_digits(waarde, jaar):
    assert parse_jaar(waarde) == jaar


@pytest.mark.parametrize(
    ("waarde", "bericht"),
    [
        ("23", "'23' is geen jaar: een jaar is vier cijfers, bijvoorbeeld 2023"),
        (23, "'23' is geen jaar: een jaar is vier cijfers, bijvoorbeeld 2023"),
        (2023.5, "'2023.5' is geen jaar: een jaar is vier cijfers, bijvoorbeeld 2023"),
        ("2023.5", "'2023.5' is geen jaar: een jaar is vier cijfers, bijvoorbeeld 2023"),
        ("02023", "'02023' is geen jaar: een jaar is vier cijfers, bijvoorbeeld 2023"),
        (True, "'True' is geen jaar: een jaar is vier cijfers, bijvoorbeeld 2023"),
        (1800, "1800 ligt buiten de jaren 1900 tot en met 2200"),
    ],
)
def test_a_year_that_is_not_a_year(waarde, bericht):
    with pytest.raises(Invoerfout) as fout:
        parse_jaar(waarde)
    assert str(fout.value) == bericht


def test_financiering_reports_every_problem_at_once_at_its_key():
    bedragen, problemen = parse_financiering(
        {2024: "20 mln", 2023: "12 mln", "2023": "1 mln", "23": "5 mln", 2025: "-1 mln", 2026: "1.200.000"}
    )
    assert bedragen == {2023: 12 * MLN, 2024: 20 * MLN}
    assert list(bedragen) == [2023, 2024]  # in year order, as written or not
    assert [pad for pad, _ in problemen] == [("2023",), ("23",), (2025,), (2026,)]
    assert problemen[0][1] == "het jaar 2023 staat twee keer in financiering"
    assert problemen[1][1] == "'23' is geen jaar: een jaar is vier cijfers, bijvoorbeeld 2023"
    assert problemen[2][1] == "een bedrag kan niet negatief zijn: -1 mln"
    assert "bedoelt u 1200000?" in problemen[3][1]


@pytest.mark.parametrize(
    ("waarde", "bericht"),
    [
        ({}, "financiering is leeg: geef per jaar een bedrag, bijvoorbeeld 2023: 12 mln"),
        (["12 mln"], "financiering is een tabel van jaar naar bedrag, niet een lijst; bijvoorbeeld 2023: 12 mln"),
    ],
)
def test_financiering_that_is_not_a_table(waarde, bericht):
    assert parse_financiering(waarde) == ({}, [((), bericht)])


@pytest.mark.parametrize(("waarde", "procent"), [("2%", 2), ("2,5 %", F(5, 2)), ("0%", 0), (0, 0)])
def test_indexatie_is_a_percentage(waarde, procent):
    assert F(parse_indexatie(waarde)) == procent


@pytest.mark.parametrize(
    ("waarde", "bericht"),
    [
        (2, "schrijf indexatie als percentage, bijvoorbeeld 2%, niet '2'"),
        ("0.02", "schrijf indexatie als percentage, bijvoorbeeld 2%, niet '0.02'"),
        ("-1%", "indexatie kan niet negatief zijn: -1%"),
        ("150%", "een indexatie van meer dan 100% per jaar is onwaarschijnlijk: 150%"),
    ],
)
def test_a_bare_or_negative_indexatie_is_refused(waarde, bericht):
    with pytest.raises(Invoerfout) as fout:
        parse_indexatie(waarde)
    assert str(fout.value) == bericht


# --- the years ---------------------------------------------------------------------------

# The memo's funding "Versterking vakmanschap 220 fte", EUR mln (domain brief).
VAKMANSCHAP = {2023: "12 mln", **{jaar: "20 mln" for jaar in range(2024, 2030)}, 2030: "15 mln", 2031: "10 mln"}


def test_the_json_keys_are_the_contracts_in_order():
    assert Jaar._fields == ("jaar", "scenario", "kosten", "financiering", "saldo", "cumulatief", "betaalbare_fte")


def test_the_memos_funding_table_against_220_fte_at_20_mln():
    financiering, problemen = parse_financiering(VAKMANSCHAP)
    assert problemen == []
    with localcontext() as ctx:
        ctx.prec = 40  # as precise as the engine, so the price itself brings no rounding to the test
        kosten_per_fte = D(20_000_000) / D(220)  # the memo: EUR 20 mln / 220 = EUR 90,909.09 per fte
    assert round(kosten_per_fte, 2) == D("90909.09")
    jaren = compute_budget(D(20 * MLN), financiering, kosten_per_fte=kosten_per_fte, scenario="vakmanschap")

    assert [j.jaar for j in jaren] == list(range(2023, 2032))
    assert {j.scenario for j in jaren} == {"vakmanschap"}
    assert all(j.kosten == 20 * MLN for j in jaren)  # no indexatie: the same every year
    assert [j.financiering / MLN for j in jaren] == [12, 20, 20, 20, 20, 20, 20, 15, 10]
    # saldo = financiering - kosten, by hand: 12 - 20 = -8; 0 six times; 15 - 20 = -5; 10 - 20 = -10
    assert [j.saldo / MLN for j in jaren] == [-8, 0, 0, 0, 0, 0, 0, -5, -10]
    assert [j.cumulatief / MLN for j in jaren] == [-8, -8, -8, -8, -8, -8, -8, -13, -23]
    # betaalbare_fte = financiering / kosten_per_fte: 220 fte in a 20 mln year; 12/20 x 220 = 132;
    # 15/20 x 220 = 165; 10/20 x 220 = 110
    verwacht = [132, 220, 220, 220, 220, 220, 220, 165, 110]
    assert all(dicht_bij(j.betaalbare_fte, F(v)) for j, v in zip(jaren, verwacht))
    # at the memo's rounded price of EUR 90,909.09 a 20 mln year pays for just over 220 fte
    (twintig,) = compute_budget(D(0), {2024: D(20 * MLN)}, kosten_per_fte=D("90909.09"))
    assert dicht_bij(twintig.betaalbare_fte, F(20 * MLN) / F("90909.09"))
    assert round(twintig.betaalbare_fte, 4) == D("220.0000")


def test_indexatie_compounds_over_the_years():
    financiering = {jaar: D(1_050_000) for jaar in (2023, 2024, 2025, 2026)}
    jaren = compute_budget(D(1_000_000), financiering, indexatie=D(2), kosten_per_fte=D(75_000))
    # 1.02^0, 1.02^1 = 1.02, 1.02^2 = 1.0404, 1.02^3 = 1.061208: exact, not rounded
    assert [j.kosten for j in jaren] == [D(1_000_000), D(1_020_000), D(1_040_400), D(1_061_208)]
    assert [j.saldo for j in jaren] == [D(50_000), D(30_000), D(9_600), D(-11_208)]
    assert [j.cumulatief for j in jaren] == [D(50_000), D(80_000), D(89_600), D(78_392)]
    # the cost per fte grows with the same index: 75,000 -> 76,500 -> 78,030 -> 79,590.60
    verwacht = [F(1_050_000, 75_000), F(1_050_000, 76_500), F(1_050_000, 78_030), F(1_050_000) / F("79590.6")]
    assert jaren[0].betaalbare_fte == 14
    assert all(dicht_bij(j.betaalbare_fte, v) for j, v in zip(jaren, verwacht))


def test_a_year_without_funding_is_shown_never_skipped():
    financiering, _ = parse_financiering({2023: "12 mln", 2025: "20 mln"})
    jaren = compute_budget(D(5 * MLN), financiering, kosten_per_fte=D(100_000))
    assert [j.jaar for j in jaren] == [2023, 2024, 2025]
    gat = jaren[1]
    assert (gat.financiering, gat.saldo, gat.betaalbare_fte) == (0, -5 * MLN, 0)  # saldo = -kosten
    assert [j.cumulatief / MLN for j in jaren] == [7, 2, 17]


def test_without_one_cost_per_fte_there_is_no_betaalbare_fte():
    jaren = compute_budget(D(1), {2023: D(2)})
    assert jaren == [Jaar(2023, None, D(1), D(2), D(1), D(1), None)]


def test_a_saving_is_a_negative_cost_and_raises_the_saldo():
    (jaar,) = compute_budget(D(-300_000), {2023: D(0)})
    assert (jaar.kosten, jaar.saldo) == (-300_000, 300_000)


def test_no_funding_or_no_price_per_fte_is_a_located_problem():
    with pytest.raises(Rekenfout) as leeg:
        compute_budget(D(1), {})
    assert leeg.value.veld == ("meerjaren", "financiering")
    assert str(leeg.value) == "financiering is leeg: geef per jaar een bedrag, bijvoorbeeld 2023: 12 mln"
    with pytest.raises(Rekenfout) as nul:
        compute_budget(D(1), {2023: D(1)}, kosten_per_fte=D(0))
    assert nul.value.veld == ("kosten_per_fte",)


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value=-10**8, max_value=10**8, places=2),
    st.dictionaries(st.integers(2000, 2040), st.decimals(min_value=0, max_value=10**8, places=2), min_size=1, max_size=8),
    st.decimals(min_value=0, max_value=10, places=1),
)
def test_the_last_cumulatief_is_all_funding_less_all_cost_and_no_year_is_skipped(kosten, financiering, indexatie):
    jaren = compute_budget(kosten, financiering, indexatie=indexatie)
    assert [j.jaar for j in jaren] == list(range(min(financiering), max(financiering) + 1))
    assert sum(j.financiering for j in jaren) == sum(financiering.values())
    totaal = sum(F(j.financiering) for j in jaren) - sum(F(j.kosten) for j in jaren)
    assert abs(F(jaren[-1].cumulatief) - totaal) < F(1, 10**20)  # 40 digits, rounded in the last
    groei = 1 + F(indexatie) / 100
    assert all(abs(F(j.kosten) - F(kosten) * groei ** (j.jaar - jaren[0].jaar)) < F(1, 10**20) for j in jaren)
