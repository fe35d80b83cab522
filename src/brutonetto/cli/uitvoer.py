"""From a command's result to the screen or a file: one runner, `voer_uit`.

Every command with output goes through `voer_uit`: it runs the work (which computes,
through the engine), prints problems and warnings to stderr, and hands the result's
`Inhoud` to output's one dispatcher (`output.formaten.schrijf`), to stdout or whole to a
file. What each format needs (a file only, binary) is written once, in `output.formaten.FORMATEN`.

Adding a command with the standard output options (v2: sensitivity, budget, realisation,
erlang) is: the shared option types of `commands` (`FormaatOptie`, `DialectOptie`,
`UitvoerOptie`, `DebugOptie`), an `Inhoud` (output/inhoud.py) with `rijen()`, `tabel()`
and `csv()`, a work function returning a `Resultaat`, and one call:

    @commando()
    def budget(paden: Paden, formaat: FormaatOptie = Formaat.table, csv_dialect: DialectOptie = Dialect.en,
               output: UitvoerOptie = None, debug: DebugOptie = False) -> None:
        '''De jaren: kosten tegen financiering.'''
        voer_uit(partial(_budget, paden), Opmaak(formaat.value, output, csv_dialect.value), debug)

Exit codes (contract): 0 success, 1 invalid input, 2 wrong usage, 3 internal error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, IO, NamedTuple

import typer

from brutonetto.errors import Fout
from brutonetto.output.formaten import FORMATEN, Inhoud, Uitvoerfout, schrijf


class Gebruiksfout(Exception):
    """Options that cannot work together or with this input: wrong usage, exit 2."""


class Opmaak(NamedTuple):
    """How to write a result: the output options that commands share."""

    formaat: str  # a key of FORMATEN
    bestand: Path | None = None  # --output, or None for stdout
    dialect: str = "en"  # --csv-dialect
    balken: bool = False  # --staven


class Resultaat(NamedTuple):
    """What a command's work produced."""

    inhoud: Inhoud | None  # what to write; None for a command without output
    fouten: list[Fout]  # invalid input: printed, exit 1, nothing written
    waarschuwingen: list[str]  # printed as `waarschuwing: ...`
    invoer: list[Path]  # the files read, never to be overwritten by --output
    melding: str | None = None  # a closing line on stderr ("in orde: ...")


def controleer(opmaak: Opmaak) -> None:
    """Usage problems the options alone show, before any file is read."""
    wat = FORMATEN[opmaak.formaat].alleen_bestand
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

    return shutil.get_terminal_size().columns  # honours COLUMNS


def voer_uit(werk: Callable[[], Resultaat], opmaak: Opmaak | None, debug: bool) -> None:
    """Run a command's work, report, write its result, and exit with the contract's code."""
    try:
        if opmaak is not None:
            controleer(opmaak)
        resultaat = werk()
        _meld(resultaat)
        if resultaat.fouten:
            raise typer.Exit(1)
        if resultaat.inhoud is None or opmaak is None:
            return
        inhoud = resultaat.inhoud

        def naar(uit: IO[Any], breedte: int | None) -> None:
            schrijf(inhoud, opmaak.formaat, uit, breedte, dialect=opmaak.dialect, balken=opmaak.balken)

        if opmaak.bestand is not None:
            schrijf_bestand(naar, opmaak.bestand, resultaat.invoer, FORMATEN[opmaak.formaat].binair)
        else:
            naar(sys.stdout, terminalbreedte(sys.stdout))
    except (typer.Exit, typer.Abort, KeyboardInterrupt, Gebruiksfout):
        raise  # a Gebruiksfout becomes a usage error in cli.groep.Commando
    except Uitvoerfout as fout:
        typer.echo(f"fout: {fout}", err=True)
        raise typer.Exit(1) from None
    except BrokenPipeError:
        raise typer.Exit(0) from None
    except Exception as fout:  # noqa: BLE001 - the last line of defence: exit 3, one line
        if debug:
            import traceback

            traceback.print_exc()
        typer.echo(
            f"interne fout: {type(fout).__name__}: {fout} (dit is een fout in brutonetto; "
            "draai opnieuw met --debug voor details en meld het)",
            err=True,
        )
        raise typer.Exit(3) from None


def _meld(resultaat: Resultaat) -> None:
    """Problems (sorted by file, in the order the files were given, then by line), warnings, summary."""
    volgorde = {naam: i for i, naam in enumerate(dict.fromkeys(f.bestand for f in resultaat.fouten))}
    for fout in sorted(resultaat.fouten, key=lambda f: (volgorde[f.bestand], f.regel or 0, f.kolom or 0)):
        typer.echo(str(fout), err=True)
    for waarschuwing in resultaat.waarschuwingen:
        typer.echo(f"waarschuwing: {waarschuwing}", err=True)
    if resultaat.fouten:
        aantal = len(resultaat.fouten)
        typer.echo(f"{aantal} {'probleem' if aantal == 1 else 'problemen'} gevonden; er is niets berekend.", err=True)
    elif resultaat.melding:
        typer.echo(resultaat.melding, err=True)


def schrijf_bestand(schrijf: Callable[[IO[Any], None], None], doel: Path, invoer: list[Path], binair: bool = False) -> None:
    """Write the whole output to a temporary file beside the target, then rename: all or nothing.
    A pipe or a device (`/dev/stdout`) is written into as it is: renaming would replace it."""
    import os
    import tempfile

    doel_echt = doel.resolve()
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
            raise Uitvoerfout(f"--output {doel}: schrijven mislukt: {fout.strerror or fout}") from None
        typer.echo(f"geschreven: {doel}", err=True)
        return
    if not doel_echt.parent.is_dir():
        raise Gebruiksfout(f"--output {doel}: de map {doel.parent} bestaat niet")
    try:
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=doel_echt.parent)
    except OSError as fout:
        raise Uitvoerfout(f"--output {doel}: kan niet schrijven in {doel.parent}: {fout.strerror or fout}") from None
    try:
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
    except OSError as fout:
        Path(tijdelijk).unlink(missing_ok=True)
        raise Uitvoerfout(f"--output {doel}: schrijven mislukt: {fout.strerror or fout}") from None
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
    typer.echo(f"geschreven: {doel}", err=True)


def bekende_scenarios(functies: list, gekozen: list[str]) -> None:
    """`--scenario` names a scenario of these files: else the option is wrong (exit 2)."""
    from brutonetto.engine.records import scenarionamen

    bekend = scenarionamen(functies)
    onbekend = [naam for naam in dict.fromkeys(gekozen) if naam not in bekend]
    if onbekend:
        namen = ", ".join(f"'{n}'" for n in onbekend)
        raise Gebruiksfout(
            f"--scenario: onbekend scenario {namen}; in deze bestanden staan: {', '.join(bekend)}"
        )
