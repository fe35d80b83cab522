"""Shared helpers: run the CLI as a user would, on small YAML documents written to tmp_path."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brutonetto.cli.commands import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CONFIGS = ROOT / "configs"

# Two files for `compare`: Procesbegeleider in both (40 h more leren in NIEUW), Verdwenen only
# in OUD, Nieuw only in NIEUW.
# 1600 available hours; basis 100 + 100 deducted = 1400 direct; meer_leren 100 + 240 = 1260 direct
# (the Python API's and solve's hand-checked profile)
ADVISEUR = """\
functie: Adviseur
fte: 100
kosten_per_fte: 80000
beschikbare_uren: 1600
aftrek: {verzuim: 100 uur, leren_en_ontwikkelen: 100 uur}
scenarios:
  meer_leren: {aftrek: {leren_en_ontwikkelen: 240 uur}}
"""

COMPARE_OUD = """\
    eenheid: SMZ
    standaard: {beschikbare_uren: 1631}
    functies:
      - {functie: Procesbegeleider, fte: 100, kosten_per_fte: 70000, aftrek: {indirect: 331}}
      - {functie: Verdwenen, fte: 5, aftrek: {indirect: 300}}
"""
# contract v3: advisers without workload, their seniors 1 per 30; more learning time in a scenario
WERK_MET_SENIOREN = """\
    eenheid: Werk
    standaard:
      beschikbare_uren: 1631
      aftrek: {verzuim: 5.7%, leren: 185 uur}
    scenarios:
      extra_leertijd: {aftrek: {extra: 33 uur}}
    functies:
      - functie: Adviseur werk
        fte: 420.9
        kosten_per_fte: 75000
      - functie: Senior adviseur
        verhouding: {een_per: 30, van: Adviseur werk}
        kosten_per_fte: 90000
"""
COMPARE_NIEUW = """\
    eenheid: SMZ
    standaard: {beschikbare_uren: 1631}
    functies:
      - {functie: Nieuw, fte: 3, aftrek: {indirect: 300}}
      - {functie: Procesbegeleider, fte: 100, kosten_per_fte: 70000, aftrek: {indirect: 331, leren: 40}}
"""


class Cli:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.runner = CliRunner()

    def write(self, name: str, text: str) -> Path:
        path = self.tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def __call__(self, *args: object, input: str | bytes | None = None, code: int | None = 0):
        result = self.runner.invoke(app, [str(a) for a in args], input=input)
        if code is not None:
            assert result.exit_code == code, (
                f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
            )
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    def json(self, *args: object, input: str | None = None) -> list[dict]:
        return json.loads(self(*args, "--format", "json", input=input).stdout)


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.chdir(tmp_path)
    return Cli(tmp_path)


# A unit with a meerjaren block, shared by the budget tests. 126 fte, direct hours 1300 in basis
# and 1260 with 40 hours more learning: extra fte = 126 x 40 / 1260 = 4; at EUR 75.000: EUR 300.000 a year.
BUDGET_EENHEID = """\
    eenheid: B&B
    meerjaren:
      scenario: meer_leren
      indexatie: 2%
      financiering:
        2023: 250k
        2025: 0,3 mln
    scenarios:
      meer_leren: {aftrek: {extra: 40 uur}}
    functies:
      - {functie: Jurist, fte: 126, kosten_per_fte: 75000, beschikbare_uren: 1631, aftrek: {overig: 331}}
"""
