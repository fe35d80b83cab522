"""A large unit file for the batch benchmark, written the way users write their profiles.

Every quantity form of the contract appears, in the spellings users type: bare numbers
(int and float), decimal-comma strings (`'12,5'`), `uur`/`u`/`h`, quoted and unquoted
decimal-comma percentages (`'5,7%'`, `4,2%`), `uur/week` and `u/w`, `dagen`/`dag`/`d`,
the long form `{procent: 4, van: bruto}`; verlof from `uren_per_week` with
`weken_per_jaar: 52,14`; `standaard` defaults; scenarios in the file's head and per
functie; and contract v2's capacity: products with a service mix, ratio roles following
other functies, onboarding loss. As in real files, the deductions repeat a few common quantities, while fte,
costs and workloads differ per functie.

Deterministic (a fixed seed), so every run and every machine measures the same file. A
10,000-functie file stays well inside the input bounds of `brutonetto.input.source`
(size and value count); `tests/test_bench.py` checks that.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

# name -> the values users write for it: a few common quantities in several spellings
AFTREK: list[tuple[str, tuple[str, ...]]] = [
    ("verzuim", ("'5,7%'", "5,7%", "'4,2%'", "5.7%", "'6%'", "'4,85%'")),
    ("werkoverleg", ("1 uur/week", "'1,5 u/w'", "2 uur/week", "1 u/w", "'0,5 uur/week'")),
    ("leren_en_ontwikkelen", ("150 uur", "185 h", "152 u", "120", "'162,5 uur'", "175 uur")),
    ("kwaliteitsontwikkeling", ("35", "35 uur", "'27,5'", "40 h", "20.5")),
    ("opleiding", ("3 dagen", "2 d", "1 dag", "'2,5 dagen'", "5 dagen")),
    ("reistijd", ("{procent: 2, van: bruto}", "{procent: '1,5', van: bruto}", "{procent: 1, van: beschikbaar}")),
    ("bedrijfshulpverlening", ("8.5", "'12,5'", "16 uur", "8 u")),
]
VERLOF: list[tuple[str, tuple[str, ...]]] = [
    ("vakantie", ("144 uur", "'165,6 uur'", "23 dagen", "20 d", "180")),
    ("feestdagen", ("7 dagen", "'50,4 uur'", "50.4", "6 d")),
    ("bijzonder_verlof", ("{procent: 1, van: bruto}", "'0,5%'", "1 dag", "8 h")),
]
WEEKUREN = ("36", "32", "'36 uur'", "38 uur/week", "24")
WEKEN = ("52,14", "52", "52.18", "'52,14'")
NORMTIJDEN = ("45 min", "'1,5 uur'", "90 s", "12 minuten")


def generate(functies: int, seed: int = 2023) -> str:
    r = random.Random(seed)
    regels = [
        "eenheid: Benchmark",
        "standaard:",
        "  beschikbare_uren: 1631",
        "  uren_per_week: 36",
        "  aftrek:",
        "    verzuim: '5,7%'",
        "    werkoverleg: 1 uur/week",
        "scenarios:",
        "  extra_leertijd: {aftrek: {extra_leertijd: 12 uur}}",
        "functies:",
    ]
    for i in range(functies):
        regels.append(f"  - functie: Functie {i:05d}")
        regels.append("    fte: " + r.choice((
            f"{r.randint(1, 400)}.{r.randint(0, 9)}", f"'{r.randint(1, 90)},{r.randint(0, 99):02d}'", str(r.randint(1, 400)),
        )))
        regels.append(f"    kosten_per_fte: {r.randint(500, 1200) * 100}")
        soort = r.random()
        if soort < 0.2:
            regels.append(f"    werklast_uren: {r.randint(10_000, 500_000)}")
        elif soort < 0.3:  # workload from volumes and normtijden, one product a service mix (contract v2)
            regels += [
                "    producten:",
                f"      intake: {{volume: {r.randint(100, 90_000)}, normtijd: {r.choice(NORMTIJDEN)}}}",
                f"      contact: {{volume: {r.randint(1_000, 200_000)}, kanalen: {{telefoon: {{aandeel: 60%, normtijd: 8 min}}, "
                "balie: {aandeel: 40%, normtijd: 20 min}}}",
            ]
        elif soort < 0.35 and i:  # a ratio role following an earlier functie (contract v2)
            regels.append(f"    verhouding: {{een_per: {r.randint(10, 60)}, van: Functie {r.randint(0, i - 1):05d}}}")
        if r.random() < 0.1:  # onboarding loss (contract v2)
            regels += [f"    instroom: {r.choice(('5%', chr(39) + '7,5%' + chr(39), '30%'))}", "    inwerkverlies: 240 uur"]
        if r.random() < 0.2:
            regels.append(f"    uurtarief: '{r.randint(45, 110)},{r.choice(('00', '50', '75'))}'")
        if r.random() < 0.4:  # contract hours and leave instead of the default beschikbare uren
            regels += [
                "    beschikbare_uren: null",
                f"    uren_per_week: {r.choice(WEEKUREN)}",
                f"    weken_per_jaar: {r.choice(WEKEN)}",
            ]
            if r.random() < 0.3:
                regels.append(f"    uren_per_dag: {r.choice(('8', chr(39) + '7,2 uur' + chr(39), '7.6 u'))}")
            regels.append("    verlof:")
            regels += [f"      {naam}: {r.choice(waarden)}" for naam, waarden in VERLOF[: r.randint(2, 3)]]
        regels.append("    aftrek:")
        for naam, waarden in r.sample(AFTREK, r.randint(3, 6)):
            regels.append(f"      {naam}: {r.choice(waarden)}")
        scenarios = []
        if r.random() < 0.5:  # overrides the file's scenario of the same name
            scenarios.append(f"      extra_leertijd: {{aftrek: {{extra_leertijd: {r.choice(('25 uur', '36 uur', '40 h', '5 dagen'))}}}}}")
        if r.random() < 0.3:
            scenarios += ["      minder_verzuim:", "        aftrek:", f"          verzuim: {r.choice(('3,5%', chr(39) + '3,9%' + chr(39), '4.5%'))}"]
        if scenarios:
            regels += ["    scenarios:", *scenarios]
    return "\n".join(regels) + "\n"


def als_formatie(tekst: str) -> tuple[list[str], list[list[object]]]:
    """The same unit as a spreadsheet's rows (contract v3): a header of field paths, a row per
    functie with its `standaard` filled in (a cell cannot unset a default as `null` does), a row
    per scenario of a functie, and the file's scenarios as rows without functie."""
    import yaml

    data = yaml.safe_load(tekst)
    standaard = data.get("standaard") or {}

    def plat(velden: dict, voor: tuple = ()) -> dict[str, object]:
        uit: dict[str, object] = {}
        for sleutel, waarde in velden.items():
            if isinstance(waarde, dict):
                uit.update(plat(waarde, voor + (sleutel,)))
            else:
                uit[".".join(voor + (sleutel,))] = waarde
        return uit

    def samen(onder: dict, boven: dict) -> dict:
        uit = dict(onder)
        for sleutel, waarde in boven.items():
            if waarde is None:
                uit.pop(sleutel, None)
            elif isinstance(waarde, dict) and isinstance(uit.get(sleutel), dict):
                uit[sleutel] = {**uit[sleutel], **waarde}
            else:
                uit[sleutel] = waarde
        return uit

    rijen: list[dict[str, object]] = []
    for functie in data["functies"]:
        eigen = {k: v for k, v in functie.items() if k != "scenarios"}
        rijen.append({"eenheid": data.get("eenheid"), **plat(samen(standaard, eigen))})
        for naam, scenario in (functie.get("scenarios") or {}).items():
            rijen.append({"functie": functie["functie"], "eenheid": data.get("eenheid"), **plat(scenario), "scenario": naam})
    for naam, scenario in (data.get("scenarios") or {}).items():
        rijen.append({**plat(scenario), "scenario": naam})
    kop = list(dict.fromkeys(k for rij in rijen for k in rij))
    return kop, [[rij.get(k) for k in kop] for rij in rijen]


def schrijf_xlsx(tekst: str, pad: Path) -> None:
    """`als_formatie` as an xlsx (XlsxWriter), numbers as numbers."""
    import xlsxwriter

    kop, rijen = als_formatie(tekst)
    boek = xlsxwriter.Workbook(str(pad))  # shared strings, as Excel writes them
    blad = boek.add_worksheet("formatie")
    blad.write_row(0, 0, kop)
    for r, rij in enumerate(rijen, start=1):
        for k, waarde in enumerate(rij):
            if isinstance(waarde, str):
                blad.write_string(r, k, waarde)
            elif waarde is not None:
                blad.write_number(r, k, waarde)
    boek.close()


if __name__ == "__main__":
    aantal = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    Path(sys.argv[2] if len(sys.argv) > 2 else "groot.yaml").write_text(generate(aantal), encoding="utf-8")
