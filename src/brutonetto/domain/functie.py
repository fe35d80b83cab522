"""A functie as loaded: its basis and scenarios as profiles, and where each field was written.

These are the types the rest of brutonetto works with after `input.loader.load`; they
import no YAML, so the engine's records can use them. `Herkomst` asks a `Bron` for
file:line: input.source.Bron is one, described here by what is asked of it, since the
floor imports nothing above it.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from brutonetto.domain.profiel import Profiel
from brutonetto.errors import Fout, Pad

BASIS = "basis"


class Bron(Protocol):
    """A file as read, by what a `Herkomst` asks of it (input.source.Bron is the one)."""

    naam: str

    def bestaat(self, veld: Pad) -> bool: ...

    def plaats(self, veld: Pad) -> tuple[int | None, int | None]: ...

    def getypt(self, veld: Pad) -> str | None: ...

    def plek(self, veld: Pad) -> str: ...

    def fout(self, bericht: str, veld: Pad = ()) -> Fout: ...


class Herkomst(NamedTuple):
    """Where the fields of one profile may have been written, most specific first.

    Used on the error path, and to show the working: a value such as `aftrek.werkoverleg`
    comes from the first place that writes it (the functie's scenario, the file's
    scenario, the functie, its `standaard`), and a problem with it is reported there, or
    else at the functie itself.
    """

    plekken: tuple[tuple[Bron, Pad], ...]

    def waar(self, veld: Pad) -> str | None:
        """`file:line` of the place a value was written, or None for a default or a result."""
        for bron, prefix in self.plekken:
            if bron.bestaat(prefix + veld):
                return bron.plek(prefix + veld)
        return None

    def getypt(self, veld: Pad) -> str | None:
        """The value of a field as the user typed it, where it was written; None for a default."""
        for bron, prefix in self.plekken:
            if bron.bestaat(prefix + veld):
                return bron.getypt(prefix + veld)
        return None

    def fout(self, bericht: str, veld: Pad = ()) -> Fout:
        for lengte in range(len(veld), 0, -1):
            for bron, prefix in self.plekken:
                if bron.bestaat(prefix + veld[:lengte]):
                    return bron.fout(bericht, prefix + veld[:lengte])
        for bron, prefix in self.plekken:
            if bron.bestaat(prefix):
                return bron.fout(bericht, prefix)
        bron, prefix = self.plekken[0]
        return bron.fout(bericht, prefix)


class Invoer(NamedTuple):
    """One functie in one scenario, ready for the engine, with where its fields came from."""

    scenario: str
    profiel: Profiel
    herkomst: Herkomst


class Functie(NamedTuple):
    """A functie as loaded: its file, its basis and its scenarios in the order written."""

    bron: Bron
    naam: str
    eenheid: str | None
    basis: Invoer
    scenarios: dict[str, Invoer]

    @property
    def bestand(self) -> str:
        return self.bron.naam
