"""The layering of style.md, checked: the engine imports neither Typer, Rich, YAML nor pydantic,
input and engine never import each other (both stand on the domain floor), and nothing below
the command line imports the command line."""

from __future__ import annotations

import ast
import re
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


def _imports(tekst: str, module: str) -> set[str]:
    """Every module the source of `module` names for import (so an import inside a function
    counts as much as one at the top): `import x`, `from x import y` (as x and x.y), relative
    imports resolved, `import_module("x")`, and any string that is a dotted `brutonetto.`
    module name (`Deel("brutonetto.input.delen", ...)` imports it later)."""
    namen: set[str] = set()
    for knoop in ast.walk(ast.parse(tekst)):
        if isinstance(knoop, ast.Import):
            namen.update(alias.name for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom):
            basis = knoop.module or ""
            if knoop.level:
                delen = module.split(".")[: -knoop.level]
                basis = ".".join(delen + ([basis] if basis else []))
            namen.add(basis)
            namen.update(f"{basis}.{alias.name}" for alias in knoop.names)
        elif isinstance(knoop, ast.Call) and knoop.args and isinstance(knoop.args[0], ast.Constant):
            functie = knoop.func.attr if isinstance(knoop.func, ast.Attribute) else getattr(knoop.func, "id", "")
            if functie in ("import_module", "__import__") and isinstance(knoop.args[0].value, str):
                namen.add(knoop.args[0].value)
        elif isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
            if re.fullmatch(r"brutonetto(\.\w+)+", knoop.value):
                namen.add(knoop.value)
    return namen


def _verboden_imports(kamer: str, verboden: tuple[str, ...]) -> list[str]:
    """`file imports module` for every module of `verboden` (or below it) a file of `kamer` imports."""
    uit = []
    for path in sorted((ROOT / "src" / "brutonetto" / kamer).rglob("*.py")):
        module = ".".join(path.relative_to(ROOT / "src").with_suffix("").parts)
        for naam in sorted(_imports(path.read_text(encoding="utf-8"), module)):
            if any(naam == v or naam.startswith(v + ".") for v in verboden):
                uit.append(f"{path.relative_to(ROOT)} imports {naam}")
    return uit


def test_input_and_engine_never_import_each_other():
    """Both stand on the domain floor; a type one needs from the other belongs in brutonetto.domain."""
    assert _verboden_imports("input", ("brutonetto.engine",)) == []
    assert _verboden_imports("engine", ("brutonetto.input",)) == []


def test_the_domain_floor_imports_no_room_above_it():
    assert (ROOT / "src" / "brutonetto" / "domain" / "__init__.py").is_file()
    assert _verboden_imports("domain", tuple(f"brutonetto.{k}" for k in ("input", "engine", "output", "cli"))) == []


def test_the_import_walk_sees_every_kind_of_import():
    """A check that cannot fail is no check: each form of import is found, at any depth."""
    tekst = (
        "import brutonetto.engine.a\n"
        "from brutonetto.engine import b\n"
        "def f():\n"
        "    from ..engine.c import D\n"
        "    from . import g\n"
        "    from importlib import import_module\n"
        "    import_module('brutonetto.engine.e')\n"
        "    return Deel('brutonetto.engine.f', 'G')\n"
    )
    gevonden = _imports(tekst, "brutonetto.input.x")
    for naam in ("brutonetto.engine.a", "brutonetto.engine.b", "brutonetto.engine.c", "brutonetto.engine.c.D",
                 "brutonetto.engine.e", "brutonetto.engine.f", "brutonetto.input.g"):
        assert naam in gevonden, naam


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
V2_DELEN = ("brutonetto.input.delen", "brutonetto.engine.capaciteit", "brutonetto.input.meerjaren",
            "brutonetto.input.bedrag", "brutonetto.input.contactcentrum", "brutonetto.engine.contactcentrum",
            "brutonetto.engine.erlang", "brutonetto.domain.capaciteit", "brutonetto.domain.contactcentrum")


def test_a_profile_without_v2_parts_does_not_load_them():
    geladen = _modules_after_compute("bezwaar-en-beroep.yaml")
    assert "brutonetto.input.model" in geladen
    assert [m for m in V2_DELEN if m in geladen] == []


def test_a_profile_with_products_and_ratios_loads_those_parts_only():
    geladen = _modules_after_compute("werkbedrijf.yaml")
    assert {"brutonetto.input.delen", "brutonetto.engine.capaciteit", "brutonetto.domain.capaciteit"} <= geladen
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


def test_a_private_name_is_unique_in_the_package():
    """Two `_Lader` classes in two modules read as one thing and are not (CONTRIBUTING.md)."""
    import ast
    from collections import defaultdict

    plaatsen: dict[str, list[str]] = defaultdict(list)
    for pad in sorted((ROOT / "src" / "brutonetto").rglob("*.py")):
        for knoop in ast.parse(pad.read_text(encoding="utf-8")).body:
            if isinstance(knoop, (ast.FunctionDef, ast.ClassDef)):
                namen = [knoop.name]
            elif isinstance(knoop, (ast.Assign, ast.AnnAssign)):
                doelen = knoop.targets if isinstance(knoop, ast.Assign) else [knoop.target]
                namen = [d.id for d in doelen if isinstance(d, ast.Name)]
            else:
                continue
            for naam in namen:
                if naam.startswith("_") and not naam.startswith("__"):
                    plaatsen[naam].append(str(pad.relative_to(ROOT / "src")))
    dubbel = {naam: sorted(set(waar)) for naam, waar in plaatsen.items() if len(set(waar)) > 1}
    assert dubbel == {}


def test_the_command_line_reaches_input_and_engine_only_through_the_api():
    """The CLI is a thin user of `brutonetto.api`: what a notebook calls is what a command runs."""
    assert _verboden_imports("cli", ("brutonetto.input", "brutonetto.engine", "brutonetto.domain")) == []
    for kamer in ("input", "engine", "output", "domain"):
        assert _verboden_imports(kamer, ("brutonetto.api", "brutonetto.cli")) == [], kamer
