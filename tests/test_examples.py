"""Each example reproduces the published figures of the domain brief.

Memo "Evaluatie inzet van de leertijdmiddelen" (13 Oct 2023): 1631 available hours;
learning plus quality development 185-218 h per fte; direct hours 1250-1300, 77%-80%.
Unit plans: Uitkeren +25 and +25 h; SMZ +40 h per procesbegeleider; B&B +12 h for all,
+24 more for legal staff, +13 more for medical secretaries and administrative staff;
Handhaving +25 h for scales 5-6, +12 h from scale 7 up.
"""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from conftest import EXAMPLES

UNIT_FILES = [
    "bezwaar-en-beroep.yaml", "uitkeren.yaml", "sociaal-medische-zaken.yaml",
    "handhaving.yaml", "klant-en-service.yaml",
]


def records(cli, name: str) -> list[dict]:
    return json.loads(cli("compute", EXAMPLES / name, "-f", "json").stdout, parse_float=D, parse_int=D)


def by_key(rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["functie"], r["scenario"]): r for r in rows}


@pytest.mark.parametrize("name", UNIT_FILES)
def test_unit_examples_sit_inside_the_memos_ranges(cli, name):
    for r in records(cli, name):
        assert r["beschikbare_uren"] == 1631
        assert r["bruto_uren"] == 1872  # 36 x 52
        assert r["aftrek"]["verzuim"] == D("92.967")  # 5,7% of 1631
        if r["scenario"] == "basis":
            leren = r["aftrek"]["leren_en_ontwikkelen"] + r["aftrek"]["kwaliteitsontwikkeling"]
            assert 185 <= leren <= 218, r["functie"]
            assert 1250 <= r["directe_uren"] <= 1300, r["functie"]
            assert D("0.765") <= r["aandeel_direct"] <= D("0.805"), r["functie"]  # "77%-80%" rounded


def test_bezwaar_en_beroep_plans_12_24_and_13_hours(cli):
    rows = by_key(records(cli, "bezwaar-en-beroep.yaml"))
    planned = {
        "Medewerker bezwaar": 36,  # 12 + 24 legal
        "Medisch secretaresse": 25,  # 12 + 13
        "Administratief medewerker": 25,  # 12 + 13
        "Verzekeringsarts bezwaar en beroep": 12,  # all direct staff
    }
    for functie, hours in planned.items():
        scenario = rows[(functie, "extra_leertijd")]
        assert scenario["aftrek"]["extra_leertijd"] == hours
        assert scenario["totaal_aftrek"] - rows[(functie, "basis")]["totaal_aftrek"] == hours
    # value of the hours, the domain brief's second cost method: 70,9 fte x 12 h x EUR 76
    assert rows[("Verzekeringsarts bezwaar en beroep", "extra_leertijd")]["waarde_extra_uren"] == D("64660.8")
    # Medewerker bezwaar: D from 1287,727444 to 1251,727444; 420,9 x 36 / 1251,727444 = 12,105191
    assert rows[("Medewerker bezwaar", "extra_leertijd")]["extra_fte"] == D("12.105191")


def test_uitkeren_budgeted_108_fte_for_25_hours(cli):
    rows = records(cli, "uitkeren.yaml")
    plus_25 = [r for r in rows if r["scenario"] == "leertijd_plus_25"]
    plus_50 = [r for r in rows if r["scenario"] == "leertijd_plus_50"]
    assert all(r["aftrek"]["extra_leertijd"] == 25 for r in plus_25)
    assert all(r["aftrek"]["extra_leertijd"] == 50 for r in plus_50)
    # 5455 fte x 25 / 1262,727444 = 108,0003 fte: the 108 direct fte Uitkeren budgeted in 2023
    assert round(sum(r["extra_fte"] for r in plus_25), 1) == D("108.0")
    # +50 h: 5455 x 50 / 1237,727444 = 220,36; more than twice 108, since the netto keeps falling
    assert round(sum(r["extra_fte"] for r in plus_50), 2) == D("220.36")


def test_smz_plans_40_hours_per_procesbegeleider_against_its_werklast(cli):
    rows = by_key(records(cli, "sociaal-medische-zaken.yaml"))
    basis, extra = rows[("Procesbegeleider", "basis")], rows[("Procesbegeleider", "extra_leertijd")]
    assert extra["aftrek"]["extra_leertijd"] == 40
    # 392000 / 1267,727444 = 309,215; 392000 / 1227,727444 = 319,289; difference 10,074
    assert round(basis["fte_nodig"], 3) == D("309.215")
    assert round(extra["fte_nodig"], 3) == D("319.289")
    assert round(extra["extra_fte"], 3) == D("10.074")
    assert ("Verzekeringsarts", "extra_leertijd") not in rows  # the plan covers procesbegeleiders only


def test_handhaving_plans_25_hours_for_scales_5_6_and_12_from_scale_7(cli):
    rows = by_key(records(cli, "handhaving.yaml"))
    assert rows[("Medewerker handhaving (schaal 5-6)", "extra_leertijd")]["aftrek"]["extra_leertijd"] == 25
    assert rows[("Sociaal rechercheur (schaal 8)", "extra_leertijd")]["aftrek"]["extra_leertijd"] == 12


def test_klant_en_service_1_3_million_is_about_17_fte_of_75000(cli):
    rows = by_key(records(cli, "klant-en-service.yaml"))
    extra = rows[("Klantadviseur", "extra_leertijd")]
    # 895 x 24 / 1263,727444 = 16,997 fte; x 75.000 = 1.274.797 ~ EUR 1,3 mln
    assert round(extra["extra_fte"]) == 17
    assert abs(extra["extra_kosten"] - 1_300_000) < 50_000


def test_hot_2023_reconciles_1363_productive_hours_of_1872(cli):
    (r,) = records(cli, "hot-2023.yaml")
    assert r["bruto_uren"] == 1872
    assert r["directe_uren"] == 1363
    assert round(r["directe_uren"] / r["bruto_uren"], 3) == D("0.728")


def test_hospital_sheet_gives_1579_netto_84_1_percent(cli):
    (r,) = records(cli, "ziekenhuis.yaml")
    assert round(r["bruto_uren"]) == 1878
    assert round(r["aftrek"]["ziek"], 1) == D("75.1")
    assert round(r["directe_uren"]) == 1579
    assert round(r["directe_uren"] / r["bruto_uren"], 3) == D("0.841")


def test_every_example_and_the_whole_folder_validates(cli):
    result = cli("validate", EXAMPLES)
    assert f"in orde: {len(list(EXAMPLES.rglob('*.yaml')))} bestanden" in result.stderr


def test_hot_2023_and_the_hospital_sheet_print_their_share_of_bruto(cli):
    """Contract v2, aandeel_bruto = directe_uren / bruto_uren: the share the published sheets print.

    HOT 2023: 1363 / 1872 = 0,72809829 -> 72,8%. Hospital: 1578,5952 / 1878,12 = 0,84051882 -> 84,1%
    (1579 / 1878 as printed). Neither is aandeel_direct (82,3% and 94,2%: of beschikbare uren).
    """
    (hot,) = records(cli, "hot-2023.yaml")
    (ziekenhuis,) = records(cli, "ziekenhuis.yaml")
    assert hot["aandeel_bruto"] == D("0.728098")
    assert ziekenhuis["aandeel_bruto"] == D("0.840519")
    tabel = cli("compute", EXAMPLES / "hot-2023.yaml", EXAMPLES / "ziekenhuis.yaml").stdout
    koppen = [c.strip() for c in tabel.splitlines()[1].strip("┃ ").split("┃")]
    rijen = {r.split("│")[1].strip(): [c.strip() for c in r.strip("│ ").split("│")] for r in tabel.splitlines() if r.startswith("│")}
    kolom = koppen.index("Aandeel bruto")
    assert rijen["Rijksmedewerker (HOT 2023)"][kolom] == "72,8%"
    assert rijen["Verpleegkundige"][kolom] == "84,1%"
    assert rijen["Verpleegkundige"][koppen.index("Aandeel direct")] == "94,2%"
    uitleg = json.loads(cli("explain", EXAMPLES / "hot-2023.yaml", "-f", "json").stdout)
    stap = {s["stap"]: s for s in uitleg[0]["stappen"]}["aandeel bruto"]
    assert (stap["formule"], stap["berekening"], stap["uitkomst"]) == ("directe uren / bruto uren", "1.363 / 1.872", 0.728098)
