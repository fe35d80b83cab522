"""`brutonetto realisation PLAN CSV` on the memo's Uitkeren figures, worked out by hand.

Uitkeren planned 25 + 25 = 50 hours of extra learning per fte a year (examples/uitkeren.yaml,
scenario leertijd_plus_50) and registered 24 hours per head in the first half of 2023, one
group only 14: a half year annualised x 12/6 = 2 gives 48 (96% of 50) and 28 (56%).
"""

from __future__ import annotations

import json
from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from conftest import EXAMPLES

PLAN = """\
    eenheid: Uitkeren
    functies:
      - functie: Medewerker uitkeren
        beschikbare_uren: 1631
        fte: 100
        aftrek: {overig: 281, extra_leertijd: 50 uur}
      - functie: Specialist uitkeren
        beschikbare_uren: 1631
        fte: 10
        aftrek: {overig: 281, extra_leertijd: 50 uur}
"""
KOP = "functie;aftrek;van;tot;uren;fte\n"


def rijen(cli, *args) -> list[dict]:
    return json.loads(cli("realisation", *args, "-f", "json").stdout, parse_float=D, parse_int=D)


def test_the_memos_half_year_24_and_14_hours_against_50(cli):
    cli.write("plan.yaml", PLAN)
    cli.write("h1.csv", KOP + "Medewerker uitkeren;extra_leertijd;1-1-2023;30-6-2023;2400;100\n"
                              "Specialist uitkeren;extra_leertijd;2023-01-01;2023-06-30;140;10\n")
    medewerker, specialist = rijen(cli, "plan.yaml", "h1.csv")
    # directe uren 1631 - 281 - 50 = 1300
    assert medewerker == {
        "functie": "Medewerker uitkeren", "eenheid": "Uitkeren", "aftrek": "extra_leertijd",
        "van": "2023-01-01", "tot": "2023-06-30", "gepland_per_fte": 50, "gerealiseerd_per_fte": 48,
        "percentage": D("0.96"), "niet_benut_uren": 200,  # 100 fte x (50 - 48)
        "niet_benut_fte": D("0.153846"),  # 200 / 1300
    }
    assert (specialist["gerealiseerd_per_fte"], specialist["percentage"]) == (28, D("0.56"))  # 14 x 2
    assert specialist["niet_benut_uren"] == 220  # 10 fte x (50 - 28)
    assert F(specialist["niet_benut_fte"]) == round(F(220, 1300), 6)


def test_the_example_files(cli):
    plan, csv = EXAMPLES / "uitkeren.yaml", EXAMPLES / "realisatie" / "uitkeren-h1-2023.csv"
    medewerker, specialist = rijen(cli, plan, csv, "--scenario", "leertijd_plus_50")
    # two quarters of 12 per head (50400 uur / 4200 fte) = 24 in the half year: 48, 96%
    assert (medewerker["gerealiseerd_per_fte"], medewerker["percentage"]) == (48, D("0.96"))
    assert medewerker["niet_benut_uren"] == 4200 * 2
    # directe uren in leertijd_plus_50: 1631 - 92,967 - 1631/36 - 20 - 150 - 35 - 50
    direct = F(1631) - F(92967, 1000) - F(1631, 36) - 20 - 150 - 35 - 50
    assert F(medewerker["niet_benut_fte"]) == round(8400 / direct, 6)
    assert (specialist["gerealiseerd_per_fte"], specialist["percentage"]) == (28, D("0.56"))  # 17570 / 1255 x 2
    assert specialist["niet_benut_uren"] == 1255 * 22


def test_the_table_is_dutch(cli):
    uit = cli("realisation", EXAMPLES / "uitkeren.yaml", EXAMPLES / "realisatie" / "uitkeren-h1-2023.csv",
              "-s", "leertijd_plus_50").stdout
    assert "Gepland per fte" in uit and "Niet benut (fte)" in uit
    assert "│ Medewerker uitkeren │ Uitkeren │ extra_leertijd │ 1-1-2023 │ 30-6-2023" in uit
    assert "96,0%" in uit and "8.400,0" in uit and "27.610,0" in uit


@pytest.mark.parametrize("formaat, begin", [("csv", "functie,eenheid,aftrek,van,tot,gepland_per_fte"),
                                            ("jsonl", '{"functie": "Medewerker uitkeren"')])
def test_every_format(cli, formaat, begin):
    cli.write("plan.yaml", PLAN)
    cli.write("h1.csv", KOP + "Medewerker uitkeren;extra_leertijd;1-1-2023;30-6-2023;2400;100\n")
    assert cli("realisation", "plan.yaml", "h1.csv", "-f", formaat).stdout.startswith(begin)
    nl = cli("realisation", "plan.yaml", "h1.csv", "-f", "csv", "--csv-dialect", "nl").stdout
    assert nl.startswith("\ufefffunctie;") and ";0,96;" in nl
    cli("realisation", "plan.yaml", "h1.csv", "-f", "json", "-o", "uit.json")
    assert json.loads((cli.tmp_path / "uit.json").read_text(encoding="utf-8"))[0]["percentage"] == 0.96


# Bad input: each problem at its CSV line, exit 1 -------------------------------------------


def fouten(cli, csv: str, *args) -> str:
    cli.write("plan.yaml", PLAN)
    cli.write("r.csv", csv)
    result = cli("realisation", "plan.yaml", "r.csv", *args, code=1)
    assert result.stdout == "" and "Traceback" not in result.stderr
    return result.stderr


def test_a_missing_column(cli):
    assert ("r.csv:1:1: de kolom 'fte' ontbreekt; gevonden: functie, aftrek, van, tot, uren"
            in fouten(cli, "functie;aftrek;van;tot;uren\nMedewerker uitkeren;extra_leertijd;1-1-2023;30-6-2023;24\n"))


def test_a_date_that_does_not_exist(cli):
    assert "r.csv:2:1: tot: '31-6-2023' bestaat niet: juni 2023 heeft 30 dagen" in fouten(
        cli, KOP + "Medewerker uitkeren;extra_leertijd;1-1-2023;31-6-2023;24;1\n")


def test_overlapping_periods_are_one_problem_at_the_first_line(cli):
    melding = fouten(cli, KOP + "Medewerker uitkeren;extra_leertijd;1-1-2023;31-3-2023;12;1\n"
                                "Medewerker uitkeren;extra_leertijd;1-3-2023;30-6-2023;12;1\n")
    assert melding.splitlines() == [
        "r.csv:2:1: Uitkeren / Medewerker uitkeren / extra_leertijd: de periode 1-1-2023 t/m 31-3-2023 overlapt met "
        "1-3-2023 t/m 30-6-2023 op regel 3; perioden mogen niet overlappen, anders tellen uren dubbel",
        "1 probleem gevonden; er is niets berekend.",
    ]


def test_zero_fte(cli):
    assert "r.csv:2:1: fte: 0 fte: er is niemand om uren per hoofd van te rekenen" in fouten(
        cli, KOP + "Medewerker uitkeren;extra_leertijd;1-1-2023;30-6-2023;24;0\n")


def test_an_unknown_functie_with_a_suggestion(cli):
    assert ("r.csv:2:1: functie: onbekende functie 'Medewerker uitkering'; bedoelt u 'Medewerker uitkeren'?; "
            "in het plan staan: 'Medewerker uitkeren', 'Specialist uitkeren'") in fouten(
        cli, KOP + "Medewerker uitkering;extra_leertijd;1-1-2023;30-6-2023;24;1\n")


def test_an_unknown_aftrek_with_a_suggestion(cli):
    assert ("r.csv:3:1: aftrek: functie 'Specialist uitkeren' heeft in het plan (scenario basis) geen aftrek "
            "'extra_leertyd'; bedoelt u 'extra_leertijd'?; in het plan: 'overig', 'extra_leertijd'") in fouten(
        cli, KOP + "Medewerker uitkeren;extra_leertijd;1-1-2023;30-6-2023;24;1\n"
                   "Specialist uitkeren;extra_leertyd;1-1-2023;30-6-2023;24;1\n")


def test_an_aftrek_of_another_scenario_names_it(cli):
    fout = cli("realisation", EXAMPLES / "uitkeren.yaml", EXAMPLES / "realisatie" / "uitkeren-h1-2023.csv", code=1).stderr
    assert ("uitkeren-h1-2023.csv:2:1: aftrek: functie 'Medewerker uitkeren' heeft in het plan (scenario basis) "
            "geen aftrek 'extra_leertijd'; die staat wel in de scenario's 'leertijd_plus_25', 'leertijd_plus_50': "
            "kies het plan met --scenario leertijd_plus_50") in fout


def test_an_unknown_eenheid(cli):
    assert "r.csv:2:1: eenheid: functie 'Medewerker uitkeren' staat in het plan niet in eenheid 'Uitkering'" in fouten(
        cli, "eenheid;" + KOP + "Uitkering;Medewerker uitkeren;extra_leertijd;1-1-2023;30-6-2023;24;1\n")


def test_a_missing_or_non_utf8_csv(cli):
    cli.write("plan.yaml", PLAN)
    assert "weg.csv: bestand bestaat niet" in cli("realisation", "plan.yaml", "weg.csv", code=1).stderr
    (cli.tmp_path / "ansi.csv").write_bytes((KOP + "Coördinator;x;1-1-2023;30-6-2023;1;1\n").encode("cp1252"))
    assert "ansi.csv: het bestand is geen UTF-8" in cli("realisation", "plan.yaml", "ansi.csv", code=1).stderr


def test_an_unknown_scenario_is_wrong_usage(cli):
    cli.write("plan.yaml", PLAN)
    cli.write("r.csv", KOP)
    assert "fout: --scenario: onbekend scenario 'meer'" in cli("realisation", "plan.yaml", "r.csv", "-s", "meer", code=2).stderr


def test_a_month_without_registrations_and_more_hours_than_a_year_warn(cli):
    """Issue 19: January, March and June registered; February, April and May count as 0 hours.
    Per head 100/10 + 100/10 + 100000/10 = 10.020 hours in 6 months, x 2 = 20.040 a year: more
    than the 8.784 hours of a year (a total where hours per head were meant)."""
    cli.write("rp.yaml", "functie: Jurist\nbeschikbare_uren: 1631\nfte: 10\naftrek: {leren: 150 uur}\n")
    cli.write("rr.csv", "functie;aftrek;van;tot;uren;fte\nJurist;leren;1-1-2023;31-1-2023;100;10\n"
                        "Jurist;leren;1-3-2023;31-3-2023;100;10\nJurist;leren;1-6-2023;30-6-2023;100000;10\n")
    uitkomst = cli("realisation", "rp.yaml", "rr.csv", "-f", "json")
    assert json.loads(uitkomst.stdout)[0]["gerealiseerd_per_fte"] == 20040
    assert uitkomst.stderr.splitlines() == [
        "waarschuwing: rr.csv:2-4: functie 'Jurist', aftrek 'leren': geen registraties in februari 2023, april 2023 "
        "en mei 2023; de periode 1-1-2023 t/m 30-6-2023 telt die maanden als 0 uur (ontbreekt er een export?)",
        "waarschuwing: rr.csv:2-4: functie 'Jurist', aftrek 'leren': 20.040 uur per fte per jaar is meer dan de "
        "beschikbare uren in het plan (1.631); staan er totalen in de kolom uren, of is de fte te klein?",
    ]


def test_more_learning_hours_than_the_available_hours_warn(cli):
    """A new user's trial: 2.100 hours of learning per fte a year passed, under the 8.784 of a year;
    the plan has 1.631 available hours. Per head 1050 / 1 in six months, x 2 = 2.100."""
    cli.write("rp.yaml", "functie: Jurist\nbeschikbare_uren: 1631\nfte: 10\naftrek: {leren: 150 uur}\n")
    cli.write("rr.csv", "functie;aftrek;van;tot;uren;fte\nJurist;leren;1-1-2023;30-6-2023;1050;1\n")
    assert cli("realisation", "rp.yaml", "rr.csv", "-f", "json").stderr == (
        "waarschuwing: rr.csv:2: functie 'Jurist', aftrek 'leren': 2.100 uur per fte per jaar is meer dan de "
        "beschikbare uren in het plan (1.631); staan er totalen in de kolom uren, of is de fte te klein?\n")


def test_every_month_registered_gives_no_warning(cli):
    cli.write("rp.yaml", "functie: Jurist\nbeschikbare_uren: 1631\nfte: 10\naftrek: {leren: 150 uur}\n")
    cli.write("rr.csv", "functie;aftrek;van;tot;uren;fte\nJurist;leren;1-1-2023;15-2-2023;100;10\n"
                        "Jurist;leren;16-2-2023;31-3-2023;100;10\n")
    assert cli("realisation", "rp.yaml", "rr.csv", "-f", "json").stderr == ""


def test_an_unknown_functie_names_ten_of_the_plan_and_a_near_one(cli):
    """A second security probe: each of 200 unknown rows listed all 5.000 functies of the plan
    (12,9 MB of stderr) and looked for a near name among all of them (29 s)."""
    cli.write("plan.yaml", "standaard: {beschikbare_uren: 1500}\nfuncties:\n"
              + "".join(f"  - {{functie: Medewerker {i:02d}, fte: 1, aftrek: {{leren: 10}}}}\n" for i in range(15)))
    cli.write("r.csv", "functie;aftrek;van;tot;uren;fte\nMedewerkr 07;leren;1-1-2023;31-1-2023;1;1\n")
    fout = cli("realisation", "plan.yaml", "r.csv", code=1).stderr
    assert ("onbekende functie 'Medewerkr 07'; bedoelt u 'Medewerker 07'?; in het plan staan: 'Medewerker 00', "
            "'Medewerker 01'") in fout
    assert "'Medewerker 09' en nog 5" in fout and "Medewerker 10" not in fout
