"""Show the working: every figure of a profile as a step, with its formula, the numbers filled
in, the result, and the file:line each input came from.

The numbers are the engine's own (an `Uitkomst` and a `Verschil`); this module only puts
them into words, in the order of the formula sheet (docs/berekening.md). It knows nothing
of the terminal: `render_rekenblad` writes plain text, the CLI adds style.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple, TextIO

from brutonetto.engine.hours import Profiel, Uitkomst, Verschil, compare
from brutonetto.errors import Fout
from brutonetto.input.functie import BASIS, Functie, Herkomst, Invoer
from brutonetto.notation import nl, rond
from brutonetto.engine.records import Rapport, bereken, scenarionamen
from brutonetto.input.quantity import BRUTO, DAG, PROCENT, UUR_PER_WEEK, Hoeveelheid

UUR, FTE, EURO, PROCENT_AANDEEL = "uur", "fte", "euro", "%"


class Stap(NamedTuple):
    """One line of the rekenblad."""

    stap: str  # what is computed: "verzuim", "directe uren"
    formule: str  # the formula in words
    berekening: str  # the numbers filled in
    uitkomst: Decimal
    eenheid: str  # uur, fte, euro or %
    bron: str  # where the inputs were written (file:line), or how they were derived


class Blad(NamedTuple):
    """The rekenblad of one functie in one scenario."""

    functie: str
    eenheid: str | None
    scenario: str
    bestand: str
    stappen: list[Stap]


def kort(getal: Decimal) -> str:
    """Dutch notation with at most 3 decimals and no trailing zeros: 1.287,727 and 1.631."""
    tekst = nl(getal, 3)
    return tekst.rstrip("0").rstrip(",") if "," in tekst else tekst


def stappen(
    profiel: Profiel,
    uitkomst: Uitkomst,
    herkomst: Herkomst,
    basis: tuple[Profiel, Uitkomst, Verschil] | None = None,
) -> list[Stap]:
    """The steps of the formula sheet for one profile; with `basis`, also what the scenario costs."""
    bron = _Bronnen(herkomst)
    blad: list[Stap] = []
    if uitkomst.bruto_uren is not None:
        blad.append(Stap(
            "bruto uren", "uren per week x weken per jaar",
            f"{kort(profiel.uren_per_week)} x {kort(uitkomst.weken_per_jaar)}",
            uitkomst.bruto_uren, UUR, bron.van(("uren_per_week",), ("weken_per_jaar",), standaard="52 weken (HOT, CAO Rijk)"),
        ))
    for naam, uren in uitkomst.verlof.items():
        formule, berekening = _omrekening(profiel.verlof[naam], uitkomst, "verlof")
        blad.append(Stap(f"verlof: {naam}", formule, berekening, uren, UUR, bron.van(("verlof", naam))))
    if profiel.beschikbare_uren is not None:
        blad.append(Stap(
            "beschikbare uren", "opgegeven", kort(uitkomst.beschikbare_uren),
            uitkomst.beschikbare_uren, UUR, bron.van(("beschikbare_uren",)),
        ))
    else:
        verlof = sum(uitkomst.verlof.values(), Decimal(0))
        blad.append(Stap(
            "beschikbare uren", "bruto uren - verlof", f"{kort(uitkomst.bruto_uren)} - {kort(verlof)}",
            uitkomst.beschikbare_uren, UUR, "berekend",
        ))
    for naam, uren in uitkomst.aftrek.items():
        formule, berekening = _omrekening(profiel.aftrek[naam], uitkomst, "aftrek")
        blad.append(Stap(f"aftrek: {naam}", formule, berekening, uren, UUR, bron.van(("aftrek", naam))))
    blad.append(Stap(
        "totaal aftrek", "som van de aftrek",
        " + ".join(kort(u) for u in uitkomst.aftrek.values()) or "0",
        uitkomst.totaal_aftrek, UUR, "berekend",
    ))
    blad.append(Stap(
        "directe uren", "beschikbare uren - totaal aftrek",
        f"{kort(uitkomst.beschikbare_uren)} - {kort(uitkomst.totaal_aftrek)}",
        uitkomst.directe_uren, UUR, "berekend",
    ))
    blad.append(Stap(
        "aandeel direct", "directe uren / beschikbare uren",
        f"{kort(uitkomst.directe_uren)} / {kort(uitkomst.beschikbare_uren)}",
        uitkomst.aandeel_direct, PROCENT_AANDEEL, "berekend",
    ))
    if uitkomst.fte_nodig is not None:
        blad.append(Stap(
            "fte nodig", "werklast / directe uren",
            f"{kort(profiel.werklast_uren)} / {kort(uitkomst.directe_uren)}",
            uitkomst.fte_nodig, FTE, bron.van(("werklast_uren",)),
        ))
    if basis is not None:
        blad.extend(_verschil(profiel, uitkomst, basis, bron))
    return blad


def _verschil(
    profiel: Profiel, uitkomst: Uitkomst, basis: tuple[Profiel, Uitkomst, Verschil], bron: _Bronnen
) -> list[Stap]:
    basisprofiel, basisuitkomst, verschil = basis
    d_basis, d_nieuw = basisuitkomst.directe_uren, uitkomst.directe_uren
    blad = [Stap("directe uren basis", "D_basis: de directe uren zonder dit scenario", kort(d_basis), d_basis, UUR, "basis")]
    if verschil.extra_fte is None:
        return blad
    if uitkomst.fte_nodig is not None and basisuitkomst.fte_nodig is not None:
        blad.append(Stap(
            "extra fte", "werklast / D_scenario - werklast / D_basis (delen door de nieuwe netto-uren)",
            f"{kort(profiel.werklast_uren)} / {kort(d_nieuw)} - {kort(basisprofiel.werklast_uren)} / {kort(d_basis)}",
            verschil.extra_fte, FTE, bron.van(("werklast_uren",)),
        ))
    else:
        blad.append(Stap(
            "extra fte", "fte x (D_basis / D_scenario - 1) (delen door de nieuwe netto-uren)",
            f"{kort(basisprofiel.fte)} x ({kort(d_basis)} / {kort(d_nieuw)} - 1)",
            verschil.extra_fte, FTE, bron.van(("fte",)),
        ))
    if verschil.extra_kosten is not None:
        blad.append(Stap(
            "extra kosten", "extra fte x kosten per fte",
            f"{kort(verschil.extra_fte)} x {kort(profiel.kosten_per_fte)}",
            verschil.extra_kosten, EURO, bron.van(("kosten_per_fte",)),
        ))
    if verschil.waarde_extra_uren is not None:
        blad.append(Stap(
            "waarde extra uren", "fte x (aftrek scenario - aftrek basis) x uurtarief",
            f"{kort(basisprofiel.fte)} x ({kort(uitkomst.totaal_aftrek)} - {kort(basisuitkomst.totaal_aftrek)})"
            f" x {kort(profiel.uurtarief)}",
            verschil.waarde_extra_uren, EURO, bron.van(("uurtarief",)),
        ))
    return blad


def _omrekening(hoeveelheid: Hoeveelheid, uitkomst: Uitkomst, stap: str) -> tuple[str, str]:
    """The formula and the numbers that turn one deduction into hours per year."""
    getal = kort(hoeveelheid.getal)
    if hoeveelheid.eenheid == PROCENT:
        if hoeveelheid.van == BRUTO or stap == "verlof":
            return "percentage van de bruto uren", f"{getal}% x {kort(uitkomst.bruto_uren)}"
        return "percentage van de beschikbare uren", f"{getal}% x {kort(uitkomst.beschikbare_uren)}"
    if hoeveelheid.eenheid == UUR_PER_WEEK:
        if stap == "verlof":
            return "uren per week x weken per jaar", f"{getal} x {kort(uitkomst.weken_per_jaar)}"
        return (
            "uren per week x werkweken (beschikbare uren / uren per week)",
            f"{getal} x {kort(uitkomst.werkweken)}",
        )
    if hoeveelheid.eenheid == DAG:
        return "dagen x uren per dag", f"{getal} x {kort(uitkomst.uren_per_dag)}"
    return "opgegeven", f"{getal} uur"


class _Bronnen:
    def __init__(self, herkomst: Herkomst) -> None:
        self.herkomst = herkomst

    def van(self, *velden: tuple[str, ...], standaard: str | None = None) -> str:
        """Where each input was written: `file:line`, or the default when none was."""
        delen = []
        for veld in velden:
            waar = self.herkomst.waar(veld)
            if waar is not None:
                delen.append(waar if len(velden) == 1 else f"{veld[-1]} {waar}")
            elif standaard is not None:
                delen.append(f"{veld[-1]} standaard: {standaard}")
        return "; ".join(delen) or "standaard"


def uitkomsttekst(stap: Stap) -> str:
    """The result of a step in Dutch notation, with its unit."""
    if stap.eenheid == PROCENT_AANDEEL:
        return nl(stap.uitkomst * 100, 2) + "%"
    if stap.eenheid == EURO:
        return "€ " + nl(stap.uitkomst, 2)
    if stap.eenheid == FTE:
        return nl(stap.uitkomst, 3) + " fte"
    return kort(stap.uitkomst) + " uur"


def regels(bladen: list[Blad]) -> list[tuple[str, str]]:
    """The rekenblad as text lines, each with its kind: kop, stap or leeg."""
    uit: list[tuple[str, str]] = []
    for i, blad in enumerate(bladen):
        if i:
            uit.append(("", "leeg"))
        eenheid = f" · {blad.eenheid}" if blad.eenheid else ""
        uit.append((f"Rekenblad: {blad.functie}{eenheid} · scenario {blad.scenario} · {blad.bestand}", "kop"))
        breedte = max(len(s.stap) for s in blad.stappen)
        for nummer, stap in enumerate(blad.stappen, 1):
            uit.append((
                f"{nummer:>3}. {stap.stap.ljust(breedte)} = {stap.formule} = {stap.berekening}"
                f" = {uitkomsttekst(stap)}  ({stap.bron})",
                "stap",
            ))
    return uit


def render_rekenblad(bladen: list[Blad], uit: TextIO) -> None:
    """Plain text, one step per line: step = formula = numbers = result  (source)."""
    uit.write("".join(regel + "\n" for regel, _ in regels(bladen)))


def render_rekenblad_terminal(bladen: list[Blad], uit: TextIO) -> None:
    """The same lines, styled: headings bold, results highlighted, sources dimmed."""
    from rich.console import Console
    from rich.text import Text

    console = Console(file=uit, markup=False, emoji=False, highlight=False, soft_wrap=True)
    for regel, soort in regels(bladen):
        tekst = Text(regel, style="bold" if soort == "kop" else "")
        if soort == "stap":
            tekst.highlight_regex(r"= [^=]*  \(", "bold cyan")
            tekst.highlight_regex(r"\([^()]*\)$", "dim")
        console.print(tekst)


def json_bladen(bladen: list[Blad]) -> list[dict]:
    """The same steps as data; numbers exact, rounded half-up to 6 decimals like all JSON output."""
    return [
        {
            "functie": blad.functie,
            "eenheid": blad.eenheid,
            "scenario": blad.scenario,
            "bestand": blad.bestand,
            "stappen": [
                {
                    "stap": s.stap,
                    "formule": s.formule,
                    "berekening": s.berekening,
                    "uitkomst": rond(s.uitkomst),
                    "eenheid": s.eenheid,
                    "bron": s.bron,
                }
                for s in blad.stappen
            ],
        }
        for blad in bladen
    ]


def bladen(
    functies: list[Functie], functienaam: str | None, scenario: str | None
) -> tuple[list[Blad], list[Fout]]:
    """The rekenbladen asked for: one functie or all; one scenario, or basis and every scenario."""
    gekozen = [f for f in functies if functienaam is None or f.naam == functienaam]
    if not gekozen:
        namen = ", ".join(dict.fromkeys(f.naam for f in functies)) or "geen"
        return [], [Fout("--functie", f"onbekende functie '{functienaam}'; in deze bestanden staan: {namen}")]
    if scenario is not None and scenario != BASIS and not any(scenario in f.scenarios for f in gekozen):
        bekend = ", ".join(scenarionamen(gekozen))
        return [], [Fout("--scenario", f"onbekend scenario '{scenario}'; hier staan: {bekend}")]
    rapport = Rapport()  # collects the problems of every profile computed
    resultaat = []
    for functie in gekozen:
        basis = bereken(functie, functie.basis, rapport)
        if basis is None:
            continue
        if scenario in (None, BASIS):
            resultaat.append(_blad(functie, functie.basis, stappen(functie.basis.profiel, basis, functie.basis.herkomst)))
        for naam, invoer in functie.scenarios.items():
            if scenario not in (None, naam):
                continue
            uitkomst = bereken(functie, invoer, rapport)
            if uitkomst is None:
                continue
            verschil = compare(functie.basis.profiel, basis, invoer.profiel, uitkomst)
            blad = stappen(invoer.profiel, uitkomst, invoer.herkomst, (functie.basis.profiel, basis, verschil))
            resultaat.append(_blad(functie, invoer, blad))
    return resultaat, rapport.fouten


def _blad(functie: Functie, invoer: Invoer, blad: list[Stap]) -> Blad:
    return Blad(functie.naam, invoer.profiel.eenheid, invoer.scenario, functie.bestand, blad)
