"""Benchmarks that print ratios against the floor our own dependencies set.

    python3 bench/run.py            # 15 runs each, 10,000 functies (a few minutes)
    python3 bench/run.py --quick    # 2 runs each, 1,000 functies: proves it works

Each measurement runs the commands alternately (A B A B ...) so drift on a shared machine
hits both alike, and reports medians and their ratio:

- cold start, JSON path: `brutonetto compute <example> --format json` against a floor
  script that imports typer and yaml, defines one one-field pydantic model and runs a
  one-command Typer app with two options (Typer coerces options through pydantic); once on
  examples/bezwaar-en-beroep.yaml (profiles as v1 wrote them), once on
  examples/werkbedrijf.yaml (products with a service mix, ratio roles, onboarding loss);
- cold start, erlang: `brutonetto erlang ... --format json` against `python -c "import typer"` (<= 1,25);
- cold start, table path: `brutonetto compute <example>` against the same floor plus
  `import rich.console, rich.table`;
- batch: a generated unit file of 10,000 functies, written as users write them (every
  unit form, see generate.py), to JSON, against
  `yaml.load(file, Loader=yaml.CSafeLoader)` of that file alone;
- spreadsheet in: the same 10,000 functies as an xlsx (contract v3, `generate.schrijf_xlsx`:
  a row per functie and per scenario) to JSON, against the YAML batch run: the same target
  as the batch (an xlsx loads within what the same profiles in YAML take);
- peak memory (maximum resident set) of the batch run;
- a big unit file, 100,000 functies (`--groot`), to JSON once: its peak memory against the
  target of 400 MB (a unit file is read, computed and written functie by functie, so memory
  stays flat as files grow) and its time;
- the workbook: the batch file to `--format xlsx`, its time against the target of 5 s;
- the contact centre: a unit of 100 functies, each a queue with a typical week of 336
  half-hour intervals, through `compute --format json` (load, Erlang C per interval, the
  bruto/netto, JSON), and the Erlang C engine alone for one 10,000-Erlang interval and for
  the same 100 weeks (bench/erlang.py's `measure`).
- realisation: a year of weekly registrations (52 rows per functie; 5,000 functies give
  260,000 rows) against its plan, to JSON: its time against reading the CSV with the csv
  module alone, and its peak memory (it streams: memory stays flat as rows grow).

No timing is asserted anywhere: the figures are for people, and for the README.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate, schrijf_xlsx  # noqa: E402
import erlang as erlangbench  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "bezwaar-en-beroep.yaml"
EXAMPLE_V2 = ROOT / "examples" / "werkbedrijf.yaml"  # producten, verhoudingen, inwerkverlies (contract v2)
PY = sys.executable
# Measure the checkout, with its bytecode cached as a pip install leaves it (pip compiles
# at install time; without .pyc files every run would compile our modules again).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(ROOT / "src")

# The floor: our dependencies used as the smallest tool would use them. Typer (0.26 and
# newer) coerces each parameter of the command it runs through a pydantic TypeAdapter, so
# running one command, not only importing typer, is part of what any Typer tool costs.
FLOOR = """\
import typer
import yaml
from pydantic import BaseModel


class Floor(BaseModel):
    x: int


app = typer.Typer(add_completion=False)


@app.command()
def floor(pad: str, formaat: str = "json") -> None:
    Floor(x=len(pad))


app(["x.yaml", "--formaat", "json"], standalone_mode=False)
"""
FLOOR_TABLE = FLOOR + "\nimport rich.console, rich.table\n"
LAUNCHER = "import sys\nfrom brutonetto.cli import main\nsys.exit(main())\n"
FLOOR_CSV = "import csv, sys\nwith open(sys.argv[1], encoding='utf-8', newline='') as f:\n    sum(1 for _ in csv.reader(f, delimiter=';'))\n"
FLOOR_YAML = "import sys, yaml\nwith open(sys.argv[1], encoding='utf-8') as f:\n    yaml.load(f, Loader=yaml.CSafeLoader)\n"


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock seconds, and CPU seconds (user + system) of the child: steadier on a busy machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def alternate(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median wall-clock and CPU seconds per command, the commands run in turn."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for cmd in commands.values():  # one warm-up each: file cache, .pyc files
        timed(cmd)
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(timed(cmd))
    return {
        name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t))
        for name, t in times.items()
    }


def peak_memory_mb(cmd: list[str], env: dict[str, str] | None = None) -> float:
    """Maximum resident set of one run of cmd, measured in a fresh child of its own."""
    meter = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); " \
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    out = subprocess.run([PY, "-c", meter, *cmd], env=env or ENV, capture_output=True, text=True, check=True).stdout
    kb = int(out.strip().splitlines()[-1])
    return kb / 1024 if sys.platform != "darwin" else kb / (1024 * 1024)


DAGEN = ("ma", "di", "wo", "do", "vr", "za", "zo")


def contactcentrum() -> str:
    """A unit of 100 contact-centre functies, each with bench/erlang.py's week of 336 intervals."""
    namen = [f"{dag} {kwartier // 2:02d}:{30 * (kwartier % 2):02d}" for dag in DAGEN for kwartier in range(48)]
    regels = ["eenheid: Contactcentrum", "standaard:", "  uren_per_week: 36",
              "  verlof: {vakantie: 144 uur, feestdagen: 50.4 uur}",
              "  aftrek: {verzuim: 5.7%, leren_en_ontwikkelen: 152 uur, werkoverleg: 1 uur/week}",
              "scenarios:", "  extra_leertijd: {aftrek: {extra_leertijd: 33 uur}}", "functies:"]
    for i, (duur, week) in enumerate(erlangbench.weken()):
        regels += [f"  - functie: Wachtrij {i + 1}", "    contactcentrum:", "      interval: 30 min",
                   f"      gespreksduur: {duur} s", "      servicelevel: 80/20", "      max_bezetting: 85%",
                   "      aanbod:"]
        regels += [f"        {naam}: {aantal}" for naam, aantal in zip(namen, week)]
    return "\n".join(regels) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2 runs, 1,000 functies: only proves the benchmark works")
    parser.add_argument("--runs", type=int, help="runs per command (default 15, quick 2)")
    parser.add_argument("--functies", type=int, help="functies in the batch file (default 10,000, quick 1,000)")
    parser.add_argument("--groot", type=int,
                        help="functies in the big unit file measured once for memory (default 100,000, quick 10 x --functies)")
    parser.add_argument("--registraties", type=int,
                        help="functies in the realisation CSV, 52 weekly rows each (default 5,000, quick 200)")
    args = parser.parse_args()
    runs = args.runs or (2 if args.quick else 15)
    functies = args.functies or (1_000 if args.quick else 10_000)
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "src")], env=ENV, check=True)
    # the checkout, never a copy installed in the environment (PYTHONPATH comes first; say so if not)
    gemeten = subprocess.run([PY, "-c", "import brutonetto; print(brutonetto.__file__)"], env=ENV,
                             capture_output=True, text=True, check=True).stdout.strip()
    if not Path(gemeten).resolve().is_relative_to((ROOT / "src").resolve()):
        sys.exit(f"bench: brutonetto is imported from {gemeten}, not from {ROOT / 'src'}")

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "floor.py").write_text(FLOOR, encoding="utf-8")
        (tmp_path / "floor_table.py").write_text(FLOOR_TABLE, encoding="utf-8")
        (tmp_path / "floor_yaml.py").write_text(FLOOR_YAML, encoding="utf-8")
        (tmp_path / "floor_csv.py").write_text(FLOOR_CSV, encoding="utf-8")
        # what pip's `brutonetto` console script runs, against the checkout
        (tmp_path / "brutonetto_cli.py").write_text(LAUNCHER, encoding="utf-8")
        brutonetto = [PY, str(tmp_path / "brutonetto_cli.py")]
        batch = tmp_path / "groot.yaml"
        batch.write_text(generate(functies), encoding="utf-8")
        out = tmp_path / "uit.json"

        print(f"brutonetto benchmark: {runs} runs each, alternating; batch of {functies:,} functies "
              f"({batch.stat().st_size / 1e6:.1f} MB); Python {sys.version.split()[0]}")
        results = []
        json_path = alternate({
            "brutonetto": [*brutonetto, "compute", str(EXAMPLE), "--format", "json"],
            "floor": [PY, str(tmp_path / "floor.py")],
        }, runs)
        results.append(("cold start, JSON", json_path["brutonetto"], json_path["floor"], 1.15))
        v2_path = alternate({
            "brutonetto": [*brutonetto, "compute", str(EXAMPLE_V2), "--format", "json"],
            "floor": [PY, str(tmp_path / "floor.py")],
        }, runs)
        results.append(("cold start, JSON, v2", v2_path["brutonetto"], v2_path["floor"], 1.15))
        table_path = alternate({
            "brutonetto": [*brutonetto, "compute", str(EXAMPLE)],
            "floor": [PY, str(tmp_path / "floor_table.py")],
        }, runs)
        results.append(("cold start, table", table_path["brutonetto"], table_path["floor"], 1.15))
        # issue 22: erlang reads no profile, so it pays for Typer and its own arithmetic only
        (tmp_path / "floor_typer.py").write_text("import typer\n", encoding="utf-8")
        erlang_path = alternate({
            "brutonetto": [*brutonetto, "erlang", "--aanbod", "100", "--interval", "30min", "--gespreksduur", "180s",
                           "--servicelevel", "80/20", "--format", "json"],
            "floor": [PY, str(tmp_path / "floor_typer.py")],
        }, runs)
        results.append(("cold start, erlang", erlang_path["brutonetto"], erlang_path["floor"], 1.25))
        batch_cmd = [*brutonetto, "compute", str(batch), "--format", "json", "--output", str(out)]
        batch_times = alternate({
            "brutonetto": batch_cmd,
            "floor": [PY, str(tmp_path / "floor_yaml.py"), str(batch)],
        }, max(2, runs // 3) if not args.quick else 1)
        results.append((f"batch, {functies:,} functies", batch_times["brutonetto"], batch_times["floor"], 1.25))
        formatie = tmp_path / "formatie.xlsx"
        schrijf_xlsx(batch.read_text(encoding="utf-8"), formatie)
        formatie_times = alternate({
            "xlsx": [*brutonetto, "compute", str(formatie), "--format", "json", "--output", str(out)],
            "yaml": batch_cmd,
        }, max(2, runs // 3) if not args.quick else 1)
        results.append(("spreadsheet in vs YAML", formatie_times["xlsx"], formatie_times["yaml"], 1.25))
        memory = peak_memory_mb(batch_cmd)
        groot_aantal = args.groot or (100_000 if not args.quick else 10 * functies)
        groot = tmp_path / "groter.yaml"
        groot.write_text(generate(groot_aantal), encoding="utf-8")
        groot_cmd = [*brutonetto, "compute", str(groot), "--format", "json", "--output", str(out)]
        groot_mb = groot.stat().st_size / 1e6
        groot_env = {**ENV, "BRUTONETTO_MAX_MB": str(int(groot_mb) + 2)}  # past the 4 MB a file may have by default
        start = time.perf_counter()
        groot_memory = peak_memory_mb(groot_cmd, groot_env)
        groot_tijd = time.perf_counter() - start
        groot.unlink()
        xlsx_out = tmp_path / "uit.xlsx"
        xlsx_tijd = alternate({"brutonetto": [*brutonetto, "compute", str(batch), "--format", "xlsx", "--output", str(xlsx_out)]},
                              1 if args.quick else 3)["brutonetto"]
        wachtrijen = tmp_path / "contactcentrum.yaml"
        wachtrijen.write_text(contactcentrum(), encoding="utf-8")
        cc_cmd = [*brutonetto, "compute", str(wachtrijen), "--format", "json", "--output", str(out)]
        cc_times = alternate({"brutonetto": cc_cmd}, max(1, runs // 3))["brutonetto"]
        engine = erlangbench.measure(max(1, runs // 3))

        aantal = args.registraties or (200 if args.quick else 5_000)
        plan, registraties = tmp_path / "plan.yaml", tmp_path / "registraties.csv"
        _realisatie(plan, registraties, aantal)
        real_cmd = [*brutonetto, "realisation", str(plan), str(registraties), "--format", "json", "--output", str(out)]
        real_times = alternate({
            "brutonetto": real_cmd, "floor": [PY, str(tmp_path / "floor_csv.py"), str(registraties)],
        }, 1 if args.quick else 3)
        real_memory = peak_memory_mb(real_cmd)

    print(f"{'measure (median)':<26}{'brutonetto':>12}{'floor':>10}{'ratio':>8}{'target':>9}{'cpu ratio':>12}")
    for name, (ours, ours_cpu), (floor, floor_cpu), target in results:
        ratio = ours / floor
        print(f"{name:<26}{ours * 1000:>10.0f}ms{floor * 1000:>8.0f}ms{ratio:>8.2f}{'<= ' + str(target):>9}"
              f"{ours_cpu / floor_cpu:>12.2f}  {'ok' if ratio <= target else 'OVER'}")
    print(f"{'peak memory, batch':<26}{memory:>10.0f}MB{'':>10}{'':>8}{'<= 400':>9}{'':>12}  "
          f"{'ok' if memory <= 400 else 'OVER'}")
    print(f"{f'peak memory, {groot_aantal:,} functies':<26}{groot_memory:>10.0f}MB{'':>10}{'':>8}{'<= 400':>9}{'':>12}  "
          f"{'ok' if groot_memory <= 400 else 'OVER'}  ({groot_mb:.0f} MB of YAML to JSON in {groot_tijd:.1f} s, one run)")
    print(f"{f'xlsx, {functies:,} functies':<26}{xlsx_tijd[0] * 1000:>10.0f}ms{'':>10}{'':>8}{'<= 5 s':>9}{'':>12}  "
          f"{'ok' if xlsx_tijd[0] <= 5 else 'OVER'}  (cpu {xlsx_tijd[1]:.1f} s)")
    print(f"contact centre, {erlangbench.FUNCTIES} functies x {erlangbench.INTERVALLEN} intervals, "
          f"compute --format json (basis + 1 scenario): {cc_times[0] * 1000:.0f}ms wall, {cc_times[1] * 1000:.0f}ms cpu")
    print(f"Erlang C engine alone: {erlangbench.FUNCTIES} weeks of {erlangbench.INTERVALLEN} intervals "
          f"{engine['week_100_functies'] * 1000:.1f}ms; one interval of 10,000 Erlang {engine['10000_erlang'] * 1000:.1f}ms")
    (ours, _), (floor, _) = real_times["brutonetto"], real_times["floor"]
    print(f"{f'realisation, {aantal * 52:,} rows':<26}{ours * 1000:>10.0f}ms{floor * 1000:>8.0f}ms{ours / floor:>8.2f}"
          f"{'(csv)':>9}")
    print(f"{'peak memory, realisation':<26}{real_memory:>10.0f}MB")
    return 0


def _realisatie(plan: Path, registraties: Path, functies: int) -> None:
    """A plan of `functies` and a year of weekly registrations for each (Monday to Sunday)."""
    from datetime import date, timedelta

    regels = ["eenheid: Bench", "standaard: {beschikbare_uren: 1631}", "functies:"]
    regels += [f"  - {{functie: F{i}, fte: 10, aftrek: {{leren: 50 uur, overig: 200}}}}" for i in range(functies)]
    plan.write_text("\n".join(regels) + "\n", encoding="utf-8")
    with registraties.open("w", encoding="utf-8", newline="") as f:
        f.write("functie;aftrek;van;tot;uren;fte\n")
        for week in range(52):
            van = date(2023, 1, 2) + timedelta(weeks=week)
            tot = van + timedelta(days=6)
            f.writelines(f"F{i};leren;{van:%d-%m-%Y};{tot:%d-%m-%Y};9,5;10\n" for i in range(functies))


if __name__ == "__main__":
    sys.exit(main())
