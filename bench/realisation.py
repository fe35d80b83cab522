"""How fast the realisation CSV streams, and how much memory it holds.

    python3 bench/realisation.py                 # a year of weekly rows for 5,000 functies (260,000 rows)
    python3 bench/realisation.py --functies 500  # a tenth of that: 26,000 rows

The CSV is written as a Dutch Excel export would be (BOM, CRLF, semicolons, decimal
commas, Dutch and ISO dates, 400 distinct hour values) to a temporary file, then read
with input/realisatie.py and summed with engine/realisatie.py, as `realisation` will.
Each size runs in a fresh process, so its peak memory (maximum resident set) is its own.

Printed per size: rows per second for reading and summing, against `csv.reader` alone
on the same file (the floor: no parsing at all); the peak resident memory; and the peak
of Python's own allocations (tracemalloc, in a second, slower pass). Flat memory means
the traced peak grows with the number of functies (one small sum each, and 24 bytes a
row for the overlap check), not with whole rows. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def generate(pad: Path, functies: int) -> int:
    """A year of weekly registrations per functie; returns the number of rows."""
    weken = [(date(2023, 1, 2) + timedelta(weeks=w), date(2023, 1, 8) + timedelta(weeks=w)) for w in range(52)]
    rijen = 0
    with pad.open("w", encoding="utf-8-sig", newline="") as uit:
        uit.write("Eenheid;Functie;Aftrek;Van;Tot;Uren;FTE\r\n")
        for f in range(functies):
            for w, (van, tot) in enumerate(weken):
                datum = f"{van.day}-{van.month}-{van.year}" if w % 2 else van.isoformat()
                uit.write(f"Eenheid {f % 6};Functie {f};leren_en_ontwikkelen;{datum};{tot.day}-{tot.month}-{tot.year};"
                          f"{(f * 7 + w) % 40},{w % 10};{1 + f % 9},5\r\n")
                rijen += 1
    return rijen


def measure(pad: Path) -> dict:
    from brutonetto.engine.realisatie import aggregate
    from brutonetto.input.realisatie import read_registraties

    def floor() -> int:
        with pad.open(encoding="utf-8-sig", newline="") as bron:
            return sum(1 for _ in csv.reader(bron, delimiter=";"))

    def run() -> tuple[int, int]:
        fouten: list = []
        with pad.open(encoding="utf-8", newline="") as bron:
            resultaten, overlap = aggregate(read_registraties(bron, pad.name, fouten), pad.name)
        assert not fouten and not overlap, (fouten[:3], list(overlap)[:3])
        return len(resultaten), sum(r.regels for r in resultaten)

    start = time.perf_counter()
    floor()
    vloer = time.perf_counter() - start
    start = time.perf_counter()
    sommen, rijen = run()
    seconden = time.perf_counter() - start
    tracemalloc.start()
    run()
    _, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    return {"rijen": rijen, "sommen": sommen, "seconden": seconden, "vloer": vloer,
            "rss_mb": rss, "piek_mb": piek / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--functies", type=int, nargs="*", default=[500, 5000])
    parser.add_argument("--bestand", type=Path, help=argparse.SUPPRESS)  # one measurement, in a child
    args = parser.parse_args()
    if args.bestand:
        print(json.dumps(measure(args.bestand)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for functies in args.functies:
            pad = Path(tmp) / f"registraties-{functies}.csv"
            generate(pad, functies)
            uit = subprocess.run([sys.executable, __file__, "--bestand", str(pad)],
                                 capture_output=True, text=True, check=True).stdout
            m = json.loads(uit)
            mb = pad.stat().st_size / 2**20
            print(f"{m['rijen']:>8,} rows ({mb:.0f} MB, {m['sommen']:,} sums): "
                  f"{m['seconden']:.2f}s, {m['rijen'] / m['seconden']:,.0f} rows/s; "
                  f"csv.reader alone {m['vloer']:.2f}s ({m['seconden'] / m['vloer']:.1f}x); "
                  f"peak memory {m['rss_mb']:.0f}MB resident, {m['piek_mb']:.1f}MB traced")
            pad.unlink()


if __name__ == "__main__":
    main()
