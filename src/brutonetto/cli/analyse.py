"""The work of the v2 analysis commands: realisation, budget and sensitivity.

Each function loads its input, hands it to the engine and returns a `Resultaat` with
the typed rows the engine made (`output.inhoud.Rijen`, with its column layout); `commands`
declares the options and `uitvoer` hands the rows to output in the chosen format. Imports
happen inside the functions: a command pays only for what it uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from brutonetto.cli.uitvoer import Gebruiksfout, Resultaat, bekende_scenarios
from brutonetto.errors import Fout, Problemen
from brutonetto.notation import telling

MAX_RIJEN = 1_000_000  # rows of a sensitivity: a grid grows as steps to the power of its fields


# realisation ----------------------------------------------------------------------------


def realisation(plan: str, csv_pad: str, scenario: str | None, uitleg: bool = False,
                alleen_onder: Path | None = None) -> Resultaat:
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
        return Resultaat(None, fouten, lading.waarschuwingen, invoer)
    gekozen = scenario or BASIS
    if scenario is not None and scenario != BASIS:
        bekende_scenarios(lading.functies, [scenario])
    rapport = compute_records(lading.functies, [gekozen])
    if rapport.fouten:
        return Resultaat(None, rapport.fouten, lading.waarschuwingen, invoer)
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
        return Resultaat(None, [Fout(csv_pad, "bestand bestaat niet")], lading.waarschuwingen, invoer)
    except IsADirectoryError:
        return Resultaat(None, [Fout(csv_pad, "is een map; geef het CSV-bestand")], lading.waarschuwingen, invoer)
    except UnicodeDecodeError:
        return Resultaat(None, [Fout(csv_pad, "het bestand is geen UTF-8; sla het in Excel op als "
                                              "'CSV UTF-8 (door komma's gescheiden)'")], lading.waarschuwingen, invoer)
    except OSError as fout:
        return Resultaat(None, [Fout(csv_pad, f"kan het bestand niet lezen: {fout.strerror or fout}")],
                         lading.waarschuwingen, invoer)
    waarschuwingen = list(lading.waarschuwingen) + realisatiewaarschuwingen(werking, csv_pad)
    if not fouten and not uitkomsten:
        waarschuwingen.append(f"{csv_pad}: geen registraties gevonden (alleen een kopregel?)")
    if uitleg:
        from brutonetto.output.uitleg import realisatie_bladen

        return Resultaat(inhoud.Rekenbladen(realisatie_bladen(uitkomsten, werking, csv_pad)), fouten,
                         waarschuwingen, invoer)
    return Resultaat(inhoud.realisatie(uitkomsten, werking), fouten, waarschuwingen, invoer)


# budget ---------------------------------------------------------------------------------


def budget(paden: list[str], uitleg: bool = False, alleen_onder: Path | None = None) -> Resultaat:
    from brutonetto.engine.begroting import begroot
    from brutonetto.engine.records import compute_records
    from brutonetto.input.loader import load
    from brutonetto.output import inhoud

    lading = load(paden, alleen_onder)
    if not lading.meerjaren and not lading.fouten:
        fout = Fout(" ".join(paden), "geen meerjaren-blok gevonden; zet bovenaan een bestand bijvoorbeeld "
                                     "meerjaren: {scenario: extra_leertijd, financiering: {2023: 12 mln, 2024: 20 mln}}")
        return Resultaat(None, [fout], lading.waarschuwingen, lading.bestanden)
    fouten = invoerfouten(lading, begroten=True)
    if fouten:
        return Resultaat(None, fouten, lading.waarschuwingen, lading.bestanden)
    (bron, meerjaren), *_ = lading.meerjaren
    rapport = compute_records(lading.functies, [meerjaren.scenario] if meerjaren.scenario else None)
    waarschuwingen = [*lading.waarschuwingen, *rapport.waarschuwingen]
    if rapport.fouten:
        return Resultaat(None, rapport.fouten, waarschuwingen, lading.bestanden)
    if meerjaren.scenario is not None:
        for functie in lading.functies:
            if meerjaren.scenario not in functie.scenarios:
                waarschuwingen.append(f"{functie.bestand}: functie '{functie.naam}' heeft geen scenario "
                                      f"'{meerjaren.scenario}' en telt niet mee in de kosten")
    jaren, problemen = begroot(rapport.records, meerjaren.financiering, meerjaren.indexatie, meerjaren.scenario)
    fouten = [(record.basis or record).invoer.herkomst.fout(f"functie '{record.functie}': {bericht}", ("kosten_per_fte",))
              for record, bericht in problemen]
    if uitleg:
        from brutonetto.output.uitleg import budget_bladen

        return Resultaat(inhoud.Rekenbladen(budget_bladen(jaren, rapport.records, bron, meerjaren)), fouten,
                         waarschuwingen, lading.bestanden)
    return Resultaat(inhoud.budget(jaren, rapport.records, meerjaren.indexatie), fouten, waarschuwingen, lading.bestanden)


# sensitivity ----------------------------------------------------------------------------


def sensitivity(paden: list[str], vary: list[str], stappen: int, grid: bool, scenario: str | None,
                uitleg: bool = False, alleen_onder: Path | None = None, werkboek: bool = False) -> Resultaat:
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
        return Resultaat(None, fouten, lading.waarschuwingen, lading.bestanden)
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
    werking: dict | None = {} if uitleg or werkboek else None  # the workbook reads each point's record
    rijen, fouten = gevoeligheid(lading.functies, None if scenario in (None, BASIS) else scenario,
                                 variaties, grid, als_tekst, werking)
    if not grid:
        waarschuwingen.extend(_zonder_effect(rijen, [v.veld for v in variaties]))
    if uitleg:
        from brutonetto.output.uitleg import gevoeligheid_bladen

        bladen = gevoeligheid_bladen(rijen, werking or {}, [v.pad for v in variaties])
        return Resultaat(inhoud.Rekenbladen(bladen), fouten, waarschuwingen, lading.bestanden)
    return Resultaat(inhoud.gevoeligheid(rijen, werking), fouten, waarschuwingen, lading.bestanden)


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
