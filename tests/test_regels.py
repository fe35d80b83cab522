"""One source for every rule: compute (JSON), explain and the recalculated workbook agree.

On every example and on profiles that use every rule of `engine/regels.py` (among them the
catalogue's arithmetic cases 30-34, repaired: each given what it lacked), and on a compare:

- every step's rule, applied to the step's operands, gives the engine's number exactly:
  the steps that explain and the workbook show cannot drift from what compute computed;
- every number explain prints equals the JSON record's (where the JSON has it) and the
  cell LibreOffice recalculates from the workbook's formulas;
- every result column of the workbook equals the JSON record;
- together the cases use every rule, so no rule goes untested.
"""

from __future__ import annotations

import json
import textwrap
from decimal import Decimal as D
from decimal import localcontext

import openpyxl
import pytest
from typer.testing import CliRunner

from brutonetto.cli.commands import app
from brutonetto.engine.regels import REGELS
from brutonetto.engine.records import compute_records
from brutonetto.input.loader import load
from brutonetto.notation import rond
from brutonetto.errors import veldpad
from brutonetto.output.werkboek import RESULTAAT, UITKOMSTEN
from conftest import COMPARE_NIEUW, COMPARE_OUD, EXAMPLES, WERK_MET_SENIOREN
from test_werkboek import gelijk, herreken

PROFIELEN = {
    # every unit in verlof and in aftrek; weken_per_jaar and uren_per_dag by default; the fte formula
    "alle-eenheden": """\
        functie: Klantadviseur
        fte: 100
        kosten_per_fte: 75000
        uurtarief: 76
        uren_per_week: 36
        verlof: {vakantie: 25 dagen, feestdagen: '2,5%', adv: 2 uur/week, bijzonder_verlof: 8 uur}
        aftrek:
          verzuim: '5,7%'
          ziek_van_bruto: {procent: 1, van: bruto}
          werkoverleg: 1,5 uur/week
          cursus: 2 dagen
          leren_en_ontwikkelen: 150 uur
        scenarios:
          extra_leertijd: {aftrek: {extra_leertijd: 40 uur}}
          minder_verzuim: {aftrek: {verzuim: '4,2%'}, fte: 90}
    """,
    # given uren_per_dag and beschikbare uren; a werklast: the werklast formula
    "werklast": """\
        eenheid: SMZ
        standaard: {beschikbare_uren: 1631, uren_per_dag: 8}
        functies:
          - functie: Procesbegeleider
            fte: 310
            werklast_uren: 392000
            kosten_per_fte: 70000
            aftrek: {opleiding: 3 dagen, leren: 165 uur}
            scenarios:
              extra_leertijd: {aftrek: {extra_leertijd: 40 uur}}
              meer_werk: {werklast_uren: 400000}
          - functie: Secretaris
            aftrek: {leren: 20 uur}
            scenarios:
              extra_leertijd: {aftrek: {extra_leertijd: 12 uur}}
    """,
    # contract v3: a ratio role follows the people its base needs in a scenario, (fte + extra fte) / een_per
    "verhouding-mensen": WERK_MET_SENIOREN,
    # contract v3: the kalender's werkdagen and feestdagen (2027: 261 and 5 days; 2026: 6)
    "kalender": """\
        functie: Adviseur
        fte: 100
        kosten_per_fte: 80000
        uren_per_week: 36
        kalender: {jaar: 2027}
        verlof: {vakantie: 144 uur, feestdagen: kalender}
        aftrek: {verzuim: '5%', opleiding: 2 dagen}
        scenarios:
          jaar2026: {kalender: {jaar: 2026, uren_per_dag: 8}}
    """,
    # catalogue 30: beschikbare_uren and verlof both; repaired: verlof only
    "catalogus-30": "functie: X\nuren_per_week: 36\nverlof: {vakantie: 144 uur}\nfte: 3\n",
    # catalogue 31: no beschikbare uren; repaired: uren_per_week, no verlof
    "catalogus-31": "functie: X\nfte: 10\nuren_per_week: 32\nweken_per_jaar: 52,14\n",
    # catalogue 32 and 33: uur/week and dagen without uren_per_week; repaired: uren_per_week given
    "catalogus-32": "functie: X\nbeschikbare_uren: 1631\nuren_per_week: 36\naftrek: {werkoverleg: 1 uur/week}\n",
    "catalogus-33": "functie: X\nbeschikbare_uren: 1631\nuren_per_week: 36\naftrek: {opleiding: 3 dagen}\n",
    # catalogue 34: a percentage of bruto without bruto; repaired: uren_per_week given
    "catalogus-34": "functie: X\nbeschikbare_uren: 1631\nuren_per_week: 36\naftrek: {ziek: {procent: 4, van: bruto}}\n",
}
@pytest.fixture(scope="module")
def gevallen(tmp_path_factory):
    """Per case: the JSON records, the explain steps, the workbook and its recalculated copy."""
    map_ = tmp_path_factory.mktemp("regels")
    for naam_, tekst in PROFIELEN.items():
        (map_ / f"{naam_}.yaml").write_text(textwrap.dedent(tekst), encoding="utf-8")
    (map_ / "oud.yaml").write_text(textwrap.dedent(COMPARE_OUD), encoding="utf-8")
    (map_ / "nieuw.yaml").write_text(textwrap.dedent(COMPARE_NIEUW), encoding="utf-8")
    commandos = {p.stem: ["compute", str(p)] for p in sorted(EXAMPLES.glob("*.yaml"))}
    commandos.update({naam_: ["compute", str(map_ / f"{naam_}.yaml")] for naam_ in PROFIELEN})
    commandos["vergelijking"] = ["compare", str(map_ / "oud.yaml"), str(map_ / "nieuw.yaml")]
    runner = CliRunner()

    def draai(*args: str) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == 0, result.output
        return result.stdout

    uit = {}
    for naam_, commando in commandos.items():
        xlsx = map_ / f"{naam_}.xlsx"
        draai(*commando, "-f", "xlsx", "-o", str(xlsx))
        uitleg = json.loads(draai("explain", commando[1], "-f", "json")) if commando[0] == "compute" else None
        uit[naam_] = (json.loads(draai(*commando, "-f", "json"), parse_float=D, parse_int=D), uitleg, xlsx)
    herrekend = herreken([xlsx for _, _, xlsx in uit.values()], map_)
    return {naam_: (records, uitleg, herrekend[xlsx.name]) for naam_, (records, uitleg, xlsx) in uit.items()}


def _cel(boek, veld: tuple[str, ...], rij: int) -> object:
    """The recalculated cell of a step: hours of a line beside its input, else its column on Resultaat."""
    kandidaten = []
    if len(veld) == 2:
        kandidaten.append(("Invoer", f"{veld[0]}: {veld[1]} (uur)"))
    kandidaten.append(("Invoer", {("uren_per_dag",): "Uren per dag", ("werkweken",): "Werkweken"}.get(veld)))
    kandidaten.append(("Resultaat", next((k for k, v in UITKOMSTEN.items() if (v,) == veld), None)))
    kandidaten.append(("Resultaat", veld[0].replace("_", " ").capitalize() if len(veld) == 1 else veldpad(veld)))
    for blad, kop in kandidaten:
        koppen = [c.value for c in boek[blad][1]]
        if kop in koppen:
            return boek[blad].cell(rij, koppen.index(kop) + 1).value
    raise AssertionError(f"no column for {veld}")


def _json(record: dict, veld: tuple[str, ...]):
    if len(veld) == 2:
        return (record.get(veld[0]) or {}).get(veld[1], "geen JSON-sleutel")
    return record.get(veld[0], "geen JSON-sleutel") if len(veld) == 1 else "geen JSON-sleutel"


def test_explain_json_and_the_recalculated_workbook_agree_on_every_number(gevallen):
    gecontroleerd = 0
    for naam_, (records, uitleg, herrekend) in gevallen.items():
        boek = openpyxl.load_workbook(herrekend, data_only=True)
        resultaat = list(boek["Resultaat"].iter_rows(min_row=2, max_row=len(records) + 1, values_only=True))
        for i, record in enumerate(records):
            rij = dict(zip(RESULTAAT, resultaat[i]))
            assert (rij["Functie"], rij["Scenario"]) == (record["functie"], record["scenario"]), naam_
            for kop, sleutel in UITKOMSTEN.items():
                if sleutel in record:
                    assert gelijk(rij[kop], record[sleutel]), (naam_, record["functie"], record["scenario"], kop)
                    gecontroleerd += 1
            if uitleg is None:
                continue
            blad = uitleg[i]
            assert (blad["functie"], blad["scenario"]) == (record["functie"], record["scenario"])
            for stap in blad["stappen"]:
                veld = tuple(stap["veld"])  # what the step computes: its JSON key, or its own column
                uitkomst = D(str(stap["uitkomst"]))
                json_waarde = _json(record, veld)
                if json_waarde != "geen JSON-sleutel":
                    assert uitkomst == json_waarde, (naam_, record["functie"], stap["stap"])
                assert gelijk(_cel(boek, veld, i + 2), uitkomst), (naam_, record["functie"], record["scenario"], stap["stap"])
                gecontroleerd += 2
    assert gecontroleerd > 1400  # 1496 checks when written


def test_the_recalculated_totals_are_the_engines_totals(gevallen):
    """The compare leaves the functies found in one file only out of its totals, in the workbook too."""
    records, _, herrekend = gevallen["vergelijking"]
    blad = openpyxl.load_workbook(herrekend, data_only=True)["Resultaat"]
    totalen = {r[2]: dict(zip(RESULTAAT, r)) for r in blad.iter_rows(min_row=2, values_only=True) if str(r[0]).startswith("Totaal")}
    # matched: Procesbegeleider only, 100 fte in both; extra fte 100 x (1300 / 1260 - 1) = 3,174603
    assert gelijk(totalen["oud"]["Fte"], 100) and gelijk(totalen["nieuw"]["Fte"], 100)
    assert gelijk(totalen["nieuw"]["Extra fte"], D("3.174603"))
    assert totalen["nieuw"]["Functie"] == "Totaal gekoppeld"


@pytest.mark.parametrize("pad", sorted(EXAMPLES.glob("*.yaml")) + list(PROFIELEN), ids=str)
def test_every_step_is_its_rule_applied_to_its_operands(pad, tmp_path):
    if isinstance(pad, str):
        (tmp_path / "p.yaml").write_text(textwrap.dedent(PROFIELEN[pad]), encoding="utf-8")
        pad = tmp_path / "p.yaml"
    lading = load([str(pad)])
    assert not lading.fouten
    for record in compute_records(lading.functies).records:
        for stap in record.stappen():
            with localcontext() as ctx:
                ctx.prec = 40
                assert REGELS[stap.regel].reken(*(op.waarde for op in stap.operanden)) == stap.uitkomst, stap


def test_the_cases_use_every_rule(tmp_path):
    gebruikt = set()
    for naam_, tekst in PROFIELEN.items():
        (tmp_path / f"{naam_}.yaml").write_text(textwrap.dedent(tekst), encoding="utf-8")
    lading = load([str(tmp_path), str(EXAMPLES)])
    for record in compute_records(lading.functies).records:
        gebruikt |= {stap.regel for stap in record.stappen()}
    assert gebruikt == set(REGELS)


def test_explain_rounds_nothing_it_did_not_get_from_the_engine(gevallen):
    """Every explain result is the engine's number rounded once, half-up to 6 decimals."""
    records, uitleg, _ = gevallen["alle-eenheden"]
    stap = {s["stap"]: s for s in uitleg[1]["stappen"]}
    # hand-checked: bruto 36 x 52 = 1872; verlof 25 x 7,2 = 180, 2,5% x 1872 = 46,8, 2 x 52 = 104, 8:
    # 338,8; beschikbaar 1533,2; werkweken 1533,2 / 36 = 42,588889
    assert stap["totaal verlof"]["uitkomst"] == 338.8
    assert stap["werkweken"]["uitkomst"] == 42.588889
    assert D(str(stap["directe uren"]["uitkomst"])) == rond(D(str(records[1]["directe_uren"])))


def test_a_new_rule_reaches_explain_and_the_workbook_without_touching_them(cli, monkeypatch):
    """What v2 does (producten, verhouding, ...): a rule in the table and a step in the engine.

    Explain writes the new step in the rule's words and the workbook gives it a column with
    the rule's live formula; neither module is changed.
    """
    from brutonetto.engine import regels
    from brutonetto.engine.records import Record
    from brutonetto.engine.stappen import STAP, Operand, Stap

    monkeypatch.setitem(regels.REGELS, "dubbel_direct", regels.Regel(
        "§4", regels.UUR, "twee keer de directe uren", "2 x {0}", "2*{0}", lambda d: 2 * d,
    ))
    echte_stappen = Record.stappen

    def met_nieuwe_stap(self, prijs=True):
        blad = echte_stappen(self, prijs)
        direct = Operand(("directe_uren",), self.directe_uren, STAP)
        return blad + [Stap(("dubbel_direct",), "dubbel_direct", (direct,), 2 * self.directe_uren)]

    monkeypatch.setattr(Record, "stappen", met_nieuwe_stap)
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1600\naftrek: {indirect: 400}\n")
    regel = cli("explain", "p.yaml").stdout.splitlines()[-1]
    assert regel.split(". ", 1)[1].startswith("dubbel direct")
    assert regel.endswith("= twee keer de directe uren = 2 x 1.200 = 2.400 uur  (berekend)")
    cli("compute", "p.yaml", "-f", "xlsx", "-o", "p.xlsx")
    blad = openpyxl.load_workbook(cli.tmp_path / "p.xlsx")["Resultaat"]
    koppen = [c.value for c in blad[1]]
    kolom = koppen.index("Dubbel direct") + 1
    direct = openpyxl.utils.get_column_letter(koppen.index("Directe uren") + 1)
    assert blad.cell(2, kolom).value == f"=2*{direct}2"


def test_a_new_deduction_unit_is_a_row_in_the_rule_table_and_its_spelling(cli, monkeypatch):
    """The recipe of engine/__init__.py: `4 weken` of verlof (4 x uren_per_week), with no engine or
    renderer changed: compute converts by the row, explain writes its words, the workbook its formula."""
    from brutonetto.engine import regels
    from brutonetto.input import hoeveelheid as quantity

    monkeypatch.setitem(quantity.EENHEDEN, "weken", "weken")
    monkeypatch.setattr(quantity, "_kort_geheugen", quantity.functools.lru_cache(typed=True)(quantity._parse_korte_vorm))
    monkeypatch.setitem(regels.REGELS, "weken_x_uren_per_week", regels.Regel(
        "§3", regels.UUR, "weken x uren per week", "{0} x {1}", "{0}*{1}", lambda a, b: a * b, bron=(0,),
        omrekent=(("verlof", "weken", None), ("aftrek", "weken", None)), factor="uren_per_week",
        ontbreekt="'{hoeveelheid}' heeft uren_per_week nodig", invoerformaat='#,##0.##" weken"',
    ))
    monkeypatch.setitem(regels.OMREKENINGEN, ("verlof", "weken", None), "weken_x_uren_per_week")
    cli.write("p.yaml", "functie: X\nuren_per_week: 36\nverlof: {vakantie: 4 weken}\naftrek: {indirect: 400}\n")
    record = json.loads(cli("compute", "p.yaml", "-f", "json").stdout)[0]
    assert record["verlof"] == {"vakantie": 144} and record["beschikbare_uren"] == 36 * 52 - 144
    regel = next(r for r in cli("explain", "p.yaml").stdout.splitlines() if "verlof: vakantie" in r)
    assert regel.endswith("= weken x uren per week = 4 x 36 = 144 uur  (p.yaml:3)")
    cli("compute", "p.yaml", "-f", "xlsx", "-o", "p.xlsx")
    blad = openpyxl.load_workbook(cli.tmp_path / "p.xlsx")["Invoer"]
    koppen = [c.value for c in blad[1]]
    kolom = koppen.index("verlof: vakantie (uur)") + 1
    geschreven = openpyxl.utils.get_column_letter(kolom - 1)
    per_week = openpyxl.utils.get_column_letter(koppen.index("Uren per week") + 1)
    assert blad.cell(2, kolom).value == f"={geschreven}2*{per_week}2"
    assert blad.cell(2, kolom - 1).number_format == '#,##0.##" weken"'
