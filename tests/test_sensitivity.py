"""`brutonetto sensitivity`: each field over a range, the engine at every point; figures by hand.

The memo: against 1631 available hours, learning plus quality development runs from 185 to
218 hours per fte; with 146 hours of other deductions the direct hours run from
1631 - 146 - 185 = 1300 to 1631 - 146 - 218 = 1267.
"""

from __future__ import annotations

import json
from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from conftest import EXAMPLES

PROFIEL = """\
    functie: Medewerker
    beschikbare_uren: 1631
    fte: 100
    kosten_per_fte: 75000
    aftrek: {overige: 146, leren_en_ontwikkelen: 185 uur, verzuim: '5,7%'}
    scenarios:
      meer_leren: {aftrek: {leren_en_ontwikkelen: 218 uur}}
"""
MEMO = "functie: Medewerker\nbeschikbare_uren: 1631\nfte: 100\nkosten_per_fte: 75000\n" \
       "aftrek: {overige: 146, leren_en_ontwikkelen: 185 uur}\n"


def rijen(cli, *args) -> list[dict]:
    return json.loads(cli("sensitivity", *args, "-f", "json").stdout, parse_float=D, parse_int=D)


def test_the_memos_range_gives_1300_to_1267_direct_hours(cli):
    cli.write("m.yaml", MEMO)
    laag, hoog = rijen(cli, "m.yaml", "--varieer", "aftrek.leren_en_ontwikkelen=185..218 uur")
    assert list(laag) == ["functie", "eenheid", "scenario", "veld", "waarde", "directe_uren", "aandeel_direct",
                          "fte_nodig", "extra_fte", "extra_kosten", "waarde_extra_uren"]
    assert (laag["veld"], laag["waarde"], laag["directe_uren"], laag["extra_fte"]) == (
        "aftrek.leren_en_ontwikkelen", "185 uur", 1300, 0)  # the profile itself
    assert (hoog["waarde"], hoog["directe_uren"]) == ("218 uur", 1267)
    assert F(hoog["aandeel_direct"]) == round(F(1267, 1631), 6)  # 77,7%; 1300 / 1631 = 79,7%
    assert F(hoog["extra_fte"]) == round(100 * (F(1300, 1267) - 1), 6)  # divide by the new netto
    assert F(hoog["extra_kosten"]) == round(100 * (F(1300, 1267) - 1) * 75000, 6)


def test_steps_are_evenly_spaced_and_exact(cli):
    cli.write("m.yaml", MEMO)
    punten = rijen(cli, "m.yaml", "--varieer", "aftrek.leren_en_ontwikkelen=185..218 uur", "--stappen", "4")
    assert [p["waarde"] for p in punten] == ["185 uur", "196 uur", "207 uur", "218 uur"]
    assert [p["directe_uren"] for p in punten] == [1300, 1289, 1278, 1267]


def test_a_percentage_with_its_unit_written_once(cli):
    cli.write("p.yaml", PROFIEL)
    laag, hoog = rijen(cli, "p.yaml", "--varieer", "aftrek.verzuim=4,2..5,7%")
    assert (laag["waarde"], hoog["waarde"]) == ("4,2%", "5,7%")
    # 1631 - 146 - 185 - 4,2% x 1631 (68,502) = 1231,498; at 5,7% (92,967) the profile: 1207,033
    assert (laag["directe_uren"], hoog["directe_uren"]) == (D("1231.498"), D("1207.033"))
    assert hoog["extra_fte"] == 0
    assert F(laag["extra_fte"]) == round(100 * (F("1207.033") / F("1231.498") - 1), 6)  # fewer fte: negative


def test_each_field_alone_around_the_profile(cli):
    cli.write("p.yaml", PROFIEL)
    punten = rijen(cli, "p.yaml", "--varieer", "aftrek.verzuim=4,2..5,7%", "--varieer", "beschikbare_uren=1600..1700")
    assert [(p["veld"], p["waarde"]) for p in punten] == [
        ("aftrek.verzuim", "4,2%"), ("aftrek.verzuim", "5,7%"), ("beschikbare_uren", "1600"), ("beschikbare_uren", "1700")]
    # 1600 available: verzuim 5,7% of 1600 = 91,2; 1600 - 146 - 185 - 91,2 = 1177,8; learning stays at 185
    assert punten[2]["directe_uren"] == D("1177.8")


def test_grid_is_every_combination(cli):
    cli.write("m.yaml", MEMO)
    punten = rijen(cli, "m.yaml", "--varieer", "aftrek.leren_en_ontwikkelen=185..218 uur",
                   "--varieer", "aftrek.overige=100..200", "--raster")
    assert [(p["veld"], p["waarde"], p["directe_uren"]) for p in punten] == [
        ("aftrek.leren_en_ontwikkelen; aftrek.overige", "185 uur; 100 uur", 1346),
        ("aftrek.leren_en_ontwikkelen; aftrek.overige", "185 uur; 200 uur", 1246),
        ("aftrek.leren_en_ontwikkelen; aftrek.overige", "218 uur; 100 uur", 1313),
        ("aftrek.leren_en_ontwikkelen; aftrek.overige", "218 uur; 200 uur", 1213),
    ]


def test_around_a_scenario_a_shared_assumption_moves_both_sides(cli):
    cli.write("p.yaml", PROFIEL)
    laag, hoog = rijen(cli, "p.yaml", "-s", "meer_leren", "--varieer", "aftrek.verzuim=4,2..5,7%")
    # meer_leren against basis at 5,7%: 1207,033 -> 1174,033 direct (33 hours more learning)
    assert (hoog["scenario"], hoog["directe_uren"]) == ("meer_leren", D("1174.033"))
    assert F(hoog["extra_fte"]) == round(100 * (F("1207.033") / F("1174.033") - 1), 6)
    # at 4,2% both basis (1231,498) and the scenario (1198,498) move
    assert F(laag["extra_fte"]) == round(100 * (F("1231.498") / F("1198.498") - 1), 6)


def test_around_a_scenario_its_own_change_is_varied_in_the_scenario(cli):
    cli.write("p.yaml", PROFIEL)
    laag, hoog = rijen(cli, "p.yaml", "-s", "meer_leren", "--varieer", "aftrek.leren_en_ontwikkelen=185..251 uur")
    assert laag["extra_fte"] == 0  # the scenario at the basis' 185 hours changes nothing
    assert F(hoog["extra_fte"]) == round(100 * (F("1207.033") / F("1141.033") - 1), 6)


def test_table_and_tornado(cli):
    cli.write("p.yaml", PROFIEL)
    tabel = cli("sensitivity", "p.yaml", "--varieer", "aftrek.verzuim=4,2..5,7%").stdout
    assert "│ Medewerker │ basis    │ aftrek.verzuim │ 4,2%   │      1.231,5 │          75,5% │" in tabel
    cli("sensitivity", "p.yaml", "--varieer", "aftrek.verzuim=4,2..5,7%", "-v", "fte=90..110", "-o", "tornado.svg")
    svg = (cli.tmp_path / "tornado.svg").read_text(encoding="utf-8")
    assert "Medewerker · aftrek.verzuim" in svg and "Gevoeligheid" in svg
    assert cli("sensitivity", "p.yaml", "-v", "fte=90..110", "-f", "csv").stdout.startswith(
        "functie,eenheid,scenario,veld,waarde,directe_uren")


# Wrong usage: exit 2, a Dutch message on the option ----------------------------------------


@pytest.mark.parametrize("vary, melding", [
    ("aftrek.leren_en_ontwikkelen=185..185 uur", "het bereik is leeg (LAAG is gelijk aan HOOG)"),
    ("aftrek.leren_en_ontwikkelen=..218", "het bereik is leeg; geef LAAG en HOOG"),
    ("aftrek.leren_en_ontwikkelen=218..185 uur", "LAAG is groter dan HOOG; schrijf aftrek.leren_en_ontwikkelen=185 uur..218"),
    ("aftrek.leren_en_ontwikkelen=185-218", "het bereik heeft twee punten tussen LAAG en HOOG"),
    ("aftrek.leren_en_ontwikelen=185..218", "onbekende aftrekregel 'leren_en_ontwikelen'; bedoelt u 'leren_en_ontwikkelen'?"),
    ("beschikbaar=1600..1700", "onbekend veld 'beschikbaar'; bedoelt u 'beschikbare_uren'?"),
    ("eenheid=1..2", "'eenheid' is geen getal of hoeveelheid"),
    ("aftrek=1..2", "'aftrek' is een lijst van regels; kies er één, bijvoorbeeld aftrek.overige"),
    ("aftrek.verzuim=4,2%..5,7 uur", "LAAG en HOOG hebben verschillende eenheden"),
    ("aftrek.verzuim=4,2..120%", "aftrek.verzuim: een percentage ligt tussen 0 en 100, niet 120%"),
    ("fte=tien..twintig", "fte: verwacht een getal, niet 'tien'"),
    ("1600..1700", "schrijf VELD=LAAG..HOOG"),
])
def test_bad_ranges_are_usage_errors(cli, vary, melding):
    cli.write("p.yaml", PROFIEL)
    result = cli("sensitivity", "p.yaml", "--varieer", vary, code=2)
    assert "fout: --varieer " in result.stderr and melding in result.stderr, result.stderr
    assert result.stdout == ""


def test_steps_below_two_and_a_missing_vary(cli):
    cli.write("p.yaml", PROFIEL)
    assert "fout: --stappen: minstens 2 punten" in cli("sensitivity", "p.yaml", "-v", "fte=1..2", "--stappen", "1", code=2).stderr
    assert "de optie --varieer ontbreekt" in cli("sensitivity", "p.yaml", code=2).stderr


def test_a_point_the_engine_refuses_is_invalid_input_at_the_functie(cli):
    cli.write("p.yaml", PROFIEL)
    fout = cli("sensitivity", "p.yaml", "-v", "aftrek.overige=146..1500", code=1).stderr
    assert ("p.yaml:5:1: aftrek: bij aftrek.overige = 1500 uur: functie 'Medewerker': de aftrek (1.778,0 uur) "
            "is even groot als of groter dan de beschikbare uren (1.631,0 uur)") in fout


def test_a_ratio_role_follows_the_functie_it_is_a_ratio_of_at_each_point(cli):
    # 1260 advisers' work at 1300 direct hours; a senior per 30 advisers needs 1260 / 30 = 42.
    # At 218 instead of 185 hours of learning the advisers need 1638000 / 1267 and the seniors a 30th of that.
    cli.write("wb.yaml", """\
        eenheid: Werkbedrijf
        standaard: {beschikbare_uren: 1631, aftrek: {overige: 146, leren_en_ontwikkelen: 185 uur}}
        functies:
          - {functie: Adviseur, fte: 1260, werklast_uren: 1638000}
          - {functie: Senior, fte: 42, kosten_per_fte: 95000, verhouding: {een_per: 30, van: Adviseur}}
    """)
    adviseur_laag, adviseur_hoog, senior_laag, senior_hoog = rijen(
        cli, "wb.yaml", "--varieer", "aftrek.leren_en_ontwikkelen=185..218 uur")
    assert (adviseur_laag["fte_nodig"], senior_laag["fte_nodig"], senior_laag["extra_fte"]) == (1260, 42, 0)
    assert F(adviseur_hoog["fte_nodig"]) == round(F(1638000, 1267), 6)
    assert F(senior_hoog["fte_nodig"]) == round(F(1638000, 1267) / 30, 6)
    assert F(senior_hoog["extra_fte"]) == round(F(1638000, 1267) / 30 - 42, 6)


def test_instroom_is_varied_as_a_percentage(cli):
    # 5% x 240 uur = 12 uur inwerkverlies; 30% x 240 = 72 (contract v2): 1300 - 12 and 1300 - 72 direct
    cli.write("i.yaml", MEMO + "instroom: 5%\ninwerkverlies: 240 uur\n")
    laag, hoog = rijen(cli, "i.yaml", "--varieer", "instroom=5..30%")
    assert (laag["waarde"], laag["directe_uren"], hoog["waarde"], hoog["directe_uren"]) == ("5%", 1288, "30%", 1228)


def test_a_narrow_terminal_gets_a_card_per_row(cli, monkeypatch):
    import brutonetto.cli.uitvoer

    cli.write("m.yaml", MEMO)
    monkeypatch.setattr(brutonetto.cli.uitvoer, "terminalbreedte", lambda uit: 60)
    regels = [r for r in __import__("re").sub(r"\x1b\[[0-9;]*m", "", cli(
        "sensitivity", "m.yaml", "--varieer", "aftrek.leren_en_ontwikkelen=185..218 uur").stdout).splitlines()]
    assert max(map(len, regels)) <= 60
    assert "Medewerker · basis · aftrek.leren_en_ontwikkelen · 218 uur" in regels
    assert "  Directe uren    1.267,0" in regels


# Properties --------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from brutonetto.engine.gevoeligheid import punten  # noqa: E402
from brutonetto.domain.hoeveelheid import Hoeveelheid  # noqa: E402

getallen = st.decimals(min_value=0, max_value=10_000, places=3, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(getallen, getallen, st.integers(min_value=2, max_value=50))
def test_points_run_exactly_from_low_to_high_in_equal_steps(a, b, n):
    laag, hoog = min(a, b), max(a, b)
    reeks = punten(laag, hoog, n)
    assert len(reeks) == n and reeks[0] == laag and reeks[-1] == hoog
    assert reeks == sorted(reeks)
    stappen = [reeks[i + 1] - reeks[i] for i in range(n - 1)]
    assert max(stappen) - min(stappen) < D("1e-30")  # evenly spaced, to the 40 digits the engine keeps
    hoeveelheden = punten(Hoeveelheid(laag, "%"), Hoeveelheid(hoog, "%"), n)
    assert [h.getal for h in hoeveelheden] == reeks and {h.eenheid for h in hoeveelheden} == {"%"}


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=0, max_value=600), st.integers(min_value=1, max_value=600), st.integers(min_value=2, max_value=6))
def test_more_deduction_never_gives_more_direct_hours_nor_fewer_extra_fte(laag, breedte, n):
    from decimal import Decimal

    from brutonetto.domain.profiel import Profiel
    from brutonetto.engine.gevoeligheid import Variatie, gevoeligheid
    from brutonetto.domain.functie import BASIS, Functie, Herkomst, Invoer

    profiel = Profiel("X", beschikbare_uren=Decimal(1631), fte=Decimal(100), kosten_per_fte=Decimal(75000),
                      aftrek={"leren": Hoeveelheid(Decimal(185))})
    from brutonetto.input.source import Bron

    bron = Bron("x.yaml", "functie: X\n")
    functie = Functie(bron, "X", None, Invoer(BASIS, profiel, Herkomst(((bron, ()),))), {})
    waarden = punten(Hoeveelheid(Decimal(laag)), Hoeveelheid(Decimal(laag + breedte)), n)
    rijen, fouten = gevoeligheid([functie], None, [Variatie("aftrek.leren", ("aftrek", "leren"), waarden)],
                                 False, str)
    assert fouten == []
    assert [r.directe_uren for r in rijen] == sorted((r.directe_uren for r in rijen), reverse=True)
    assert [r.extra_fte for r in rijen] == sorted(r.extra_fte for r in rijen)
    assert all((r.extra_fte == 0) == (r.directe_uren == 1631 - 185) for r in rijen)


def test_the_english_option_names_of_before_still_work_unlisted(cli):
    """--vary, --steps, --grid (and compute's --bars) became --varieer, --stappen, --raster,
    --staven: one language for option names; the old spellings stay, hidden, so no script breaks."""
    cli.write("p.yaml", PROFIEL)
    oud = cli("sensitivity", "p.yaml", "--vary", "fte=90..110", "--vary", "aftrek.verzuim=4,2..5,7%",
              "--steps", "3", "--grid", "-f", "json").stdout
    nieuw = cli("sensitivity", "p.yaml", "--varieer", "fte=90..110", "--varieer", "aftrek.verzuim=4,2..5,7%",
                "--stappen", "3", "--raster", "-f", "json").stdout
    assert oud == nieuw and len(json.loads(nieuw)) == 9  # 3 x 3 points, the two fields together
    hulp = cli("sensitivity", "--help").stdout
    assert "--varieer" in hulp and "--vary" not in hulp and "--steps" not in hulp and "--grid" not in hulp
    assert cli("compute", "p.yaml", "--bars").stdout == cli("compute", "p.yaml", "--staven").stdout
    assert "--bars" not in cli("compute", "--help").stdout


def test_a_rule_the_profile_lacks_gets_no_far_fetched_suggestion(cli):
    """`verzuim` is not a typo of `overig` (difflib rates them 0,62): no 'bedoelt u'."""
    cli.write("g.yaml", "functie: X\nbeschikbare_uren: 1631\nfte: 10\naftrek:\n  overig: 50\n")
    fout = cli("sensitivity", "g.yaml", "--varieer", "aftrek.verzuim=1..5%", code=2).stderr
    assert "fout: --varieer onbekende aftrekregel 'verzuim'; in deze profielen staan: overig" in fout
    assert "bedoelt u" not in fout


def test_an_unknown_field_lists_what_can_be_varied_in_dutch(cli):
    cli.write("p.yaml", PROFIEL)
    assert "te variëren zijn: " in cli("sensitivity", "p.yaml", "--varieer", "zzz=1..2", code=2).stderr


def test_a_field_that_moves_nothing_says_so(cli):
    """weken_per_jaar counts only for hours per week; here every point is the same."""
    cli.write("g.yaml", "functie: X\nbeschikbare_uren: 1631\nfte: 10\naftrek:\n  overig: 50\n")
    uitkomst = cli("sensitivity", "g.yaml", "--varieer", "weken_per_jaar=40..45", "-v", "aftrek.overig=40..60")
    assert ("waarschuwing: --varieer weken_per_jaar: het bereik verandert niets aan de uitkomsten "
            "van deze profielen") in uitkomst.stderr
    assert "--varieer aftrek.overig" not in uitkomst.stderr
    assert "│ X       │ basis    │ weken_per_jaar │ 40     │      1.581,0 │" in uitkomst.stdout


def test_a_rule_only_a_scenario_has_is_not_quietly_added_to_the_basis(cli):
    """A new user's trial: aftrek.extra_leertijd without --scenario was added to the basis."""
    cli.write("s1.yaml", "functie: X\nbeschikbare_uren: 1631\nfte: 10\nuurtarief: 60\naftrek: {overig: 50}\n"
                         "scenarios:\n  extra_leertijd: {aftrek: {extra_leertijd: 40 uur}}\n")
    fout = cli("sensitivity", "s1.yaml", "--varieer", "aftrek.extra_leertijd=10..50 uur", code=2).stderr
    assert ("aftrek.extra_leertijd staat in scenario 'extra_leertijd': varieer eromheen met --scenario "
            "extra_leertijd") in fout
    rij = cli("sensitivity", "s1.yaml", "--varieer", "aftrek.extra_leertijd=10..50 uur", "-s", "extra_leertijd").stdout
    assert "│ X       │ extra_leertijd │ aftrek.extra_leertijd │ 10 uur │      1.571,0 │" in rij  # 1631 - 50 - 10
    # uurtarief moves the value of the extra hours, not shown in these rows: no 'verandert niets'
    assert "verandert niets" not in cli("sensitivity", "s1.yaml", "-v", "uurtarief=50..90", "-s", "extra_leertijd").stderr


def test_a_grid_too_large_is_refused_before_it_is_made(cli):
    """A second security probe: five fields at 50 steps (312.500.000 points) ran out of memory."""
    cli.write("p.yaml", PROFIEL)
    fout = cli("sensitivity", "p.yaml", "--raster", "-n", "50", "-v", "beschikbare_uren=1400..1600", "-v", "fte=1..100",
               "-v", "kosten_per_fte=1..2", "-v", "uren_per_week=30..40", "-v", "aftrek.verzuim=1..9%", code=2).stderr
    assert "fout: --stappen 50 --raster: 312.500.000 rijen (312.500.000 punten x 1 functies); hoogstens 1.000.000" in fout


def test_around_a_scenario_a_functie_without_it_keeps_its_own_rules(cli):
    """A second trial: B has no scenario s and no line `extra`; varied around s it was given the
    line (1450/1400/1350 direct where its basis is 1500). Now B stays at its basis: 1500, +0,00."""
    cli.write("t1.yaml", "functies:\n"
              "  - {functie: A, beschikbare_uren: 1600, fte: 10, aftrek: {x: 200}, scenarios: {s: {aftrek: {extra: 100 uur}}}}\n"
              "  - {functie: B, beschikbare_uren: 1600, fte: 30, aftrek: {x: 100}}\n")
    rijen = cli.json("sensitivity", "t1.yaml", "--varieer", "aftrek.extra=50..150 uur", "--scenario", "s")
    assert [(r["functie"], r["directe_uren"]) for r in rijen] == [("A", 1350), ("A", 1250), ("B", 1500), ("B", 1500)]


def test_varying_uurtarief_shows_the_value_of_the_extra_hours(cli):
    """A second trial: uurtarief moves only waarde_extra_uren, which sensitivity did not show, so
    its rows were equal. By hand: 420,9 fte x 36 extra hours x 50 = 757.620; x 100 = 1.515.240."""
    rijen = cli.json("sensitivity", EXAMPLES / "bezwaar-en-beroep.yaml", "--varieer", "uurtarief=50..100",
                     "--scenario", "extra_leertijd")
    eerste = [r for r in rijen if r["functie"] == "Medewerker bezwaar"]
    assert [r["waarde_extra_uren"] for r in eerste] == [757620, 1515240]
    assert list(eerste[0])[-1] == "waarde_extra_uren"  # a new key after v2's
