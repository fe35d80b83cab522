"""The command line: each command declares its options and hands its work to `uitvoer.voer_uit`.

A command's work is a plain function returning a `Uitkomst`: it computes, through the
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
from brutonetto.api import werk
from brutonetto.api.uitkomst import Uitkomst
from brutonetto.cli.groep import OPTIES, Commando, Groep
from brutonetto.cli.uitvoer import (
    Afgebroken,
    Gebruiksfout,
    Opmaak,
    Uitvoerfout,
    afgebroken,
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
    html = "html"


class AnalyseFormaat(str, Enum):
    """budget, sensitivity and realisation also write a workbook (xlsx) and a report (html)."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"
    html = "html"


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
        "(een standaard: daarin is dan relatief aan de huidige map); of een spreadsheet "
        "(.xlsx of .csv) met een rij per functie en de veldnamen als kolomkoppen.",
        show_default=False,
        metavar="PAD",
    ),
]
_FORMAATHULP = "Uitvoer: table (voor mensen), json, jsonl (een record per regel), csv"
FormaatOptie = Annotated[Formaat, typer.Option("--format", "-f", help=_FORMAATHULP + ".")]
_HTMLHULP = (" of html (een rapport om door te geven: tabel, grafiek, de berekening per functie en de bronnen "
             "in één pagina, af te drukken op A4; alleen met --output).")
AnalyseFormaatOptie = Annotated[AnalyseFormaat, typer.Option(
    "--format", "-f", help=_FORMAATHULP + ", xlsx (een Excel-werkboek waarin de berekening formules zijn; alleen met "
    "--output, en pip install 'brutonetto[xlsx]')" + _HTMLHULP)]
RecordFormaatOptie = Annotated[
    RecordFormaat,
    typer.Option(
        "--format", "-f",
        help=_FORMAATHULP + ", xlsx (een Excel-werkboek met formules; alleen met --output, "
        "en pip install 'brutonetto[xlsx]')" + _HTMLHULP,
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
             opmaak: Opmaak | None = None) -> Uitkomst:
    """compute to a data format streams functie by functie where it can (flat memory); else the whole run."""
    from brutonetto.output.formaten import STROMEN

    if opmaak is not None and opmaak.formaat in STROMEN and not scenarios:
        gestroomd = werk.compute_stroom(paden, alleen_onder, opmaak.formaat, opmaak.dialect)
        if gestroomd is not None:
            return gestroomd
    # the workbook shows every step: the records keep the working they were computed with
    return werk.compute(paden, scenarios, alleen_onder, spoor=opmaak is not None and opmaak.formaat == "xlsx")


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
    voer_uit(partial(werk.compare, oud, nieuw, alleen_onder), Opmaak(formaat.value, output, csv_dialect.value), debug)


@commando()
def validate(paden: Paden, alleen_onder: AlleenOnderOptie = None, debug: DebugOptie = False) -> None:
    """Controleer bestanden zonder uitvoer te maken; meldt elk probleem met bestand, regel en veld."""
    voer_uit(partial(werk.validate, paden, alleen_onder), None, debug)


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
    voer_uit(partial(werk.explain, paden, functie, scenario, alleen_onder), Opmaak(formaat.value, output), debug)


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
    aanbod: Annotated[str, typer.Option(
        "--aanbod", help="Contacten in het interval, bijvoorbeeld 100; of een CSV met de kolommen interval en aanbod "
        "(zoals bij contactcentrum in een profiel): dan per interval.", show_default=False, metavar="AANTAL|CSV")],
    interval: Annotated[str, typer.Option("--interval", help="Lengte van het interval: 30min, 15 min, 1uur.", show_default=False, metavar="TIJD")],
    gespreksduur: Annotated[str, typer.Option(
        "--gespreksduur", help="Gemiddelde afhandeltijd (gesprek + nawerk): 180s, 3min.", show_default=False, metavar="TIJD")],
    servicelevel: Annotated[Optional[str], typer.Option(
        "--servicelevel", help="Doel: PROCENT/SECONDEN, bijvoorbeeld 80/20 (80% binnen 20 s); 80/0 is 80% direct "
        "opgenomen.", show_default=False, metavar="P/S")] = None,
    asa: Annotated[Optional[str], typer.Option(
        "--asa", help="Doel voor de gemiddelde wachttijd (average speed of answer), bijvoorbeeld 20s; alleen of naast "
        "--servicelevel (dan het kleinste aantal agenten dat beide haalt).", show_default=False, metavar="TIJD")] = None,
    geduld: Annotated[Optional[str], typer.Option(
        "--geduld", help="Gemiddeld geduld van bellers, bijvoorbeeld 120s: rekent met Erlang A (bellers hangen op) en "
        "geeft het afhaakpercentage.", show_default=False, metavar="TIJD")] = None,
    gelijktijdig: Annotated[Optional[str], typer.Option(
        "--gelijktijdig", help="Contacten (chats) die één agent tegelijk afhandelt, bijvoorbeeld 2: deelt het verkeer "
        "per agent.", show_default=False, metavar="AANTAL")] = None,
    max_bezetting: Annotated[Optional[str], typer.Option(
        "--max-bezetting", help="Hoogste bezetting van de agenten, bijvoorbeeld 85%.", show_default=False, metavar="PROCENT")] = None,
    formaat: FormaatOptie = Formaat.table,
    csv_dialect: DialectOptie = Dialect.en,
    output: UitvoerOptie = None,
    alleen_onder: AlleenOnderOptie = None,
    debug: DebugOptie = False,
) -> None:
    """Contactcentrum: agenten per interval met Erlang C (of Erlang A), met servicelevel, bezetting en wachttijd.

    Het verkeer is aanbod x gespreksduur / interval (gedeeld door --gelijktijdig); het aantal
    agenten is het kleinste dat elk doel haalt (--servicelevel, --asa) en de maximale bezetting
    niet overschrijdt. Met --geduld hangen bellers op (Erlang A). Met --aanbod week.csv elk
    interval van de CSV apart. Voor een hele week en de fte die daarbij horen: contactcentrum in
    een profiel (zie README).
    """
    voer_uit(partial(werk.erlang, aanbod, interval, gespreksduur, servicelevel, max_bezetting, asa, geduld,
                     gelijktijdig, alleen_onder),
             Opmaak(formaat.value, output, csv_dialect.value), debug)


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


def _schema(standaard: bool) -> Uitkomst:
    from brutonetto.output import schema as schemamodule
    from brutonetto.output.inhoud import Tekst

    inhoud = schemamodule.standaardschema() if standaard else schemamodule.bestandsschema()
    return Uitkomst(Tekst(schemamodule.als_tekst(inhoud)), [], [], [])


@commando()
def init(
    bestand: Annotated[
        Path, typer.Argument(
            help="Het nieuwe profiel; met .xlsx of .csv een formatiesjabloon: een rij per functie.",
            show_default=True, metavar="BESTAND")
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


def _init(bestand: Path, eenheid: bool = False) -> Uitkomst:
    from brutonetto.output import schema as schemamodule
    from brutonetto.output.starter import STARTEENHEID, STARTPROFIEL

    try:
        bestaat = bestand.exists()
    except OSError as fout:  # a name the system refuses (too long)
        raise Uitvoerfout(f"kan niet schrijven naar {bestand}: {reden(fout)}") from None
    if bestaat:
        raise Gebruiksfout(f"{bestand} bestaat al; kies een andere naam (brutonetto init "
                           f"ANDERE-NAAM{bestand.suffix.lower() or '.yaml'})")
    if bestand.suffix.lower() not in (".yaml", ".yml", ".xlsx", ".csv"):
        raise Gebruiksfout(f"init schrijft een profiel (.yaml) of een formatie (.xlsx of .csv), niet "
                           f"'{bestand.suffix or bestand.name}': die leest brutonetto niet")
    if bestand.suffix.lower() in (".xlsx", ".csv"):  # the formatie as a spreadsheet (contract v3)
        from brutonetto.output.starter import FORMATIEKOLOMMEN, formatiesjabloon

        inhoud = formatiesjabloon(bestand.name, csv=bestand.suffix.lower() == ".csv")
        schrijf_bestand(lambda uit, breedte: uit.write(inhoud), bestand, [], binair=True)
        meld(f"geschreven: {bestand}")
        if bestand.suffix.lower() == ".csv":  # a CSV has no room for notes: they are said here
            for kop, uitleg, _, _ in FORMATIEKOLOMMEN:
                meld(f"  {kop}: {uitleg}")
        return Uitkomst(None, [], [], [], f"Vul {bestand} aan en reken het uit met: brutonetto compute {bestand}")
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
    return Uitkomst(None, [], [], [], melding)


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
    formaat: AnalyseFormaatOptie = AnalyseFormaat.table,
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
    opmaak = Opmaak(formaat.value, output, csv_dialect.value)
    voer_uit(partial(werk.realisation, plan, registraties, scenario, uitleg, alleen_onder),
             _opmaak_met_uitleg(formaat, output, csv_dialect) if uitleg else opmaak, debug)


UitlegVlag = Annotated[bool, typer.Option(
    "--uitleg", help="Laat de berekening zien in plaats van de tabel: per regel de formule, de ingevulde "
    "getallen, de uitkomst en bestand:regel van de invoer, zoals explain (met --format json: dezelfde stappen als data).")]


def _opmaak_met_uitleg(formaat: AnalyseFormaat, output: Optional[Path], dialect: Dialect) -> Opmaak:
    """--uitleg writes a rekenblad: text (the table's place) or json/jsonl; csv and charts have no working,
    and the html report holds the working already."""
    if formaat == AnalyseFormaat.csv:
        raise typer.BadParameter("--uitleg schrijft een rekenblad: tekst of json, geen csv", param_hint="'--format'")
    if formaat == AnalyseFormaat.html:
        raise typer.BadParameter("--uitleg schrijft een rekenblad: tekst of json; het html-rapport bevat de berekening "
                                 "al (laat --uitleg weg)", param_hint="'--format'")
    if formaat == AnalyseFormaat.xlsx:
        raise typer.BadParameter("--uitleg schrijft een rekenblad: tekst of json; het werkboek (xlsx) laat de "
                                 "berekening al zien, elke uitkomst is er een formule: laat --uitleg weg",
                                 param_hint="'--format'")
    if output is not None and output.suffix.lower() in (".svg", ".png"):
        raise typer.BadParameter(f"--uitleg schrijft een rekenblad, geen grafiek; kies een andere naam dan {output}",
                                 param_hint="'--output'")
    return Opmaak("text" if formaat == AnalyseFormaat.table else formaat.value, output, dialect.value)


_GRAFIEKHULP = (
    "Schrijf naar dit bestand in plaats van naar het scherm (in zijn geheel of helemaal niet); "
    "op .svg of .png: {wat} (pip install 'brutonetto[grafiek]')."
)


def _opmaak_met_grafiek(formaat: AnalyseFormaat, output: Optional[Path], dialect: Dialect, optie: str) -> Opmaak:
    """--output BESTAND.svg or .png draws the command's chart; another --format with it is wrong usage."""
    soort = output.suffix.lower().lstrip(".") if output is not None else ""
    if soort in ("svg", "png"):
        if formaat != AnalyseFormaat.table:
            raise typer.BadParameter(
                f"{output} is een grafiek; laat --format {formaat.value} weg of kies een andere naam", param_hint=optie
            )
        return Opmaak(soort, output, dialect.value)
    return Opmaak(formaat.value, output, dialect.value)


@commando()
def budget(
    paden: Paden,
    formaat: AnalyseFormaatOptie = AnalyseFormaat.table,
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
    opmaak = (_opmaak_met_uitleg(formaat, output, csv_dialect) if uitleg
              else _opmaak_met_grafiek(formaat, output, csv_dialect, "'--output'"))
    voer_uit(partial(werk.budget, paden, uitleg, alleen_onder), opmaak, debug)


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
    formaat: AnalyseFormaatOptie = AnalyseFormaat.table,
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
    opmaak = (_opmaak_met_uitleg(formaat, output, csv_dialect) if uitleg
              else _opmaak_met_grafiek(formaat, output, csv_dialect, "'--output'"))
    bereiken = [*(varieer or []), *(vary or [])]
    if not bereiken:
        raise Gebruiksfout("de optie --varieer ontbreekt")
    punten = stappen if stappen is not None else steps if steps is not None else 2
    voer_uit(partial(werk.sensitivity, paden, bereiken, punten, raster or grid, scenario, uitleg, alleen_onder,
                     rapport=formaat in (AnalyseFormaat.html, AnalyseFormaat.xlsx)), opmaak, debug)


@commando()
def solve(
    paden: Paden,
    doel: Annotated[Optional[str], typer.Option(
        "--doel", "-d", show_default=False, metavar="UITKOMST=WAARDE",
        help="De uitkomst en de waarde die zij moet krijgen: extra_kosten=1 mln, aandeel_direct=78%, "
        "directe_uren=1300, extra_fte=10, fte_nodig=450. Verplicht.")] = None,
    zoek: Annotated[Optional[str], typer.Option(
        "--zoek", "-z", show_default=False, metavar="VELD",
        help="Het invoerveld dat gezocht wordt, zoals een profiel het schrijft: aftrek.leren_en_ontwikkelen, "
        "aftrek.verzuim, beschikbare_uren, kosten_per_fte, instroom. Verplicht.")] = None,
    functie: Annotated[Optional[str], typer.Option(
        "--functie", "-F", show_default=False, metavar="NAAM", help="Alleen deze functie. Standaard: elke functie apart.")] = None,
    scenario: Annotated[Optional[str], typer.Option(
        "--scenario", "-s", show_default=False, metavar="NAAM",
        help="Zoek het veld in dit scenario (extra fte en kosten tegen basis). Standaard: in basis, "
        "geprijsd tegen basis zoals geschreven.")] = None,
    totaal: Annotated[bool, typer.Option(
        "--totaal", help="Eén waarde voor alle functies samen, zodat het totaal van de eenheid het doel haalt.")] = False,
    formaat: RecordFormaatOptie = RecordFormaat.table,
    csv_dialect: DialectOptie = Dialect.en,
    output: UitvoerOptie = None,
    uitleg: UitlegVlag = False,
    alleen_onder: AlleenOnderOptie = None,
    debug: DebugOptie = False,
) -> None:
    """Terugrekenen: welke waarde van één invoerveld geeft de gevraagde uitkomst?

    Bijvoorbeeld hoeveel leertijd past binnen 1 miljoen: --doel extra_kosten=1mln --zoek
    aftrek.leren_en_ontwikkelen --scenario extra_leertijd. Per functie (of met --totaal voor de
    eenheid) de gevonden waarde en de uitkomsten daar. Exact waar de uitkomst een rechte lijn in
    het veld is, anders ingesloten tot op 10^-12; kan het doel niet gehaald worden, dan zegt
    brutonetto hoe dichtbij het komt. Met --uitleg de berekening bij de gevonden waarde.
    """
    if doel is None:
        raise Gebruiksfout("de optie --doel ontbreekt, bijvoorbeeld --doel extra_kosten=1mln")
    if zoek is None:
        raise Gebruiksfout("de optie --zoek ontbreekt, bijvoorbeeld --zoek aftrek.leren_en_ontwikkelen")
    if uitleg and formaat in (RecordFormaat.xlsx, RecordFormaat.html):
        raise typer.BadParameter(f"--uitleg schrijft een rekenblad: tekst of json; --format {formaat.value} laat de "
                                 "berekening al zien (laat --uitleg weg)", param_hint="'--format'")
    opmaak = (_opmaak_met_uitleg(formaat, output, csv_dialect) if uitleg
              else Opmaak(formaat.value, output, csv_dialect.value))
    # a workbook or a report is compute's, of the records at the values found
    records = formaat in (RecordFormaat.xlsx, RecordFormaat.html)
    voer_uit(partial(werk.solve, paden, doel, zoek, functie, scenario, totaal, uitleg, alleen_onder, records),
             opmaak, debug)


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
