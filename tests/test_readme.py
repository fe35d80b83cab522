"""The README's two set-up commands keep their promise: they run on any Python 3.10+,
including Debian's and Ubuntu's own (PEP 668 refuses `pip install` outside a virtual
environment), because both go through a project-local `.venv` and never the system pip.

CI (`.ci/run`) takes its test command from the same block, so these checks also keep CI honest.
"""

from __future__ import annotations

import re
import shlex

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _snel_aan_de_slag() -> list[str]:
    """The commands of the first code block under '## Snel aan de slag', as .ci/run reads them."""
    sectie = README.split("## Snel aan de slag", 1)[1]
    blok = re.search(r"```\w*\n(.*?)```", sectie, re.S).group(1)
    return [r.strip() for r in blok.splitlines() if r.strip() and not r.strip().startswith("#")]


def _stappen(regel: str) -> list[list[str]]:
    return [shlex.split(stap) for stap in regel.split("&&")]


def test_exactly_two_commands_run_then_test():
    regels = _snel_aan_de_slag()
    assert len(regels) == 2, regels
    uitvoeren, testen = regels
    assert _stappen(uitvoeren)[-1][:2] == [".venv/bin/brutonetto", "compute"]
    assert (ROOT / _stappen(uitvoeren)[-1][2]).is_file()  # the example it runs exists
    assert _stappen(testen)[-1] == [".venv/bin/python", "-m", "pytest"]


def test_both_commands_make_or_reuse_the_venv_and_install_only_into_it():
    for regel in _snel_aan_de_slag():
        stappen = _stappen(regel)
        assert stappen[0] == ["python3", "-m", "venv", ".venv"], regel
        for stap in stappen[1:]:
            # every python or pip after the first step is the venv's own, never the system's
            assert stap[0].startswith(".venv/bin/"), (regel, stap)
            if "pip" in stap:
                assert stap[:4] == [".venv/bin/python", "-m", "pip", "install"], stap
        assert "--user" not in regel and "--break-system-packages" not in regel, regel


def test_each_command_stands_on_its_own():
    """Either may run first in a fresh clone: each installs what it needs itself, on the
    versions the tests run on (the lock file the CI's lowest-bound run complements)."""
    uitvoeren, testen = _snel_aan_de_slag()
    assert "install -q -c requirements/test.txt ." in uitvoeren
    assert 'install -q -c requirements/test.txt ".[test]"' in testen
    assert (ROOT / "requirements" / "test.txt").is_file() and (ROOT / "requirements" / "laagste.txt").is_file()


def test_the_lower_bounds_are_the_ones_declared():
    """requirements/laagste.txt pins each dependency at exactly pyproject.toml's lower bound."""
    import re

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    laagste = (ROOT / "requirements" / "laagste.txt").read_text(encoding="utf-8").lower()
    bounds = re.findall(r'"([A-Za-z][\w-]*)(?:\[[\w,]+\])?>=([\d.]+)', pyproject.split("[project.scripts]")[0])
    names = {naam.lower() for naam, _ in bounds}
    assert {"typer", "pydantic", "rich", "pyyaml", "pytest", "hypothesis"} <= names
    for naam, versie in bounds:
        if naam.lower() == "setuptools":
            continue
        assert re.search(rf"^{re.escape(naam.lower())}=={re.escape(versie)}(\.0)*\b", laagste, re.M), (naam, versie)


def test_ci_runs_the_readmes_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "## Snel aan de slag" in ci and "sed -n 2p" in ci
    assert 'bash -c "$test_cmd"' in ci
    assert "scripts/test-versies laagste" in ci


def test_windows_and_pipx_are_explained_next_to_them():
    sectie = README.split("## Snel aan de slag", 1)[1].split("\n## ", 1)[0]
    assert "```powershell" in sectie
    assert r".venv\Scripts\python -m pip install" in sectie and r".venv\Scripts\brutonetto compute" in sectie
    assert "pipx install ." in sectie and "pipx ensurepath" in sectie
