"""The report to hand on (`--format html`): one page that needs nothing but a browser.

The page holds the table (the figures of the JSON, written the Dutch way as the table
writes them), the chart as inline SVG (rapportgrafiek.py: no matplotlib needed), each
functie's working as explain shows it (the rekenbladen of rekenblad.py and uitleg.py), the
sources as file:line, and the run's date and brutonetto's version. Its CSS is in the page,
it has no script, no image file and no link to anywhere: it opens the same offline, years
later, and prints on A4 (`@page`, headings kept with what follows, rows never split).

Every text that comes from a file (a functie, a scenario, an aftrek, a path) is shown,
never obeyed: its control characters made visible (`terminal.zichtbaar`) and then
HTML-escaped (`_h`), in the table, the working, the sources and the SVG alike. Each figure
in the table also carries its JSON value, `data-waarde`, for whoever reads the page by
machine (the tests compare it to `--format json`).
"""

from __future__ import annotations

import html
import os
import re
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import IO, Any, Callable, Iterable, Sequence

from brutonetto.notation import machinegetal, telling
from brutonetto.output.kolommen import DATUM, TEKST, Kolom
from brutonetto.output.rekenblad import Blad, intervaltabel, uitkomsttekst
from brutonetto.output.terminal import zichtbaar

_GETALCEL = ' class="getal"'  # a number's cell: right-aligned, never broken
MAX_BLADEN = 500  # rekenbladen in one report; explain and --uitleg show them all

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")

STIJL = """
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.35; color: #1a1a1a;
       max-width: 200mm; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 17pt; margin: 0 0 .2em; color: #1f4e79; }
h2 { font-size: 13pt; margin: 1.6em 0 .4em; padding-bottom: .15em; border-bottom: 1.5px solid #1f4e79;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 1.1em 0 .2em; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
p.meta { color: #444; margin: 0 0 1em; }
p.noot { color: #444; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { text-align: left; vertical-align: bottom; border-bottom: 1.5px solid #555; padding: 3px 4px; font-weight: 600; }
td { vertical-align: top; border-bottom: 1px solid #ddd; padding: 2px 4px; overflow-wrap: break-word; hyphens: auto; }
th.getal, td.getal { text-align: right; }
td.getal, td.datum { white-space: nowrap; overflow-wrap: normal; }
tr.totaal td { font-weight: 600; border-top: 1.5px solid #888; background: #f3f6fa; }
table.uitkomsten { font-size: 8pt; }
table.uitkomsten th, table.uitkomsten td { padding: 2px 3px; }
table.stappen { font-size: 8pt; }
table.stappen td.bron, table.bronnen td.gebruik { color: #444; }
table.stappen td.nr { color: #666; width: 1.8em; text-align: right; }
table.bronnen { font-size: 8.5pt; }
section.blad { margin-top: 1.1em; }
table.stappen th.bladkop { font-size: 10.5pt; border-bottom: 1px solid #999; padding: 2px 0 3px; }
table.stappen th.bladkop .bestand { font-weight: normal; color: #555; font-size: 9pt; }
ul.waarschuwingen { margin: .3em 0; padding-left: 1.2em; color: #7a4a00; }
pre.intervallen { font-size: 7.5pt; margin: .2em 0 .8em; white-space: pre-wrap; }
figure { margin: .5em 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 8.5pt; }
figure svg { max-width: 100%; height: auto; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  table.uitkomsten { font-size: 7pt; }
  table.uitkomsten th, table.uitkomsten td { padding: 1px 2px; }
  h2 { margin-top: 1.1em; }
}
"""


def _h(tekst: Any) -> str:
    """A text for the page: control characters shown, never obeyed, then HTML-escaped."""
    return html.escape(zichtbaar(str(tekst)), quote=True)


def moment() -> datetime:
    """When the report was made: now, or SOURCE_DATE_EPOCH (for a report that is the same byte for byte)."""
    vast = os.environ.get("SOURCE_DATE_EPOCH", "")
    if vast.isdigit():
        return datetime.fromtimestamp(int(vast), timezone.utc)
    return datetime.now().astimezone()


def datumtekst(wanneer: datetime) -> str:
    """4 december 2026, 08:15"""
    return f"{wanneer.day} {MAANDEN[wanneer.month - 1]} {wanneer.year}, {wanneer:%H:%M}"


def machinewaarde(waarde: Any) -> str | None:
    """A value as `--format json` writes it (numbers exact, 6 decimals), for `data-waarde`."""
    if waarde is None:
        return None
    if isinstance(waarde, Decimal):
        return machinegetal(waarde)
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    return str(waarde)


# The table ----------------------------------------------------------------------------


def tabel(kolommen: list[Kolom], rijen: Iterable[tuple[list[str], Any, dict[str, str]]], klasse: str) -> str:
    """A table of rows: per row the cells as the terminal table shows them, the row itself
    (its fields give `data-waarde`) and the row's attributes (`data-rij`, `class`)."""
    getal = [k.soort not in (TEKST, DATUM) for k in kolommen]
    klassen = [_GETALCEL if g else ' class="datum"' if k.soort == DATUM else "" for k, g in zip(kolommen, getal)]
    kop = "".join(f'<th scope="col"{_GETALCEL if g else ""}>{_h(k.kop)}</th>' for k, g in zip(kolommen, getal))
    delen = [f'<table class="{klasse}"><thead><tr>{kop}</tr></thead><tbody>']
    for cellen, rij, kenmerken in rijen:
        attributen = "".join(f' {naam}="{_h(waarde)}"' for naam, waarde in kenmerken.items())
        delen.append(f"<tr{attributen}>")
        for kolom, klasse, cel in zip(kolommen, klassen, cellen):
            waarde = machinewaarde(getattr(rij, kolom.sleutel, None))
            data = f' data-waarde="{_h(waarde)}"' if waarde is not None else ""
            delen.append(f'<td{klasse} data-veld="{kolom.sleutel}"{data}>{_h(cel)}</td>')
        delen.append("</tr>")
    delen.append("</tbody></table>")
    return "".join(delen)


# The working --------------------------------------------------------------------------


def rekenbladen(bladen: list[Blad], totaal: int | None = None) -> str:
    """Each rekenblad as a table: step, formula, the numbers filled in, result, source."""
    delen = []
    if totaal is not None and totaal > len(bladen):
        delen.append(f'<p class="noot">Hieronder de eerste {telling(len(bladen))} van {telling(totaal)} rekenbladen; '
                     "brutonetto explain (of --uitleg) toont ze alle.</p>")
    for blad in bladen:
        eenheid = f" · {blad.eenheid}" if blad.eenheid else ""
        delen.append(
            f'<section class="blad" data-functie="{_h(blad.functie)}" data-scenario="{_h(blad.scenario)}">'
            # the heading is the table's first header row: on paper it never ends a page apart from
            # its steps, and a rekenblad that runs onto the next page says there whose it is
            '<table class="stappen"><thead><tr><th colspan="6" class="bladkop" scope="colgroup">'
            f'<span class="wie">{_h(blad.functie)}{_h(eenheid)} · scenario {_h(blad.scenario)}</span>'
            f' <span class="bestand">· {_h(blad.bestand)}</span></th></tr>'
            '<tr><th class="nr">nr.</th><th>stap</th><th>formule</th>'
            '<th>berekening</th><th class="getal">uitkomst</th><th>bron</th></tr></thead><tbody>'
        )
        for nummer, stap in enumerate(blad.stappen, 1):
            uitkomst = uitkomsttekst(stap)
            # a given number is not worked out (as explain: `opgegeven = 1.631 uur`)
            berekening = "" if stap.berekening in (uitkomst, uitkomst.rsplit(" ", 1)[0]) else stap.berekening
            delen.append(
                f'<tr data-veld="{_h(".".join(map(str, stap.veld)))}" data-uitkomst="{machinegetal(stap.uitkomst)}">'
                f'<td class="nr">{nummer}.</td><td>{_h(stap.stap)}</td><td>{_h(stap.formule)}</td>'
                f'<td>{_h(berekening)}</td><td class="getal">{_h(uitkomst)}</td><td class="bron">{_h(stap.bron)}</td></tr>'
            )
        delen.append("</tbody></table>")
        if blad.intervallen:
            delen.append('<pre class="intervallen">' + "\n".join(map(_h, intervaltabel(blad.intervallen))) + "</pre>")
        delen.append("</section>")
    return "".join(delen)


# The sources --------------------------------------------------------------------------

# `pad:12`, `pad:3-7` or a spreadsheet's `pad:formatie!G7` in a step's source; a path stops at a
# space, `;`, `,` or a bracket
_PLEK = re.compile(r"([^\s;,()]+?):(?:(\d+)(?:-(\d+))?|([^\s;,()!:]+![A-Z]{1,3}\d+))")


def bronnen(bladen: list[Blad], bestanden: Iterable[str] = ()) -> str:
    """Every file:line (or file:sheet!CELL) the working cites, per file, with what it is used for."""
    per_bestand: dict[str, dict[tuple[int, int, str], list[str]]] = {pad: {} for pad in bestanden}
    for blad in bladen:
        for stap in blad.stappen:
            for pad, begin, eind, cel in _PLEK.findall(stap.bron):
                sleutel = (0, 0, cel) if cel else (int(begin), int(eind or begin), "")
                regels = per_bestand.setdefault(pad, {}).setdefault(sleutel, [])
                gebruik = f"{blad.functie} · {stap.stap}"
                if gebruik not in regels:
                    regels.append(gebruik)
    if not per_bestand:
        return '<p class="noot">De berekening noemt geen bestand.</p>'
    rijen = []
    for pad, regels in per_bestand.items():
        if not regels:
            rijen.append(f'<tr data-bron="{_h(pad)}"><td>{_h(pad)}</td><td class="getal"></td>'
                         '<td class="gebruik">invoer</td></tr>')
        for (begin, eind, cel), gebruik in sorted(regels.items()):
            regel = cel or (str(begin) if begin == eind else f"{begin}-{eind}")
            getoond = "; ".join(gebruik[:6]) + (f"; en nog {telling(len(gebruik) - 6)}" if len(gebruik) > 6 else "")
            rijen.append(f'<tr data-bron="{_h(pad)}:{_h(regel)}"><td>{_h(pad)}</td><td class="getal">{_h(regel)}</td>'
                         f'<td class="gebruik">{_h(getoond)}</td></tr>')
    return ('<table class="bronnen"><thead><tr><th>bestand</th><th class="getal">regel of cel</th><th>gebruikt voor</th>'
            "</tr></thead><tbody>" + "".join(rijen) + "</tbody></table>")


# The page -----------------------------------------------------------------------------


MAX_WAARSCHUWINGEN = 100  # as on stderr (errors.MAX_PER_BESTAND): noise buries nothing


def waarschuwingen(meldingen: Sequence[str]) -> list[tuple[str, str]]:
    """The run's warnings as a section, when there are: the reader of the report never saw stderr."""
    if not meldingen:
        return []
    lijst = "".join(f"<li>{_h(melding)}</li>" for melding in meldingen[:MAX_WAARSCHUWINGEN])
    meer = len(meldingen) - MAX_WAARSCHUWINGEN
    noot = f'<p class="noot">En nog {telling(meer)} waarschuwingen.</p>' if meer > 0 else ""
    return [("Waarschuwingen", f'<ul class="waarschuwingen">{lijst}</ul>{noot}')]


def pagina(titel: str, delen: list[tuple[str, str]], uit: IO[str], inleiding: str = "") -> None:
    """The whole page: title, date and version, then each (heading, body) as a section."""
    from brutonetto import __version__

    wanneer = moment()
    uit.write(
        "<!DOCTYPE html>\n"
        '<html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="brutonetto {_h(__version__)}">'
        f"<title>{_h(titel)}</title><style>{STIJL}</style></head>\n<body>\n"
        f"<header><h1>{_h(titel)}</h1>"
        f'<p class="meta">Gemaakt op <time datetime="{wanneer.isoformat(timespec="seconds")}">{datumtekst(wanneer)}'
        f'</time> met brutonetto <span class="versie">{_h(__version__)}</span>.{inleiding}</p></header>\n'
    )
    for kop, inhoud in delen:
        uit.write(f"<section><h2>{_h(kop)}</h2>\n{inhoud}\n</section>\n")
    uit.write("</body></html>\n")


def figuur(svg: str, bijschrift: str) -> str:
    if svg.startswith("<p"):  # too many bars: the note instead
        return svg
    return f'<figure class="grafiek">{svg}<figcaption class="noot">{_h(bijschrift)}</figcaption></figure>'


# The commands' reports ----------------------------------------------------------------


def schrijf_records(records: list[Any], uit: IO[str], titel: str = "Bruto/netto-berekening",
                    meldingen: Sequence[str] = ()) -> None:
    """compute and compare: the records with their totals, the bars, every record's rekenblad."""
    from brutonetto.engine.records import totalen
    from brutonetto.output import rapportgrafiek
    from brutonetto.output.rekenblad import bladen as maak_bladen
    from brutonetto.output.tabel import tabelrijen

    kolommen, rijen, totaalrijen = tabelrijen(records)

    regels = [(cellen, record, {"data-rij": str(i), "data-functie": record.functie, "data-scenario": record.scenario})
              for i, (cellen, record) in enumerate(zip(rijen, records))]
    regels += [(cellen, totaal, {"class": "totaal", "data-totaal": totaal.scenario})
               for cellen, totaal in zip(totaalrijen, totalen(records))]
    bladen = maak_bladen(records[:MAX_BLADEN], None, None)
    bestanden = list(dict.fromkeys(r.bestand for r in records))
    aantal = len({(r.eenheid, r.functie) for r in records})
    delen = [("Uitkomsten", tabel(kolommen, regels, "uitkomsten")), *waarschuwingen(meldingen)]
    if records:
        delen.append(("Grafiek", figuur(rapportgrafiek.bruto_netto(records),
                                        "Per functie en scenario de beschikbare uren van één fte: directe uren "
                                        "(donkerblauw) en elke aftrek; rechts het aandeel directe uren.")))
    delen += [("Berekening per functie", rekenbladen(bladen, len(records))), ("Bronnen", bronnen(bladen, bestanden))]
    inleiding = (f" {telling(aantal)} {'functie' if aantal == 1 else 'functies'}, "
                 f"{telling(len(records))} {'regel' if len(records) == 1 else 'regels'}.")
    pagina(titel, delen, uit, inleiding)


def schrijf_rijen(titel: str, rijen: list[Any], kolommen: list[Kolom], uit: IO[str], *,
                  teken: Callable[[list[Any]], str] | None = None, bijschrift: str = "",
                  uitleg: Callable[[], tuple[list[Blad], int]] | None = None,
                  bladkop: str = "Berekening per functie", meldingen: Sequence[str] = ()) -> None:
    """budget, sensitivity, realisation: the rows, their chart, their `--uitleg` rekenbladen."""
    from brutonetto.output.tabel import cel

    regels = [([cel(getattr(r, k.sleutel), k.soort) for k in kolommen], r, {"data-rij": str(i)})
              for i, r in enumerate(rijen)]
    delen = [("Uitkomsten", tabel(kolommen, regels, "uitkomsten")), *waarschuwingen(meldingen)]
    if teken is not None and rijen:
        delen.append(("Grafiek", figuur(teken(rijen), bijschrift)))
    if uitleg is not None:
        bladen, totaal = uitleg()
        delen += [(bladkop, rekenbladen(bladen, totaal)), ("Bronnen", bronnen(bladen))]
    pagina(titel, delen, uit, f" {telling(len(rijen))} {'regel' if len(rijen) == 1 else 'regels'}.")
