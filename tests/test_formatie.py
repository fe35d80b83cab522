"""The formatie from a spreadsheet (contract v3, issue 20 point 1): an .xlsx sheet or a CSV with a
row per functie gives exactly what the same profiles give in YAML, and every problem names its cell.

The reference figures are the examples' own (examples/bezwaar-en-beroep.yaml) and a unit
checked by hand below.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from decimal import Decimal as D

import pytest
import xlsxwriter

from conftest import CONFIGS, EXAMPLES

KOP_BB = ["functie", "eenheid", "fte", "kosten_per_fte", "uurtarief", "aftrek.leren_en_ontwikkelen",
          "aftrek.kwaliteitsontwikkeling", "aftrek.extra_leertijd", "scenario"]
# examples/bezwaar-en-beroep.yaml, a row per functie and one per functie's own scenario; the
# file's own scenario (12 uur for everyone) is the row without functie
RIJEN_BB = [
    ["Medewerker bezwaar", "Bezwaar & Beroep", 420.9, 75000, 76, "150 uur", "35 uur", None, None],
    ["Medewerker bezwaar", "Bezwaar & Beroep", None, None, None, None, None, "36 uur", "extra_leertijd"],
    ["Medisch secretaresse", "Bezwaar & Beroep", 48.5, 62000, 58, "160 uur", "30 uur", None, None],
    ["Medisch secretaresse", "Bezwaar & Beroep", None, None, None, None, None, "25 uur", "extra_leertijd"],
    ["Administratief medewerker", "Bezwaar & Beroep", 36.2, 58000, 54, "160 uur", "30 uur", None, None],
    ["Administratief medewerker", "Bezwaar & Beroep", None, None, None, None, None, "25 uur", "extra_leertijd"],
    ["Verzekeringsarts bezwaar en beroep", "Bezwaar & Beroep", 70.9, 75000, 76, "170 uur", "48 uur", None, None],
    [None, None, None, None, None, None, None, "12 uur", "extra_leertijd"],
]
PROCENT = object()  # a cell written as a number with the 0.00% format


def werkmap(pad, rijen, standaard=None, blad="formatie", voor=None):
    """An xlsx made as Excel users make one: numbers as numbers, 5,7% as 0.057 formatted 0.00%."""
    boek = xlsxwriter.Workbook(str(pad))
    procent = boek.add_format({"num_format": "0.00%"})
    if voor is not None:
        boek.add_worksheet(voor).write(0, 0, "iets anders")

    def schrijf(werkblad, regels):
        for r, rij in enumerate(regels):
            for k, waarde in enumerate(rij):
                if isinstance(waarde, tuple) and waarde[0] is PROCENT:
                    werkblad.write_number(r, k, waarde[1], procent)
                elif isinstance(waarde, tuple) and waarde[0] == "formule":
                    werkblad.write_formula(r, k, waarde[1], None, waarde[2])
                elif waarde is not None:
                    werkblad.write(r, k, waarde)

    schrijf(boek.add_worksheet(blad), rijen)
    if standaard is not None:
        schrijf(boek.add_worksheet("standaard"), [["veld", "waarde"], *standaard])
    boek.close()
    return pad


# configs/uwv-2023.yaml as the sheet `standaard`; verzuim as Excel stores a percentage
STANDAARD_UWV = [
    ["uren_per_week", 36],
    ["beschikbare_uren", 1631],
    ["aftrek.verzuim", (PROCENT, 0.057)],
    ["aftrek.werkoverleg", "1 uur/week"],
    ["aftrek.overige_indirecte_uren", 20],
]


def zonder_bestand(tekst: str) -> str:
    return re.sub(r'"bestand": "[^"]*"', '"bestand": ""', tekst)


def json_tekst(cli, *args) -> str:
    return zonder_bestand(cli("compute", *args, "--format", "json").stdout)


def test_an_xlsx_gives_the_same_json_as_the_yaml_to_the_last_digit(cli, tmp_path):
    werkmap(tmp_path / "bb.xlsx", [KOP_BB, *RIJEN_BB], STANDAARD_UWV)
    yaml = json_tekst(cli, EXAMPLES / "bezwaar-en-beroep.yaml")
    assert json_tekst(cli, "bb.xlsx") == yaml
    # the example's own figures (README): Medewerker bezwaar basis directe uren 1631 - (5,7% of 1631
    # = 92,967) - 1631/36 (45,305556) - 20 - 150 - 35 = 1287,727444; +36 uur: 420,9 x 36 / 1251,727444
    records = json.loads(yaml, parse_float=D)
    assert records[0]["directe_uren"] == D("1287.727444")
    assert records[1]["extra_fte"] == (D("420.9") * 36 / D("1251.727444")).quantize(D("0.000001"))


def test_the_standaard_sheet_may_name_a_yaml_file_of_defaults(cli, tmp_path):
    shutil.copy(CONFIGS / "uwv-2023.yaml", tmp_path / "uwv.yaml")
    werkmap(tmp_path / "bb.xlsx", [KOP_BB, *RIJEN_BB], [["standaard", "uwv.yaml"]])
    assert json_tekst(cli, "bb.xlsx") == json_tekst(cli, EXAMPLES / "bezwaar-en-beroep.yaml")


def test_a_standaard_that_is_no_yaml_file_is_refused(cli, tmp_path):
    (tmp_path / "geheim.txt").write_text("wachtwoord: x\n", encoding="utf-8")
    werkmap(tmp_path / "bb.xlsx", [KOP_BB, *RIJEN_BB], [["standaard", "geheim.txt"]])
    fout = cli("validate", "bb.xlsx", code=1).stderr
    assert "bb.xlsx:standaard!B2: standaard: het standaardbestand 'geheim.txt' is geen .yaml of .yml-bestand" in fout


WERK_YAML = """\
    eenheid: Werk
    functies:
      - functie: Adviseur werk
        fte: 420.9
        kosten_per_fte: 75000
        uren_per_week: 36
        verlof:
          vakantie: 144 uur
          feestdagen: 50,4 uur
        aftrek:
          verzuim: 5,7%
          leren_en_ontwikkelen: 152 uur
          werkoverleg: 1 uur/week
        producten:
          intake: {volume: 12000, normtijd: 45 min}
        scenarios:
          extra_leertijd: {aftrek: {leren_en_ontwikkelen: 185 uur}}
      - functie: Senior adviseur
        kosten_per_fte: 90000
        uren_per_week: 36
        verlof:
          vakantie: 144 uur
          feestdagen: 50,4 uur
        aftrek:
          verzuim: 5,7%
          leren_en_ontwikkelen: 152 uur
          werkoverleg: 1 uur/week
        verhouding: {een_per: 30, van: Adviseur werk}
"""
# Dutch Excel's CSV: semicolons, decimal commas, a byte order mark, CRLF
WERK_CSV = (
    "\ufefffunctie;eenheid;fte;kosten_per_fte;uren_per_week;verlof.vakantie;verlof.feestdagen;aftrek.verzuim;"
    "aftrek.leren_en_ontwikkelen;aftrek.werkoverleg;producten.intake.volume;producten.intake.normtijd;"
    "verhouding.een_per;verhouding.van;scenario\r\n"
    "Adviseur werk;Werk;420,9;75000;36;144 uur;50,4 uur;5,7%;152 uur;1 uur/week;12000;45 min;;;\r\n"
    "Adviseur werk;Werk;;;;;;;185 uur;;;;;;extra_leertijd\r\n"
    "Senior adviseur;Werk;;90000;36;144 uur;50,4 uur;5,7%;152 uur;1 uur/week;;;30;Adviseur werk;\r\n"
)


def test_a_dutch_csv_gives_the_same_json_as_the_yaml(cli, tmp_path):
    cli.write("werk.yaml", WERK_YAML)
    (tmp_path / "werk.csv").write_bytes(WERK_CSV.encode("utf-8"))
    yaml = json_tekst(cli, "werk.yaml")
    assert json_tekst(cli, "werk.csv") == yaml
    records = json.loads(yaml, parse_float=D, parse_int=D)
    adviseur, leertijd = records[0], records[1]
    # by hand: bruto 36 x 52 = 1872; verlof 144 + 50,4 = 194,4 -> beschikbaar 1677,6;
    # verzuim 5,7% x 1677,6 = 95,6232; werkoverleg 1677,6 / 36 = 46,6; 152 leren:
    # direct 1677,6 - 95,6232 - 152 - 46,6 = 1383,3768; 185 leren: 1350,3768
    assert adviseur["beschikbare_uren"] == D("1677.6")
    assert adviseur["aftrek"] == {"verzuim": D("95.6232"), "leren_en_ontwikkelen": 152, "werkoverleg": D("46.6")}
    assert adviseur["directe_uren"] == D("1383.3768")
    assert leertijd["scenario"] == "extra_leertijd" and leertijd["directe_uren"] == D("1350.3768")
    assert adviseur["werklast_uren"] == 9000  # 12000 x 45 min
    senior = next(r for r in records if r["functie"] == "Senior adviseur" and r["scenario"] == "basis")
    assert senior["fte_nodig"] == (D(9000) / D("1383.3768") / 30).quantize(D("0.000001"))


def test_a_comma_separated_csv_reads_too(cli, tmp_path):
    cli.write("werk.yaml", WERK_YAML)
    komma = WERK_CSV.replace(";", ",").replace("420,9", '"420,9"').replace("5,7%", '"5,7%"').replace("50,4", '"50,4"')
    (tmp_path / "werk.csv").write_text(komma, encoding="utf-8")
    assert json_tekst(cli, "werk.csv") == json_tekst(cli, "werk.yaml")


def test_compute_to_json_and_csv_from_an_xlsx_streams_nothing_it_cannot(cli, tmp_path):
    """`compute -f json|jsonl|csv` streams YAML functie by functie; a spreadsheet is loaded whole."""
    werkmap(tmp_path / "bb.xlsx", [KOP_BB, *RIJEN_BB], STANDAARD_UWV)
    voorbeeld = EXAMPLES / "bezwaar-en-beroep.yaml"
    for formaat in ("jsonl", "csv"):
        uit = cli("compute", "bb.xlsx", "--format", formaat).stdout
        verwacht = cli("compute", voorbeeld, "--format", formaat).stdout
        assert uit.replace("bb.xlsx", "X") == verwacht.replace(str(voorbeeld), "X")


def test_bad_cells_are_named_by_sheet_and_cell_and_every_row_is_checked(cli, tmp_path):
    werkmap(tmp_path / "f.xlsx", [
        ["functie", "eenheid", "fte", "aftrek.verzuim", "kosten_per_ft", "beschikbare_uren"],
        ["Klantadviseur", "K&S", 420.9, "5,7 procent", 75000, 1631],
        ["Jurist", "K&S", -3, (PROCENT, 0.057), None, 1631],
        ["Secretaris", "K&S", 10, (PROCENT, 0.057), None, "1.631"],
    ])
    fout = cli("validate", "f.xlsx", code=1).stderr
    assert "f.xlsx:formatie!E1: onbekende kolom 'kosten_per_ft'; bedoelt u 'kosten_per_fte'?" in fout
    assert "f.xlsx:formatie!D2: aftrek.verzuim: onbekende eenheid 'procent' in '5,7 procent'; bedoelt u '5,7%'?" in fout
    assert "f.xlsx:formatie!C3: fte: mag niet negatief zijn" in fout
    assert "f.xlsx:formatie!F4: beschikbare_uren: '1.631' leest als 1,631 uur" in fout


def test_a_csv_cell_is_named_by_line_and_column(cli, tmp_path):
    (tmp_path / "f.csv").write_text(
        "functie;fte;beschikbare_uren;aftrek.verzuim\nKlantadviseur;10;1631;5%\nJurist;tien;1631;5%\n", encoding="utf-8")
    fout = cli("validate", "f.csv", code=1).stderr
    assert "f.csv:3:2: fte: verwacht een getal, niet 'tien'" in fout


def test_a_header_that_is_a_typo_of_a_nested_field_gets_its_meaning(cli, tmp_path):
    (tmp_path / "f.csv").write_text("functie;afrtek.verzuim;verhouding.een_pr\nA;5%;3\n", encoding="utf-8")
    fout = cli("validate", "f.csv", code=1).stderr
    assert "f.csv:1:2: onbekende kolom 'afrtek.verzuim'; bedoelt u 'aftrek.verzuim'?" in fout
    assert "f.csv:1:3: onbekende kolom 'verhouding.een_pr'; bedoelt u 'verhouding.een_per'?" in fout


def test_a_scenario_row_without_its_base_row_is_refused_at_its_functie(cli, tmp_path):
    (tmp_path / "f.csv").write_text(
        "functie;eenheid;beschikbare_uren;aftrek.leren;scenario\n"
        "Klantadviseur;K&S;1631;150 uur;\n"
        "Jurist;K&S;;185 uur;extra_leertijd\n", encoding="utf-8")
    fout = cli("validate", "f.csv", code=1).stderr
    assert ("f.csv:3:1: functie: scenario 'extra_leertijd' voor functie 'Jurist' in eenheid 'K&S', maar die "
            "functie heeft geen basisrij") in fout


def test_a_scenario_row_may_leave_the_eenheid_out_when_the_functie_says_enough(cli, tmp_path):
    (tmp_path / "f.csv").write_text(
        "functie;eenheid;fte;beschikbare_uren;aftrek.leren;scenario\n"
        "Klantadviseur;K&S;100;1631;131 uur;\n"
        "Klantadviseur;;;;231 uur;meer\n", encoding="utf-8")
    records = cli.json("compute", "f.csv")
    # 100 fte, direct 1500 -> 1400: 100 x 1500 / 1400 - 100 = 7,142857
    assert [(r["scenario"], r["directe_uren"], r["extra_fte"]) for r in records] == [
        ("basis", 1500, 0), ("meer", 1400, 7.142857)]


def test_a_functie_written_twice_is_refused_naming_both_rows(cli, tmp_path):
    werkmap(tmp_path / "f.xlsx", [
        ["functie", "eenheid", "beschikbare_uren"],
        ["Klantadviseur", "K&S", 1631],
        ["Klantadviseur", "K&S", 1600],
    ])
    fout = cli("validate", "f.xlsx", code=1).stderr
    assert ("f.xlsx:formatie!A3: functie: functie 'Klantadviseur' in eenheid 'K&S' komt twee keer voor "
            "(ook in f.xlsx:formatie!A2)") in fout


def test_the_same_scenario_twice_for_one_functie_is_refused(cli, tmp_path):
    (tmp_path / "f.csv").write_text(
        "functie;beschikbare_uren;aftrek.leren;scenario\nA;1631;1 uur;\nA;;2 uur;x\nA;;3 uur;x\n", encoding="utf-8")
    assert "f.csv:4:4: scenario: scenario 'x' van functie 'A' staat al op rij 3" in cli("validate", "f.csv", code=1).stderr


def test_the_sheet_formatie_is_read_else_the_first(cli, tmp_path):
    rijen = [["functie", "fte", "beschikbare_uren"], ["A", 2, 1631]]
    werkmap(tmp_path / "a.xlsx", rijen, blad="Blad1")
    werkmap(tmp_path / "b.xlsx", rijen, voor="notities")  # `formatie` second: still the one read
    assert [r["fte"] for r in cli.json("compute", "a.xlsx")] == [2]
    assert [r["fte"] for r in cli.json("compute", "b.xlsx")] == [2]


def test_a_formula_is_never_evaluated_its_stored_value_is_used_and_said(cli, tmp_path):
    werkmap(tmp_path / "f.xlsx", [["functie", "fte", "beschikbare_uren"], ["A", ("formule", "=2*21", 42), 1631]])
    uit = cli("compute", "f.xlsx", "--format", "json")
    assert json.loads(uit.stdout)[0]["fte"] == 42
    assert "f.xlsx:formatie!B2: 1 cel bevat een formule; gebruikt is de uitkomst die het rekenblad" in uit.stderr


def test_a_formula_without_a_stored_value_is_refused(cli, tmp_path):
    import openpyxl

    boek = openpyxl.Workbook()
    blad = boek.active
    blad.title = "formatie"
    blad.append(["functie", "fte", "beschikbare_uren"])
    blad.append(["A", "=2*21", 1631])  # openpyxl stores no value for a formula
    boek.save(tmp_path / "f.xlsx")
    fout = cli("validate", "f.xlsx", code=1).stderr
    assert "f.xlsx:formatie!B2: de cel bevat een formule (=2*21) zonder bewaarde uitkomst" in fout


def test_a_fraction_in_hours_warns_at_its_cell_as_in_yaml(cli, tmp_path):
    werkmap(tmp_path / "f.xlsx", [["functie", "beschikbare_uren", "aftrek.verzuim"], ["A", 1631, 0.057]])
    assert "f.xlsx:formatie!C2: aftrek.verzuim: 0,057 uur: bedoelt u 5,7%?" in cli("validate", "f.xlsx").stderr


def test_a_zip_bomb_is_refused_before_it_is_unpacked(cli, tmp_path, monkeypatch):
    import brutonetto.input.source as source

    monkeypatch.setattr(source, "MAX_BYTES", 10_000)
    with zipfile.ZipFile(tmp_path / "bom.xlsx", "w", zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("xl/worksheets/sheet1.xml", b"0" * 1_000_000)  # packs to about a kilobyte
    assert (tmp_path / "bom.xlsx").stat().st_size < 10_000
    fout = cli("validate", "bom.xlsx", code=1).stderr
    assert "bom.xlsx: het xlsx-bestand pakt uit tot 1 MB in 1 delen; meer dan 0.238419 MB wordt niet gelezen" in fout


def test_a_file_that_is_no_xlsx_is_said_so(cli, tmp_path):
    (tmp_path / "f.xlsx").write_text("functie;fte\n", encoding="utf-8")
    assert "f.xlsx: dit is geen leesbaar xlsx-bestand (geen zip-archief)" in cli("validate", "f.xlsx", code=1).stderr


def test_too_many_columns_are_refused(cli, tmp_path):
    (tmp_path / "f.csv").write_text("functie;" + ";".join(f"aftrek.a{i}" for i in range(1001)) + "\nA\n", encoding="utf-8")
    assert "f.csv:1:1: de kopregel heeft meer dan 1.000 kolommen" in cli("validate", "f.csv", code=1).stderr


def test_the_row_bound_is_the_engines(monkeypatch):
    from brutonetto.engine.records import MAX_REGELS
    from brutonetto.input.formatie import MAX_RIJEN

    assert MAX_RIJEN == MAX_REGELS


def test_rows_past_the_bound_are_refused(cli, tmp_path, monkeypatch):
    import brutonetto.input.formatie as formatie

    monkeypatch.setattr(formatie, "MAX_RIJEN", 2)
    (tmp_path / "f.csv").write_text("functie;beschikbare_uren\nA;1631\nB;1631\nC;1631\n", encoding="utf-8")
    assert "f.csv:4:1: meer dan 2 rijen" in cli("validate", "f.csv", code=1).stderr


def test_alleen_onder_holds_for_a_spreadsheet_and_what_it_names(cli, tmp_path):
    binnen = tmp_path / "binnen"
    binnen.mkdir()
    shutil.copy(CONFIGS / "uwv-2023.yaml", tmp_path / "uwv.yaml")
    werkmap(tmp_path / "buiten.xlsx", [KOP_BB, *RIJEN_BB], STANDAARD_UWV)
    werkmap(binnen / "bb.xlsx", [KOP_BB, *RIJEN_BB], [["standaard", "../uwv.yaml"]])
    fout = cli("validate", "--alleen-onder", binnen, "buiten.xlsx", binnen / "bb.xlsx", code=1).stderr
    assert "buiten.xlsx: ligt niet onder de map van --alleen-onder" in fout
    assert "standaard!B2: standaard: " in fout and "ligt niet onder de map van --alleen-onder" in fout.split("standaard!B2")[1]


def test_without_openpyxl_the_message_names_the_install_command(cli, tmp_path, monkeypatch):
    import sys

    werkmap(tmp_path / "f.xlsx", [["functie", "beschikbare_uren"], ["A", 1631]])
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    fout = cli("validate", "f.xlsx", code=1).stderr
    assert "f.xlsx: voor een xlsx-bestand is openpyxl nodig; installeer het met: " in fout
    assert "'openpyxl>=3.1'" in fout


# init -------------------------------------------------------------------------------------------

def test_init_writes_an_xlsx_template_that_computes_and_never_overwrites(cli, tmp_path):
    import openpyxl

    cli("init", "formatie.xlsx")
    boek = openpyxl.load_workbook(tmp_path / "formatie.xlsx")
    blad = boek["formatie"]
    kop = [c.value for c in blad[1]]
    assert kop == ["functie", "eenheid", "fte", "kosten_per_fte", "uren_per_week", "verlof.vakantie",
                   "aftrek.verzuim", "aftrek.leren_en_ontwikkelen", "scenario"]
    assert all(c.comment is not None and c.comment.text.strip() for c in blad[1])  # a note per column
    records = json.loads(cli("compute", "formatie.xlsx", "--format", "json").stdout, parse_float=D, parse_int=D)
    # by hand: 36 x 52 = 1872 - 144 = 1728; verzuim 5,7% = 98,496; - 152 = 1477,504; 185: 1444,504;
    # extra fte 420,9 x 33 / 1444,504
    assert [(r["scenario"], r["beschikbare_uren"], r["directe_uren"]) for r in records] == [
        ("basis", 1728, D("1477.504")), ("extra_leertijd", 1728, D("1444.504"))]
    assert records[1]["extra_fte"] == (D("420.9") * 33 / D("1444.504")).quantize(D("0.000001"))
    voor = (tmp_path / "formatie.xlsx").read_bytes()
    assert "bestaat al" in cli("init", "formatie.xlsx", code=2).stderr
    assert (tmp_path / "formatie.xlsx").read_bytes() == voor


def test_init_writes_a_dutch_csv_template_that_computes_as_the_xlsx_does(cli, tmp_path):
    cli("init", "formatie.xlsx")
    uit = cli("init", "formatie.csv")
    tekst = (tmp_path / "formatie.csv").read_bytes().decode("utf-8")
    assert tekst.startswith("\ufefffunctie;eenheid;fte;")  # Dutch Excel opens it in columns
    assert "aftrek.verzuim:" in uit.stderr  # the notes per column, where a CSV has no room for them
    assert json_tekst(cli, "formatie.csv") == json_tekst(cli, "formatie.xlsx")
    (tmp_path / "formatie.csv").write_text("iets", encoding="utf-8")
    cli("init", "formatie.csv", code=2)
    assert (tmp_path / "formatie.csv").read_text(encoding="utf-8") == "iets"


# the catalogue: tests/catalogus/NN-formatie-*.csv, each one case, its last line what is expected

CATALOGUS_CSV = sorted(p.name for p in (EXAMPLES.parent / "tests" / "catalogus").glob("[0-9]*-formatie-*.csv"))


def test_the_catalogue_has_formatie_cases():
    assert len(CATALOGUS_CSV) >= 3


@pytest.mark.parametrize("naam", CATALOGUS_CSV)
def test_catalogue_formatie_case(cli, tmp_path, naam):
    tekst = (EXAMPLES.parent / "tests" / "catalogus" / naam).read_text(encoding="utf-8")
    inhoud, laatste = tekst.rstrip("\n").rsplit("\n", 1)
    assert laatste.startswith("# verwacht: ")
    (tmp_path / naam).write_text(inhoud + "\n", encoding="utf-8")
    uit = cli("validate", naam, code=1)
    assert "Traceback" not in uit.stderr and "interne fout" not in uit.stderr
    assert naam + laatste.removeprefix("# verwacht: ") in uit.stderr, uit.stderr


def test_a_short_and_a_long_form_may_be_columns_but_not_both_filled_in_a_row(cli, tmp_path):
    (tmp_path / "f.csv").write_text(
        "functie;beschikbare_uren;aftrek.reis.procent;aftrek.reis.van;aftrek.reis\n"
        "A;1631;2;beschikbaar;\nB;1631;;;2%\nC;1631;2;;3%\n", encoding="utf-8")
    fout = cli("validate", "f.csv", code=1).stderr
    assert "f.csv:4:5: aftrek.reis: ook 'aftrek.reis.procent' is ingevuld; vul er één in" in fout
    assert ":2:" not in fout and ":3:" not in fout


def test_budget_reads_the_years_from_the_standaard_sheet(cli, tmp_path):
    from conftest import BUDGET_EENHEID

    cli.write("eenheid.yaml", BUDGET_EENHEID)
    werkmap(tmp_path / "eenheid.xlsx", [
        ["functie", "eenheid", "fte", "kosten_per_fte", "beschikbare_uren", "aftrek.overig", "aftrek.extra", "scenario"],
        ["Jurist", "B&B", 126, 75000, 1631, 331, None, None],
        [None, None, None, None, None, None, "40 uur", "meer_leren"],
    ], [["meerjaren.scenario", "meer_leren"], ["meerjaren.indexatie", "2%"],
        ["meerjaren.financiering.2023", "250k"], ["meerjaren.financiering.2025", "0,3 mln"]])
    yaml = json.loads(cli("budget", "eenheid.yaml", "--format", "json").stdout, parse_float=D, parse_int=D)
    xlsx = json.loads(cli("budget", "eenheid.xlsx", "--format", "json").stdout, parse_float=D, parse_int=D)
    assert xlsx == yaml
    # 126 fte, direct 1300 -> 1260: 126 x 40 / 1260 = 4 fte x EUR 75.000 = 300.000 in 2023, against 250.000
    assert (xlsx[0]["jaar"], xlsx[0]["kosten"], xlsx[0]["financiering"], xlsx[0]["saldo"]) == (2023, 300000, 250000, -50000)


def test_a_bad_year_amount_is_named_at_its_cell_on_the_standaard_sheet(cli, tmp_path):
    werkmap(tmp_path / "f.xlsx", [["functie", "beschikbare_uren", "fte"], ["A", 1631, 3]],
            [["meerjaren.financiering.2023", "12 miljard"]])
    fout = cli("budget", "f.xlsx", code=1).stderr
    assert "f.xlsx:standaard!B2: meerjaren.financiering.2023: " in fout


def test_an_excel_error_value_is_named_at_its_cell(cli, tmp_path):
    werkmap(tmp_path / "f.xlsx", [["functie", "beschikbare_uren", "fte"], ["A", 1631, ("formule", "=1/0", "#DIV/0!")]])
    assert "f.xlsx:formatie!C2: fte: de cel bevat een Excel-fout (#DIV/0!)" in cli("validate", "f.xlsx", code=1).stderr


def test_a_row_without_functie_is_named_at_its_empty_functie_cell(cli, tmp_path):
    (tmp_path / "f.csv").write_text("eenheid;functie;beschikbare_uren\nK&S;A;1631\nK&S;;1631\n", encoding="utf-8")
    assert "f.csv:3:2: functie: het verplichte veld 'functie' ontbreekt" in cli("validate", "f.csv", code=1).stderr


def test_a_number_in_a_name_column_is_the_name_it_shows(cli, tmp_path):
    werkmap(tmp_path / "f.xlsx", [["functie", "eenheid", "beschikbare_uren", "fte"], [1210, 42, 1631, 2]])
    [record] = cli.json("compute", "f.xlsx")
    assert (record["functie"], record["eenheid"]) == ("1210", "42")


def test_control_characters_in_a_cell_are_shown_never_obeyed(cli, tmp_path):
    (tmp_path / "f.csv").write_text("functie;fte\n\x1b[2JA\x07;tien\n", encoding="utf-8")
    fout = cli("validate", "f.csv", code=1).stderr
    assert "\x1b" not in fout and "\x07" not in fout
    assert "f.csv:2:2: fte: verwacht een getal, niet 'tien'" in fout


def test_a_cell_past_the_header_is_said_to_have_no_header(cli, tmp_path):
    (tmp_path / "f.csv").write_text("functie;beschikbare_uren\nA;1631;opmerking\n", encoding="utf-8")
    assert "f.csv:2:3: deze cel heeft geen kolomkop" in cli("validate", "f.csv", code=1).stderr


def test_every_field_of_the_profile_is_a_column_or_refused_with_a_reason():
    """A field added to the input model must be added here too, or its header reads as unknown."""
    from brutonetto.input.formatie import kolompad
    from brutonetto.input.model import Velden

    for veld in Velden.model_fields:
        pad, bericht = kolompad(veld)
        assert pad == (veld,) or (bericht is not None and "onbekende kolom" not in bericht), (veld, bericht)


def test_a_formula_on_a_sheet_named_in_capitals_is_read_there_too(cli, tmp_path):
    boek = xlsxwriter.Workbook(str(tmp_path / "f.xlsx"))
    blad = boek.add_worksheet("Formatie")
    blad.write_row(0, 0, ["functie", "fte"])
    blad.write_row(1, 0, ["A", 3])
    standaard = boek.add_worksheet("Standaard")
    standaard.write_row(0, 0, ["veld", "waarde"])
    standaard.write(1, 0, "beschikbare_uren")
    standaard.write_formula(1, 1, "=1600+31", None, 1631)
    boek.close()
    [record] = cli.json("compute", "f.xlsx")
    assert record["beschikbare_uren"] == 1631


def test_a_bad_cell_in_a_scenario_row_is_named_in_that_row(cli, tmp_path):
    werkmap(tmp_path / "f.xlsx", [
        ["functie", "beschikbare_uren", "aftrek.leren", "scenario"],
        ["A", 1631, "150 uur", None],
        ["A", None, "185 uren per jaar", "meer"],
    ])
    assert "f.xlsx:formatie!C3: aftrek.leren: onbekende eenheid 'uren per jaar'" in cli("validate", "f.xlsx", code=1).stderr


def test_explain_names_the_cell_each_value_comes_from(cli, tmp_path):
    werkmap(tmp_path / "f.xlsx", [
        ["functie", "fte", "beschikbare_uren", "aftrek.leren", "scenario"],
        ["A", 10, 1631, "150 uur", None],
        ["A", None, None, "185 uur", "meer"],
    ])
    uit = cli("explain", "f.xlsx", "--scenario", "meer").stdout
    assert "(f.xlsx:formatie!C2)" in uit  # beschikbare uren, from the base row
    assert "(f.xlsx:formatie!D3)" in uit  # the scenario's leertijd, from its own row


def test_a_scenario_named_basis_is_refused_at_its_cell(cli, tmp_path):
    (tmp_path / "f.csv").write_text("functie;beschikbare_uren;scenario\nA;1631;\nA;1600;Basis\n", encoding="utf-8")
    assert "f.csv:3:3: scenario: 'basis' is de basis zelf" in cli("validate", "f.csv", code=1).stderr


def test_a_spreadsheet_in_another_format_gets_told_how_to_save_it(cli, tmp_path):
    (tmp_path / "f.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)  # the old binary format
    assert "f.xls: een .xls-bestand leest brutonetto niet; bewaar het in Excel als Excel-werkmap (*.xlsx)" in cli(
        "validate", "f.xls", code=1).stderr


def test_the_sources_of_a_spreadsheet_are_its_cells_in_the_working_and_the_report(cli, tmp_path):
    """A new user's trial: the report's Bronnen lost the cells (one row 'invoer'), and the budget's
    working cited the standaard sheet's rows as rows of the formatie sheet ('b.xlsx:2')."""
    werkmap(tmp_path / "b.xlsx", [["functie", "fte", "kosten_per_fte", "beschikbare_uren", "aftrek.leren", "scenario"],
                                  ["A", 10, 80000, 1600, "100 uur", None],
                                  ["A", None, None, None, "140 uur", "meer"]],
            standaard=[["meerjaren.scenario", "meer"], ["meerjaren.indexatie", "2%"],
                       ["meerjaren.financiering.2024", "1 mln"]])
    uitleg = cli("budget", "b.xlsx", "--uitleg").stdout
    assert "(indexatie b.xlsx:standaard!B3)" in uitleg and "(financiering b.xlsx:standaard!B4)" in uitleg
    cli("compute", "b.xlsx", "-f", "html", "-o", "r.html")
    pagina = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'data-bron="b.xlsx:formatie!E2"' in pagina and 'data-bron="b.xlsx:formatie!E3"' in pagina


def test_merged_cells_are_refused_at_their_first_cell(cli, tmp_path):
    """A new user's trial: fte 1 merged over C2:C3 gave functie B no fte, and the total 1 where 2 was meant."""
    boek = xlsxwriter.Workbook(str(tmp_path / "m.xlsx"))
    blad = boek.add_worksheet("formatie")
    blad.write_row(0, 0, ["functie", "beschikbare_uren", "fte"])
    blad.write_row(1, 0, ["A", 1600])
    blad.write_row(2, 0, ["B", 1600])
    blad.merge_range("C2:C3", 1)
    boek.close()
    fout = cli("compute", "m.xlsx", code=1).stderr
    assert fout.splitlines()[0] == ("m.xlsx:formatie!C2: de cellen C2:C3 zijn samengevoegd; de waarde staat dan alleen "
                                    "in de eerste cel: maak ze los en vul elke rij zelf in")


def test_init_writes_only_what_brutonetto_reads(cli):
    """A new user's trial: `init x.ods` wrote a YAML profile named x.ods, which compute then refused."""
    assert "init schrijft een profiel (.yaml) of een formatie (.xlsx of .csv), niet '.ods'" in cli("init", "x.ods", code=2).stderr
    assert not (cli.tmp_path / "x.ods").exists()
    cli("init", "f.xlsx")
    assert "brutonetto init ANDERE-NAAM.xlsx" in cli("init", "f.xlsx", code=2).stderr


def test_a_cell_far_to_the_right_is_named_not_dropped(cli, tmp_path):
    """A new user's trial: '200 uur' in column 2001 was dropped silently (in 1001 it was an error)."""
    boek = xlsxwriter.Workbook(str(tmp_path / "c.xlsx"))
    blad = boek.add_worksheet("formatie")
    blad.write_row(0, 0, ["functie", "beschikbare_uren", "fte"])
    blad.write_row(1, 0, ["A", 1600, 1])
    blad.write(1, 2000, "200 uur")
    boek.close()
    assert "c.xlsx:formatie!BXY2: deze cel heeft geen kolomkop" in cli("compute", "c.xlsx", code=1).stderr


def test_a_hidden_sheet_is_refused(cli, tmp_path):
    """A fourth probe: a very hidden sheet named formatie (999 fte) was computed instead of the visible one,
    which is what a reviewer sees in Excel."""
    import openpyxl

    boek = openpyxl.Workbook()
    boek.active.title = "Blad1"
    boek.active.append(["functie", "fte", "beschikbare_uren"])
    boek.active.append(["Zichtbaar", 10, 1600])
    verborgen = boek.create_sheet("formatie")
    verborgen.append(["functie", "fte", "beschikbare_uren"])
    verborgen.append(["Verborgen", 999, 1600])
    verborgen.sheet_state = "veryHidden"
    boek.save(tmp_path / "h.xlsx")
    fout = cli("compute", "h.xlsx", code=1).stderr
    assert fout.startswith("h.xlsx:formatie!A1: het blad 'formatie' is verborgen in de werkmap")
