"""`brutonetto explain`: every figure traced to its formula, its numbers and its input line."""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Decimal

from conftest import EXAMPLES

PROFIEL = """\
    standaard: configs/org.yaml
    functie: Procesbegeleider
    fte: 100
    kosten_per_fte: 70000
    uurtarief: 80
    aftrek:
      leren: 185 uur
      overleg: 1 uur/week
    scenarios:
      meer_leren:
        aftrek: {leren: 225 uur}
"""
ORG = """\
    uren_per_week: 36
    beschikbare_uren: 1631
    aftrek:
      verzuim: 5,7%
"""
# Hand-checked: verzuim 5,7% x 1631 = 92,967; overleg 1 x 1631/36 = 45,306 (45,3055...)
# basis: aftrek 92,967 + 185 + 45,306 = 323,273; direct 1307,727
# meer_leren: aftrek 363,273; direct 1267,727; extra fte 100 x (1307,727/1267,727 - 1) = 3,155252
# extra kosten 3,155252 x 70.000 = 220.867,66; waarde extra uren 100 x 40 x 80 = 320.000


def test_explain_traces_every_input_to_its_line(cli):
    cli.write("configs/org.yaml", ORG)
    cli.write("p.yaml", PROFIEL)
    lines = cli("explain", "p.yaml", "--scenario", "meer_leren").stdout.splitlines()
    assert lines[0] == "Rekenblad: Procesbegeleider · scenario meer_leren · p.yaml"
    stap = {line.split("=")[0].split(". ", 1)[1].strip(): line for line in lines[1:]}
    assert stap["bruto uren"].endswith("= 36 x 52 = 1.872 uur  (uren_per_week configs/org.yaml:1; "
                                       "weken_per_jaar standaard: 52 weken (HOT, CAO Rijk))")
    assert stap["beschikbare uren"].endswith("= 1.631 uur  (configs/org.yaml:2)")
    assert stap["aftrek: verzuim"].endswith("= percentage van de beschikbare uren = 5,7% x 1.631 = 92,967 uur  (configs/org.yaml:4)")
    assert stap["aftrek: leren"].endswith("= 225 uur  (p.yaml:11)")  # overridden by the scenario
    assert stap["aftrek: overleg"].endswith("= 1 x 45,306 = 45,306 uur  (p.yaml:8)")
    assert stap["totaal aftrek"].endswith("= 92,967 + 225 + 45,306 = 363,273 uur  (berekend)")
    assert stap["directe uren"].endswith("= 1.631 - 363,273 = 1.267,727 uur  (berekend)")
    assert stap["directe uren basis"].endswith("= 1.307,727 uur  (basis)")
    assert stap["extra fte"].endswith("= fte x (D_basis / D_scenario - 1) (delen door de nieuwe netto-uren) "
                                      "= 100 x (1.307,727 / 1.267,727 - 1) = 3,155 fte  (p.yaml:3)")
    assert stap["extra kosten"].endswith("= 3,15525235 x 70.000 = € 220.867,66  (p.yaml:4)")
    assert stap["waarde extra uren"].endswith("= 100 x (363,273 - 323,273) x 80 = € 320.000,00  (p.yaml:5)")


def test_explain_json_gives_the_same_steps_as_data(cli):
    cli.write("configs/org.yaml", ORG)
    cli.write("p.yaml", PROFIEL)
    bladen = json.loads(cli("explain", "p.yaml", "--format", "json").stdout)
    assert [(b["functie"], b["scenario"]) for b in bladen] == [("Procesbegeleider", "basis"), ("Procesbegeleider", "meer_leren")]
    basis = {s["stap"]: s for s in bladen[0]["stappen"]}
    assert basis["directe uren"]["uitkomst"] == 1307.727444
    assert basis["aandeel direct"]["uitkomst"] == 0.801795  # 1307,727444 / 1631
    assert basis["aftrek: verzuim"] == {
        "stap": "aftrek: verzuim", "veld": ["aftrek", "verzuim"], "formule": "percentage van de beschikbare uren",
        "berekening": "5,7% x 1.631",
        "uitkomst": 92.967, "eenheid": "uur", "bron": "configs/org.yaml:4",
    }
    extra = {s["stap"]: s for s in bladen[1]["stappen"]}
    assert extra["extra fte"]["uitkomst"] == 3.155252  # 100 x 40 / 1267,727444


def test_explain_shows_verlof_and_werklast(cli):
    (ziekenhuis,) = json.loads(cli("explain", EXAMPLES / "ziekenhuis.yaml", "-f", "json").stdout)
    stap = {s["stap"]: s for s in ziekenhuis["stappen"]}
    assert stap["bruto uren"]["berekening"] == "36 x 52,17" and stap["bruto uren"]["uitkomst"] == 1878.12
    assert stap["beschikbare uren"]["formule"] == "bruto uren - verlof"
    assert stap["beschikbare uren"]["berekening"] == "1.878,12 - 202,4"
    assert stap["aftrek: ziek"]["berekening"] == "4% x 1.878,12" and stap["aftrek: ziek"]["uitkomst"] == 75.1248
    smz = json.loads(cli("explain", EXAMPLES / "sociaal-medische-zaken.yaml", "-F", "Procesbegeleider", "-s", "extra_leertijd", "-f", "json").stdout)
    stap = {s["stap"]: s for s in smz[0]["stappen"]}
    assert stap["fte nodig"]["formule"] == "werklast / directe uren"
    assert stap["extra fte"]["formule"].startswith("werklast / D_scenario - werklast / D_basis")


def test_explain_names_an_unknown_functie_or_scenario(cli):
    result = cli("explain", EXAMPLES / "uitkeren.yaml", "--functie", "Kok", code=2)
    assert "--functie: onbekende functie 'Kok'; in deze bestanden staan: Medewerker uitkeren, Specialist uitkeren" in result.stderr
    result = cli("explain", EXAMPLES / "uitkeren.yaml", "--scenario", "nul", code=2)
    assert "onbekend scenario 'nul'" in result.stderr


def test_bars_show_the_direct_share(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1600\naftrek: {indirect: 400}\n")
    out = cli("compute", "p.yaml", "--staven").stdout
    # 1200 / 1600 = 75%: 15 of 20 blocks direct
    assert "│ " + "█" * 15 + "░" * 5 + " │" in out


_GETAL = r"-?[\d.]+(?:,\d+)?%?"
_BINAIR = re.compile(rf"= ({_GETAL}) (x|/|-) ({_GETAL}) = (€ )?({_GETAL})(?: (uur|fte|weken))?  \(")


def _lees(tekst: str) -> Decimal:
    waarde = Decimal(tekst.rstrip("%").replace(".", "").replace(",", "."))
    return waarde / 100 if tekst.endswith("%") else waarde


def test_every_shown_product_and_quotient_follows_from_the_shown_numbers(cli):
    """`12,105 x 75.000 = € 907.889,34` could not be redone by hand; the operands get the digits it takes."""
    tekst = cli("explain", EXAMPLES).stdout
    gecontroleerd = 0
    for regel in tekst.splitlines():
        gevonden = _BINAIR.search(regel)
        if gevonden is None:
            continue
        a, op, b, euro, uitkomst, _ = gevonden.groups()
        x, y = _lees(a), _lees(b)
        waarde = {"x": x * y, "/": x / y if y else None, "-": x - y}[op]
        getoond = _lees(uitkomst)
        decimalen = max(-getoond.as_tuple().exponent, 0)
        assert waarde.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP) == getoond, regel
        gecontroleerd += 1
    assert gecontroleerd > 100


def test_a_given_number_is_not_repeated_as_its_own_working(cli):
    tekst = cli("explain", EXAMPLES / "bezwaar-en-beroep.yaml", "-F", "Medewerker bezwaar", "-s", "extra_leertijd").stdout
    assert "beschikbare uren               = opgegeven = 1.631 uur  (" in tekst
    assert "= 1.631 = 1.631 uur" not in tekst and "= 36 uur = 36 uur" not in tekst
    assert "12,1051912 x 75.000 = € 907.889,34" in tekst  # 12,105 x 75.000 would be 907.875
