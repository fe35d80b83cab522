"""The documentation tells the truth: the worked example recomputes, every command is documented."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D

import pytest
import typer.main

from brutonetto.cli.commands import app
from conftest import ROOT

BEREKENING = (ROOT / "docs" / "berekening.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_worked_example_in_the_formula_sheet_recomputes(cli):
    voorbeeld = re.search(r"```yaml\n(.*?)```", BEREKENING, re.S).group(1)
    cli.write("voorbeeld.yaml", voorbeeld)
    basis, scenario = json.loads(cli("compute", "voorbeeld.yaml", "-f", "json").stdout, parse_float=D, parse_int=D)
    rijen = re.findall(r"^\| (\d) \| ([\w.]+) \|[^|]+\|([^|]*)\|([^|]*)\|$", BEREKENING, re.M)
    assert len(rijen) == 14
    for _, veld, in_basis, in_scenario in rijen:
        for record, tekst in ((basis, in_basis), (scenario, in_scenario)):
            groep, _, naam = veld.partition(".")
            waarde = record[groep].get(naam) if naam else record[veld]
            verwacht = D(tekst.strip().replace(",", ".")) if tekst.strip() else None
            assert waarde == verwacht, (veld, record["scenario"], waarde, verwacht)


def test_every_engine_formula_cites_its_section():
    engine = "".join(
        (ROOT / "src" / "brutonetto" / "engine" / naam).read_text(encoding="utf-8") for naam in ("hours.py", "capaciteit.py", "contactcentrum.py")
    )
    secties = set(re.findall(r"^## §(\d+)", BEREKENING, re.M))
    geciteerd = set(re.findall(r"§(\d+)", engine))
    assert "docs/berekening.md" in engine
    assert secties == {str(n) for n in range(1, 14)} and geciteerd == secties


def test_every_rule_cites_a_section_of_the_formula_sheet():
    from brutonetto.engine.regels import REGELS

    secties = set(re.findall(r"^## (§\d+)", BEREKENING, re.M))
    assert {regel.paragraaf for regel in REGELS.values()} == secties


def test_the_readme_links_the_formula_sheet_and_shows_the_chart():
    assert "(docs/berekening.md)" in README
    assert "![" in README and "(docs/grafiek-bezwaar-en-beroep.png)" in README
    assert (ROOT / "docs" / "grafiek-bezwaar-en-beroep.png").stat().st_size > 10_000


GROEP = typer.main.get_command(app)
COMMANDOS = sorted(GROEP.list_commands(None))


def test_every_command_is_listed():
    assert len(COMMANDOS) == 12  # the parametrized tests below run for each


@pytest.mark.parametrize("naam", COMMANDOS)
def test_every_command_has_help_and_is_in_the_readme(cli, naam):
    help_tekst = cli(naam, "--help").stdout
    commando = GROEP.get_command(None, naam)
    assert commando.help and len(commando.help) > 40, naam
    assert f"brutonetto {naam}" in README, naam
    for optie in (p for p in commando.params if p.param_type_name == "option" and p.name != "help" and not p.hidden):
        assert optie.help, f"{naam} {optie.opts}"
    assert help_tekst.count("\n") > 5


def test_the_explain_line_the_readme_quotes_is_what_explain_prints(cli):
    regel = next(r for r in README.splitlines() if "extra fte " in r and "(delen door de nieuwe netto-uren) = 420,9" in r)
    uit = cli("explain", ROOT / "examples" / "bezwaar-en-beroep.yaml", "-s", "extra_leertijd", "-F", "Medewerker bezwaar").stdout
    assert regel.strip().replace("examples/", "") in uit.replace(str(ROOT / "examples") + "/", "")


def test_the_readme_lists_the_json_fields_in_their_order():
    from brutonetto.engine.records import KOLOMMEN

    tekst = (ROOT / "README.md").read_text(encoding="utf-8")
    lijst = tekst.split("met de velden\n`", 1)[1].split("`", 1)[0]
    assert [veld.strip() for veld in lijst.split(",")] == list(KOLOMMEN)
