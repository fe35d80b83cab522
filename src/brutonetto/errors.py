"""Problems with the input, as values: collected, sorted and printed all together.

Like Beancount's errors, a `Fout` is data, never an exception that escapes to the user:
the loader gathers every problem of a run and the CLI prints them as
`FILE:LINE:COL: field.path: message`.

A file someone else made can hold millions of problems (an export of two million bad
rows). Nobody reads past the first screenful, and holding them all costs memory that grows
with the file, so `Problemen` keeps the first `MAX_PER_BESTAND` of each file (by line) and
only counts the rest; the CLI prints those and one line saying how many more there are.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from typing import NamedTuple

MAX_PER_BESTAND = 100

Pad = tuple[str | int, ...]


class Gebruiksfout(Exception):
    """Options (or API arguments) that cannot work together or with this input: wrong usage,
    exit 2 on the command line, a problem in `Uitkomst.problemen` from Python."""


class Fout(NamedTuple):
    bestand: str
    bericht: str
    veld: Pad = ()
    regel: int | None = None
    kolom: int | None = None

    def __str__(self) -> str:
        plaats = self.bestand
        if self.regel is not None:
            plaats += f":{self.regel}:{self.kolom or 1}"
        if self.veld:
            return f"{plaats}: {veldpad(self.veld)}: {self.bericht}"
        return f"{plaats}: {self.bericht}"


def veldpad(pad: Pad) -> str:
    """`('functies', 2, 'aftrek', 'verzuim')` -> `functies[2].aftrek.verzuim`."""
    tekst = ""
    for deel in pad:
        if isinstance(deel, int):
            tekst += f"[{deel}]"
        else:
            tekst += f".{deel}" if tekst else str(deel)
    return tekst


class Problemen:
    """Problems as they come, bounded: per file the first `MAX_PER_BESTAND` by line, the rest counted.

    Takes `append` and `extend` like the list it stands in for; iterating gives the kept
    problems file by file (files in the order their first problem came), each file's by
    line and column, problems on the same line in the order they came. `len` is every
    problem, kept or not. Memory stays at `MAX_PER_BESTAND` problems a file, however many come.
    """

    def __init__(self, fouten: Iterable[Fout] = (), max_per_bestand: int = MAX_PER_BESTAND) -> None:
        self._max = max_per_bestand
        # per file a heap of the kept problems, keyed so that the last by line is on top (to be pushed out)
        self._bewaard: dict[str, list[tuple[tuple[int, int, int], Fout]]] = {}
        self._aantal: dict[str, int] = {}
        self._volgnummer = 0
        self.extend(fouten)

    def append(self, fout: Fout) -> None:
        self._volgnummer += 1
        self._aantal[fout.bestand] = self._aantal.get(fout.bestand, 0) + 1
        bewaard = self._bewaard.setdefault(fout.bestand, [])
        sleutel = (-(fout.regel or 0), -(fout.kolom or 0), -self._volgnummer)  # unique: Fout is never compared
        if len(bewaard) < self._max:
            heapq.heappush(bewaard, (sleutel, fout))
        elif sleutel > bewaard[0][0]:  # earlier in the file than the last one kept
            heapq.heapreplace(bewaard, (sleutel, fout))

    def extend(self, fouten: Iterable[Fout]) -> None:
        for fout in fouten:
            self.append(fout)

    def per_bestand(self) -> Iterator[tuple[str, list[Fout], int]]:
        """(file, its kept problems in order, how many more were only counted), file by file."""
        for bestand, bewaard in self._bewaard.items():
            yield bestand, [fout for _, fout in sorted(bewaard, reverse=True)], self._aantal[bestand] - len(bewaard)

    def __iter__(self) -> Iterator[Fout]:
        for _, fouten, _ in self.per_bestand():
            yield from fouten

    def __len__(self) -> int:
        return sum(self._aantal.values())

    def __bool__(self) -> bool:
        return bool(self._aantal)

    def __eq__(self, ander: object) -> bool:
        """Equal to a list of exactly these problems, in this order, when none were only counted."""
        if isinstance(ander, Problemen):
            return len(self) == len(ander) and list(self) == list(ander)
        if isinstance(ander, (list, tuple)):
            return len(self) == len(ander) and list(self) == list(ander)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # it changes as problems come

    def __repr__(self) -> str:
        return f"Problemen({list(self)!r}, {len(self)} in all)"



def gelijkend(naam: str, bekend: Iterable[str], drempel: float = 0.6) -> str | None:
    """The known name `naam` most looks like (a typo's 'bedoelt u'), or None. Over a long list
    only the names of about the same length and first letter are compared: difflib over 5.000
    names for each of thousands of unknown ones took minutes."""
    import difflib

    namen = list(dict.fromkeys(bekend))
    if len(namen) > 200:
        begin = naam[:1].casefold()
        namen = [n for n in namen if abs(len(n) - len(naam)) <= 3 and n[:1].casefold() == begin][:200]
    gevonden = difflib.get_close_matches(naam, namen, n=1, cutoff=drempel)
    return gevonden[0] if gevonden else None


def opsomming(namen: Iterable[str], hoogstens: int = 10, aanhalingstekens: bool = True) -> str:
    """`'a', 'b', 'c'`, or the first `hoogstens` and `en nog N`: a message names, it does not list a plan."""
    lijst = list(dict.fromkeys(namen))
    tekst = ", ".join(f"'{n}'" if aanhalingstekens else n for n in lijst[:hoogstens])
    return tekst + (f" en nog {len(lijst) - hoogstens}" if len(lijst) > hoogstens else "")
