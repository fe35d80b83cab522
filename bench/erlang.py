"""How long the Erlang C engine takes, for people and the README (no timing is asserted anywhere).

    python3 bench/erlang.py             # 15 runs each
    python3 bench/erlang.py --runs 3

Medians of in-process runs, CPU time (steadier than the wall clock on a shared machine; the
engine keeps no cache between calls, so every run does the full work):

- one interval of 10,000 Erlang (100,000 calls of 180 s in half an hour, 80/20);
- a typical week of 336 half-hour intervals for 100 functies, each with its own handle
  time and its own volumes (a seeded random week shaped like a working day), 80/20 at
  most 85% busy;
- Erlang A (callers hang up after 60 s on average) for the same 10,000-Erlang interval.

`measure(runs)` returns the figures in seconds, for bench/run.py to call.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from brutonetto.engine.erlang import compute_interval, compute_interval_met_afhakers, compute_week  # noqa: E402

FUNCTIES = 100
INTERVALLEN = 336  # 7 days x 48 half hours


def weken(seed: int = 13) -> list[tuple[int, list[int]]]:
    """(gespreksduur in s, 336 volumes) per functie: closed at night, a morning and an afternoon peak."""
    rng = random.Random(seed)
    uit = []
    for _ in range(FUNCTIES):
        piek = rng.randint(20, 400)
        dag = [0] * 16 + [round(piek * f) for f in (.3, .6, .9, 1, 1, .9, .8, .7, .8, .9, .9, .8, .6, .4, .3, .2)] + [0] * 16
        week = [max(0, round(x * rng.uniform(0.85, 1.15))) for x in dag * 7]
        uit.append((rng.randint(120, 600), week))
    return uit


def _tijd(werk) -> float:
    start = time.process_time()
    werk()
    return time.process_time() - start


def measure(runs: int = 15) -> dict[str, float]:
    """Median CPU seconds: one 10,000-Erlang interval, 100 functies x 336 intervals, and Erlang A."""
    groot = [_tijd(lambda: compute_interval(100_000, interval_s=1800, gespreksduur_s=180,
                                            servicelevel=80, binnen_s=20)) for _ in range(runs)]
    invoer = weken()

    def alle_weken() -> None:
        for duur, week in invoer:
            compute_week(week, interval_s=1800, gespreksduur_s=duur, servicelevel=80, binnen_s=20,
                         max_bezetting=85)

    week = [_tijd(alle_weken) for _ in range(runs)]
    afhakers = [_tijd(lambda: compute_interval_met_afhakers(100_000, interval_s=1800, gespreksduur_s=180,
                                                            servicelevel=80, binnen_s=20, geduld_s=60))
                for _ in range(runs)]
    return {"10000_erlang": statistics.median(groot), "week_100_functies": statistics.median(week),
            "10000_erlang_a": statistics.median(afhakers)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    figures = measure(parser.parse_args().runs)
    print(f"Erlang C, 10,000 Erlang in one interval        {figures['10000_erlang'] * 1000:8.1f} ms")
    print(f"Erlang C, {INTERVALLEN} intervals x {FUNCTIES} functies          "
          f"{figures['week_100_functies'] * 1000:8.1f} ms")
    print(f"Erlang A, 10,000 Erlang, 60 s patience          {figures['10000_erlang_a'] * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
