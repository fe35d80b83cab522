"""`--uitleg` of budget, realisation and sensitivity: their numbers as a rekenblad, like `explain`.

Each line is `step = formula in words = numbers filled in = result  (source)`, written by
output/rekenblad.py (`Blad`, `Stap`, the same text, terminal and JSON renderers). Every
result is the engine's own number (engine/begroting.py, engine/realisatie.py, the records of
engine/gevoeligheid.py); this module only names the operands the engine used and fills them
in, with as many digits as it takes for the shown sum to give the shown result
(`rekenblad._genoeg_decimalen`). It decides no formula.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from brutonetto.engine import stappen as rekenstappen
from brutonetto.engine.regels import AANDEEL, EURO, FTE, UUR, Regel, vul_in
from brutonetto.output.rekenblad import (
    Blad,
    Stap,
    _genoeg_decimalen,
    _getal,
    resultaattekst,
)
from brutonetto.output.rekenblad import stappen as recordstappen


def _stap(
    naam: str, formule: str, sjabloon: str, reken: Callable[..., Decimal], eenheid: str,
    operanden: list[Decimal], uitkomst: Decimal, bron: str, veld: tuple[str, ...] = (),
) -> Stap:
    """One line: the operands the engine used, filled into `sjabloon` with enough digits."""
    regel = Regel("", eenheid, formule, sjabloon, "", reken)
    stap = rekenstappen.Stap(veld, "", tuple(
        rekenstappen.Operand((), waarde, rekenstappen.CONSTANTE) for waarde in operanden), uitkomst)
    decimalen = _genoeg_decimalen(regel, stap)
    # a negative operand in brackets: `0 + (-8.033.028,969)`, not `0 + -8.033.028,969`
    delen = [f"({tekst})" if tekst.startswith("-") else tekst for tekst in (_getal(op, decimalen) for op in stap.operanden)]
    berekening = vul_in(regel, delen)
    return Stap(naam, formule, berekening, uitkomst, eenheid, bron, veld)


def _gegeven(naam: str, formule: str, uitkomst: Decimal, eenheid: str, bron: str, veld: tuple[str, ...] = ()) -> Stap:
    """A number taken as it is (the rekenblad shows no sum for it)."""
    return Stap(naam, formule, resultaattekst(eenheid, uitkomst), uitkomst, eenheid, bron, veld)


def _plek(bron: Any, pad: tuple[str, ...]) -> str | None:
    """`file:line` (a spreadsheet's `file:sheet!CELL`) of a field in a source document, or None when
    it is not written there."""
    if bron is None or not bron.bestaat(pad):
        return None
    return bron.plek(pad)


# budget ---------------------------------------------------------------------------------


def budget_bladen(jaren: list[Any], records: list[Any], bron: Any, meerjaren: Any,
                  per_jaar: dict[int, list[Any]] | None = None) -> list[Blad]:
    """Per scenario: its extra kosten, and per year kosten, saldo, cumulatief and betaalbare fte.

    `jaren` are engine/begroting.py's years, `records` the run's records (for the extra kosten
    each functie adds and its kosten_per_fte), `bron` the document of the `meerjaren` block.
    `per_jaar`: with a kalender, each year's records under its own calendar, whose extra kosten
    are that year's (a trial found the first year's sum beside another year's kosten).
    """
    bladen: list[Blad] = []
    for scenario in dict.fromkeys(j.scenario for j in jaren):
        blok = [j for j in jaren if j.scenario == scenario]
        groep = [r for r in records if r.scenario == scenario and not r.is_basis]
        eerste = blok[0]
        groei = 1 + meerjaren.indexatie / 100
        plek = _plek(bron, ("meerjaren", "indexatie"))
        indexbron = f"indexatie {plek}" if plek else "indexatie niet opgegeven: 0%"
        functiebron = ", ".join(dict.fromkeys(r.bestand for r in groep)) or "berekend"
        def som(groep: list[Any], titel: str, uitkomst: Decimal, bron_: str) -> Any:
            return _stap(
                titel, "som van de extra kosten per functie", " + ".join(f"{{{i}}}" for i in range(len(groep))),
                lambda *delen: sum(delen, Decimal(0)), EURO, [r.extra_kosten for r in groep], uitkomst,
                f"explain: extra kosten van {', '.join(r.functie for r in groep)}; {bron_}", ("extra_kosten",),
            )

        basiskosten: dict[int, Decimal] = {}
        uit = []
        if per_jaar is None:
            uit.append(som(groep, "extra kosten", eerste.kosten, functiebron))
        for jaar in blok if per_jaar is not None else ():
            jaargroep = [r for r in per_jaar[jaar.jaar] if r.scenario == scenario and not r.is_basis]
            basiskosten[jaar.jaar] = sum((r.extra_kosten for r in jaargroep), Decimal(0))
            uit.append(som(jaargroep, f"extra kosten {jaar.jaar}", basiskosten[jaar.jaar],
                           f"{functiebron} met de kalender van {jaar.jaar}"))
        prijzen = {r.invoer.profiel.kosten_per_fte for r in groep}
        prijs = prijzen.pop() if len(prijzen) == 1 else None
        prijsbron = next((w for r in groep if (w := (r.basis or r).invoer.herkomst.waar(("kosten_per_fte",)))),
                         functiebron)
        vorig = Decimal(0)
        for jaar in blok:
            n = jaar.jaar - eerste.jaar
            plek = _plek(bron, ("meerjaren", "financiering", str(jaar.jaar)))
            geldbron = f"financiering {plek}" if plek else f"geen financiering voor {jaar.jaar} in meerjaren: 0"
            uit.append(_stap(
                f"kosten {jaar.jaar}", f"extra kosten x (1 + indexatie)^(jaar - {eerste.jaar})", "{0} x {1}^{2}",
                lambda k, g, m: k * g ** int(m), EURO, [basiskosten.get(jaar.jaar, eerste.kosten), groei, Decimal(n)],
                jaar.kosten, indexbron,
                ("kosten",),
            ))
            uit.append(_stap(
                f"saldo {jaar.jaar}", "financiering - kosten", "{0} - {1}", lambda a, b: a - b, EURO,
                [jaar.financiering, jaar.kosten], jaar.saldo, geldbron, ("saldo",),
            ))
            uit.append(_stap(
                f"cumulatief {jaar.jaar}", "vorig cumulatief + saldo", "{0} + {1}", lambda a, b: a + b, EURO,
                [vorig, jaar.saldo], jaar.cumulatief, "berekend", ("cumulatief",),
            ))
            vorig = jaar.cumulatief
            if jaar.betaalbare_fte is not None and prijs is not None:
                uit.append(_stap(
                    f"betaalbare fte {jaar.jaar}",
                    f"financiering / (kosten per fte x (1 + indexatie)^(jaar - {eerste.jaar}))", "{0} / ({1} x {2}^{3})",
                    lambda geld, k, g, m: geld / (k * g ** int(m)), FTE, [jaar.financiering, prijs, groei, Decimal(n)],
                    jaar.betaalbare_fte, f"kosten per fte {prijsbron}; {geldbron}", ("betaalbare_fte",),
                ))
        bladen.append(Blad("budget", None, scenario or "alle", bron.naam if bron is not None else "", uit))
    return bladen


# realisation ----------------------------------------------------------------------------


def realisatie_bladen(uitkomsten: list[Any], werking: list[tuple[Any, Any]], csv_pad: str) -> list[Blad]:
    """Per aftrek line: registered per head, annualised, against the plan; hours and fte not used.

    `werking` holds, in the order of `uitkomsten`, the registered sum (engine/realisatie.py's
    `Gerealiseerd`) and the plan record each line was set against.
    """
    bladen: list[Blad] = []
    for uitkomst, (g, record) in zip(uitkomsten, werking):
        if g.eerste_regel is None:
            csvbron = csv_pad
        elif g.eerste_regel == g.laatste_regel:
            csvbron = f"{csv_pad}:{g.eerste_regel}"
        else:
            csvbron = f"{csv_pad}:{g.eerste_regel}-{g.laatste_regel}"
        planbron = record.invoer.herkomst.waar(("aftrek", uitkomst.aftrek)) or record.bestand
        regels = "regel" if g.regels == 1 else "regels"
        uit = [_gegeven("uren per fte", f"som van uren / fte over {g.regels} {regels}", g.uren_per_fte, UUR, csvbron)]
        if g.maanden is not None:
            uit.append(_stap(
                "gerealiseerd per fte", "uren per fte x 12 / maanden", "{0} x {1} / {2}", lambda u, a, m: u * a / m, UUR,
                [g.uren_per_fte, Decimal(12), Decimal(g.maanden)], uitkomst.gerealiseerd_per_fte, csvbron,
                ("gerealiseerd_per_fte",),
            ))
        else:
            uit.append(_stap(
                "gerealiseerd per fte", "uren per fte x 365 / dagen", "{0} x {1} / {2}", lambda u, a, d: u * a / d, UUR,
                [g.uren_per_fte, Decimal(365), Decimal(g.dagen)], uitkomst.gerealiseerd_per_fte, csvbron,
                ("gerealiseerd_per_fte",),
            ))
        uit.append(_gegeven("gepland per fte", f"aftrek {uitkomst.aftrek} in het plan, per fte per jaar",
                            uitkomst.gepland_per_fte, UUR, planbron, ("gepland_per_fte",)))
        if uitkomst.percentage is not None:
            uit.append(_stap(
                "percentage", "gerealiseerd / gepland", "{0} / {1}", lambda a, b: a / b, AANDEEL,
                [uitkomst.gerealiseerd_per_fte, uitkomst.gepland_per_fte], uitkomst.percentage, planbron,
                ("percentage",),
            ))
        uit.append(_gegeven("fte", "geregistreerd gemiddelde, gewogen naar dagen", g.fte, FTE, csvbron))
        uit.append(_stap(
            "niet benut uren", "fte x (gepland - gerealiseerd)", "{0} x ({1} - {2})", lambda n, p, r: n * (p - r), UUR,
            [g.fte, uitkomst.gepland_per_fte, uitkomst.gerealiseerd_per_fte], uitkomst.niet_benut_uren, "berekend",
            ("niet_benut_uren",),
        ))
        uit.append(_gegeven("directe uren", "directe uren per fte in het plan (zie explain)", record.directe_uren, UUR,
                            record.bestand))
        uit.append(_stap(
            "niet benut fte", "niet benut uren / directe uren", "{0} / {1}", lambda a, b: a / b, FTE,
            [uitkomst.niet_benut_uren, record.directe_uren], uitkomst.niet_benut_fte, "berekend", ("niet_benut_fte",),
        ))
        bladen.append(Blad(f"{uitkomst.functie} · aftrek {uitkomst.aftrek}", uitkomst.eenheid, record.scenario,
                           f"{record.bestand} tegen {csv_pad}", uit))
    return bladen


# sensitivity ----------------------------------------------------------------------------

# The steps a point shows: the field varied, then what it moves (explain shows the rest).
GEVOLGEN = (("totaal_aftrek",), ("directe_uren",), ("aandeel_direct",), ("fte_nodig",), ("basis_directe_uren",),
            ("extra_fte",), ("extra_kosten",))


def gevoeligheid_bladen(rijen: list[Any], werking: dict[int, Any], paden: list[tuple[str, ...]]) -> list[Blad]:
    """Per functie and point: explain's steps of the point's record for the varied field(s) and what follows.

    `werking` maps id() of each row to the engine record it came from (engine/gevoeligheid.py);
    `paden` are the varied field paths, whose value is the point's and so cited as `--varieer`.
    """
    from brutonetto.engine.gevoeligheid import PUNT

    bladen: list[Blad] = []
    for rij in rijen:
        record = werking[id(rij)]
        getoond = [  # a ratio role cites the functie it follows "in" the point's internal scenario name
            s._replace(bron=f"--varieer {rij.veld} = {rij.waarde}") if s.veld in paden else s._replace(
                bron=s.bron.replace(PUNT, "dit punt"))
            for s in recordstappen(record) if s.veld in paden or s.veld in GEVOLGEN
        ]
        bladen.append(Blad(rij.functie, rij.eenheid, f"{rij.scenario} · {rij.veld} = {rij.waarde}", record.bestand, getoond))
    return bladen


def zoek_bladen(rijen: list[Any], werking: dict[int, list[Any]]) -> list[Blad]:
    """Per answer: how it was found (exact on a line, or closed in on), then explain's steps of each
    record at the value found, the sought field cited as `--zoek`."""
    bladen: list[Blad] = []
    for rij in rijen:
        hoe = ("lineair: de uitkomst is een rechte lijn in dit veld; twee punten geven de lijn, de waarde is exact"
               if rij.methode == "lineair" else
               "iteratief: ingesloten en gehalveerd tot de uitkomst op 10^-12 na het doel is")
        for record in werking[id(rij)]:
            pad = tuple(rij.zoek.split("."))
            getoond = [s._replace(bron=f"--zoek {rij.zoek}: gevonden {rij.waarde} ({hoe})") if s.veld == pad else s
                       for s in recordstappen(record)]
            titel = f"{rij.scenario} · {rij.doel} = {rij.doelwaarde.normalize():f} bij {rij.zoek} = {rij.waarde}"
            bladen.append(Blad(record.functie, record.eenheid, titel, record.bestand, getoond))
    return bladen
