"""From a command's result to the screen or a file: one table of formats, one runner.

Every command with output goes through `voer_uit`: it runs the work, prints problems and
warnings to stderr, and writes the result in the chosen format, to stdout or whole to a
file. What a format needs is written once, in `FORMATEN`: whether it only goes to a file
(`--output`), whether it is binary, and which method of the result writes it. A command
hands over an `Inhoud` (records, rekenbladen, a text) that has those methods.

Adding a command with the standard output options (v2: sensitivity, budget, realisation,
erlang) is: the shared option types of `commands` (`FormaatOptie`, `DialectOptie`,
`UitvoerOptie`, `DebugOptie`), an `Inhoud` with `rijen()`, `tabel()` and `csv()`, a work
function returning a `Resultaat`, and one call:

    @commando()
    def budget(paden: Paden, formaat: FormaatOptie = Formaat.table, csv_dialect: DialectOptie = Dialect.en,
               output: UitvoerOptie = None, debug: DebugOptie = False) -> None:
        '''De jaren: kosten tegen financiering.'''
        voer_uit(partial(_budget, paden), Opmaak(formaat.value, output, csv_dialect.value), debug)

Exit codes (contract): 0 success, 1 invalid input, 2 wrong usage, 3 internal error.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import IO, Any, Callable, Iterable

import typer

from brutonetto.namedtuple import NamedTuple
from brutonetto.errors import Fout


class Gebruiksfout(Exception):
    """Options that cannot work together or with this input: wrong usage, exit 2."""


class Uitvoerfout(Exception):
    """Output that cannot be made here (a missing extra, a disk that refuses): exit 1."""


class Opmaak(NamedTuple):
    """How to write a result: the output options that commands share."""

    formaat: str  # a key of FORMATEN
    bestand: Path | None = None  # --output, or None for stdout
    dialect: str = "en"  # --csv-dialect
    balken: bool = False  # --bars


class Resultaat(NamedTuple):
    """What a command's work produced."""

    inhoud: Inhoud | None  # what to write; None for a command without output
    fouten: list[Fout]  # invalid input: printed, exit 1, nothing written
    waarschuwingen: list[str]  # printed as `waarschuwing: ...`
    invoer: list[Path]  # the files read, never to be overwritten by --output
    melding: str | None = None  # a closing line on stderr ("in orde: ...")


class Inhoud:
    """A result that can be written: each format of `FORMATEN` calls one of these methods."""

    def rijen(self) -> Iterable[Any]:
        """The items of `--format json` (an array) and `jsonl` (one per line)."""
        raise NotImplementedError

    def tabel(self, uit: IO[str], breedte: int | None, opmaak: Opmaak) -> None:
        """For people: `breedte` is the terminal's width, None for a file or a pipe."""
        raise NotImplementedError

    def csv(self, uit: IO[str], dialect: str) -> None:
        raise NotImplementedError

    def xlsx(self, uit: IO[bytes]) -> None:
        raise NotImplementedError

    def grafiek(self, uit: IO[Any], formaat: str) -> None:
        raise NotImplementedError


def _json(inhoud: Inhoud, opmaak: Opmaak, uit: IO[Any], breedte: int | None) -> None:
    from brutonetto.output.render import render_json

    render_json(inhoud.rijen(), uit)


def _jsonl(inhoud: Inhoud, opmaak: Opmaak, uit: IO[Any], breedte: int | None) -> None:
    from brutonetto.output.render import json_rij

    uit.writelines(json_rij(rij) + "\n" for rij in inhoud.rijen())


class Schrijfwijze(NamedTuple):
    """One `--format`: whether it needs `--output`, whether it is binary, and its writer."""

    alleen_bestand: bool
    binair: bool
    schrijf: Callable[[Inhoud, Opmaak, IO[Any], int | None], None]  # (result, options, stream, terminal width)


FORMATEN: dict[str, Schrijfwijze] = {
    "table": Schrijfwijze(False, False, lambda inhoud, opmaak, uit, breedte: inhoud.tabel(uit, breedte, opmaak)),
    "text": Schrijfwijze(False, False, lambda inhoud, opmaak, uit, breedte: inhoud.tabel(uit, breedte, opmaak)),
    "json": Schrijfwijze(False, False, _json),
    "jsonl": Schrijfwijze(False, False, _jsonl),
    "csv": Schrijfwijze(False, False, lambda inhoud, opmaak, uit, breedte: inhoud.csv(uit, opmaak.dialect)),
    "xlsx": Schrijfwijze(True, True, lambda inhoud, opmaak, uit, breedte: inhoud.xlsx(uit)),
    "svg": Schrijfwijze(True, False, lambda inhoud, opmaak, uit, breedte: inhoud.grafiek(uit, "svg")),
    "png": Schrijfwijze(True, True, lambda inhoud, opmaak, uit, breedte: inhoud.grafiek(uit, "png")),
}
_NAAR_BESTAND = {"xlsx": "een Excel-werkboek", "svg": "een grafiek", "png": "een grafiek"}


def controleer(opmaak: Opmaak) -> None:
    """Usage problems the options alone show, before any file is read."""
    if FORMATEN[opmaak.formaat].alleen_bestand and opmaak.bestand is None:
        raise Gebruiksfout(
            f"--format {opmaak.formaat}: {_NAAR_BESTAND[opmaak.formaat]} gaat naar een bestand; "
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
        formaat = FORMATEN[opmaak.formaat]
        schrijf = partial(formaat.schrijf, resultaat.inhoud, opmaak)
        if opmaak.bestand is not None:
            schrijf_bestand(schrijf, opmaak.bestand, resultaat.invoer, formaat.binair)
        else:
            schrijf(sys.stdout, terminalbreedte(sys.stdout))
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
