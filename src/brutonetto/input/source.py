"""Reading input: paths to files, files to text, text to plain YAML data, and paths back to lines.

The fast path parses with libyaml (CSafeLoader) into plain data without line marks; only
when there is a problem to report does `Bron.plaats` compose the document again to find
the line and column of a field path. Only the safe YAML subset is ever constructed: no
tags are executed, duplicate keys are refused instead of silently keeping the last one.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

import yaml

from brutonetto.errors import Fout, Pad
from brutonetto.input.hoeveelheid import Geschreven

_Basis: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STDIN = "-"
STDIN_NAAM = "<stdin>"
# A 10,000-functie unit file is about 2.3 MB; the bound keeps any input to a few seconds.
def _max_bytes() -> int:
    try:
        return int(float(os.environ.get("BRUTONETTO_MAX_MB", "4")) * 1024 * 1024)
    except ValueError:
        return 4 * 1024 * 1024


MAX_BYTES = _max_bytes()
MAX_DIEPTE = 100  # the format needs 8 levels; libyaml crashes on some tens of thousands
# values in one file, aliases expanded: a 10,000-functie file holds about 400,000
MAX_WAARDEN = MAX_BYTES // 8
YAML_EXTENSIES = (".yaml", ".yml")
FORMATIE_EXTENSIES = (".xlsx", ".csv")  # the formatie as a spreadsheet (input/formatie.py)


class _Geweigerd(yaml.MarkedYAMLError):
    """YAML the loader refuses itself, with a Dutch message (`problem`) at its place."""


class _DubbeleSleutel(_Geweigerd):
    pass


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
# plain values whose construction depends on their text alone (so the result can be kept)
_WAARDETAGS = ("tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode


_DUIZENDTAL = re.compile(r"[+-]?\d{1,3}\.\d{3}")


def _float(lader: Any, node: Any) -> float:
    """A YAML float; one written like `120.000` keeps its text (`quantity.Geschreven`)."""
    if _DUIZENDTAL.fullmatch(node.value):
        return Geschreven(node.value)
    waarde = lader.construct_yaml_float(node)
    if "_" in node.value:  # YAML 1.1 drops an underscore between digits: 1_000.5 is 1000.5
        _weiger_yaml11(node, "een getal met _ tussen de cijfers", str(waarde).replace(".", ","),
                       node.value.replace("_", ""))
    if ":" in node.value:
        _weiger_yaml11(node, "een getal in het zestigtallig stelsel", str(waarde).replace(".", ","), None)
    return waarde


# YAML 1.1 (PyYAML's) reads 010 as 8, 0x3E8 as 1000, 0b101 as 5 and 27:11 as 27 x 60 + 11:
# nobody writing an fte or hours means that, so these forms are refused with a hint
def _zonder_voorloopnul(tekst: str) -> str:
    teken = tekst[0] if tekst[0] in "+-" else ""
    return teken + (tekst.lstrip("+-").lstrip("0_") or "0")


_YAML11_INT = (
    (re.compile(r"[-+]?0b[01_]+"), "een binair getal", lambda tekst: tekst.replace("0b", "", 1)),
    (re.compile(r"[-+]?0x[0-9a-fA-F_]+"), "een hexadecimaal getal", None),
    (re.compile(r"[-+]?0[0-7_]+"), "een octaal getal", _zonder_voorloopnul),
    (re.compile(r"[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"), "een getal in het zestigtallig stelsel", None),
)


def _int(lader: Any, node: Any) -> int:
    waarde = lader.construct_yaml_int(node)
    if "_" in node.value:  # YAML 1.1 drops an underscore between digits: 1_0 is 10
        _weiger_yaml11(node, "een getal met _ tussen de cijfers", str(waarde), str(waarde))
    for vorm, soort, bedoeld in _YAML11_INT:
        if vorm.fullmatch(node.value):
            _weiger_yaml11(node, soort, str(waarde), bedoeld(node.value) if bedoeld else None)
    return waarde


def _weiger_yaml11(node: Any, soort: str, waarde: str, bedoeld: str | None) -> None:
    if soort == "een getal in het zestigtallig stelsel":
        hint = "schrijf een gewoon getal, of zet tekst tussen aanhalingstekens"
    elif soort == "een octaal getal":
        hint = f"bedoelt u {bedoeld}? Schrijf een getal zonder voorloopnul"
    else:
        hint = f"bedoelt u {bedoeld or waarde}? Schrijf een gewoon getal"
    raise _Geweigerd(problem=f"'{node.value}' leest YAML als {soort} ({waarde}); {hint}", problem_mark=node.start_mark)


class _Langzaam(Exception):
    """The fast construction met something it leaves to PyYAML's own constructor."""


class _Lader(_Basis):  # type: ignore[misc, valid-type]
    """The safe loader, refusing a key written twice in one mapping.

    Three speed-ups keep it at or under the libyaml floor. A plain scalar's tag depends
    only on its text, so resolving is cached per document. The document is built by a
    direct walk of the node tree for what profiles are made of (mappings with plain keys,
    lists, text, numbers, booleans, null), each number's text converted once; a key
    written twice shows there as a mapping shorter than its pairs. Anything else (merge
    keys, tags, a duplicate, an alias into itself) and any error is left to PyYAML's
    constructor from the start, with the duplicate check below: the same data, the same
    errors, only slower.
    """

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self._tags: dict[str, str] = {}
        self._waarden: dict[str, dict[str, Any]] = {tag: {} for tag in _WAARDETAGS}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is _SCALAR:
            if implicit[0]:
                tag = self._tags.get(value)
                if tag is None:
                    tag = self._tags[value] = super().resolve(kind, value, implicit)
                return tag
            if not self.yaml_path_resolvers:
                return _STR  # a quoted scalar: what the base class returns without path resolvers
        return super().resolve(kind, value, implicit)

    def construct_document(self, node: Any) -> Any:
        try:
            return self._bouw(node)
        except Exception:  # noqa: BLE001 - PyYAML's constructor decides, and reports, from scratch
            self.constructed_objects, self.recursive_objects = {}, {}
            self.state_generators, self.deep_construct = [], False
            return super().construct_document(node)

    def _bouw(self, wortel: Any) -> Any:
        """The document as `construct_document` builds it, for the node kinds profiles use."""
        constructors = self.yaml_constructors
        waarden = self._waarden
        gebouwd: dict[int, Any] = {}  # collections by node: an alias gives the same object
        open_ = object()

        def bouw(node: Any) -> Any:
            soort = node.__class__
            if soort is _SCALAR:
                tag = node.tag
                if tag == _STR:
                    return node.value
                bekend = waarden.get(tag)
                if bekend is None:
                    raise _Langzaam
                tekst = node.value
                if tekst in bekend:
                    return bekend[tekst]
                waarde = bekend[tekst] = constructors[tag](self, node)
                return waarde
            sleutel = id(node)
            if sleutel in gebouwd:
                waarde = gebouwd[sleutel]
                if waarde is open_:
                    raise _Langzaam  # an alias inside its own anchor
                return waarde
            if soort is _MAPPING and node.tag == _MAP:
                gebouwd[sleutel] = open_
                paren = node.value
                mapping = {}
                for sleutelnode, waardenode in paren:
                    if sleutelnode.__class__ is not _SCALAR:
                        raise _Langzaam
                    mapping[bouw(sleutelnode)] = bouw(waardenode)
                if len(mapping) != len(paren):
                    raise _Langzaam  # a key written twice: refused with its message below
                gebouwd[sleutel] = mapping
                return mapping
            if soort is _SEQUENCE and node.tag == _SEQ:
                gebouwd[sleutel] = open_
                lijst = [bouw(kind) for kind in node.value]
                gebouwd[sleutel] = lijst
                return lijst
            raise _Langzaam

        try:
            return bouw(wortel)
        finally:
            # `bouw` refers to itself (it recurses): a cycle that would keep this document's
            # data alive until a garbage collection, which the command line leaves off
            bouw = None  # type: ignore[assignment]  # noqa: F841

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        sleutels = [(k.tag, k.value) for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        if len(sleutels) != len(node.value) or len(set(sleutels)) != len(sleutels):
            self._weiger_dubbele_sleutels(node)
        return super().construct_mapping(node, deep)

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        """Merge keys (`<<: [*a, *b]`) as YAML means them, except a key two merged mappings both
        give: YAML takes the first, PyYAML the last, and the reader cannot tell which was meant."""
        for sleutelnode, waardenode in node.value:
            if sleutelnode.tag != "tag:yaml.org,2002:merge" or not isinstance(waardenode, yaml.SequenceNode):
                continue
            gezien: dict[Any, Any] = {}
            for deel in waardenode.value:
                if not isinstance(deel, yaml.MappingNode):
                    continue  # the base class says what is wrong
                for sleutel, _ in deel.value:
                    if not isinstance(sleutel, yaml.ScalarNode) or sleutel.tag == "tag:yaml.org,2002:merge":
                        continue
                    eerder = gezien.setdefault((sleutel.tag, sleutel.value), deel)
                    if eerder is not deel:
                        regels = (eerder.start_mark.line + 1, deel.start_mark.line + 1)
                        waar = f" (regel {regels[0]} en {regels[1]})" if regels[0] != regels[1] else ""
                        raise _DubbeleSleutel(
                            problem=f"de sleutel '{sleutel.value}' staat in twee mappings die << samenvoegt{waar}; "
                            "welke telt is niet te zien: zet hem in één ervan, of direct in deze mapping",
                            problem_mark=sleutel.start_mark,
                        )
        super().flatten_mapping(node)

    def _weiger_dubbele_sleutels(self, node: yaml.MappingNode) -> None:
        gezien: set[Any] = set()
        samengevoegd = None
        for sleutelnode, _ in node.value:
            if sleutelnode.tag == "tag:yaml.org,2002:merge":
                if samengevoegd is not None:  # YAML takes one of them, and which is not to be seen
                    raise _DubbeleSleutel(
                        problem=f"de sleutel '<<' staat twee keer in dezelfde mapping (ook op regel "
                        f"{samengevoegd.start_mark.line + 1}); voeg samen met één: <<: [*a, *b]",
                        problem_mark=sleutelnode.start_mark,
                    )
                samengevoegd = sleutelnode
                continue
            sleutel = self.construct_object(sleutelnode, deep=True)
            try:
                dubbel = sleutel in gezien
                gezien.add(sleutel)
            except TypeError:
                continue  # unhashable: the base class reports it
            if dubbel:
                raise _DubbeleSleutel(
                    problem=f"de sleutel '{sleutel}' staat twee keer in dezelfde mapping; "
                    "YAML zou stilzwijgend de laatste nemen: verwijder of hernoem er een",
                    problem_mark=sleutelnode.start_mark,
                )


_Lader.add_constructor("tag:yaml.org,2002:float", _float)
_Lader.add_constructor("tag:yaml.org,2002:int", _int)


class Bron:
    """One input document: its name as the user gave it, its text, and where it lies."""

    __slots__ = ("naam", "tekst", "pad", "alleen_onder", "verwezen", "_boom", "_index")

    def __init__(self, naam: str, tekst: str, pad: Path | None = None, alleen_onder: Path | None = None) -> None:
        self.naam = naam
        self.tekst = tekst
        self.pad = pad
        self.alleen_onder = alleen_onder  # --alleen-onder: what this file names must lie there too
        self.verwezen = False  # reached through a field (`standaard`): its values are not quoted
        self._boom: Any = None  # the composed node tree, built on the first error only
        self._index: dict[int, dict[str, tuple[Any, Any]]] = {}

    @property
    def map(self) -> Path:
        """The folder that relative `standaard` paths start from."""
        return self.pad.parent if self.pad is not None else Path.cwd()

    def fout(self, bericht: str, veld: Pad = ()) -> Fout:
        """A problem at a field path, with the line and column of the deepest part that exists."""
        regel, kolom = self.plaats(veld)
        fout = Fout(self.naam, bericht, veld, regel, kolom)
        return zonder_waarden(fout, self.tekst) if self.verwezen else fout

    def bestaat(self, veld: Pad) -> bool:
        node, diepte = self._zoek(veld)
        return node is not None and diepte == len(veld)

    def plaats(self, veld: Pad) -> tuple[int | None, int | None]:
        node, _ = self._zoek(veld)
        if node is None:
            return None, None
        return node.start_mark.line + 1, node.start_mark.column + 1

    def plek(self, veld: Pad) -> str:
        """`file:line` of a field (of the deepest part written), for a warning or the working."""
        return Fout(self.naam, "", veld, self.plaats(veld)[0]).plek(kolom=False)  # Fout formats places

    def getypt(self, veld: Pad) -> str | None:
        """The value at a field path as the user typed it (`1,5 u/w`), for messages; None if not a scalar."""
        self._zoek(())  # composes the document once
        node = self._boom
        for deel in veld:
            if isinstance(node, yaml.MappingNode):
                paar = self._sleutels(node).get(str(deel))
                node = paar[1] if paar is not None else None
            elif isinstance(node, yaml.SequenceNode) and isinstance(deel, int) and 0 <= deel < len(node.value):
                node = node.value[deel]
            else:
                return None
        return node.value if isinstance(node, yaml.ScalarNode) else None

    def _zoek(self, veld: Pad) -> tuple[Any, int]:
        if self._boom is None:
            try:
                self._boom = yaml.compose(self.tekst, Loader=_Lader) or False
            except (yaml.YAMLError, RecursionError):
                self._boom = False
        node = self._boom
        if node is False:
            return None, 0
        for diepte, deel in enumerate(veld):
            volgende = None
            if isinstance(node, yaml.MappingNode):
                paar = self._sleutels(node).get(str(deel))
                if paar is not None:
                    # the key itself for the last step: `verzuim: 5.7%` points at `verzuim`
                    volgende = paar[0] if diepte == len(veld) - 1 else paar[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(deel, int):
                if 0 <= deel < len(node.value):
                    volgende = node.value[deel]
            if volgende is None:
                return node, diepte
            node = volgende
        return node, len(veld)

    def _sleutels(self, node: yaml.MappingNode) -> dict[str, tuple[Any, Any]]:
        """A mapping node's keys, indexed once: thousands of errors in one mapping stay linear."""
        index = self._index.get(id(node))
        if index is None:
            index = self._index[id(node)] = {}
            for sleutelnode, waardenode in node.value:
                if isinstance(sleutelnode, yaml.ScalarNode):
                    index[sleutelnode.value] = (sleutelnode, waardenode)
        return index


def buiten(pad: Path, alleen_onder: Path | None) -> bool:
    """Whether `pad`, symbolic links and `..` resolved, lies outside `alleen_onder` (--alleen-onder)."""
    if alleen_onder is None:
        return False
    try:
        return not pad.resolve().is_relative_to(alleen_onder.resolve())
    except (OSError, ValueError, RuntimeError):
        return True


def verwijzing(
    map_: Path, ruw: str, wat: str, extensies: tuple[str, ...], alleen_onder: Path | None = None
) -> Path | str:
    """The file a field names (`standaard`, `contactcentrum.aanbod`), or why it may not be read.

    Whoever wrote the profile chose that file, not the user who runs brutonetto: so it must
    carry the suffix of its kind, be a regular file (no folder, device or pipe: `/dev/zero`
    would never end) and lie under `alleen_onder` (`--alleen-onder`) when that is given,
    symbolic links resolved. `wat` names the kind in the message ("het standaardbestand").
    """
    leesbaar = re.sub(r"[\x00-\x1f\x7f]", "?", ruw[:60])
    try:
        if "\x00" in ruw or not ruw.strip():
            raise ValueError(ruw)
        pad = (map_ / ruw).resolve()
    except (OSError, ValueError, RuntimeError):
        return f"'{leesbaar}' is geen bruikbaar pad naar {wat}"
    soortnaam = " of ".join(extensies)
    if buiten(pad, alleen_onder):
        return f"{wat} '{leesbaar}' ligt niet onder de map van --alleen-onder ({alleen_onder})"
    try:
        soort = pad.stat().st_mode
    except (OSError, ValueError):
        return f"{wat} '{leesbaar}' bestaat niet (gezocht: {map_ / leesbaar})"
    if stat.S_ISDIR(soort):
        return f"{wat} '{leesbaar}' is een map; geef één {soortnaam}-bestand"
    if pad.suffix.lower() not in extensies:
        return f"{wat} '{leesbaar}' is geen {soortnaam}-bestand; alleen zo'n bestand wordt gelezen"
    if not stat.S_ISREG(soort):
        return f"{wat} '{leesbaar}' is geen gewoon bestand (maar een apparaat, pijp of socket)"
    return pad


_GECITEERD = re.compile(r"(?<!\w)'([^'\n]+)'(?!\w)")
_GEVONDEN = re.compile(r"\((gevonden|gegeven): [^)]*\)")
# what a message derives from a value (YAML 1.1's `'010' leest YAML als een octaal getal (8);
# bedoelt u 10?`): the value's figures in other words, which leave with the value
_AFGELEID = re.compile(r" \([^()']*\)(?=;)|\s*\((?:bijvoorbeeld|gezocht:) [^()']*\)")
_AFGELEIDE_HINT = re.compile(r"; bedoelt u [^'?][^?]*\? (\w)")
_AFGELEIDE_VRAAG = re.compile(r";? ?bedoelt u [^'?][^?]*\?")  # a hint at the end: the value in other words


_WOORD = re.compile(r"[^\s'\"(){}\[\],;:?!]{2,}")


def _woorden_in_waarden(tekst: str) -> set[str]:
    """The words of a file's values (not its keys: those are field names the message may name);
    a text that is no YAML mapping (a CSV's rows) counts whole."""
    waarden: list[str] = []
    try:
        stapel = [yaml.compose(tekst, Loader=yaml.SafeLoader)]
    except (yaml.YAMLError, RecursionError):
        stapel, waarden = [], [tekst]
    gezien: set[int] = set()  # an alias is the node it names: each node once (a billion laughs, a cycle)
    while stapel:
        node = stapel.pop()
        if id(node) in gezien:
            continue
        gezien.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stapel.extend(waarde for _, waarde in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stapel.extend(node.value)
        elif isinstance(node, yaml.ScalarNode):
            waarden.append(node.value)
    return {woord for waarde in waarden for woord in _WOORD.findall(waarde)}


def zonder_waarden(fout: Fout, tekst: str) -> Fout:
    """A problem in a file reached by reference, without the values read from it.

    The user named the file they run brutonetto on, not what its fields point at: a message
    shows where (file:line:col, field path) and what is wrong, and every quoted text that
    stands in that file as '…', so a profile pointing at a file of secrets cannot make
    brutonetto print them.
    """
    bericht = _GEVONDEN.sub(lambda m: f"({m.group(1)}: …)", fout.bericht)
    bericht = _AFGELEIDE_HINT.sub(lambda m: "; " + m.group(1).lower(), _AFGELEID.sub("", bericht))
    bericht = _AFGELEIDE_VRAAG.sub("", bericht).rstrip(" ;:")
    pad = {str(deel) for deel in fout.veld}  # the field path is shown anyway
    def verberg(gevonden: re.Match[str]) -> str:
        waarde = gevonden.group(1)
        # one character is no secret (',' in a YAML message), nor is the field path, shown anyway
        return "'…'" if len(waarde) > 1 and waarde in tekst and waarde not in pad else gevonden.group(0)

    bericht = _GECITEERD.sub(verberg, bericht)
    # what a quote cannot catch (a value with an apostrophe or a line break, a bare number, a
    # label): every word of the message that stands in a value of that file, the field path aside
    woorden = _woorden_in_waarden(tekst)

    def verberg_woord(gevonden: re.Match[str]) -> str:
        woord = gevonden.group(0)
        return "…" if woord in woorden and woord not in pad else woord

    bericht = _WOORD.sub(verberg_woord, bericht)
    # a number the message derived from one in the file (1.631 read as 1,631; '5 procent' as '5%'):
    # its digits are the file's, so it goes too; our own figures (8784, 131072) stay
    cijfers = {_cijfers(getal) for getal in _GETAL_IN_TEKST.findall(tekst)}

    def verberg_getal(gevonden: re.Match[str]) -> str:
        return "…" if _cijfers(gevonden.group(0)) in cijfers and gevonden.group(0) not in pad else gevonden.group(0)

    bericht = _GETAL_IN_TEKST.sub(verberg_getal, bericht)
    return fout._replace(bericht=bericht)


_GETAL_IN_TEKST = re.compile(r"\d[\d.,]*\d|\d")


def _cijfers(getal: str) -> str:
    """A number's digits without separators and leading zeros: 1.631, 1,631 and 1631 alike."""
    return re.sub(r"\D", "", getal).lstrip("0") or "0"


class Invoertekst(str):
    """YAML text handed in as it is (the Python API: `brutonetto.compute(["functie: ..."])`),
    standing among the paths under its own name (`<tekst 1>`); what it names as `standaard`
    lies relative to the current folder, as for standard input."""

    inhoud: str

    def __new__(cls, naam: str, inhoud: str) -> "Invoertekst":
        tekst = super().__new__(cls, naam)
        tekst.inhoud = inhoud
        return tekst


def expand(paden: list[str], alleen_onder: Path | None = None, uit_mappen: set[str] | None = None) -> tuple[list[str], list[Fout]]:
    """Every input file: a file as given, a directory's `*.yaml`/`*.yml` below it sorted, `-`.
    Those found in a directory are also added to `uit_mappen`, if given."""
    bestanden: list[str] = []
    fouten: list[Fout] = []
    for pad in paden:
        if pad == STDIN or isinstance(pad, Invoertekst):
            bestanden.append(pad)
            continue
        p = Path(pad)
        try:
            p.exists()  # a name the system refuses (too long) says so here
            if buiten(p, alleen_onder):
                fouten.append(Fout(pad, f"ligt niet onder de map van --alleen-onder ({alleen_onder}); wordt niet gelezen"))
                continue
        except OSError as fout:
            fouten.append(Fout(pad, f"kan het bestand niet lezen: {fout.strerror or fout}"))
            continue
        if p.is_dir():
            gevonden = sorted(  # not what hides under a dot (.git, .venv, an editor's .~lock file)
                (q for q in p.rglob("*") if q.suffix.lower() in YAML_EXTENSIES and q.is_file()
                 and not any(deel.startswith(".") for deel in q.relative_to(p).parts)),
                key=lambda q: q.as_posix(),
            )
            # A link in the folder to a file outside it is a reference the user did not choose (a zip
            # of a colleague's unit files with pw.yaml -> /etc/passwd): not read, and said so
            binnen = p.resolve()
            naar_buiten = [q for q in gevonden if q.is_symlink() and buiten(q, binnen)]
            fouten.extend(Fout(str(q), "is een koppeling naar een bestand buiten de map; wordt niet gelezen "
                                       "(geef het bestand zelf als PAD als u het wilt lezen)") for q in naar_buiten)
            gevonden = [q for q in gevonden if q not in naar_buiten]
            if not gevonden and not naar_buiten:
                fouten.append(Fout(pad, "deze map bevat geen YAML-bestanden (*.yaml of *.yml)"))
            bestanden.extend(str(q) for q in gevonden)
            if uit_mappen is not None:
                uit_mappen.update(str(q) for q in gevonden)
        elif p.exists():
            bestanden.append(pad)
        else:
            fouten.append(Fout(pad, "bestand of map bestaat niet"))
    return bestanden, fouten


class Onleesbaar(OSError):
    """A file that is no regular file once opened, or that lies outside --alleen-onder once opened."""


def lees_bytes(pad: Path | str, alleen_onder: Path | None = None, verwezen: bool = False) -> bytes:
    """At most MAX_BYTES + 1 bytes of a regular file, checked on the file actually opened.

    A path is checked before it is opened (`verwijzing`, `buiten`), but between the check and the
    open someone else's folder can swap the file for a link out of it or for a pipe (a third probe
    read a secret outside --alleen-onder 9 times in 1.500 and hung twice). So: a pipe does not
    block the open (O_NONBLOCK), what was opened must be a regular file (fstat), a file reached by
    reference is no link (O_NOFOLLOW: `verwijzing` resolved its links already), and with
    --alleen-onder the file opened must lie under the folder (its own name, from /proc)."""
    vlaggen = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if verwezen:
        vlaggen |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(pad, vlaggen)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Onleesbaar(0, "het is geen gewoon bestand (maar een map, apparaat, pijp of socket)")
        if alleen_onder is not None:
            eigen = Path(f"/proc/self/fd/{fd}")
            if eigen.exists() and buiten(Path(os.readlink(eigen)), alleen_onder):
                raise Onleesbaar(0, f"het ligt niet onder de map van --alleen-onder ({alleen_onder})")
        with os.fdopen(fd, "rb", closefd=False) as bestand:
            return bestand.read(MAX_BYTES + 1)
    finally:
        os.close(fd)


def read(naam: str, alleen_onder: Path | None = None, verwezen: bool = False) -> Bron | Fout:
    """The text of one file (or stdin), decoded as UTF-8 with or without BOM; with `alleen_onder`
    (--alleen-onder) only a file under that folder, and what it names must lie there too."""
    if isinstance(naam, Invoertekst):
        if len(naam.inhoud) > MAX_BYTES:
            return Fout(naam, f"de tekst is groter dan {MAX_BYTES / (1024 * 1024):g} MB")
        return Bron(naam, naam.inhoud.removeprefix("\ufeff"), None, alleen_onder)
    if naam != STDIN and buiten(Path(naam), alleen_onder):
        return Fout(naam, f"ligt niet onder de map van --alleen-onder ({alleen_onder}); wordt niet gelezen")
    try:
        if naam == STDIN:
            if sys.stdin is None:  # started with standard input closed (`<&-`)
                return Fout(STDIN_NAAM, "kan standaardinvoer niet lezen: die is gesloten")
            ruw = sys.stdin.buffer.read(MAX_BYTES + 1)
            weergave, pad = STDIN_NAAM, None
        else:
            pad = Path(naam)
            ruw = lees_bytes(pad, alleen_onder, verwezen)
            weergave = naam
    except OSError as fout:
        return Fout(naam, f"kan het bestand niet lezen: {fout.strerror or fout}")
    if len(ruw) > MAX_BYTES:
        return Fout(
            weergave,
            f"het bestand is groter dan {MAX_BYTES / (1024 * 1024):g} MB; splits het op in meer bestanden "
            "(of verhoog de grens met de omgevingsvariabele BRUTONETTO_MAX_MB)",
        )
    try:
        tekst = ruw.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        regel = ruw[: fout.start].count(b"\n") + 1
        kolom = fout.start - (ruw.rfind(b"\n", 0, fout.start) + 1) + 1
        return Fout(
            weergave,
            "het bestand is geen UTF-8; sla het op als UTF-8 (in Kladblok of Excel: "
            "Opslaan als, codering UTF-8)",
            regel=regel,
            kolom=kolom,
        )
    return Bron(weergave, tekst, pad, alleen_onder)


def parse(bron: Bron) -> tuple[Any, Fout | None]:
    """Plain data (dicts, lists, str, int, float, bool, None) from YAML text, or the problem."""
    te_groot = _begrens(bron)
    if te_groot is not None:
        return None, te_groot
    try:
        return yaml.load(bron.tekst, Loader=_Lader), None
    except yaml.MarkedYAMLError as fout:
        mark = fout.problem_mark or fout.context_mark
        regel = mark.line + 1 if mark else None
        kolom = mark.column + 1 if mark else None
        regels = bron.tekst.split("\n")
        voor_de_fout = regels[mark.line][: mark.column + 1] if mark and mark.line < len(regels) else ""
        bericht = (
            "een tab in de inspringing; YAML springt in met spaties: vervang de tabs door spaties"
            if "\t" in voor_de_fout and not isinstance(fout, _Geweigerd)
            else _yaml_bericht(fout)
        )
        return None, Fout(bron.naam, bericht, regel=regel, kolom=kolom)
    except yaml.reader.ReaderError as fout:
        voor = bron.tekst[: fout.position]
        regel, kolom = voor.count("\n") + 1, fout.position - (voor.rfind("\n") + 1) + 1
        teken = f"#x{fout.character:04x}" if isinstance(fout.character, int) else repr(fout.character)
        return None, Fout(
            bron.naam,
            f"het bestand bevat een teken dat niet in YAML mag ({teken}); is het wel een tekstbestand?",
            regel=regel,
            kolom=kolom,
        )
    except yaml.YAMLError as fout:
        return None, Fout(bron.naam, f"ongeldige YAML: {fout}")
    except RecursionError:
        return None, Fout(bron.naam, f"de YAML is dieper genest dan {MAX_DIEPTE} niveaus")
    except (ValueError, OverflowError):
        # an integer of more than 4300 digits, which Python refuses to convert
        lang = re.search(r"\d{1000,}", bron.tekst)
        regel = bron.tekst.count("\n", 0, lang.start()) + 1 if lang else None
        kolom = lang.start() - bron.tekst.rfind("\n", 0, lang.start()) if lang else None
        return None, Fout(bron.naam, "een getal met duizenden cijfers is geen bruikbare waarde", regel=regel, kolom=kolom)


def _begrens(bron: Bron) -> Fout | None:
    """Refuse deep nesting, huge documents and alias bombs before anything builds them.

    libyaml's composer recurses in C and crashes the process on some tens of thousands of
    nested levels; millions of tiny values take many seconds and gigabytes to build; and
    aliases can multiply a small file into billions of values. Cheap upper bounds of the
    depth and of the number of values clear ordinary files; only a suspicious one is
    walked event by event, which needs no recursion and stops at the first bound crossed.
    """
    tekst = bron.tekst
    if (
        _waarden_bovengrens(tekst) <= MAX_WAARDEN
        and _diepte_bovengrens(tekst) <= MAX_DIEPTE
        and not ("&" in tekst and "*" in tekst)
    ):
        return None
    try:
        return _loop_door(bron, yaml.parse(tekst, Loader=_Lader))
    except yaml.YAMLError:
        if _diepte_bovengrens(tekst) <= MAX_DIEPTE:
            return None  # the real parse reports it, with its position
    # libyaml has a nesting limit of its own (PyYAML 6.0.4's refuses deep flow brackets in
    # English, ahead of the events): PyYAML's own parser, which has none, finds ours
    try:
        return _loop_door(bron, yaml.parse(tekst, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return None


def _loop_door(bron: Bron, events: Any) -> Fout | None:
    """Walk the events, stopping at the first bound crossed (depth, values, aliases)."""
    diepte = totaal = 0
    grootte = [0]  # values below each open collection, aliases expanded
    ankers: dict[str, int] = {}
    open_ankers: list[str | None] = []
    for event in events:
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            diepte += 1
            if diepte > MAX_DIEPTE:
                return _fout_bij(bron, event, f"de YAML is dieper genest dan {MAX_DIEPTE} niveaus")
            grootte.append(1)
            open_ankers.append(event.anchor)
            totaal += 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            diepte -= 1
            binnen = grootte.pop()
            grootte[-1] += binnen
            anker = open_ankers.pop()
            if anker is not None:
                ankers[anker] = binnen
        elif isinstance(event, yaml.ScalarEvent):
            grootte[-1] += 1
            totaal += 1
        elif isinstance(event, yaml.AliasEvent):
            grootte[-1] += ankers.get(event.anchor, 1)
            totaal += ankers.get(event.anchor, 1)
            if totaal > MAX_WAARDEN:
                return _fout_bij(
                    bron, event,
                    f"de YAML bevat via ankers en aliassen (& en *) meer dan {_aantal(MAX_WAARDEN)} "
                    "waarden; schrijf de waarden uit in plaats van ze te herhalen",
                )
        if totaal > MAX_WAARDEN:
            return _fout_bij(
                bron, event,
                f"het bestand bevat meer dan {_aantal(MAX_WAARDEN)} waarden; splits het op in meer "
                "bestanden (of verhoog de grens met de omgevingsvariabele BRUTONETTO_MAX_MB)",
            )
    return None


def _waarden_bovengrens(tekst: str) -> int:
    """An upper bound of the number of values: each needs a `:`, `,`, `-`, `?` or bracket."""
    return (
        2 * (tekst.count(":") + tekst.count(","))
        + tekst.count("-") + tekst.count("?") + tekst.count("[") + tekst.count("{") + 1
    )


def _aantal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _diepte_bovengrens(tekst: str) -> int:
    """An upper bound of the nesting depth: indentation + block indicators on a line + open brackets."""
    inspringing = max((len(m) for m in re.findall(r"^[ \t]*", tekst, re.M)), default=0)
    indicatoren = _indicatoren(tekst)
    haakjes = diepste = 0
    for haakje in re.findall(r"[\[\]{}]", tekst):
        haakjes += 1 if haakje in "[{" else -1
        diepste = max(diepste, haakjes)
    return inspringing + indicatoren + diepste


_INDICATOREN = re.compile(r"(?:[-?:][ \t]+)+")
# only the runs of 3 characters or more: `key: value` on every line makes runs of 2 by the
# hundred thousand, and collecting those took most of the bound's time
_LANGE_INDICATOREN = re.compile(r"[-?:](?=[ \t]{2}|[ \t][-?:][ \t])[ \t]+(?:[-?:][ \t]+)*")


def _indicatoren(tekst: str) -> int:
    """The longest run of block indicators and their spaces (`- - `, `? `, `: `), in characters."""
    lang = max((m.end() - m.start() for m in _LANGE_INDICATOREN.finditer(tekst)), default=0)
    if lang:
        return lang
    return 2 if _INDICATOREN.search(tekst) else 0


def _fout_bij(bron: Bron, event: Any, bericht: str) -> Fout:
    mark = event.start_mark
    return Fout(bron.naam, bericht, regel=mark.line + 1, kolom=mark.column + 1)


def _yaml_bericht(fout: yaml.MarkedYAMLError) -> str:
    if isinstance(fout, _Geweigerd):
        return str(fout.problem)
    probleem = f"{fout.context or ''} {fout.problem or ''}".strip()
    if "expected a single document" in probleem:
        return "meer dan één YAML-document (---) in één bestand; zet elk document in een eigen bestand"
    if "could not determine a constructor for the tag" in probleem:
        tag = probleem.rsplit(" ", 1)[-1]
        return f"de YAML-tag {tag} wordt niet ondersteund: brutonetto leest alleen gewone waarden"
    return f"ongeldige YAML: {probleem}"


_FUNCTIES_REGEL = re.compile(r"^functies:[ \t]*(#.*)?$", re.M)
_GEWOON_EINDE = re.compile(r"^(---|\.\.\.|%)", re.M)


def parse_per_functie(bron: Bron) -> tuple[dict, list[tuple[int, int]]] | None:
    """A unit file as its head (every key but `functies`) and where each functie's text is, unparsed.

    A file of 100,000 functies composed in one go holds a node for every value (over a
    gigabyte); parsed functie by functie, one functie's nodes live at a time. This applies
    to the shape unit files have: `functies:` once at the start of a line, a block list
    under it, no anchors or aliases (which could reach across functies), one document.
    Anything else is None: the caller parses the whole document (`parse`), which also gives
    every problem its message and line. The head parses here; each functie's text is
    parsed by `parse_functie`, when it is its turn.
    """
    tekst = bron.tekst
    if "&" in tekst or "*" in tekst or "\t" in tekst or _GEWOON_EINDE.search(tekst) or _begrens(bron) is not None:
        return None
    kop = [m for m in _FUNCTIES_REGEL.finditer(tekst)]
    if len(kop) != 1:
        return None
    # each functie as (start, end) in the text: no copy of the file's lines is made
    delen: list[list[int]] = []
    inspringing = None
    rest = len(tekst)
    begin = tekst.find("\n", kop[0].end()) + 1 or len(tekst)
    while begin < len(tekst):
        eind = tekst.find("\n", begin)
        eind = len(tekst) if eind < 0 else eind
        regel = tekst[begin:eind]
        inhoud = regel.lstrip(" ")
        if inhoud and not inhoud.startswith("#"):
            diepte = len(regel) - len(inhoud)
            if inspringing is None:
                if not inhoud.startswith("- ") and inhoud != "-":
                    return None  # not a block list (a flow list, or an empty `functies:`)
                inspringing = diepte
            if diepte == inspringing and (inhoud.startswith("- ") or inhoud == "-"):
                delen.append([begin, eind])
            elif diepte > inspringing and delen:
                delen[-1][1] = eind
            elif diepte != 0:
                return None
            else:  # the next key of the file
                rest = begin
                break
        begin = eind + 1
    if not delen:
        return None
    hoofd = tekst[: kop[0].start()] + tekst[rest:]
    try:
        data = yaml.load(hoofd, Loader=_Lader)
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError):
        return None
    if not isinstance(data, dict) or "functies" in data:
        return None
    return data, [(van, tot) for van, tot in delen]


class Woorden:
    """What the functies of one file share while each is parsed on its own: each plain
    scalar's tag and each number's value by its text (`_Lader` keeps them per document;
    the same words, units and numbers come back in every functie)."""

    def __init__(self) -> None:
        self.tags: dict[str, str] = {}
        self.waarden: dict[str, dict[str, Any]] = {tag: {} for tag in _WAARDETAGS}

    def voor(self, lader: _Lader) -> None:
        if len(self.tags) > 100_000:  # names differ per functie: keep the caches to the common words
            self.__init__()
        lader._tags, lader._waarden = self.tags, self.waarden


def parse_functie(deel: str, woorden: Woorden | None = None) -> Any:
    """One functie's text from `parse_per_functie`, or `ONLEESBAAR` if it does not parse as
    one list item (the whole document is then parsed for the message)."""
    lader = _Lader(deel)
    if woorden is not None:
        woorden.voor(lader)
    try:
        data = lader.get_single_data()
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError):
        return ONLEESBAAR
    finally:
        lader.dispose()
    return data[0] if isinstance(data, list) and len(data) == 1 else ONLEESBAAR


ONLEESBAAR = object()  # a functie's text that does not parse by itself
