"""From a command's result to the screen or a file: one runner, `voer_uit`.

Every command with output goes through `voer_uit`: it runs the work (which computes,
through the engine), prints problems and warnings to stderr, and hands the result's
`Inhoud` to output's one dispatcher (`output.formaten.schrijf`), to stdout or whole to a
file. What each format needs (a file only, binary) is written once, in `output.formaten.FORMATEN`.

Adding a command with the standard output options (v2: sensitivity, budget, realisation,
erlang) is: the shared option types of `commands` (`FormaatOptie`, `DialectOptie`,
`UitvoerOptie`, `DebugOptie`), an `Inhoud` (output/inhoud.py) with `rijen()`, `tabel()`
and `csv()`, a work function in `api.werk` returning an `Uitkomst`, and one call:

    @commando()
    def budget(paden: Paden, formaat: FormaatOptie = Formaat.table, csv_dialect: DialectOptie = Dialect.en,
               output: UitvoerOptie = None, debug: DebugOptie = False) -> None:
        '''De jaren: kosten tegen financiering.'''
        voer_uit(partial(_budget, paden), Opmaak(formaat.value, output, csv_dialect.value), debug)

Exit codes (contract): 0 success, 1 invalid input, 2 wrong usage, 3 internal error.
Output the world refuses (a full disk, a closed stream, `ulimit -f`, no permission) is no
internal error: exit 1 and `fout: kan niet schrijven naar BESTAND: REDEN`, the reason in
Dutch (`reden`). A signal (SIGINT, SIGTERM, SIGHUP) removes a half-written file and exits
128 + its number (`Afgebroken`, `vang_signalen`); `sluit_af` flushes the streams before
Python does, so nothing fails after our last word.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from pathlib import Path
from typing import Any, Callable, IO, NamedTuple

import typer

from brutonetto.api.uitkomst import Uitkomst
from brutonetto.errors import MAX_PER_BESTAND, Gebruiksfout, Problemen
from brutonetto.notation import telling
from brutonetto.output.formaten import FORMATEN, Uitvoerfout, schrijf


class Opmaak(NamedTuple):
    """How to write a result: the output options that commands share."""

    formaat: str  # a key of FORMATEN
    bestand: Path | None = None  # --output, or None for stdout
    dialect: str = "en"  # --csv-dialect
    balken: bool = False  # --staven


def controleer(opmaak: Opmaak) -> None:
    """Usage problems the options alone show, before any file is read."""
    wat = FORMATEN[opmaak.formaat].alleen_bestand
    if opmaak.balken and opmaak.formaat != "table":
        raise Gebruiksfout(f"--staven tekent balken in de tabel; --format {opmaak.formaat} heeft er geen "
                           "(laat --staven weg, of gebruik --format table)")
    if wat is not None and opmaak.bestand is None:
        raise Gebruiksfout(
            f"--format {opmaak.formaat}: {wat} gaat naar een bestand; "
            f"geef --output BESTAND.{opmaak.formaat}"
        )


def terminalbreedte(uit: IO[Any]) -> int | None:
    """The width of the terminal `uit` shows in, or None for a file or a pipe."""
    try:
        if not uit.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    import shutil

    breedte = shutil.get_terminal_size().columns  # honours COLUMNS
    return breedte if breedte >= 20 else 80  # COLUMNS=0 or a garbled value: the usual width


def voer_uit(werk: Callable[[], Uitkomst], opmaak: Opmaak | None, debug: bool) -> None:
    """Run a command's work, report, write its result, and exit with the contract's code."""
    try:
        if opmaak is not None:
            controleer(opmaak)
        resultaat = werk()
        _meld(resultaat)
        if resultaat.problemen:
            raise typer.Exit(1)
        if resultaat.inhoud is None or opmaak is None:
            return
        inhoud = resultaat.inhoud
        inhoud.waarschuwingen = list(resultaat.waarschuwingen)  # the report shows them (formaten.Inhoud)

        def naar(uit: IO[Any], breedte: int | None) -> None:
            schrijf(inhoud, opmaak.formaat, uit, breedte, dialect=opmaak.dialect, balken=opmaak.balken)

        if opmaak.bestand is not None:
            schrijf_bestand(naar, opmaak.bestand, resultaat.bestanden, FORMATEN[opmaak.formaat].binair)
            meld(f"geschreven: {opmaak.bestand}")
        else:
            _naar_standaarduitvoer(naar)
    except (typer.Exit, typer.Abort, KeyboardInterrupt, Gebruiksfout):
        raise  # a Gebruiksfout becomes a usage error in cli.groep.Commando
    except Uitvoerfout as fout:
        meld(f"fout: {fout}")
        raise typer.Exit(1) from None
    except BrokenPipeError:
        laat_los(sys.stdout)
        raise typer.Exit(0) from None
    except Exception as fout:  # noqa: BLE001 - the last line of defence: exit 3, one line
        if debug:
            import traceback

            traceback.print_exc()
        meld(
            f"interne fout: {type(fout).__name__}: {fout} (dit is een fout in brutonetto; "
            "draai opnieuw met --debug voor details en meld het)"
        )
        raise typer.Exit(3) from None


def meld(tekst: str) -> None:
    """One line on stderr. Its names come from files (a scenario, a functie): their control
    characters are shown, never obeyed, on a terminal as much as in a log, and a line break
    in a name (or in an internal error's text) cannot forge a line that looks like ours."""
    from brutonetto.output.terminal import zichtbaar

    if len(tekst) > MAX_REGEL:  # a 3 MB value quoted, a list of 40.000 names: a line, not a flood
        tekst = f"{tekst[:MAX_REGEL]}… (en nog {telling(len(tekst) - MAX_REGEL)} tekens)"
    typer.echo(zichtbaar(tekst), err=True)


MAX_REGEL = 1000  # characters of one message line


def _meld(resultaat: Uitkomst) -> None:
    """Problems (by file, in the order the files were given, then by line), warnings, summary.

    At most `MAX_PER_BESTAND` problems a file are printed, then one line with how many more
    there are: a file of two million bad rows gives a screenful, not two million lines."""
    problemen = resultaat.problemen if isinstance(resultaat.problemen, Problemen) else Problemen(resultaat.problemen)
    for bestand, fouten, weggelaten in problemen.per_bestand():
        for fout in fouten:
            meld(str(fout))
        if weggelaten:
            meld(f"en nog {telling(weggelaten)} {'probleem' if weggelaten == 1 else 'problemen'} in {bestand} "
                 f"(alleen de eerste {telling(len(fouten))} staan hierboven)")
    for waarschuwing in resultaat.waarschuwingen[:MAX_PER_BESTAND]:
        meld(f"waarschuwing: {waarschuwing}")
    if len(resultaat.waarschuwingen) > MAX_PER_BESTAND:  # the same cap as problems: noise buries nothing
        meld(f"en nog {telling(len(resultaat.waarschuwingen) - MAX_PER_BESTAND)} waarschuwingen "
             f"(alleen de eerste {telling(MAX_PER_BESTAND)} staan hierboven)")
    if problemen:
        aantal = len(problemen)
        typer.echo(f"{telling(aantal)} {'probleem' if aantal == 1 else 'problemen'} gevonden; er is niets berekend.",
                   err=True)
    elif resultaat.melding:
        meld(resultaat.melding)


def _naar_standaarduitvoer(naar: Callable[[IO[Any], int | None], None]) -> None:
    """Write to stdout and flush it here, inside the try: a full disk often shows only at the last write."""
    uit = sys.stdout
    if uit is None:  # started with standard output closed (`>&-`): Python made no stream for it
        raise Uitvoerfout(f"kan niet schrijven naar standaarduitvoer: {_REDENEN[errno.EBADF]}")
    try:
        naar(uit, terminalbreedte(uit))
        uit.flush()
    except OSError as fout:
        laat_los(uit)
        if fout.errno == errno.EPIPE:  # the reader stopped early (`| head`): not an error
            raise typer.Exit(0) from None
        raise Uitvoerfout(f"kan niet schrijven naar standaarduitvoer: {reden(fout)}") from None


def schrijf_bestand(schrijf: Callable[[IO[Any], None], None], doel: Path, invoer: list[Path], binair: bool = False) -> None:
    """Write the whole output to a temporary file beside the target, then rename: all or nothing.
    A pipe or a device (`/dev/stdout`) is written into as it is: renaming would replace it.

    Whatever stops the writing (a disk that refuses, a signal: `Afgebroken`) removes the
    temporary file and leaves the target as it was. The caller says `geschreven`: `init`
    writes two files and says so only when both are there.
    """
    import tempfile

    try:
        doel_echt = doel.resolve()
        doel.exists()  # a name the system refuses (too long) says so here
    except OSError as fout:
        raise Uitvoerfout(f"kan niet schrijven naar {doel}: {reden(fout)}") from None
    if any(pad.resolve() == doel_echt for pad in invoer):
        raise Gebruiksfout(f"--output {doel} is een van de invoerbestanden; kies een ander bestand")
    if doel_echt.is_dir():
        raise Gebruiksfout(f"--output {doel} is een map; geef een bestandsnaam")
    if doel.exists() and not doel.is_file():  # a pipe or a device (/dev/stdout): written into, never replaced
        try:
            with open(doel, "wb") if binair else open(doel, "w", encoding="utf-8", newline="") as f:
                schrijf(f, None)
        except BrokenPipeError:  # the reader stopped early (`| head`): as on standard output, not an error
            return
        except OSError as fout:
            raise Uitvoerfout(f"kan niet schrijven naar {doel}: {reden(fout)}") from None
        return
    if not doel_echt.parent.is_dir():
        raise Gebruiksfout(f"--output {doel}: de map {doel.parent} bestaat niet")
    # A signal between the file's creation and the `try` below would leave it behind: the
    # signals wait (blocked) until the name is known, and arrive inside the `try`.
    onderbrekingen = {getattr(signal, n) for n in ONDERBREKINGEN if hasattr(signal, n)}
    wachtend = hasattr(signal, "pthread_sigmask")
    oud = signal.pthread_sigmask(signal.SIG_BLOCK, onderbrekingen) if wachtend else None
    try:
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=doel_echt.parent)
    except OSError as fout:
        if wachtend:
            signal.pthread_sigmask(signal.SIG_SETMASK, oud)
        raise Uitvoerfout(f"kan niet schrijven in {doel_echt.parent}: {reden(fout)}") from None
    try:
        if wachtend:
            signal.pthread_sigmask(signal.SIG_SETMASK, oud)
        if binair:
            with os.fdopen(fd, "wb") as f:
                schrijf(f, None)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                schrijf(f, None)
        # mkstemp makes the file private (0600); give it the mode a plain open() would have
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tijdelijk, doel_echt.stat().st_mode & 0o7777 if doel_echt.exists() else 0o666 & ~umask)
        os.replace(tijdelijk, doel_echt)
    except BaseException as fout:  # a signal too: after the rename there is nothing left to remove
        Path(tijdelijk).unlink(missing_ok=True)
        if isinstance(fout, OSError):
            raise Uitvoerfout(f"kan niet schrijven naar {doel}: {reden(fout)}") from None
        raise


# What a user can do something about, in their words; another reason keeps the system's words.
_REDENEN: dict[int, str] = {
    getattr(errno, naam): tekst
    for naam, tekst in (
        ("ENOSPC", "de schijf is vol"),
        ("EDQUOT", "uw schijfquotum is op"),
        ("EFBIG", "het bestand wordt te groot (ulimit -f of de grens van het bestandssysteem)"),
        ("EBADF", "die is gesloten"),
        ("EACCES", "geen toestemming"),
        ("EPERM", "geen toestemming"),
        ("EROFS", "het bestandssysteem is alleen-lezen"),
        ("EIO", "het apparaat meldt een lees- of schrijffout"),
        ("ENAMETOOLONG", "de bestandsnaam is te lang"),
    )
    if hasattr(errno, naam)
}


def reden(fout: OSError) -> str:
    """Why a write failed, in Dutch for the common reasons."""
    return _REDENEN.get(fout.errno or 0) or fout.strerror or str(fout)


def laat_los(stroom: IO[Any] | None) -> None:
    """Point a stream that refused at the null device: what is left in its buffer, which Python
    flushes at exit, then goes nowhere instead of failing once more after our message."""
    try:
        fd = stroom.fileno()  # type: ignore[union-attr]
    except (AttributeError, OSError, ValueError):  # no stream, or not a file (a test's buffer)
        return
    nul = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(nul, fd)
    finally:
        os.close(nul)


def _tell(tekst: str) -> None:
    """A last line on stderr, which may refuse too: then it is not said."""
    try:
        typer.echo(tekst, err=True)
    except OSError:
        laat_los(sys.stderr)


class Afgebroken(BaseException):
    """A signal that ends the run (SIGINT, SIGTERM, SIGHUP), raised where the run is, so that the
    way out removes a half-written file (`schrijf_bestand`, `init`); exit 128 + its number.
    A BaseException, as KeyboardInterrupt is: no `except Exception` on the way holds it up."""

    def __init__(self, nummer: int) -> None:
        super().__init__(nummer)
        self.nummer = nummer


# the signals that end a run by default: each removes the temporary file first (SIGKILL cannot)
ONDERBREKINGEN = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM")


def vang_signalen() -> None:
    """Turn the signals that would end the run (ONDERBREKINGEN) into `Afgebroken`; ignore SIGXFSZ, so that a write past
    `ulimit -f` fails with EFBIG (reported) instead of killing the process (Python does this too)."""
    signalen = [getattr(signal, naam) for naam in ONDERBREKINGEN if hasattr(signal, naam)]

    def stop(nummer: int, frame: Any) -> None:
        for s in signalen:  # a second signal must not cut the cleaning up short
            signal.signal(s, signal.SIG_IGN)
        raise Afgebroken(nummer)

    for s in signalen:
        if signal.getsignal(s) != signal.SIG_IGN:  # ignored by whoever started us (nohup, `cmd &`): it stays so
            signal.signal(s, stop)
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def afgebroken(signaal: Afgebroken) -> int:
    """Say which signal stopped the run; the exit code, 128 + its number, as a shell reports it."""
    _tell(f"afgebroken ({signal.Signals(signaal.nummer).name})")
    return 128 + signaal.nummer


def schrijffout(fout: OSError) -> int:
    """An OSError the command line itself met writing (--help, --version, a usage error): standard
    output refused (stderr would not show this either). A reader that stopped early is no error."""
    laat_los(sys.stdout)
    if fout.errno == errno.EPIPE:
        return 0
    _tell(f"fout: kan niet schrijven naar standaarduitvoer: {reden(fout)}")
    return 1


def sluit_af(code: int) -> int:
    """Flush standard output and error before Python does at exit, where a failure would print
    `Exception ignored ...` after our last word; a stream that refuses is let go (`laat_los`).
    Output that did not arrive is an error (exit 1), unless the run failed already."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as fout:
        laat_los(sys.stdout)
        if code == 0 and fout.errno != errno.EPIPE:
            _tell(f"fout: kan niet schrijven naar standaarduitvoer: {reden(fout)}")
            code = 1
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except OSError:
        laat_los(sys.stderr)
        code = code or 1
    return code
