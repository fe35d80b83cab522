"""The Python API (contract v3, 'From Python'): the commands as functions, typed records,
problems as values, the JSON's figures in a DataFrame. Figures checked by hand."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import brutonetto
from conftest import ADVISEUR

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# 1600 available hours; basis 100 + 100 deducted = 1400 direct; meer_leren 100 + 240 = 1260 direct.
# extra fte = 100 x 1400 / 1260 - 100 = 11,111111; extra kosten = 11,111111... x 80.000 = 888.888,888889
PROFIEL = ADVISEUR


@pytest.fixture
def profiel(tmp_path: Path) -> Path:
    pad = tmp_path / "adviseur.yaml"
    pad.write_text(PROFIEL, encoding="utf-8")
    return pad


def _cli_json(*args: str) -> list[dict]:
    uit = subprocess.run([sys.executable, "-m", "brutonetto", *args, "-f", "json"], capture_output=True, text=True,
                         cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    assert uit.returncode == 0, uit.stderr
    return json.loads(uit.stdout, parse_float=Decimal)


def test_compute_gives_typed_records_with_the_hand_checked_figures(profiel):
    uitkomst = brutonetto.compute([profiel])
    assert uitkomst.problemen == [] and uitkomst.ok
    basis, meer = uitkomst.records
    assert (basis.functie, basis.scenario, basis.directe_uren, basis.aandeel_direct) == ("Adviseur", "basis", 1400, Decimal("0.875"))
    assert meer.scenario == "meer_leren" and meer.directe_uren == 1260 and meer.totaal_aftrek == 340
    assert meer.extra_fte == pytest.approx(Decimal(100) * 1400 / 1260 - 100, abs=Decimal("1e-20"))
    rij = uitkomst.to_dicts()[1]
    assert rij["extra_fte"] == Decimal("11.111111") and rij["extra_kosten"] == Decimal("888888.888889")
    assert rij["aftrek"] == {"verzuim": 100, "leren_en_ontwikkelen": 240}


def test_the_records_carry_the_json_keys_in_the_json_order(profiel):
    record = brutonetto.compute(str(profiel)).records[0]
    assert list(record._fields[: len(_cli_json("compute", str(profiel))[0])]) == list(_cli_json("compute", str(profiel))[0])


@pytest.mark.parametrize("voorbeeld", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_to_dicts_equals_the_command_lines_json_for_every_example(voorbeeld):
    pad = f"examples/{voorbeeld}"
    import os

    oud = os.getcwd()
    os.chdir(ROOT)
    try:
        uitkomst = brutonetto.compute([pad])
    finally:
        os.chdir(oud)
    if uitkomst.problemen:  # an example that shows a problem: the CLI refuses it as well
        return
    assert uitkomst.to_dicts() == _cli_json("compute", pad)


def test_to_pandas_has_the_json_keys_as_columns_and_its_figures(profiel):
    pandas = pytest.importorskip("pandas")  # the test extra has it: CI runs this
    tabel = brutonetto.compute([profiel]).to_pandas()
    assert isinstance(tabel, pandas.DataFrame)
    assert list(tabel.columns) == list(_cli_json("compute", str(profiel))[0])
    assert list(tabel["scenario"]) == ["basis", "meer_leren"]
    assert tabel.loc[1, "extra_kosten"] == Decimal("888888.888889")  # exact unless floats are asked for
    als_float = brutonetto.compute([profiel]).to_pandas(als_float=True)
    assert als_float.loc[1, "extra_fte"] == 11.111111 and math.isclose(als_float["aandeel_direct"].sum(), 0.875 + 0.7875)


def test_yaml_text_is_input_too_and_its_problems_name_it():
    uitkomst = brutonetto.compute("functie: X\nfte: 2\nbeschikbare_uren: 1600\naftrek: {verzuim: 10%}\n")
    assert uitkomst.to_dicts()[0]["directe_uren"] == 1440  # 1600 - 10% x 1600
    fout = brutonetto.compute(["functie: X\nfte: twee\n"]).problemen
    assert [str(f) for f in fout] == ["<tekst 1>:2:1: fte: verwacht een getal, niet 'twee'"]


def test_bad_input_never_raises_it_is_a_problem(tmp_path, profiel):
    assert str(brutonetto.compute([tmp_path / "nergens.yaml"]).problemen[0]).endswith("bestand of map bestaat niet")
    onbekend = brutonetto.compute([profiel], scenarios=["meer_lere"])
    assert onbekend.records == [] and [(f.bestand, f.bericht.split(";")[0]) for f in onbekend.problemen] == [
        ("scenarios", "onbekend scenario 'meer_lere'")]
    assert "bedoelt u 'meer_leren'?" in onbekend.problemen[0].bericht
    stappen = brutonetto.sensitivity([profiel], "aftrek.verzuim=80..120 uur", stappen=1).problemen
    assert [(f.bestand, f.bericht) for f in stappen] == [("stappen", "minstens 2 punten (de twee einden van het bereik), niet 1")]
    functie = brutonetto.explain([profiel], functie="Jurist").problemen
    assert functie[0].bestand == "functie" and functie[0].bericht.startswith("onbekende functie 'Jurist'")
    assert [f.bestand for f in brutonetto.erlang("veel", "30 min", "180 s", "80/20").problemen] == ["aanbod"]


def test_erlang_with_the_contracts_example():
    """100 calls in 30 min of 180 s: 10 Erlang. By the textbook formula 13 agents reach 79,56%
    within 20 s (short of 80%), 14 reach 88,835%: P(wait) 17,4132%, ASA 7,835937 s, occupancy 10/14."""
    uitkomst = brutonetto.erlang(aanbod=100, interval="30 min", gespreksduur="180 s", servicelevel="80/20")
    (rij,) = uitkomst.records
    assert rij.agenten == 14 and uitkomst.to_dicts() == [{
        "agenten": 14, "servicelevel": Decimal("0.88835"), "bezetting": Decimal("0.714286"),
        "wachtkans": Decimal("0.174132"), "gemiddelde_wachttijd_s": Decimal("7.835937"), "verkeer": 10,
        "afhaakpercentage": None, "interval": None, "aanbod": None}]


def test_explain_gives_the_rekenbladen_as_records_and_explains_json(profiel):
    uitkomst = brutonetto.explain([profiel], functie="Adviseur", scenario="meer_leren")
    (blad,) = uitkomst.records
    assert (blad.functie, blad.scenario) == ("Adviseur", "meer_leren")
    assert uitkomst.to_dicts() == _cli_json("explain", str(profiel), "--functie", "Adviseur", "--scenario", "meer_leren")


def test_validate_says_what_is_in_order(profiel):
    uitkomst = brutonetto.validate([profiel])
    assert uitkomst.problemen == [] and uitkomst.melding == "in orde: 1 bestand, 1 functie, 1 scenario"


def test_budget_sensitivity_and_realisation_give_the_command_lines_rows():
    import os

    oud = os.getcwd()
    os.chdir(ROOT)
    try:
        gevallen = [
            (brutonetto.sensitivity(["examples/bezwaar-en-beroep.yaml"], ["aftrek.verzuim=4..6%"], stappen=3),
             ("sensitivity", "examples/bezwaar-en-beroep.yaml", "--varieer", "aftrek.verzuim=4..6%", "--stappen", "3")),
        ]
        for voorbeeld in sorted(EXAMPLES.glob("*.yaml")):
            if "meerjaren:" in voorbeeld.read_text(encoding="utf-8"):
                pad = f"examples/{voorbeeld.name}"
                gevallen.append((brutonetto.budget([pad]), ("budget", pad)))
        plan, csv = "examples/uitkeren.yaml", "examples/realisatie/uitkeren-h1-2023.csv"
        gevallen.append((brutonetto.realisation(plan, Path(csv), scenario="leertijd_plus_50"),
                         ("realisation", plan, csv, "--scenario", "leertijd_plus_50")))
    finally:
        os.chdir(oud)
    assert {args[0] for _, args in gevallen} == {"sensitivity", "budget", "realisation"}
    for uitkomst, args in gevallen:
        assert uitkomst.problemen == [], args
        assert uitkomst.to_dicts() == _cli_json(*args), args
        assert type(uitkomst.records[0]).__name__ in ("Gevoeligheid", "Jaar", "Realisatie")


def test_compare_names_its_scenario_after_the_new_file(tmp_path, profiel):
    nieuw = tmp_path / "nieuw.yaml"
    nieuw.write_text(PROFIEL.replace("leren_en_ontwikkelen: 100 uur", "leren_en_ontwikkelen: 240 uur"), encoding="utf-8")
    basis, scenario = brutonetto.compare(profiel, nieuw).records
    assert (scenario.scenario, scenario.directe_uren) == ("nieuw", 1260)
    assert round(scenario.extra_fte, 20) == round(basis.fte * 1400 / 1260 - basis.fte, 20)


def test_the_package_exports_its_functions_and_is_typed():
    for naam in ("compute", "compare", "explain", "sensitivity", "budget", "realisation", "erlang"):
        assert naam in brutonetto.__all__ and callable(getattr(brutonetto, naam))
    assert (ROOT / "src" / "brutonetto" / "py.typed").is_file()
    assert '"py.typed"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    with pytest.raises(AttributeError):
        brutonetto.bestaat_niet  # noqa: B018


def test_importing_the_package_loads_no_engine_until_asked():
    """The command line imports `brutonetto` first: the API loads on first use, not at start-up."""
    code = "import sys, brutonetto; print(any(m.startswith(('brutonetto.api', 'brutonetto.engine')) for m in sys.modules))"
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT / "src")})
    assert uit.stdout.strip() == "False", uit.stderr


def test_the_readmes_notebook_example_runs_and_gives_the_tables_figures(monkeypatch):
    tekst = (ROOT / "README.md").read_text(encoding="utf-8")
    blok = tekst.split("## Vanuit Python", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    namen: dict = {}
    exec(compile(blok, "README.md", "exec"), namen)  # noqa: S102 - our own README
    tabel = namen["tabel"]
    # the README's table of Bezwaar & Beroep: +12,11 fte and EUR 907.889 for Medewerker bezwaar
    rij = tabel[(tabel["functie"] == "Medewerker bezwaar") & (tabel["scenario"] == "extra_leertijd")].iloc[0]
    assert rij["extra_fte"] == Decimal("12.105191") and rij["extra_kosten"] == Decimal("907889.337287")
    assert namen["uitkomst"].problemen == []


def test_arguments_of_the_wrong_kind_are_problems_too():
    """A new user's trial: stappen="3", compute(None), compute(5), compute(b"..."), compare(None, None)
    raised TypeError; the README promises that bad input never raises."""
    assert brutonetto.sensitivity(PROFIEL, "aftrek.verzuim=80..120 uur", stappen="3").problemen == []
    assert [f.bestand for f in brutonetto.sensitivity(PROFIEL, "aftrek.verzuim=80..120 uur", stappen="drie").problemen] == ["stappen"]
    for verkeerd in (None, 5, b"functie: A\n"):
        assert [f.bestand for f in brutonetto.compute(verkeerd).problemen] == ["paden"], verkeerd
    assert [f.bestand for f in brutonetto.compare(None, None).problemen] == ["paden"]
    assert [f.bestand for f in brutonetto.realisation(PROFIEL, None).problemen] == ["paden"]
