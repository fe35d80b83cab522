"""The command line: Typer commands declare their options and forward them to `_run`.

Exit codes (contract): 0 success, 1 invalid input (every problem printed as
FILE:LINE:COL: field.path: message), 2 wrong usage (Typer/Click), 3 internal error (one
line; `--debug` shows the traceback).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer

from brutonetto import __version__

app = typer.Typer(
    name="brutonetto",
    help=(
        "Bruto/netto-berekening: van contracturen naar directe uren dienstverlening, "
        "en wat extra leertijd kost aan fte en geld."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Formaat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


class Dialect(str, Enum):
    en = "en"
    nl = "nl"


Paden = Annotated[
    list[str],
    typer.Argument(
        help="YAML-bestanden, mappen (alle *.yaml/*.yml daaronder) of - voor standaardinvoer.",
        show_default=False,
        metavar="PAD",
    ),
]
FormaatOptie = Annotated[
    Formaat,
    typer.Option(
        "--format", "-f",
        help="Uitvoer: table (voor mensen), json, jsonl (een record per regel), csv, of xlsx (een Excel-werkboek "
        "met formules; met --output, en pip install 'brutonetto[xlsx]').",
    ),
]
DialectOptie = Annotated[
    Dialect,
    typer.Option(
        "--csv-dialect",
        help="CSV-stijl: en (komma's, decimaalpunt) of nl (puntkomma's, decimaalkomma, voor Nederlandse Excel).",
    ),
]
UitvoerOptie = Annotated[
    Optional[Path],
    typer.Option(
        "--output", "-o",
        help="Schrijf naar dit bestand in plaats van naar het scherm (in zijn geheel of helemaal niet).",
        show_default=False,
        metavar="BESTAND",
    ),
]
DebugOptie = Annotated[
    bool, typer.Option("--debug", help="Toon bij een interne fout de volledige traceback.")
]


def _toon_versie(waarde: bool) -> None:
    if waarde:
        typer.echo(f"brutonetto {__version__}")
        raise typer.Exit()


@app.callback()
def _hoofd(
    versie: Annotated[
        bool,
        typer.Option("--version", "-V", help="Toon de versie en stop.", callback=_toon_versie, is_eager=True),
    ] = False,
) -> None:
    """Bruto/netto-berekening: van contracturen naar directe uren dienstverlening.

    Per functie: bruto uren - verlof = beschikbare uren - aftrek (verzuim, leertijd,
    overleg, ...) = directe uren; en per scenario hoeveel extra fte en kosten nodig zijn.
    """


@app.command()
def compute(
    paden: Paden,
    scenario: Annotated[
        Optional[list[str]],
        typer.Option(
            "--scenario", "-s",
            help="Toon alleen dit scenario naast basis (mag vaker). Standaard: alle scenario's.",
            show_default=False,
            metavar="NAAM",
        ),
    ] = None,
    formaat: FormaatOptie = Formaat.table,
    csv_dialect: DialectOptie = Dialect.en,
    output: UitvoerOptie = None,
    balken: Annotated[
        bool, typer.Option("--bars", help="Toon in de tabel per regel een balk: directe uren tegen aftrek.")
    ] = False,
    debug: DebugOptie = False,
) -> None:
    """Bereken elk profiel: basis en elk scenario, met extra fte en kosten ten opzichte van basis."""

    def werk():
        from brutonetto.input.loader import load
        from brutonetto.engine.records import compute_records

        lading = load(paden)
        rapport = compute_records(lading.functies, scenario)
        rapport.fouten[:0] = lading.fouten
        return rapport, lading.bestanden, _records_schrijver(rapport, formaat, csv_dialect, output, balken)

    _run(werk, output, debug, binair=formaat == Formaat.xlsx)


@app.command()
def compare(
    oud: Annotated[str, typer.Argument(help="Het oude bestand: de basis.", show_default=False, metavar="OUD")],
    nieuw: Annotated[str, typer.Argument(help="Het nieuwe bestand: het scenario.", show_default=False, metavar="NIEUW")],
    formaat: FormaatOptie = Formaat.table,
    csv_dialect: DialectOptie = Dialect.en,
    output: UitvoerOptie = None,
    debug: DebugOptie = False,
) -> None:
    """Vergelijk twee bestanden functie voor functie: OUD is de basis, NIEUW het scenario.

    Functies worden op naam (en eenheid) gekoppeld; het scenario van elke regel is de
    bestandsnaam zonder extensie. Een functie die in maar één bestand staat wordt gemeld.
    """

    def werk():
        from brutonetto.input.loader import load
        from brutonetto.engine.records import compare_records
        oude, nieuwe = load([oud]), load([nieuw])
        oud_naam, nieuw_naam = ("stdin" if p == "-" else Path(p).stem for p in (oud, nieuw))
        if oud_naam == nieuw_naam:
            oud_naam, nieuw_naam = oud, nieuw
        rapport = compare_records(oude.functies, nieuwe.functies, oud_naam, nieuw_naam)
        rapport.fouten[:0] = oude.fouten + nieuwe.fouten
        return rapport, oude.bestanden + nieuwe.bestanden, _records_schrijver(rapport, formaat, csv_dialect, output)

    _run(werk, output, debug, binair=formaat == Formaat.xlsx)


@app.command()
def validate(paden: Paden, debug: DebugOptie = False) -> None:
    """Controleer bestanden zonder uitvoer te maken; meldt elk probleem met bestand, regel en veld."""

    def werk():
        from brutonetto.input.loader import load
        from brutonetto.engine.records import compute_records

        lading = load(paden)
        functies = lading.functies
        rapport = compute_records(functies)
        rapport.fouten[:0] = lading.fouten
        if not rapport.fouten:
            scenarios = sum(len(f.scenarios) for f in functies)
            bestanden = len({f.bestand for f in functies})
            rapport.waarschuwingen.append(
                f"in orde: {bestanden} {'bestand' if bestanden == 1 else 'bestanden'}, "
                f"{len(functies)} {'functie' if len(functies) == 1 else 'functies'}, "
                f"{scenarios} {'scenario' if scenarios == 1 else 'scenario' + chr(39) + 's'}"
            )
        return rapport, lading.bestanden, None

    _run(werk, None, debug)


class Uitlegformaat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def explain(
    paden: Paden,
    functie: Annotated[
        Optional[str],
        typer.Option("--functie", "-F", help="Alleen deze functie. Standaard: alle.", show_default=False, metavar="NAAM"),
    ] = None,
    scenario: Annotated[
        Optional[str],
        typer.Option(
            "--scenario", "-s", show_default=False, metavar="NAAM",
            help="Alleen dit scenario (met de extra-fte-berekening tegen basis). Standaard: basis en alle scenario's.",
        ),
    ] = None,
    formaat: Annotated[
        Uitlegformaat, typer.Option("--format", "-f", help="text (een rekenblad) of json (dezelfde stappen als data).")
    ] = Uitlegformaat.text,
    output: UitvoerOptie = None,
    debug: DebugOptie = False,
) -> None:
    """Laat zien hoe elk getal tot stand komt: een rekenblad, stap voor stap, met bestand:regel van elke invoer."""

    def werk():
        from brutonetto.input.loader import load
        from brutonetto.engine.records import Rapport
        from brutonetto.output.rekenblad import bladen

        lading = load(paden)
        rapport = Rapport()
        gevonden, fouten = bladen(lading.functies, functie, scenario) if lading.functies else ([], [])
        rapport.fouten.extend(lading.fouten + fouten)

        def schrijf(uit, terminal: bool) -> None:
            from brutonetto.output import rekenblad

            if formaat == Uitlegformaat.json:
                from brutonetto.output.render import json_waarde

                uit.write("[\n" + ",\n".join(json_waarde(b) for b in rekenblad.json_bladen(gevonden)) + "\n]\n")
            elif terminal:
                rekenblad.render_rekenblad_terminal(gevonden, uit)
            else:
                rekenblad.render_rekenblad(gevonden, uit)

        return rapport, lading.bestanden, schrijf

    _run(werk, output, debug)


@app.command()
def chart(
    paden: Paden,
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="Het plaatje: BESTAND.svg of BESTAND.png.", show_default=False, metavar="BESTAND",
        ),
    ],
    scenario: Annotated[
        Optional[list[str]],
        typer.Option("--scenario", "-s", help="Alleen dit scenario naast basis (mag vaker).", show_default=False, metavar="NAAM"),
    ] = None,
    debug: DebugOptie = False,
) -> None:
    """Teken de bruto/netto-grafiek: per functie en scenario een balk van directe uren en elke aftrek.

    Heeft matplotlib nodig: pip install 'brutonetto[grafiek]'.
    """

    def werk():
        from brutonetto.input.loader import load
        from brutonetto.engine.records import compute_records

        formaat = output.suffix.lower().lstrip(".")
        if formaat not in ("svg", "png"):
            raise Gebruiksfout(f"--output {output}: kies een naam op .svg of .png")
        lading = load(paden)
        rapport = compute_records(lading.functies, scenario)
        rapport.fouten[:0] = lading.fouten

        def schrijf(uit, terminal: bool) -> None:
            from brutonetto.output.grafiek import GrafiekOntbreekt, teken

            try:
                teken(rapport.records, uit, formaat)
            except GrafiekOntbreekt as fout:
                raise Gebruiksfout(str(fout)) from None

        return rapport, lading.bestanden, schrijf

    _run(werk, output, debug, binair=True)


@app.command()
def schema(
    standaard: Annotated[
        bool, typer.Option("--standaard", help="Het schema van een standaardbestand (configs/) in plaats van een profiel.")
    ] = False,
    output: UitvoerOptie = None,
    debug: DebugOptie = False,
) -> None:
    """Druk het JSON Schema (draft 2020-12) van de invoer af, voor aanvulling en controle in een editor.

    Zet bovenaan een profiel: # yaml-language-server: $schema=../schema/brutonetto.schema.json
    """

    def werk():
        from brutonetto.output import schema as schemamodule
        from brutonetto.engine.records import Rapport

        inhoud = schemamodule.standaardschema() if standaard else schemamodule.bestandsschema()
        return Rapport(), [], lambda uit, terminal: uit.write(schemamodule.als_tekst(inhoud))

    _run(werk, output, debug)


@app.command()
def init(
    bestand: Annotated[
        Path, typer.Argument(help="Het nieuwe profiel.", show_default=True, metavar="BESTAND")
    ] = Path("profiel.yaml"),
    debug: DebugOptie = False,
) -> None:
    """Schrijf een startprofiel met uitleg, klaar om aan te passen en uit te rekenen.

    Overschrijft nooit een bestaand bestand. Schrijft ook brutonetto.schema.json ernaast
    (als dat er nog niet is), zodat een editor als VS Code aanvult en controleert.
    """

    def werk():
        from brutonetto.output import schema as schemamodule
        from brutonetto.engine.records import Rapport
        from brutonetto.output.starter import STARTPROFIEL

        if bestand.exists():
            raise Gebruiksfout(f"{bestand} bestaat al; kies een andere naam (brutonetto init ANDERE-NAAM.yaml)")
        _schrijf_bestand(lambda uit, terminal: uit.write(STARTPROFIEL.format(naam=bestand.name)), bestand, [])
        naast = bestand.parent / "brutonetto.schema.json"
        if not naast.exists():
            inhoud = schemamodule.als_tekst(schemamodule.bestandsschema())
            _schrijf_bestand(lambda uit, terminal: uit.write(inhoud), naast, [])
        typer.echo(f"Pas {bestand} aan en reken het uit met: brutonetto compute {bestand}", err=True)
        return Rapport(), [], None

    _run(werk, None, debug)


def _records_schrijver(rapport, formaat: Formaat, dialect: Dialect, output: Path | None, balken: bool = False):
    if formaat == Formaat.xlsx:
        if output is None:
            raise Gebruiksfout("een Excel-werkboek gaat naar een bestand: geef --output BESTAND.xlsx")

        def werkboek(uit, terminal: bool) -> None:
            from brutonetto.output.werkboek import WerkboekOntbreekt, schrijf

            try:
                schrijf(rapport.records, uit)
            except WerkboekOntbreekt as fout:
                raise Gebruiksfout(str(fout)) from None

        return werkboek

    def schrijf(uit, terminal: bool) -> None:
        from brutonetto.output.render import render

        render(rapport.records, formaat.value, uit, dialect=dialect.value, terminal=terminal, balken=balken)

    return schrijf


def _run(werk: Callable, output: Path | None, debug: bool, binair: bool = False) -> None:
    """Run a command's work, print problems and warnings to stderr, write the output, exit.

    `werk` returns the report, the files it read (never to be overwritten) and a writer
    `schrijf(uit, terminal)`, or None for a command without output.
    """
    try:
        rapport, invoer, schrijf = werk()
        volgorde = {naam: i for i, naam in enumerate(dict.fromkeys(f.bestand for f in rapport.fouten))}
        for fout in sorted(rapport.fouten, key=lambda f: (volgorde[f.bestand], f.regel or 0, f.kolom or 0)):
            typer.echo(str(fout), err=True)
        for waarschuwing in rapport.waarschuwingen:
            typer.echo(waarschuwing if waarschuwing.startswith("in orde") else f"waarschuwing: {waarschuwing}", err=True)
        if rapport.fouten:
            aantal = len(rapport.fouten)
            typer.echo(f"{aantal} {'probleem' if aantal == 1 else 'problemen'} gevonden; er is niets berekend.", err=True)
            raise typer.Exit(1)
        if schrijf is None:
            return
        if output is not None:
            _schrijf_bestand(schrijf, output, invoer, binair)
        else:
            schrijf(sys.stdout, sys.stdout.isatty())
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Gebruiksfout as fout:
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


def _schrijf_bestand(schrijf: Callable, doel: Path, invoer: list[Path], binair: bool = False) -> None:
    """Write the whole output to a temporary file beside the target, then rename: all or nothing."""
    import os
    import tempfile

    doel_echt = doel.resolve()
    if any(pad.resolve() == doel_echt for pad in invoer):
        raise Gebruiksfout(f"--output {doel} is een van de invoerbestanden; kies een ander bestand")
    if doel_echt.is_dir():
        raise Gebruiksfout(f"--output {doel} is een map; geef een bestandsnaam")
    if not doel_echt.parent.is_dir():
        raise Gebruiksfout(f"--output {doel}: de map {doel.parent} bestaat niet")
    try:
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=doel_echt.parent)
    except OSError as fout:
        raise Gebruiksfout(f"--output {doel}: kan niet schrijven in {doel.parent}: {fout.strerror or fout}") from None
    try:
        if binair:
            with os.fdopen(fd, "wb") as f:
                schrijf(f, False)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                schrijf(f, False)
        # mkstemp makes the file private (0600); give it the mode a plain open() would have
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tijdelijk, doel_echt.stat().st_mode & 0o7777 if doel_echt.exists() else 0o666 & ~umask)
        os.replace(tijdelijk, doel_echt)
    except OSError as fout:
        Path(tijdelijk).unlink(missing_ok=True)
        raise Gebruiksfout(f"--output {doel}: schrijven mislukt: {fout.strerror or fout}") from None
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
    typer.echo(f"geschreven: {doel}", err=True)


class Gebruiksfout(Exception):
    """A usable input with an output request that cannot be honoured (exit 1)."""


def main() -> None:
    """The `brutonetto` console script.

    Typer builds every command's parameters before it runs one; a CLI judged on cold start
    builds only the command asked for (the full set for `--help` or a mistyped name).
    """
    for stroom in (sys.stdout, sys.stderr):
        # JSON, CSV (with its BOM) and the table's box lines are UTF-8, also when a Windows
        # shell redirects them to a file in its legacy code page
        if (getattr(stroom, "encoding", None) or "utf-8").lower().replace("_", "-") not in ("utf-8", "utf8"):
            stroom.reconfigure(encoding="utf-8")
    woorden = [w for w in sys.argv[1:] if not w.startswith("-")]
    namen = {c.name or c.callback.__name__: c for c in app.registered_commands}
    if woorden and woorden[0] in namen:
        app.registered_commands = [namen[woorden[0]]]
    app()
