"""The year's own calendar (contract v3, `kalender`), against figures counted by hand on a calendar.

2027 begins on a Friday and has 365 days: 52 full weeks and one Friday more, 261 werkdagen;
x 7,2 = 1.879,2 bruto. Its holidays on a werkdag: Nieuwjaarsdag (vr 1-1), Tweede Paasdag
(ma 29-3), Koningsdag (di 27-4), Hemelvaartsdag (do 6-5), Tweede Pinksterdag (ma 17-5); both
Christmas days fall on the weekend: 5 x 7,2 = 36,0. Goede Vrijdag (vr 26-3) or Bevrijdingsdag
(wo 5-5) adds a day: 43,2. 2026: Nieuwjaarsdag (do), Tweede Paasdag (ma 6-4), Koningsdag (ma
27-4), Hemelvaartsdag (do 14-5), Tweede Pinksterdag (ma 25-5), Eerste Kerstdag (vr 25-12):
6 x 7,2 = 43,2. 2028 begins on a Saturday and has 366 days: 52 weeks and a Saturday and a
Sunday, 260 werkdagen.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import brutonetto

PROFIEL = """\
functie: Adviseur
uren_per_week: 36
fte: 100
kosten_per_fte: 80000
kalender: {jaar: 2027}
verlof: {vakantie: 144 uur, feestdagen: kalender}
aftrek: {verzuim: 5%}
scenarios:
  jaar2026: {kalender: {jaar: 2026}}
  bevrijding: {kalender: {bevrijdingsdag: elk_jaar}}
  goede_vrijdag: {kalender: {goede_vrijdag: ja}}
  lustrum_2030: {kalender: {jaar: 2030}}
  bevrijding_nooit_2025: {kalender: {jaar: 2025, bevrijdingsdag: nooit}}
  jaar2028: {kalender: {jaar: 2028, uren_per_dag: 8}}
"""


def _per_scenario() -> dict[str, dict]:
    uitkomst = brutonetto.compute(PROFIEL)
    assert uitkomst.problemen == []
    return {r["scenario"]: r for r in uitkomst.to_dicts()}


def test_the_contracts_figures():
    rijen = _per_scenario()
    assert (rijen["basis"]["bruto_uren"], rijen["basis"]["verlof"]["feestdagen"]) == (Decimal("1879.2"), 36)
    assert rijen["jaar2026"]["verlof"]["feestdagen"] == Decimal("43.2")
    assert rijen["bevrijding"]["verlof"]["feestdagen"] == Decimal("43.2")
    assert rijen["goede_vrijdag"]["verlof"]["feestdagen"] == Decimal("43.2")


def test_lustrum_years_and_other_years():
    """2030: Nieuwjaar (di), Tweede Paasdag (ma 22-4), Hemelvaart (do 30-5), Tweede Pinksterdag (ma 10-6),
    both Christmas days (wo, do); Koningsdag (za 27-4) and Bevrijdingsdag (zo 5-5) on the weekend: 6 days.
    2025 without Bevrijdingsdag (ma 5-5): Nieuwjaar, Tweede Paasdag (ma 21-4), Hemelvaart (do 29-5),
    Tweede Pinksterdag (ma 9-6), both Christmas days (do, vr); Koningsdag is za 26-4: 6 days.
    2028 at 8 uur a day: 260 x 8 = 2.080 bruto; Paasmaandag 17-4, Koningsdag do 27-4, Hemelvaart 25-5,
    Pinkstermaandag 5-6, Christmas ma 25-12 and di 26-12 (Nieuwjaar is a Saturday): 6 x 8 = 48."""
    rijen = _per_scenario()
    assert rijen["lustrum_2030"]["verlof"]["feestdagen"] == Decimal("43.2")
    assert rijen["bevrijding_nooit_2025"]["verlof"]["feestdagen"] == Decimal("43.2")
    assert (rijen["jaar2028"]["bruto_uren"], rijen["jaar2028"]["verlof"]["feestdagen"]) == (2080, 48)


def test_bruto_hours_count_the_werkdagen():
    from brutonetto.engine.kalender import werkdagen

    assert [werkdagen(j) for j in (2026, 2027, 2028, 2029, 2032)] == [261, 261, 260, 261, 262]
    # 2032 is a leap year beginning on a Thursday: 52 weeks, a Thursday and a Friday


def test_explain_names_the_days(cli):
    cli.write("k.yaml", PROFIEL)
    uit = " ".join(cli("explain", "k.yaml", "--scenario", "jaar2026").stdout.split())
    assert "261 werkdagen in 2026) = 261 x 7,2 = 1.879,2 uur" in uit
    assert ("6 feestdagen op een werkdag in 2026: Nieuwjaarsdag 1-1, Tweede paasdag 6-4, Koningsdag 27-4, "
            "Hemelvaartsdag 14-5, Tweede pinksterdag 25-5, Eerste kerstdag 25-12) = 6 x 7,2 = 43,2 uur").lower() in uit.lower()


def test_a_kalender_in_the_standaard_holds_for_every_functie(cli):
    cli.write("std.yaml", "uren_per_week: 36\nkalender: {jaar: 2027}\nverlof: {vakantie: 144 uur, feestdagen: kalender}\n")
    cli.write("u.yaml", "standaard: std.yaml\nfuncties:\n  - {functie: A, fte: 1}\n  - {functie: B, fte: 1, "
                        "kalender: {jaar: 2026}}\n")
    rijen = json.loads(cli("compute", "u.yaml", "-f", "json").stdout)
    assert [(r["functie"], r["verlof"]["feestdagen"]) for r in rijen] == [("A", 36), ("B", 43.2)]


@pytest.mark.parametrize(("kalender", "bericht"), [
    ("{jaar: 1899}", "kalender.jaar: het jaar 1899 ligt buiten "),
    ("{jaar: twintig}", "kalender.jaar: verwacht een jaartal zoals 2027, niet 'twintig'"),
    ("{jaar: 2027, bevrijdingsdag: altijd}", "kalender.bevrijdingsdag: onbekende keuze 'altijd'"),
    ("{jaar: 2027, dagen: 5}", "kalender.dagen: onbekend veld"),
])
def test_a_bad_kalender_is_named_at_its_field(cli, kalender, bericht):
    cli.write("k.yaml", PROFIEL.replace("kalender: {jaar: 2027}", f"kalender: {kalender}"))
    assert bericht in cli("validate", "k.yaml", code=1).stderr


def test_the_schema_knows_the_kalender(cli):
    schema = json.loads(cli("schema").stdout)
    tekst = json.dumps(schema)
    assert '"bevrijdingsdag"' in tekst and '"elk_jaar"' in tekst and '"goede_vrijdag"' in tekst


def test_an_editor_accepts_a_profile_with_a_kalender():
    from pathlib import Path

    import yaml
    from jsonschema import Draft202012Validator

    schema = json.loads((Path(__file__).resolve().parents[1] / "schema" / "brutonetto.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(yaml.safe_load(PROFIEL))) == []
    fout = yaml.safe_load(PROFIEL.replace("{jaar: 2027}", "{jaar: 2027, bevrijdingsdag: soms}"))
    assert list(Draft202012Validator(schema).iter_errors(fout)) != []


def test_each_budget_year_has_its_own_calendar(cli):
    """2026: 1.879,2 - 144 - 43,2 = 1.692 available, direct 1.592 and 1.552 with 40 uur more learning:
    100 x 40 / 1.552 x 80.000 = 206.185,57. 2027: 1.879,2 - 144 - 36 = 1.699,2, direct 1.599,2 and
    1.559,2: 100 x 40 / 1.559,2 x 80.000 = 205.233,45."""
    cli.write("mj.yaml", "meerjaren: {scenario: meer_leren, financiering: {2026: 1 mln, 2027: 1 mln}}\n"
                         "functie: Adviseur\nuren_per_week: 36\nfte: 100\nkosten_per_fte: 80000\nkalender: {jaar: 2026}\n"
                         "verlof: {vakantie: 144 uur, feestdagen: kalender}\naftrek: {leren: 100 uur}\n"
                         "scenarios:\n  meer_leren: {aftrek: {leren: 140 uur}}\n")
    jaren = json.loads(cli("budget", "mj.yaml", "-f", "json").stdout, parse_float=Decimal)
    assert [(j["jaar"], round(j["kosten"], 2)) for j in jaren] == [(2026, Decimal("206185.57")), (2027, Decimal("205233.45"))]


def test_the_librarys_dutch_list_is_the_laws_plus_goede_vrijdag():
    """The Algemene termijnenwet names Nieuwjaarsdag, Eerste en Tweede Paasdag, Koningsdag, 5 mei,
    Hemelvaartsdag, Eerste en Tweede Pinksterdag and Eerste en Tweede Kerstdag (Sundays among them).
    The library knows these and Goede Vrijdag (as a public or an optional day, by version), and 5 mei
    as a public day in lustrum years: the two days a CAO decides are the kalender's two choices."""
    import holidays

    from brutonetto.domain.profiel import Kalender
    from brutonetto.engine.kalender import feestdagen

    wet = {"01-01", "04-20", "04-21", "04-26", "05-05", "05-29", "06-08", "06-09", "12-25", "12-26"}  # 2025
    bibliotheek = {d.strftime("%m-%d") for d in holidays.country_holidays("NL", years=2025, categories=("public", "optional"))}
    assert wet <= bibliotheek and bibliotheek - wet == {"04-18"}  # Goede Vrijdag 18-4-2025
    # the law's days on a werkdag in 2025 (Koningsdag is a Saturday; Easter and Whit Sunday are Sundays)
    werkdagen_wet = {"01-01", "04-21", "05-05", "05-29", "06-09", "12-25", "12-26"}
    assert {d.strftime("%m-%d") for d, _ in feestdagen(Kalender(2025))} == werkdagen_wet
    assert {d.strftime("%m-%d") for d, _ in feestdagen(Kalender(2025, goede_vrijdag=True))} == werkdagen_wet | {"04-18"}


def test_feestdagen_kalender_overrides_an_inherited_line(cli):
    """A trial: a scenario (or a functie over a standaard) writing `feestdagen: kalender` over
    `feestdagen: 6 dagen` lost its holidays (a 0 reads as 'take the line away'). 2027: 5 x 7,2 = 36."""
    cli.write("sc.yaml", "functie: A\nfte: 100\nuren_per_week: 36\nkalender: {jaar: 2027}\n"
                         "verlof: {vakantie: 144 uur, feestdagen: 6 dagen}\nscenarios:\n  kal: {verlof: {feestdagen: kalender}}\n")
    rijen = {r["scenario"]: r for r in json.loads(cli("compute", "sc.yaml", "-f", "json").stdout)}
    assert rijen["kal"]["verlof"] == {"vakantie": 144, "feestdagen": 36} and rijen["kal"]["beschikbare_uren"] == 1699.2
    cli.write("std.yaml", "uren_per_week: 36\nverlof: {vakantie: 144 uur, feestdagen: 6 dagen}\n")
    cli.write("u.yaml", "standaard: std.yaml\nfuncties:\n  - {functie: A, fte: 1, kalender: {jaar: 2026}, "
                        "verlof: {feestdagen: kalender}}\n")
    (rij,) = json.loads(cli("compute", "u.yaml", "-f", "json").stdout)
    assert rij["verlof"] == {"vakantie": 144, "feestdagen": 43.2}


def test_a_year_the_holiday_library_does_not_know_is_refused_not_given_0_holidays(cli):
    """A trial: 1960 got '0 feestdagen' silently (the package knows the Dutch holidays from 1966 on,
    in its newer versions); a budget year past 2100 computed with 0 holidays."""
    from brutonetto.input.kalender import jaren

    eerste, laatste = jaren()
    cli.write("k.yaml", PROFIEL.replace("{jaar: 2027}", f"{{jaar: {eerste - 1}}}"))
    assert f"kalender.jaar: het jaar {eerste - 1} ligt buiten {eerste}-{laatste}" in cli("validate", "k.yaml", code=1).stderr
    cli.write("mj.yaml", "meerjaren: {scenario: meer, financiering: {2100: 1 mln, 2101: 1 mln}}\n"
                         "functie: A\nuren_per_week: 36\nfte: 10\nkosten_per_fte: 80000\nkalender: {jaar: 2100}\n"
                         "verlof: {feestdagen: kalender}\naftrek: {leren: 100 uur}\nscenarios:\n  meer: {aftrek: {leren: 140 uur}}\n")
    assert "de functies rekenen met een kalender, en het jaar 2101 ligt buiten" in cli("budget", "mj.yaml", code=1).stderr


def test_the_budgets_working_shows_each_years_own_extra_kosten(cli):
    """A trial: with a kalender the working summed the first run's extra kosten and printed another year's
    kosten after '=': a sum that did not add up. 2026: 206.185,57; 2027: 205.233,45 (see above)."""
    cli.write("mj.yaml", "meerjaren: {scenario: meer_leren, financiering: {2026: 1 mln, 2027: 1 mln}}\n"
                         "functie: Adviseur\nuren_per_week: 36\nfte: 100\nkosten_per_fte: 80000\nkalender: {jaar: 2026}\n"
                         "verlof: {vakantie: 144 uur, feestdagen: kalender}\naftrek: {leren: 100 uur}\n"
                         "scenarios:\n  meer_leren: {aftrek: {leren: 140 uur}}\n")
    uitleg = " ".join(cli("budget", "mj.yaml", "--uitleg").stdout.split())
    assert "extra kosten 2026 = som van de extra kosten per functie = 206.185,567 = € 206.185,57" in uitleg
    assert "extra kosten 2027 = som van de extra kosten per functie = 205.233,453 = € 205.233,45" in uitleg
    assert "kosten 2027 = extra kosten x (1 + indexatie)^(jaar - 2026) = 205.233,453 x 1^1 = € 205.233,45" in uitleg
    assert "met een kalender heeft elk jaar zijn eigen uren" in cli("budget", "mj.yaml", "-f", "xlsx", "-o", "m.xlsx", code=1).stderr


def test_the_workbook_shows_the_werkdagen_and_the_hours_a_day(cli):
    import openpyxl

    cli.write("k.yaml", PROFIEL)
    cli("compute", "k.yaml", "-f", "xlsx", "-o", "k.xlsx")
    invoer = openpyxl.load_workbook(cli.tmp_path / "k.xlsx")["Invoer"]
    koppen = [c.value for c in invoer[1]]
    assert invoer.cell(2, koppen.index("Werkdagen (kalender)") + 1).value == 261
    assert "Uren per dag" in koppen and "verlof: feestdagen" in koppen
    assert invoer.cell(2, koppen.index("verlof: feestdagen") + 1).value == 5  # the days; the hours a formula beside
