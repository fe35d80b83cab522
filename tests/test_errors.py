"""Every ordinary mistake gets exit 1 and `FILE:LINE:COL: field.path: message` in Dutch, all at once."""

from __future__ import annotations

import pytest

BASE = "functie: Klantadviseur\nbeschikbare_uren: 1631\n"


def fails(cli, *args, input=None):
    result = cli(*args, code=1, input=input)
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    return result.stderr


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("eenheid: [a, b]", "p.yaml:3:1: eenheid: verwacht een niet-lege tekst"),
        ("fte: -1", "p.yaml:3:1: fte: mag niet negatief zijn"),
        ("fte: veel", "p.yaml:3:1: fte: verwacht een getal, niet 'veel'"),
        ("fte: .nan", "p.yaml:3:1: fte: verwacht een eindig getal"),
        ("fte: 1.0e+400", "p.yaml:3:1: fte: verwacht een eindig getal"),
        ("fte: 1e400", "p.yaml:3:1: fte: verwacht een getal, niet '1e400'"),
        ("uren_per_week: 0", "p.yaml:3:1: uren_per_week: moet groter dan 0 zijn"),
        ("uren_per_week: 200", "p.yaml:3:1: uren_per_week: een week heeft maar 168 uur"),
        ("uren_per_week: 36%", "p.yaml:3:1: uren_per_week: verwacht een aantal uren, niet '36%'"),
        ("weken_per_jaar: 365", "p.yaml:3:1: weken_per_jaar: een jaar heeft hooguit 53 weken"),
        ("uren_per_dag: nul", "p.yaml:3:1: uren_per_dag: verwacht een getal"),
        ("verlof: 200", "p.yaml:3:1: verlof: verwacht een mapping"),
        ("aftrek: [verzuim]", "p.yaml:3:1: aftrek: verwacht een mapping"),
        ("aftrek: {verzuim: veel}", "p.yaml:3:10: aftrek.verzuim: 'veel' is geen hoeveelheid"),
        ("aftrek: {verzuim: 5 procent}", "p.yaml:3:10: aftrek.verzuim: onbekende eenheid 'procent'"),
        ("aftrek: {verzuim: 150%}", "p.yaml:3:10: aftrek.verzuim: een percentage ligt tussen 0 en 100"),
        ("aftrek: {verzuim: -3 uur}", "p.yaml:3:10: aftrek.verzuim: een aftrek kan niet negatief zijn"),
        ("werklast_uren: -5", "p.yaml:3:1: werklast_uren: mag niet negatief zijn"),
        ("kosten_per_fte: 75.000,00", "p.yaml:3:1: kosten_per_fte: '75.000,00' lijkt scheidingstekens voor duizendtallen"),
        ("uurtarief: true", "p.yaml:3:1: uurtarief: verwacht een getal, niet true"),
        ("scenarios: [a]", "p.yaml:3:1: scenarios: verwacht een mapping"),
        ("scenarios: {basis: {fte: 1}}", "p.yaml:3:1: scenarios: 'basis' is de basis zelf"),
        ("scenarios: {a: {fte: -1}}", "p.yaml:3:17: scenarios.a.fte: mag niet negatief zijn"),
        ("scenarios: {a: {functie: Y}}", "p.yaml:3:17: scenarios.a.functie: het veld 'functie' hoort hier niet"),
        ("beschikbaar: 1631", "p.yaml:3:1: beschikbaar: onbekend veld 'beschikbaar'; bedoelt u 'beschikbare_uren'?"),
        ("aftrekken: {a: 1}", "p.yaml:3:1: aftrekken: onbekend veld 'aftrekken'; bedoelt u 'aftrek'?"),
    ],
)
def test_a_bad_value_in_any_field_names_file_line_and_field(cli, line, expected):
    cli.write("p.yaml", BASE + line + "\n")
    assert expected in fails(cli, "compute", "p.yaml")


def test_bad_beschikbare_uren_hint_at_the_thousands_separator(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1.631\n")
    assert (
        "p.yaml:2:1: beschikbare_uren: '1.631' leest als 1,631 uur: een punt is hier een "
        "decimaalteken, geen duizendtalscheiding; bedoelt u 1631?"
    ) in fails(cli, "validate", "p.yaml")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("9000", "meer uren dan een jaar heeft"), ("50", "onwaarschijnlijk weinig"), ("0", "onwaarschijnlijk weinig")],
)
def test_implausible_beschikbare_uren(cli, value, expected):
    cli.write("p.yaml", f"functie: X\nbeschikbare_uren: {value}\n")
    assert expected in fails(cli, "validate", "p.yaml")


def test_all_problems_of_a_run_are_listed_in_file_order(cli):
    cli.write("a.yaml", """\
        eenheid: Uitkeren
        functies:
          - functie: Een
            beschikbare_uren: 1631
            fte: -1
            aftrek: {verzuim: 5,7}
          - functie: Twee
            beschikbare_uren: 1631
            aftrek: {a: 1000, b: 700}
          - fte: 3
    """)
    cli.write("b.yaml", "functie: B\nbeschikbare_uren: 1631\nuren_per_week: veel\n")
    lines = fails(cli, "compute", "a.yaml", "b.yaml").splitlines()
    assert lines[0] == "a.yaml:5:5: functies[0].fte: mag niet negatief zijn"
    assert lines[1].startswith("a.yaml:6:5: functies[0].aftrek: de naam '7' is geen tekst; staat er een decimaalkomma")
    assert lines[2] == (
        "a.yaml:9:5: functies[1].aftrek: functie 'Twee': de aftrek (1.700,0 uur) is even groot "
        "als of groter dan de beschikbare uren (1.631,0 uur): directe uren moeten groter dan 0 blijven"
    )
    assert lines[3] == "a.yaml:10:5: functies[2].functie: het verplichte veld 'functie' ontbreekt"
    assert lines[4].startswith("b.yaml:3:1: uren_per_week: verwacht een getal")
    assert lines[5] == "5 problemen gevonden; er is niets berekend."


def test_a_scenario_error_points_into_the_scenario(cli):
    cli.write("p.yaml", """\
        functie: X
        beschikbare_uren: 1631
        aftrek: {indirect: 331}
        scenarios:
          te_veel:
            aftrek: {extra: 1400}
    """)
    assert (
        "p.yaml:6:5: scenarios.te_veel.aftrek: functie 'X', scenario 'te_veel': de aftrek (1.731,0 uur)"
    ) in fails(cli, "compute", "p.yaml")


def test_an_error_inherited_from_a_standaard_file_points_into_that_file(cli):
    cli.write("configs/org.yaml", "beschikbare_uren: 1631\naftrek:\n  overleg: 1 uur/week\n")
    cli.write("p.yaml", "standaard: configs/org.yaml\nfunctie: X\n")
    err = fails(cli, "compute", "p.yaml")
    assert "org.yaml:3:3: aftrek.overleg: functie 'X': '…' heeft uren_per_week nodig" in err


def test_an_invalid_standaard_file_is_reported_in_that_file(cli):
    cli.write("configs/org.yaml", "beschikbare_uren: 1631\naftrek:\n  verzuim: hoog\n")
    cli.write("p.yaml", "standaard: configs/org.yaml\nfunctie: X\n")
    cli.write("q.yaml", "standaard: configs/org.yaml\nfunctie: Y\n")
    err = fails(cli, "compute", "p.yaml", "q.yaml")
    assert err.count("configs/org.yaml:3:3: aftrek.verzuim: '…' is geen hoeveelheid") == 1  # once, without the value
    assert "1 probleem gevonden" in err


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (None, "p.yaml:1:1: standaard: het standaardbestand 'configs/org.yaml' bestaat niet"),
        ("- 1\n- 2\n", "org.yaml:1:1: een standaardbestand is een mapping van profielvelden"),
        ("functie: X\n", "org.yaml:1:1: functie: een standaardbestand bevat alleen profielvelden, geen 'functie'"),
        ("standaard: a.yaml\n", "org.yaml:1:1: standaard: een standaardbestand bevat alleen profielvelden"),
        ("a: [\n", "org.yaml:2:1: ongeldige YAML"),
    ],
)
def test_a_bad_standaard_path(cli, config, expected):
    if config is not None:
        cli.write("configs/org.yaml", config)
    cli.write("p.yaml", "standaard: configs/org.yaml\nfunctie: X\n")
    assert expected in fails(cli, "compute", "p.yaml")


def test_both_beschikbare_uren_and_verlof(cli):
    cli.write("p.yaml", "functie: X\nuren_per_week: 36\nbeschikbare_uren: 1631\nverlof: {vakantie: 200}\n")
    assert "p.yaml:4:1: verlof: functie 'X': geef beschikbare_uren of verlof, niet allebei" in fails(cli, "compute", "p.yaml")


def test_neither_beschikbare_uren_nor_uren_per_week(cli):
    cli.write("p.yaml", "functie: X\nfte: 3\n")
    assert "p.yaml:1:1: functie 'X': beschikbare_uren ontbreekt" in fails(cli, "compute", "p.yaml")


def test_the_same_functie_twice_in_one_eenheid(cli):
    cli.write("a.yaml", "eenheid: SMZ\nfuncties:\n  - {functie: X, beschikbare_uren: 1631}\n")
    cli.write("b.yaml", "eenheid: SMZ\nfuncties:\n  - {functie: Y, beschikbare_uren: 1631}\n  - {functie: X, beschikbare_uren: 1600}\n")
    assert (
        "b.yaml:4:6: functies[1].functie: functie 'X' in eenheid 'SMZ' komt twee keer voor (ook in a.yaml:3)"
    ) in fails(cli, "compute", "a.yaml", "b.yaml")


def test_the_same_functie_in_two_eenheden_is_fine(cli):
    cli.write("a.yaml", "eenheid: SMZ\nfuncties:\n  - {functie: X, beschikbare_uren: 1631}\n")
    cli.write("b.yaml", "eenheid: B&B\nfuncties:\n  - {functie: X, beschikbare_uren: 1631}\n")
    assert len(cli.json("compute", "a.yaml", "b.yaml")) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("functie: X\nfunctie: Y\n", "p.yaml:2:1: de sleutel 'functie' staat twee keer in dezelfde mapping"),
        ("functie: X\naftrek:\n  a: 1\n  a: 2\n", "p.yaml:4:3: de sleutel 'a' staat twee keer"),
        ("functie: X\n\tfte: 3\n", "p.yaml:2:1: een tab in de inspringing"),
        ("", "p.yaml: het bestand is leeg"),
        ("# alleen commentaar\n", "p.yaml: het bestand is leeg"),
        ("- functie: X\n", "p.yaml:1:1: verwacht een profiel (een mapping met 'functie')"),
        ("hallo\n", "p.yaml:1:1: verwacht een profiel (een mapping met 'functie') of een eenheidsbestand (een mapping met 'functies'), niet de waarde 'hallo'"),
        ("functie: X\n---\nfunctie: Y\n", "meer dan één YAML-document"),
        ("!!python/object/apply:os.system ['echo hi']\n", "p.yaml:1:1: de YAML-tag"),
        ("functie: !eigen X\n", "p.yaml:1:10: de YAML-tag '!eigen' wordt niet ondersteund"),
        ("functei: X\n", "p.yaml:1:1: verwacht 'functie' (één profiel) of 'functies' (een eenheid met een lijst functies); bedoelt u 'functie'?"),
        ("functie: X\nfuncties: []\n", "een bestand heeft 'functie' (één profiel) of 'functies' (een eenheid), niet allebei"),
        ("beschikbare_uren: 1631\naftrek: {verzuim: 5%}\n", "p.yaml:1:1: dit lijkt een standaardbestand"),
        ("functies: {a: 1}\n", "p.yaml:1:1: functies: verwacht een lijst functies"),
        ("functies: []\n", "p.yaml:1:1: functies: de lijst functies is leeg"),
        ("functie: X\naftrek: {a: 0,5, b: 3}\n", "p.yaml:2:1: aftrek: de naam '5' is geen tekst; staat er een decimaalkomma in een regel met {...}?"),
        ("functie: [X\n", "p.yaml:2:1: ongeldige YAML"),
    ],
)
def test_malformed_files(cli, text, expected):
    cli.write("p.yaml", text)
    assert expected in fails(cli, "validate", "p.yaml")


def test_a_file_not_in_utf8_says_how_to_save_it(cli):
    (cli.tmp_path / "p.yaml").write_bytes("functie: Coördinator\nbeschikbare_uren: 1631\n".encode("cp1252"))
    assert "p.yaml:1:12: het bestand is geen UTF-8; sla het op als UTF-8" in fails(cli, "validate", "p.yaml")


def test_missing_paths_and_empty_directories(cli):
    (cli.tmp_path / "leeg").mkdir()
    err = fails(cli, "compute", "weg.yaml", "leeg")
    assert "weg.yaml: bestand of map bestaat niet" in err
    assert "leeg: deze map bevat geen YAML-bestanden" in err


def test_garbage_on_stdin(cli):
    err = fails(cli, "compute", "-", input="\x00\x01 garbage")
    assert "<stdin>:1:1: het bestand bevat een teken dat niet in YAML mag (#x0000)" in err
    assert "<stdin>:1:1: verwacht een profiel" in fails(cli, "compute", "-", input="[1, 2]")


def test_a_scenario_that_changes_nothing_is_a_warning_not_an_error(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\nscenarios: {zelfde: {beschikbare_uren: 1631}}\n")
    result = cli("compute", "p.yaml", "-f", "json")
    assert "waarschuwing: p.yaml: functie 'X': scenario 'zelfde' verandert niets" in result.stderr


def test_an_internal_error_is_one_line_with_exit_3_and_debug_shows_the_traceback(cli, monkeypatch):
    import brutonetto.engine.records

    def boom(*args, **kwargs):
        raise ZeroDivisionError("kapot")

    monkeypatch.setattr(brutonetto.engine.records, "compute_records", boom)
    cli.write("p.yaml", BASE)
    result = cli("compute", "p.yaml", code=3)
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("interne fout: ZeroDivisionError: kapot")
    assert "--debug" in result.stderr
    result = cli("compute", "p.yaml", "--debug", code=3)
    assert "Traceback" in result.stderr


# At most 100 problems a file (issue 18): a file of millions of mistakes gives a screenful -----


def test_past_100_problems_a_file_the_rest_is_one_line_and_the_next_file_still_shows(cli):
    cli.write("veel.yaml", "functies:\n" + "".join(f"  - {{functie: F{i}, beschikbare_uren: 1631, fte: -1}}\n"
                                                   for i in range(250)))
    cli.write("een.yaml", "functie: X\nbeschikbare_uren: 1631\nfte: -1\n")
    regels = fails(cli, "validate", "veel.yaml", "een.yaml").splitlines()
    assert len(regels) == 100 + 1 + 1 + 1
    assert regels[0].startswith("veel.yaml:2:") and regels[99].startswith("veel.yaml:101:")
    assert regels[100] == "en nog 150 problemen in veel.yaml (alleen de eerste 100 staan hierboven)"
    assert regels[101].startswith("een.yaml:3:1: fte: mag niet negatief zijn")
    assert regels[102] == "251 problemen gevonden; er is niets berekend."


def test_problems_keeps_the_first_100_of_each_file_by_line_and_counts_the_rest():
    from brutonetto.errors import MAX_PER_BESTAND, Fout, Problemen

    problemen = Problemen()
    for regel in range(200_000 + 1, 1, -1):  # last line first: keeping the first means replacing
        problemen.append(Fout("r.csv", "x", regel=regel))
    problemen.append(Fout("s.csv", "y"))
    ((bestand, fouten, weggelaten), (ander, _, niets)) = problemen.per_bestand()
    assert (bestand, [f.regel for f in fouten], weggelaten) == ("r.csv", list(range(2, 102)), 200_000 - MAX_PER_BESTAND)
    assert (ander, niets, len(problemen)) == ("s.csv", 0, 200_001)
    assert len(problemen._bewaard["r.csv"]) == MAX_PER_BESTAND  # held in memory: 100, not 200,000
