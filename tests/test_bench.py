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
    for measure in ("cold start, JSON", "cold start, table", "batch, 200 functies"):
        line = next(line for line in out.splitlines() if line.startswith(measure))
        assert re.search(r"\d+ms\s+\d+ms\s+\d+\.\d\d\s+<= \d", line), line
    assert re.search(r"peak memory, batch\s+\d+MB", out), out
    assert re.search(r"realisation, [\d,]+ rows\s+\d+ms\s+\d+ms", out), out
    assert re.search(r"peak memory, realisation\s+\d+MB", out), out
