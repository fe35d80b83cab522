"""Text that fits the terminal it is shown in: the rekenblad's long lines, folded.

A step of the rekenblad is one line (`stap = formule = berekening = uitkomst  (bron)`),
often 150 characters or more. In a narrower terminal each part that does not fit moves to
a line of its own, indented under the step; files and pipes keep the one-line form.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any, TextIO

INSPRINGING = 7  # under the step's name, past its number


def vouw(regel: str, breedte: int) -> list[str]:
    """One rekenblad line as lines of at most `breedte` characters, split between its parts."""
    if len(regel) <= breedte:
        return [regel]
    delen = re.split(r" (?== )|  (?=\()", regel)
    inspringing = " " * INSPRINGING
    regels = [delen[0].rstrip()]
    for deel in delen[1:]:
        if len(regels[-1]) + 1 + len(deel) <= breedte and regels[-1] is not regels[0]:
            regels[-1] += " " + deel
        else:
            regels.extend(textwrap.wrap(
                deel, breedte, initial_indent=inspringing, subsequent_indent=inspringing + "  ",
                break_on_hyphens=False,
            ) or [inspringing])
    return regels


def rekenblad_in_terminal(bladen: list[Any], uit: TextIO, breedte: int) -> None:
    """The rekenblad styled for a terminal of `breedte` columns: headings bold, results bold cyan, sources dim."""
    from rich.console import Console
    from rich.text import Text

    from brutonetto.output.rekenblad import render_rekenblad_terminal, regels

    tekstregels = regels(bladen)
    if all(len(regel) <= breedte for regel, _ in tekstregels):
        render_rekenblad_terminal(bladen, uit)
        return
    console = Console(file=uit, force_terminal=True, markup=False, emoji=False, highlight=False, soft_wrap=True)
    for regel, soort in tekstregels:
        if soort == "tabel":  # a contact centre's interval table: columns stay columns, never folded
            console.print(Text(regel))
            continue
        if soort != "stap":
            for deel in textwrap.wrap(regel, breedte, subsequent_indent="  ", break_on_hyphens=False) or [""]:
                console.print(Text(deel, style="bold" if soort == "kop" else ""))
            continue
        for deel in vouw(regel, breedte):
            tekst = Text(deel)
            tekst.highlight_regex(r"\([^()]*\)$", "dim")
            console.print(tekst)
