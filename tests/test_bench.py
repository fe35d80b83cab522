"""The benchmark runs from a fresh clone and prints its three ratios and the memory.

It asserts no timing (timings are for people, and drift on shared machines); it proves the
benchmark command works, as CI must.
"""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT


def test_benchmark_quick_mode_prints_the_ratios_and_the_memory():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--runs", "1", "--functies", "200"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for measure in ("cold start, JSON", "cold start, JSON, v2", "cold start, table", "batch, 200 functies",
                    "spreadsheet in vs YAML"):
        line = next(line for line in out.splitlines() if line.startswith(measure))
        assert re.search(r"\d+ms\s+\d+ms\s+\d+\.\d\d\s+<= \d", line), line
    assert re.search(r"peak memory, batch\s+\d+MB", out), out
    assert re.search(r"peak memory, 2,000 functies\s+\d+MB\s+<= 400", out), out  # quick: 10 x the batch
    assert re.search(r"xlsx, 200 functies\s+\d+ms\s+<= 5 s", out), out
    assert re.search(r"realisation, [\d,]+ rows\s+\d+ms\s+\d+ms", out), out
    assert re.search(r"peak memory, realisation\s+\d+MB", out), out


def test_the_batch_file_is_written_as_users_write_and_stays_inside_the_input_bounds(cli):
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    from brutonetto.input import source

    tekst = generate(10_000)
    # every unit form users write, so the batch measures their parsing too
    for vorm in ("'5,7%'", "4,2%'", "5.7%", "uur/week", "u/w", "dagen", " d\n", " dag\n", " uur\n", " u\n", " h\n",
                 "{procent: 2, van: bruto}", "van: beschikbaar", "'12,5'", ": 35\n", ": 8.5\n",
                 "weken_per_jaar: 52,14", "beschikbare_uren: null", "verlof:", "standaard:", "\nscenarios:",
                 "    scenarios:", "    producten:", "kanalen:", "normtijd: '1,5 uur'", "    verhouding: {een_per:",
                 "    instroom:"):
        assert vorm in tekst, vorm
    # a realistic file: no problem, no warning, and well inside the size and value bounds,
    # so that the bounds' cheap estimates clear it without walking it event by event
    assert len(tekst.encode("utf-8")) <= source.MAX_BYTES
    assert source._waarden_bovengrens(tekst) <= source.MAX_WAARDEN
    assert source._diepte_bovengrens(tekst) <= source.MAX_DIEPTE
    klein = cli.write("klein.yaml", generate(300))
    result = cli("compute", klein, "--format", "json")
    assert result.stderr == ""
