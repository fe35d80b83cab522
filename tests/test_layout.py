"""The layering of style.md, checked: the engine imports neither Typer, Rich, YAML nor pydantic,
and nothing below the command line imports the command line."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

ENGINE_MODULES = sorted(
    f"brutonetto.engine.{p.stem}" for p in (ROOT / "src" / "brutonetto" / "engine").glob("*.py") if p.stem != "__init__"
)


def _imported_after(module: str) -> set[str]:
    code = f"import sys; import {module}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "src")}).stdout
    return {name.split(".")[0] for name in out.split()} | {name for name in out.split()}


def test_the_engine_is_pure_arithmetic():
    assert ENGINE_MODULES, "no engine modules found"
    for module in ENGINE_MODULES:
        loaded = _imported_after(module)
        for forbidden in ("yaml", "typer", "click", "rich", "pydantic", "brutonetto.cli", "brutonetto.output",
                          "brutonetto.input.source", "brutonetto.input.model", "brutonetto.input.loader"):
            assert forbidden not in loaded, f"{module} imports {forbidden}"


def test_outputs_do_not_import_the_command_line():
    for path in (ROOT / "src" / "brutonetto" / "output").glob("*.py"):
        tekst = path.read_text(encoding="utf-8")
        assert "brutonetto.cli" not in tekst and "import typer" not in tekst, path.name


def test_outputs_receive_records_and_never_run_the_engine():
    """The caller computes (the CLI, through the engine) and hands records and traces to output."""
    for path in (ROOT / "src" / "brutonetto" / "output").glob("*.py"):
        tekst = path.read_text(encoding="utf-8")
        assert "compute_records" not in tekst and "compare_records" not in tekst, path.name


def test_one_place_picks_the_renderer_and_the_command_line_calls_it():
    uitvoer = (ROOT / "src" / "brutonetto" / "cli" / "uitvoer.py").read_text(encoding="utf-8")
    assert "from brutonetto.output.formaten import" in uitvoer and "schrijf(inhoud, opmaak.formaat" in uitvoer
    cli = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "brutonetto" / "cli").glob("*.py"))
    assert "output.render import" not in cli and "output.tabel import" not in cli


def _modules_after_compute(voorbeeld: str) -> set[str]:
    """The modules a cold `compute --format json` of an example has imported when it ends."""
    code = ("import sys; sys.argv = ['brutonetto', 'compute', sys.argv[1], '-f', 'json', '-s', 'extra_leertijd'];"
            "from brutonetto.cli.commands import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(*sys.modules, file=sys.stderr)")
    uit = subprocess.run([sys.executable, "-c", code, str(ROOT / "examples" / voorbeeld)],
                         capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src")})
    assert uit.stdout.startswith("["), uit.stderr
    return set(uit.stderr.split())


# contract v2's parts: imported (and their validators built) only when a file has them
V2_DELEN = ("brutonetto.input.delen", "brutonetto.engine.capacity", "brutonetto.input.meerjaren",
            "brutonetto.input.bedrag", "brutonetto.input.contactcentrum", "brutonetto.engine.contactcentrum",
            "brutonetto.engine.erlang")


def test_a_profile_without_v2_parts_does_not_load_them():
    geladen = _modules_after_compute("bezwaar-en-beroep.yaml")
    assert "brutonetto.input.model" in geladen
    assert [m for m in V2_DELEN if m in geladen] == []


def test_a_profile_with_products_and_ratios_loads_those_parts_only():
    geladen = _modules_after_compute("werkbedrijf.yaml")
    assert {"brutonetto.input.delen", "brutonetto.engine.capacity"} <= geladen
    assert "brutonetto.engine.erlang" not in geladen


def test_the_console_script_runs_without_the_cyclic_garbage_collector(monkeypatch):
    """Loading the modules only makes objects that live as long as the process; the collector
    scanned them over and over (~12% of a cold start). `python -m brutonetto` and the
    console script both start there."""
    import gc

    import brutonetto.cli
    import brutonetto.cli.commands

    gezien = []
    monkeypatch.setattr(brutonetto.cli.commands, "main", lambda: gezien.append(gc.isenabled()))
    try:
        brutonetto.cli.main()
    finally:
        gc.enable()
    assert gezien == [False]
    assert 'brutonetto = "brutonetto.cli:main"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "from brutonetto.cli import main" in (ROOT / "src" / "brutonetto" / "__main__.py").read_text(encoding="utf-8")
