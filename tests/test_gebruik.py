"""What a new user tripped on, in an ordinary 80-column terminal: each case as it was seen."""

from __future__ import annotations

import re

import pytest
import typer.main

import brutonetto.cli.uitvoer
from brutonetto.cli.commands import DebugOptie, Dialect, DialectOptie, Formaat, FormaatOptie, UitvoerOptie, app
from brutonetto.cli.groep import OPTIES, Commando, Groep
from brutonetto.api.uitkomst import Uitkomst as Resultaat
from brutonetto.cli.uitvoer import Opmaak, voer_uit
from brutonetto.output.formaten import Inhoud
from conftest import EXAMPLES, ROOT

ENGELS_IN_HULP = ("Usage", "Options", "Arguments", "Commands", "Show this message", "<bool>", "<list", "[default", "[required]")
ENGELS_IN_FOUT = (
    "Error", "Usage", "Try ", "No such", "Missing", "Invalid value", "requires", "does not take",
    "Got unexpected", "Did you mean", "Possible options", "is not one of", "Value error",
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
COMMANDOS = sorted(typer.main.get_command(app).list_commands(None))
assert len(COMMANDOS) == 12, COMMANDOS  # every parametrized test below runs for each command


@pytest.mark.parametrize("naam", COMMANDOS)
def test_every_help_is_dutch(cli, naam):
    hulp = cli(naam, "--help").stdout
    assert hulp.startswith("Gebruik: ") and "Opties:" in hulp and "Toon deze hulp en stop." in hulp
    assert [woord for woord in ENGELS_IN_HULP if woord in hulp] == []


def test_the_main_help_is_dutch_and_lists_every_command(cli):
    hulp = cli("--help").stdout
    assert "Commando's:" in hulp and all(naam in hulp for naam in COMMANDOS)
    assert [woord for woord in ENGELS_IN_HULP if woord in hulp] == []


def test_the_extras_to_install_survive_in_the_help(cli):
    # Rich read [xlsx] and [grafiek] as markup and printed pip install 'brutonetto'
    assert "pip install 'brutonetto[xlsx]'" in " ".join(cli("compute", "--help").stdout.split())
    assert "pip install 'brutonetto[xlsx]'" in " ".join(cli("compare", "--help").stdout.split())
    assert "pip install 'brutonetto[grafiek]'" in " ".join(cli("chart", "--help").stdout.split())


@pytest.mark.parametrize(
    "args, melding",
    [
        (["compute", "p.yaml", "--bogus"], "fout: onbekende optie --bogus; bedoelt u --bars?"),
        (["compute"], "fout: het argument PAD ontbreekt"),
        (["compare", "p.yaml"], "fout: het argument NIEUW ontbreekt"),
        (["compute", "p.yaml", "--format", "xml"], "fout: ongeldige waarde voor --format: 'xml' is geen van"),
        (["compute", "p.yaml", "-o"], "fout: de optie -o heeft een waarde nodig"),
        (["compute", "p.yaml", "--debug=ja"], "fout: de optie --debug neemt geen waarde"),
        (["comput", "p.yaml"], "fout: onbekend commando 'comput'; bedoelt u 'compute'"),
        (["schema", "extra"], "fout: onverwacht extra argument: extra"),
        (["chart", "p.yaml"], "fout: de optie --output ontbreekt"),
        (["compute", "p.yaml", "-f", "xlsx"], "fout: --format xlsx: een Excel-werkboek gaat naar een bestand"),
        (["compute", "p.yaml", "--staven", "-f", "json"], "fout: --staven tekent balken in de tabel; --format json heeft er geen"),
    ],
)
def test_usage_errors_are_dutch_and_exit_2(cli, args, melding):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\n")
    fout = cli(*args, code=2).stderr
    assert melding in fout
    assert [woord for woord in ENGELS_IN_FOUT if woord in fout] == []


# contract v3: every command also answers to its Dutch name
NEDERLANDSE_NAMEN = {
    "bereken": "compute", "vergelijk": "compare", "controleer": "validate", "uitleg": "explain",
    "grafiek": "chart", "gevoeligheid": "sensitivity", "begroting": "budget", "realisatie": "realisation",
}


@pytest.mark.parametrize("nl, en", sorted(NEDERLANDSE_NAMEN.items()))
def test_every_command_answers_to_its_dutch_name(cli, nl, en):
    hulp_nl, hulp_en = cli(nl, "--help").stdout, cli(en, "--help").stdout
    assert hulp_nl == hulp_en.replace(f"brutonetto {en} ", f"brutonetto {nl} ")
    assert f"  {en} ({nl})  " in cli("--help").stdout


def test_a_dutch_name_gives_the_same_result(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\naftrek: {verzuim: 5%}\n")
    assert cli("bereken", "p.yaml", "-f", "json").stdout == cli("compute", "p.yaml", "-f", "json").stdout
    assert cli("controleer", "p.yaml").stdout == cli("validate", "p.yaml").stdout


@pytest.mark.parametrize(
    "naam, bedoeld",
    [("gevoelighed", "'gevoeligheid'"), ("berken", "'bereken'"), ("realisaite", "'realisatie'"),
     ("sensitivty", "'sensitivity'")],
)
def test_an_unknown_command_is_matched_against_both_languages(cli, naam, bedoeld):
    fout = cli(naam, "p.yaml", code=2).stderr
    assert f"fout: onbekend commando '{naam}'; bedoelt u {bedoeld}" in fout


def test_a_usage_error_shows_the_usage_and_where_help_is(cli):
    fout = cli("compute", "p.yaml", "--bogus", code=2).stderr
    assert fout.startswith("Gebruik: ") and "Probeer '" in fout and "compute --help' voor hulp." in fout


def test_no_command_shows_the_help_and_exits_2(cli):
    assert "Commando's:" in cli(code=2).stderr


# A terminal of 80 columns ------------------------------------------------------------


def _in_terminal(monkeypatch, breedte: int) -> None:
    monkeypatch.setattr(brutonetto.cli.uitvoer, "terminalbreedte", lambda uit: breedte)


def _regels(tekst: str) -> list[str]:
    return ANSI.sub("", tekst).splitlines()


def test_the_table_fits_an_80_column_terminal(cli, monkeypatch):
    breed = cli("compute", EXAMPLES / "bezwaar-en-beroep.yaml").stdout
    assert max(map(len, breed.splitlines())) > 150  # as it was: it wrapped into nonsense
    _in_terminal(monkeypatch, 80)
    regels = _regels(cli("compute", EXAMPLES / "bezwaar-en-beroep.yaml").stdout)
    assert max(map(len, regels)) <= 80
    assert "Medewerker bezwaar · Bezwaar & Beroep" in regels
    rij = next(r for r in regels if r.lstrip().startswith("extra_leertijd") and "907.889" in r)
    # with the uurtarief method's column (issue 19) the available hours (1631 for all) give way
    assert rij.split() == ["extra_leertijd", "1.251,7", "76,7%", "420,90", "+12,11", "€", "907.889", "€", "1.151.582"]
    assert any("Niet getoond (scherm te smal): beschikbare uren, totaal aftrek, aandeel bruto" in r for r in regels)


def test_the_bars_asked_for_are_the_last_thing_an_80_column_terminal_drops(cli, monkeypatch):
    _in_terminal(monkeypatch, 80)
    regels = _regels(cli("compute", EXAMPLES / "bezwaar-en-beroep.yaml", "--staven").stdout)
    assert max(map(len, regels)) <= 80
    rij = next(r for r in regels if r.lstrip().startswith("extra_leertijd"))
    assert "█" in rij and "░" in rij  # 76,7% direct: 15 of 20
    assert rij.count("█") + rij.count("░") == 19 and rij.count("█") == 15  # 0,767 x 19 = 14,6
    assert not any("direct █ / aftrek ░" in r.lower() and "niet getoond" in r.lower() for r in regels)


@pytest.mark.parametrize("breedte", [30, 40, 50, 60, 70, 80, 100])
def test_every_example_fits_any_terminal_width(cli, monkeypatch, breedte):
    _in_terminal(monkeypatch, breedte)
    for args in (["compute", EXAMPLES], ["compute", EXAMPLES, "--staven"], ["explain", EXAMPLES / "uitkeren.yaml"]):
        regels = _regels(cli(*args).stdout)
        te_breed = [r for r in regels if len(r) > max(breedte, 40) and "·" not in r]
        assert te_breed == [], (args, breedte)


def test_a_wide_terminal_gets_the_full_table(cli, monkeypatch):
    gepijpt = cli("compute", EXAMPLES / "hot-2023.yaml").stdout
    _in_terminal(monkeypatch, 250)
    assert _regels(cli("compute", EXAMPLES / "hot-2023.yaml").stdout) == gepijpt.splitlines()


def test_files_and_pipes_keep_the_full_table_whatever_the_terminal(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    gepijpt = cli("compute", EXAMPLES / "bezwaar-en-beroep.yaml").stdout
    assert gepijpt.startswith("┏") and "\x1b" not in gepijpt
    cli("compute", EXAMPLES / "bezwaar-en-beroep.yaml", "-o", "tabel.txt")
    assert (cli.tmp_path / "tabel.txt").read_text(encoding="utf-8") == gepijpt


def test_explain_folds_its_long_lines_in_a_narrow_terminal(cli, monkeypatch):
    gepijpt = cli("explain", EXAMPLES / "bezwaar-en-beroep.yaml", "-F", "Medewerker bezwaar").stdout
    assert max(map(len, gepijpt.splitlines())) > 100
    _in_terminal(monkeypatch, 80)
    regels = _regels(cli("explain", EXAMPLES / "bezwaar-en-beroep.yaml", "-F", "Medewerker bezwaar").stdout)
    assert max(map(len, regels)) <= 80
    # every part of every step is still there, in order
    assert " ".join(" ".join(regels).split()) == " ".join(" ".join(gepijpt.splitlines()).split())


# Input that is valid but probably not meant -------------------------------------------


def test_contract_hours_without_leave_are_warned_about_at_their_line(cli):
    cli.write("p.yaml", "functie: X\nuren_per_week: 36\naftrek: {verzuim: 5%}\n")
    result = cli("compute", "p.yaml", "-f", "json")
    assert (
        "waarschuwing: p.yaml:2: functie 'X': uren_per_week zonder verlof of beschikbare_uren; "
        "alle bruto uren tellen nu als beschikbaar"
    ) in result.stderr
    cli.write("q.yaml", "functie: X\nuren_per_week: 36\nverlof: {vakantie: 144}\n")
    assert "waarschuwing" not in cli("compute", "q.yaml").stderr


def test_compare_says_it_leaves_the_scenarios_out(cli):
    cli.write("oud.yaml", "functie: X\nbeschikbare_uren: 1631\nfte: 10\nscenarios: {meer: {aftrek: {l: 40}}}\n")
    cli.write("nieuw.yaml", "functie: X\nbeschikbare_uren: 1600\nfte: 10\n")
    result = cli("compare", "oud.yaml", "nieuw.yaml")
    assert "waarschuwing: oud.yaml: 1 scenario niet vergeleken" in result.stderr
    assert "nieuw.yaml" not in result.stderr


# Messages quote the input as it was typed ---------------------------------------------


def test_an_engine_message_quotes_the_value_as_typed(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\naftrek:\n  werkoverleg: 1,5 u/w\n")
    fout = cli("compute", "p.yaml", code=1).stderr
    assert "aftrek.werkoverleg: functie 'X': '1,5 u/w' heeft uren_per_week nodig" in fout


@pytest.mark.parametrize(
    "waarde, bedoeld",
    [("5 procent", "5%"), ("5,7 pct", "5,7%"), ("2 uur per week", "2 uur/week"), ("3 werkdagen", "3 dagen"),
     ("3 uur/wek", "3 uur/week"), ("40 uren per jaar", "40 uur")],
)
def test_a_unit_written_out_suggests_the_one_meant(cli, waarde, bedoeld):
    cli.write("p.yaml", f"functie: X\nbeschikbare_uren: 1631\naftrek:\n  x: {waarde}\n")
    assert f"onbekende eenheid '{waarde.split(' ', 1)[1]}' in '{waarde}'; bedoelt u '{bedoeld}'?" in cli(
        "compute", "p.yaml", code=1
    ).stderr


def test_standaard_on_stdin_is_relative_to_the_working_directory_and_documented(cli):
    cli.write("configs/org.yaml", "beschikbare_uren: 1631\n")
    (record,) = cli.json("compute", "-", input="standaard: configs/org.yaml\nfunctie: X\n")
    assert record["beschikbare_uren"] == 1631
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "relatief aan de map waarin u brutonetto start" in readme
    assert "relatief aan de huidige map" in " ".join(cli("compute", "--help").stdout.split())


# A new command with the standard output options ---------------------------------------


def test_a_new_command_gets_every_format_from_the_shared_options_and_the_runner(tmp_path, monkeypatch):
    """What a v2 command (sensitivity, budget, ...) writes: the shared options, an Inhoud, one call."""
    import json
    from decimal import Decimal
    from functools import partial

    import typer
    from typer.testing import CliRunner


    class Jaren(Inhoud):
        def rijen(self):
            return [{"jaar": Decimal(2023), "kosten": Decimal("1.5")}, {"jaar": Decimal(2024), "kosten": Decimal("2")}]

        def tabel(self, uit, breedte, balken=False):
            uit.writelines(f"{r['jaar']}  {r['kosten']}\n" for r in self.rijen())

        def csv(self, uit, dialect):
            uit.write("jaar;kosten\r\n" if dialect == "nl" else "jaar,kosten\r\n")

    def _werk() -> Resultaat:
        return Resultaat(Jaren(), [], ["let op"], [])

    proef = typer.Typer()

    @proef.command(cls=Commando, options_metavar=OPTIES)
    def budget(
        formaat: FormaatOptie = Formaat.table, csv_dialect: DialectOptie = Dialect.en,
        output: UitvoerOptie = None, debug: DebugOptie = False,
    ) -> None:
        """Een proefcommando met de gewone uitvoeropties, in een paar regels."""
        voer_uit(partial(_werk), Opmaak(formaat.value, output, csv_dialect.value), debug)

    groep = typer.Typer(cls=Groep.met(proef), rich_markup_mode=None)
    groep.callback()(lambda: None)
    monkeypatch.chdir(tmp_path)
    loper = CliRunner()
    tabel = loper.invoke(groep, ["budget"])
    assert tabel.exit_code == 0 and tabel.stdout == "2023  1.5\n2024  2\n" and "waarschuwing: let op" in tabel.stderr
    assert json.loads(loper.invoke(groep, ["budget", "-f", "json"]).stdout) == [{"jaar": 2023, "kosten": 1.5}, {"jaar": 2024, "kosten": 2}]
    assert loper.invoke(groep, ["budget", "-f", "jsonl"]).stdout.count("\n") == 2
    assert loper.invoke(groep, ["budget", "-f", "csv", "--csv-dialect", "nl"]).stdout.strip() == "jaar;kosten"
    assert loper.invoke(groep, ["budget", "-f", "json", "-o", "b.json"]).exit_code == 0
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))[1]["jaar"] == 2024
    fout = loper.invoke(groep, ["budget", "-f", "xlsx"])
    assert fout.exit_code == 2 and "'xlsx' is geen van 'table', 'json', 'jsonl', 'csv'" in fout.stderr
