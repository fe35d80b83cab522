"""The report's charts (`--format html`), drawn as SVG here, by hand: no matplotlib needed.

A report must open on any machine and print the same: the charts are inline SVG of plain
rectangles, lines and text, with no fonts, scripts or links, so the page needs nothing
from outside and nothing installed but brutonetto. matplotlib's SVG (output/grafiek.py,
the grafiek extra) would make the report depend on an extra, and embeds its own styles,
ids and glyph paths; the charts here are the same ones (the bruto/netto bars, costs against
funding, the tornado) with fewer ornaments, and every figure on them is the engine's own.
Inline in HTML an SVG needs no namespace, so the page names no address at all.

Every name from a file passes through `tekst`: its control characters shown
(`terminal.zichtbaar`, the SVG stays valid XML) and `<`, `>`, `&` and quotes escaped.
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any, NamedTuple

from brutonetto.notation import nl, nl_procent, telling
from brutonetto.output.terminal import zichtbaar

# the colours of grafiek.py: dark blue for what the agency delivers, then Okabe-Ito
DIRECT = "#1f4e79"
PALET = ["#e69f00", "#56b4e9", "#009e73", "#f0e442", "#cc79a7", "#d55e00", "#999999", "#8c6d31", "#7f7fbf", "#bcbd22"]
MAX_BALKEN = 1_000  # as grafiek.py: a chart of more bars is left out, and the report says so

BREEDTE = 760  # the drawing's width in SVG units; it scales to the page (max-width: 100%)
LABEL = 250  # the names' column
RECHTS = 90  # room right of the bars for a value
RIJ = 20  # one bar's row
LETTER = 11
TEKENS = 40  # a longer name is cut with … (its whole text is the bar's tooltip and in the table)


def tekst(naam: Any) -> str:
    """A name from a file as SVG text: control characters shown, markup escaped."""
    return html.escape(zichtbaar(str(naam)), quote=True)


def _afgekort(naam: str) -> str:
    naam = zichtbaar(naam)
    return naam if len(naam) <= TEKENS else naam[: TEKENS - 1] + "…"


class Segment(NamedTuple):
    waarde: float
    kleur: str
    naam: str  # what the part is: its tooltip and legend


def _asgetal(waarde: float, decimalen: int = 0) -> str:
    return nl(Decimal(f"{waarde:.6f}"), decimalen)


def _svg(hoogte: float, titel: str, inhoud: list[str], beschrijving: str) -> str:
    return (
        f'<svg role="img" viewBox="0 0 {BREEDTE} {hoogte:.0f}" '
        f'width="{BREEDTE}" height="{hoogte:.0f}" font-family="Arial, Helvetica, sans-serif" font-size="{LETTER}">'
        f"<title>{tekst(titel)}</title><desc>{tekst(beschrijving)}</desc>"
        + "".join(inhoud) + "</svg>"
    )


def _legenda(y: float, delen: list[tuple[str, str]]) -> tuple[list[str], float]:
    """Coloured squares with their names, in rows that fit the width; the new y below them."""
    uit: list[str] = []
    x = 0.0
    for kleur, naam in delen:
        getoond = _afgekort(naam)
        breedte = 18 + 6.2 * len(getoond) + 14
        if x and x + breedte > BREEDTE:
            x, y = 0.0, y + 16
        uit.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="11" height="11" fill="{kleur}"/>'
                   f'<text x="{x + 15:.1f}" y="{y + 9.5:.1f}">{tekst(getoond)}</text>')
        x += breedte
    return uit, y + 22


def _te_veel(aantal: int) -> str:
    return (f'<p class="noot">De grafiek is weggelaten: zij zou {telling(aantal)} balken hebben, hoogstens '
            f"{telling(MAX_BALKEN)}. De tabel hierboven heeft alle getallen.</p>")


def gestapeld(titel: str, labels: list[str], balken: list[list[Segment]], rechts: list[str], as_tekst: str,
              legenda: list[tuple[str, str]]) -> str:
    """Horizontal stacked bars from 0, one row per label, `rechts` written after each bar."""
    if len(balken) > MAX_BALKEN:
        return _te_veel(len(balken))
    langste = max((sum(max(s.waarde, 0.0) for s in balk) for balk in balken), default=0.0) or 1.0
    schaal = (BREEDTE - LABEL - RECHTS) / langste
    delen: list[str] = []
    y = 24.0
    delen.append(f'<text x="0" y="14" font-size="13" font-weight="bold">{tekst(titel)}</text>')
    for label, balk, achter in zip(labels, balken, rechts):
        delen.append(f'<text x="{LABEL - 6}" y="{y + RIJ * 0.62:.1f}" text-anchor="end">'
                     f"<title>{tekst(label)}</title>{tekst(_afgekort(label))}</text>")
        x = float(LABEL)
        for segment in balk:
            breedte = max(segment.waarde, 0.0) * schaal
            if breedte <= 0:
                continue
            delen.append(f'<rect x="{x:.2f}" y="{y + 2:.1f}" width="{breedte:.2f}" height="{RIJ - 5}" '
                         f'fill="{segment.kleur}"><title>{tekst(segment.naam)}: {_asgetal(segment.waarde)}</title></rect>')
            if breedte >= 34:  # a value only where it has room
                kleur = "#ffffff" if segment.kleur == DIRECT else "#000000"
                delen.append(f'<text x="{x + breedte / 2:.1f}" y="{y + RIJ * 0.62:.1f}" text-anchor="middle" '
                             f'font-size="9" fill="{kleur}">{_asgetal(segment.waarde)}</text>')
            x += breedte
        delen.append(f'<text x="{x + 4:.1f}" y="{y + RIJ * 0.62:.1f}">{tekst(achter)}</text>')
        y += RIJ
    delen.append(f'<line x1="{LABEL}" y1="24" x2="{LABEL}" y2="{y:.1f}" stroke="#555555" stroke-width="0.8"/>')
    delen.append(f'<text x="{LABEL}" y="{y + 14:.1f}" font-size="9" fill="#444444">{tekst(as_tekst)}</text>')
    legendadelen, y = _legenda(y + 24, legenda)
    return _svg(y, titel, delen + legendadelen, as_tekst)


def van_tot(titel: str, labels: list[str], bereiken: list[tuple[float, float]], as_tekst: str,
            nullijn: bool, decimalen: int = 2) -> str:
    """Horizontal bars from a low to a high value (a tornado), the values written at both ends."""
    if len(bereiken) > MAX_BALKEN:
        return _te_veel(len(bereiken))
    alle = [w for paar in bereiken for w in paar] + ([0.0] if nullijn else [])
    laagste, hoogste = min(alle, default=0.0), max(alle, default=1.0)
    marge = (hoogste - laagste) * 0.18 or 1.0
    laagste, hoogste = laagste - marge, hoogste + marge
    links, rechts = LABEL + 10, BREEDTE - 10
    schaal = (rechts - links) / (hoogste - laagste)

    def x(waarde: float) -> float:
        return links + (waarde - laagste) * schaal

    delen = [f'<text x="0" y="14" font-size="13" font-weight="bold">{tekst(titel)}</text>']
    y = 24.0
    for label, (laag, hoog) in zip(labels, bereiken):
        delen.append(f'<text x="{LABEL - 6}" y="{y + RIJ * 0.62:.1f}" text-anchor="end">'
                     f"<title>{tekst(label)}</title>{tekst(_afgekort(label))}</text>")
        delen.append(f'<rect x="{x(laag):.2f}" y="{y + 2:.1f}" width="{max(x(hoog) - x(laag), 1.0):.2f}" '
                     f'height="{RIJ - 5}" fill="{PALET[1]}"><title>{tekst(label)}: {_asgetal(laag, decimalen)} tot '
                     f"{_asgetal(hoog, decimalen)}</title></rect>")
        delen.append(f'<text x="{x(laag) - 3:.1f}" y="{y + RIJ * 0.62:.1f}" text-anchor="end" font-size="9">'
                     f"{_asgetal(laag, decimalen)}</text>")
        delen.append(f'<text x="{x(hoog) + 3:.1f}" y="{y + RIJ * 0.62:.1f}" font-size="9">{_asgetal(hoog, decimalen)}</text>')
        y += RIJ
    if nullijn:
        delen.append(f'<line x1="{x(0.0):.2f}" y1="24" x2="{x(0.0):.2f}" y2="{y:.1f}" stroke="#555555" stroke-width="0.8"/>')
    delen.append(f'<text x="{links}" y="{y + 14:.1f}" font-size="9" fill="#444444">{tekst(as_tekst)}</text>')
    return _svg(y + 24, titel, delen, as_tekst)


def groepen(titel: str, groepen: list[tuple[str, list[Segment]]], as_tekst: str, decimalen: int = 0,
            eenheid: str = "") -> str:
    """Per group (a year, a line of the plan) a bar per measure from 0, negative ones to the left."""
    aantal = sum(len(staven) for _, staven in groepen)
    if aantal > MAX_BALKEN:
        return _te_veel(aantal)
    waarden = [s.waarde for _, staven in groepen for s in staven] + [0.0]
    laagste, hoogste = min(waarden), max(waarden)
    if hoogste == laagste:
        hoogste = laagste + 1.0
    links, rechts = LABEL + (RECHTS if laagste < 0 else 0), BREEDTE - RECHTS
    schaal = (rechts - links) / (hoogste - laagste)

    def x(waarde: float) -> float:
        return links + (waarde - laagste) * schaal

    delen = [f'<text x="0" y="14" font-size="13" font-weight="bold">{tekst(titel)}</text>']
    y = 24.0
    for label, staven in groepen:
        delen.append(f'<text x="{LABEL - 6 - (RECHTS if laagste < 0 else 0)}" y="{y + RIJ * 0.62:.1f}" '
                     f'text-anchor="end" font-weight="bold"><title>{tekst(label)}</title>{tekst(_afgekort(label))}</text>')
        for staaf in staven:
            begin, eind = sorted((x(0.0), x(staaf.waarde)))
            waardetekst = f"{_asgetal(staaf.waarde, decimalen)}{eenheid}"
            delen.append(f'<rect x="{begin:.2f}" y="{y + 2:.1f}" width="{max(eind - begin, 0.5):.2f}" '
                         f'height="{RIJ - 5}" fill="{staaf.kleur}"><title>{tekst(staaf.naam)}: {tekst(waardetekst)}'
                         "</title></rect>")
            if staaf.waarde < 0:
                delen.append(f'<text x="{begin - 3:.1f}" y="{y + RIJ * 0.62:.1f}" text-anchor="end" font-size="9">'
                             f"{tekst(waardetekst)}</text>")
            else:
                delen.append(f'<text x="{eind + 3:.1f}" y="{y + RIJ * 0.62:.1f}" font-size="9">{tekst(waardetekst)}</text>')
            y += RIJ
        y += 6
    delen.append(f'<line x1="{x(0.0):.2f}" y1="24" x2="{x(0.0):.2f}" y2="{y:.1f}" stroke="#555555" stroke-width="0.8"/>')
    delen.append(f'<text x="{links}" y="{y + 14:.1f}" font-size="9" fill="#444444">{tekst(as_tekst)}</text>')
    namen = list(dict.fromkeys((s.kleur, s.naam) for _, staven in groepen for s in staven))
    legendadelen, y = _legenda(y + 24, namen)
    return _svg(y, titel, delen + legendadelen, as_tekst)


# The charts of the commands -----------------------------------------------------------


def bruto_netto(records: list[Any]) -> str:
    """compute and compare: per functie and scenario the available hours split into the direct
    hours and every deduction, the share of direct hours after the bar (grafiek.teken's chart)."""
    aftrekken = list(dict.fromkeys(naam for r in records for naam in r.aftrek))
    kleuren = {naam: PALET[i % len(PALET)] for i, naam in enumerate(aftrekken)}
    balken = [
        [Segment(float(r.directe_uren), DIRECT, "directe uren")]
        + [Segment(float(uren), kleuren[naam], naam) for naam, uren in r.aftrek.items()]
        for r in records
    ]
    return gestapeld(
        "Van beschikbare uren naar directe uren", [f"{r.functie} · {r.scenario}" for r in records], balken,
        [f"{nl_procent(r.aandeel_direct)} direct" for r in records],
        "uren per fte per jaar (beschikbare uren, na verlof): directe uren en elke aftrek",
        [(DIRECT, "directe uren")] + [(kleuren[n], n) for n in aftrekken],
    )


def budget(jaren: list[Any]) -> str:
    """budget: per year the funding beside each scenario's cost (grafiek.teken_budget's chart)."""
    scenarios = list(dict.fromkeys(j.scenario for j in jaren))
    jaartallen = list(dict.fromkeys(j.jaar for j in jaren))
    financiering = {j.jaar: float(j.financiering) for j in jaren}
    kosten = {(j.jaar, j.scenario): float(j.kosten) for j in jaren}
    lijst = [
        (str(jaar), [Segment(financiering[jaar], DIRECT, "financiering")]
         + [Segment(kosten.get((jaar, s), 0.0), PALET[i % len(PALET)], f"kosten {s or 'alle scenario' + chr(39) + 's'}")
            for i, s in enumerate(scenarios)])
        for jaar in jaartallen
    ]
    return groepen("Kosten tegen financiering per jaar", lijst, "euro per jaar", eenheid="", decimalen=0)


def tornado(rijen: list[Any]) -> str:
    """sensitivity: per functie and varied field a bar from the low to the high end, the widest
    on top; extra fte when every row has it, else direct hours (grafiek.teken_tornado's chart)."""
    maat = "extra_fte" if all(r.extra_fte is not None for r in rijen) else "directe_uren"
    balken: dict[tuple[str, str], list[float]] = {}
    for rij in rijen:
        balken.setdefault((rij.functie, rij.veld), []).append(float(getattr(rij, maat)))
    volgorde = sorted(balken, key=lambda k: max(balken[k]) - min(balken[k]), reverse=True)
    return van_tot(
        "Gevoeligheid: elk veld over zijn bereik, de rest als in het profiel",
        [f"{functie} · {veld}" for functie, veld in volgorde],
        [(min(balken[k]), max(balken[k])) for k in volgorde],
        "extra fte tegen de basis" if maat == "extra_fte" else "directe uren per fte per jaar",
        nullijn=maat == "extra_fte",
    )


def realisatie(uitkomsten: list[Any]) -> str:
    """realisation: per functie and aftrek line the planned hours per fte beside the realised."""
    lijst = [
        (f"{u.functie} · {u.aftrek}", [Segment(float(u.gepland_per_fte), DIRECT, "gepland per fte"),
                                       Segment(float(u.gerealiseerd_per_fte), PALET[0], "gerealiseerd per fte (jaar)")])
        for u in uitkomsten
    ]
    return groepen("Gepland tegen gerealiseerd, per fte per jaar", lijst, "uren per fte per jaar", decimalen=1,
                   eenheid=" uur")
