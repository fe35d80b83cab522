"""Reading numbers and quantities exactly, in every unit of the contract."""

import json
from decimal import Decimal as D

import pytest

from brutonetto.domain.hoeveelheid import DAG, PROCENT, UUR, UUR_PER_WEEK, Hoeveelheid
from brutonetto.input.hoeveelheid import (
    Invoerfout,
    parse_getal,
    parse_hoeveelheid,
    parse_uren,
)


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        (1631, Hoeveelheid(D("1631"), UUR)),
        (92.967, Hoeveelheid(D("92.967"), UUR)),
        ("150", Hoeveelheid(D("150"), UUR)),
        ("12 uur", Hoeveelheid(D("12"), UUR)),
        ("12uur", Hoeveelheid(D("12"), UUR)),
        ("12 u", Hoeveelheid(D("12"), UUR)),
        ("12 h", Hoeveelheid(D("12"), UUR)),
        ("12,5 uren", Hoeveelheid(D("12.5"), UUR)),
        ("5.7%", Hoeveelheid(D("5.7"), PROCENT)),
        ("5,7 %", Hoeveelheid(D("5.7"), PROCENT)),
        ("1 uur/week", Hoeveelheid(D("1"), UUR_PER_WEEK)),
        ("1,5 u/w", Hoeveelheid(D("1.5"), UUR_PER_WEEK)),
        ("2 Uur / Week", Hoeveelheid(D("2"), UUR_PER_WEEK)),
        ("3 dagen", Hoeveelheid(D("3"), DAG)),
        ("1 dag", Hoeveelheid(D("1"), DAG)),
        ("0,5 d", Hoeveelheid(D("0.5"), DAG)),
        ({"procent": 4, "van": "bruto"}, Hoeveelheid(D("4"), PROCENT, "bruto")),
        ({"procent": "4,5", "van": "beschikbaar"}, Hoeveelheid(D("4.5"), PROCENT, "beschikbaar")),
        ({"procent": 4}, Hoeveelheid(D("4"), PROCENT, None)),
        ("0 uur", Hoeveelheid(D("0"), UUR)),
    ],
)
def test_every_unit_is_read_exactly(waarde, verwacht):
    assert parse_hoeveelheid(waarde) == verwacht


def test_a_yaml_float_is_read_from_its_shortest_text_not_its_binary_value():
    assert parse_getal(5.7) == D("5.7")
    assert parse_getal(0.1) + parse_getal(0.2) == D("0.3")


@pytest.mark.parametrize(
    ("waarde", "in_bericht"),
    [
        ("12 weken", "onbekende eenheid 'weken'"),
        ("twaalf uur", "geen hoeveelheid"),
        ("-5 uur", "niet negatief"),
        ("120%", "tussen 0 en 100"),
        ("1.631,5 uur", "1631,5"),
        ("1.631.000", "1631000"),
        (float("nan"), "eindig getal"),
        (float("inf"), "eindig getal"),
        (True, "verwacht een getal"),
        (None, "een lege waarde"),
        ([1, 2], "een lijst"),
        ({"procent": 4, "van": "netto"}, "'bruto' of 'beschikbaar'"),
        ({"percentage": 4}, "onbekende sleutel 'percentage'"),
        ({"van": "bruto"}, "heeft 'procent' nodig"),
    ],
)
def test_bad_quantities_are_refused_with_a_dutch_reason(waarde, in_bericht):
    with pytest.raises(Invoerfout) as fout:
        parse_hoeveelheid(waarde)
    assert in_bericht in str(fout.value)


def test_hours_fields_take_no_other_unit():
    assert parse_uren("1631 uur") == D(1631)
    with pytest.raises(Invoerfout, match="aantal uren"):
        parse_uren("5%")


@pytest.mark.parametrize("geschreven", ["0.125", "'0.125'", "0.250", "'0,250'"])
def test_a_decimal_below_one_is_never_read_as_thousands(cli, geschreven):
    """`0.125` cannot mean a hundred and twenty-five thousand: only 1.000 to 999.999 can."""
    cli.write("p.yaml", f"functie: X\nbeschikbare_uren: 1631\nfte: {geschreven}\nkosten_per_fte: 80000\n")
    record = json.loads(cli("compute", "p.yaml", "--format", "json").stdout)[0]
    assert record["fte"] == float(geschreven.strip("'").replace(",", "."))


# contract v3: hours that read like a share warn; hours that read like thousands are refused


@pytest.mark.parametrize(
    "geschreven, uren, procent",
    [("0.057", "0,057", "5,7"), ("'0,057'", "0,057", "5,7"), ("0.5", "0,5", "50"), (".25", "0,25", "25")],
)
def test_bare_hours_below_one_warn_at_their_line(cli, geschreven, uren, procent):
    cli.write("p.yaml", f"functie: X\nbeschikbare_uren: 1631\naftrek:\n  overig: 10\n  verzuim: {geschreven}\n")
    uitkomst = cli("compute", "p.yaml", "--format", "json")
    assert f"waarschuwing: p.yaml:5: aftrek.verzuim: {uren} uur: bedoelt u {procent}%?" in uitkomst.stderr
    # still read as hours, as before: 1631 - 10 - 0,057
    assert json.loads(uitkomst.stdout)[0]["aftrek"]["verzuim"] == float(uren.replace(",", "."))


@pytest.mark.parametrize("geschreven", ["'0,5 uur'", "0", "1", "5.7%", "'0,057%'"])
def test_hours_in_words_zero_or_a_share_do_not_warn(cli, geschreven):
    cli.write("p.yaml", f"functie: X\nbeschikbare_uren: 1631\naftrek:\n  verzuim: {geschreven}\n")
    assert "bedoelt u" not in cli("compute", "p.yaml", "--format", "json").stderr


def test_a_fraction_in_a_scenario_warns_at_the_scenarios_line(cli):
    cli.write("p.yaml", "functie: X\nuren_per_week: 36\nverlof: {vakantie: 144}\nscenarios:\n  s:\n    verlof: {extra: 0.2}\n")
    assert "waarschuwing: p.yaml:6: verlof.extra: 0,2 uur: bedoelt u 20%?" in cli("compute", "p.yaml").stderr


@pytest.mark.parametrize("geschreven", ["1.631", "8.784", "'1.000 uur'", "1.000"])
def test_hours_that_read_as_thousands_are_refused_under_aftrek(cli, geschreven):
    cli.write("p.yaml", f"functie: X\nbeschikbare_uren: 1631\naftrek:\n  leren: {geschreven}\n")
    fout = cli("validate", "p.yaml", code=1).stderr
    getal = geschreven.strip("'").removesuffix(" uur")
    assert f"p.yaml:4:3: aftrek.leren: '{getal}' leest als {getal.replace('.', ',')} uur" in fout
    assert f"bedoelt u {getal.replace('.', '')}?" in fout


@pytest.mark.parametrize("geschreven, uren", [("92.967", 92.967), ("8.785", 8.785), ("'1,631'", 1.631), ("12.500", 12.5)])
def test_hours_that_cannot_be_thousands_are_decimals(cli, geschreven, uren):
    """92.967 as thousands is more than a year's 8784 hours; a comma is the Dutch decimal mark."""
    cli.write("p.yaml", f"functie: X\nbeschikbare_uren: 1631\naftrek:\n  leren: {geschreven}\n")
    assert json.loads(cli("compute", "p.yaml", "--format", "json").stdout)[0]["aftrek"]["leren"] == uren
