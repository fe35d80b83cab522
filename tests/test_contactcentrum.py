"""The contact centre in a profile (contract v2): Erlang C per interval, the werklast, the fte.

The figures are checked independently of the engine: agents per interval by the textbook
Erlang C formula in exact `Fraction`s (factorials, no recurrence, no floats; only the
exponential of the service level in 50-digit `Decimal`), and the bruto/netto, werklast and
fte worked by hand from those.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal as D
from decimal import localcontext
from fractions import Fraction

import pytest
import yaml

from conftest import EXAMPLES

TELEFONIE = EXAMPLES / "klant-en-service-telefonie.yaml"

PROFIEL = """\
    functie: Klantadviseur telefonie
    fte: 10
    kosten_per_fte: 70000
    beschikbare_uren: 1600
    aftrek: {verzuim: 5%}
    contactcentrum:
      interval: 30 min
      gespreksduur: 180 s
      servicelevel: {procent: 80, binnen: 20 s}
      aanbod:
        ma 08:00: 100
        ma 08:30: 0
        ma 09:00: 12,5
"""


def _records(cli, *args: object) -> list[dict]:
    """compute's JSON with its numbers as exact decimals."""
    return json.loads(cli("compute", *args, "-f", "json").stdout, parse_float=D, parse_int=D)


def _c(n: int, a: Fraction) -> Fraction:
    """Erlang C by the textbook formula, exactly."""
    staart = a**n / math.factorial(n) * n / (n - a)
    return staart / (sum(a**k / math.factorial(k) for k in range(n)) + staart)


def _agenten(aanbod: Fraction, interval_s: int, duur_s: int, procent: int, binnen_s: int, max_bezetting: int | None) -> int:
    """The smallest N > A with 1 - C exp(-(N - A) binnen / duur) >= target and A / N <= max."""
    a = aanbod * duur_s / interval_s
    if a == 0:
        return 0
    n = math.floor(a) + 1
    while True:
        c = _c(n, a)
        with localcontext() as ctx:
            ctx.prec = 50
            x = (n - a) * binnen_s / duur_s
            sl = 1 - D(c.numerator) / D(c.denominator) * (-(D(x.numerator) / D(x.denominator))).exp()
        if sl >= D(procent) / 100 and (max_bezetting is None or a / n <= Fraction(max_bezetting, 100)):
            return n
        n += 1


def test_the_telephony_example_agents_werklast_and_fte_checked_by_hand(cli):
    doc = yaml.safe_load(TELEFONIE.read_text(encoding="utf-8"))
    cc = doc["contactcentrum"]
    assert (cc["interval"], cc["gespreksduur"], cc["servicelevel"], cc["max_bezetting"]) == (
        "30 min", "300 s", {"procent": 80, "binnen": "20 s"}, "85%")
    agenten = [_agenten(Fraction(v), 1800, 300, 80, 20, 85) for v in cc["aanbod"].values()]
    assert len(agenten) == 90 and sum(cc["aanbod"].values()) == 8538  # weekdays 08:00-17:00
    agenturen = D(sum(agenten)) / 2  # 30 minutes each
    assert agenturen == 911

    basis, leertijd = _records(cli, TELEFONIE)
    # by hand: bruto 36 x 52 = 1872; verlof 144 + 50,4: beschikbaar 1677,6; verzuim 5,7% = 95,6232;
    # werkoverleg 1 uur/week x (1677,6 / 36 = 46,6 weken) = 46,6; + 152 L&O: aftrek 294,2232;
    # direct 1383,3768; werklast 911 x 52 = 47372 uur
    assert basis["agenturen_per_week"] == agenturen and basis["werklast_uren"] == 47372
    assert basis["directe_uren"] == D("1383.3768")
    with localcontext() as ctx:
        ctx.prec = 40
        nodig_b = D(47372) / D("1383.3768")
        nodig_s = D(47372) / (D("1383.3768") - 33)
    assert basis["fte_nodig"] == round(nodig_b, 6) == D("34.243743")
    assert leertijd["directe_uren"] == D("1350.3768") and leertijd["agenturen_per_week"] == 911
    assert leertijd["fte_nodig"] == round(nodig_s, 6) == D("35.080579")
    assert leertijd["extra_fte"] == round(nodig_s - nodig_b, 6) == D("0.836836")
    assert leertijd["extra_kosten"] == round((nodig_s - nodig_b) * 68000, 6)


def test_a_small_week_by_hand_and_its_keys(cli):
    cli.write("p.yaml", PROFIEL)
    (record,) = _records(cli, "p.yaml")
    # 100 calls: A = 10, 14 agents (the planning guides' example); 0 calls: 0; 12,5 calls: A = 1,25
    assert [_agenten(Fraction(v), 1800, 180, 80, 20, None) for v in (100, 0, Fraction(25, 2))] == [14, 0, 3]
    assert record["agenturen_per_week"] == D("8.5")  # (14 + 0 + 3) x 0,5 uur
    assert record["werklast_uren"] == D("442")  # x 52 weken (the default)
    assert record["fte_nodig"] == round(D(442) / D(1520), 6)  # 1600 - 5%
    assert list(record)[-3:] == ["aandeel_bruto", "producten", "agenturen_per_week"]
    kop, rij = cli("compute", "p.yaml", "-f", "csv", "--csv-dialect", "nl").stdout.lstrip("\ufeff").splitlines()
    assert kop.split(";")[-1] == "agenturen_per_week" and rij.split(";")[-1] == "8,5"


def test_without_a_queue_agenturen_per_week_is_null(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1600\nwerklast_uren: 16000\n")
    assert _records(cli, "p.yaml")[0]["agenturen_per_week"] is None


def test_the_short_service_level_and_a_csv_give_the_same_as_the_mapping(cli):
    cli.write("p.yaml", PROFIEL)
    verwacht = _records(cli, "p.yaml")[0]
    # a Dutch Excel export: BOM, semicolons, CRLF, a decimal comma, an extra column, blank lines
    (cli.tmp_path / "week.csv").write_bytes(
        "\ufeffInterval ; Aanbod;opmerking\r\nma 08:00;100;piek\r\n\r\nma 08:30;0;\r\nma 09:00;12,5;\r\n;;\r\n".encode()
    )
    cli.write("q.yaml", PROFIEL.replace("{procent: 80, binnen: 20 s}", "80/20").split("  aanbod:")[0] + "  aanbod: week.csv\n")
    assert _records(cli, "q.yaml")[0]["agenturen_per_week"] == verwacht["agenturen_per_week"]
    # and comma-separated, the decimal comma quoted
    (cli.tmp_path / "week.csv").write_text('interval,aanbod\nma 08:00,100\nma 08:30,0\nma 09:00,"12,5"\n', encoding="utf-8")
    assert _records(cli, "q.yaml")[0]["werklast_uren"] == verwacht["werklast_uren"]


def test_a_csv_beside_a_profile_in_another_folder_is_found_relative_to_the_profile(cli):
    (cli.tmp_path / "team").mkdir()
    (cli.tmp_path / "team" / "week.csv").write_text("interval;aanbod\nma 08:00;100\n", encoding="utf-8")
    cli.write("team/p.yaml", PROFIEL.split("  aanbod:")[0] + "  aanbod: week.csv\n")
    assert _records(cli, "team/p.yaml")[0]["agenturen_per_week"] == 7


def test_csv_problems_are_at_the_csv_s_own_lines(cli):
    (cli.tmp_path / "week.csv").write_text("interval;aanbod\nma 08:00;100\nma 08:30;-4\nma 09:00;veel\nma 08:00;5\n", encoding="utf-8")
    cli.write("p.yaml", PROFIEL.split("  aanbod:")[0] + "  aanbod: week.csv\n")
    fouten = cli("validate", "p.yaml", code=1).stderr
    # the profile named the CSV, the user did not: its values are not quoted (issue 18)
    assert "week.csv:3:1: het aanbod van '…' kan niet negatief zijn (gegeven: …)" in fouten
    assert "week.csv:4:1: aanbod van '…': verwacht een getal, niet '…'" in fouten
    assert "week.csv:5:1: het interval '…' staat er twee keer in (ook op regel 2)" in fouten


def test_a_scenario_overrides_the_queue_field_by_field(cli):
    cli.write("p.yaml", PROFIEL + """\
    scenarios:
      langer: {contactcentrum: {gespreksduur: 4 min}}
      drukker: {contactcentrum: {aanbod: {ma 08:30: 100}}}
      extra_leertijd: {aftrek: {extra_leertijd: 40 uur}}
""")
    basis, langer, drukker, leertijd = _records(cli, "p.yaml")
    # 4 min: A = 100 x 240 / 1800 = 13,33 and 1,67
    assert langer["agenturen_per_week"] == D(
        _agenten(Fraction(100), 1800, 240, 80, 20, None) + _agenten(Fraction(25, 2), 1800, 240, 80, 20, None)) / 2
    assert drukker["agenturen_per_week"] == D("15.5")  # ma 08:30 now 14 agents too; the others kept
    # more learning time: the same queue, fewer direct hours: werklast / D_S - werklast / D_B
    assert leertijd["werklast_uren"] == basis["werklast_uren"]
    with localcontext() as ctx:
        ctx.prec = 40
        assert leertijd["extra_fte"] == round(D(442) / D(1480) - D(442) / D(1520), 6)


def test_a_unit_scenario_for_the_queue_leaves_the_other_functies_alone(cli):
    cli.write("u.yaml", """\
        eenheid: K&S
        standaard: {beschikbare_uren: 1600}
        scenarios:
          langer: {contactcentrum: {gespreksduur: 240 s}}
        functies:
          - functie: Klantadviseur telefonie
            contactcentrum: {interval: 30 min, gespreksduur: 180 s, servicelevel: 80/20, aanbod: {ma 08:00: 100}}
          - functie: Teamleider
            fte: 4
    """)
    records = {(r["functie"], r["scenario"]): r for r in _records(cli, "u.yaml")}
    assert records[("Teamleider", "langer")]["extra_fte"] == 0
    assert records[("Klantadviseur telefonie", "langer")]["agenturen_per_week"] > 7


def test_explain_shows_the_steps_and_then_the_interval_table(cli):
    cli.write("p.yaml", PROFIEL)
    tekst = cli("explain", "p.yaml").stdout
    assert "agenturen per week" in tekst and "(Erlang C per interval; zie de intervaltabel) = 8,5 uur" in tekst
    assert "werklast uren" in tekst and "= agenturen per week x weken open = 8,5 x 52 = 442 uur  (weken_open standaard: 52)" in tekst
    tabel = tekst.split("Intervallen (Erlang C):", 1)[1].splitlines()
    assert tabel[1].split() == ["interval", "aanbod", "verkeer", "agenten", "servicelevel", "bezetting", "wachttijd"]
    # the mean wait C x 180 / (N - A): C(14; 10) = 0,174132, x 180 / 4 = 7,8 s
    assert tabel[2].split() == ["ma", "08:00", "100", "10", "14", "88,8%", "71,4%", "7,8", "s"]
    # 1 - C(3; 1,25) x e^(-(3 - 1,25) x 20 / 180): 87,2%; the wait C x 180 / 1,75
    c = _c(3, Fraction(5, 4))
    assert f"{(1 - float(c) * math.exp(-1.75 * 20 / 180)) * 100:.1f}%".replace(".", ",") == "87,2%"
    wacht = f"{float(c) * 180 / 1.75:.1f}".replace(".", ",")
    assert tabel[3].split() == ["ma", "09:00", "12,5", "1,25", "3", "87,2%", "41,7%", wacht, "s"]
    assert "en 1 interval zonder aanbod: 0 agenten" in tabel[4]
    (blad,) = json.loads(cli("explain", "p.yaml", "-f", "json").stdout)
    assert blad["intervallen"][0] == {"interval": "ma 08:00", "aanbod": 100, "verkeer": 10, "agenten": 14,
                                     "servicelevel": 0.88835, "bezetting": 0.714286,
                                     "gemiddelde_wachttijd_s": 7.835937, "afhaakpercentage": None}


def test_the_workbook_has_the_agent_hours_as_input_and_the_werklast_as_a_formula(cli):
    openpyxl = pytest.importorskip("openpyxl")
    cli.write("p.yaml", PROFIEL)
    cli("compute", "p.yaml", "-f", "xlsx", "-o", "p.xlsx")
    boek = openpyxl.load_workbook(cli.tmp_path / "p.xlsx")
    invoer, resultaat = boek["Invoer"], boek["Resultaat"]
    koppen_in = [c.value for c in invoer[1]]
    assert invoer.cell(2, koppen_in.index("Agenturen per week (Erlang C)") + 1).value == 8.5
    koppen = [c.value for c in resultaat[1]]
    werklast = resultaat.cell(2, koppen.index("Werklast uren") + 1).value
    assert werklast.startswith("=") and "*" in werklast  # agenturen per week x weken open, live
    toelichting = " ".join(str(c.value) for rij in boek["Toelichting"].iter_rows() for c in rij)
    assert "Erlang C is geen Excel-formule" in toelichting


@pytest.mark.parametrize("formaat", ["json", "jsonl"])
def test_erlang_one_interval(cli, formaat):
    uit = cli("erlang", "--aanbod", "100", "--interval", "30min", "--gespreksduur", "180s",
              "--servicelevel", "80/20", "-f", formaat).stdout
    rij = json.loads(uit)[0] if formaat == "json" else json.loads(uit)
    # contract v3: verkeer (100 x 180 / 1800 = 10 Erlang), afhaakpercentage, interval and aanbod after v2's keys
    assert list(rij) == ["agenten", "servicelevel", "bezetting", "wachtkans", "gemiddelde_wachttijd_s", "verkeer",
                         "afhaakpercentage", "interval", "aanbod"]
    assert (rij["verkeer"], rij["afhaakpercentage"], rij["interval"], rij["aanbod"]) == (10, None, None, None)
    a = Fraction(10)
    c = _c(14, a)
    assert rij["agenten"] == 14
    assert abs(rij["wachtkans"] - float(c)) < 1e-6
    assert abs(rij["bezetting"] - 10 / 14) < 1e-6
    assert abs(rij["gemiddelde_wachttijd_s"] - float(c * 180 / (14 - a))) < 1e-6
    assert abs(rij["servicelevel"] - (1 - float(c) * math.exp(-4 * 20 / 180))) < 1e-6


def test_erlang_with_max_occupancy_table_and_dutch_csv(cli):
    args = ["erlang", "--aanbod", "360", "--interval", "30 min", "--gespreksduur", "4 min", "--servicelevel", "80/15"]
    # Westbay's example: 48 Erlang; 80% within 15 s needs 55 agents, a cap of 85% then 57 (48 / 57 = 84,2%)
    assert json.loads(cli(*args, "-f", "json").stdout)[0]["agenten"] == _agenten(Fraction(360), 1800, 240, 80, 15, None) == 55
    assert json.loads(cli(*args, "--max-bezetting", "85%", "-f", "json").stdout)[0]["agenten"] == 57
    tabel = cli(*args).stdout
    assert "Verkeer               48,00 Erlang" in tabel and "Agenten               55" in tabel
    kop, rij = cli(*args, "-f", "csv", "--csv-dialect", "nl").stdout.lstrip("\ufeff").splitlines()
    assert kop == "agenten;servicelevel;bezetting;wachtkans;gemiddelde_wachttijd_s;verkeer;afhaakpercentage;interval;aanbod"
    assert rij.startswith("55;0,") and rij.endswith(";48;;;")
    assert cli(*args, "-f", "json", "-o", "e.json").exit_code == 0
    assert json.loads((cli.tmp_path / "e.json").read_text(encoding="utf-8"))[0]["agenten"] == 55


@pytest.mark.parametrize("optie, waarde, bericht", [
    ("--interval", "30", "--interval: '30' heeft geen eenheid: bedoelt u '30 min'?"),
    # one rule with a profile's interval (issue 19): an hour in whole intervals
    ("--interval", "7min", "--interval: een interval van '7min' deelt een uur niet in gangbare stukken; kies 5, 10, 15"),
    ("--gespreksduur", "0s", "--gespreksduur: de gespreksduur moet langer zijn dan 0 s"),
    ("--servicelevel", "120/20", "--servicelevel: het servicelevel moet boven 0% en hoogstens 100% zijn (gegeven: 120%)"),
    ("--servicelevel", "100/20", "--servicelevel: een servicelevel van 100% binnen 20 s haalt geen enkel aantal agenten"),
    ("--servicelevel", "80", "--servicelevel: verwacht een servicelevel zoals {procent: 80, binnen: 20 s} of 80/20"),
    ("--max-bezetting", "0%", "--max-bezetting: de maximale bezetting moet boven 0% en hoogstens 100% zijn"),
    ("--aanbod", "-3", "--aanbod: het aanbod kan niet negatief zijn"),
    ("--aanbod", "veel", "--aanbod: verwacht een getal, niet 'veel'"),
])
def test_erlang_bad_options_are_usage_errors_in_dutch(cli, optie, waarde, bericht):
    args = {"--aanbod": "100", "--interval": "30min", "--gespreksduur": "180s", "--servicelevel": "80/20"}
    args[optie] = waarde
    result = cli("erlang", *[x for paar in args.items() for x in paar], code=2)
    assert bericht in result.stderr and "Traceback" not in result.stderr


def test_more_intervals_than_a_week_holds_and_a_csv_traffic_problem_name_their_place(cli):
    aanbod = "".join(f"        i{i}: 10\n" for i in range(337))  # 337 half hours: 168,5 uur
    cli.write("p.yaml", PROFIEL.split("  aanbod:")[0] + "  aanbod:\n" + aanbod)
    assert "p.yaml:10:3: contactcentrum.aanbod: functie 'Klantadviseur telefonie': 337 intervallen van 30 min is meer dan een week" in (
        cli("validate", "p.yaml", code=1).stderr)
    (cli.tmp_path / "week.csv").write_text("interval;aanbod\nma 08:00;100\nma 08:30;999999999\n", encoding="utf-8")
    cli.write("q.yaml", PROFIEL.split("  aanbod:")[0] + "  aanbod: week.csv\n")
    fout = cli("validate", "q.yaml", code=1).stderr
    assert "q.yaml:10:3: contactcentrum.aanbod: functie 'Klantadviseur telefonie': interval 'ma 08:30' (week.csv:3): het verkeer is" in fout


def test_the_chart_draws_agents_per_interval_below_the_bars(cli):
    pytest.importorskip("matplotlib")
    cli("chart", TELEFONIE, "--output", "telefonie.svg")
    svg = (cli.tmp_path / "telefonie.svg").read_text(encoding="utf-8")
    assert "Contactcentrum: agenten per interval (Erlang C)" in svg
    assert "911,0 agenturen per week" in svg and svg.count("agenturen per week") == 1  # the scenario asks the same
    assert "uur van de week" in svg  # a time axis of the week (test_editor.py), no longer 'ma 08:00'


def test_a_share_written_as_a_fraction_is_refused_with_its_percentage(cli):
    """--max-bezetting 0,7 read as 0,7% gave 1429 agents; 0,8/20 a service level of 0,8%."""
    basis = ["erlang", "--aanbod", "100", "--interval", "30min", "--gespreksduur", "180s"]
    fout = cli(*basis, "--servicelevel", "80/20", "--max-bezetting", "0,7", code=2).stderr
    assert "de maximale bezetting van 0,7% is onwaarschijnlijk laag: bedoelt u 70%?" in fout
    fout = cli(*basis, "--servicelevel", "0,8/20", code=2).stderr
    assert "het servicelevel van 0,8% is onwaarschijnlijk laag: bedoelt u 80%?" in fout


def test_output_never_replaces_the_aanbod_csv_a_profile_reads(cli):
    """A second security probe: `-o week.csv` overwrote the CSV the profile names, with exit 0."""
    cli.write("q/week.csv", "interval;aanbod\nma 08:00;100\n")
    cli.write("q/cc.yaml", "functie: Agent\nfte: 1\nbeschikbare_uren: 1500\ncontactcentrum: {interval: 30 min, "
                           "gespreksduur: 300 s, servicelevel: 80/20, aanbod: week.csv}\n")
    for args in (["compute", "q/cc.yaml", "-f", "csv", "-o", "q/week.csv"], ["explain", "q/cc.yaml", "-o", "q/week.csv"]):
        assert "fout: --output q/week.csv is een van de invoerbestanden" in cli(*args, code=2).stderr
    assert (cli.tmp_path / "q/week.csv").read_text(encoding="utf-8") == "interval;aanbod\nma 08:00;100\n"
