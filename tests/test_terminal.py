"""Names from someone else's file reach the terminal shown, never obeyed (issue 18, point 2).

A functie, eenheid, scenario, aftrek or product named with escape sequences would clear
the screen, retitle the window or hide a line if printed as it is; a name that looks like
Rich markup must print as written. JSON and CSV keep every name exactly.
"""

from __future__ import annotations

import io
import json
import re

import pytest

import brutonetto.cli.uitvoer
from brutonetto.output.terminal import console, zichtbaar

WISSER = "A\x1b[2J\x1b]0;PWN\x07"  # clear the screen, retitle the window, ring the bell
TERUG = "Jurist\rBaas"  # a carriage return that overwrites what the line said
VET = "[bold]x[/]"
LINK = "[link=file:///etc/passwd]a[/link]"
NAMEN = (WISSER, TERUG, VET, LINK)
STUURTEKENS = ("\x1b", "\x07", "\r", "\x9b")


def test_control_characters_are_shown_letters_are_not():
    assert zichtbaar(WISSER) == "A␛[2J␛]0;PWN␇"
    assert zichtbaar("a\tb\nc\x7fd\x00") == "a␉b␊c␡d␀"
    assert zichtbaar("x\x9b2J") == "x\\x9b2J"  # C1: a terminal may read U+009B as ESC [
    assert zichtbaar("abc\u202edcba") == "abc\\u202edcba"  # a bidi override reorders what follows
    assert zichtbaar("Coördinator é ß €") == "Coördinator é ß €"
    assert zichtbaar(VET) == VET
    assert zichtbaar(zichtbaar(WISSER)) == zichtbaar(WISSER)


def _eenheid(cli) -> None:
    cli.write("e.yaml", f"""\
        eenheid: {json.dumps(LINK)}
        scenarios:
          {json.dumps(WISSER)}: {{aftrek: {{{json.dumps(VET)}: 40 uur}}}}
        functies:
          - functie: {json.dumps(WISSER)}
            fte: 10
            beschikbare_uren: 1631
            aftrek: {{{json.dumps(TERUG)}: 100 uur}}
          - functie: {json.dumps(VET)}
            fte: 5
            producten:
              {json.dumps(WISSER)}: {{volume: 1000, normtijd: 1 uur}}
            beschikbare_uren: 1631
    """)


def _schoon(tekst: str) -> None:
    """No control character but the colours Rich styles with (ESC [ ... m, never in our names)."""
    tekst = re.sub(r"\x1b\[[0-9;]*m", "", tekst)
    for teken in STUURTEKENS:
        assert teken not in tekst, repr(tekst)


@pytest.mark.parametrize("breedte", [None, 200, 60], ids=["pijp", "terminal", "smalle-terminal"])
def test_the_table_shows_names_as_written_without_their_controls(cli, monkeypatch, breedte):
    _eenheid(cli)
    if breedte is not None:
        monkeypatch.setattr(brutonetto.cli.uitvoer, "terminalbreedte", lambda uit: breedte)
    uit = cli("compute", "e.yaml").stdout
    _schoon(uit)
    assert "A␛[2J␛]0;PWN␇" in uit
    if breedte != 60:  # the narrow layout leaves out columns, not names
        assert "[bold]x[/]" in uit and "[link=file:///etc/passwd]a[/link]" in uit
    assert "\x1b[1m" + "x" not in uit  # markup is not read: no bold x
    # JSON and CSV keep every name exactly
    records = cli.json("compute", "e.yaml")
    assert {r["functie"] for r in records} == {WISSER, VET}
    assert {r["scenario"] for r in records} == {"basis", WISSER}
    assert records[0]["eenheid"] == LINK and TERUG in records[0]["aftrek"]
    csv = cli("compute", "e.yaml", "--format", "csv").stdout
    if breedte is None:  # in a terminal CSV shows them too (test below)
        assert WISSER in csv and f"aftrek.{TERUG}" in csv


def test_explain_shows_names_as_written_without_their_controls(cli, monkeypatch):
    _eenheid(cli)
    uit = cli("explain", "e.yaml").stdout
    _schoon(uit)
    assert "Rekenblad: A␛[2J␛]0;PWN␇ · [link=file:///etc/passwd]a[/link] · scenario basis" in uit
    assert "aftrek: Jurist␍Baas" in uit and "aftrek: [bold]x[/]" in uit
    assert "producten: A␛[2J␛]0;PWN␇" in uit
    monkeypatch.setattr(brutonetto.cli.uitvoer, "terminalbreedte", lambda uit: 70)  # folded, styled
    uit = cli("explain", "e.yaml").stdout
    _schoon(uit)
    assert "A␛[2J␛]0;PWN␇" in uit and "[link=file:///etc/passwd]a[/link]" in uit


def test_messages_on_stderr_show_names_without_their_controls(cli):
    _eenheid(cli)
    fout = cli("compute", "e.yaml", "--scenario", "geen", code=2).stderr
    _schoon(fout)
    assert "in deze bestanden staan: basis, A␛[2J␛]0;PWN␇" in fout
    # a name with a line break cannot forge a line of its own
    cli.write("n.yaml", 'functie: X\nbeschikbare_uren: 1631\nscenarios: {"a\\nfout: alles kwijt": {fte: 1}}\n')
    fout = cli("compute", "n.yaml", "--scenario", "geen", code=2).stderr
    assert "in deze bestanden staan: basis, a␊fout: alles kwijt" in fout
    assert not any(regel.startswith("fout: alles") for regel in fout.splitlines())


def test_every_styled_output_prints_through_the_one_console_that_reads_no_markup():
    """Rich markup in a name (`[link=file:///etc/passwd]a[/link]`) is never read: the only
    console we make has markup, emoji and highlighting off, so no name needs escaping."""
    from conftest import ROOT

    makers = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "src").rglob("*.py") if "Console(" in p.read_text())
    assert makers == ["src/brutonetto/output/terminal.py"]
    scherm = console(io.StringIO())
    assert (scherm._markup, scherm._emoji, scherm._highlight) == (False, False, False)


def test_chart_labels_show_names_and_a_dollar_is_no_formula(cli):
    pytest.importorskip("matplotlib")
    naam = json.dumps("A$\\frac$ " + WISSER)
    cli.write("g.yaml", f"functie: {naam}\nbeschikbare_uren: 1631\nfte: 1\n")
    resultaat = cli("chart", "g.yaml", "--output", "g.svg")
    assert "Glyph" not in resultaat.stderr
    svg = (cli.tmp_path / "g.svg").read_text(encoding="utf-8")
    _schoon(svg)
    assert "A$\\frac$ A␛[2J␛]0;PWN␇" in svg


def test_json_escapes_del_and_c1_controls_and_keeps_the_name_exactly(cli):
    """json escapes C0 but leaves DEL and C1 (U+009B, CSI to some terminals) raw."""
    naam = "Jurist\x9b2J\x7f\x85x"
    cli.write("c1.yaml", f"functie: {json.dumps(naam)}\nbeschikbare_uren: 1631\nfte: 1\n")
    for formaat in ("json", "jsonl"):
        uit = cli("compute", "c1.yaml", "--format", formaat).stdout
        _schoon(uit)
        assert "\x7f" not in uit and "\x85" not in uit
        assert '"Jurist\\u009b2J\\u007f\\u0085x"' in uit
        assert json.loads(uit.splitlines()[0] if formaat == "jsonl" else uit)
    assert [r["functie"] for r in cli.json("compute", "c1.yaml")] == [naam]
    assert json.loads(cli("explain", "c1.yaml", "--format", "json").stdout)[0]["functie"] == naam


def test_csv_in_a_terminal_shows_names_and_a_pipe_keeps_them_exact(cli, monkeypatch):
    """`--format csv` without --output: a name must not clear the screen there either."""
    _eenheid(cli)
    gepijpt = cli("compute", "e.yaml", "--format", "csv").stdout
    assert WISSER in gepijpt  # a file or a pipe: exact
    monkeypatch.setattr(brutonetto.cli.uitvoer, "terminalbreedte", lambda uit: 200)
    getoond = cli("compute", "e.yaml", "--format", "csv").stdout
    _schoon(getoond)
    assert "A␛[2J␛]0;PWN␇" in getoond and "Jurist␍Baas" in getoond
    assert getoond.count("\r\n") == gepijpt.count("\r\n")  # the rows stay rows


def test_columns_zero_does_not_make_the_console_print_nothing(monkeypatch):
    """A second security probe: COLUMNS=0 in a terminal gave an empty table (Rich read it as width 0)."""
    monkeypatch.setenv("COLUMNS", "0")
    uit = io.StringIO()
    console(uit).print("Jurist  1.631,0")
    assert "Jurist  1.631,0" in uit.getvalue()


def test_invisible_marks_that_move_or_hide_text_are_shown(cli):
    """A third probe: the direction marks, zero-width characters, line separators and BOM reached the
    terminal raw (the table, explain), and JSON printed U+202E as it is."""
    from brutonetto.output.terminal import zichtbaar

    for teken in ("\u200e", "\u200f", "\u061c", "\u200b", "\u200d", "\u2028", "\u2029", "\ufeff", "\u202e", "\u2067"):
        assert teken not in zichtbaar(f"a{teken}b") and f"\\u{ord(teken):04x}" in zichtbaar(f"a{teken}b")
    cli.write("p.yaml", 'functie: "Adv\u202eiseur\u200b"\nbeschikbare_uren: 1631\nfte: 1\n')
    for args in (("compute", "p.yaml"), ("explain", "p.yaml"), ("compute", "p.yaml", "-f", "json")):
        uit = cli(*args).stdout
        assert "\u202e" not in uit and "\u200b" not in uit, args
    import json

    assert json.loads(cli("compute", "p.yaml", "-f", "json").stdout)[0]["functie"] == "Adv\u202eiseur\u200b"


def test_every_invisible_format_character_is_shown_and_escaped():
    """A fourth probe: 152 format characters (U+2060, the tag block U+E0000 that hides ASCII text, ...)
    reached the terminal raw. Every Unicode Cf character is shown now, and escaped (exactly) in JSON."""
    import json
    import unicodedata

    from brutonetto.output.render import _json_tekst
    from brutonetto.output.terminal import zichtbaar

    alle = "".join(chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf")
    assert not any(unicodedata.category(c) == "Cf" for c in zichtbaar(alle))
    assert not any(unicodedata.category(c) == "Cf" for c in _json_tekst(alle)) and json.loads(_json_tekst(alle)) == alle
