"""Text that is safe and fits in the terminal it is shown in: names made visible, the
rekenblad's long lines folded, the one way we ask Rich to draw.

A name comes from a file someone else may have written: a functie, scenario, eenheid,
aftrek or product named `"A\\e[2J\\e]0;PWN\\a"` would clear the screen and retitle the
window if it reached the terminal as it is. `zichtbaar` shows every control character
instead (`\\e` as `␛`); every table, rekenblad and message line passes through it. JSON and
CSV keep names exactly (JSON escapes them); CSV shown in a terminal goes through
`ZichtbareRegels`. Rich markup in names
needs no escaping because no console of ours reads markup: `console` is the only one we
make, and it has markup, emoji and highlighting off (a name `[bold]x[/]` prints as written).

A step of the rekenblad is one line (`stap = formule = berekening = uitkomst  (bron)`),
often 150 characters or more. In a narrower terminal each part that does not fit moves to
a line of its own, indented under the step; files and pipes keep the one-line form.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any, TextIO

INSPRINGING = 7  # under the step's name, past its number

# C0 controls as their Unicode pictures (U+2400..U+241F: ␀ ␉ ␊ ␍ ␛ ...), DEL as ␡, C1
# controls (U+0080..U+009F: a terminal may read U+009B as ESC [) and the bidirectional
# overrides that reorder what a line seems to say ("Trojan source") as escapes. Letters
# such as é, ë or ß are no controls and stay as they are.
# ... and the marks that are invisible yet move or hide text: the direction marks (U+200E/F,
# U+061C), the zero-width characters (U+200B-D, U+FEFF) and the line and paragraph separators
# (U+2028/9), which some terminals and editors break a line at (a third probe found them raw)
# The Unicode format characters (category Cf) and the other default-ignorable code points: each
# is invisible, and two names that look the same may differ by one (a fourth probe: U+2060, the
# tag block U+E0000 that can hide ASCII text, the Hangul fillers, U+2800)
_ONZICHTBARE_TEKENS = (
    0x00AD, *range(0x0600, 0x0606), 0x061C, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x115F, 0x1160, 0x180E,
    *range(0x200B, 0x2010), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2060, 0x2065), *range(0x2066, 0x2070),
    0x2800, 0x3164, 0xFEFF, 0xFFA0, *range(0xFFF9, 0xFFFC), 0x110BD, 0x110CD, *range(0x13430, 0x13440),
    *range(0x1BCA0, 0x1BCA4), *range(0x1D173, 0x1D17B), 0xE0001, *range(0xE0020, 0xE0080),
)
ONZICHTBAAR_KLASSE = "".join(f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}" for code in _ONZICHTBARE_TEKENS)
_ZICHTBAAR = {
    **{code: chr(0x2400 + code) for code in range(0x20)},
    0x7F: "\u2421",
    **{code: f"\\x{code:02x}" for code in range(0x80, 0xA0)},
    **{code: f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}" for code in _ONZICHTBARE_TEKENS},
}
_ONZICHTBAAR = re.compile("[\x00-\x1f\x7f-\x9f" + ONZICHTBAAR_KLASSE + "]")


def zichtbaar(tekst: str) -> str:
    """`tekst` with every control character shown instead of obeyed, a line break too: a name
    with a newline cannot start a line of its own that looks like ours. Showing twice
    changes nothing more."""
    if _ONZICHTBAAR.search(tekst) is None:
        return tekst
    return tekst.translate(_ZICHTBAAR)


# the same controls, but a line end stays one: CSV rows shown in a terminal
_ONZICHTBAAR_IN_REGEL = re.compile("\r(?!\n)|[\x00-\x09\x0b-\x0c\x0e-\x1f\x7f-\x9f" + ONZICHTBAAR_KLASSE + "]")


class ZichtbareRegels:
    """A text stream that shows the control characters written to it, line ends excepted:
    CSV printed to a terminal (`--format csv` without `--output`) carries names as written,
    and a name must not clear the screen there either. A file or a pipe gets them exact."""

    def __init__(self, uit: TextIO) -> None:
        self._uit = uit
        self._cr = ""  # a CR at the end of a piece: the next may start with its LF

    def write(self, tekst: str) -> int:
        stuk, self._cr = self._cr + tekst, ""
        if stuk.endswith("\r"):
            stuk, self._cr = stuk[:-1], "\r"
        self._uit.write(_ONZICHTBAAR_IN_REGEL.sub(lambda m: zichtbaar(m.group()), stuk))
        return len(tekst)

    def flush(self) -> None:
        if self._cr:
            self._uit.write(zichtbaar(self._cr))
            self._cr = ""
        self._uit.flush()


def console(uit: TextIO, *, terminal: bool = True) -> Any:
    """The Rich console every styled output prints through: it reads no markup, emoji or
    highlighting in the text, so a name is shown as written (after `zichtbaar`)."""
    from rich.console import Console

    # lines come laid out to the terminal's width already (soft_wrap: Rich folds nothing); an
    # explicit width keeps Rich from reading COLUMNS itself (COLUMNS=0 made it print nothing)
    return Console(file=uit, force_terminal=terminal or None, markup=False, emoji=False, highlight=False,
                   soft_wrap=True, width=1 << 16)


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
    from rich.text import Text

    from brutonetto.output.rekenblad import render_rekenblad_terminal, regels

    tekstregels = regels(bladen)
    if all(len(regel) <= breedte for regel, _ in tekstregels):
        render_rekenblad_terminal(bladen, uit)
        return
    scherm = console(uit)
    for regel, soort in tekstregels:
        if soort == "tabel":  # a contact centre's interval table: columns stay columns, never folded
            scherm.print(Text(regel))
            continue
        if soort != "stap":
            for deel in textwrap.wrap(regel, breedte, subsequent_indent="  ", break_on_hyphens=False) or [""]:
                scherm.print(Text(deel, style="bold" if soort == "kop" else ""))
            continue
        for deel in vouw(regel, breedte):
            tekst = Text(deel)
            tekst.highlight_regex(r"\([^()]*\)$", "dim")
            scherm.print(tekst)
