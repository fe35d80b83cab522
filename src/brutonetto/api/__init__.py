"""brutonetto from Python: the commands as functions, for notebooks and scripts.

    import brutonetto
    uitkomst = brutonetto.compute(["unit.yaml"])
    uitkomst.records       # typed records: their fields the JSON keys, in the JSON's order
    uitkomst.problemen     # every problem (errors.Fout), empty when all is well
    uitkomst.to_pandas()   # a DataFrame with the JSON's keys and figures

Each function has the command line's name and meaning (`brutonetto compute --help`); the
command line is a thin user of the same work (`api.werk`). Bad input never raises: what
the command line reports with exit 1 (a file's problems) or exit 2 (wrong usage: an
unknown scenario, too few steps) is in `problemen`, named after the argument. Paths may be
`str` or `Path`; a `str` with a line break in it is YAML text itself (named `<tekst 1>`, ...).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Union

from brutonetto.api.uitkomst import Uitkomst
from brutonetto.errors import Fout, Gebruiksfout, Problemen

if TYPE_CHECKING:
    from brutonetto.engine.begroting import Jaar
    from brutonetto.engine.gevoeligheid import Gevoeligheid
    from brutonetto.engine.realisatie import Realisatie
    from brutonetto.engine.records import Record
    from brutonetto.engine.zoek import Zoekuitkomst
    from brutonetto.output.inhoud import Erlangrij
    from brutonetto.output.rekenblad import Blad

__all__ = ["Fout", "Uitkomst", "budget", "compare", "compute", "erlang", "explain", "realisation",
           "sensitivity", "solve", "validate"]

Invoer = Union[str, "os.PathLike[str]"]


def compute(paden: Invoer | Iterable[Invoer], scenarios: Iterable[str] | None = None, *,
            alleen_onder: Invoer | None = None) -> Uitkomst[Record]:
    """Every functie in basis and each scenario, with extra fte and costs against basis (`brutonetto compute`).

    `scenarios`: only these beside basis (default: all). `alleen_onder`: read only files under this folder."""
    from brutonetto.api import werk

    namen = [scenarios] if isinstance(scenarios, str) else list(scenarios or [])
    uitkomst = _zonder_gebruiksfout(lambda: werk.compute(_paden(paden), namen or None, _map(alleen_onder)),
                                    {"scenario": "scenarios"})
    # an unknown scenario found by the engine (a file's problem hid the check) is named as the option
    uitkomst.problemen = [f._replace(bestand="scenarios") if f.bestand == "--scenario" else f for f in uitkomst.problemen]
    return uitkomst


def compare(oud: Invoer, nieuw: Invoer, *, alleen_onder: Invoer | None = None) -> Uitkomst[Record]:
    """Two files functie by functie: `oud` the basis, `nieuw` the scenario (`brutonetto compare`)."""
    from brutonetto.api import werk

    return _zonder_gebruiksfout(lambda: werk.compare(_een(oud, 1), _een(nieuw, 2), _map(alleen_onder)))


def validate(paden: Invoer | Iterable[Invoer], *, alleen_onder: Invoer | None = None) -> Uitkomst[None]:
    """Every problem of every file, nothing computed to keep (`brutonetto validate`); `melding` says what is in order."""
    from brutonetto.api import werk

    return _zonder_gebruiksfout(lambda: werk.validate(_paden(paden), _map(alleen_onder)))


def explain(paden: Invoer | Iterable[Invoer], functie: str | None = None, scenario: str | None = None, *,
            alleen_onder: Invoer | None = None) -> Uitkomst[Blad]:
    """The working of each figure, step by step with file:line (`brutonetto explain`): one `Blad` per
    functie and scenario; `to_dicts()` gives explain's JSON."""
    from brutonetto.api import werk

    return _zonder_gebruiksfout(lambda: werk.explain(_paden(paden), functie, scenario, _map(alleen_onder)))


def sensitivity(paden: Invoer | Iterable[Invoer], varieer: str | Iterable[str], stappen: int = 2,
                raster: bool = False, scenario: str | None = None, *, uitleg: bool = False,
                alleen_onder: Invoer | None = None) -> Uitkomst[Gevoeligheid]:
    """Each field over a range, as `--varieer` writes it (`aftrek.verzuim=4,2..5,7%`); `stappen` points
    per range; `raster`: every combination (`brutonetto sensitivity`)."""
    from brutonetto.api import werk

    bereiken = [varieer] if isinstance(varieer, str) else list(varieer or [])
    if isinstance(stappen, str) and stappen.strip().isdigit():
        stappen = int(stappen)
    if isinstance(stappen, bool) or not isinstance(stappen, int):
        return Uitkomst(None, [Fout("stappen", f"verwacht een geheel getal, niet {stappen!r}")], [], [])
    if not bereiken:
        return Uitkomst(None, [Fout("varieer", "geef minstens één veld met zijn bereik, "
                                               "bijvoorbeeld 'aftrek.verzuim=4,2..5,7%'")], [], [])
    return _zonder_gebruiksfout(lambda: werk.sensitivity(_paden(paden), bereiken, stappen, raster, scenario,
                                                         uitleg, _map(alleen_onder)))


def budget(paden: Invoer | Iterable[Invoer], *, uitleg: bool = False,
           alleen_onder: Invoer | None = None) -> Uitkomst[Jaar]:
    """Per year the costs of the meerjaren scenario against the funding (`brutonetto budget`)."""
    from brutonetto.api import werk

    return _zonder_gebruiksfout(lambda: werk.budget(_paden(paden), uitleg, _map(alleen_onder)))


def realisation(plan: Invoer, registraties: Invoer, scenario: str | None = None, *, uitleg: bool = False,
                alleen_onder: Invoer | None = None) -> Uitkomst[Realisatie]:
    """Registered hours against the plan per functie and aftrek (`brutonetto realisation`);
    `registraties` is the CSV's path."""
    from brutonetto.api import werk

    return _zonder_gebruiksfout(lambda: werk.realisation(_een(plan, 1), _een(registraties, 2), scenario, uitleg,
                                                         _map(alleen_onder)))


def solve(paden: Invoer | Iterable[Invoer], doel: str, zoek: str, *, functie: str | None = None,
          scenario: str | None = None, totaal: bool = False, uitleg: bool = False,
          alleen_onder: Invoer | None = None) -> Uitkomst[Zoekuitkomst]:
    """The value of the field `zoek` at which a result reaches `doel` (`brutonetto solve`):
    `solve(["memo.yaml"], doel="extra_kosten=1 mln", zoek="aftrek.leren_en_ontwikkelen", scenario="S")`."""
    from brutonetto.api import werk

    return _zonder_gebruiksfout(lambda: werk.solve(_paden(paden), str(doel), str(zoek), functie, scenario, totaal,
                                                   uitleg, _map(alleen_onder)))


def erlang(aanbod: str | int | float | os.PathLike[str], interval: str, gespreksduur: str,
           servicelevel: str | None = None, max_bezetting: str | None = None, *, asa: str | None = None,
           geduld: str | None = None, gelijktijdig: str | int | None = None,
           alleen_onder: Invoer | None = None) -> Uitkomst[Erlangrij]:
    """Agents for one interval with Erlang C (`brutonetto erlang`): `erlang(aanbod=100, interval="30 min",
    gespreksduur="180 s", servicelevel="80/20")`; `asa="20 s"` as a target too, `geduld="120 s"` for
    Erlang A, `gelijktijdig=2` for chats; `aanbod` a CSV path gives a row per interval. Shares are
    fractions (0,8 is 80%)."""
    from brutonetto.api import werk

    def tekst(waarde: object) -> str | None:
        return None if waarde is None else os.fspath(waarde) if isinstance(waarde, os.PathLike) else str(waarde)

    return _zonder_gebruiksfout(lambda: werk.erlang(
        tekst(aanbod) or "", str(interval), str(gespreksduur), tekst(servicelevel), tekst(max_bezetting),
        tekst(asa), tekst(geduld), tekst(gelijktijdig), _map(alleen_onder)))


# ---------------------------------------------------------------------------------------


def _paden(paden: Invoer | Iterable[Invoer], eerste_tekst: int = 1) -> list[str]:
    """Paths as the loader takes them; a text with a line break is YAML itself, named `<tekst N>`."""
    from brutonetto.input.source import Invoertekst

    soort = "een pad, YAML-tekst of een lijst daarvan"
    if isinstance(paden, (str, os.PathLike)):
        lijst = [paden]
    elif isinstance(paden, (list, tuple)) or (hasattr(paden, "__iter__") and not isinstance(paden, (bytes, dict))):
        lijst = list(paden)
    else:
        raise Gebruiksfout(f"--paden: verwacht {soort}, niet {type(paden).__name__}")
    uit: list[str] = []
    for nummer, pad in enumerate(lijst, start=eerste_tekst):
        if isinstance(pad, str) and "\n" in pad:
            uit.append(Invoertekst(f"<tekst {nummer}>", pad))
        elif isinstance(pad, (str, os.PathLike)):
            uit.append(os.fspath(pad))
        else:
            raise Gebruiksfout(f"--paden: verwacht {soort}, niet {type(pad).__name__}")
    return uit


def _een(pad: Invoer, nummer: int) -> str:
    """One path (or one YAML text) where a command takes exactly one."""
    gevonden = _paden(pad, nummer)
    if len(gevonden) != 1:
        raise Gebruiksfout(f"--paden: verwacht één pad, niet {len(gevonden)}")
    return gevonden[0]


def _map(alleen_onder: Invoer | None) -> Path | None:
    return None if alleen_onder is None else Path(alleen_onder)


_OPTIE = re.compile(r"--([a-z][a-z-]*)(?:: | )")


def _zonder_gebruiksfout(werk: Callable[[], Uitkomst], namen: dict[str, str] | None = None) -> Uitkomst:
    """Run the work; wrong usage (the command line's exit 2) becomes a problem named after the argument."""
    try:
        uitkomst = werk()
    except Gebruiksfout as fout:
        from brutonetto.output.terminal import zichtbaar

        bericht = zichtbaar(str(fout))  # as the command line shows it: a value's control characters made visible
        gevonden = _OPTIE.match(bericht)
        if gevonden is None:
            return Uitkomst(None, [Fout("argumenten", bericht)], [], [])
        optie = gevonden.group(1)
        argument = (namen or {}).get(optie, optie.replace("-", "_"))
        rest = bericht[gevonden.end():] if bericht[gevonden.end() - 2] == ":" else bericht[gevonden.end(1):].lstrip()
        return Uitkomst(None, [Fout(argument, rest)], [], [])
    if isinstance(uitkomst.problemen, Problemen):  # a CSV of millions of bad rows: the first 100 a file kept
        lijst: list[Fout] = []
        for bestand, fouten, weggelaten in uitkomst.problemen.per_bestand():
            lijst += fouten
            if weggelaten:
                lijst.append(Fout(bestand, f"en nog {weggelaten} problemen (alleen de eerste {len(fouten)} staan hierboven)"))
        uitkomst.problemen = lijst
    return uitkomst
