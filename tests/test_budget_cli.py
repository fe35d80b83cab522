"""`brutonetto budget`: a scenario's extra cost against the funding, worked out by hand."""

from __future__ import annotations

import json
from decimal import Decimal as D
from fractions import Fraction as F

from conftest import BUDGET_EENHEID, EXAMPLES

# 126 fte, direct hours 1300 in basis and 1260 with 40 hours more learning:
# extra fte = 126 x (1300 / 1260 - 1) = 126 x 40 / 1260 = 4; at EUR 75.000: EUR 300.000 a year.
UNIT = BUDGET_EENHEID


def jaren(cli, *args) -> list[dict]:
    return json.loads(cli("budget", *args, "-f", "json").stdout, parse_float=D, parse_int=D)


def test_indexation_compounds_and_a_year_without_funding_is_shown(cli):
    cli.write("b.yaml", UNIT)
    a, b, c = jaren(cli, "b.yaml")
    assert list(a) == ["jaar", "scenario", "kosten", "financiering", "saldo", "cumulatief", "betaalbare_fte"]
    assert a == {"jaar": 2023, "scenario": "meer_leren", "kosten": 300000, "financiering": 250000,
                 "saldo": -50000, "cumulatief": -50000, "betaalbare_fte": D("3.333333")}  # 250.000 / 75.000
    # 2024: no funding, cost 300.000 x 1,02
    assert (b["jaar"], b["kosten"], b["financiering"], b["saldo"], b["cumulatief"], b["betaalbare_fte"]) == (
        2024, 306000, 0, -306000, -356000, 0)
    # 2025: 300.000 x 1,02^2 = 312.120; the funding pays 300.000 / (75.000 x 1,0404) fte
    assert (c["kosten"], c["saldo"], c["cumulatief"]) == (312120, -12120, -368120)
    assert F(c["betaalbare_fte"]) == round(F(300000) / (75000 * F(10404, 10000)), 6)


def test_every_scenario_a_block_of_its_own_by_default(cli):
    cli.write("b.yaml", UNIT.replace("      scenario: meer_leren\n", "").replace("      indexatie: 2%\n", "")
              .replace("meer_leren: {aftrek: {extra: 40 uur}}", "meer_leren: {aftrek: {extra: 40 uur}}\n      minder: {aftrek: {overig: 291}}"))
    rijen = jaren(cli, "b.yaml")
    assert [(r["scenario"], r["jaar"]) for r in rijen] == [
        ("meer_leren", 2023), ("meer_leren", 2024), ("meer_leren", 2025),
        ("minder", 2023), ("minder", 2024), ("minder", 2025)]
    # minder: 1300 -> 1340 direct, extra fte = 126 x (1300 / 1340 - 1), a saving
    minder = rijen[3]
    assert F(minder["kosten"]) == round(126 * (F(1300, 1340) - 1) * 75000, 6)
    assert minder["saldo"] > minder["financiering"]


def test_the_memos_funding_for_220_fte(cli):
    rijen = jaren(cli, EXAMPLES / "versterking-vakmanschap.yaml")
    assert [r["jaar"] for r in rijen] == list(range(2023, 2032))
    assert [r["financiering"] for r in rijen] == [D(x) * 1_000_000 for x in (12, 20, 20, 20, 20, 20, 20, 15, 10)]
    # 5455 fte, direct hours 1287,727444.. -> 1237,727444..: extra fte = 5455 x 50 / D_S, at EUR 90.909
    direct = F(1631) - F(92967, 1000) - F(1631, 36) - 20 - 150 - 35 - 50
    kosten = 5455 * 50 / direct * 90909
    assert all(F(r["kosten"]) == round(kosten, 6) for r in rijen)
    assert F(rijen[0]["saldo"]) == round(12_000_000 - kosten, 6)
    assert F(rijen[-1]["cumulatief"]) == round(157_000_000 - 9 * kosten, 6)  # 12 + 6 x 20 + 15 + 10
    assert rijen[1]["betaalbare_fte"] == D("220.000220")  # 20 mln / 90.909 (the memo's 220 fte)


def test_the_table_and_the_chart(cli):
    tabel = cli("budget", EXAMPLES / "versterking-vakmanschap.yaml").stdout
    assert "Cumulatief saldo" in tabel and "│ 2024 │ leertijd_plus_50 │ € 20.033.029 │ € 20.000.000 │     € -33.029 │" in tabel
    cli("budget", EXAMPLES / "versterking-vakmanschap.yaml", "-o", "jaren.svg")
    svg = (cli.tmp_path / "jaren.svg").read_text(encoding="utf-8")
    assert "Kosten tegen financiering per jaar" in svg and "2031" in svg
    assert "is een grafiek" in cli("budget", EXAMPLES / "versterking-vakmanschap.yaml", "-f", "json", "-o", "x.svg", code=2).stderr


def test_csv_nl(cli):
    cli.write("b.yaml", UNIT)
    uit = cli("budget", "b.yaml", "-f", "csv", "--csv-dialect", "nl").stdout
    assert uit.splitlines()[:2] == ["\ufeffjaar;scenario;kosten;financiering;saldo;cumulatief;betaalbare_fte",
                                    "2023;meer_leren;300000;250000;-50000;-50000;3,333333"]


# Bad input ---------------------------------------------------------------------------------


def test_no_meerjaren_block(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\n")
    assert "p.yaml: geen meerjaren-blok gevonden" in cli("budget", "p.yaml", code=1).stderr


def test_an_unknown_scenario_at_its_line_with_a_suggestion(cli):
    cli.write("b.yaml", UNIT.replace("scenario: meer_leren", "scenario: meer_leeren"))
    assert ("b.yaml:3:3: meerjaren.scenario: onbekend scenario 'meer_leeren'; bedoelt u 'meer_leren'?"
            in cli("budget", "b.yaml", code=1).stderr)


def test_two_meerjaren_blocks(cli):
    cli.write("a.yaml", UNIT)
    cli.write("b.yaml", UNIT.replace("B&B", "SMZ"))
    assert "b.yaml:2:1: meerjaren: er staat al een meerjaren-blok in a.yaml:2" in cli("budget", "a.yaml", "b.yaml", code=1).stderr


def test_a_functie_without_kosten_per_fte(cli):
    cli.write("b.yaml", UNIT.replace("kosten_per_fte: 75000, ", ""))
    assert ("b.yaml:11:5: functies[0]: functie 'Jurist': scenario 'meer_leren' heeft geen extra kosten om te begroten: "
            "geef kosten_per_fte") in cli("budget", "b.yaml", code=1).stderr


def test_a_year_that_is_not_a_year_and_a_negative_amount_at_their_lines(cli):
    cli.write("b.yaml", UNIT.replace("2025: 0,3 mln", "'25': 0,3 mln\n        2026: -1 mln"))
    fout = cli("budget", "b.yaml", code=1).stderr
    assert "b.yaml:7:5: meerjaren.financiering.25: '25' is geen jaar" in fout
    assert "b.yaml:8:5: meerjaren.financiering.2026: een bedrag kan niet negatief zijn: -1 mln" in fout


def test_the_scenario_is_only_in_some_functies_warns(cli):
    cli.write("b.yaml", UNIT)
    cli.write("c.yaml", "functie: Secretaris\nfte: 10\nkosten_per_fte: 75000\nbeschikbare_uren: 1631\n")
    result = cli("budget", "b.yaml", "c.yaml", "-f", "json")
    assert "functie 'Secretaris' heeft geen scenario 'meer_leren' en telt niet mee" in result.stderr


def test_a_misspelt_key_suggests_the_one_it_starts_like(cli):
    cli.write("b.yaml", UNIT.replace("indexatie: 2%", "indexering: 2%"))
    assert ("b.yaml:4:3: meerjaren.indexering: onbekend veld 'indexering' in meerjaren; bedoelt u 'indexatie'?"
            in cli("budget", "b.yaml", code=1).stderr)


def test_validate_checks_the_meerjaren_block_and_a_bad_field_does_not_hide_it(cli):
    """Issue 19: every problem of every file in one run, the meerjaren block's too."""
    cli.write("b.yaml", """\
        eenheid: X
        meerjaren:
          scenario: extra_leertijt
          financiering: {2025: 1 mln}
        scenarios:
          extra_leertijd: {aftrek: {extra: 40 uur}}
        functies:
          - {functie: A, beschikbare_uren: 1631, fte: 10, kosten_per_fte: 80000}
        """)
    assert ("b.yaml:3:3: meerjaren.scenario: onbekend scenario 'extra_leertijt'; bedoelt u 'extra_leertijd'?"
            in cli("validate", "b.yaml", code=1).stderr)
    cli.write("c.yaml", """\
        eenheid: Y
        meerjaren:
          financiering: {2025: 1 mln}
        functies:
          - {functie: B, beschikbare_uren: 1631, fte: 10}
        """)
    fouten = cli("budget", "b.yaml", "c.yaml", code=1).stderr
    assert "c.yaml:2:1: meerjaren: er staat al een meerjaren-blok in b.yaml:2" in fouten
    # a bad field elsewhere (fte -3 in another file) no longer hides them
    cli.write("d.yaml", "functie: D\nbeschikbare_uren: 1631\nfte: -3\n")
    fouten = cli("budget", "b.yaml", "c.yaml", "d.yaml", code=1).stderr
    assert "d.yaml:3:1: fte: mag niet negatief zijn" in fouten
    assert "meerjaren.scenario: onbekend scenario 'extra_leertijt'" in fouten and "er staat al een meerjaren-blok" in fouten


def test_every_command_refuses_what_validate_refuses_in_a_meerjaren_block(cli):
    """A second trial: compute passed `meerjaren: {scenario: meer}` (no such scenario) that
    validate refused; the user fixed one problem per command."""
    cli.write("v.yaml", "eenheid: X\nmeerjaren: {scenario: meer, financiering: {2025: 1 mln}}\n"
                        "functies:\n  - {functie: A, beschikbare_uren: 1631, fte: 10}\n")
    melding = "v.yaml:2:13: meerjaren.scenario: onbekend scenario 'meer'; er staan geen scenario's in deze bestanden"
    for commando in (["validate"], ["compute"], ["compute", "-f", "json", "-o", "u.json"], ["explain"], ["budget"]):
        assert melding in cli(commando[0], "v.yaml", *commando[1:], code=1).stderr, commando


def test_the_chart_of_a_century_of_indexation_draws(cli):
    """A second security probe: 100% indexation a year for 110 years ended in 'interne fout'
    (the axis labels rounded a Decimal of 40 digits)."""
    cli.write("q.yaml", "functie: A\nbeschikbare_uren: 1500\nfte: 1\nkosten_per_fte: 1000\n"
                        "scenarios: {s: {aftrek: {x: 10 uur}}}\n"
                        "meerjaren: {indexatie: 100%, financiering: {2000: 1 mln, 2110: 1 mln}}\n")
    cli("budget", "q.yaml", "-o", "q.svg")
    assert "Kosten tegen financiering per jaar" in (cli.tmp_path / "q.svg").read_text(encoding="utf-8")
