"""The workbooks of budget, sensitivity and realisation (issue 20.4), recalculated by LibreOffice.

As for compute's workbook (test_werkboek.py): the cached values are stripped first, so every
figure comes from the formulas; each must then equal the command's JSON to 6 decimals, and
the figures worked out by hand in test_budget_cli.py, test_sensitivity.py and
test_realisation_cli.py. Changing an input cell must move what follows from it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal as D
from fractions import Fraction as F
from pathlib import Path

import openpyxl
import pytest

from conftest import BUDGET_EENHEID, EXAMPLES
from test_werkboek import gelijk

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

MEMO = ("functie: Medewerker\nbeschikbare_uren: 1631\nfte: 100\nkosten_per_fte: 75000\n"
        "aftrek: {overige: 146, leren_en_ontwikkelen: 185 uur}\n")
RATIO = """\
eenheid: Werkbedrijf
standaard: {beschikbare_uren: 1631, aftrek: {overige: 146, leren_en_ontwikkelen: 185 uur}}
functies:
  - {functie: Adviseur, fte: 1260, werklast_uren: 1638000, kosten_per_fte: 70000}
  - {functie: Senior, fte: 42, kosten_per_fte: 95000, verhouding: {een_per: 30, van: Adviseur}}
  - {functie: "=1+1", fte: 3, kosten_per_fte: 60000}
"""
PLAN = """\
eenheid: Uitkeren
functies:
  - {functie: Medewerker uitkeren, beschikbare_uren: 1631, fte: 100, aftrek: {overig: 281, extra_leertijd: 50 uur}}
  - {functie: Specialist uitkeren, beschikbare_uren: 1631, fte: 10, aftrek: {overig: 281, extra_leertijd: 50 uur}}
"""
H1 = ("functie;aftrek;van;tot;uren;fte\n"
      "Medewerker uitkeren;extra_leertijd;1-1-2023;30-6-2023;2400;100\n"
      "Specialist uitkeren;extra_leertijd;2023-01-01;2023-06-30;140;10\n")
WEKEN = ("functie;aftrek;van;tot;uren;fte\n"  # not whole months: x 365 / days (91 days)
         "Medewerker uitkeren;extra_leertijd;2-1-2023;2-4-2023;1200;100\n")

# case -> the command's arguments (without --format), and the sheet its rows are on
GEVALLEN = {
    "budget": (["budget", "b.yaml"], "Begroting"),
    "budget-memo": (["budget", str(EXAMPLES / "versterking-vakmanschap.yaml")], "Begroting"),
    "gevoeligheid-memo": (["sensitivity", "m.yaml", "--varieer", "aftrek.leren_en_ontwikkelen=185..218 uur",
                           "--stappen", "3"], "Gevoeligheid"),
    "gevoeligheid-verhouding": (["sensitivity", "r.yaml", "--varieer", "aftrek.leren_en_ontwikkelen=185..218 uur"],
                                "Gevoeligheid"),
    "gevoeligheid-scenario": (["sensitivity", str(EXAMPLES / "bezwaar-en-beroep.yaml"), "--varieer", "uurtarief=50..100",
                               "--varieer", "aftrek.verzuim=4..6%", "--scenario", "extra_leertijd"], "Gevoeligheid"),
    "gevoeligheid-werkbedrijf": (["sensitivity", str(EXAMPLES / "werkbedrijf.yaml"), "--varieer", "instroom=5..30%",
                                  "--scenario", "een_per_60"], "Gevoeligheid"),
    "realisatie": (["realisation", "plan.yaml", "h1.csv"], "Realisatie"),
    "realisatie-weken": (["realisation", "plan.yaml", "weken.csv"], "Realisatie"),
    "realisatie-voorbeeld": (["realisation", str(EXAMPLES / "uitkeren.yaml"),
                             str(EXAMPLES / "realisatie" / "uitkeren-h1-2023.csv"), "--scenario", "leertijd_plus_50"],
                            "Realisatie"),
}
# JSON key -> the column that shows it, per command
KOLOMMEN = {
    "budget": {"jaar": "Jaar", "kosten": "Kosten", "financiering": "Financiering", "saldo": "Saldo",
               "cumulatief": "Cumulatief", "betaalbare_fte": "Betaalbare fte"},
    "sensitivity": {"directe_uren": "Directe uren", "aandeel_direct": "Aandeel direct", "fte_nodig": "Fte nodig",
                    "extra_fte": "Extra fte", "extra_kosten": "Extra kosten", "waarde_extra_uren": "Waarde extra uren"},
    "realisation": {"gepland_per_fte": "Gepland per fte", "gerealiseerd_per_fte": "Gerealiseerd per fte",
                    "percentage": "Percentage", "niet_benut_uren": "Niet benut uren", "niet_benut_fte": "Niet benut fte"},
}


def herreken(bestanden: list[Path], map_: Path) -> dict[str, Path]:
    """Strip the cached values (openpyxl keeps the formulas only), let LibreOffice recalculate."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd; .ci/run installeert het (libreoffice-calc-nogui)")
    kaal = map_ / "kaal"
    kaal.mkdir(exist_ok=True)
    for bestand in bestanden:
        openpyxl.load_workbook(bestand).save(kaal / bestand.name)
    uit = map_ / "herrekend"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{map_ / 'lo-profiel'}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(uit), *(str(kaal / b.name) for b in bestanden)],
        check=True, capture_output=True, timeout=300,
    )
    return {b.name: uit / b.name for b in bestanden}


def rijen(pad: Path, blad: str) -> list[dict[str, object]]:
    cellen = list(openpyxl.load_workbook(pad, data_only=True)[blad].iter_rows(values_only=True))
    return [dict(zip(cellen[0], rij)) for rij in cellen[1:] if rij[0] is not None]


@pytest.fixture(scope="module")
def werkboeken(tmp_path_factory):
    """Every case as JSON and as a workbook; the workbooks recalculated by LibreOffice in one go."""
    from typer.testing import CliRunner

    from brutonetto.cli.commands import app

    map_ = tmp_path_factory.mktemp("analyse")
    for naam, tekst in (("b.yaml", BUDGET_EENHEID), ("m.yaml", MEMO), ("r.yaml", RATIO), ("plan.yaml", PLAN),
                        ("h1.csv", H1), ("weken.csv", WEKEN)):
        (map_ / naam).write_text(tekst.replace("\n    ", "\n").removeprefix("    "), encoding="utf-8")
    runner = CliRunner()
    json_uit, bestanden = {}, []
    import os

    oud = os.getcwd()
    os.chdir(map_)
    try:
        for naam, (args, _) in GEVALLEN.items():
            result = runner.invoke(app, [*args, "-f", "json"])
            assert result.exit_code == 0, result.output
            json_uit[naam] = json.loads(result.stdout)
            xlsx = map_ / f"{naam}.xlsx"
            result = runner.invoke(app, [*args, "-f", "xlsx", "-o", str(xlsx)])
            assert result.exit_code == 0, result.output
            bestanden.append(xlsx)
    finally:
        os.chdir(oud)
    return json_uit, bestanden, herreken(bestanden, map_), map_


def test_every_recalculated_figure_equals_the_json(werkboeken):
    json_uit, bestanden, herrekend, _ = werkboeken
    gecontroleerd = 0
    for bestand in bestanden:
        args, blad = GEVALLEN[bestand.stem]
        records = json_uit[bestand.stem]
        for versie in (bestand, herrekend[bestand.name]):  # the cached values, and LibreOffice's from the formulas
            regels = rijen(versie, blad)
            assert len(regels) == len(records), bestand.name
            for rij, record in zip(regels, records):
                for sleutel, kop in KOLOMMEN[args[0]].items():
                    assert gelijk(rij[kop], record[sleutel]), (bestand.name, versie.parent.name, sleutel, rij[kop], record[sleutel])
                    gecontroleerd += 1
    assert gecontroleerd > 500


def test_the_figures_worked_out_by_hand(werkboeken):
    _, _, herrekend, _ = werkboeken
    # budget: EUR 300.000 a year, indexed by 2%, against 250k in 2023 and 0,3 mln in 2025 (test_budget_cli)
    a, b, c = rijen(herrekend["budget.xlsx"], "Begroting")
    assert [r["Kosten"] for r in (a, b, c)] == [pytest.approx(300000), pytest.approx(306000), pytest.approx(312120)]
    assert [r["Cumulatief"] for r in (a, b, c)] == [pytest.approx(-50000), pytest.approx(-356000), pytest.approx(-368120)]
    assert a["Betaalbare fte"] == pytest.approx(250000 / 75000) and b["Betaalbare fte"] == 0
    assert c["Betaalbare fte"] == pytest.approx(300000 / (75000 * 1.0404))
    memo = rijen(herrekend["budget-memo.xlsx"], "Begroting")
    assert memo[1]["Betaalbare fte"] == pytest.approx(220.000220, abs=1e-6)  # 20 mln / 90.909: the memo's 220 fte
    # sensitivity: 185..218 hours of learning give 1300..1267 direct hours; extra fte 100 x (1300 / 1267 - 1)
    laag, midden, hoog = rijen(herrekend["gevoeligheid-memo.xlsx"], "Gevoeligheid")
    assert (laag["Directe uren"], midden["Directe uren"], hoog["Directe uren"]) == (1300, 1283.5, 1267)
    assert hoog["Extra fte"] == pytest.approx(float(100 * (F(1300, 1267) - 1)))
    assert hoog["Extra kosten"] == pytest.approx(float(100 * (F(1300, 1267) - 1) * 75000))
    # a ratio role follows the advisers: 1638000 / 1267 / 30 at the high end
    verhouding = rijen(herrekend["gevoeligheid-verhouding.xlsx"], "Gevoeligheid")
    assert verhouding[1]["Fte nodig"] == pytest.approx(1638000 / 1267)
    assert verhouding[1]["Extra fte"] == pytest.approx(1638000 / 1267 - 1260)  # werklast / D - werklast / D_basis
    assert verhouding[3]["Extra fte"] == pytest.approx(1638000 / 1267 / 30 - 42)
    # uurtarief: 420,9 fte x 36 extra hours x 50 = 757.620; x 100 = 1.515.240 (test_sensitivity)
    scenario = [r for r in rijen(herrekend["gevoeligheid-scenario.xlsx"], "Gevoeligheid")
                if r["Functie"] == "Medewerker bezwaar" and r["Veld"] == "uurtarief"]
    assert [r["Waarde extra uren"] for r in scenario] == [pytest.approx(757620), pytest.approx(1515240)]
    # realisation: 24 hours per head in half a year: 48 a year, 96% of 50; 200 hours and 200 / 1300 fte not used
    medewerker, specialist = rijen(herrekend["realisatie.xlsx"], "Realisatie")
    assert (medewerker["Gerealiseerd per fte"], medewerker["Percentage"], medewerker["Niet benut uren"]) == (
        48, pytest.approx(0.96), 200)
    assert medewerker["Niet benut fte"] == pytest.approx(200 / 1300)
    assert (specialist["Gerealiseerd per fte"], specialist["Percentage"], specialist["Niet benut uren"]) == (
        28, pytest.approx(0.56), 220)
    # 12 hours per head from 2 January to 2 April (91 days): 12 x 365 / 91 a year
    (weken,) = rijen(herrekend["realisatie-weken.xlsx"], "Realisatie")
    assert weken["Gerealiseerd per fte"] == pytest.approx(12 * 365 / 91) and weken["Maanden"] is None


def test_a_name_is_text_never_a_formula(werkboeken):
    _, bestanden, _, _ = werkboeken
    blad = openpyxl.load_workbook(next(b for b in bestanden if b.stem == "gevoeligheid-verhouding"))["Gevoeligheid"]
    cel = next(c for c in blad["A"] if c.value == "=1+1")
    assert cel.data_type == "s"  # a string cell: Excel shows =1+1, it does not compute 2
    formules = [c.value for rij in blad.iter_rows(min_row=2) for c in rij if c.data_type == "f"]
    assert formules and not any("1+1" in f for f in formules)


def test_changing_an_input_moves_what_follows(werkboeken):
    _, bestanden, _, map_ = werkboeken
    budget = openpyxl.load_workbook(next(b for b in bestanden if b.stem == "budget"))
    budget["Invoer"]["C2"].value = 0  # no indexation: every year costs 300.000
    budget["Functies"]["D2"].value = 8  # twice the extra fte (4): 600.000
    realisatie = openpyxl.load_workbook(next(b for b in bestanden if b.stem == "realisatie"))
    blad = realisatie["Realisatie"]
    koppen = [c.value for c in blad[1]]
    blad.cell(2, koppen.index("Gepland per fte") + 1).value = 60  # 48 of 60: 80%, 100 x 12 hours not used
    gevoeligheid = openpyxl.load_workbook(next(b for b in bestanden if b.stem == "gevoeligheid-memo"))
    blad = gevoeligheid["Gevoeligheid"]
    koppen = [c.value for c in blad[1]]
    blad.cell(4, koppen.index("Totaal aftrek") + 1).value = 431  # 1631 - 431 = 1200 direct at the high end
    (map_ / "tweede").mkdir()
    gewijzigd = []
    for naam, boek in (("budget-gewijzigd", budget), ("realisatie-gewijzigd", realisatie),
                       ("gevoeligheid-gewijzigd", gevoeligheid)):
        boek.save(map_ / "tweede" / f"{naam}.xlsx")
        gewijzigd.append(map_ / "tweede" / f"{naam}.xlsx")
    herrekend = herreken(gewijzigd, map_ / "tweede")
    jaren = rijen(herrekend["budget-gewijzigd.xlsx"], "Begroting")
    assert [r["Kosten"] for r in jaren] == [pytest.approx(600000)] * 3
    assert jaren[2]["Cumulatief"] == pytest.approx(250000 + 300000 - 3 * 600000)
    (medewerker, _) = rijen(herrekend["realisatie-gewijzigd.xlsx"], "Realisatie")
    assert (medewerker["Percentage"], medewerker["Niet benut uren"]) == (pytest.approx(0.8), pytest.approx(1200))
    hoog = rijen(herrekend["gevoeligheid-gewijzigd.xlsx"], "Gevoeligheid")[2]
    assert hoog["Directe uren"] == 1200 and hoog["Extra fte"] == pytest.approx(100 * (1300 / 1200 - 1))
    assert hoog["Extra kosten"] == pytest.approx(100 * (1300 / 1200 - 1) * 75000)


def test_xlsx_with_uitleg_or_a_chart_is_wrong_usage_and_needs_an_output_file(cli):
    cli.write("b.yaml", BUDGET_EENHEID)
    assert "het werkboek (xlsx) laat de berekening al zien" in cli("budget", "b.yaml", "-f", "xlsx", "--uitleg",
                                                                   "-o", "b.xlsx", code=2).stderr
    assert "b.svg is een grafiek; laat --format xlsx weg" in cli("budget", "b.yaml", "-f", "xlsx", "-o", "b.svg",
                                                                  code=2).stderr
    assert "geef --output BESTAND.xlsx" in cli("budget", "b.yaml", "-f", "xlsx", code=2).stderr
    cli.write("m.yaml", MEMO)
    assert "het werkboek (xlsx)" in cli("sensitivity", "m.yaml", "-v", "fte=1..2", "-f", "xlsx", "--uitleg",
                                        "-o", "s.xlsx", code=2).stderr
    assert not any((cli.tmp_path / n).exists() for n in ("b.xlsx", "b.svg", "s.xlsx"))
    for commando in ("budget", "sensitivity", "realisation"):
        assert "xlsx" in cli(commando, "--help").stdout


def test_the_budget_workbooks_sheets(cli):
    cli.write("b.yaml", BUDGET_EENHEID)
    cli("budget", "b.yaml", "-f", "xlsx", "-o", "b.xlsx")
    boek = openpyxl.load_workbook(cli.tmp_path / "b.xlsx")
    assert boek.sheetnames == ["Begroting", "Invoer", "Functies", "Toelichting"]
    assert boek.active.title == "Begroting"
    assert boek["Invoer"]["B2"].value == "=SUM(Functies!$F$2:$F$2)"
    assert boek["Begroting"]["D3"].value == "=Invoer!$B$2*(1+Invoer!$C$2)^(A3-Invoer!$E$2)"
    assert D(str(boek["Invoer"]["C2"].value)) == D("0.02")


RIJKE_TEKST = '<r><t>x</t></r></is></c><c r="Z9"><f>1+1</f><v>2</v></c><c r="Z8" t="inlineStr"><is><r><t>y</t></r>'


@pytest.mark.parametrize("commando", ["compute", "sensitivity", "budget"])
def test_a_name_that_looks_like_rich_text_stays_text(cli, commando):
    """A security probe: XlsxWriter writes a string that begins with <r> and ends with </r> as
    rich-text XML, unescaped; a functie or scenario so named added a formula cell (Z9: =1+1)."""
    naam = json.dumps(RIJKE_TEKST)
    cli.write("p.yaml", f"meerjaren: {{financiering: {{2025: 1 mln}}}}\nfuncties:\n"
                        f"  - {{functie: {naam}, fte: 10, kosten_per_fte: 50000, beschikbare_uren: 1631, aftrek: {{a: 100}}, "
                        f"scenarios: {{{naam}: {{aftrek: {{a: 120}}}}}}}}\n")
    extra = ["-v", "fte=10..20"] if commando == "sensitivity" else []
    cli(commando, "p.yaml", *extra, "-f", "xlsx", "-o", "p.xlsx")
    boek = openpyxl.load_workbook(cli.tmp_path / "p.xlsx")
    for blad in boek.worksheets:
        waarden = [c.value for rij in blad.iter_rows() for c in rij]
        assert "=1+1" not in waarden and "y" not in waarden, blad.title
    teksten = [c.value for blad in boek.worksheets for rij in blad.iter_rows() for c in rij if c.data_type == "s"]
    assert RIJKE_TEKST in teksten
