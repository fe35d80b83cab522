"""The command line: each command declares its options and hands its work to `uitvoer.voer_uit`.

A command's work is a plain function returning a `Resultaat`: it computes, through the
engine, and wraps what the engine made in an `output.inhoud` content; what is written, and
how, is decided by output's format table (`output.formaten`). Exit codes (contract):
0 success, 1 invalid input (every problem printed as FILE:LINE:COL: field.path: message),
2 wrong usage, 3 internal error (one line; `--debug` shows the traceback).
"""

from __future__ import annotations

import sys
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Annotated, Optional

import typer

from brutonetto import __version__
from brutonetto.cli.analyse import invoerfouten
from brutonetto.cli.groep import OPTIES, Commando, Groep
from brutonetto.cli.uitvoer import (
    Afgebroken,
    Gebruiksfout,
    Opmaak,
    Resultaat,
    Uitvoerfout,
    afgebroken,
    bekende_scenarios,
    meld,
    reden,
    schrijf_bestand,
    schrijffout,
    sluit_af,
    vang_signalen,
    voer_uit,
)

# The commands live in a Typer of their own: the group builds one when it is asked for.
commandos = typer.Typer()
app = typer.Typer(
    name="brutonetto",
    cls=Groep.met(commandos),
    help=(
        "Bruto/netto-berekening: van contracturen naar directe uren dienstverlening, "
        "en wat extra leertijd kost aan fte en geld."
    ),
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help is plain text: no markup to eat [xlsx]
    options_metavar=OPTIES,
    context_settings={"help_option_names": ["-h", "--help"]},
)
commando = partial(commandos.command, cls=Commando, options_metavar=OPTIES)


class Formaat(str, Enum):
    """The formats of every command with records (v2 commands take these too)."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class RecordFormaat(str, Enum):
    """The formats of the commands that also write a workbook: compute, compare, budget, sensitivity, realisation."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


class Dialect(str, Enum):
    en = "en"
    nl = "nl"


class Uitlegformaat(str, Enum):
    text = "text"
    json = "json"


Paden = Annotated[
    list[str],
    typer.Argument(
        help="YAML-bestanden, mappen (alle *.yaml/*.yml daaronder) of - voor standaardinvoer "
        "(een standaard: daarin is dan relatief aan de huidige map).",
        show_default=False,
        metavar="PAD",
    ),
]
_FORMAATHULP = "Uitvoer: table (voor mensen), json, jsonl (een record per regel), csv"
FormaatOptie = Annotated[Formaat, typer.Option("--format", "-f", help=_FORMAATHULP + ".")]
RecordFormaatOptie = Annotated[
    RecordFormaat,
    typer.Option(
        "--format", "-f",
        help=_FORMAATHULP + " of xlsx (een Excel-werkboek met formules; alleen met --output, "
        "en pip install 'brutonetto[xlsx]').",
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
ScenarioOptie = Annotated[
    Optional[list[str]],
    typer.Option(
        "--scenario", "-s",
        help="Toon alleen dit scenario naast basis (mag vaker). Standaard: alle scenario's.",
        show_default=False,
        metavar="NAAM",
    ),
]
AlleenOnderOptie = Annotated[
    Optional[Path],
    typer.Option(
        "--alleen-onder",
        help="Lees alleen bestanden onder deze map (ook wat een profiel noemt: standaard, aanbod); "
        "voor wie brutonetto draait op bestanden van anderen.",
        show_default=False,
        metavar="MAP",
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


@commando()
def compute(
    paden: Paden,
    scenario: ScenarioOptie = None,
    formaat: RecordFormaatOptie = RecordFormaat.table,
    csv_dialect: DialectOptie = Dialect.en,
    output: UitvoerOptie = None,
    balken: Annotated[
        bool, typer.Option("--staven", help="Toon in de tabel per regel een staaf: directe uren tegen aftrek.")
    ] = False,
    alleen_onder: AlleenOnderOptie = None,
    debug: DebugOptie = False,
    bars: Annotated[bool, typer.Option("--bars", hidden=True)] = False,  # the old spelling of --staven
) -> None:
    """Bereken elk profiel: basis en elk scenario, met extra fte en kosten ten opzichte van basis."""
    opmaak = Opmaak(formaat.value, output, csv_dialect.value, balken or bars)
    voer_uit(partial(_bereken, paden, scenario, alleen_onder, opmaak), opmaak, debug)


def _bereken(paden: list[str], scenarios: list[str] | None, alleen_onder: Path | None = None,
             opmaak: Opmaak | None = None) -> Resultaat:
    from brutonetto.output.formaten import STROMEN

    if opmaak is not None and opmaak.formaat in STROMEN and not scenarios:
        gestroomd = _bereken_stroom(paden, alleen_onder, opmaak)
        if gestroomd is not None:
            return gestroomd
    return _bereken_geheel(paden, scenarios, alleen_onder, spoor=opmaak is not None and opmaak.formaat == "xlsx")


def _bereken_stroom(paden: list[str], alleen_onder: Path | None, opmaak: Opmaak) -> Resultaat | None:
    """Load, compute and render functie by functie into a temporary file: memory stays flat as
    files grow. None when the run needs the whole list (a problem to report in full, a ratio
    role before the functie it follows, a file of another shape): `_bereken_geheel` then."""
    import tempfile

    from brutonetto.engine import records
    from brutonetto.input.loader import Stroom
    from brutonetto.output.formaten import schrijf_stroom
    from brutonetto.output.inhoud import Geschreven

    stroom, rapport = Stroom(paden, alleen_onder), records.Rapport()
    wacht = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
    # Each functie dies by reference count as the next comes (cli.main leaves the cyclic
    # garbage collector off; tests/test_stroom.py checks that memory stays flat without it).
    try:
        schrijf_stroom(records.stroom(stroom.functies(), rapport), opmaak.formaat, wacht, opmaak.dialect)
    except OSError:  # no room for the temporary file: the whole list in memory, as before
        wacht.close()
        return None
    except BaseException:
        wacht.close()
        raise
    if stroom.terug or rapport.terug:
        wacht.close()
        return None
    return Resultaat(Geschreven(opmaak.formaat, wacht), [], [*stroom.waarschuwingen, *rapport.waarschuwingen],
                     stroom.bestanden)


def _bereken_geheel(paden: list[str], scenarios: list[str] | None, alleen_onder: Path | None = None,
                    spoor: bool = False) -> Resultaat:
    from brutonetto.engine import records
    from brutonetto.input.loader import load
    from brutonetto.output.inhoud import Records

    lading = load(paden, alleen_onder)
    if scenarios and not lading.fouten:
        bekende_scenarios(lading.functies, scenarios)
    rapport = records.compute_records(lading.functies, scenarios, spoor=spoor)  # the workbook shows every step
    waarschuwingen = [*lading.waarschuwingen, *rapport.waarschuwingen]
    # a file's problems hide the check above, so the engine reports an unknown name: as the option's
    fouten = [f._replace(bestand="--scenario") if f.bestand == records.GEKOZEN else f for f in rapport.fouten]
    return Resultaat(Records(rapport.records), invoerfouten(lading) + fouten, waarschuwingen, lading.bestanden)


@commando()
def compare(
    oud: Annotated[str, typer.Argument(help="Het oude bestand: de basis.", show_default=False, metavar="OUD")],
    nieuw: Annotated[str, typer.Argument(help="Het nieuwe bestand: het scenario.", show_default=False, metavar="NIEUW")],
    formaat: RecordFormaatOptie = RecordFormaat.table,
    csv_dialect: DialectOptie = Dialect.en,
    output: UitvoerOptie = None,
    alleen_onder: AlleenOnderOptie = None,
    debug: DebugOptie = False,
) -> None:
    """Vergelijk twee bestanden functie voor functie: OUD is de basis, NIEUW het scenario.

    Functies worden op naam (en eenheid) gekoppeld; het scenario van elke regel is de
    bestandsnaam zonder extensie. Een functie die in maar één bestand staat wordt gemeld;
    de scenario's in de bestanden worden niet vergeleken (dat wordt gemeld).
    """
    voer_uit(partial(_compare, oud, nieuw, alleen_onder), Opmaak(formaat.value, output, csv_dialect.value), debug)


def _compare(oud: str, nieuw: str, alleen_onder: Path | None = None) -> Resultaat:
    from brutonetto.engine import records
    from brutonetto.input.loader import load
    from brutonetto.output.inhoud import Records

    oude, nieuwe = load([oud], alleen_onder), load([nieuw], alleen_onder)
    oud_naam, nieuw_naam = ("stdin" if p == "-" else Path(p).stem for p in (oud, nieuw))
    if oud_naam == nieuw_naam:
        oud_naam, nieuw_naam = oud, nieuw
    rapport = records.compare_records(oude.functies, nieuwe.functies, oud_naam, nieuw_naam)
    waarschuwingen = [*oude.waarschuwingen, *nieuwe.waarschuwingen, *rapport.waarschuwingen]
    for pad, lading in ((oud, oude), (nieuw, nieuwe)):
        aantal = len({naam for f in lading.functies for naam in f.scenarios})
        if aantal:
            waarschuwingen.append(
                f"{'stdin' if pad == '-' else pad}: {aantal} {'scenario' if aantal == 1 else 'scenario' + chr(39) + 's'} "
                "niet vergeleken: compare zet de basis van beide bestanden naast elkaar "
                "(gebruik compute voor de scenario's)"
            )
    fouten = invoerfouten(oude) + invoerfouten(nieuwe) + rapport.fouten
    return Resultaat(Records(rapport.records), fouten, list(dict.fromkeys(waarschuwingen)), oude.bestanden + nieuwe.bestanden)


@commando()
def validate(paden: Paden, alleen_onder: AlleenOnderOptie = None, debug: DebugOptie = False) -> None:
    """Controleer bestanden zonder uitvoer te maken; meldt elk probleem met bestand, regel en veld."""
    voer_uit(partial(_validate, paden, alleen_onder), None, debug)


def _validate(paden: list[str], alleen_onder: Path | None = None) -> Resultaat:
    from brutonetto.engine import records
    from brutonetto.input.loader import load

    lading = load(paden, alleen_onder)
    functies = lading.functies
    rapport = records.compute_records(functies)
    scenarios = sum(len(f.scenarios) for f in functies)
    bestanden = len({f.bestand for f in functies})
    samenvatting = (
        f"in orde: {bestanden} {'bestand' if bestanden == 1 else 'bestanden'}, "
        f"{len(functies)} {'functie' if len(functies) == 1 else 'functies'}, "
        f"{scenarios} {'scenario' if scenarios == 1 else 'scenario' + chr(39) + 's'}"
    )
    waarschuwingen = [*lading.waarschuwingen, *rapport.waarschuwingen]
    fouten = invoerfouten(lading) + rapport.fouten
    return Resultaat(None, fouten, waarschuwingen, lading.bestanden, samenvatting)


@commando()
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
    alleen_onder: AlleenOnderOptie = None,
    debug: DebugOptie = False,
) -> None:
    """Laat zien hoe elk getal tot stand komt: een rekenblad, stap voor stap, met bestand:regel van elke invoer."""
    voer_uit(partial(_explain, paden, functie, scenario, alleen_onder), Opmaak(formaat.value, output), debug)


def _explain(paden: list[str], functie: str | None, scenario: str | None, alleen_onder: Path | None = None) -> Resultaat:
    from brutonetto.domain.functie import BASIS
    from brutonetto.engine.records import compute_records
    from brutonetto.input.loader import load
    from brutonetto.output.inhoud import Rekenbladen
    from brutonetto.output.rekenblad import bladen

    lading = load(paden, alleen_onder)
    fouten = invoerfouten(lading)
    if fouten or not lading.functies:
        return Resultaat(None, fouten, lading.waarschuwingen, lading.bestanden)
    gekozen = [f for f in lading.functies if functie is None or f.naam == functie]
    if not gekozen:
        namen = ", ".join(dict.fromkeys(f.naam for f in lading.functies))
        raise Gebruiksfout(f"--functie: onbekende functie '{functie}'; in deze bestanden staan: {namen}")
    if scenario is not None and scenario != BASIS:
        bekende_scenarios(lading.functies, [scenario])
    # every functie is computed: a ratio role needs the functie it follows, asked for or not
    rapport = compute_records(lading.functies)
    if scenario is not None and functie is not None and not rapport.fouten:
        # a ratio role has the scenarios of the functie it follows too: ask its records
        heeft = list(dict.fromkeys(r.scenario for r in rapport.records if r.functie == functie))
        if scenario not in heeft:
            raise Gebruiksfout(f"--scenario: functie '{functie}' heeft geen scenario '{scenario}'; "
                               f"zij heeft: {', '.join(heeft) or BASIS}")
    gevonden = bladen(rapport.records, functie, scenario)
    return Resultaat(Rekenbladen(gevonden), rapport.fouten, lading.waarschuwingen, lading.bestanden)


@commando()
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
    alleen_onder: AlleenOnderOptie = None,
    debug: DebugOptie = False,
) -> None:
    """Teken de bruto/netto-grafiek: per functie en scenario een balk van directe uren en elke aftrek.

    Heeft matplotlib nodig: pip install 'brutonetto[grafiek]'.
    """
    formaat = output.suffix.lower().lstrip(".")
    if formaat not in ("svg", "png"):
        raise typer.BadParameter(f"kies een naam op .svg of .png, niet {output}", param_hint="'--output'")
    voer_uit(partial(_bereken, paden, scenario, alleen_onder), Opmaak(formaat, output), debug)


@commando()
def erlang(
    aanbod: Annotated[str, typer.Option("--aanbod", help="Contacten in het interval, bijvoorbeeld 100.", show_default=False, metavar="AANTAL")],
    interval: Annotated[str, typer.Option("--interval", help="Lengte van het interval: 30min, 15 min, 1uur.", show_default=False, metavar="TIJD")],
    gespreksduur: Annotated[str, typer.Option(
        "--gespreksduur", help="Gemiddelde afhandeltijd (gesprek + nawerk): 180s, 3min.", show_default=False, metavar="TIJD")],
    servicelevel: Annotated[str, typer.Option(
        "--servicelevel", help="Doel: PROCENT/SECONDEN, bijvoorbeeld 80/20 (80% binnen 20 s).", show_default=False, metavar="P/S")],
    max_bezetting: Annotated[Optional[str], typer.Option(
        "--max-bezetting", help="Hoogste bezetting van de agenten, bijvoorbeeld 85%.", show_default=False, metavar="PROCENT")] = None,
    formaat: FormaatOptie = Formaat.table,
    csv_dialect: DialectOptie = Dialect.en,
    output: UitvoerOptie = None,
    debug: DebugOptie = False,
) -> None:
    """Contactcentrum: agenten voor één interval met Erlang C, met servicelevel, bezetting en wachttijd.

    Het verkeer is aanbod x gespreksduur / interval; het aantal agenten is het kleinste dat
    het servicelevel haalt (en de maximale bezetting niet overschrijdt). Voor een hele week
    en de fte die daarbij horen: contactcentrum in een profiel (zie README).
    """
    voer_uit(partial(_erlang, aanbod, interval, gespreksduur, servicelevel, max_bezetting),
             Opmaak(formaat.value, output, csv_dialect.value), debug)


def _erlang(aanbod: str, interval: str, gespreksduur: str, servicelevel: str, max_bezetting: str | None) -> Resultaat:
    from brutonetto.engine import erlang
    from brutonetto.input import contactcentrum as cc
    from brutonetto.input.hoeveelheid import Invoerfout, parse_getal
    from brutonetto.output.inhoud import Erlanguitkomst

    def lees(optie: str, parse, waarde: str):  # noqa: ANN001, ANN202
        try:
            return parse(waarde)
        except Invoerfout as fout:
            raise Gebruiksfout(f"{optie}: {fout}") from None

    aantal = lees("--aanbod", parse_getal, aanbod)
    if aantal < 0:
        raise Gebruiksfout(f"--aanbod: het aanbod kan niet negatief zijn (gegeven: {aanbod})")
    doel = lees("--servicelevel", cc.parse_servicelevel, servicelevel)
    bezetting = None if max_bezetting is None else lees(
        "--max-bezetting", lambda w: cc.parse_procent(w, "de maximale bezetting"), max_bezetting)
    try:
        uitkomst = erlang.compute_interval(
            aantal, interval_s=lees("--interval", cc.parse_interval, interval),
            gespreksduur_s=lees("--gespreksduur", lambda w: cc.parse_tijd(w, "gespreksduur"), gespreksduur),
            servicelevel=doel.procent, binnen_s=doel.binnen_s, max_bezetting=bezetting,
        )
    except erlang.Erlangfout as fout:
        optie = {"binnen": "servicelevel", "max_bezetting": "max-bezetting"}.get(fout.veld, fout.veld)
        raise Gebruiksfout(f"--{optie}: {fout.bericht}") from None
    return Resultaat(Erlanguitkomst(uitkomst), [], [], [])


@commando()
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
    voer_uit(partial(_schema, standaard), Opmaak("text", output), debug)


def _schema(standaard: bool) -> Resultaat:
    from brutonetto.output import schema as schemamodule
    from brutonetto.output.inhoud import Tekst

    inhoud = schemamodule.standaardschema() if standaard else schemamodule.bestandsschema()
    return Resultaat(Tekst(schemamodule.als_tekst(inhoud)), [], [], [])


@commando()
def init(
    bestand: Annotated[
        Path, typer.Argument(help="Het nieuwe profiel.", show_default=True, metavar="BESTAND")
    ] = Path("profiel.yaml"),
    eenheid: Annotated[
        bool,
        typer.Option(
            "--eenheid",
            help="Een eenheid met meerdere functies: werklast uit volumes en normtijden (producten), "
            "een verhoudingsfunctie en inwerkverlies, in plaats van één profiel.",
        ),
    ] = False,
    debug: DebugOptie = False,
) -> None:
    """Schrijf een startprofiel met uitleg, klaar om aan te passen en uit te rekenen.

    Overschrijft nooit een bestaand bestand. Schrijft ook brutonetto.schema.json ernaast
    (als dat er nog niet is), zodat een editor als VS Code aanvult en controleert.
    """
    voer_uit(partial(_init, bestand, eenheid), None, debug)


def _init(bestand: Path, eenheid: bool = False) -> Resultaat:
    from brutonetto.output import schema as schemamodule
    from brutonetto.output.starter import STARTEENHEID, STARTPROFIEL

    try:
        bestaat = bestand.exists()
    except OSError as fout:  # a name the system refuses (too long)
        raise Uitvoerfout(f"kan niet schrijven naar {bestand}: {reden(fout)}") from None
    if bestaat:
        raise Gebruiksfout(f"{bestand} bestaat al; kies een andere naam (brutonetto init ANDERE-NAAM.yaml)")
    sjabloon = STARTEENHEID if eenheid else STARTPROFIEL
    naast = bestand.parent / "brutonetto.schema.json"
    # the pair, or neither: a profile whose schema is missing, or half of one, is no start
    paar = [bestand] if naast.exists() else [bestand, naast]
    try:
        schrijf_bestand(lambda uit, breedte: uit.write(sjabloon.format(naam=bestand.name)), bestand, [])
        if naast in paar:
            inhoud = schemamodule.als_tekst(schemamodule.bestandsschema())
            schrijf_bestand(lambda uit, breedte: uit.write(inhoud), naast, [])
    except BaseException:  # a disk that refuses the second, a signal (`Afgebroken`): neither existed before
        for pad in paar:
            pad.unlink(missing_ok=True)
        raise
    for pad in paar:
        meld(f"geschreven: {pad}")  # a name shown, never obeyed
    melding = f"Pas {bestand} aan en reken het uit met: brutonetto compute {bestand}"
    return Resultaat(None, [], [], [], melding)


@commando()
def realisation(
    plan: Annotated[str, typer.Argument(
        help="Het plan: een YAML-bestand met de functies en hun aftrek (de begroting).",
        show_default=False, metavar="PLAN")],
    registraties: Annotated[str, typer.Argument(
        help="De registraties: een CSV met de kolommen functie, aftrek, van, tot, uren, fte (en eventueel "
        "eenheid); komma of puntkomma, decimaalpunt of -komma, datums als 2023-01-01 of 1-1-2023.",
        show_default=False, metavar="CSV")],
    scenario: Annotated[Optional[str], typer.Option(
        "--scenario", "-s", show_default=False, metavar="NAAM",
        help="Het scenario van PLAN dat het plan is. Standaard: basis.")] = None,
    formaat: RecordFormaatOptie = RecordFormaat.table,
    csv_dialect: DialectOptie = Dialect.en,
    output: UitvoerOptie = None,
    uitleg: UitlegVlag = False,
    alleen_onder: AlleenOnderOptie = None,
    debug: DebugOptie = False,
) -> None:
    """Realisatie tegen plan: geregistreerde uren per functie en aftrekregel, omgerekend naar een jaar.

    Per functie en aftrek: gepland per fte (uit PLAN), gerealiseerd per fte (uren / fte,
    x 12 / maanden voor hele maanden, anders x 365 / dagen), het percentage, en de uren en
    fte die niet benut zijn (fte x (gepland - gerealiseerd), en gedeeld door de directe uren).
    Met --uitleg per regel de berekening: 24 x 12 / 6 = 48 uur, 48 / 50 = 96%, met CSV- en planregel;
    met --format xlsx --output BESTAND.xlsx een werkboek waarin die berekening formules zijn.
    """
    from brutonetto.cli import analyse

    opmaak = Opmaak(formaat.value, output, csv_dialect.value)
    voer_uit(partial(analyse.realisation, plan, registraties, scenario, uitleg, alleen_onder),
             _opmaak_met_uitleg(formaat, output, csv_dialect) if uitleg else opmaak, debug)


UitlegVlag = Annotated[bool, typer.Option(
    "--uitleg", help="Laat de berekening zien in plaats van de tabel: per regel de formule, de ingevulde "
    "getallen, de uitkomst en bestand:regel van de invoer, zoals explain (met --format json: dezelfde stappen als data).")]


def _opmaak_met_uitleg(formaat: Formaat | RecordFormaat, output: Optional[Path], dialect: Dialect) -> Opmaak:
    """--uitleg writes a rekenblad: text (the table's place) or json/jsonl; csv and charts have no working,
    and a workbook has it already: its figures are formulas over its inputs."""
    if formaat == Formaat.csv:
        raise typer.BadParameter("--uitleg schrijft een rekenblad: tekst of json, geen csv", param_hint="'--format'")
    if formaat == RecordFormaat.xlsx:
        raise typer.BadParameter("--uitleg schrijft een rekenblad: tekst of json; het werkboek (xlsx) laat de "
                                 "berekening al zien, elke uitkomst is er een formule: laat --uitleg weg",
                                 param_hint="'--format'")
    if output is not None and output.suffix.lower() in (".svg", ".png"):
        raise typer.BadParameter(f"--uitleg schrijft een rekenblad, geen grafiek; kies een andere naam dan {output}",
                                 param_hint="'--output'")
    return Opmaak("text" if formaat == Formaat.table else formaat.value, output, dialect.value)


_GRAFIEKHULP = (
    "Schrijf naar dit bestand in plaats van naar het scherm (in zijn geheel of helemaal niet); "
    "op .svg of .png: {wat} (pip install 'brutonetto[grafiek]')."
)


def _opmaak_met_grafiek(formaat: Formaat | RecordFormaat, output: Optional[Path], dialect: Dialect, optie: str) -> Opmaak:
    """--output BESTAND.svg or .png draws the command's chart; another --format with it is wrong usage."""
    soort = output.suffix.lower().lstrip(".") if output is not None else ""
    if soort in ("svg", "png"):
        if formaat != Formaat.table:
            raise typer.BadParameter(
                f"{output} is een grafiek; laat --format {formaat.value} weg of kies een andere naam", param_hint=optie
            )
        return Opmaak(soort, output, dialect.value)
    return Opmaak(formaat.value, output, dialect.value)


@commando()
def budget(
    paden: Paden,
    formaat: RecordFormaatOptie = RecordFormaat.table,
    csv_dialect: DialectOptie = Dialect.en,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", show_default=False, metavar="BESTAND",
        help=_GRAFIEKHULP.format(wat="kosten tegen financiering per jaar als staafgrafiek"))] = None,
    uitleg: UitlegVlag = False,
    alleen_onder: AlleenOnderOptie = None,
    debug: DebugOptie = False,
) -> None:
    """De jaren: per jaar de kosten van een scenario tegen de financiering, uit een meerjaren-blok.

    Per jaar: kosten (de som van de extra kosten van het scenario, geindexeerd), financiering,
    saldo (financiering - kosten), het cumulatieve saldo, en hoeveel fte de financiering betaalt
    (als alle functies dezelfde kosten_per_fte hebben). Een jaar zonder financiering staat er ook.
    Met --uitleg per jaar de berekening (kosten x 1,02^2, financiering - kosten, ...) met bestand:regel;
    met --format xlsx --output BESTAND.xlsx een werkboek waarin die berekening formules zijn.
    """
    from brutonetto.cli import analyse

    opmaak = (_opmaak_met_uitleg(formaat, output, csv_dialect) if uitleg
              else _opmaak_met_grafiek(formaat, output, csv_dialect, "'--output'"))
    voer_uit(partial(analyse.budget, paden, uitleg, alleen_onder), opmaak, debug)


@commando()
def sensitivity(
    paden: Paden,
    varieer: Annotated[Optional[list[str]], typer.Option(
        "--varieer", "-v", show_default=False, metavar="VELD=LAAG..HOOG",
        help="Het veld en zijn bereik, zoals een profiel ze schrijft; een eenheid na HOOG geldt voor beide: "
        "aftrek.leren_en_ontwikkelen=185..218 uur, aftrek.verzuim=4,2..5,7%, beschikbare_uren=1600..1700. "
        "Mag vaker: elk veld apart rond het profiel (een tornado). Verplicht.")] = None,
    stappen: Annotated[Optional[int], typer.Option(
        "--stappen", "-n", metavar="N", show_default=False,
        help="Aantal punten per bereik, gelijk verdeeld, beide einden inbegrepen. [standaard: 2]")] = None,
    raster: Annotated[bool, typer.Option(
        "--raster", help="Varieer alle velden tegelijk: elke combinatie van hun punten.")] = False,
    scenario: Annotated[Optional[str], typer.Option(
        "--scenario", "-s", show_default=False, metavar="NAAM",
        help="Varieer rond dit scenario (extra fte en kosten tegen basis) in plaats van rond basis.")] = None,
    formaat: RecordFormaatOptie = RecordFormaat.table,
    csv_dialect: DialectOptie = Dialect.en,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", show_default=False, metavar="BESTAND",
        help=_GRAFIEKHULP.format(wat="de tornado: per functie en veld een balk van laag tot hoog"))] = None,
    uitleg: UitlegVlag = False,
    alleen_onder: AlleenOnderOptie = None,
    debug: DebugOptie = False,
    # the English spellings of before, kept so no script breaks; not in the help
    vary: Annotated[Optional[list[str]], typer.Option("--vary", hidden=True)] = None,
    steps: Annotated[Optional[int], typer.Option("--steps", hidden=True)] = None,
    grid: Annotated[bool, typer.Option("--grid", hidden=True)] = False,
) -> None:
    """Gevoeligheid: welke aanname beweegt de uitkomst het meest? Elk veld over een bereik.

    Per functie en per gevarieerd veld, in elk punt: directe uren, aandeel direct, fte nodig,
    en extra fte en kosten tegen de basis zoals geschreven (met --scenario: het scenario tegen
    basis). Standaard de twee einden van elk bereik; --stappen N geeft N punten.
    Met --uitleg per punt de stappen van explain: het gevarieerde veld, directe uren, fte nodig, extra fte;
    met --format xlsx --output BESTAND.xlsx een werkboek met die uitkomsten als formules.
    """
    from brutonetto.cli import analyse

    opmaak = (_opmaak_met_uitleg(formaat, output, csv_dialect) if uitleg
              else _opmaak_met_grafiek(formaat, output, csv_dialect, "'--output'"))
    bereiken = [*(varieer or []), *(vary or [])]
    if not bereiken:
        raise Gebruiksfout("de optie --varieer ontbreekt")
    punten = stappen if stappen is not None else steps if steps is not None else 2
    voer_uit(partial(analyse.sensitivity, paden, bereiken, punten, raster or grid, scenario, uitleg, alleen_onder,
                     werkboek=formaat == RecordFormaat.xlsx), opmaak, debug)


def main() -> None:
    """The `brutonetto` console script."""
    for stroom in (sys.stdout, sys.stderr):
        # JSON, CSV (with its BOM) and the table's box lines are UTF-8, also when a Windows
        # shell redirects them to a file in its legacy code page
        if (getattr(stroom, "encoding", None) or "utf-8").lower().replace("_", "-") not in ("utf-8", "utf8"):
            stroom.reconfigure(encoding="utf-8")
    vang_signalen()
    try:
        app(prog_name="brutonetto")
        code = 0
    except SystemExit as einde:
        code = einde.code if isinstance(einde.code, int) else (0 if einde.code is None else 1)
    except Afgebroken as signaal:  # what it was writing is removed on the way here
        code = afgebroken(signaal)
    except OSError as fout:  # the command line's own writes: --help, --version, a usage error
        code = schrijffout(fout)
    sys.exit(sluit_af(code))
