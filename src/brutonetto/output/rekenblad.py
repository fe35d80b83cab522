"""Show the working: every figure of a profile as a step, with its formula, the numbers filled
in, the result, and the file:line each input came from.

The steps, their rules and their numbers are the engine's own (`Record.stappen`); this module
only puts them into words, with the words of each rule in `engine/regels.py`. It decides no
formula. It knows nothing of the terminal but that a name from a file is shown, never obeyed
(`terminal.zichtbaar`): `render_rekenblad` writes plain text, the CLI adds style.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple, TextIO

from brutonetto.engine import stappen as rekenstappen
from brutonetto.engine.regels import AANDEEL, EURO, FTE, REGELS, vul_in
from brutonetto.domain.functie import Herkomst
from brutonetto.notation import nl, rond
from brutonetto.engine.records import Record
from brutonetto.output.terminal import zichtbaar

# What explain says of an input the profile did not write (the engine's default is the number).
STANDAARD_UITLEG = {("weken_per_jaar",): "weken (HOT, CAO Rijk)"}


class Stap(NamedTuple):
    """One line of the rekenblad."""

    stap: str  # what is computed: "verzuim", "directe uren"
    formule: str  # the formula in words
    berekening: str  # the numbers filled in
    uitkomst: Decimal
    eenheid: str  # uur, weken, fte, euro or %
    bron: str  # where the inputs were written (file:line), or how they were derived
    veld: tuple[str, ...] = ()  # the engine's step: the JSON key it computes


class Blad(NamedTuple):
    """The rekenblad of one functie in one scenario."""

    functie: str
    eenheid: str | None
    scenario: str
    bestand: str
    stappen: list[Stap]
    # a contact centre: (interval, aanbod, erlang.Interval) per interval of its typical week
    intervallen: tuple = ()


def kort(getal: Decimal, decimalen: int = 3) -> str:
    """Dutch notation with at most 3 (or `decimalen`) decimals and no trailing zeros: 1.287,727 and 1.631."""
    tekst = nl(getal, decimalen)
    return tekst.rstrip("0").rstrip(",") if "," in tekst else tekst


def naam(veld: tuple[str, ...]) -> str:
    """What a step computes, as explain names it: `aftrek: verzuim`, `producten: contact · telefoon`."""
    if len(veld) >= 2:
        return f"{veld[0]}: {' · '.join(str(deel) for deel in veld[1:] if deel != 'kanalen')}"
    return "directe uren basis" if veld == ("basis_directe_uren",) else veld[0].replace("_", " ")


def stappen(record: Record) -> list[Stap]:
    """The engine's steps of one record in words; a basis without its price against itself."""
    herkomst = record.invoer.herkomst
    basisherkomst = (record.basis or record).invoer.herkomst
    uit = []
    for stap in record.stappen(prijs=not record.is_basis):
        regel = REGELS[stap.regel]
        decimalen = _genoeg_decimalen(regel, stap)
        berekening = vul_in(regel, [_getal(op, decimalen) for op in stap.operanden])
        formule = f"{regel.formule} ({stap.toelichting})" if stap.toelichting else regel.formule
        uit.append(Stap(
            naam(stap.veld), formule, berekening, stap.uitkomst, regel.eenheid,
            _bron(stap, herkomst, basisherkomst), stap.veld,
        ))
    return uit


def _getal(operand: rekenstappen.Operand, decimalen: int = 3) -> str:
    return kort(operand.waarde * 100, decimalen) + "%" if operand.procent else kort(operand.waarde, decimalen)


def _genoeg_decimalen(regel, stap: rekenstappen.Stap) -> int:
    """The fewest decimals (3 to 10) for the operands such that the shown numbers give the shown result.

    `12,105 x 75.000` is 907.875, not the € 907.889,34 shown: the reader must be able to redo
    the sum from what is written, so the operands get as many digits as that takes.
    """
    doel = resultaattekst(regel.eenheid, stap.uitkomst)
    for decimalen in range(3, 11):
        getoond = [
            rond(op.waarde * 100, decimalen) / 100 if op.procent else rond(op.waarde, decimalen) for op in stap.operanden
        ]
        try:
            if resultaattekst(regel.eenheid, regel.reken(*getoond)) == doel:
                return decimalen
        except ArithmeticError:  # a factor shown as 0: more digits
            continue
    return 10


def _bron(stap: rekenstappen.Stap, herkomst: Herkomst, basisherkomst: Herkomst) -> str:
    """Where the inputs of a step were written: `file:line`, the default used, or how it was derived."""
    regel = REGELS[stap.regel]
    geciteerd = stap.operanden if regel.bron is None else [stap.operanden[i] for i in regel.bron]
    invoer = [op for op in geciteerd if op.soort in (rekenstappen.INVOER, rekenstappen.STANDAARD, rekenstappen.ANDER)]
    if not invoer:
        return "basis" if stap.operanden and all(op.basis for op in stap.operanden) else "berekend"
    delen = []
    for op in invoer:
        if op.soort == rekenstappen.ANDER:  # a ratio role's grondslag: the record of the functie it follows
            _, functie, scenario = op.functie
            delen.append(f"{op.veld[-1].replace('_', ' ')} van '{functie}' in {scenario}")
            continue
        if op.soort == rekenstappen.STANDAARD:
            delen.append(f"{op.veld[-1]} standaard: {kort(op.waarde)} {STANDAARD_UITLEG.get(op.veld, '')}".rstrip())
            continue
        waar = (basisherkomst if op.basis else herkomst).waar(op.veld)
        if waar is not None:
            delen.append(waar if len(invoer) == 1 else f"{op.veld[-1]} {waar}")
    return "; ".join(delen) or "standaard"


def uitkomsttekst(stap: Stap) -> str:
    """The result of a step in Dutch notation, with its unit."""
    return resultaattekst(stap.eenheid, stap.uitkomst)


def resultaattekst(eenheid: str, waarde: Decimal) -> str:
    if eenheid == AANDEEL:
        return nl(waarde * 100, 2) + "%"
    if eenheid == EURO:
        return "€ " + nl(waarde, 2)
    if eenheid == FTE:
        return nl(waarde, 3) + " fte"
    return f"{kort(waarde)} {eenheid}"


def regels(bladen: list[Blad]) -> list[tuple[str, str]]:
    """The rekenblad as text lines, each with its kind: kop, stap or leeg."""
    uit: list[tuple[str, str]] = []
    for i, blad in enumerate(bladen):
        if i:
            uit.append(("", "leeg"))
        eenheid = f" · {blad.eenheid}" if blad.eenheid else ""
        uit.append((zichtbaar(f"Rekenblad: {blad.functie}{eenheid} · scenario {blad.scenario} · {blad.bestand}"), "kop"))
        namen = [zichtbaar(s.stap) for s in blad.stappen]  # an aftrek or product named in a file
        breedte = max(map(len, namen))
        for nummer, (stap, stapnaam) in enumerate(zip(blad.stappen, namen), 1):
            uitkomst = uitkomsttekst(stap)
            # a given number is not worked out: `opgegeven = 1.631 uur`, not `= 1.631 = 1.631 uur`
            berekening = "" if stap.berekening in (uitkomst, uitkomst.rsplit(" ", 1)[0]) else f" = {stap.berekening}"
            uit.append((
                zichtbaar(f"{nummer:>3}. {stapnaam.ljust(breedte)} = {stap.formule}{berekening} = {uitkomst}  ({stap.bron})"),
                "stap",
            ))
        if blad.intervallen:
            uit += [(regel, "tabel") for regel in intervaltabel(blad.intervallen)]
    return uit


def intervaltabel(intervallen: tuple) -> list[str]:
    """The contact centre's intervals, compact: one line per interval with aanbod, the quiet ones counted."""
    koppen = ("interval", "aanbod", "verkeer", "agenten", "servicelevel", "bezetting")
    rijen = [
        (zichtbaar(naam), kort(aanbod), kort(Decimal(i.verkeer), 2), str(i.agenten), nl(Decimal(i.servicelevel) * 100, 1) + "%",
         nl(Decimal(i.bezetting) * 100, 1) + "%")
        for naam, aanbod, i in intervallen if aanbod
    ]
    breedtes = [max(len(k), *(len(r[c]) for r in rijen)) if rijen else len(k) for c, k in enumerate(koppen)]
    regels = ["     Intervallen (Erlang C):",
              "     " + "  ".join(k.ljust(b) if c == 0 else k.rjust(b) for c, (k, b) in enumerate(zip(koppen, breedtes)))]
    regels += ["     " + "  ".join(v.ljust(b) if c == 0 else v.rjust(b) for c, (v, b) in enumerate(zip(rij, breedtes)))
               for rij in rijen]
    stil = len(intervallen) - len(rijen)
    if stil:
        regels.append(f"     en {stil} {'interval' if stil == 1 else 'intervallen'} zonder aanbod: 0 agenten")
    return regels


def render_rekenblad(bladen: list[Blad], uit: TextIO) -> None:
    """Plain text, one step per line: step = formula = numbers = result  (source)."""
    uit.write("".join(regel + "\n" for regel, _ in regels(bladen)))


def render_rekenblad_terminal(bladen: list[Blad], uit: TextIO) -> None:
    """The same lines, styled: headings bold, results highlighted, sources dimmed."""
    from rich.text import Text

    from brutonetto.output.terminal import console

    scherm = console(uit, terminal=False)
    for regel, soort in regels(bladen):
        tekst = Text(regel, style="bold" if soort == "kop" else "")
        if soort == "stap":
            tekst.highlight_regex(r"= [^=]*  \(", "bold cyan")
            tekst.highlight_regex(r"\([^()]*\)$", "dim")
        scherm.print(tekst)


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
                    "veld": list(s.veld),
                    "formule": s.formule,
                    "berekening": s.berekening,
                    "uitkomst": rond(s.uitkomst),
                    "eenheid": s.eenheid,
                    "bron": s.bron,
                }
                for s in blad.stappen
            ],
            **({"intervallen": [
                {"interval": naam, "aanbod": rond(aanbod), "verkeer": rond(Decimal(i.verkeer)), "agenten": i.agenten,
                 "servicelevel": rond(Decimal(i.servicelevel)), "bezetting": rond(Decimal(i.bezetting))}
                for naam, aanbod, i in blad.intervallen
            ]} if blad.intervallen else {}),
        }
        for blad in bladen
    ]


def bladen(records: list[Record], functienaam: str | None, scenario: str | None) -> list[Blad]:
    """The rekenbladen asked for, of the records computed: one functie or all; one scenario, or all."""
    return [
        Blad(r.functie, r.eenheid, r.scenario, r.bestand, stappen(r),
             r.uitkomst.wachtrij.intervallen if r.uitkomst.wachtrij else ())
        for r in records
        if (scenario is None or r.scenario == scenario) and (functienaam is None or r.functie == functienaam)
    ]
