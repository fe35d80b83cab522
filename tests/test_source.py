"""The YAML reader builds exactly what PyYAML's safe loader builds, only faster.

`source._Lader` walks the node tree itself for the plain kinds profiles are made of and
leaves everything else to PyYAML; these documents cross that line both ways.
"""

from __future__ import annotations

import math

import pytest
import yaml

from brutonetto.input.source import Bron, parse

DOCUMENTEN = {
    "gewoon": "a: 1\nb: [1.5, '5,7%', 5,7%, true, ~, 1 uur/week]\nc: {procent: 4, van: bruto}\n",
    "getallen": "a: [0o17, -5, +7, 0, -0, 1e3, .inf, -.Inf, 0.5, '010']\n",
    "waarheden": "a: [yes, No, on, OFF, true, False, y, n, null, Null, '']\nb:\n",
    "merge": "a: &x {p: 1, q: 2}\nb:\n  <<: *x\n  q: 3\n",
    "merge-lijst": "a: &x {p: 1}\nc: &y {r: 2}\nb:\n  <<: [*x, *y]\n  q: 3\n",
    "alias": "a: &x {p: [1, 2]}\nb: *x\nc: [*x, *x]\nd: &s tekst\ne: *s\n",
    "tags": "a: !!str 12\nb: !!int '12'\nc: !!float 1\nd: 2023-01-01\ne: !!binary aGVsbG8=\nf: !!omap [{x: 1}]\n",
    "zelfde-waarde-andere-tekst": "1: a\n1.0: b\n+1: c\ntrue: d\n",
    "samengestelde-sleutel": "? [1, 2]\n: a\n",
}


@pytest.mark.parametrize("naam", DOCUMENTEN)
def test_the_reader_builds_what_pyyaml_builds(naam):
    tekst = DOCUMENTEN[naam]
    verwacht = yaml.load(tekst, Loader=yaml.SafeLoader) if naam != "samengestelde-sleutel" else None
    data, fout = parse(Bron("x.yaml", tekst))
    if naam == "samengestelde-sleutel":
        assert data is None and "unhashable" in fout.bericht
        return
    assert fout is None
    assert repr(data) == repr(verwacht)


@pytest.mark.parametrize(("tekst", "bericht"), [
    ("a: [1, 017]", "'017' leest YAML als een octaal getal (15); bedoelt u 17?"),
    ("a: -010", "'-010' leest YAML als een octaal getal (-8); bedoelt u -10?"),
    ("a: 0x1F", "'0x1F' leest YAML als een hexadecimaal getal (31); bedoelt u 31?"),
    ("a: 0b101", "'0b101' leest YAML als een binair getal (5); bedoelt u 101?"),
    ("a: 1:30", "'1:30' leest YAML als een getal in het zestigtallig stelsel (90)"),
    ("a: 190:20:30.15", "'190:20:30.15' leest YAML als een getal in het zestigtallig stelsel (685230,15)"),
    ("1:30: a", "'1:30' leest YAML als een getal in het zestigtallig stelsel (90)"),
])
def test_yaml_1_1_number_forms_are_refused_where_they_are_written(tekst, bericht):
    """YAML 1.1 reads these as numbers nobody writing an fte or hours means."""
    data, fout = parse(Bron("x.yaml", "b: 1\n" + tekst + "\n"))
    assert data is None and fout.bericht.startswith(bericht) and fout.regel == 2


def test_an_alias_is_the_same_object_as_its_anchor_and_nan_stays_nan():
    data, _ = parse(Bron("x.yaml", "a: &x {p: [1]}\nb: *x\nc: .nan\n"))
    assert data["a"] is data["b"]
    assert math.isnan(data["c"])


def test_an_alias_inside_its_own_anchor_builds_as_pyyaml_builds_it():
    data, fout = parse(Bron("x.yaml", "a: &x {p: *x}\n"))
    assert fout is None and data["a"]["p"] is data["a"]


@pytest.mark.parametrize("tekst", ["a: 1\na: 2\n", "x: {b: 1, 'b': 2}\n", "- {p: 1, q: {r: 1, r: 2}}\n"])
def test_a_key_written_twice_is_still_refused_where_it_is_written(tekst):
    _, fout = parse(Bron("x.yaml", tekst))
    assert fout is not None and "staat twee keer in dezelfde mapping" in fout.bericht
    assert fout.regel is not None


def test_a_key_two_merged_mappings_both_give_is_refused_one_merge_still_works():
    """`<<: [*a, *b]` with fte in both: YAML takes the first, PyYAML took the last (7, not 5)."""
    _, fout = parse(Bron("x.yaml", "a: &a {fte: 5}\nb: &b {fte: 7}\nc:\n  <<: [*a, *b]\n"))
    assert (fout.regel, fout.bericht) == (2, "de sleutel 'fte' staat in twee mappings die << samenvoegt (regel 1 en 2); "
                                             "welke telt is niet te zien: zet hem in één ervan, of direct in deze mapping")
    data, fout = parse(Bron("x.yaml", "a: &a {fte: 5, uur: 3}\nc:\n  <<: [*a, {kosten: 1}]\n  fte: 6\n"))
    assert fout is None and data["c"] == {"fte": 6, "uur": 3, "kosten": 1}  # a key written here overrides the merge


@pytest.mark.parametrize("aan", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_found_it_even_on_bad_input(tmp_path, aan):
    import gc

    from brutonetto.input.loader import load

    (tmp_path / "p.yaml").write_text("functie: A\nbeschikbare_uren: 1631\naftrek: {x: 5 procent}\n", encoding="utf-8")
    was = gc.isenabled()
    try:
        gc.enable() if aan else gc.disable()
        lading = load([str(tmp_path / "p.yaml"), str(tmp_path / "ontbreekt.yaml")])
        assert gc.isenabled() is aan
        assert len(lading.fouten) == 2
    finally:
        gc.enable() if was else gc.disable()


def test_two_merge_keys_in_one_mapping_are_refused():
    """A third probe: `<<: {b: 1631}` and `<<: {b: 1500}` in one mapping computed 1500 silently."""
    _, fout = parse(Bron("x.yaml", "c:\n  <<: {b: 1631}\n  <<: {b: 1500}\n"))
    assert (fout.regel, fout.bericht) == (3, "de sleutel '<<' staat twee keer in dezelfde mapping (ook op regel 2); "
                                             "voeg samen met één: <<: [*a, *b]")


def test_yaml_1_1_digit_separators_are_refused_where_they_are_written():
    """A fourth probe: `fte: 1_0` computed as 10 (YAML 1.1 drops an underscore between digits)."""
    for tekst, bericht in (("a: 1_000\n", "'1_000' leest YAML als een getal met _ tussen de cijfers (1000); bedoelt u 1000?"),
                           ("a: 1_000.5\n", "'1_000.5' leest YAML als een getal met _ tussen de cijfers (1000,5); bedoelt u 1000.5?")):
        data, fout = parse(Bron("x.yaml", tekst))
        assert data is None and fout.bericht.startswith(bericht), fout.bericht
