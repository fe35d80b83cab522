"""Problems with the input, as values: collected, sorted and printed all together.

Like Beancount's errors, a `Fout` is data, never an exception that escapes to the user:
the loader gathers every problem of a run and the CLI prints them as
`FILE:LINE:COL: field.path: message`.
"""

from __future__ import annotations

from typing import NamedTuple

Pad = tuple[str | int, ...]


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
