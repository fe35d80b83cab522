"""The formats, in one table, and the one place that picks the renderer for a format: `schrijf`.

What a format needs is written once, in `FORMATEN`: whether it only goes to a file
(`--output`), whether it is binary, and which method of the content writes it. What is
written is an `Inhoud` (inhoud.py: records, rekenbladen, typed rows, a text) that has those
methods; it holds results the engine computed, it never computes them.

The renderers are imported when a format is written, never at start-up.
"""

from __future__ import annotations

from typing import Any, Callable, IO, Iterable, NamedTuple, Sequence



class Uitvoerfout(Exception):
    """Output that cannot be made here (a missing extra, a disk that refuses)."""


class Inhoud:
    """Content that can be written: each format of `FORMATEN` calls one of these methods.

    `waarschuwingen` are the run's warnings (stderr has them too): the html report shows them,
    since whoever reads it never saw the run (a functie compare found in one file only)."""

    waarschuwingen: Sequence[str] = ()

    def rijen(self) -> Iterable[Any]:
        """The items of `--format json` (an array) and `jsonl` (one per line)."""
        raise NotImplementedError

    def tabel(self, uit: IO[str], breedte: int | None, balken: bool = False) -> None:
        """For people: `breedte` is the terminal's width, None for a file or a pipe; `balken`: --staven."""
        raise NotImplementedError

    def csv(self, uit: IO[str], dialect: str) -> None:
        raise NotImplementedError

    def xlsx(self, uit: IO[bytes]) -> None:
        raise NotImplementedError

    def grafiek(self, uit: IO[Any], formaat: str) -> None:
        raise NotImplementedError

    def html(self, uit: IO[str]) -> None:
        """The report to hand on: one self-contained page (output/rapport.py)."""
        raise NotImplementedError


class Schrijfwijze(NamedTuple):
    """One `--format`: what it is when it goes to a file only, whether it is binary, and its writer."""

    alleen_bestand: str | None  # "een grafiek": it needs --output; None: it may go to the screen
    binair: bool
    schrijf: Callable[[Inhoud, IO[Any], int | None, str, bool], None]  # (content, stream, width, dialect, bars)


def _tabel(inhoud: Inhoud, uit: IO[Any], breedte: int | None, dialect: str, balken: bool) -> None:
    inhoud.tabel(uit, breedte, balken)


def _json(inhoud: Inhoud, uit: IO[Any], breedte: int | None, dialect: str, balken: bool) -> None:
    from brutonetto.output.render import render_json

    render_json(inhoud.rijen(), uit)


def _jsonl(inhoud: Inhoud, uit: IO[Any], breedte: int | None, dialect: str, balken: bool) -> None:
    from brutonetto.output.render import json_rij

    uit.writelines(json_rij(rij) + "\n" for rij in inhoud.rijen())


def _xlsx(inhoud: Inhoud, uit: IO[Any], breedte: int | None, dialect: str, balken: bool) -> None:
    """The workbook is zipped in memory and written in one go. Zipfile seeks back in its stream,
    and one that a full disk or a signal stops closes itself later, from `ZipFile.__del__`: into
    the file we closed and removed by then (a traceback after our message). Memory holds the
    compressed workbook only (about 140 bytes a record)."""
    import io

    zip_ = io.BytesIO()
    inhoud.xlsx(zip_)
    uit.write(zip_.getbuffer())


FORMATEN: dict[str, Schrijfwijze] = {
    "table": Schrijfwijze(None, False, _tabel),
    "text": Schrijfwijze(None, False, _tabel),
    "json": Schrijfwijze(None, False, _json),
    "jsonl": Schrijfwijze(None, False, _jsonl),
    "csv": Schrijfwijze(None, False, lambda inhoud, uit, breedte, dialect, balken: inhoud.csv(uit, dialect)),
    "xlsx": Schrijfwijze("een Excel-werkboek", True, _xlsx),
    "html": Schrijfwijze("een rapport", False, lambda inhoud, uit, breedte, dialect, balken: inhoud.html(uit)),
    "svg": Schrijfwijze("een grafiek", False, lambda inhoud, uit, breedte, dialect, balken: inhoud.grafiek(uit, "svg")),
    "png": Schrijfwijze("een grafiek", True, lambda inhoud, uit, breedte, dialect, balken: inhoud.grafiek(uit, "png")),
}


def schrijf(inhoud: Inhoud, formaat: str, uit: IO[Any], breedte: int | None = None, *,
            dialect: str = "en", balken: bool = False) -> None:
    """Write `inhoud` in `formaat` to `uit`: the only place that picks a renderer.

    `breedte` is the width of the terminal `uit` shows in (None for a file or a pipe),
    `dialect` the CSV style (en, nl), `balken` the table's bars (--staven).
    """
    from brutonetto.output.inhoud import Geschreven

    if breedte is not None and formaat == "csv":  # CSV in a terminal: names shown, not obeyed
        from brutonetto.output.terminal import ZichtbareRegels

        uit = ZichtbareRegels(uit)
    if isinstance(inhoud, Geschreven) and inhoud.formaat == formaat:
        inhoud.kopieer(uit)
        return
    FORMATEN[formaat].schrijf(inhoud, uit, breedte, dialect, balken)


STROMEN = ("json", "jsonl", "csv")  # the formats `schrijf_stroom` writes


def schrijf_stroom(records: Iterable[Any], formaat: str, uit: IO[str], dialect: str = "en") -> None:
    """Write records in `formaat` (one of STROMEN) as they come: nothing holds them all."""
    from brutonetto.output import render

    if formaat == "json":
        render.render_json(records, uit)
    elif formaat == "jsonl":
        uit.writelines(render.json_rij(rij) + "\n" for rij in records)
    else:
        render.render_csv_stroom(records, uit, dialect)
