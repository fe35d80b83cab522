"""The catalogue of bad and hostile input: every case exits 1 with its Dutch message, never a traceback.

Each `catalogus/NN-*.yaml` is one case; its last line, `# verwacht: ...`, is the message
expected on stderr (after the file name). A `catalogus/NN-realisatie-*.csv` is a realisation
CSV, set against `_realisatie/plan.yaml`, its last line the same (and not part of the CSV).
Cases that cannot be a text file (bytes, sizes, paths, options) are written here; inputs too
big to keep in the repository are made by their test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from brutonetto.input.source import MAX_BYTES, MAX_WAARDEN

CATALOGUS = Path(__file__).parent / "catalogus"
CASES = sorted(p.name for p in CATALOGUS.glob("[0-9]*.yaml"))
CSV_CASES = sorted(p.name for p in CATALOGUS.glob("[0-9]*-realisatie-*.csv"))


def verwacht(naam: str) -> str:
    laatste = (CATALOGUS / naam).read_text(encoding="utf-8").rstrip("\n").rsplit("\n", 1)[-1]
    assert laatste.startswith("# verwacht: "), naam
    bericht = laatste.removeprefix("# verwacht: ")
    return naam + bericht if bericht.startswith((":", " ")) else bericht


def refused(cli, *args, input=None, code=1) -> str:
    """Exit 1 (2 for wrong usage), nothing on stdout, no traceback, no internal error; the messages."""
    result = cli(*args, code=code, input=input)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and "interne fout" not in result.stderr
    return result.stderr


def test_the_catalogue_has_at_least_40_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("naam", CASES)
def test_catalogue_case(cli, monkeypatch, naam):
    monkeypatch.chdir(CATALOGUS)
    regels = refused(cli, "validate", naam).splitlines()
    assert any(regel.startswith(verwacht(naam)) for regel in regels), "\n".join(regels)


@pytest.mark.parametrize("naam", CASES)
def test_catalogue_case_through_compute_json_and_stdin(cli, monkeypatch, naam):
    monkeypatch.chdir(CATALOGUS)
    refused(cli, "compute", naam, "--format", "json")
    # relative defaults paths start from the working directory on stdin; a CSV's problem is at the CSV
    if "standaard" not in naam and not verwacht(naam).startswith("_aanbod/"):
        assert "<stdin>" in refused(cli, "compute", "-", input=(CATALOGUS / naam).read_bytes())


@pytest.mark.parametrize("naam", CSV_CASES)
def test_catalogue_realisation_case(cli, naam):
    tekst = (CATALOGUS / naam).read_text(encoding="utf-8")
    cli.write(naam, tekst.rstrip("\n").rsplit("\n", 1)[0] + "\n")  # without its `# verwacht` line
    regels = refused(cli, "realisation", CATALOGUS / "_realisatie" / "plan.yaml", naam).splitlines()
    assert any(regel.startswith(verwacht(naam)) for regel in regels), "\n".join(regels)


def test_not_utf8_says_how_to_save_as_utf8(cli):
    (cli.tmp_path / "ansi.yaml").write_bytes("functie: Coördinator\nbeschikbare_uren: 1631\n".encode("cp1252"))
    assert "ansi.yaml:1:12: het bestand is geen UTF-8; sla het op als UTF-8" in refused(cli, "validate", "ansi.yaml")


def test_utf16_is_not_utf8(cli):
    (cli.tmp_path / "u16.yaml").write_bytes("functie: X\n".encode("utf-16"))
    assert "u16.yaml:1:1: het bestand is geen UTF-8" in refused(cli, "validate", "u16.yaml")


def test_a_file_above_the_size_limit(cli):
    groot = cli.tmp_path / "groot.yaml"
    with groot.open("w", encoding="utf-8") as f:
        f.write("functie: X\nbeschikbare_uren: 1631\n")
        f.write("# " + "x" * (MAX_BYTES + 10) + "\n")
    assert f"groot.yaml: het bestand is groter dan {MAX_BYTES / (1024 * 1024):g} MB; splits het op" in refused(cli, "validate", "groot.yaml")


@pytest.mark.parametrize("waarden", ["\n" + "- 1\n" * 900_000, " [" + "1," * 1_500_000 + "1]\n"], ids=["blok", "flow"])
def test_millions_of_tiny_values_are_refused_before_they_are_built(cli, waarden):
    # about 4 MB of text that PyYAML would take many seconds and most of a gigabyte to build
    cli.write("veel.yaml", "functie: X\nbeschikbare_uren: 1631\nx:" + waarden)
    assert f"het bestand bevat meer dan {MAX_WAARDEN:,} waarden".replace(",", ".") in refused(cli, "validate", "veel.yaml")


def test_nesting_deep_enough_to_crash_libyaml_is_refused(cli):
    diep = 60_000  # libyaml's recursive composer overflows the C stack somewhere below this
    cli.write("diep.yaml", "functie: X\nbeschikbare_uren: 1631\naftrek: {a: " + "[" * diep + "]" * diep + "}\n")
    assert "diep.yaml:3:111: de YAML is dieper genest dan 100 niveaus" in refused(cli, "validate", "diep.yaml")
    cli.write("streepjes.yaml", "functie: X\nbeschikbare_uren: 1631\nx:\n" + "- " * diep + "x\n")
    assert "streepjes.yaml:4:" in refused(cli, "validate", "streepjes.yaml")


def test_bom_and_crlf_are_no_errors(cli):
    (cli.tmp_path / "win.yaml").write_bytes(
        "\ufefffunctie: Coördinator\r\nbeschikbare_uren: 1631\r\naftrek:\r\n  verzuim: 5,7%\r\n".encode()
    )
    (record,) = cli.json("compute", "win.yaml")
    assert record["functie"] == "Coördinator" and record["aftrek"] == {"verzuim": 92.967}


def test_unknown_scenario_option(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\nscenarios: {meer: {fte: 1}}\n")
    assert "fout: --scenario: onbekend scenario 'minder'; in deze bestanden staan: basis, meer" in refused(
        cli, "compute", "p.yaml", "--scenario", "minder", code=2
    )


def test_missing_path_and_directory_without_yaml(cli):
    (cli.tmp_path / "leeg").mkdir()
    (cli.tmp_path / "leeg" / "notities.txt").write_text("geen yaml", encoding="utf-8")
    fouten = refused(cli, "compute", "weg.yaml", "leeg")
    assert "weg.yaml: bestand of map bestaat niet" in fouten
    assert "leeg: deze map bevat geen YAML-bestanden (*.yaml of *.yml)" in fouten


def test_unreadable_file(cli, monkeypatch):
    import os

    cli.write("geheim.yaml", "functie: X\nbeschikbare_uren: 1631\n")
    echte_open = os.open

    def geweigerd(pad, *args, **kwargs):
        if Path(pad).name == "geheim.yaml":
            raise PermissionError(13, "Permission denied")
        return echte_open(pad, *args, **kwargs)

    monkeypatch.setattr(os, "open", geweigerd)  # root may read anything, so refuse it here
    assert "geheim.yaml: kan het bestand niet lezen: Permission denied" in refused(cli, "validate", "geheim.yaml")


def test_an_unreadable_path_is_a_directory_named_as_file(cli):
    (cli.tmp_path / "map.yaml").mkdir()
    cli.write("map.yaml/echt.yaml", "functie: X\nbeschikbare_uren: 1631\n")
    assert len(cli.json("compute", "map.yaml")) == 1  # a directory, even when its name ends in .yaml


@pytest.mark.parametrize("rommel", [b"\x00\x01\x02", b"\xff\xfe\xfd", b"[[[", b"{a: 1", b"- - -", b"\x1b[31mrood\n"])
def test_garbage_on_stdin(cli, rommel):
    assert "<stdin>" in refused(cli, "compute", "-", input=rommel)


def test_output_onto_a_defaults_file_of_the_run_is_refused(cli):
    config = cli.write("configs/org.yaml", "beschikbare_uren: 1631\n")
    cli.write("p.yaml", "standaard: configs/org.yaml\nfunctie: X\n")
    assert "is een van de invoerbestanden" in refused(cli, "compute", "p.yaml", "-o", "configs/org.yaml", code=2)
    assert config.read_text(encoding="utf-8") == "beschikbare_uren: 1631\n"


def test_output_into_a_directory_or_a_missing_folder_is_refused(cli):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\n")
    (cli.tmp_path / "uit").mkdir()
    assert "--output uit is een map" in refused(cli, "compute", "p.yaml", "-o", "uit", code=2)
    assert "de map nergens bestaat niet" in refused(cli, "compute", "p.yaml", "-o", "nergens/uit.json", code=2)
    assert sorted(p.name for p in cli.tmp_path.iterdir()) == ["p.yaml", "uit"]


# Files reached by reference (issue 18): the profile chose them, not the user ------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is Linux's")
@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_output_onto_a_full_disk_names_the_output_and_the_reason(cli, formaat):
    cli.write("p.yaml", "functie: X\nbeschikbare_uren: 1631\n")
    fouten = refused(cli, "compute", "p.yaml", "-f", formaat, "-o", "/dev/full")
    assert fouten == "fout: kan niet schrijven naar /dev/full: de schijf is vol\n"


def test_a_standaard_that_is_a_pipe_is_not_read(cli):
    import os

    os.mkfifo(cli.tmp_path / "leeg.yaml")  # reading it would wait for a writer forever
    cli.write("p.yaml", "standaard: leeg.yaml\nfunctie: X\n")
    assert ("p.yaml:1:1: standaard: het standaardbestand 'leeg.yaml' is geen gewoon bestand"
            in refused(cli, "validate", "p.yaml"))


def test_a_link_named_yaml_to_another_file_is_judged_by_its_target(cli):
    (cli.tmp_path / "wachtwoorden").write_text("root:geheim:0:0\n", encoding="utf-8")
    (cli.tmp_path / "org.yaml").symlink_to(cli.tmp_path / "wachtwoorden")
    cli.write("p.yaml", "standaard: org.yaml\nfunctie: X\n")
    fout = refused(cli, "validate", "p.yaml")
    assert "het standaardbestand 'org.yaml' is geen .yaml of .yml-bestand" in fout and "geheim" not in fout


def test_values_of_a_referenced_file_are_never_quoted(cli):
    """A profile pointing at a YAML file of secrets gets their places back, not their values."""
    cli.write("geheim.yaml", "beschikbare_uren: 1631\nfte: wachtwoord-123\naftrek:\n  verzuim: token-abc\n"
              "uren_per_week: sleutel-xyz\n")
    cli.write("p.yaml", "standaard: geheim.yaml\nfunctie: X\n")
    fout = refused(cli, "validate", "p.yaml")
    assert "geheim.yaml:2:1: fte: verwacht een getal, niet '…'" in fout and "geheim.yaml:4:3: aftrek.verzuim: '…' is geen hoeveelheid" in fout
    for geheim in ("wachtwoord-123", "token-abc", "sleutel-xyz"):
        assert geheim not in fout


def test_the_header_of_a_referenced_csv_is_not_quoted(cli):
    cli.write("wachtwoorden.csv", "naam,gebruiker,wachtwoord\nbank,jan,geheim123\n")
    cli.write("p.yaml", "functie: T\nbeschikbare_uren: 1631\ncontactcentrum:\n  interval: 30 min\n"
              "  gespreksduur: 180 s\n  servicelevel: 80/20\n  aanbod: wachtwoorden.csv\n")
    fout = refused(cli, "validate", "p.yaml")
    assert "wachtwoorden.csv:1:1: de kolom 'interval' en 'aanbod' ontbreekt" in fout
    assert "wachtwoord," not in fout and "geheim123" not in fout and "(gevonden: …)" in fout


def _onder(cli):
    """A folder of someone's files, and a file of ours beside it."""
    cli.write("data/p.yaml", "standaard: org.yaml\nfunctie: X\n")
    cli.write("data/org.yaml", "beschikbare_uren: 1631\n")
    cli.write("geheim/org.yaml", "beschikbare_uren: 1631\n")
    return str(cli.tmp_path / "data")


def test_alleen_onder_reads_what_lies_under_the_folder(cli):
    onder = _onder(cli)
    uit = cli("compute", "data/p.yaml", "--alleen-onder", onder, "-f", "json").stdout
    assert '"beschikbare_uren": 1631' in uit


@pytest.mark.parametrize(("profiel", "verwacht"), [
    ("standaard: ../geheim/org.yaml\nfunctie: X\n",
     "standaard: het standaardbestand '../geheim/org.yaml' ligt niet onder de map van --alleen-onder"),
    ("standaard: /etc/hostname.yaml\nfunctie: X\n", "ligt niet onder de map van --alleen-onder"),
    ("functie: T\nbeschikbare_uren: 1631\ncontactcentrum:\n  interval: 30 min\n  gespreksduur: 180 s\n"
     "  servicelevel: 80/20\n  aanbod: ../geheim/week.csv\n",
     "contactcentrum.aanbod: het aanbodbestand '../geheim/week.csv' ligt niet onder de map van --alleen-onder"),
])
def test_alleen_onder_refuses_what_a_profile_points_at_outside(cli, profiel, verwacht):
    onder = _onder(cli)
    cli.write("geheim/week.csv", "interval,aanbod\nma 08:00,10\n")
    cli.write("data/q.yaml", profiel)
    assert verwacht in refused(cli, "validate", "data/q.yaml", "--alleen-onder", onder)


def test_alleen_onder_refuses_given_files_and_links_outside(cli):
    onder = _onder(cli)
    (cli.tmp_path / "data" / "link.yaml").symlink_to(cli.tmp_path / "geheim" / "org.yaml")
    fout = refused(cli, "validate", "geheim/org.yaml", "data/link.yaml", "--alleen-onder", onder)
    assert "geheim/org.yaml: ligt niet onder de map van --alleen-onder" in fout
    assert "data/link.yaml: ligt niet onder de map van --alleen-onder" in fout
    cli.write("geheim/r.csv", "functie,aftrek,van,tot,uren,fte\n")
    cli.write("data/plan.yaml", "functie: X\nbeschikbare_uren: 1631\naftrek: {leren: 50 uur}\n")
    assert "geheim/r.csv: ligt niet onder de map van --alleen-onder" in refused(
        cli, "realisation", "data/plan.yaml", "geheim/r.csv", "--alleen-onder", onder)


# Sizes a stranger's file may have (issue 18, points 4 and 5): made here, too big to keep ---------

REALISATIE_KOP = "functie;aftrek;van;tot;uren;fte\n"
RIJ = "Medewerker uitkeren;leren;1-1-2023;31-12-2023;40;1\n"


def _realisatie(cli, csv: str, **kwargs) -> list[str]:
    cli.write("r.csv", csv)
    return refused(cli, "realisation", CATALOGUS / "_realisatie" / "plan.yaml", "r.csv", **kwargs).splitlines()


def test_hundreds_of_copies_of_one_full_year_row_are_one_problem(cli):
    """One row per employee, as an export has them: every pair was a line (500 rows: 249,500 lines)."""
    assert _realisatie(cli, REALISATIE_KOP + RIJ * 500) == [
        "r.csv:2:1: Uitkeren / Medewerker uitkeren / leren: dezelfde periode 1-1-2023 t/m 31-12-2023 staat op "
        "regels 2, 3, 4 en 497 andere (dubbel geregistreerd?); perioden mogen niet overlappen",
        "1 probleem gevonden; er is niets berekend.",
    ]


def test_thousands_of_invalid_rows_print_100_and_a_count(cli):
    regels = _realisatie(cli, REALISATIE_KOP + RIJ.replace("31-12-2023", "31-13-2023") * 2500)
    assert len(regels) == 102
    assert regels[0] == "r.csv:2:1: tot: '31-13-2023' bestaat niet: er is geen maand 13"
    assert regels[99].startswith("r.csv:101:1: tot:")
    assert regels[100:] == ["en nog 2.400 problemen in r.csv (alleen de eerste 100 staan hierboven)",
                            "2.500 problemen gevonden; er is niets berekend."]


def test_a_header_field_past_the_csv_field_limit_is_an_input_problem(cli):
    """It was read outside the try: exit 3, 'interne fout'."""
    regels = _realisatie(cli, "functie;aftrek;van;tot;uren;fte;" + "x" * 200_000 + "\n" + RIJ)
    assert regels[0] == ("r.csv:1:1: de kopregel: een veld is langer dan 131072 tekens; staat er een "
                         "aanhalingsteken zonder tegenhanger?")


def test_a_header_of_100_000_columns_is_read_in_linear_time(cli):
    """`kop.count` per column made this minutes (40,000 columns took 22 s). Not a speed measurement
    (bench/ does those): only a guard, with ample room, against checking the header in square time."""
    import subprocess
    import sys

    cli.write("r.csv", ";".join(f"k{i}" for i in range(100_000)) + ";functie;functie\n")
    klaar = subprocess.run([sys.executable, "-m", "brutonetto", "realisation", str(CATALOGUS / "_realisatie" / "plan.yaml"),
                            "r.csv"], capture_output=True, text=True, timeout=60, cwd=cli.tmp_path)
    assert klaar.returncode == 1 and klaar.stdout == ""
    assert klaar.stderr.splitlines()[:2] == [
        "r.csv:1:1: de kolom 'functie' staat meer dan eens in de kopregel",
        "r.csv:1:1: de kolommen 'aftrek', 'van', 'tot', 'uren' en 'fte' ontbreken; gevonden: "
        + ", ".join(f"k{i}" for i in range(20)) + " en 99.982 andere (nodig: functie, aftrek, van, tot, uren, fte)",
    ]


AANBODPROFIEL = ("functie: T\nbeschikbare_uren: 1631\ncontactcentrum:\n  interval: 30 min\n  gespreksduur: 180 s\n"
                 "  servicelevel: 80/20\n  aanbod: week.csv\n")


def test_an_aanbod_header_past_the_csv_field_limit_is_an_input_problem(cli):
    cli.write("week.csv", "interval;aanbod;" + "x" * 200_000 + "\nma 08:00;10\n")
    cli.write("p.yaml", AANBODPROFIEL)
    assert ("week.csv:1:1: de kopregel: een veld is langer dan 131072 tekens; staat er een aanhalingsteken "
            "zonder tegenhanger?") in refused(cli, "validate", "p.yaml").splitlines()


def test_an_aanbod_row_past_the_csv_field_limit_is_a_problem_at_its_line(cli):
    cli.write("week.csv", "interval;aanbod\nma 08:00;10\nma 08:30;" + "1" * 200_000 + "\nma 09:00;-1\n")
    cli.write("p.yaml", AANBODPROFIEL)
    regels = refused(cli, "validate", "p.yaml").splitlines()
    assert regels[:2] == [
        "week.csv:3:1: een veld is langer dan 131072 tekens; staat er een aanhalingsteken zonder tegenhanger?",
        "week.csv:4:1: het aanbod van '…' kan niet negatief zijn (gegeven: …)",
    ]


@pytest.mark.parametrize("waarde", ['"it\'s hunter2"', '"x\' hunter2 \'y"', "|\n  line1\n  hunter2\n"])
def test_a_secret_with_an_apostrophe_or_a_line_break_is_not_shown(cli, waarde):
    """A second security probe: the mask found quotes by a pattern, which an apostrophe or a
    line break inside the value escaped; now every word of the referenced file's values is masked."""
    cli.write("geheim.yaml", f"uren_per_week: {waarde}\n")
    cli.write("p.yaml", "standaard: geheim.yaml\nfunctie: A\nfte: 1\n")
    fout = refused(cli, "validate", "p.yaml")
    assert "hunter2" not in fout and "line1" not in fout
    assert fout.startswith("geheim.yaml:1:1: uren_per_week: verwacht een getal, niet '")


@pytest.mark.parametrize("waarde", ["0777", "0x1F4", "0b101", "1:30:00"])
def test_a_referenced_files_number_is_not_shown_derived_either(cli, waarde):
    """A third look: a YAML 1.1 number in a referenced file was masked, but the message gave its
    value ('(511); bedoelt u 777?'): the derived figures leave with the value."""
    cli.write("geheim.yaml", f"beschikbare_uren: {waarde}\n")
    cli.write("p.yaml", "standaard: geheim.yaml\nfunctie: A\nfte: 1\n")
    fout = refused(cli, "validate", "p.yaml").splitlines()[0]
    assert not any(cijfer in fout.split(": ", 1)[1] for cijfer in "123456789"), fout
    assert fout.startswith("geheim.yaml:1:19: '…' leest YAML als een ") and "; schrijf een " in fout
    # in the file the user named, the hint stays whole
    cli.write("eigen.yaml", "functie: A\nfte: 1\nbeschikbare_uren: 0777\n")
    assert "'0777' leest YAML als een octaal getal (511); bedoelt u 777?" in refused(cli, "validate", "eigen.yaml")


def test_a_secret_in_an_aanbod_csv_with_an_apostrophe_is_not_shown(cli):
    cli.write("week.csv", "interval;aanbod\nma 08:00;\"it's SECRET\"\n")
    cli.write("cc.yaml", "functie: Agent\nfte: 1\nbeschikbare_uren: 1500\ncontactcentrum: {interval: 30 min, "
                         "gespreksduur: 300 s, servicelevel: 80/20, aanbod: week.csv}\n")
    fout = refused(cli, "validate", "cc.yaml")
    assert "SECRET" not in fout and "week.csv:2:1: aanbod van '…': verwacht een getal" in fout


def test_warnings_and_long_lines_are_capped_like_problems(cli):
    """A second security probe: 150.000 warnings printed 150.000 lines, a 3 MB value one 3 MB line."""
    cli.write("w.yaml", "functie: A\nbeschikbare_uren: 1631\naftrek:\n" + "".join(f"  a{i}: 0.00001\n" for i in range(300)))
    regels = cli("validate", "w.yaml").stderr.splitlines()
    assert len(regels) == 102 and regels[100] == "en nog 200 waarschuwingen (alleen de eerste 100 staan hierboven)"
    cli.write("l.yaml", f"functie: A\nbeschikbare_uren: 1631\nfte: \"{'x' * 100_000}\"\n")
    regel = refused(cli, "validate", "l.yaml").splitlines()[0]
    # 43 characters before the value, 100.000 x, the closing quote: 100.044, of which 1.000 shown
    assert len(regel) < 1100 and regel.endswith("… (en nog 99.044 tekens)")


ZOEKPROFIEL = ("functie: Adviseur\nfte: 100\nkosten_per_fte: 80000\nbeschikbare_uren: 1600\n"
               "aftrek: {verzuim: 100 uur, leren_en_ontwikkelen: 100 uur}\n"
               "scenarios:\n  meer_leren: {aftrek: {leren_en_ontwikkelen: 240 uur}}\n")


@pytest.mark.parametrize(("args", "code", "bericht"), [
    # a target that cannot be reached: at 0 uur the share is 1500 / 1600 = 93,75%
    (["--doel", "aandeel_direct=99%", "--zoek", "aftrek.leren_en_ontwikkelen"], 1,
     "p.yaml:5:1: aftrek: functie 'Adviseur': aandeel_direct = 99% is niet te halen met aftrek.leren_en_ontwikkelen "
     "vanaf 0; het dichtst bij komt aandeel_direct = 93,75% bij 0 uur"),
    # fields solve cannot vary
    (["--doel", "directe_uren=1300", "--zoek", "functie"], 2, "--zoek 'functie' is geen getal of hoeveelheid"),
    (["--doel", "directe_uren=1300", "--zoek", "standaard"], 2, "--zoek 'standaard' is geen getal of hoeveelheid"),
    (["--doel", "directe_uren=1300", "--zoek", "aftrek"], 2, "--zoek 'aftrek' is een lijst van regels; kies er één"),
    (["--doel", "directe_uren=1300", "--zoek", "aftrek.overleg"], 2, "--zoek onbekende aftrekregel 'overleg'"),
    (["--doel", "directe_uren=1300", "--zoek", "fte"], 1, "functie 'Adviseur': fte verandert directe_uren niet"),
    # targets that are no result, or no value
    (["--doel", "functie=3", "--zoek", "fte"], 2, "--doel onbekende uitkomst 'functie'"),
    (["--doel", "extra_kosten", "--zoek", "fte"], 2, "--doel 'extra_kosten': schrijf UITKOMST=WAARDE"),
    (["--doel", "aandeel_direct=140%", "--zoek", "fte"], 2, "--doel aandeel_direct: een aandeel ligt boven 0"),
    (["--doel", "extra_kosten=veel", "--zoek", "fte"], 2, "--doel 'veel' is geen bedrag"),
    (["--doel", "extra_fte=1", "--zoek", "fte", "--totaal", "--functie", "Adviseur"], 2, "--totaal zoekt één waarde"),
])
def test_solve_refuses_what_it_cannot_answer(cli, args, code, bericht):
    cli.write("p.yaml", ZOEKPROFIEL)
    fout = refused(cli, "solve", "p.yaml", *args, code=code)
    assert bericht in fout, fout


@pytest.mark.parametrize("standaard", [
    "&r\nbeschikbare_uren: 1631\nscenarios: {s: *r}\n",  # an alias inside its own anchor
    "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{c}: &{c} [{','.join(['*' + chr(ord(c) - 1)] * 9)}]\n" for c in "bcdefghi") + "beschikbare_uren: 1631\n",
])
def test_a_referenced_file_of_aliases_is_refused_at_once(cli, standaard):
    """A third probe: the mask of a referenced file walked its aliases for ever (a cycle: 5 GB after
    25 minutes; a billion laughs: 530 MB after a minute). Each node is visited once now."""
    cli.write("std.yaml", standaard)
    cli.write("p.yaml", "functie: F\nfte: 1\nstandaard: std.yaml\n")
    fout = refused(cli, "validate", "p.yaml")
    assert fout.startswith("std.yaml:") and "Recursion" not in fout


def test_a_path_too_long_for_the_system_is_an_input_problem(cli):
    """A third probe: a 5.000-character name gave 'interne fout: File name too long' (exit 3)."""
    naam = "a" * 5000 + ".yaml"
    for args in (["compute", naam], ["compute", naam, "--alleen-onder", "."]):
        assert refused(cli, *args).endswith("1 probleem gevonden; er is niets berekend.\n")  # the name, cut at 1.000
    import brutonetto

    assert "kan het bestand niet lezen" in brutonetto.compute([naam]).problemen[0].bericht


def test_what_is_opened_is_checked_not_only_what_was_named(tmp_path):
    """A third probe swapped a checked file for a link out of --alleen-onder, or for a pipe, between the
    check and the open. Now the file opened is checked: a regular file, no link when reached by
    reference, under the folder."""
    import os

    from brutonetto.input.source import Onleesbaar, lees_bytes

    map_ = tmp_path / "map"
    map_.mkdir()
    (tmp_path / "geheim.yaml").write_text("beschikbare_uren: 1111\n", encoding="utf-8")
    (map_ / "s.yaml").symlink_to(tmp_path / "geheim.yaml")
    with pytest.raises(OSError):  # a reference's links were resolved by verwijzing: a link now is a swap
        lees_bytes(map_ / "s.yaml", map_, verwezen=True)
    with pytest.raises(Onleesbaar, match="niet onder de map"):  # a file given outright, opened outside the folder
        lees_bytes(map_ / "s.yaml", map_)
    os.mkfifo(map_ / "pijp.yaml")
    with pytest.raises(Onleesbaar, match="geen gewoon bestand"):  # no hang on a pipe
        lees_bytes(map_ / "pijp.yaml", map_)


def test_an_aanbod_csv_is_bounded_like_every_file(cli, monkeypatch):
    """A third probe: a 3 GB aanbod CSV ran out of memory (exit 3); 32 MB took 49 s and 1,5 GB."""
    import brutonetto.input.contactcentrum as cc
    import brutonetto.input.source as source

    for module in (source, cc):  # BRUTONETTO_MAX_MB=1, as read at start-up
        monkeypatch.setattr(module, "MAX_BYTES", 1024 * 1024)
    cli.write("week.csv", "interval;aanbod\n" + "ma 08:00;1\n" * 200_000)
    cli.write("p.yaml", AANBODPROFIEL)
    assert "week.csv: het bestand is groter dan 1 MB" in refused(cli, "validate", "p.yaml")


def test_lines_times_scenarios_are_bounded(cli, monkeypatch):
    """A third probe: 30.000 aftrek lines x 300 scenarios (a 478 kB file) ran for minutes."""
    from brutonetto.engine import records

    monkeypatch.setattr(records, "MAX_REKENREGELS", 1000)
    cli.write("p.yaml", "functie: X\nfte: 1\nbeschikbare_uren: 1600\naftrek:\n"
              + "".join(f"  a{i}: 1 uur\n" for i in range(100))
              + "scenarios:\n" + "".join(f"  s{j}: {{aftrek: {{a{j}: 2 uur}}}}\n" for j in range(20)))
    # 21 profiles x (100 lines + 1) = 2.121 > 1.000
    assert ("p.yaml: deze bestanden geven 2.121 aftrek- en verlofregels om te rekenen (regels x scenario's); "
            "hoogstens 1.000 in één run") in refused(cli, "compute", "p.yaml")


def test_a_link_in_a_folder_to_a_file_outside_it_is_not_read(cli, tmp_path):
    """A third probe: `team/pw.yaml -> /etc/passwd` in a folder given as PATH printed the passwd file."""
    (tmp_path / "geheim.yml").write_text("fte: hunter2-password\n", encoding="utf-8")
    cli.write("team/a.yaml", "functie: A\nbeschikbare_uren: 1600\nfte: 1\n")
    (tmp_path / "team" / "zz.yaml").symlink_to(tmp_path / "geheim.yml")
    (tmp_path / "team" / "b.yaml").symlink_to(tmp_path / "team" / "a.yaml")  # a link inside the folder is fine
    fout = refused(cli, "validate", "team")
    assert "hunter2" not in fout
    assert fout.splitlines()[0] == ("team/zz.yaml: is een koppeling naar een bestand buiten de map; wordt niet gelezen "
                                    "(geef het bestand zelf als PAD als u het wilt lezen)")


@pytest.mark.parametrize(("waarde", "geheim"), [("1.631", "631"), ("'7.654'", "654"), ("9876543", "9876543"),
                                                ("'5 procent'", "5")])
def test_a_number_derived_from_a_referenced_value_is_not_shown_either(cli, waarde, geheim):
    """A third probe: '1.631' came back as 'leest als 1,631 uur; bedoelt u 1631?', '5 procent' as
    "bedoelt u '5%'?": the value in other words. A number whose digits stand in the file is masked."""
    veld = "aftrek: {verzuim: " + waarde + "}" if "procent" in waarde else f"beschikbare_uren: {waarde}"
    cli.write("geheim.yaml", veld + "\n")
    cli.write("p.yaml", "standaard: geheim.yaml\nfunctie: A\nfte: 1\n")
    fout = refused(cli, "validate", "p.yaml").splitlines()[0].split(": ", 1)[1]
    assert geheim not in fout, fout


def test_what_the_fourth_probe_found(cli, tmp_path, monkeypatch):
    """A week of 2.016 intervals at 9 million Erlang each took 22 minutes; a kalender budget of 135 years
    x 40.800 records ran out of memory; a million-digit quantity and 1_0 (YAML 1.1: 10)."""
    cli.write("week.csv", "interval;aanbod\n" + "".join(f"y{i};{900000 + i}\n" for i in range(30)))
    fout = refused(cli, "erlang", "--aanbod", "week.csv", "--interval", "5min", "--gespreksduur", "3000s",
                   "--servicelevel", "80/20", code=2)
    assert "het verkeer van de hele week is" in fout and "meer dan de rekengrens van 10.000.000 Erlang" in fout
    cli.write("ovf.yaml", 'functie: X\nbeschikbare_uren: 1631\naftrek: {a: "' + "1" * 1_100_000 + ' uur"}\n')
    assert "is onwaarschijnlijk groot" in refused(cli, "validate", "ovf.yaml")
    cli.write("us.yaml", "functie: X\nbeschikbare_uren: 1631\nfte: 1_0\n")
    assert "us.yaml:3:6: '1_0' leest YAML als een getal met _ tussen de cijfers (10); bedoelt u 10?" in refused(
        cli, "validate", "us.yaml")
    from brutonetto.engine import records

    monkeypatch.setattr(records, "MAX_REGELS", 9)
    cli.write("mj.yaml", "meerjaren: {scenario: meer, financiering: {2026: 1 mln, 2030: 1 mln}}\n"
                         "functie: A\nuren_per_week: 36\nfte: 10\nkosten_per_fte: 80000\nkalender: {jaar: 2026}\n"
                         "verlof: {feestdagen: kalender}\naftrek: {leren: 100 uur}\nscenarios:\n  meer: {aftrek: {leren: 140 uur}}\n")
    assert "met een kalender rekent elk jaar de functies opnieuw: 5 jaren x 2 regels is meer dan 9" in refused(
        cli, "budget", "mj.yaml")


def test_no_temporary_file_at_all_is_no_internal_error(tmp_path):
    """A fourth probe: `ulimit -f 0` left tempfile no usable directory: 'interne fout' (exit 3)."""
    import resource
    import subprocess
    import sys

    (tmp_path / "p.yaml").write_text("functie: X\nbeschikbare_uren: 1631\nfte: 1\n", encoding="utf-8")
    with open(tmp_path / "uit.json", "w") as uit:
        run = subprocess.run([sys.executable, "-m", "brutonetto", "compute", "p.yaml", "-f", "json"], cwd=tmp_path,
                             stdout=uit, stderr=subprocess.PIPE, timeout=120,
                             env={"PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"), "PATH": ""},
                             preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0)))
    assert run.returncode == 1 and "interne fout" not in run.stderr.decode()
