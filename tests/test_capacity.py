"""Contract v2, capacity: workload from volumes and normtijden, ratio roles, onboarding loss.

Every expected figure is worked by hand (or with Fraction) from the contract's formulas:
    werklast_uren = sum(volume x normtijd)              (a mix: volume x aandeel x normtijd)
    fte_nodig (ratio role) = base fte (nodig) / een_per
    aftrek.inwerkverlies = instroom x inwerkverlies     (placed last)
"""

from __future__ import annotations

import json
from decimal import Decimal as D
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, WERK_MET_SENIOREN


def records(cli, *args) -> dict[tuple[str, str], dict]:
    uit = json.loads(cli("compute", *args, "-f", "json").stdout, parse_float=D, parse_int=D)
    return {(r["functie"], r["scenario"]): r for r in uit}


RATIO = """\
eenheid: Werkbedrijf
standaard: {beschikbare_uren: 1631}
functies:
  - functie: Adviseur werk
    fte: 1260
  - functie: Senior adviseur
    kosten_per_fte: 100000
    verhouding: {een_per: 30, van: Adviseur werk}
    scenarios:
      minder_geld: {verhouding: {een_per: 60}}
"""


def test_the_contracts_worked_ratio_case(cli):
    cli.write("wb.yaml", RATIO)
    r = records(cli, "wb.yaml")
    assert r[("Senior adviseur", "basis")]["fte_nodig"] == 42  # 1260 / 30
    assert r[("Senior adviseur", "minder_geld")]["fte_nodig"] == 21  # 1260 / 60
    assert r[("Senior adviseur", "minder_geld")]["extra_fte"] == -21
    assert r[("Senior adviseur", "minder_geld")]["extra_kosten"] == -2100000
    assert r[("Senior adviseur", "basis")]["extra_fte"] == 0


def test_a_ratio_role_follows_every_scenario_of_its_base(cli):
    cli.write("wb.yaml", RATIO.replace("    fte: 1260\n", "    fte: 1260\n    scenarios:\n      groei: {fte: 1500}\n", 1))
    r = records(cli, "wb.yaml")
    assert r[("Senior adviseur", "groei")]["fte_nodig"] == 50  # 1500 / 30: its base's scenario
    assert r[("Senior adviseur", "groei")]["extra_fte"] == 8  # 50 - 42
    # its own scenario, where the adviser has none: the adviser's basis is the base
    assert r[("Senior adviseur", "minder_geld")]["fte_nodig"] == 21
    assert ("Adviseur werk", "minder_geld") not in r


def test_ratio_chains_and_a_base_with_workload(cli):
    cli.write("keten.yaml", """\
        eenheid: K&S
        standaard: {beschikbare_uren: 1631, aftrek: {indirect: 331 uur}}
        functies:
          - functie: Klantadviseur
            fte: 100
            werklast_uren: 130000
          - functie: Senior
            fte: 3
            verhouding: {een_per: 25, van: Klantadviseur}
          - functie: Teamleider
            verhouding: {een_per: 2, van: Senior}
        """)
    r = records(cli, "keten.yaml")
    assert r[("Klantadviseur", "basis")]["fte_nodig"] == 100  # 130000 / 1300
    assert r[("Senior", "basis")]["fte_nodig"] == 4  # fte_nodig 100 / 25, not its fte 3
    assert r[("Senior", "basis")]["fte"] == 3  # the formatie stays beside what the ratio asks
    assert r[("Teamleider", "basis")]["fte_nodig"] == 2  # 4 / 2: a chain


def test_products_volume_times_normtijd_with_a_service_mix(cli):
    cli.write("p.yaml", """\
        functie: Klantadviseur
        beschikbare_uren: 1631
        aftrek: {indirect: 331 uur}
        producten:
          intake: {volume: 1200, normtijd: 45 min}
          herbeoordeling:
            volume: 400
            normtijd: 1,5 uur
          terugbellen: {volume: 7200, normtijd: 180 s}
          klantcontact:
            volume: 20000
            kanalen:
              telefoon: {aandeel: 60%, normtijd: 8 min}
              balie: {aandeel: 40%, normtijd: 20 min}
        """)
    r = records(cli, "p.yaml")[("Klantadviseur", "basis")]
    # 1200 x 0.75 = 900; 400 x 1.5 = 600; 7200 x 0.05 = 360; 20000 x (0.6 x 8 + 0.4 x 20) / 60 = 4266.666...
    assert r["producten"] == {"intake": 900, "herbeoordeling": 600, "terugbellen": 360, "klantcontact": D("4266.666667")}
    assert r["werklast_uren"] == D("6126.666667")  # 900 + 600 + 360 + 12800/3
    assert r["fte_nodig"] == D("4.712821")  # (18380/3) / 1300 = 4.7128205...
    sleutels = list(r)  # v2 keys follow waarde_extra_uren in the contract's order
    assert sleutels.index("waarde_extra_uren") < sleutels.index("aandeel_bruto") < sleutels.index("producten")


def test_a_scenario_overrides_a_products_volume_or_mix_by_name(cli):
    cli.write("p.yaml", """\
        functie: Klantadviseur
        beschikbare_uren: 1631
        aftrek: {indirect: 331 uur}
        producten:
          intake: {volume: 1200, normtijd: 45 min}
          klantcontact:
            volume: 20000
            kanalen:
              telefoon: {aandeel: 60%, normtijd: 8 min}
              balie: {aandeel: 40%, normtijd: 20 min}
        scenarios:
          groei: {producten: {intake: {volume: 1500}}}
          digitaal:
            producten:
              klantcontact:
                kanalen:
                  telefoon: {aandeel: 90%}
                  balie: {aandeel: 10%}
        """)
    r = records(cli, "p.yaml")
    assert r[("Klantadviseur", "groei")]["producten"]["intake"] == D("1125")  # 1500 x 45 min, normtijd kept
    assert r[("Klantadviseur", "digitaal")]["producten"]["klantcontact"] == 3066 + D("0.666667")  # 20000 x (.9x8 + .1x20)/60
    basis_fte = Fraction(900 + Fraction(12800, 3)) / 1300
    groei_fte = Fraction(1125 + Fraction(12800, 3)) / 1300
    assert r[("Klantadviseur", "groei")]["extra_fte"] == round(D(groei_fte.numerator) / D(groei_fte.denominator)
                                                              - D(basis_fte.numerator) / D(basis_fte.denominator), 6)


def test_onboarding_loss_is_the_last_aftrek_line(cli):
    cli.write("pb.yaml", """\
        functie: Procesbegeleider
        fte: 100
        beschikbare_uren: 1631
        instroom: 5%
        inwerkverlies: 240 uur
        aftrek: {verzuim: 92 uur, leren_en_ontwikkelen: 185 uur}
        scenarios:
          realistisch: {instroom: 30%}
        """)
    r = records(cli, "pb.yaml")
    basis, realistisch = r[("Procesbegeleider", "basis")], r[("Procesbegeleider", "realistisch")]
    assert list(basis["aftrek"].items()) == [("verzuim", 92), ("leren_en_ontwikkelen", 185), ("inwerkverlies", 12)]
    assert realistisch["aftrek"]["inwerkverlies"] == 72  # 30% x 240
    assert basis["directe_uren"] == 1342 and realistisch["directe_uren"] == 1282
    assert realistisch["extra_fte"] == D("4.680187")  # 100 x (1342 / 1282 - 1) = 6000/1282


def test_onboarding_loss_in_days(cli):
    cli.write("pb.yaml", """\
        functie: Procesbegeleider
        uren_per_week: 36
        beschikbare_uren: 1631
        instroom: 10%
        inwerkverlies: 30 dagen
        """)
    assert records(cli, "pb.yaml")[("Procesbegeleider", "basis")]["aftrek"]["inwerkverlies"] == D("21.6")  # 10% x 30 x 7.2


def test_the_werkbedrijf_example(cli):
    r = records(cli, EXAMPLES / "werkbedrijf.yaml")
    adviseur = r[("Adviseur werk", "basis")]
    assert adviseur["werklast_uren"] == 1638000  # 120000 x 3 + 1200000 x 0.75 + 540000 x (0.6/3 + 0.4 x 1.25)
    assert adviseur["producten"] == {"werkintake": 360000, "begeleidingsgesprek": 900000, "klantcontact": 378000}
    assert adviseur["aftrek"]["inwerkverlies"] == 12 and adviseur["directe_uren"] == 1300
    assert adviseur["fte_nodig"] == 1260
    verwacht = {  # (functie, scenario): (fte_nodig, extra_fte, extra_kosten), by hand: 1638000 / D, / 30, / 40
        ("Adviseur werk", "extra_leertijd"): ("1300", "40", "3200000"),
        ("Adviseur werk", "instroom_30"): ("1320.967742", "60.967742", "4877419.354839"),
        ("Senior adviseur", "basis"): ("42", "0", "0"),
        ("Senior adviseur", "extra_leertijd"): ("43.333333", "1.333333", "126666.666667"),
        ("Senior adviseur", "instroom_30"): ("44.032258", "2.032258", "193064.516129"),
        ("Senior adviseur", "een_per_60"): ("21", "-21", "-1995000"),
        ("Mentor", "basis"): ("31.5", "0", "0"),
        ("Mentor", "extra_leertijd"): ("32.5", "1", "85000"),
        ("Mentor", "instroom_30"): ("33.024194", "1.524194", "129556.451613"),
    }
    for sleutel, (nodig, extra, kosten) in verwacht.items():
        rec = r[sleutel]
        assert (rec["fte_nodig"], rec["extra_fte"], rec["extra_kosten"]) == (D(nodig), D(extra), D(kosten)), sleutel
    assert ("Mentor", "een_per_60") not in r  # a scenario of the senior alone


def test_the_business_plan_reproduces_2161_werkcoaches(cli):
    r = records(cli, EXAMPLES / "bedrijfsplan-2009.yaml")[("Werkcoach", "basis")]
    assert r["werklast_uren"] == D("2852532.234667")  # 435856 x 392.68 / 60
    assert r["directe_uren"] == 1320
    assert round(r["fte_nodig"], 2) == D("2161.01")  # the plan's 2,161 werkcoaches


# Properties ---------------------------------------------------------------------------

PRODUCT = """\
functie: F
beschikbare_uren: 1631
aftrek: {{indirect: {aftrek} uur}}
instroom: {instroom}%
inwerkverlies: 240 uur
producten:
  a: {{volume: {a}, normtijd: {na} min}}
  b: {{volume: {b}, normtijd: {nb} s}}
"""

volumes = st.integers(min_value=0, max_value=10**6)
tijden = st.integers(min_value=1, max_value=600)


@settings(max_examples=25, deadline=None)
@given(a=volumes, b=volumes, na=tijden, nb=tijden)
def test_doubling_every_volume_doubles_werklast_and_fte_nodig(tmp_path_factory, a, b, na, nb):
    from typer.testing import CliRunner

    from brutonetto.cli.commands import app

    uit = []
    for factor in (1, 2):
        pad = tmp_path_factory.mktemp("p") / "p.yaml"
        pad.write_text(PRODUCT.format(aftrek=300, instroom=5, a=a * factor, b=b * factor, na=na, nb=nb), encoding="utf-8")
        result = CliRunner().invoke(app, ["compute", str(pad), "-f", "json"])
        assert result.exit_code == 0, result.stderr
        uit.append(json.loads(result.stdout, parse_float=D, parse_int=D)[0])
    enkel, dubbel = uit
    assert abs(dubbel["werklast_uren"] - 2 * enkel["werklast_uren"]) <= D("0.000002")
    assert abs(dubbel["fte_nodig"] - 2 * enkel["fte_nodig"]) <= D("0.000002")


@settings(max_examples=25, deadline=None)
@given(laag=st.integers(0, 100), hoog=st.integers(0, 100))
def test_more_inflow_never_gives_more_direct_hours(tmp_path_factory, laag, hoog):
    from typer.testing import CliRunner

    from brutonetto.cli.commands import app

    laag, hoog = sorted((laag, hoog))
    directe = []
    for instroom in (laag, hoog):
        pad = tmp_path_factory.mktemp("p") / "p.yaml"
        pad.write_text(PRODUCT.format(aftrek=300, instroom=instroom, a=10, b=10, na=5, nb=5), encoding="utf-8")
        result = CliRunner().invoke(app, ["compute", str(pad), "-f", "json"])
        assert result.exit_code == 0, result.stderr
        directe.append(D(json.loads(result.stdout)[0]["directe_uren"]))
    assert directe[1] <= directe[0]


@settings(max_examples=25, deadline=None)
@given(fte=st.integers(0, 5000), een_per=st.integers(1, 100), groei=st.integers(0, 5000))
def test_a_ratio_role_is_its_base_over_een_per_in_every_scenario(tmp_path_factory, fte, een_per, groei):
    from typer.testing import CliRunner

    from brutonetto.cli.commands import app

    pad = tmp_path_factory.mktemp("r") / "r.yaml"
    pad.write_text(
        "eenheid: E\nstandaard: {beschikbare_uren: 1631}\nfuncties:\n"
        f"  - functie: A\n    fte: {fte}\n    scenarios: {{groei: {{fte: {groei}}}}}\n"
        f"  - functie: R\n    verhouding: {{een_per: {een_per}, van: A}}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["compute", str(pad), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    r = {(x["functie"], x["scenario"]): x for x in json.loads(result.stdout, parse_float=D, parse_int=D)}
    for scenario, basis_fte in (("basis", fte), ("groei", groei)):
        verwacht = Fraction(basis_fte, een_per)
        assert abs(r[("R", scenario)]["fte_nodig"] - D(verwacht.numerator) / D(verwacht.denominator)) <= D("0.0000005")


def test_explain_shows_products_and_a_ratio_roles_base_even_for_one_functie(cli):
    adviseur = cli("explain", EXAMPLES / "werkbedrijf.yaml", "-F", "Adviseur werk", "-s", "basis").stdout
    assert "= 540.000 x 60% x 20 / 60 = 108.000 uur" in adviseur  # klantcontact via telefoon
    assert "= 360.000 + 900.000 + 378.000 = 1.638.000 uur" in adviseur
    assert "= instroom x inwerkverlies = 5% x 240 = 12 uur" in adviseur
    senior = cli("explain", EXAMPLES / "werkbedrijf.yaml", "-F", "Senior adviseur", "-s", "een_per_60").stdout
    assert "= 1.260 / 60 = 21,000 fte  (fte nodig van 'Adviseur werk' in basis; een_per " in senior
    assert "= 21 - 42 = -21,000 fte" in senior


def test_csv_has_a_column_per_product(cli):
    regels = cli("compute", EXAMPLES / "werkbedrijf.yaml", "-f", "csv").stdout.splitlines()
    kop = regels[0].split(",")
    # the product columns, then agenturen_per_week (contract v2's order; empty: no queue)
    assert kop[-4:] == ["producten.werkintake", "producten.begeleidingsgesprek", "producten.klantcontact", "agenturen_per_week"]
    assert regels[1].split(",")[-4:] == ["360000", "900000", "378000", ""]
    assert regels[4].split(",")[-4:] == ["", "", "", ""]  # the senior has no products


def test_compare_resolves_ratio_roles_in_each_file(cli):
    cli.write("oud.yaml", RATIO)
    cli.write("nieuw.yaml", RATIO.replace("fte: 1260", "fte: 1500").replace("een_per: 30", "een_per: 25"))
    r = {(x["functie"], x["scenario"]): x for x in cli.json("compare", "oud.yaml", "nieuw.yaml")}
    assert r[("Senior adviseur", "oud")]["fte_nodig"] == 42  # 1260 / 30
    assert r[("Senior adviseur", "nieuw")]["fte_nodig"] == 60  # 1500 / 25
    assert r[("Senior adviseur", "nieuw")]["extra_fte"] == 18 and r[("Senior adviseur", "nieuw")]["extra_kosten"] == 1800000


def test_a_ratio_without_van_is_an_error_not_a_silent_blank(cli):
    cli.write("r.yaml", "eenheid: E\nstandaard: {beschikbare_uren: 1631}\nfuncties:\n"
                        "  - functie: A\n    fte: 10\n  - functie: R\n    verhouding: {een_per: 1.5}\n")
    fout = cli("validate", "r.yaml", code=1).stderr
    assert "r.yaml:7:5: functies[1].verhouding: functie 'R': de verhouding heeft van nodig" in fout


def test_no_false_nothing_changes_warning_for_a_ratio_role(cli):
    cli.write("g.yaml", RATIO.replace("    fte: 1260\n", "    fte: 1260\n    scenarios: {groei: {fte: 1500}}\n"))
    uit = cli("compute", "g.yaml")
    assert "verandert niets" not in uit.stderr  # the senior follows the adviser's growth: 50 instead of 42


def test_a_scenarios_typo_in_a_product_name_gets_a_suggestion(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\nproducten:\n  contact: {volume: 10, normtijd: 3 min}\n"
                        "scenarios:\n  groei: {producten: {contcat: {volume: 20}}}\n")
    assert "product 'contcat' heeft geen normtijd (bijvoorbeeld normtijd: 45 min) of kanalen; bedoelt u 'contact'?" in cli(
        "validate", "p.yaml", code=1).stderr


def test_shares_and_names_get_useful_messages(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\ninstroom: 120%\ninwerkverlies: 10 uur\nproducten:\n"
                        "  p: {volume: 1,5, normtijd: 3 min}\n  q: {volume: 10, kanalen: {a: {aandeel: 0.6, normtijd: 1 min}}}\n")
    fout = cli("validate", "p.yaml", code=1).stderr
    assert "p.yaml:3:1: instroom: een percentage ligt tussen 0 en 100, niet 120%" in fout
    assert "p.yaml:6:3: producten.p: de naam '5' is geen tekst; staat er een decimaalkomma" in fout
    assert "producten.q.kanalen.a.aandeel: verwacht een percentage met %, bijvoorbeeld '60%', niet '0.6'" in fout


def test_explain_cites_a_scenarios_volume_where_it_is_written(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\nproducten:\n  intake: {volume: 10, normtijd: 3 uur}\n"
                        "scenarios:\n  groei:\n    producten: {intake: {volume: 13}}\n")
    uit = cli("explain", "p.yaml", "-s", "groei").stdout
    assert "= 13 x 3 / 1 = 39 uur  (volume p.yaml:7; normtijd p.yaml:4)" in uit


def test_csv_puts_inwerkverlies_last_among_the_aftrek_columns(cli):
    kop = cli("compute", EXAMPLES / "werkbedrijf.yaml", "-f", "csv").stdout.splitlines()[0].split(",")
    aftrek = [k for k in kop if k.startswith("aftrek.")]
    assert aftrek[-2:] == ["aftrek.extra_leertijd", "aftrek.inwerkverlies"]


RATIO_ROLES = """\
eenheid: E
standaard: {beschikbare_uren: 1631}
functies:
  - functie: Adviseur
    fte: 100
  - functie: Jurist
    fte: 20
  - functie: Senior
    verhouding: {een_per: 10, van: Adviseur}
    scenarios:
      s: {verhouding: ZO}
"""


@pytest.mark.parametrize("scenario, veld", [
    ("{van: Jurist}", "van"),  # would silently follow Adviseur: a plausible, wrong number
    ("{van: Adviseur wrek}", "van"),
    ("null", ""),  # was an internal error (exit 3)
    ("{van: null}", "van"),
])
def test_a_scenario_can_change_een_per_but_not_what_a_ratio_follows(cli, scenario, veld):
    cli.write("r.yaml", RATIO_ROLES.replace("ZO", scenario))
    fout = cli("compute", "r.yaml", code=1).stderr
    regel = f"r.yaml:11:{24 if veld else 11}: functies[2].scenarios.s.verhouding{'.' + veld if veld else ''}: "
    assert regel + "functie 'Senior', scenario 's': een scenario kan van een verhouding alleen een_per veranderen" in fout
    assert "interne fout" not in fout


def test_a_scenario_cannot_make_a_functie_a_ratio_role(cli):
    cli.write("r.yaml", RATIO_ROLES.replace("ZO", "{een_per: 5}").replace(
        "    fte: 20\n", "    fte: 20\n    scenarios: {t: {verhouding: {een_per: 10, van: Adviseur}}}\n"))
    fout = cli("compute", "r.yaml", code=1).stderr
    assert "r.yaml:8:21: functies[1].scenarios.t.verhouding: functie 'Jurist', scenario 't': " \
           "een scenario kan van een verhouding alleen een_per veranderen" in fout


def test_a_scenario_changing_een_per_is_computed(cli):
    cli.write("r.yaml", RATIO_ROLES.replace("ZO", "{een_per: 5}"))
    r = records(cli, "r.yaml")
    assert r[("Senior", "basis")]["fte_nodig"] == 10  # 100 / 10
    assert r[("Senior", "s")]["fte_nodig"] == 20  # 100 / 5


def test_a_functie_that_cannot_be_read_gives_its_ratio_roles_no_false_unknown_name(cli):
    """Its followers (and theirs) are left out: its own problem is the one to fix."""
    cli.write("r.yaml", """\
        eenheid: Proef
        standaard: {beschikbare_uren: 1631}
        functies:
          - functie: Adviseur
            producten:
              intake: {volume: -5, normtijd: 45 min}
          - functie: Senior
            verhouding: {een_per: 10, van: Adviseur}
          - functie: Teamleider
            verhouding: {een_per: 2, van: Senior}
          - functie: Jurist
            fte: 3
        """)
    fout = cli("compute", "r.yaml", code=1).stderr
    assert fout == ("r.yaml:6:16: functies[0].producten.intake.volume: mag niet negatief zijn\n"
                    "1 probleem gevonden; er is niets berekend.\n")


def test_a_ratio_role_follows_the_people_its_base_needs_in_a_scenario(cli):
    """Contract v3: more learning time makes the advisers need more fte, and their seniors too.
    By hand: D_basis = 1631 - 92,967 - 185 = 1353,033; D_scenario = 1320,033;
    advisers' extra fte 420,9 x (1353,033 / 1320,033 - 1) = 10,522237; seniors
    (420,9 + 10,522237) / 30 = 14,380741, extra 14,380741 - 14,03 = 0,350741 (v2 said 0)."""
    cli.write("werk.yaml", WERK_MET_SENIOREN)
    r = records(cli, "werk.yaml")
    assert r[("Adviseur werk", "extra_leertijd")]["extra_fte"] == D("10.522237")
    assert r[("Senior adviseur", "basis")]["fte_nodig"] == D("14.03")
    assert r[("Senior adviseur", "extra_leertijd")]["fte_nodig"] == D("14.380741")
    assert r[("Senior adviseur", "extra_leertijd")]["extra_fte"] == D("0.350741")
    assert r[("Senior adviseur", "extra_leertijd")]["extra_kosten"] == D("31566.710832")  # 0,3507412315 x 90000
    uitleg = cli("explain", "werk.yaml", "-F", "Senior adviseur", "-s", "extra_leertijd").stdout
    assert "(fte + extra fte) van de gevolgde functie in dit scenario / een_per = (420,9 + 10,522) / 30 = 14,381 fte" in uitleg


def test_every_product_and_every_interval_problem_is_reported_at_once(cli):
    """Issue 19: a run stopped at a functie's first problem; now each part is checked (like bean-check)."""
    cli.write("m.yaml", """\
        eenheid: X
        standaard:
          beschikbare_uren: 1631
        functies:
          - functie: A
            fte: 10
            producten:
              contact:
                volume: 1000
                kanalen:
                  tel: {aandeel: 50%, normtijd: 10 min}
                  web: {aandeel: 30%, normtijd: 5 min}
              intake: {normtijd: 1 uur}
              brief: {volume: 10, normtijd: 1 uur}
          - functie: C
            contactcentrum:
              interval: 30 min
              gespreksduur: 180 s
              servicelevel: 80/20
              aanbod: {ma 08:00: 10, ma 08:15: 12, ma 8:00: 3, di 25:00: 1}
        """)
    fouten = cli("validate", "m.yaml", code=1).stderr.splitlines()
    assert fouten == [
        "m.yaml:10:9: functies[0].producten.contact.kanalen: functie 'A': de aandelen van de kanalen van 'contact' tellen op tot 80%, niet 100%",
        "m.yaml:13:7: functies[0].producten.intake: functie 'A': product 'intake' heeft geen volume (aantal per jaar)",
        "m.yaml:20:30: functies[1].contactcentrum.aanbod.ma 08:15: functie 'C': interval 'ma 08:15': begint niet op een interval van 30 min (bijvoorbeeld :00 of :30)",
        "m.yaml:20:44: functies[1].contactcentrum.aanbod.ma 8:00: functie 'C': interval 'ma 8:00': is hetzelfde interval als 'ma 08:00': elk interval één keer",
        "m.yaml:20:56: functies[1].contactcentrum.aanbod.di 25:00: functie 'C': interval 'di 25:00': dat is geen tijd van de dag",
        "5 problemen gevonden; er is niets berekend.",
    ]


def test_a_bad_field_hides_no_problem_of_the_functies_parts(cli):
    """Issue 19: a wrong verzuim hid kanalen adding up to 80%, and made a meerjaren scenario that
    the failing functie has look unknown."""
    cli.write("a.yaml", """\
        eenheid: X
        meerjaren:
          scenario: bestaat_niet
          financiering: {2025: 1 mln}
        standaard:
          beschikbare_uren: 1631
        functies:
          - functie: A
            fte: 10
            aftrek: {verzuim: 120%}
            scenarios:
              groei: {fte: 12}
            producten:
              contact:
                volume: 1000
                kanalen:
                  tel: {aandeel: 50%, normtijd: 10 min}
                  web: {aandeel: 30%, normtijd: 5 min}
        """)
    meerjaren = "a.yaml:3:3: meerjaren.scenario: onbekend scenario 'bestaat_niet'; in deze bestanden staan: groei"
    verzuim = "a.yaml:10:14: functies[0].aftrek.verzuim: een percentage ligt tussen 0 en 100, niet 120%"
    kanalen = ("a.yaml:16:9: functies[0].producten.contact.kanalen: functie 'A': de aandelen van de kanalen van "
               "'contact' tellen op tot 80%, niet 100%")
    assert cli("validate", "a.yaml", code=1).stderr.splitlines() == [
        meerjaren, verzuim, kanalen, "3 problemen gevonden; er is niets berekend."]
    assert cli("budget", "a.yaml", code=1).stderr.splitlines()[:3] == [meerjaren, verzuim, kanalen]
    # compute reports the meerjaren block too: no command passes a file validate refuses
    assert cli("compute", "a.yaml", code=1).stderr.splitlines()[:3] == [meerjaren, verzuim, kanalen]


def test_explain_knows_the_scenarios_a_ratio_role_follows(cli):
    """A senior following an adviser with a scenario 'groei' has a groei sheet in compute and
    explain; `--scenario groei` for it was refused, and a scenario of another functie was
    described as not in the files."""
    cli.write("p7.yaml", """\
        eenheid: W
        standaard: {beschikbare_uren: 1631}
        functies:
          - functie: Adviseur
            fte: 126
            scenarios:
              groei: {fte: 156}
          - functie: Senior
            verhouding: {een_per: 30, van: Adviseur}
            scenarios:
              zuiniger: {verhouding: {een_per: 60}}
          - functie: Mentor
            verhouding: {een_per: 40, van: Adviseur}
        """)
    blad = cli("explain", "p7.yaml", "--functie", "Senior", "--scenario", "groei").stdout
    assert blad.startswith("Rekenblad: Senior · W · scenario groei") and "(156 + 0) / 30 = 5,200 fte" in blad
    assert ("fout: --scenario: functie 'Mentor' heeft geen scenario 'zuiniger'; zij heeft: basis, groei"
            in cli("explain", "p7.yaml", "--functie", "Mentor", "--scenario", "zuiniger", code=2).stderr)


def test_a_run_of_more_records_than_memory_should_hold_is_refused(cli, monkeypatch):
    """A second security probe: 400 scenarios over 4.000 functies (215 kB) took 3,9 GB and ended in
    MemoryError. Here with a limit of 10: 4 functies x (1 + 2 scenarios) = 12 records."""
    import brutonetto.engine.records

    monkeypatch.setattr(brutonetto.engine.records, "MAX_REGELS", 10)
    cli.write("u.yaml", "standaard: {beschikbare_uren: 1631}\nscenarios: {a: {fte: 2}, b: {fte: 3}}\nfuncties:\n"
              + "".join(f"  - {{functie: F{i}, fte: 1}}\n" for i in range(4)))
    assert ("u.yaml: deze bestanden geven 12 regels (functies x scenario's); hoogstens 10 in één run"
            in cli("compute", "u.yaml", code=1).stderr)
    assert len(cli.json("compute", "u.yaml", "-s", "a")) == 8  # 4 x (basis + a): within the limit


def test_a_chart_of_more_bars_than_anyone_reads_is_refused(cli, monkeypatch):
    import brutonetto.output.grafiek

    monkeypatch.setattr(brutonetto.output.grafiek, "MAX_BALKEN", 5)
    cli.write("u.yaml", "standaard: {beschikbare_uren: 1631}\nfuncties:\n"
              + "".join(f"  - {{functie: F{i}, fte: 1}}\n" for i in range(6)))
    assert "de grafiek zou 6 balken hebben; hoogstens 5" in cli("chart", "u.yaml", "-o", "g.svg", code=1).stderr
