"""`--uitleg` on budget, realisation and sensitivity: the working, like explain, worked out by hand.

Each line is `step = formula = numbers filled in = result  (source)`; the results are the
engine's, and the numbers shown must give the result shown (checked here by redoing every
sum from its text, exactly, with Fractions).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal as D
from fractions import Fraction as F

from brutonetto.output.rekenblad import resultaattekst
from conftest import BUDGET_EENHEID

PLAN = """\
    eenheid: Uitkeren
    functies:
      - functie: Medewerker uitkeren
        beschikbare_uren: 1631
        fte: 100
        aftrek: {overig: 281, extra_leertijd: 50 uur}
"""
KOP = "functie;aftrek;van;tot;uren;fte\n"

BUDGET = BUDGET_EENHEID

PROFIEL = """\
    functie: Jurist
    beschikbare_uren: 1631
    fte: 100
    kosten_per_fte: 75000
    aftrek: {leren_en_ontwikkelen: 185 uur, overig: 146 uur}
"""


def stappen(cli, *args) -> dict[str, dict]:
    """The steps of the (first) rekenblad by name, from --uitleg --format json."""
    bladen = json.loads(cli(*args, "--uitleg", "-f", "json").stdout, parse_float=D, parse_int=D)
    for blad in bladen:
        for stap in blad["stappen"]:
            nagerekend(stap)
    return {s["stap"]: s for s in bladen[0]["stappen"]}


def nagerekend(stap: dict) -> None:
    """The shown numbers give the shown result: redo the sum from its text, exactly."""
    tekst = stap["berekening"]
    if not re.fullmatch(r"[\d.,%()+\-x/^ ]+", tekst) or not re.search(r" [-+x/] |\^", tekst):
        return  # a number given, not worked out
    python = re.sub(r"(\d[\d.]*(?:,\d+)?)(%?)", lambda m: "F('{}'){}".format(
        m.group(1).replace(".", "").replace(",", "."), "/100" if m.group(2) else ""), tekst)
    waarde = eval(python.replace(" x ", " * ").replace("^", "**"), {"F": F})  # our own text, numbers and operators only
    uitkomst = D(waarde.numerator) / D(waarde.denominator)
    assert resultaattekst(stap["eenheid"], uitkomst) == resultaattekst(stap["eenheid"], stap["uitkomst"]), stap


def test_realisation_the_memos_48_hours_and_96_percent(cli):
    cli.write("plan.yaml", PLAN)
    cli.write("h1.csv", KOP + "Medewerker uitkeren;extra_leertijd;1-1-2023;31-3-2023;1200;100\n"
                              "Medewerker uitkeren;extra_leertijd;1-4-2023;30-6-2023;1200;100\n")
    tekst = cli("realisation", "plan.yaml", "h1.csv", "--uitleg").stdout
    assert tekst.startswith("Rekenblad: Medewerker uitkeren · aftrek extra_leertijd · Uitkeren · scenario basis")
    # 1200 / 100 + 1200 / 100 = 24 hours per head in a half year, x 12 / 6 = 48
    assert "gerealiseerd per fte = uren per fte x 12 / maanden = 24 x 12 / 6 = 48 uur  (h1.csv:2-3)" in tekst
    # against the plan's 50 (plan.yaml line 6 has the aftrek line)
    assert "percentage           = gerealiseerd / gepland = 48 / 50 = 96,00%  (plan.yaml:6)" in tekst
    assert "niet benut uren      = fte x (gepland - gerealiseerd) = 100 x (50 - 48) = 200 uur" in tekst
    # directe uren 1631 - 281 - 50 = 1300; 200 / 1300 = 0,1538
    assert "niet benut fte       = niet benut uren / directe uren = 200 / 1.300 = 0,154 fte" in tekst

    stap = stappen(cli, "realisation", "plan.yaml", "h1.csv")
    assert (stap["gerealiseerd per fte"]["uitkomst"], stap["percentage"]["uitkomst"]) == (48, D("0.96"))


def test_realisation_a_period_not_in_whole_months_goes_by_days(cli):
    cli.write("plan.yaml", PLAN)
    cli.write("jan.csv", KOP + "Medewerker uitkeren;extra_leertijd;1-1-2023;15-1-2023;1000;100\n")
    stap = stappen(cli, "realisation", "plan.yaml", "jan.csv")
    # 10 per head in 15 days: 10 x 365 / 15 = 243,333...
    assert stap["gerealiseerd per fte"]["berekening"] == "10 x 365 / 15"
    assert stap["gerealiseerd per fte"]["bron"] == "jan.csv:2"
    assert F(stap["gerealiseerd per fte"]["uitkomst"]) == round(F(730, 3), 6)


def test_budget_the_third_year_is_indexed_twice(cli):
    cli.write("b.yaml", BUDGET)
    tekst = cli("budget", "b.yaml", "--uitleg").stdout
    # extra fte 126 x (1300 / 1260 - 1) = 4, x 75.000 = 300.000; 2025 is 2 years on: x 1,02^2 = x 1,0404
    assert ("kosten 2025         = extra kosten x (1 + indexatie)^(jaar - 2023) = 300.000 x 1,02^2 "
            "= € 312.120,00  (indexatie b.yaml:4)") in tekst
    assert "saldo 2025          = financiering - kosten = 300.000 - 312.120 = € -12.120,00  (financiering b.yaml:7)" in tekst
    # 2024 has no funding: shown, at 0
    assert "saldo 2024          = financiering - kosten = 0 - 306.000 = € -306.000,00  (geen financiering voor 2024" in tekst
    assert "cumulatief 2025     = vorig cumulatief + saldo = (-356.000) + (-12.120) = € -368.120,00" in tekst

    stap = stappen(cli, "budget", "b.yaml")
    assert stap["kosten 2025"]["uitkomst"] == 300000 * D("1.0404")
    # 300.000 / (75.000 x 1,0404) = 3,8447
    assert stap["betaalbare fte 2025"]["berekening"] == "300.000 / (75.000 x 1,02^2)"
    assert F(stap["betaalbare fte 2025"]["uitkomst"]) == round(F(300000) / (75000 * F("1.0404")), 6)
    assert stap["betaalbare fte 2025"]["bron"] == "kosten per fte b.yaml:11; financiering b.yaml:7"


def test_sensitivity_one_point_shows_the_varied_field_and_what_follows(cli):
    cli.write("p.yaml", PROFIEL)
    bladen = json.loads(cli("sensitivity", "p.yaml", "--varieer", "aftrek.leren_en_ontwikkelen=185..218",
                            "--uitleg", "-f", "json").stdout, parse_float=D, parse_int=D)
    assert [b["scenario"] for b in bladen] == [
        "basis · aftrek.leren_en_ontwikkelen = 185 uur", "basis · aftrek.leren_en_ontwikkelen = 218 uur"]
    for blad in bladen:
        for s in blad["stappen"]:
            nagerekend(s)
    stap = {s["stap"]: s for s in bladen[1]["stappen"]}
    assert stap["aftrek: leren_en_ontwikkelen"]["bron"] == "--varieer aftrek.leren_en_ontwikkelen = 218 uur"
    # the memo's range: 1631 - 218 - 146 = 1267 direct, against 1300 as written
    assert stap["directe uren"]["berekening"] == "1.631 - 364"
    assert stap["directe uren"]["uitkomst"] == 1267
    # extra fte = 100 x (1300 / 1267 - 1) = 3300 / 1267 = 2,6046; x 75.000 = 195.343,33
    assert stap["extra fte"]["berekening"] == "100 x (1.300 / 1.267 - 1)"
    assert F(stap["extra fte"]["uitkomst"]) == round(F(3300, 1267), 6)
    assert resultaattekst("euro", stap["extra kosten"]["uitkomst"]) == "€ 195.343,33"

    tekst = cli("sensitivity", "p.yaml", "--varieer", "aftrek.leren_en_ontwikkelen=185..218", "--uitleg").stdout
    assert "Rekenblad: Jurist · scenario basis · aftrek.leren_en_ontwikkelen = 218 uur · p.yaml" in tekst
    assert "directe uren                 = beschikbare uren - totaal aftrek = 1.631 - 364 = 1.267 uur  (berekend)" in tekst


def test_uitleg_is_text_or_json_never_csv_or_a_chart(cli):
    cli.write("b.yaml", BUDGET)
    assert "geen csv" in cli("budget", "b.yaml", "--uitleg", "-f", "csv", code=2).stderr
    assert "geen grafiek" in cli("budget", "b.yaml", "--uitleg", "-o", "b.svg", code=2).stderr
    assert not (cli.tmp_path / "b.svg").exists()
    # without --uitleg the table is unchanged
    assert "Rekenblad" not in cli("budget", "b.yaml").stdout


def test_sensitivity_a_ratio_role_cites_the_functie_it_follows_at_this_point(cli):
    from conftest import EXAMPLES

    regels = cli("sensitivity", EXAMPLES / "werkbedrijf.yaml", "--varieer", "aftrek.verzuim=4,2..5,7%",
                 "--uitleg", "-f", "jsonl").stdout.splitlines()
    bronnen = [s["bron"] for r in regels for s in json.loads(r)["stappen"]]
    assert any("van 'Adviseur werk' in dit punt" in b for b in bronnen)
    assert not any("\x00" in b for b in bronnen)
