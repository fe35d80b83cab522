"""Working in an editor: the JSON Schema, the starter profile, and the chart."""

from __future__ import annotations

import builtins
import json
import math
import re
import shlex
import sys
import xml.etree.ElementTree as ET

import jsonschema
import pytest
import yaml

from brutonetto.output.schema import als_tekst, bestandsschema, standaardschema
from conftest import CONFIGS, EXAMPLES, ROOT

SCHEMA = ROOT / "schema" / "brutonetto.schema.json"
STANDAARD_SCHEMA = ROOT / "schema" / "standaard.schema.json"


def validator(pad):
    schema = json.loads(pad.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_schemas_in_the_repository_are_the_generated_ones(cli):
    assert SCHEMA.read_text(encoding="utf-8") == als_tekst(bestandsschema())
    assert STANDAARD_SCHEMA.read_text(encoding="utf-8") == als_tekst(standaardschema())
    assert cli("schema").stdout == als_tekst(bestandsschema())


@pytest.mark.parametrize("voorbeeld", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_example_validates_and_points_editors_at_the_schema(voorbeeld):
    tekst = (EXAMPLES / voorbeeld).read_text(encoding="utf-8")
    assert tekst.startswith("# yaml-language-server: $schema=../schema/brutonetto.schema.json\n")
    assert list(validator(SCHEMA).iter_errors(yaml.safe_load(tekst))) == []


@pytest.mark.parametrize("config", sorted(p.name for p in CONFIGS.glob("*.yaml")))
def test_every_config_validates_against_the_defaults_schema(config):
    tekst = (CONFIGS / config).read_text(encoding="utf-8")
    assert tekst.startswith("# yaml-language-server: $schema=../schema/standaard.schema.json\n")
    assert list(validator(STANDAARD_SCHEMA).iter_errors(yaml.safe_load(tekst))) == []


@pytest.mark.parametrize(
    "fout",
    [
        "functie: X\nbeschikbaar: 1631\n",  # unknown key
        "functie: X\naftrek: {verzuim: 5 procent}\n",  # unknown unit
        "functie: X\nfte: -1\n",  # negative
        "functie: X\nbeschikbare_uren: 9000\n",  # more than a year
        "functie: X\naftrek: {ziek: {procent: 150}}\n",  # above 100
        "functie: X\naftrek: {ziek: {procent: 4, van: netto}}\n",  # unknown base
        "functie: X\nscenarios: {basis: {fte: 1}}\n",  # basis is not a scenario
        "functie: X\nscenarios: {a: {functie: Y}}\n",  # no functie in a scenario
        "functie: X\nfuncties: []\n",  # both kinds of file
        "fte: 3\n",  # neither
        "functies: [{fte: 3}]\n",  # a functie without its name
        "eenheid: SMZ\nfte: 3\nfuncties: [{functie: X}]\n",  # profile fields at unit level
    ],
)
def test_typical_mistakes_do_not_validate(fout):
    assert list(validator(SCHEMA).iter_errors(yaml.safe_load(fout))) != []


def test_every_field_has_a_dutch_description():
    defs = bestandsschema()["$defs"]
    for naam, definitie in defs.items():
        for veld, eigenschap in definitie["properties"].items():
            assert eigenschap.get("description"), f"{naam}.{veld}"


def test_init_writes_a_starter_that_validates_and_computes_as_written(cli):
    cli("init")
    profiel = cli.tmp_path / "profiel.yaml"
    assert yaml.safe_load(profiel.read_text(encoding="utf-8"))["functie"] == "Klantadviseur"
    assert list(validator(cli.tmp_path / "brutonetto.schema.json").iter_errors(yaml.safe_load(profiel.read_text(encoding="utf-8")))) == []
    basis, extra = cli.json("compute", "profiel.yaml")
    # 1631 - 5,7% (92,967) - 150 - 35 - 1 uur/week x 1631/36 (45,305556) = 1307,727444
    assert basis["directe_uren"] == 1307.727444
    # +24 h: 100 x 24 / 1283,727444 = 1,8695557 -> 1,869556
    assert extra["extra_fte"] == 1.869556
    assert extra["extra_kosten"] == 140216.679778  # 1,86955573... x 75.000


def test_init_eenheid_starts_a_unit_with_products_and_a_ratio(cli):
    cli("init", "eenheid.yaml", "--eenheid")
    tekst = (cli.tmp_path / "eenheid.yaml").read_text(encoding="utf-8")
    assert list(validator(cli.tmp_path / "brutonetto.schema.json").iter_errors(yaml.safe_load(tekst))) == []
    r = {(x["functie"], x["scenario"]): x for x in cli.json("compute", "eenheid.yaml")}
    # D = 1631 - 5,7% x 1631 - 150 - 35 - 1631/36 - 5% x 240 ; werklast 120000x3 + 1200000x0,75 + 540000x(0,6/3 + 0,4x1,25)
    from fractions import Fraction as F

    d = 1631 - F(57, 1000) * 1631 - 150 - 35 - F(1631, 36) - 12
    nodig = F(1638000) / d
    assert r[("Adviseur werk", "basis")]["werklast_uren"] == 1638000
    assert r[("Adviseur werk", "basis")]["fte_nodig"] == round(float(nodig), 6)
    assert r[("Senior adviseur", "basis")]["fte_nodig"] == round(float(nodig / 30), 6)
    assert r[("Senior adviseur", "minder_geld")]["fte_nodig"] == round(float(nodig / 60), 6)
    assert r[("Adviseur werk", "hogere_instroom")]["aftrek"]["inwerkverlies"] == 72


def test_init_never_overwrites(cli):
    bestaand = cli.write("mijn.yaml", "functie: Eigen\nbeschikbare_uren: 1631\n")
    result = cli("init", "mijn.yaml", code=2)
    assert "mijn.yaml bestaat al" in result.stderr
    assert bestaand.read_text(encoding="utf-8") == "functie: Eigen\nbeschikbare_uren: 1631\n"


def test_chart_svg_keeps_the_names_as_text(cli):
    cli("chart", EXAMPLES / "bezwaar-en-beroep.yaml", "--output", "grafiek.svg")
    svg = (cli.tmp_path / "grafiek.svg").read_text(encoding="utf-8")
    boom = ET.fromstring(svg)  # it parses
    teksten = " ".join(t.text or "" for t in boom.iter("{http://www.w3.org/2000/svg}text"))
    for naam in ("Medewerker bezwaar · basis", "Verzekeringsarts bezwaar en beroep · extra_leertijd", "directe uren", "verzuim"):
        assert naam in teksten
    assert "79,0% direct" in teksten  # 1287,727 / 1631
    assert len(svg) > 10_000


def test_chart_png_is_an_image(cli):
    cli("chart", EXAMPLES / "uitkeren.yaml", "-o", "grafiek.png")
    png = (cli.tmp_path / "grafiek.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000


def test_chart_is_the_same_for_the_same_input(cli):
    cli("chart", EXAMPLES / "handhaving.yaml", "-o", "a.svg")
    cli("chart", EXAMPLES / "handhaving.yaml", "-o", "b.svg")
    assert (cli.tmp_path / "a.svg").read_bytes() == (cli.tmp_path / "b.svg").read_bytes()


def test_chart_refuses_other_formats(cli):
    assert "kies een naam op .svg of .png" in cli("chart", EXAMPLES / "handhaving.yaml", "-o", "g.pdf", code=2).stderr


def test_chart_without_matplotlib_says_what_to_install(cli, monkeypatch):
    echte_import = builtins.__import__

    def zonder_matplotlib(naam, *args, **kwargs):
        if naam.startswith("matplotlib"):
            raise ImportError(naam)
        return echte_import(naam, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", zonder_matplotlib)
    for module in [m for m in sys.modules if m.startswith("matplotlib")]:
        monkeypatch.delitem(sys.modules, module)
    result = cli("chart", EXAMPLES / "handhaving.yaml", "-o", "g.svg", code=1)
    assert f"installeer het met: {shlex.quote(sys.executable)} -m pip install 'matplotlib>=3.8'" in result.stderr
    assert not (cli.tmp_path / "g.svg").exists()


# Charts read truly (issue 19) ----------------------------------------------------------


@pytest.mark.parametrize("euro, tekst", [
    (0, "0,0 mln"), (250_000, "0,25 mln"), (750_000, "0,75 mln"), (1_250_000, "1,25 mln"),
    (12_000_000, "12,0 mln"), (2_500_000, "2,5 mln"), (125_000, "0,125 mln"),
])
def test_budget_ticks_are_labelled_with_the_amount_they_stand_at(euro, tekst):
    from brutonetto.output.grafiek import _mln

    assert _mln(euro) == tekst


def test_intervals_stand_on_a_time_axis_of_the_week_with_the_night_as_a_gap():
    from brutonetto.output.grafiek import _tijdlijn

    ma_08, ma_0830, di_08 = 8 * 3600, 8 * 3600 + 1800, (24 + 8) * 3600
    x, y = _tijdlijn([di_08, ma_08, ma_0830], [6, 3, 4])  # written out of order: drawn in time order
    assert x[:4] == [8.0, 8.5, 8.5, 9.0] and y[:4] == [3, 3, 4, 4]
    assert math.isnan(x[4]) and math.isnan(y[4])  # closed from ma 09:00 to di 08:00
    assert x[5:] == [32.0, 32.5] and y[5:] == [6, 6]


@pytest.mark.parametrize("naam, seconden", [
    ("ma 08:00", 8 * 3600), ("di 8.30", (24 + 8.5) * 3600), ("zondag 2330", (6 * 24 + 23.5) * 3600),
    ("08:00-08:30", None), ("ma 25:00", -1),
])
def test_an_interval_label_gives_its_start_in_the_week(naam, seconden):
    from brutonetto.engine.contactcentrum import begin_in_week

    assert begin_in_week(naam) == seconden


def test_the_agent_chart_has_a_tick_per_day(cli):
    cli("chart", EXAMPLES / "klant-en-service-telefonie.yaml", "-o", "k.svg")
    svg = (cli.tmp_path / "k.svg").read_text(encoding="utf-8")
    assert "uur van de week" in svg
    assert all(re.search(rf"<text [^>]*>{dag}</text>", svg) for dag in ("ma", "di", "wo", "do", "vr", "za", "zo"))
    assert not re.search(r"<text [^>]*>ma 08:00</text>", svg)  # no longer a category per interval
