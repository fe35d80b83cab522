"""The commands as users and their scripts use them: compute, compare, validate, options, output."""

from __future__ import annotations

import csv
import io
import re
import json
import os
from decimal import Decimal as D

import pytest

from brutonetto import __version__
from brutonetto.engine.records import KOLOMMEN
from conftest import COMPARE_NIEUW, COMPARE_OUD, EXAMPLES

UNIT = """\
    eenheid: Bezwaar & Beroep
    standaard:
      beschikbare_uren: 1631
      uren_per_week: 36
      aftrek: {verzuim: 5.7%, werkoverleg: 1 uur/week}
    scenarios:
      extra_leertijd: {aftrek: {extra_leertijd: 12 uur}}
    functies:
      - functie: Medewerker bezwaar
        fte: 420.9
        kosten_per_fte: 75000
        uurtarief: 76
        aftrek: {leren_en_ontwikkelen: 150 uur, kwaliteitsontwikkeling: 35 uur}
        scenarios:
          extra_leertijd: {aftrek: {extra_leertijd: 36 uur}}
      - functie: Secretaris
        fte: 50
        aftrek: {leren_en_ontwikkelen: 100 uur}
"""
# Hand-checked: verzuim 5,7% x 1631 = 92,967; werkoverleg 1631/36 = 45,305556
# Medewerker bezwaar basis: aftrek 92,967 + 45,305556 + 150 + 35 = 323,272556, direct 1307,727444
#   scenario: +36 -> direct 1271,727444; extra fte 420,9 x 36 / 1271,727444 = 11,914817
#   extra kosten x 75000 = 893.611,29; waarde extra uren 420,9 x 36 x 76 = 1.151.582,4
# Secretaris basis: aftrek 238,272556, direct 1392,727444; scenario +12 (file level) -> 1380,727444
#   extra fte 50 x 12 / 1380,727444 = 0,434554


def test_json_records_have_the_contract_keys_in_order(cli):
    cli.write("bb.yaml", UNIT)
    records = cli.json("compute", "bb.yaml")
    assert [list(r) for r in records] == [list(KOLOMMEN)] * 4
    assert [(r["functie"], r["scenario"]) for r in records] == [
        ("Medewerker bezwaar", "basis"), ("Medewerker bezwaar", "extra_leertijd"),
        ("Secretaris", "basis"), ("Secretaris", "extra_leertijd"),
    ]


def test_json_numbers_are_exact_to_six_decimals(cli):
    cli.write("bb.yaml", UNIT)
    text = cli("compute", "bb.yaml", "--format", "json").stdout
    records = json.loads(text, parse_float=D, parse_int=D)
    basis, scenario, secretaris_basis, secretaris = records
    assert basis["bruto_uren"] == 1872 and '"bruto_uren": 1872,' in text
    assert basis["verlof"] == {}
    assert basis["aftrek"] == {
        "verzuim": D("92.967"), "werkoverleg": D("45.305556"),
        "leren_en_ontwikkelen": 150, "kwaliteitsontwikkeling": 35,
    }
    assert basis["totaal_aftrek"] == D("323.272556")
    assert basis["directe_uren"] == D("1307.727444")
    assert basis["aandeel_direct"] == D("0.801795")  # 1307,727444 / 1631
    assert basis["eenheid"] == "Bezwaar & Beroep" and basis["bestand"] == "bb.yaml"
    assert (basis["extra_fte"], basis["extra_kosten"], basis["waarde_extra_uren"]) == (0, 0, 0)
    assert scenario["aftrek"]["extra_leertijd"] == 36  # functie-level scenario wins
    assert scenario["basis_directe_uren"] == D("1307.727444")
    assert scenario["directe_uren"] == D("1271.727444")
    assert scenario["extra_fte"] == D("11.914817")
    assert scenario["extra_kosten"] == D("893611.288303")
    assert scenario["waarde_extra_uren"] == D("1151582.4")
    assert secretaris["aftrek"]["extra_leertijd"] == 12  # file-level scenario
    assert secretaris["extra_fte"] == D("0.434554")
    assert secretaris["extra_kosten"] is None and secretaris["werklast_uren"] is None
    assert secretaris_basis["fte"] == 50


def test_numbers_never_carry_float_noise_or_exponents(cli):
    cli.write("p.yaml", """\
        functie: klein
        beschikbare_uren: 1631
        aftrek: {a: 0.1, b: 0.2, c: "0,0000001"}
    """)
    text = cli("compute", "p.yaml", "-f", "json").stdout
    assert '"totaal_aftrek": 0.3,' in text  # 0.1 + 0.2 + 0.0000001 rounds half-up to 0.3
    assert '"c": 0}' in text  # 0.0000001 rounds to 0
    assert not re.search(r"\d[eE][+-]?\d", text)


def test_rounding_is_half_up(cli):
    # 1 / 8 = 0.125 exactly -> 3 places would be half-even 0.12 but here: 6 places.
    # 1631 - 1630.9999995 = 0.0000005 -> half-up gives 0.000001, half-even would give 0.
    cli.write("p.yaml", """\
        functie: afronding
        beschikbare_uren: 1631
        aftrek: {bijna_alles: 1630.9999995}
    """)
    (record,) = cli.json("compute", "p.yaml")
    assert record["directe_uren"] == 0.000001


def test_csv_flattens_deductions_and_reads_back(cli):
    cli.write("bb.yaml", UNIT)
    text = cli("compute", "bb.yaml", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 4
    header = next(csv.reader(io.StringIO(text)))
    assert header[:6] == ["functie", "eenheid", "scenario", "bestand", "bruto_uren", "beschikbare_uren"]
    assert header[6:11] == [
        "aftrek.verzuim", "aftrek.werkoverleg", "aftrek.leren_en_ontwikkelen",
        "aftrek.kwaliteitsontwikkeling", "aftrek.extra_leertijd",
    ]
    assert rows[1]["aftrek.werkoverleg"] == "45.305556"
    assert rows[1]["extra_fte"] == "11.914817"
    assert rows[0]["aftrek.extra_leertijd"] == ""  # absent in basis
    assert rows[2]["extra_kosten"] == ""  # null


def test_csv_dutch_dialect_has_semicolons_decimal_commas_and_a_bom(cli):
    cli.write("bb.yaml", UNIT)
    text = cli("compute", "bb.yaml", "--format", "csv", "--csv-dialect", "nl").stdout
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[1]["functie"] == "Medewerker bezwaar"
    assert rows[1]["extra_fte"] == "11,914817"
    assert rows[1]["fte"] == "420,9"
    assert rows[1]["bruto_uren"] == "1872"
    assert rows[1]["extra_kosten"] == "893611,288303"  # no thousands separator


def test_table_shows_dutch_numbers_and_a_total_per_scenario(cli):
    cli.write("bb.yaml", UNIT)
    out = cli("compute", "bb.yaml").stdout
    lines = out.splitlines()
    rij = next(line for line in lines if "Medewerker bezwaar" in line and "extra_leertijd" in line)
    cellen = [c.strip() for c in rij.strip("│┃ ").split("│")]
    assert cellen == [
        "Medewerker bezwaar", "Bezwaar & Beroep", "extra_leertijd",
        "1.631,0", "359,3", "1.271,7", "78,0%", "67,9%", "420,90", "+11,91", "€ 893.611", "€ 1.151.582",
    ]  # aandeel bruto (contract v2): 1271,727444 / 1872 (36 x 52) = 0,679341; waarde 420,9 x 36 x 76
    totaal = next(line for line in lines if "Totaal" in line and "extra_leertijd" in line)
    cellen = [c.strip() for c in totaal.strip("│┃ ").split("│")]
    # hours weighted by fte: (420,9 x 1271,727444 + 50 x 1380,727444) / 470,9 = 1283,300
    # fte 470,9; extra fte 11,914817 + 0,434554 = 12,349371
    # aandeel bruto of the total: 1283,300 / 1872 = 0,685523
    # costs: the Secretaris' 0,434554 extra fte have no price, so the total's costs are unknown:
    # blank, not the € 893.611 of the one functie with a price (issue 19: a partial sum misleads)
    assert [c.strip() for c in totaal.split("│")[1:-1]][3:] == [
        "1.631,0", "347,7", "1.283,3", "78,7%", "68,6%", "470,90", "+12,35", "", ""]


def test_scenario_option_limits_the_scenarios_but_keeps_basis(cli):
    cli.write("p.yaml", """\
        functie: Klantadviseur
        beschikbare_uren: 1631
        fte: 10
        aftrek: {indirect: 331}
        scenarios:
          plus_12: {aftrek: {extra: 12}}
          plus_40: {aftrek: {extra: 40}}
    """)
    records = cli.json("compute", "p.yaml", "--scenario", "plus_40")
    assert [r["scenario"] for r in records] == ["basis", "plus_40"]
    assert records[1]["extra_fte"] == pytest.approx(10 * 40 / 1260, abs=1e-6)
    records = cli.json("compute", "p.yaml", "-s", "plus_12", "-s", "plus_40")
    assert [r["scenario"] for r in records] == ["basis", "plus_12", "plus_40"]


def test_an_unknown_scenario_is_wrong_usage(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\nscenarios: {a: {fte: 1}}\n")
    result = cli("compute", "p.yaml", "--scenario", "b", code=2)
    assert "onbekend scenario 'b'" in result.stderr and "basis, a" in result.stderr
    assert result.stdout == ""


def test_an_unknown_scenario_beside_a_file_problem_is_named_by_its_option(cli):
    """The file's problem comes first (exit 1); the engine, which knows no options, reports
    the unknown name and the command line names the option it came from."""
    cli.write("p.yaml", "functies:\n  - {functie: X, beschikbare_uren: 1631, scenarios: {a: {fte: 1}}}\n"
                        "  - {functie: Y, beschikbare_uren: veel}\n")
    result = cli("compute", "p.yaml", "--scenario", "b", code=1)
    assert result.stderr.splitlines() == [
        "p.yaml:3:18: functies[1].beschikbare_uren: verwacht een getal, niet 'veel'",
        "--scenario: onbekend scenario 'b'; in deze bestanden staan: basis, a",
        "2 problemen gevonden; er is niets berekend.",
    ]


def test_scenario_overrides_adds_and_removes_deductions_by_name(cli):
    cli.write("p.yaml", """\
        functie: X
        beschikbare_uren: 1631
        fte: 100
        aftrek: {verzuim: 5%, opleiding: 40, overleg: 60}
        scenarios:
          anders:
            aftrek: {opleiding: 80, overleg: 0 uur, intervisie: 10}
    """)
    basis, anders = cli.json("compute", "p.yaml")
    assert list(anders["aftrek"]) == ["verzuim", "opleiding", "intervisie"]
    assert anders["aftrek"]["opleiding"] == 80
    # 1631 - 81,55 - 80 - 10 = 1459,45 ; basis 1631 - 81,55 - 100 = 1449,45
    assert anders["directe_uren"] == 1459.45 and basis["directe_uren"] == 1449.45
    # fewer deductions: fewer fte needed, 100 x (1449,45 / 1459,45 - 1) = -0,685190
    assert anders["extra_fte"] == -0.68519


def test_scenario_may_change_werklast_and_fte_nodig_follows(cli):
    cli.write("p.yaml", """\
        functie: X
        beschikbare_uren: 1631
        aftrek: {indirect: 331}
        werklast_uren: 130000
        scenarios:
          groei: {werklast_uren: 143000}
    """)
    basis, groei = cli.json("compute", "p.yaml")
    assert basis["fte_nodig"] == 100 and groei["fte_nodig"] == 110 and groei["extra_fte"] == 10


def test_standaard_from_a_file_relative_to_the_profile(cli):
    cli.write("configs/org.yaml", "beschikbare_uren: 1631\naftrek: {verzuim: 5.7%}\n")
    cli.write("profielen/p.yaml", """\
        standaard: ../configs/org.yaml
        functie: X
        aftrek: {leren: 185}
    """)
    (record,) = cli.json("compute", "profielen/p.yaml")
    assert record["aftrek"] == {"verzuim": 92.967, "leren": 185}
    assert record["directe_uren"] == 1353.033


def test_null_drops_an_inherited_field_so_verlof_can_be_given(cli):
    cli.write("e.yaml", """\
        standaard: {beschikbare_uren: 1631, uren_per_week: 36}
        functies:
          - functie: Eigen verlof
            beschikbare_uren: null
            verlof: {vakantie: 200}
    """)
    (record,) = cli.json("compute", "e.yaml")
    assert record["beschikbare_uren"] == 1672 and record["verlof"] == {"vakantie": 200}


def test_a_directory_is_every_yaml_below_it_sorted(cli):
    cli.write("d/b.yaml", "functie: B\nbeschikbare_uren: 1600\n")
    cli.write("d/a.yml", "functie: A\nbeschikbare_uren: 1500\n")
    cli.write("d/sub/c.yaml", "functie: C\nbeschikbare_uren: 1400\n")
    cli.write("d/notes.txt", "not yaml")
    records = cli.json("compute", "d")
    assert [r["functie"] for r in records] == ["A", "B", "C"]


def test_stdin(cli):
    records = cli.json("compute", "-", input="functie: X\nbeschikbare_uren: 1631\naftrek: {a: 31}\n")
    assert records[0]["directe_uren"] == 1600 and records[0]["bestand"] == "<stdin>"


def test_bom_and_crlf_simply_work(cli):
    path = cli.tmp_path / "w.yaml"
    path.write_bytes("\ufefffunctie: Één\r\nbeschikbare_uren: 1631\r\naftrek:\r\n  a: 31\r\n".encode())
    (record,) = cli.json("compute", "w.yaml")
    assert record["functie"] == "Één" and record["directe_uren"] == 1600


def test_output_writes_the_file_and_nothing_to_stdout(cli):
    cli.write("bb.yaml", UNIT)
    result = cli("compute", "bb.yaml", "-f", "json", "--output", "uit.json")
    assert result.stdout == ""
    assert len(json.loads((cli.tmp_path / "uit.json").read_text(encoding="utf-8"))) == 4
    assert [p.name for p in cli.tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_output_into_a_named_pipe_writes_into_it_and_leaves_it_a_pipe(cli, tmp_path):
    """A pipe or device (/dev/stdout) must not be replaced by a file, as writing beside it and renaming would."""
    import stat
    import threading

    pijp = tmp_path / "uit.json"
    os.mkfifo(pijp)
    gelezen: list[str] = []
    lezer = threading.Thread(target=lambda: gelezen.append(pijp.read_text(encoding="utf-8")), daemon=True)
    lezer.start()
    result = cli("compute", str(EXAMPLES / "hot-2023.yaml"), "--format", "json", "--output", str(pijp))
    lezer.join(10)
    assert stat.S_ISFIFO(pijp.stat().st_mode)
    assert gelezen and gelezen[0].startswith('[\n{"functie": "Rijksmedewerker (HOT 2023)"'), gelezen
    assert result.stderr == f"geschreven: {pijp}\n"


def test_output_is_not_touched_when_the_input_is_invalid(cli):
    cli.write("bad.yaml", "functie: X\nbeschikbare_uren: veel\n")
    (cli.tmp_path / "uit.json").write_text("oud", encoding="utf-8")
    cli("compute", "bad.yaml", "-f", "json", "-o", "uit.json", code=1)
    assert (cli.tmp_path / "uit.json").read_text(encoding="utf-8") == "oud"


def test_output_never_overwrites_an_input_file(cli):
    path = cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\n")
    result = cli("compute", "p.yaml", "-f", "json", "-o", "p.yaml", code=2)
    assert "invoerbestand" in result.stderr
    assert path.read_text(encoding="utf-8") == "functie: X\nbeschikbare_uren: 1631\n"


def test_identical_input_gives_byte_identical_output(cli):
    cli.write("bb.yaml", UNIT)
    runs = [cli("compute", "bb.yaml", "-f", fmt).stdout for fmt in ("json", "json", "csv", "csv", "table", "table")]
    assert runs[0] == runs[1] and runs[2] == runs[3] and runs[4] == runs[5]


def test_compare_matches_functies_by_name_and_reports_the_lonely_ones(cli):
    cli.write("oud.yaml", COMPARE_OUD)
    cli.write("nieuw.yaml", COMPARE_NIEUW)
    result = cli("compare", "oud.yaml", "nieuw.yaml", "-f", "json")
    records = json.loads(result.stdout)
    assert [(r["functie"], r["scenario"]) for r in records] == [
        ("Procesbegeleider", "oud"), ("Procesbegeleider", "nieuw"),
        ("Verdwenen", "oud"), ("Nieuw", "nieuw"),
    ]
    # 100 x (1300 / 1260 - 1) = 3,174603; x 70000 = 222.222,22
    assert records[1]["basis_directe_uren"] == 1300
    assert records[1]["extra_fte"] == 3.174603
    assert records[1]["extra_kosten"] == 222222.222222
    assert records[0]["extra_fte"] == 0
    assert records[3]["extra_fte"] is None and records[3]["basis_directe_uren"] is None
    assert "'Verdwenen' staat alleen in oud" in result.stderr
    assert "'Nieuw' staat alleen in nieuw" in result.stderr


def test_validate_prints_every_problem_and_computes_nothing(cli):
    cli.write("ok.yaml", "functie: X\nbeschikbare_uren: 1631\nscenarios: {a: {fte: 1}}\n")
    result = cli("validate", "ok.yaml")
    assert result.stdout == ""
    assert "in orde: 1 bestand, 1 functie, 1 scenario" in result.stderr


def test_version_and_help_on_every_command(cli):
    assert cli("--version").stdout.strip() == f"brutonetto {__version__}"
    for command in ("compute", "compare", "validate"):
        help_text = cli(command, "--help").stdout
        assert "Gebruik:" in help_text and len(help_text) > 200
    assert "Bruto/netto" in cli("--help").stdout


@pytest.mark.parametrize(
    "args",
    [["compute"], ["compute", "x.yaml", "--format", "xml"], ["compute", "x.yaml", "--bogus"], ["compare", "a.yaml"], ["nonsense"]],
)
def test_wrong_usage_exits_2(cli, args):
    cli(*args, code=2)


def test_hours_per_week_and_per_day_may_carry_their_unit(cli):
    cli.write("p.yaml", """\
        functie: X
        uren_per_week: 36 uur/week
        uren_per_dag: 7,2 uur
        verlof: {vakantie: 25 dagen}
    """)
    (record,) = cli.json("compute", "p.yaml")
    assert record["bruto_uren"] == 1872 and record["verlof"] == {"vakantie": 180}


def test_a_total_without_any_fte_is_never_a_plain_mean(cli):
    """Contract v3: (1300 + 1500) / 2 = 1400 direct hours was a mean of two functies of any size."""
    cli.write("a.yaml", "functie: A\nbeschikbare_uren: 1600\naftrek: {x: 300}\n")
    cli.write("b.yaml", "functie: B\nbeschikbare_uren: 1700\naftrek: {x: 200}\n")
    assert "│ Totaal " not in cli("compute", "a.yaml", "b.yaml").stdout  # nothing to add up or weigh


def test_hours_in_a_total_are_weighted_by_fte_nodig_where_no_functie_has_fte(cli):
    """werklast 130.000 / 1300 = 100 fte nodig for A, 15.000 / 1500 = 10 for B;
    direct (100 x 1300 + 10 x 1500) / 110 = 1318,18; beschikbaar (100 x 1600 + 10 x 1700) / 110 = 1609,09."""
    cli.write("a.yaml", "functie: A\nbeschikbare_uren: 1600\naftrek: {x: 300}\nwerklast_uren: 130000\n")
    cli.write("b.yaml", "functie: B\nbeschikbare_uren: 1700\naftrek: {x: 200}\nwerklast_uren: 15000\n")
    totaal = next(line for line in cli("compute", "a.yaml", "b.yaml").stdout.splitlines() if line.startswith("│ Totaal"))
    cellen = [c.strip() for c in totaal.strip("│ ").split("│")]
    assert cellen[2:6] == ["1.609,1", "290,9", "1.318,2", "81,9%"]  # 1318,18 / 1609,09 = 0,8192
    assert "110,00" in cellen


def test_the_console_entry_point_runs_one_command_and_lists_them_all(tmp_path):
    import subprocess
    import sys

    from conftest import EXAMPLES, ROOT

    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    run = subprocess.run([sys.executable, "-m", "brutonetto", "validate", str(EXAMPLES)], capture_output=True, text=True, env=env)
    assert run.returncode == 0 and f"in orde: {len(list(EXAMPLES.rglob('*.yaml')))} bestanden" in run.stderr
    hulp = subprocess.run([sys.executable, "-m", "brutonetto", "--help"], capture_output=True, text=True, env=env).stdout
    assert all(naam in hulp for naam in ("compute", "compare", "validate", "explain", "chart", "schema", "init"))


def test_the_contract_example_record_is_reproduced_byte_for_byte(cli):
    # contract.md, "Output": 36 x 52 = 1872; - 191 - 50 = 1631; 5,7% = 92,967; + 185 = 277,967;
    # 1631 - 277,967 = 1353,033; / 1631 = 0,829573; no kosten or uurtarief: null
    # contract v2 adds aandeel_bruto after waarde_extra_uren: 1353,033 / 1872 = 0,72277404 -> 0,722774;
    # then producten and agenturen_per_week (null: no products, no queue)
    cli.write("path.yaml", """\
        functie: "..."
        eenheid: "..."
        uren_per_week: 36
        verlof: {vakantie: 191, feestdagen: 50}
        aftrek: {verzuim: 5.7%, leren_en_ontwikkelen: 185}
        fte: 100
    """)
    assert cli("compute", "path.yaml", "--format", "json").stdout == (
        '[\n{"functie": "...", "eenheid": "...", "scenario": "basis", "bestand": "path.yaml", "bruto_uren": 1872, '
        '"verlof": {"vakantie": 191, "feestdagen": 50}, "beschikbare_uren": 1631, '
        '"aftrek": {"verzuim": 92.967, "leren_en_ontwikkelen": 185}, '
        '"totaal_aftrek": 277.967, "directe_uren": 1353.033, "aandeel_direct": 0.829573, '
        '"fte": 100, "werklast_uren": null, "fte_nodig": null, '
        '"basis_directe_uren": 1353.033, "extra_fte": 0, "extra_kosten": null, "waarde_extra_uren": null, '
        '"aandeel_bruto": 0.722774, "producten": null, "agenturen_per_week": null}\n]\n'
    )


def test_output_is_utf8_even_when_the_shell_redirects_in_a_legacy_code_page():
    import subprocess
    import sys

    from conftest import EXAMPLES, ROOT

    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "cp1252"}
    run = subprocess.run(
        [sys.executable, "-m", "brutonetto", "compute", str(EXAMPLES / "bezwaar-en-beroep.yaml"), "-f", "csv", "--csv-dialect", "nl"],
        capture_output=True, env=env,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("\ufefffunctie;".encode())  # the BOM, which cp1252 cannot encode
    tabel = subprocess.run([sys.executable, "-m", "brutonetto", "compute", str(EXAMPLES / "hot-2023.yaml")], capture_output=True, env=env)
    assert tabel.returncode == 0 and "┏".encode() in tabel.stdout


def test_aandeel_bruto_is_null_without_bruto_and_its_column_shows_only_when_a_row_has_it(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1600\naftrek: {indirect: 400}\n")
    (record,) = cli.json("compute", "p.yaml")
    assert list(record)[-4:] == ["waarde_extra_uren", "aandeel_bruto", "producten", "agenturen_per_week"] and record["aandeel_bruto"] is None
    assert "Aandeel bruto" not in cli("compute", "p.yaml").stdout
    csv_regels = cli("compute", "p.yaml", "-f", "csv").stdout.splitlines()
    assert csv_regels[0].endswith(",waarde_extra_uren,aandeel_bruto,agenturen_per_week") and csv_regels[1].endswith(",,")  # no products: no columns
    # with 40 x 52 = 2080 bruto uren: 1200 / 2080 = 0,576923
    cli.write("q.yaml", "functie: Y\nuren_per_week: 40\nbeschikbare_uren: 1600\naftrek: {indirect: 400}\n")
    assert cli("compute", "q.yaml", "-f", "csv").stdout.splitlines()[1].endswith(",0.576923,")
    assert "57,7%" in cli("compute", "p.yaml", "q.yaml").stdout


def _tabel(uit: str) -> dict[tuple[str, str], dict[str, str]]:
    regels = uit.splitlines()
    koppen = [c.strip() for c in regels[1][1:-1].split("┃")]
    rijen = [[c.strip() for c in r[1:-1].split("│")] for r in regels if r.startswith("│")]  # blank cells too
    return {(r[0], r[koppen.index("Scenario")]): dict(zip(koppen, r)) for r in rijen}


def test_compare_leaves_the_basis_row_and_total_blank_as_compute_does(cli):
    cli.write("oud.yaml", COMPARE_OUD)
    cli.write("nieuw.yaml", COMPARE_NIEUW)
    rijen = _tabel(cli("compare", "oud.yaml", "nieuw.yaml").stdout)
    for sleutel in [("Procesbegeleider", "oud"), ("Verdwenen", "oud"), ("Totaal gekoppeld", "oud")]:
        assert (rijen[sleutel]["Extra fte"], rijen[sleutel]["Extra kosten"]) == ("", ""), sleutel
    # 100 x (1300 / 1260 - 1) = 3,174603; x 70.000 = 222.222
    assert (rijen[("Procesbegeleider", "nieuw")]["Extra fte"], rijen[("Procesbegeleider", "nieuw")]["Extra kosten"]) == ("+3,17", "€ 222.222")


def test_compare_totals_cover_the_matched_functies_and_say_so(cli):
    cli.write("oud.yaml", COMPARE_OUD)
    cli.write("nieuw.yaml", COMPARE_NIEUW)
    rijen = _tabel(cli("compare", "oud.yaml", "nieuw.yaml").stdout)
    # only Procesbegeleider is in both: 100 fte on each side (not 105 and 103), its hours alone
    assert rijen[("Totaal gekoppeld", "oud")]["Fte"] == "100,00"
    assert rijen[("Totaal gekoppeld", "nieuw")]["Fte"] == "100,00"
    assert rijen[("Totaal gekoppeld", "oud")]["Directe uren"] == "1.300,0"
    assert rijen[("Totaal gekoppeld", "nieuw")]["Directe uren"] == "1.260,0"
    assert ("Totaal", "oud") not in rijen
    # both files the same functies: a plain Totaal, as compute
    cli.write("nieuw2.yaml", COMPARE_OUD.replace("indirect: 331}", "indirect: 371}"))
    rijen = _tabel(cli("compare", "oud.yaml", "nieuw2.yaml").stdout)
    assert rijen[("Totaal", "oud")]["Fte"] == "105,00" and rijen[("Totaal", "oud")]["Extra fte"] == ""


def test_a_scenario_total_covers_the_whole_unit(cli):
    """Contract v3: B has no scenario 'zuiniger' and counts in its total with its basis.
    fte 100 + 50 = 150; direct (100 x 1200 + 50 x 1500) / 150 = 1300,0;
    beschikbaar (100 x 1600 + 50 x 1700) / 150 = 1633,3; extra fte 100 x (1300 / 1200 - 1) = 8,33.
    v2 showed 100 fte and 1200 direct hours: the one functie that has the scenario."""
    cli.write("unit.yaml", """\
        functies:
          - functie: A
            beschikbare_uren: 1600
            fte: 100
            aftrek: {x: 300}
            scenarios:
              zuiniger: {aftrek: {x: 400}}
          - functie: B
            beschikbare_uren: 1700
            fte: 50
            aftrek: {x: 200}
        """)
    regels = cli("compute", "unit.yaml").stdout.splitlines()
    totaal = next(line for line in regels if line.startswith("│ Totaal") and "zuiniger" in line)
    cellen = [c.strip() for c in totaal.strip("│ ").split("│")]
    assert cellen[2:] == ["1.633,3", "333,3", "1.300,0", "79,6%", "150,00", "+8,33"]  # 1300 / 1633,3


def test_a_folder_skips_the_files_its_profiles_use_as_standaard(cli):
    """Contract v3: `compute bb/` with bb/configs/ beside bb/units/ failed on the standaard file."""
    cli.write("bb/configs/standaard.yaml", "beschikbare_uren: 1631\naftrek: {verzuim: 5.7%}\n")
    cli.write("bb/units/a.yaml", "functie: A\nstandaard: ../configs/standaard.yaml\nfte: 10\n")
    cli.write("bb/units/b.yaml", "functie: B\nstandaard: ../configs/standaard.yaml\nfte: 5\n")
    records = cli.json("compute", "bb")
    assert [(r["functie"], r["directe_uren"]) for r in records] == [("A", 1538.033), ("B", 1538.033)]  # 1631 - 92,967
    assert cli("validate", "bb").stderr.startswith("in orde: 2 bestanden, 2 functies")
    # named on the command line it is still what the user asked for: refused as a profile
    assert "dit lijkt een standaardbestand" in cli("validate", "bb/units", "bb/configs/standaard.yaml", code=1).stderr


def test_a_standaard_file_nobody_uses_is_skipped_in_a_folder_and_said(cli):
    """A new user's trial: configs/ holds several years' standaards; the one not used made
    `compute bb/` refuse. Skipped with a warning; hidden folders (.git, .venv) are not read."""
    cli.write("bb/configs/oud.yaml", "beschikbare_uren: 1631\n")
    cli.write("bb/units/a.yaml", "functie: A\nbeschikbare_uren: 1600\n")
    cli.write("bb/.git/x.yaml", "niet: een profiel\n")
    cli.write("bb/units/.venv/lib/port.yaml", "- geen profiel\n")
    assert cli("validate", "bb").stderr.splitlines() == [
        "waarschuwing: bb/configs/oud.yaml: overgeslagen: een standaardbestand dat geen profiel in deze run gebruikt",
        "in orde: 1 bestand, 1 functie, 0 scenario's",
    ]
    # named on the command line it is what the user asked for: refused as a profile
    assert "bb/configs/oud.yaml:1:1: dit lijkt een standaardbestand" in cli("validate", "bb/configs/oud.yaml", code=1).stderr


def test_compare_says_when_a_functie_is_in_both_files_under_another_eenheid(cli):
    """Not 'staat alleen in' twice: the functie is in both, and the eenheid is what differs."""
    cli.write("o.yaml", "eenheid: Bezwaar\nfuncties:\n  - {functie: A, beschikbare_uren: 1600, fte: 10}\n")
    cli.write("n.yaml", "eenheid: Bezwaar en beroep\nfuncties:\n  - {functie: A, beschikbare_uren: 1500, fte: 10}\n")
    uitkomst = cli("compare", "o.yaml", "n.yaml")
    assert uitkomst.stderr.splitlines() == [
        "waarschuwing: functie 'A' staat in beide bestanden, maar met een andere eenheid (eenheid 'Bezwaar' in o, "
        "eenheid 'Bezwaar en beroep' in n); gekoppeld wordt op eenheid en naam: maak de eenheid gelijk om ze te vergelijken"
    ]
    regels = uitkomst.stdout.splitlines()
    assert "├" not in uitkomst.stdout  # nothing matched: no empty block of totals under a rule
    assert regels[-2].startswith("│ A ") and regels[-1].startswith("└")


def test_both_compare_totals_say_gekoppeld_when_only_the_new_file_has_an_extra_functie(cli):
    cli.write("oud.yaml", COMPARE_OUD.replace("      - {functie: Verdwenen, fte: 5, aftrek: {indirect: 300}}\n", ""))
    cli.write("nieuw.yaml", COMPARE_NIEUW)
    rijen = _tabel(cli("compare", "oud.yaml", "nieuw.yaml").stdout)
    assert rijen[("Totaal gekoppeld", "oud")]["Fte"] == "100,00"  # the same 100 fte on both sides
    assert rijen[("Totaal gekoppeld", "nieuw")]["Fte"] == "100,00"


def test_a_total_of_files_with_and_without_fte_and_costs(cli):
    """A new user's trial: A (10 fte, costs) beside B (only a workload, no costs, a scenario).
    By hand: B needs 130.000 / 1300 = 100 fte, under leer 130.000 / 1260 = 103,17 (+3,17).
    Totaal leer hours, each functie by its fte or else its fte nodig:
    (10 x 1300 + 103,17 x 1260) / 113,17 = 143.000 / 113,17 = 1263,5 (was 1300: B did not weigh).
    Its costs are unknown, not € 0 (A's basis adds nothing to the scenario's costs); fte nodig of
    the unit is unknown (A has none), not B's 103,17 beside 10 fte."""
    cli.write("ta.yaml", "functie: A\nbeschikbare_uren: 1631\naftrek: {overig: 331}\nfte: 10\nkosten_per_fte: 80000\n")
    cli.write("tb.yaml", "functie: B\nbeschikbare_uren: 1631\naftrek: {overig: 331}\nwerklast_uren: 130000\n"
                         "scenarios:\n  leer: {aftrek: {leren: 40}}\n")
    regels = cli("compute", "ta.yaml", "tb.yaml").stdout.splitlines()
    totaal = next(r for r in regels if r.startswith("│ Totaal") and "leer" in r)
    assert [c.strip() for c in totaal.split("│")[1:-1]][2:] == [
        "1.631,0", "367,5", "1.263,5", "77,5%", "10,00", "", "+3,17", ""]


def test_a_mistyped_scenario_option_gets_a_suggestion(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\nscenarios:\n  leertijd_plus_50: {aftrek: {leren: 50}}\n")
    assert ("fout: --scenario: onbekend scenario 'leertijd_plus50'; bedoelt u 'leertijd_plus_50'?; in deze bestanden "
            "staan: basis, leertijd_plus_50") in cli("compute", "p.yaml", "-s", "leertijd_plus50", code=2).stderr


def test_a_profile_that_lost_its_functie_is_no_unused_standaard_in_a_folder(cli):
    """A second trial: `eenheid`, `fte` and costs without `functie` were skipped as an unused
    standaard, and 25 fte dropped out of the totals without a word."""
    cli.write("bb/units/a.yaml", "functie: A\nbeschikbare_uren: 1600\n")
    cli.write("bb/units/e.yaml", "eenheid: E\nbeschikbare_uren: 1600\nfte: 25\nkosten_per_fte: 70000\n")
    fout = cli("compute", "bb", code=1).stderr
    assert "bb/units/e.yaml:1:1: verwacht 'functie' (één profiel) of 'functies'" in fout
