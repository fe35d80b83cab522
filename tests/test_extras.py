"""The command a missing extra names works for how brutonetto was installed (issue 19)."""

from __future__ import annotations

import tomllib

from brutonetto.extras import EXTRAS, installeer
from conftest import ROOT


def test_the_extras_are_those_pyproject_declares():
    verklaard = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert {extra: list(pakketten) for extra, pakketten in EXTRAS.items()} == {e: verklaard[e] for e in EXTRAS}


def test_in_a_virtual_environment_its_own_python_installs_the_library():
    assert installeer("xlsx", "/home/a/brutonetto/.venv", "/home/a/brutonetto/.venv/bin/python", windows=False) == (
        "/home/a/brutonetto/.venv/bin/python -m pip install 'XlsxWriter>=3.1' 'openpyxl>=3.1'")


def test_a_path_with_spaces_is_quoted_for_the_shell():
    assert installeer("grafiek", "/home/a b/.venv", "/home/a b/.venv/bin/python", windows=False) == (
        "'/home/a b/.venv/bin/python' -m pip install 'matplotlib>=3.8'")


def test_on_windows_the_command_is_one_powershell_runs():
    """PowerShell refuses a quoted path as a command without `&` (a new user's trial)."""
    assert installeer("xlsx", r"C:\Mijn map\.venv", r"C:\Mijn map\.venv\Scripts\python.exe", windows=True) == (
        r"& 'C:\Mijn map\.venv\Scripts\python.exe' -m pip install 'XlsxWriter>=3.1' 'openpyxl>=3.1'")


def test_under_pipx_the_library_is_injected():
    prefix = "/home/a/.local/share/pipx/venvs/brutonetto"
    assert installeer("grafiek", prefix, prefix + "/bin/python") == "pipx inject brutonetto 'matplotlib>=3.8'"
