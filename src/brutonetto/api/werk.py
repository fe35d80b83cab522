"""The work of each command, as the command line and the Python API share it.

Each function loads its input, hands it to the engine and returns an `Uitkomst` with the
content the output renders (`output.inhoud`: records, typed rows, rekenbladen) and every
problem as a value. Wrong usage (an unknown `--scenario`, too few `--stappen`) raises
`Gebruiksfout`: the command line exits 2, the API (`brutonetto.api`) reports it as a problem.
Imports happen inside the functions: a command pays only for what it uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from brutonetto.api.uitkomst import Uitkomst
from brutonetto.errors import Fout, Gebruiksfout, Problemen
from brutonetto.notation import telling

MAX_RIJEN = 1_000_000  # rows of a sensitivity: a grid grows as steps to the power of its fields


# compute, compare, validate, explain ---------------------------------------------------


def compute(paden: list[str], scenarios: list[str] | None = None, alleen_onder: Path | None = None,
            spoor: bool = False) -> Uitkomst:
    """Every functie in basis and its scenarios (or only `scenarios` beside basis), with totals;
    `spoor`: the records keep the working they were computed with (the workbook shows it)."""
    from brutonetto.engine import records
    from brutonetto.input.loader import load
    from brutonetto.output.inhoud import Records

    lading = load(paden, alleen_onder)
    if scenarios and not lading.fouten:
        bekende_scenarios(lading.functies, scenarios)
    rapport = records.compute_records(lading.functies, scenarios, spoor=spoor)
    waarschuwingen = [*lading.waarschuwingen, *rapport.waarschuwingen]
    # a file's problems hide the check above, so the engine reports an unknown name: as the option's
    fouten = [f._replace(bestand="--scenario") if f.bestand == records.GEKOZEN else f for f in rapport.fouten]
    return Uitkomst(Records(rapport.records), invoerfouten(lading) + fouten, waarschuwingen, lading.bestanden)


def compute_stroom(paden: list[str], alleen_onder: Path | None, formaat: str, dialect: str) -> Uitkomst | None:
    """Load, compute and render functie by functie into a temporary file: memory stays flat as
    files grow. None when the run needs the whole list (a problem to report in full, a ratio
    role before the functie it follows, a file of another shape): `compute` then."""
    import tempfile

    from brutonetto.engine import records
    from brutonetto.input.loader import Stroom
    from brutonetto.output.formaten import schrijf_stroom
    from brutonetto.output.inhoud import Geschreven

    stroom, rapport = Stroom(paden, alleen_onder), records.Rapport()
    try:
        wacht = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
    except OSError:  # no temporary file to be had (a full disk, `ulimit -f 0`): the whole list, as before
        return None
    # Each functie dies by reference count as the next comes (cli.main leaves the cyclic
    # garbage collector off; tests/test_stroom.py checks that memory stays flat without it).
    try:
        schrijf_stroom(records.stroom(stroom.functies(), rapport), formaat, wacht, dialect)
    except OSError:  # no room for the temporary file (a full disk, `ulimit -f`): the whole list, as before
        _sluit_wacht(wacht)
        return None
    except BaseException:
        _sluit_wacht(wacht)
        raise
    if stroom.terug or rapport.terug:
        _sluit_wacht(wacht)
        return None
    return Uitkomst(Geschreven(formaat, wacht), [], [*stroom.waarschuwingen, *rapport.waarschuwingen],
                    stroom.bestanden)


def _sluit_wacht(wacht: Any) -> None:
    """Close the temporary file; what its buffer still held may fail to land (the same full disk): it is thrown away."""
    try:
        wacht.close()
    except OSError:
        pass


def compare(oud: str, nieuw: str, alleen_onder: Path | None = None) -> Uitkomst:
    """The basis of two files side by side, functie by functie: OUD the basis, NIEUW the scenario."""
    from brutonetto.engine import records
    from brutonetto.input.loader import load
    from brutonetto.output.inhoud import Records

    oude, nieuwe = load([oud], alleen_onder), load([nieuw], alleen_onder)
    oud_naam, nieuw_naam = (_bestandsnaam(p) for p in (oud, nieuw))
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
    return Uitkomst(Records(rapport.records), fouten, list(dict.fromkeys(waarschuwingen)), oude.bestanden + nieuwe.bestanden)


def _bestandsnaam(pad: str) -> str:
    """The scenario name compare gives a file: its name without extension (`stdin`, a text's own name)."""
    from brutonetto.input.source import Invoertekst

    if pad == "-":
        return "stdin"
    return str(pad) if isinstance(pad, Invoertekst) else Path(pad).stem


def validate(paden: list[str], alleen_onder: Path | None = None) -> Uitkomst:
    """Every problem of every file, computed as compute would; nothing to write."""
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
    return Uitkomst(None, fouten, waarschuwingen, lading.bestanden, samenvatting)


def explain(paden: list[str], functie: str | None = None, scenario: str | None = None,
            alleen_onder: Path | None = None) -> Uitkomst:
    """The working of each figure, step by step, with file:line of every input."""
    from brutonetto.domain.functie import BASIS
    from brutonetto.engine.records import compute_records
    from brutonetto.input.loader import load
    from brutonetto.output.inhoud import Rekenbladen
    from brutonetto.output.rekenblad import bladen

    lading = load(paden, alleen_onder)
    fouten = invoerfouten(lading)
    if fouten or not lading.functies:
        return Uitkomst(None, fouten, lading.waarschuwingen, lading.bestanden)
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
    return Uitkomst(Rekenbladen(gevonden), rapport.fouten, lading.waarschuwingen, lading.bestanden)


def bekende_scenarios(functies: list, gekozen: list[str]) -> None:
    """`--scenario` names a scenario of these files: else the option is wrong (exit 2)."""
    from brutonetto.engine.records import scenarionamen

    bekend = scenarionamen(functies)
    onbekend = [naam for naam in dict.fromkeys(gekozen) if naam not in bekend]
    if onbekend:
        import difflib

        namen = ", ".join(f"'{n}'" for n in onbekend)
        gelijk = difflib.get_close_matches(onbekend[0], bekend, n=1, cutoff=0.75)  # names are words: meer is no typo of minder
        raise Gebruiksfout(
            f"--scenario: onbekend scenario {namen}" + (f"; bedoelt u '{gelijk[0]}'?" if gelijk else "")
            + f"; in deze bestanden staan: {', '.join(bekend)}"
        )


# erlang ---------------------------------------------------------------------------------


def erlang(aanbod: str, interval: str, gespreksduur: str, servicelevel: str | None = None,
           max_bezetting: str | None = None, asa: str | None = None, geduld: str | None = None,
           gelijktijdig: str | None = None, alleen_onder: Path | None = None) -> Uitkomst:
    """Agents for one interval (aanbod a number), or for each interval of a CSV (aanbod a path, as a
    profile's `contactcentrum.aanbod` names one), by Erlang C, or Erlang A with a patience; the values
    as the options take them (`30 min`, `80/20`, `20 s`). Reads no profile: no pydantic, no YAML."""
    from brutonetto.engine import erlang as erlangmodel
    from brutonetto.input import tijden
    from brutonetto.input.hoeveelheid import Invoerfout, parse_getal
    from brutonetto.output.inhoud import Erlanguitkomst, erlangrij

    def lees(optie: str, parse, waarde: str | None):  # noqa: ANN001, ANN202
        if waarde is None:
            return None
        try:
            return parse(waarde)
        except Invoerfout as fout:
            raise Gebruiksfout(f"{optie}: {fout}") from None

    if servicelevel is None and asa is None:
        raise Gebruiksfout("geef een doel: --servicelevel (80/20: 80% binnen 20 s), --asa (de gemiddelde wachttijd, "
                           "bijvoorbeeld 20s), of allebei")
    doel = lees("--servicelevel", tijden.parse_servicelevel, servicelevel)
    instellingen = dict(
        interval_s=lees("--interval", tijden.parse_interval, interval),
        gespreksduur_s=lees("--gespreksduur", lambda w: tijden.parse_tijd(w, "gespreksduur"), gespreksduur),
        servicelevel=doel.procent if doel else None, binnen_s=doel.binnen_s if doel else None,
        max_bezetting=lees("--max-bezetting", lambda w: tijden.parse_procent(w, "de maximale bezetting"), max_bezetting),
        asa_s=lees("--asa", lambda w: tijden.parse_tijd(w, "asa"), asa),
        geduld_s=lees("--geduld", lambda w: tijden.parse_tijd(w, "geduld"), geduld),
        gelijktijdig=lees("--gelijktijdig", _gelijktijdig, gelijktijdig) or 1,
    )
    if _is_bestand(aanbod):
        return _erlang_per_interval(Path(aanbod), instellingen, doel is not None, alleen_onder)
    aantal = lees("--aanbod", parse_getal, aanbod)
    if aantal < 0:
        raise Gebruiksfout(f"--aanbod: het aanbod kan niet negatief zijn (gegeven: {aanbod})")
    try:
        uitkomst = erlangmodel.compute_interval(aantal, **instellingen)
    except erlangmodel.Erlangfout as fout:
        raise Gebruiksfout(f"--{_optie(fout.veld)}: {fout.bericht}") from None
    return Uitkomst(Erlanguitkomst([erlangrij(uitkomst, doel is not None)]), [], [], [])


def _gelijktijdig(waarde: str):  # noqa: ANN202
    from brutonetto.input.hoeveelheid import Invoerfout, parse_getal

    getal = parse_getal(waarde)
    if not 0 < getal <= 100:
        raise Invoerfout(f"het aantal contacten dat een agent tegelijk voert ligt boven 0 en hoogstens op 100 (gegeven: {waarde})")
    return getal


def _optie(veld: str) -> str:
    return {"binnen": "servicelevel", "max_bezetting": "max-bezetting"}.get(veld, veld)


def _is_bestand(aanbod: str) -> bool:
    """`--aanbod week.csv`: a path, not a number (a number never ends in .csv nor holds a slash)."""
    tekst = aanbod.strip()
    return tekst.lower().endswith(".csv") or "/" in tekst or "\\" in tekst


def _erlang_per_interval(pad: Path, instellingen: dict, met_servicelevel: bool, alleen_onder: Path | None) -> Uitkomst:
    """Each interval of a CSV with the profile's rules (columns interval and aanbod, labels on the
    interval's grid, a week at most): problems at the CSV's lines, exit 1."""
    from decimal import Decimal

    from brutonetto.domain.contactcentrum import Contactcentrum
    from brutonetto.engine import erlang as erlangmodel
    from brutonetto.engine.contactcentrum import werklast
    from brutonetto.input.contactcentrum import lees_csv
    from brutonetto.input.source import buiten, verwijzing
    from brutonetto.output.inhoud import Erlanguitkomst, erlangrij

    naam = str(pad)
    if buiten(pad, alleen_onder):
        return Uitkomst(None, [Fout(naam, f"ligt niet onder de map van --alleen-onder ({alleen_onder}); wordt niet gelezen")],
                        [], [])
    bestand = verwijzing(Path.cwd(), naam, "het aanbodbestand", (".csv",), alleen_onder)
    if isinstance(bestand, str):
        return Uitkomst(None, [Fout(naam, bestand)], [], [])
    gelezen, fouten = lees_csv(bestand, naam, alleen_onder)
    if gelezen is None:
        return Uitkomst(None, fouten, [], [pad])

    class _Probleem(Exception):
        def __init__(self, veld: tuple, bericht: str) -> None:
            super().__init__(bericht)
            self.veld, self.bericht = veld, bericht

    def d(waarde):  # noqa: ANN001, ANN202
        return None if waarde is None else Decimal(str(waarde))

    cc = Contactcentrum(
        interval_s=d(instellingen["interval_s"]), gespreksduur_s=d(instellingen["gespreksduur_s"]),
        servicelevel=d(instellingen["servicelevel"]), binnen_s=d(instellingen["binnen_s"]),
        max_bezetting=d(instellingen["max_bezetting"]), aanbod=gelezen.rijen, asa_s=d(instellingen["asa_s"]),
        geduld_s=d(instellingen["geduld_s"]), gelijktijdig=d(instellingen["gelijktijdig"]),
    )
    try:
        wachtrij = werklast(cc, _Probleem)
    except _Probleem as fout:
        plek = fout.veld[2] if len(fout.veld) > 2 else None  # an interval's own problem: at its CSV line
        waar = next((w for label, _, w in gelezen.rijen if label == plek), None)
        if waar is not None:
            return Uitkomst(None, [Fout(naam, fout.bericht, regel=int(waar.rsplit(":", 1)[1]))], [], [pad])
        veld = fout.veld[1] if len(fout.veld) > 1 else "aanbod"
        raise Gebruiksfout(f"--{_optie(veld)}: {fout.bericht}" if veld != "aanbod" else f"--aanbod {naam}: {fout.bericht}") from None
    except erlangmodel.Erlangfout as fout:
        raise Gebruiksfout(f"--{_optie(fout.veld)}: {fout.bericht}") from None
    rijen = [erlangrij(uitkomst, met_servicelevel, label, aantal) for label, aantal, uitkomst in wachtrij.intervallen]
    return Uitkomst(Erlanguitkomst(rijen), [], [], [pad])


# realisation ----------------------------------------------------------------------------


def realisation(plan: str, csv_pad: str, scenario: str | None, uitleg: bool = False,
                alleen_onder: Path | None = None) -> Uitkomst:
    from brutonetto.engine.realisatie import realiseer
    from brutonetto.engine.realisatie import waarschuwingen as realisatiewaarschuwingen
    from brutonetto.engine.records import compute_records
    from brutonetto.domain.functie import BASIS
    from brutonetto.input.loader import load
    from brutonetto.input.realisatie import read_registraties
    from brutonetto.input.source import buiten
    from brutonetto.output import inhoud

    lading = load([plan], alleen_onder)
    invoer = [*lading.bestanden, Path(csv_pad)]
    if buiten(Path(csv_pad), alleen_onder):
        lading.fouten.append(Fout(csv_pad, f"ligt niet onder de map van --alleen-onder ({alleen_onder}); wordt niet gelezen"))
    fouten = invoerfouten(lading)
    if fouten:
        return Uitkomst(None, fouten, lading.waarschuwingen, invoer)
    gekozen = scenario or BASIS
    if scenario is not None and scenario != BASIS:
        bekende_scenarios(lading.functies, [scenario])
    rapport = compute_records(lading.functies, [gekozen])
    if rapport.fouten:
        return Uitkomst(None, rapport.fouten, lading.waarschuwingen, invoer)
    # a functie without the chosen scenario is planned as its basis (its scenario is its basis)
    per_functie: dict[tuple[str | None, str], object] = {}
    for record in rapport.records:
        if record.scenario == gekozen or (record.eenheid, record.functie) not in per_functie:
            per_functie[(record.eenheid, record.functie)] = record
    plan_records = list(per_functie.values())

    fouten = Problemen()  # the reader's and the engine's, the first 100 kept: a CSV can hold millions
    werking: list = []  # each result's registered sum (and plan record): --uitleg, the warnings
    try:
        with open(csv_pad, encoding="utf-8", newline="") as bestand:
            regels = read_registraties(bestand, csv_pad, fouten)
            uitkomsten, _ = realiseer(plan_records, lading.functies, regels, csv_pad, werking, fouten)
    except FileNotFoundError:
        return Uitkomst(None, [Fout(csv_pad, "bestand bestaat niet")], lading.waarschuwingen, invoer)
    except IsADirectoryError:
        return Uitkomst(None, [Fout(csv_pad, "is een map; geef het CSV-bestand")], lading.waarschuwingen, invoer)
    except UnicodeDecodeError:
        return Uitkomst(None, [Fout(csv_pad, "het bestand is geen UTF-8; sla het in Excel op als "
                                              "'CSV UTF-8 (door komma's gescheiden)'")], lading.waarschuwingen, invoer)
    except OSError as fout:
        return Uitkomst(None, [Fout(csv_pad, f"kan het bestand niet lezen: {fout.strerror or fout}")],
                         lading.waarschuwingen, invoer)
    waarschuwingen = list(lading.waarschuwingen) + realisatiewaarschuwingen(werking, csv_pad)
    if not fouten and not uitkomsten:
        waarschuwingen.append(f"{csv_pad}: geen registraties gevonden (alleen een kopregel?)")
    if uitleg:
        from brutonetto.output.uitleg import realisatie_bladen

        return Uitkomst(inhoud.Rekenbladen(realisatie_bladen(uitkomsten, werking, csv_pad)), fouten,
                         waarschuwingen, invoer)
    return Uitkomst(inhoud.realisatie(uitkomsten, (werking, csv_pad)), fouten, waarschuwingen, invoer)


# budget ---------------------------------------------------------------------------------


def budget(paden: list[str], uitleg: bool = False, alleen_onder: Path | None = None) -> Uitkomst:
    from brutonetto.engine.begroting import begroot, heeft_kalender, met_kalenderjaar
    from brutonetto.engine.records import compute_records
    from brutonetto.input.loader import load
    from brutonetto.output import inhoud

    lading = load(paden, alleen_onder)
    if not lading.meerjaren and not lading.fouten:
        fout = Fout(" ".join(paden), "geen meerjaren-blok gevonden; zet bovenaan een bestand bijvoorbeeld "
                                     "meerjaren: {scenario: extra_leertijd, financiering: {2023: 12 mln, 2024: 20 mln}}")
        return Uitkomst(None, [fout], lading.waarschuwingen, lading.bestanden)
    fouten = invoerfouten(lading, begroten=True)
    if fouten:
        return Uitkomst(None, fouten, lading.waarschuwingen, lading.bestanden)
    (bron, meerjaren), *_ = lading.meerjaren
    rapport = compute_records(lading.functies, [meerjaren.scenario] if meerjaren.scenario else None)
    waarschuwingen = [*lading.waarschuwingen, *rapport.waarschuwingen]
    if rapport.fouten:
        return Uitkomst(None, rapport.fouten, waarschuwingen, lading.bestanden)
    if meerjaren.scenario is not None:
        for functie in lading.functies:
            if meerjaren.scenario not in functie.scenarios:
                waarschuwingen.append(f"{functie.bestand}: functie '{functie.naam}' heeft geen scenario "
                                      f"'{meerjaren.scenario}' en telt niet mee in de kosten")
    per_jaar = None
    if heeft_kalender(lading.functies):  # each year its own calendar: its werkdagen and feestdagen
        from brutonetto.input.kalender import controleer_jaar

        buiten_bereik = [(jaar, reden) for jaar in meerjaren.financiering if (reden := controleer_jaar(jaar))]
        if buiten_bereik:
            jaar, reden = buiten_bereik[0]
            return Uitkomst(None, [bron.fout(f"de functies rekenen met een kalender, en {reden}",
                                             ("meerjaren", "financiering", jaar))], waarschuwingen, lading.bestanden)
        from brutonetto.engine.records import MAX_REGELS

        jaren_ = range(min(meerjaren.financiering), max(meerjaren.financiering) + 1)
        if len(jaren_) * len(rapport.records) > MAX_REGELS:  # each year computes the run again (a fourth probe)
            return Uitkomst(None, [bron.fout(
                f"met een kalender rekent elk jaar de functies opnieuw: {telling(len(jaren_))} jaren x "
                f"{telling(len(rapport.records))} regels is meer dan {telling(MAX_REGELS)}; begroot minder jaren of "
                "kies het scenario (meerjaren.scenario)", ("meerjaren", "financiering"))], waarschuwingen, lading.bestanden)
        per_jaar = {}
        for jaar in jaren_:
            jaarrapport = compute_records([met_kalenderjaar(f, jaar) for f in lading.functies],
                                          [meerjaren.scenario] if meerjaren.scenario else None)
            if jaarrapport.fouten:
                return Uitkomst(None, jaarrapport.fouten, waarschuwingen, lading.bestanden)
            per_jaar[jaar] = jaarrapport.records
    jaren, problemen = begroot(rapport.records, meerjaren.financiering, meerjaren.indexatie, meerjaren.scenario,
                               per_jaar)
    fouten = [(record.basis or record).invoer.herkomst.fout(f"functie '{record.functie}': {bericht}", ("kosten_per_fte",))
              for record, bericht in problemen]
    if uitleg:
        from brutonetto.output.uitleg import budget_bladen

        return Uitkomst(inhoud.Rekenbladen(budget_bladen(jaren, rapport.records, bron, meerjaren, per_jaar)), fouten,
                         waarschuwingen, lading.bestanden)
    return Uitkomst(inhoud.budget(jaren, (rapport.records, bron, meerjaren, per_jaar)), fouten, waarschuwingen,
                    lading.bestanden)


# sensitivity ----------------------------------------------------------------------------


def sensitivity(paden: list[str], vary: list[str], stappen: int, grid: bool, scenario: str | None,
                uitleg: bool = False, alleen_onder: Path | None = None, rapport: bool = False) -> Uitkomst:
    from brutonetto.domain.functie import BASIS
    from brutonetto.engine.gevoeligheid import Variatie, gevoeligheid, punten
    from brutonetto.input.loader import load
    from brutonetto.input.hoeveelheid import Invoerfout
    from brutonetto.input.gevoeligheid import REGELS, als_tekst, lees_bereik
    from brutonetto.output import inhoud

    if stappen < 2:
        raise Gebruiksfout(f"--stappen: minstens 2 punten (de twee einden van het bereik), niet {stappen}")
    lading = load(paden, alleen_onder)
    fouten = invoerfouten(lading)
    if fouten:
        return Uitkomst(None, fouten, lading.waarschuwingen, lading.bestanden)
    if scenario is not None and scenario != BASIS:
        bekende_scenarios(lading.functies, [scenario])
    # the rules of the profiles varied: around the basis its own; around a scenario, that scenario's
    # (a rule only a scenario has is not quietly added to the basis)
    gevarieerd = [f.basis if scenario in (None, BASIS) else f.scenarios.get(scenario, f.basis) for f in lading.functies]
    regels = {groep: [naam for i in gevarieerd for naam in getattr(i.profiel, groep)] for groep in REGELS}
    aantal = stappen ** len(vary) if grid else stappen * len(vary)  # points of the grid or the tornado
    rijen = aantal * len(lading.functies)
    if rijen > MAX_RIJEN:  # a grid of five fields at 50 steps is 312 million points: refused, not run out of memory
        raise Gebruiksfout(f"--stappen {stappen}{' --raster' if grid else ''}: {telling(rijen)} rijen "
                           f"({telling(aantal)} punten x {telling(len(lading.functies))} functies); hoogstens "
                           f"{telling(MAX_RIJEN)}: minder stappen, minder velden of minder functies")
    variaties = []
    for tekst in vary:
        try:
            bereik = lees_bereik(tekst, regels)
        except Invoerfout as fout:
            raise Gebruiksfout(f"--varieer {fout}{_in_scenario(tekst, lading.functies, scenario)}") from None
        variaties.append(Variatie(bereik.veld, bereik.pad, punten(bereik.laag, bereik.hoog, stappen), bereik.achtervoegsel))
    dubbel = [v.veld for i, v in enumerate(variaties) if v.veld in [w.veld for w in variaties[:i]]]
    if dubbel:
        raise Gebruiksfout(f"--varieer {dubbel[0]} staat er twee keer; geef elk veld één bereik")

    waarschuwingen = list(lading.waarschuwingen)
    if scenario not in (None, BASIS):
        for functie in lading.functies:
            if scenario not in functie.scenarios:
                waarschuwingen.append(f"{functie.bestand}: functie '{functie.naam}' heeft geen scenario "
                                      f"'{scenario}'; gerekend met haar basis")
    werking: dict | None = {} if uitleg or rapport else None  # rapport: the html report shows the working
    rijen, fouten = gevoeligheid(lading.functies, None if scenario in (None, BASIS) else scenario,
                                 variaties, grid, als_tekst, werking)
    if not grid:
        waarschuwingen.extend(_zonder_effect(rijen, [v.veld for v in variaties]))
    if uitleg:
        from brutonetto.output.uitleg import gevoeligheid_bladen

        bladen = gevoeligheid_bladen(rijen, werking or {}, [v.pad for v in variaties])
        return Uitkomst(inhoud.Rekenbladen(bladen), fouten, waarschuwingen, lading.bestanden)
    return Uitkomst(inhoud.gevoeligheid(rijen, None if werking is None else (werking, [v.pad for v in variaties])),
                    fouten, waarschuwingen, lading.bestanden)


# solve ----------------------------------------------------------------------------------


def solve(paden: list[str], doel: str, zoek: str, functie: str | None = None, scenario: str | None = None,
          totaal: bool = False, uitleg: bool = False, alleen_onder: Path | None = None,
          als_records: bool = False) -> Uitkomst:
    """The value of one field (`zoek`) at which one result reaches its target (`doel`), per functie or for the total."""
    from decimal import Decimal

    from brutonetto.domain.functie import BASIS
    from brutonetto.engine.gevoeligheid import lees as lees_profielveld
    from brutonetto.engine.zoek import DOELEN, zoek as zoek_waarde
    from brutonetto.input.gevoeligheid import PROCENTVELDEN, REGELS, als_tekst, lees_waarde, veldpad
    from brutonetto.input.hoeveelheid import Invoerfout
    from brutonetto.input.loader import load
    from brutonetto.input.zoek import lees_doel
    from brutonetto.output import inhoud

    try:
        doel_veld, doelwaarde = lees_doel(doel, DOELEN)
    except Invoerfout as fout:
        raise Gebruiksfout(f"--doel {fout}") from None
    if totaal and functie is not None:
        raise Gebruiksfout("--totaal zoekt één waarde voor alle functies samen; laat --functie weg, of --totaal")
    lading = load(paden, alleen_onder)
    fouten = invoerfouten(lading)
    if fouten:
        return Uitkomst(None, fouten, lading.waarschuwingen, lading.bestanden)
    if functie is not None and functie not in {f.naam for f in lading.functies}:
        namen = ", ".join(dict.fromkeys(f.naam for f in lading.functies))
        raise Gebruiksfout(f"--functie: onbekende functie '{functie}'; in deze bestanden staan: {namen}")
    if scenario is not None and scenario != BASIS:
        bekende_scenarios(lading.functies, [scenario])
    gezocht = [f.basis if scenario in (None, BASIS) else f.scenarios.get(scenario, f.basis) for f in lading.functies
               if functie is None or f.naam == functie]
    regels = {groep: [naam for i in gezocht for naam in getattr(i.profiel, groep)] for groep in REGELS}
    try:
        pad = veldpad(zoek.strip(), regels)
    except Invoerfout as fout:
        raise Gebruiksfout(f"--zoek {fout}{_in_scenario(zoek, lading.functies, scenario)}") from None
    werking: dict | None = {} if uitleg or als_records else None
    procent = "%" if pad[0] in PROCENTVELDEN else ""
    waarschuwingen = list(lading.waarschuwingen)
    veld = ".".join(pad)
    if totaal:  # one value for all: the same unit everywhere, and who is left as written
        eenheden = {}
        for f, invoer in zip(lading.functies, gezocht):
            waarde = lees_profielveld(invoer.profiel, pad)
            if waarde is None:
                waarschuwingen.append(f"{f.bestand}: functie '{f.naam}' heeft geen {veld} en telt in het totaal mee "
                                      "zoals zij is")
            else:
                eenheden.setdefault(als_tekst(waarde._replace(getal=Decimal(0))) if hasattr(waarde, "eenheid") else "",
                                    f.naam)
        if len(eenheden) > 1:
            soorten = "; ".join(f"'{e.replace('0', 'X', 1) or 'een getal'}' bij '{n}'" for e, n in eenheden.items())
            raise Gebruiksfout(f"--totaal zoekt één waarde voor alle functies, maar {veld} staat er in verschillende "
                               f"eenheden ({soorten}); zoek per functie (zonder --totaal) of schrijf één eenheid")
    rijen, fouten = zoek_waarde(lading.functies, None if scenario in (None, BASIS) else scenario, pad, doel_veld,
                                doelwaarde, lambda waarde: als_tekst(waarde) + procent, functie, totaal, werking)
    geldig = []
    for rij in rijen:  # a value the profile itself would refuse (more hours than a year has) is out of reach
        try:
            lees_waarde(pad, rij.waarde, veld)
        except Invoerfout as fout:
            fouten.append(Fout(lading.functies[0].bestand if rij.functie == "Totaal" else
                               next(f.bestand for f in lading.functies if f.naam == rij.functie),
                               f"{'het totaal' if rij.functie == 'Totaal' else 'functie ' + repr(rij.functie)}: "
                               f"{doel_veld} is niet te halen met {veld}: dat vraagt {rij.waarde}, en "
                               f"{str(fout).split(': ', 1)[-1]}"))
            continue
        geldig.append(rij)
    rijen = geldig
    if als_records:  # the workbook and the report: compute's, of the records at the values found
        gevonden: dict[int, Any] = {}  # each record at its value, after the basis it is priced against
        for rij in rijen:
            for record in (werking or {})[id(rij)]:
                for r in (record.basis, record):
                    if r is not None:
                        gevonden.setdefault(id(r), r)
        return Uitkomst(inhoud.Records(list(gevonden.values())), fouten, waarschuwingen, lading.bestanden)
    if uitleg:
        from brutonetto.output.uitleg import zoek_bladen

        return Uitkomst(inhoud.Rekenbladen(zoek_bladen(rijen, werking or {})), fouten, waarschuwingen,
                        lading.bestanden)
    return Uitkomst(inhoud.zoekuitkomsten(rijen), fouten, waarschuwingen, lading.bestanden)


def _zonder_effect(rijen: list, velden: list[str]) -> list[str]:
    """A varied field that moves no result anywhere (weken_per_jaar without hours per week, say)
    gives a table of equal rows; say so, rather than let it read as 'this does not matter'."""
    uitkomsten: dict[str, set] = {veld: set() for veld in velden}
    for rij in rijen:
        if rij.veld in uitkomsten:
            uitkomsten[rij.veld].add((rij.functie, rij.scenario, *rij[5:]))
    aantal = {veld: len({(r.functie, r.scenario) for r in rijen if r.veld == veld}) for veld in velden}
    return [
        f"--varieer {veld}: het bereik verandert niets aan de uitkomsten van deze profielen "
        "(het veld telt hier niet mee in de berekening)"
        for veld in velden if uitkomsten[veld] and len(uitkomsten[veld]) == aantal[veld]
    ]


def meerjarenfouten(lading: Any, begroten: bool = False) -> list[Fout]:
    """The problems of the `meerjaren` blocks of a run: more than one, a scenario no functie has
    (and, to budget, none at all). Checked by validate and budget alike, even when other parts
    of the files have problems: one problem never hides another (a functie that could not be
    read still names its scenarios: input.loader's deelprofielen)."""
    from brutonetto.domain.functie import BASIS
    from brutonetto.engine.records import scenarionamen
    from brutonetto.input.model import suggestie

    if not lading.meerjaren:
        return []
    (bron, meerjaren), *andere = lading.meerjaren
    fouten: list[Fout] = []
    eerste = bron.fout("", ("meerjaren",))
    for ander, _ in andere:
        fouten.append(ander.fout(
            f"er staat al een meerjaren-blok in {eerste.bestand}:{eerste.regel}; budget zet één financiering "
            "tegen de kosten van alle functies in de run: laat er één staan", ("meerjaren",)))
    scenarios = [n for n in scenarionamen(lading.functies + lading.deelprofielen) if n != BASIS]
    if meerjaren.scenario is not None and meerjaren.scenario not in scenarios:
        fouten.append(bron.fout(
            f"onbekend scenario '{meerjaren.scenario}'{suggestie(meerjaren.scenario, tuple(scenarios))}"
            + (f"; in deze bestanden staan: {', '.join(scenarios)}" if scenarios
               else "; er staan geen scenario's in deze bestanden"), ("meerjaren", "scenario")))
    elif not scenarios and begroten:
        fouten.append(bron.fout("geen scenario om te begroten: budget zet de extra kosten van een scenario "
                                "tegen de financiering; voeg een scenario toe", ("meerjaren",)))
    return fouten


def invoerfouten(lading: Any, begroten: bool = False) -> list[Fout]:
    """Every problem of the files a command loaded, whatever the command: their fields, the
    checks of the parts of functies whose fields failed, and the meerjaren block (one bad
    field hides no other problem, and no command passes a file another refuses)."""
    from brutonetto.engine.records import controleer_delen

    delen = controleer_delen(lading.deelprofielen, lading.functies) if lading.deelprofielen else []
    return lading.fouten + delen + meerjarenfouten(lading, begroten)


def _in_scenario(tekst: str, functies: list, scenario: str | None) -> str:
    """`; aftrek.extra_leertijd staat in scenario 'extra_leertijd': varieer eromheen met --scenario
    extra_leertijd` for a rule the varied profiles lack but a scenario has; else nothing."""
    from brutonetto.input.gevoeligheid import REGELS

    groep, _, rest = tekst.partition(".")
    naam = rest.split("=", 1)[0].strip()
    if groep not in REGELS or not naam:
        return ""
    for functie in functies:
        for ander, invoer in functie.scenarios.items():
            if ander != scenario and naam in getattr(invoer.profiel, groep):
                return f"; {groep}.{naam} staat in scenario '{ander}': varieer eromheen met --scenario {ander}"
    return ""
