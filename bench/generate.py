"""A large unit file for the batch benchmark: N functies, each with 4-6 deductions and one scenario.

Deterministic (a fixed seed), so every run and every machine measures the same file.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

AFTREK = [
    ("verzuim", lambda r: f"{r.randint(30, 70) / 10}%".replace(".", ",")),
    ("werkoverleg", lambda r: f"{r.choice([1, 1.5, 2])} uur/week"),
    ("leren_en_ontwikkelen", lambda r: f"{r.randint(100, 180)} uur"),
    ("kwaliteitsontwikkeling", lambda r: f"{r.randint(20, 50)} uur"),
    ("opleiding", lambda r: f"{r.randint(1, 5)} dagen"),
    ("overige_indirecte_uren", lambda r: r.randint(10, 40)),
]


def generate(functies: int, seed: int = 2023) -> str:
    r = random.Random(seed)
    regels = [
        "eenheid: Benchmark",
        "standaard:",
        "  beschikbare_uren: 1631",
        "  uren_per_week: 36",
        "functies:",
    ]
    for i in range(functies):
        regels += [
            f"  - functie: Functie {i:05d}",
            f"    fte: {r.randint(1, 400)}.{r.randint(0, 9)}",
            f"    kosten_per_fte: {r.randint(50, 120) * 1000}",
            "    aftrek:",
        ]
        for naam, waarde in AFTREK[: r.randint(4, 6)]:
            regels.append(f"      {naam}: {waarde(r)}")
        regels += ["    scenarios:", f"      extra_leertijd: {{aftrek: {{extra_leertijd: {r.choice([12, 25, 40])} uur}}}}"]
    return "\n".join(regels) + "\n"


if __name__ == "__main__":
    aantal = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    Path(sys.argv[2] if len(sys.argv) > 2 else "groot.yaml").write_text(generate(aantal), encoding="utf-8")
