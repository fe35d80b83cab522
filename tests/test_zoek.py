"""`solve` (Dutch `zoek`), contract v3 'The question backwards': the value of one field at which
a result reaches its target. Hand-checked figures, and the round trip for every solvable field:
the value found, put back into the profile, gives the target through compute."""

from __future__ import annotations

import copy
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import brutonetto
from conftest import ADVISEUR

ROOT = Path(__file__).resolve().parents[1]

# 1600 available hours; basis 100 + 100 deducted = 1400 direct; meer_leren has 240 hours of learning.


def test_direct_hours_are_a_line_in_an_aftrek_so_the_answer_is_exact():
    """1600 - 100 - x = 1300: x = 200 uur, found on the line."""
    (rij,) = brutonetto.solve(ADVISEUR, doel="directe_uren=1300", zoek="aftrek.leren_en_ontwikkelen").records
    assert (rij.gevonden, rij.waarde, rij.methode, rij.directe_uren) == (200, "200 uur", "lineair", 1300)


def test_the_most_learning_time_within_a_budget():
    """extra fte = 100 x 1400 / D - 100 = 1.000.000 / 80.000 = 12,5, so D = 1400 / 1,125 = 1244,444...;
    x = 1600 - 100 - 1244,444... = 255,555556 uur: on a curve, so closed in on."""
    uitkomst = brutonetto.solve(ADVISEUR, doel="extra_kosten=1 mln", zoek="aftrek.leren_en_ontwikkelen",
                                scenario="meer_leren")
    (rij,) = uitkomst.to_dicts()
    assert rij["gevonden"] == Decimal("255.555556") and rij["waarde"] == "255,555556 uur"
    assert (rij["scenario"], rij["methode"], rij["extra_fte"], rij["extra_kosten"]) == ("meer_leren", "iteratief", 12.5, 1000000)


def test_a_target_out_of_reach_says_how_near_it_gets(cli):
    """At 0 uur learning the direct share is (1600 - 100) / 1600 = 93,75%: 99% cannot be had."""
    cli.write("a.yaml", ADVISEUR)
    uit = cli("solve", "a.yaml", "--doel", "aandeel_direct=99%", "--zoek", "aftrek.leren_en_ontwikkelen", code=1)
    assert uit.stderr.splitlines()[0] == (
        "a.yaml:5:1: aftrek: functie 'Adviseur': aandeel_direct = 99% is niet te halen met "
        "aftrek.leren_en_ontwikkelen vanaf 0; het dichtst bij komt aandeel_direct = 93,75% bij 0 uur")


def test_a_field_that_moves_nothing_and_wrong_usage(cli):
    cli.write("a.yaml", ADVISEUR)
    assert "fte verandert directe_uren niet" in cli("zoek", "a.yaml", "--doel", "directe_uren=1300", "--zoek", "fte", code=1).stderr
    assert "onbekende uitkomst 'extra_kost'; bedoelt u 'extra_kosten'?" in cli(
        "solve", "a.yaml", "--doel", "extra_kost=5", "--zoek", "fte", code=2).stderr
    assert "'functie' is geen getal of hoeveelheid" in cli(
        "solve", "a.yaml", "--doel", "extra_fte=5", "--zoek", "functie", code=2).stderr
    assert "de optie --doel ontbreekt" in cli("solve", "a.yaml", "--zoek", "fte", code=2).stderr


def test_the_total_takes_one_value_for_every_functie(cli):
    """Two advisers of 100 and 50 fte, both 1400 direct: the total of 1300 direct needs x = 200 in each."""
    tekst = ADVISEUR.replace("functie: Adviseur\nfte: 100", "functie: Adviseur\nfte: 100")
    eenheid = {"functies": [yaml.safe_load(tekst), {**yaml.safe_load(tekst), "functie": "Senior", "fte": 50}]}
    cli.write("u.yaml", yaml.safe_dump(eenheid, allow_unicode=True))
    rijen = json.loads(cli("solve", "u.yaml", "--doel", "directe_uren=1300", "--zoek", "aftrek.leren_en_ontwikkelen",
                           "--totaal", "-f", "json").stdout)
    assert [(r["functie"], r["gevonden"], r["directe_uren"], r["fte"]) for r in rijen] == [("Totaal", 200, 1300, 150)]


# The round trip: every field solve can seek, a target that field reaches at 0,95 x its value (as
# compute gives it with the field written so: an independent path), then the value found put back
# into the profile where the field is written, through compute.
VOL = {
    "functie": "Adviseur", "fte": 100, "kosten_per_fte": 80000, "uurtarief": 70, "uren_per_week": 36,
    "weken_per_jaar": 52, "uren_per_dag": "7,2", "werklast_uren": 120000, "instroom": "10%", "inwerkverlies": "200 uur",
    "verlof": {"vakantie": "144 uur", "feestdagen": "3 dagen"},
    "aftrek": {"verzuim": "5%", "leren_en_ontwikkelen": "100 uur", "overleg": "1 uur/week"},
    "scenarios": {"meer_leren": {"aftrek": {"leren_en_ontwikkelen": "150 uur"}}},
}
GEVALLEN = [  # field, result, scenario (None: basis)
    ("fte", "extra_fte", "meer_leren"),
    ("kosten_per_fte", "extra_kosten", "meer_leren"),
    ("uurtarief", "waarde_extra_uren", "meer_leren"),
    ("uren_per_week", "directe_uren", None),
    ("weken_per_jaar", "directe_uren", None),
    ("uren_per_dag", "directe_uren", None),
    ("instroom", "directe_uren", None),
    ("inwerkverlies", "directe_uren", None),
    ("werklast_uren", "fte_nodig", None),
    ("aftrek.verzuim", "directe_uren", None),
    ("aftrek.leren_en_ontwikkelen", "extra_kosten", "meer_leren"),
    ("aftrek.overleg", "aandeel_direct", None),
    ("verlof.vakantie", "directe_uren", None),
    ("verlof.feestdagen", "directe_uren", None),
    ("beschikbare_uren", "directe_uren", None),
]
_AFRONDING = {"extra_kosten": 0, "waarde_extra_uren": 0, "directe_uren": 1, "fte_nodig": 2, "extra_fte": 2, "aandeel_direct": 3}


def _profiel(veld: str) -> dict:
    profiel = copy.deepcopy(VOL)
    if veld == "beschikbare_uren":  # given, it replaces what bruto and verlof make
        for sleutel in ("weken_per_jaar", "uren_per_dag", "verlof"):
            profiel.pop(sleutel)
        profiel["beschikbare_uren"] = 1631
    if veld in ("fte", "kosten_per_fte", "uurtarief"):  # with a werklast, extra fte follow it, not the fte
        profiel.pop("werklast_uren")
    return profiel


def _zet(profiel: dict, veld: str, scenario: str | None, waarde: str) -> dict:
    """The value written where the field is written: in the scenario if it sets it, else in the basis."""
    groep, _, naam = veld.partition(".")
    eigen = profiel["scenarios"][scenario] if scenario else {}
    plek = eigen if groep in eigen and (not naam or naam in eigen[groep]) else profiel
    if naam:
        plek.setdefault(groep, {})[naam] = waarde
    else:
        plek[groep] = waarde
    return profiel


def _geschreven(profiel: dict, veld: str, scenario: str | None) -> str:
    groep, _, naam = veld.partition(".")
    for plek in ([profiel["scenarios"][scenario]] if scenario else []) + [profiel]:
        waarde = plek.get(groep)
        if waarde is not None and (not naam or naam in waarde):
            return str(waarde[naam] if naam else waarde)
    raise AssertionError(veld)


def _record(profiel: dict, scenario: str | None):
    uitkomst = brutonetto.compute(yaml.safe_dump(profiel, allow_unicode=True))
    assert uitkomst.problemen == [], uitkomst.problemen
    (record,) = [r for r in uitkomst.records if r.scenario == (scenario or "basis")]
    return record


@pytest.mark.parametrize(("veld", "uitkomst", "scenario"), GEVALLEN)
def test_the_value_found_put_back_gives_the_target(veld, uitkomst, scenario):
    profiel = _profiel(veld)
    geschreven = _geschreven(profiel, veld, scenario)
    getal_tekst = re.match(r"[\d,.]+", geschreven).group(0)
    getal = Decimal(getal_tekst.replace(",", "."))
    lager = getal * Decimal("0.95")  # written with a decimal comma, as a profile does
    doel = getattr(_record(_zet(copy.deepcopy(profiel), veld, scenario, geschreven.replace(getal_tekst, str(lager).replace(".", ","), 1)),
                           scenario), uitkomst)
    gevonden = brutonetto.solve(yaml.safe_dump(profiel, allow_unicode=True), doel=f"{uitkomst}={doel}", zoek=veld,
                                scenario=scenario)
    assert gevonden.problemen == [], gevonden.problemen
    (rij,) = gevonden.to_dicts()
    assert abs(rij["gevonden"] - lager) <= Decimal("1e-5") * getal, rij
    # put back as the JSON gives it (6 decimals), in the profile's own unit
    record = _record(_zet(copy.deepcopy(profiel), veld, scenario, rij["waarde"]), scenario)
    plaatsen = _AFRONDING[uitkomst]
    assert round(getattr(record, uitkomst), plaatsen) == round(doel, plaatsen), (veld, getattr(record, uitkomst), doel)


def test_every_field_solve_can_seek_has_a_round_trip():
    from brutonetto.input.gevoeligheid import GETALVELDEN

    assert set(GETALVELDEN) <= {veld for veld, _, _ in GEVALLEN}


def test_explain_shows_how_it_was_found(cli):
    cli.write("a.yaml", ADVISEUR)
    uit = cli("solve", "a.yaml", "--doel", "directe_uren=1300", "--zoek", "aftrek.leren_en_ontwikkelen", "--uitleg").stdout
    assert "aftrek: leren_en_ontwikkelen = opgegeven = 200 uur  (--zoek aftrek.leren_en_ontwikkelen: gevonden 200 uur (lineair" in uit
    assert "directe uren = beschikbare uren - totaal aftrek = 1.600 - 300 = 1.300 uur" in " ".join(uit.split())


def test_the_contracts_example_round_trips_on_the_memo(monkeypatch):
    """solve memo.yaml --doel extra_kosten=1000000 --zoek aftrek.leren_en_ontwikkelen --scenario S: each
    functie's value, written where its leren_en_ontwikkelen stands, gives EUR 1.000.000 in S.
    By hand for Medewerker bezwaar: 420,9 x 75.000 x 36 / D = 1.000.000 gives D = 1.136,43; so
    leren_en_ontwikkelen = 150 + (1.251,727444 - 1.136,43) = 265,297444 uur."""
    monkeypatch.chdir(ROOT)
    uitkomst = brutonetto.solve(["examples/bezwaar-en-beroep.yaml"], doel="extra_kosten=1000000",
                                zoek="aftrek.leren_en_ontwikkelen", scenario="extra_leertijd")
    assert uitkomst.problemen == []
    rijen = {r["functie"]: r for r in uitkomst.to_dicts()}
    assert rijen["Medewerker bezwaar"]["gevonden"] == Decimal("265.297444")
    # as text, its standaard lies relative to the current folder (the root), not to examples/
    tekst = (ROOT / "examples" / "bezwaar-en-beroep.yaml").read_text(encoding="utf-8").replace("../configs/", "configs/")
    for functie, rij in rijen.items():
        blok_begin = tekst.index(f"functie: {functie}")
        blok_eind = tekst.find("  - functie:", blok_begin + 1)
        blok = tekst[blok_begin: blok_eind if blok_eind > 0 else len(tekst)]
        oud = re.search(r"leren_en_ontwikkelen: [\d.]+ uur", blok).group(0)
        nieuw = tekst.replace(blok, blok.replace(oud, f"leren_en_ontwikkelen: '{rij['waarde']}'"))
        (record,) = [r for r in brutonetto.compute(nieuw).records if r.functie == functie and r.scenario == "extra_leertijd"]
        assert round(record.extra_kosten) == 1000000, (functie, record.extra_kosten)


def test_what_a_trial_found(cli):
    """A new user's trial: --totaal gave one number to a field written in % here and in hours there;
    1.300 was read as 1,3 hours; a value the profile refuses (more hours than a year) came back;
    a functie without the field was left out of --totaal without a word."""
    cli.write("mix.yaml", "standaard: {beschikbare_uren: 1600}\nfuncties:\n  - {functie: A, fte: 100, aftrek: {verzuim: 5%}}\n"
                          "  - {functie: B, fte: 100, aftrek: {verzuim: 80 uur}}\n")
    assert "aftrek.verzuim staat er in verschillende eenheden ('X%' bij 'A'; 'X uur' bij 'B')" in cli(
        "solve", "mix.yaml", "--doel", "directe_uren=1500", "--zoek", "aftrek.verzuim", "--totaal", code=2).stderr
    cli.write("a.yaml", ADVISEUR)
    assert "'1.300' leest als 1,300 uur" in cli(
        "solve", "a.yaml", "--doel", "directe_uren=1.300", "--zoek", "aftrek.leren_en_ontwikkelen", code=2).stderr
    # 1.000.000 direct needs 1.000.200 available hours: no profile may say so
    assert "dat vraagt 1000200, en 1000200 is meer uren dan een jaar heeft (8784)" in cli(
        "solve", "a.yaml", "--doel", "directe_uren=1000000", "--zoek", "beschikbare_uren", code=1).stderr
    cli.write("m.yaml", "standaard: {beschikbare_uren: 1600}\nfuncties:\n  - {functie: A, fte: 100, aftrek: {leren: 100 uur}}\n"
                        "  - {functie: B, fte: 300}\n")
    # (100 x (1600 - L) + 300 x 1600) / 400 = 1500: L = 400
    uit = cli("solve", "m.yaml", "--doel", "directe_uren=1500", "--zoek", "aftrek.leren", "--totaal", "-f", "json")
    assert json.loads(uit.stdout)[0]["gevonden"] == 400
    assert "functie 'B' heeft geen aftrek.leren en telt in het totaal mee zoals zij is" in uit.stderr


def test_the_workbook_and_report_of_solve_are_computes_at_the_values_found(cli, tmp_path):
    """'Same output formats as compute': the records at the value found, beside their basis; LibreOffice,
    recalculating the workbook's formulas, gives the target (EUR 1.000.000 at 255,555556 uur, see above)."""
    import openpyxl
    from test_werkboek import herreken

    cli.write("a.yaml", ADVISEUR)
    args = ["solve", "a.yaml", "--doel", "extra_kosten=1 mln", "--zoek", "aftrek.leren_en_ontwikkelen", "-s", "meer_leren"]
    cli(*args, "-f", "xlsx", "-o", "s.xlsx")
    blad = openpyxl.load_workbook(herreken([cli.tmp_path / "s.xlsx"], tmp_path)["s.xlsx"], data_only=True)["Resultaat"]
    koppen = [c.value for c in blad[1]]
    rij = [c.value for c in blad[3]]
    assert rij[2] == "meer_leren, gevonden" and round(rij[koppen.index("Extra kosten")], 2) == 1_000_000
    cli(*args, "-f", "html", "-o", "s.html")
    assert "255,556" in (cli.tmp_path / "s.html").read_text(encoding="utf-8")
    assert "--format xlsx laat de berekening al zien" in cli(*args, "-f", "xlsx", "-o", "t.xlsx", "--uitleg", code=2).stderr


def test_a_ratio_role_is_sought_through_the_functie_it_follows(cli):
    """The contract's example: 'the instroom at which a ratio role needs one more fte'. The Senior (1 per 30)
    needs 3,2 fte when the Adviseur needs 96: 140.000 / 96 = 1.458,333 direct, so 1.600 - 100 - instroom x 200
    gives instroom = 41,667 / 200 = 20,833333%."""
    cli.write("vh.yaml", "eenheid: E\nstandaard: {beschikbare_uren: 1600}\nfuncties:\n"
                         "  - {functie: Adviseur, fte: 100, werklast_uren: 140000, instroom: 10%, inwerkverlies: 200 uur,"
                         " aftrek: {leren: 100 uur}}\n  - {functie: Senior, verhouding: {een_per: 30, van: Adviseur}}\n")
    (rij,) = json.loads(cli("solve", "vh.yaml", "--functie", "Senior", "--zoek", "instroom", "--doel", "fte_nodig=3,2",
                            "-f", "json").stdout)
    assert (rij["functie"], rij["gevonden"], rij["waarde"], rij["fte_nodig"]) == ("Senior", 20.833333, "20,833333%", 3.2)


def test_a_saving_is_a_negative_target(cli):
    """'How much must we save': extra kosten -50.000 is extra fte -0,625 = 100 x (1400 / D - 1), so
    D = 1400 / 0,99375 = 1408,805031 and leren = 1600 - 100 - D = 91,194969 uur."""
    cli.write("a.yaml", ADVISEUR)
    (rij,) = json.loads(cli("solve", "a.yaml", "--doel", "extra_kosten=-50k", "--zoek", "aftrek.leren_en_ontwikkelen",
                            "-s", "meer_leren", "-f", "json").stdout)
    assert (rij["gevonden"], rij["extra_kosten"]) == (91.194969, -50000)
