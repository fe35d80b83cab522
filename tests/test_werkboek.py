"""The Excel workbook, recalculated by a real spreadsheet engine (LibreOffice Calc, headless).

The cached values brutonetto writes are stripped first (openpyxl saves formulas without
them), so LibreOffice must compute every cell from the formulas: a wrong formula cannot
hide behind a right cached value. Each result cell must then equal the JSON output to 6
decimals, and changing an input cell must move the results that depend on it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from brutonetto.output.werkboek import RESULTAAT
from conftest import EXAMPLES

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
VELDEN = {  # Resultaat column -> JSON key
    "Bruto uren": "bruto_uren", "Beschikbare uren": "beschikbare_uren", "Totaal aftrek": "totaal_aftrek",
    "Directe uren": "directe_uren", "Aandeel direct": "aandeel_direct", "Fte": "fte", "Fte nodig": "fte_nodig",
    "Basis directe uren": "basis_directe_uren", "Extra fte": "extra_fte", "Extra kosten": "extra_kosten",
    "Waarde extra uren": "waarde_extra_uren",
}


def herreken(bestanden: list[Path], map_: Path) -> dict[str, Path]:
    """Strip the cached values, let LibreOffice recalculate and save; the recalculated files."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd; .ci/run installeert het (libreoffice-calc-nogui)")
    kaal = map_ / "kaal"
    kaal.mkdir(exist_ok=True)
    for bestand in bestanden:
        openpyxl.load_workbook(bestand).save(kaal / bestand.name)  # formulas only, no cached values
        assert openpyxl.load_workbook(kaal / bestand.name, data_only=True)["Resultaat"]["H2"].value is None
    uit = map_ / "herrekend"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{map_ / 'lo-profiel'}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(uit), *(str(kaal / b.name) for b in bestanden)],
        check=True, capture_output=True, timeout=300,
    )
    return {b.name: uit / b.name for b in bestanden}


def resultaat(pad: Path) -> list[dict[str, object]]:
    blad = openpyxl.load_workbook(pad, data_only=True)["Resultaat"]
    rijen = []
    for rij in blad.iter_rows(min_row=2, values_only=True):
        if not rij[0] or rij[0] == "Totaal":
            break
        rijen.append(dict(zip(RESULTAAT, rij)))
    return rijen


def gelijk(cel: object, waarde: object) -> bool:
    if waarde is None:
        return cel in (None, "")
    return cel is not None and abs(D(repr(cel)) - D(str(waarde))) <= D("0.000001")


@pytest.fixture(scope="module")
def werkboeken(tmp_path_factory):
    """Every example as a workbook and as JSON, plus a compare; recalculated by LibreOffice in one go."""
    from typer.testing import CliRunner

    from brutonetto.cli.commands import app

    map_ = tmp_path_factory.mktemp("werkboeken")
    runner = CliRunner()
    gevallen = {p.stem: [str(p)] for p in sorted(EXAMPLES.glob("*.yaml"))}
    gevallen["vergelijking"] = ["compare", str(EXAMPLES / "uitkeren.yaml"), str(EXAMPLES / "uitkeren.yaml")]
    json_uit, bestanden = {}, []
    for naam, args in gevallen.items():
        commando = args if args[0] == "compare" else ["compute", *args]
        if naam == "vergelijking":  # two different files: uitkeren against a copy with more leertijd
            nieuw = map_ / "uitkeren-2024.yaml"
            nieuw.write_text((EXAMPLES / "uitkeren.yaml").read_text(encoding="utf-8").replace(
                "kwaliteitsontwikkeling: 35 uur}", "kwaliteitsontwikkeling: 60 uur}"
            ).replace("../configs/", str(EXAMPLES.parent / "configs") + "/"), encoding="utf-8")
            commando = ["compare", str(EXAMPLES / "uitkeren.yaml"), str(nieuw)]
        xlsx = map_ / f"{naam}.xlsx"
        for extra, doel in ((["-f", "json"], None), (["-f", "xlsx", "-o", str(xlsx)], xlsx)):
            result = runner.invoke(app, commando + extra)
            assert result.exit_code == 0, result.output
            if doel is None:
                json_uit[naam] = json.loads(result.stdout)
        bestanden.append(xlsx)
    return json_uit, bestanden, herreken(bestanden, map_), map_


def test_every_recalculated_result_cell_equals_the_json(werkboeken):
    json_uit, bestanden, herrekend, _ = werkboeken
    gecontroleerd = 0
    for bestand in bestanden:
        records = json_uit[bestand.stem]
        rijen = resultaat(herrekend[bestand.name])
        assert len(rijen) == len(records)
        for rij, record in zip(rijen, records):
            assert (rij["Functie"], rij["Scenario"]) == (record["functie"], record["scenario"])
            for kolom, sleutel in VELDEN.items():
                assert gelijk(rij[kolom], record[sleutel]), (bestand.name, record["functie"], record["scenario"], kolom, rij[kolom], record[sleutel])
                gecontroleerd += 1
    assert gecontroleerd > 300  # 29 records x 11 result columns


def test_the_cached_values_equal_the_json_too(werkboeken):
    json_uit, bestanden, _, _ = werkboeken
    for bestand in bestanden:
        for rij, record in zip(resultaat(bestand), json_uit[bestand.stem]):
            for kolom, sleutel in VELDEN.items():
                assert gelijk(rij[kolom], record[sleutel]), (bestand.name, kolom)


def test_totals_are_exact_sums_over_the_rows(werkboeken):
    json_uit, bestanden, herrekend, _ = werkboeken
    blad = openpyxl.load_workbook(herrekend["uitkeren.xlsx"], data_only=True)["Resultaat"]
    totalen = {r[2]: dict(zip(RESULTAAT, r)) for r in blad.iter_rows(min_row=2, values_only=True) if r[0] == "Totaal"}
    records = json_uit["uitkeren"]
    extra_25 = sum(D(str(r["extra_fte"])) for r in records if r["scenario"] == "leertijd_plus_25")
    assert gelijk(totalen["leertijd_plus_25"]["Extra fte"], extra_25)  # 108,0 fte: the Uitkeren budget
    assert gelijk(totalen["basis"]["Fte"], 5455)
    formule = openpyxl.load_workbook(bestanden[[b.name for b in bestanden].index("uitkeren.xlsx")])["Resultaat"]
    assert any(str(c.value).startswith("=SUMPRODUCT(--EXACT(") for r in formule.iter_rows() for c in r)


def test_the_total_row_adds_up_the_value_of_the_extra_hours(werkboeken):
    """The uurtarief method (issue 19): fte x extra uren x uurtarief, summed per scenario.
    By hand: 420,9 x 36 x 76 + 48,5 x 25 x 58 + 36,2 x 25 x 54 + 70,9 x 12 x 76 = 1.335.438,2."""
    _, _, herrekend, _ = werkboeken
    blad = openpyxl.load_workbook(herrekend["bezwaar-en-beroep.xlsx"], data_only=True)["Resultaat"]
    totalen = {r[2]: dict(zip(RESULTAAT, r)) for r in blad.iter_rows(min_row=2, values_only=True) if r[0] == "Totaal"}
    assert abs(D(repr(totalen["extra_leertijd"]["Waarde extra uren"])) - D("1335438.2")) < D("0.01")


def test_every_recalculated_total_equals_the_engines_total(werkboeken):
    """Contract v3: a scenario's total is the whole unit (werkbedrijf's een_per_60 counts the
    advisers and mentors with their basis); the workbook's formulas add up the same rows."""
    from brutonetto.engine.records import compute_records, totalen
    from brutonetto.input.loader import load

    _, bestanden, herrekend, _ = werkboeken
    gecontroleerd = 0
    for bestand in bestanden:
        if bestand.stem == "vergelijking":
            continue
        blad = openpyxl.load_workbook(herrekend[bestand.name], data_only=True)["Resultaat"]
        cellen = {r[2]: dict(zip(RESULTAAT, r)) for r in blad.iter_rows(min_row=2, values_only=True)
                  if str(r[0]).startswith("Totaal")}
        for totaal in totalen(compute_records(load([str(EXAMPLES / f"{bestand.stem}.yaml")]).functies).records):
            for kop, sleutel in (("Fte", "fte"), ("Fte nodig", "fte_nodig"), ("Extra fte", "extra_fte"),
                                 ("Extra kosten", "extra_kosten"), ("Waarde extra uren", "waarde_extra_uren"),
                                 # the hours weighed as the engine weighs them (a second trial: they were missing)
                                 ("Beschikbare uren", "beschikbare_uren"), ("Totaal aftrek", "totaal_aftrek"),
                                 ("Directe uren", "directe_uren"), ("Aandeel direct", "aandeel_direct"),
                                 ("Bruto uren", "bruto_uren"), ("Aandeel bruto", "aandeel_bruto")):
                assert gelijk(cellen[totaal.scenario][kop], getattr(totaal, sleutel)), (bestand.name, totaal.scenario, kop)
                gecontroleerd += 1
    assert gecontroleerd > 90
    werkbedrijf = openpyxl.load_workbook(herrekend["werkbedrijf.xlsx"], data_only=True)["Resultaat"]
    een_per_60 = next(dict(zip(RESULTAAT, r)) for r in werkbedrijf.iter_rows(min_row=2, values_only=True)
                      if r[0] == "Totaal" and r[2] == "een_per_60")
    assert gelijk(een_per_60["Fte"], D("1302"))  # 1260 advisers + 42 seniors: the unit, not the seniors alone
    assert gelijk(een_per_60["Fte nodig"], D("1312.5"))  # 1260 + 21 + 31,5


def test_changing_an_input_cell_moves_the_results(werkboeken):
    _, bestanden, _, map_ = werkboeken
    bron = next(b for b in bestanden if b.stem == "bezwaar-en-beroep")
    boek = openpyxl.load_workbook(bron)
    invoer = boek["Invoer"]
    koppen = [c.value for c in invoer[1]]
    fte, verzuim = koppen.index("Fte") + 1, koppen.index("aftrek: verzuim") + 1
    invoer.cell(2, fte).value = 841.8  # Medewerker bezwaar, basis row: double the fte (420,9)
    invoer.cell(3, verzuim).value = 0.06  # its extra_leertijd row: sickness 6% instead of 5,7%
    gewijzigd = map_ / "gewijzigd.xlsx"
    boek.save(gewijzigd)
    (map_ / "tweede").mkdir()
    rijen = resultaat(herreken([gewijzigd], map_ / "tweede")["gewijzigd.xlsx"])
    basis, extra = rijen[0], rijen[1]
    # verzuim 6% x 1631 = 97,86 (was 92,967): aftrek 379,272556 + 4,893 = 384,165556; direct 1246,834444
    assert gelijk(extra["Directe uren"], D("1246.834444"))
    # extra fte = 841,8 x (1287,727444 / 1246,834444 - 1) = 27,609189...
    verwacht = D("841.8") * (D("1287.727444444444444") / D("1246.834444444444444") - 1)
    assert gelijk(extra["Extra fte"], round(verwacht, 6))
    assert gelijk(basis["Fte"], D("841.8"))


def test_xlsx_needs_an_output_file_and_names_the_missing_library(cli, monkeypatch):
    assert "geef --output BESTAND.xlsx" in cli("compute", EXAMPLES / "hot-2023.yaml", "-f", "xlsx", code=2).stderr
    import builtins
    import shlex
    import sys

    echte_import = builtins.__import__

    def zonder_xlsxwriter(naam, *args, **kwargs):
        if naam == "xlsxwriter":
            raise ImportError(naam)
        return echte_import(naam, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", zonder_xlsxwriter)
    monkeypatch.delitem(sys.modules, "xlsxwriter", raising=False)
    result = cli("compute", EXAMPLES / "hot-2023.yaml", "-f", "xlsx", "-o", "uit.xlsx", code=1)
    # this Python's pip and the library itself: a checkout is not on the package index
    assert f"installeer het met: {shlex.quote(sys.executable)} -m pip install 'XlsxWriter>=3.1'" in result.stderr
    assert not (cli.tmp_path / "uit.xlsx").exists()


def test_jsonl_is_one_record_per_line(cli):
    regels = cli("compute", EXAMPLES / "uitkeren.yaml", "-f", "jsonl").stdout.splitlines()
    records = [json.loads(r) for r in regels]
    assert len(records) == 6 and records == json.loads(cli("compute", EXAMPLES / "uitkeren.yaml", "-f", "json").stdout)


def test_dutch_csv_opens_as_numbers_in_a_dutch_spreadsheet(cli, tmp_path):
    """LibreOffice reads the nl dialect with a Dutch locale: numbers stay numbers, accents survive."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd; .ci/run installeert het (libreoffice-calc-nogui)")
    cli.write("p.yaml", "functie: Coördinator\nbeschikbare_uren: 1631\nfte: 12,5\naftrek: {verzuim: '5,7%'}\n")
    cli("compute", "p.yaml", "-f", "csv", "--csv-dialect", "nl", "-o", "uit.csv")
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
         "--infilter=CSV:59,34,76,1,,1043", "--convert-to", "xlsx", "--outdir", str(tmp_path / "x"), str(tmp_path / "uit.csv")],
        check=True, capture_output=True, timeout=120,
    )
    blad = openpyxl.load_workbook(tmp_path / "x" / "uit.xlsx").active
    koppen = [c.value for c in blad[1]]
    rij = dict(zip(koppen, [c.value for c in blad[2]]))
    assert rij["functie"] == "Coördinator"
    assert rij["aftrek.verzuim"] == pytest.approx(92.967) and rij["fte"] == pytest.approx(12.5)
    assert rij["directe_uren"] == pytest.approx(1538.033)  # 1631 - 92,967, a number, not text


def test_the_quick_formula_path_gives_what_xlsxwriter_would():
    """Formulas calling only SUM/SUMIF/SUMIFS skip XlsxWriter's search for newer functions;
    any other formula still gets its `_xlfn.` prefix."""
    pytest.importorskip("xlsxwriter")
    from xlsxwriter.worksheet import Worksheet

    from brutonetto.output.werkboek import _blad

    snel, echt = _blad()(), Worksheet()
    for formule in ("=A2*B2", "=SUM(C2,D2)", '=SUMIF($C$2:$C$9,"basis",F$2:F$9)', "=Invoer!E2/(1-F2)", "=SUMPRODUCT(EXACT($C$2:$C$9,$C12)*F$2:F$9)",
                    "=XLOOKUP(A1,B:B,C:C)", "=SUM(SORT(A1:A3))", "{=SUM(A1:A3)}"):
        assert snel._prepare_formula(formule) == echt._prepare_formula(formule), formule


def test_a_workbook_wider_than_a_sheet_is_refused(cli, monkeypatch):
    """A second security probe: 16.500 products gave a sheet cut off at XFD with formulas past it, exit 0.
    Here with a sheet of 20 columns: 12 products need more (a column per input and per step)."""
    import brutonetto.output.werkboek

    monkeypatch.setattr(brutonetto.output.werkboek, "MAX_KOLOMMEN", 20)
    cli.write("p.yaml", "functie: A\nbeschikbare_uren: 1631\nfte: 1\nproducten:\n"
              + "".join(f"  p{i}: {{volume: 1, normtijd: 1 min}}\n" for i in range(12)))
    fout = cli("compute", "p.yaml", "-f", "xlsx", "-o", "p.xlsx", code=1).stderr
    assert "kolommen hebben (een kolom per invoer en per stap" in fout and "een spreadsheet heeft er 20" in fout
    assert not (cli.tmp_path / "p.xlsx").exists()


def test_the_kept_trace_is_the_trace_computed_again():
    """The workbook's records keep the trace of their computation (compute_records(spoor=True));
    it must be step for step what `Record.stappen` derives again, for every example, with a
    choice of scenarios too (a trace of a scenario not chosen is not kept on another record)."""
    from brutonetto.engine.records import compute_records
    from brutonetto.input.loader import load

    gecontroleerd = 0
    for pad in sorted(EXAMPLES.glob("*.yaml")):
        functies = load([str(pad)]).functies
        for gekozen in (None, ["extra_leertijd"]):
            rapport = compute_records(functies, gekozen, spoor=True)
            for record in rapport.records:
                assert record.spoor is not None and record.spoor == record._replace(spoor=None).stappen(), (pad.name, record.functie)
                gecontroleerd += 1
    assert gecontroleerd > 40
    assert all(r.spoor is None for r in compute_records(load([str(EXAMPLES / "uitkeren.yaml")]).functies).records)


def test_a_workbook_of_many_shapes_writes_every_row_as_xlsxwriter_would(tmp_path):
    """Rows are written whole from a pattern of step shapes (issue 18.8); names with XML's and
    Excel's own characters, spaces around them, and rows of different shapes must read back as
    the cells XlsxWriter's write_string and write_number make."""
    from brutonetto.engine.records import compute_records
    from brutonetto.input.loader import load
    from brutonetto.output.werkboek import schrijf

    profiel = tmp_path / "raar.yaml"
    profiel.write_text(
        'eenheid: "A & <B> _x0041_"\nstandaard: {beschikbare_uren: 1631}\nfuncties:\n'
        '  - {functie: "=HYPERLINK(\\"x\\") \\u0007", fte: 3, aftrek: {"a<b&c": 5%, " sp ": 3 uur}, '
        'scenarios: {"ex*": {aftrek: {"a<b&c": 6%}}}}\n'
        "  - {functie: Twee, fte: 2, uren_per_week: 36, beschikbare_uren: null, verlof: {vakantie: 144 uur}, "
        "aftrek: {verzuim: 1 uur/week}}\n", encoding="utf-8")
    records = compute_records(load([str(profiel)]).functies, spoor=True).records
    with (tmp_path / "uit.xlsx").open("wb") as uit:
        schrijf(records, uit)
    boek = openpyxl.load_workbook(tmp_path / "uit.xlsx")
    invoer, resultaat = boek["Invoer"], boek["Resultaat"]
    import xlsxwriter

    with xlsxwriter.Workbook(str(tmp_path / "ref.xlsx"), {"constant_memory": True}) as ref:  # XlsxWriter's own cells
        blad = ref.add_worksheet()
        for c, tekst in enumerate([records[0].functie, records[0].eenheid]):
            blad.write_string(0, c, tekst)
    verwacht = [c.value for c in openpyxl.load_workbook(tmp_path / "ref.xlsx").active[1]]
    assert [c.value for c in invoer[2]][:3] == [verwacht[0], verwacht[1], "basis"]
    assert invoer.cell(2, 1).data_type == "s"  # text, never a formula
    assert [c.value for c in resultaat[3]][:3] == [verwacht[0], verwacht[1], "ex*"]
    koppen = [c.value for c in invoer[1]]
    assert invoer.cell(4, koppen.index("verlof: vakantie") + 1).value == 144
    assert str(resultaat.cell(4, 8).value).startswith("=")  # a formula on the second functie's row too


def test_a_name_longer_than_a_cell_is_refused_not_cut(cli):
    """A third probe: names past 32.767 characters were cut, two scenarios equal in their first
    32.767 then counted as one in the recalculated totals."""
    cli.write("lang.yaml", f"functie: {'x' * 33_000}\nfte: 1\nbeschikbare_uren: 1600\n")
    uit = cli("compute", "lang.yaml", "-f", "xlsx", "-o", "l.xlsx", code=1)
    assert "een cel van een spreadsheet houdt er 32.767: gebruik --format csv of json" in uit.stderr
    assert not (cli.tmp_path / "l.xlsx").exists()
