"""A unit file is read, computed and written functie by functie (issue 18, point 8).

No timing: the structure is checked. The writer gets the first functie's records before
the last functie is even parsed; the streamed output equals the whole-list output byte for
byte; and whatever the stream does not take on itself falls back to the whole list, with
every problem reported and no output written.
"""

from __future__ import annotations

import sys

import pytest

from conftest import EXAMPLES, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


def test_the_first_records_are_out_before_the_last_functie_is_parsed(tmp_path, monkeypatch):
    from brutonetto.engine import records
    from brutonetto.input import loader, source
    from brutonetto.input.loader import Stroom

    pad = tmp_path / "groot.yaml"
    pad.write_text(generate(300), encoding="utf-8")
    gelezen = []
    echt = source.parse_functie

    def tel(deel, *args):
        gelezen.append(1)
        return echt(deel, *args)

    monkeypatch.setattr(source, "parse_functie", tel)
    stroom, rapport = Stroom([str(pad)]), records.Rapport()
    uit = records.stroom(stroom.functies(), rapport)
    eerste = next(uit)
    assert (eerste.functie, len(gelezen)) == ("Functie 00000", 1)
    rest = list(uit)
    assert len(gelezen) == 300 and not stroom.terug and not rapport.terug
    assert rest[-1].functie == "Functie 00299"
    assert loader  # the module the stream lives in


@pytest.mark.parametrize("formaat", ["json", "jsonl", "csv"])
def test_the_stream_writes_what_the_whole_list_writes(cli, tmp_path, monkeypatch, formaat):
    """Byte for byte, for the batch file and every example (some stream, some need the whole list)."""
    from brutonetto.api import werk

    pad = cli.write("groot.yaml", generate(500))
    for bestand in (pad, *sorted(EXAMPLES.glob("*.yaml"))):
        gestroomd, geheel = tmp_path / f"s.{formaat}", tmp_path / f"g.{formaat}"
        cli("compute", bestand, "--format", formaat, "--csv-dialect", "nl", "--output", gestroomd)
        with monkeypatch.context() as m:
            m.setattr(werk, "compute_stroom", lambda *args: None)
            cli("compute", bestand, "--format", formaat, "--csv-dialect", "nl", "--output", geheel)
        assert gestroomd.read_bytes() == geheel.read_bytes(), bestand


def test_the_batch_file_streams(cli, monkeypatch):
    from brutonetto.api import werk

    echt, gestroomd = werk.compute_stroom, []
    monkeypatch.setattr(werk, "compute_stroom", lambda *args: gestroomd.append(echt(*args)) or gestroomd[-1])
    cli("compute", cli.write("groot.yaml", generate(200)), "--format", "json")
    assert len(gestroomd) == 1 and gestroomd[0] is not None


def test_a_problem_in_the_last_functie_refuses_the_whole_file(cli, tmp_path):
    """The stream has written most of the file by then: into a temporary file that is dropped;
    the whole-list load reports the problem at its line, and --output keeps what it had."""
    tekst = generate(400).replace("fte: ", "fte: veel", 1)  # the first functie: refused
    laatste = generate(400).rsplit("  - functie:", 1)
    slecht = laatste[0] + "  - functie:" + laatste[1].replace("kosten_per_fte:", "kosten_per_ft:", 1)
    for inhoud in (tekst, slecht):
        pad = cli.write("groot.yaml", inhoud)
        doel = tmp_path / "uit.json"
        doel.write_text("oud", encoding="utf-8")
        result = cli("compute", pad, "--format", "json", "--output", str(doel), code=1)
        assert "groot.yaml:" in result.stderr and "er is niets berekend" in result.stderr
        assert doel.read_text(encoding="utf-8") == "oud"
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_memory_does_not_grow_with_the_number_of_functies(tmp_path, monkeypatch):
    """tracemalloc's peak over a stream of 1,000 and of 5,000 functies, the garbage collector off
    as the command line has it: the memory a functie adds is a small fraction of what the
    whole-list path needed."""
    import gc
    import tracemalloc

    from brutonetto.engine import records
    from brutonetto.input.loader import Stroom
    from brutonetto.output.formaten import schrijf_stroom

    def piek(aantal: int) -> int:
        pad = tmp_path / f"f{aantal}.yaml"
        pad.write_text(generate(aantal), encoding="utf-8")
        uit = open(tmp_path / "uit.json", "w", encoding="utf-8")
        gc.disable()  # as the command line runs: a cycle left per functie would pile up
        tracemalloc.start()
        try:
            stroom, rapport = Stroom([str(pad)]), records.Rapport()
            schrijf_stroom(records.stroom(stroom.functies(), rapport), "json", uit)
            assert not (stroom.terug or rapport.terug)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            gc.enable()
            uit.close()

    # the texts of written numbers are a cache of up to 131.072 entries (notation._GESCHREVEN):
    # bounded, but it fills for longer than these files are long; here it holds 1.000
    import brutonetto.notation

    monkeypatch.setattr(brutonetto.notation, "_GESCHREVEN_MAX", 1_000)
    brutonetto.notation._GESCHREVEN.clear()
    piek(2_000)  # what fills once (caches, first calls) fills here
    klein, groot = piek(1_000), piek(5_000)
    # what still grows is the file's text and a few numbers a functie (names, what a ratio role
    # reads): some 1,5 kB a functie here; the whole-list path held about 16 kB a functie
    assert (groot - klein) / 4_000 < 2_500, (klein, groot)


def test_a_streamed_file_warns_of_fraction_looking_hours_too(cli):
    """The stream takes its warnings per functie, as `load` does for the whole file."""
    cli.write("u.yaml", "eenheid: X\nstandaard: {beschikbare_uren: 1631}\nfuncties:\n"
                        "  - {functie: A, fte: 1, aftrek: {verzuim: 0.057}}\n  - {functie: B, fte: 2}\n")
    uitkomst = cli("compute", "u.yaml", "--format", "json", "--output", "u.json")
    assert "waarschuwing: u.yaml:4: aftrek.verzuim: 0,057 uur: bedoelt u 5,7%?" in uitkomst.stderr
