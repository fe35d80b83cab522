"""The bruto/netto chart: one horizontal stacked bar per functie and scenario.

Each bar is the available hours of one fte, split into the direct hours and every
deduction, labelled with hours and the share of direct hours, as the agency's own
evaluation memo shows it. matplotlib is an optional extra (`brutonetto[grafiek]`): it is
imported here only, and a missing one is reported as what to install.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, BinaryIO

from brutonetto.notation import nl, nl_procent, telling
from brutonetto.engine.contactcentrum import begin_in_week
from brutonetto.engine.records import Record
from brutonetto.output.extras import installeer
from brutonetto.output.terminal import zichtbaar

MAX_BALKEN = 1_000
DIRECT = "#1f4e79"  # dark blue: what the agency delivers
# Okabe-Ito, readable for colour-blind readers, then a few more muted tones
PALET = ["#e69f00", "#56b4e9", "#009e73", "#f0e442", "#cc79a7", "#d55e00", "#999999", "#8c6d31", "#7f7fbf", "#bcbd22"]


def label(naam: str) -> str:
    """A name from a file as chart text: its control characters shown (the SVG stays valid
    XML) and a `$` a dollar sign, not the start of matplotlib's mathtext (`A$\\frac$` would
    stop the drawing)."""
    return zichtbaar(naam).replace("$", r"\$")


class GrafiekOntbreekt(RuntimeError):
    """matplotlib is not installed."""


def teken(records: list[Record], uit: BinaryIO, formaat: str) -> None:
    """Draw the chart of these records to `uit` as SVG or PNG (text stays text in SVG)."""
    if len(records) > MAX_BALKEN:  # 33.000 bars took minutes and gigabytes, and nobody reads them
        raise GrafiekOntbreekt(f"de grafiek zou {telling(len(records))} balken hebben; hoogstens {telling(MAX_BALKEN)}: "
                               "kies scenario's (--scenario) of teken minder functies per keer")
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        raise GrafiekOntbreekt(f"voor een grafiek is matplotlib nodig; installeer het met: {installeer('grafiek')}") from None

    matplotlib.rcParams["svg.fonttype"] = "none"  # names stay searchable text in the SVG
    matplotlib.rcParams["svg.hashsalt"] = "brutonetto"  # the same input gives the same file
    aftrekken = list(dict.fromkeys(naam for r in records for naam in r.aftrek))
    kleuren = {naam: PALET[i % len(PALET)] for i, naam in enumerate(aftrekken)}
    labels = [label(f"{r.functie} · {r.scenario}") for r in records]
    langste = max(float(r.beschikbare_uren) for r in records)

    wachtrijen = _wachtrijen(records)
    hoogte = 1.6 + 0.55 * len(records)
    figuur = Figure(figsize=(11, hoogte + (3.2 if wachtrijen else 0)), layout="constrained")
    if wachtrijen:  # a contact centre: its agents per interval over the week, below the bars
        as_, onder = figuur.subplots(2, 1, height_ratios=[hoogte, 3.2])
        _agenten(onder, wachtrijen)
    else:
        as_ = figuur.subplots()
    for y, record in enumerate(records):
        links = 0.0
        _segment(as_, y, links, float(record.directe_uren), DIRECT, langste, "white")
        links += float(record.directe_uren)
        for naam, uren in record.aftrek.items():
            _segment(as_, y, links, float(uren), kleuren[naam], langste, "black")
            links += float(uren)
        as_.text(links + langste * 0.01, y, f"{nl_procent(record.aandeel_direct)} direct",
                 va="center", ha="left", fontsize=9)
    as_.set_yticks(range(len(records)), labels=labels)
    as_.invert_yaxis()
    as_.set_xlim(0, langste * 1.14)
    as_.set_xlabel("uren per fte per jaar (beschikbare uren, na verlof)")
    as_.set_title("Bruto/netto-berekening: van beschikbare uren naar directe uren", loc="left")
    from matplotlib.ticker import FuncFormatter

    as_.xaxis.set_major_formatter(FuncFormatter(lambda x, _: nl_getal(x)))  # 1.200, not 1,200
    for kant in ("top", "right"):
        as_.spines[kant].set_visible(False)
    from matplotlib.patches import Patch

    legenda = [Patch(color=DIRECT, label="directe uren")] + [Patch(color=kleuren[n], label=label(n)) for n in aftrekken]
    figuur.legend(handles=legenda, loc="outside lower center", ncols=min(len(legenda), 5), frameon=False, fontsize=9)
    _bewaar(figuur, uit, formaat)


def _wachtrijen(records: list[Record]) -> dict[str, Any]:
    """Each distinct queue week (a scenario that changes only the bruto/netto asks the same agents)."""
    uit: dict[str, Any] = {}
    for record in records:
        wachtrij = record.uitkomst.wachtrij
        if wachtrij is not None and all(w.intervallen != wachtrij.intervallen for w in uit.values()):
            uit[label(f"{record.functie} · {record.scenario}")] = wachtrij
    return uit


def _agenten(as_: Any, wachtrijen: dict[str, Any]) -> None:
    """Agents per interval of the typical week, one step line per queue.

    Intervals written `dag uu:mm` stand on a time axis of the week (hours from Monday 00:00,
    a tick per day), with a gap where the centre is closed: `di 08:00` is a night after
    `ma 17:30`, not the next step. Labels of another form stay categories, as written."""
    for i, (label, wachtrij) in enumerate(wachtrijen.items()):
        kleur = DIRECT if i == 0 else PALET[(i - 1) % len(PALET)]
        tekst = f"{label}: {nl(wachtrij.agenturen_per_week, 1)} agenturen per week"
        tijden = [begin_in_week(naam) for naam, _, _ in wachtrij.intervallen]
        if all(t is not None and t >= 0 for t in tijden):
            x, y = _tijdlijn(tijden, [interval.agenten for _, _, interval in wachtrij.intervallen])
            as_.plot(x, y, color=kleur, label=tekst)
        else:
            agenten = [interval.agenten for _, _, interval in wachtrij.intervallen]
            as_.step(range(len(agenten)), agenten, where="mid", color=kleur, label=tekst)
    eerste = next(iter(wachtrijen.values())).intervallen
    if all((t := begin_in_week(naam)) is not None and t >= 0 for naam, _, _ in eerste):
        as_.set_xticks([24 * dag for dag in range(8)], labels=[*WEEKDAGEN, ""], fontsize=8, ha="left")
        as_.set_xlim(0, 24 * 7)
        as_.set_xlabel("uur van de week (een streep per dag om 0:00)")
    else:
        namen = [label(naam) for naam, _, _ in eerste]
        stap = max(1, len(namen) // 12)
        as_.set_xticks(range(0, len(namen), stap), labels=namen[::stap], fontsize=8)
    as_.set_ylabel("agenten")
    as_.set_ylim(bottom=0)
    as_.set_title("Contactcentrum: agenten per interval (Erlang C)", loc="left")
    as_.legend(frameon=False, fontsize=9, loc="upper right")
    for kant in ("top", "right"):
        as_.spines[kant].set_visible(False)


WEEKDAGEN = ("ma", "di", "wo", "do", "vr", "za", "zo")


def _tijdlijn(begin_s: list[int], agenten: list[int]) -> tuple[list[float], list[float]]:
    """Points of a step line over the hours of the week, in time order: each interval flat
    from its start to its end, and a break (NaN) where the next does not start at that end."""
    paren = sorted(zip(begin_s, agenten))
    lengte = min((b - a for (a, _), (b, _) in zip(paren, paren[1:]) if b > a), default=1800)
    x: list[float] = []
    y: list[float] = []
    for i, (begin, aantal) in enumerate(paren):
        if i and begin != paren[i - 1][0] + lengte:
            x.append(math.nan)
            y.append(math.nan)
        x += [begin / 3600, (begin + lengte) / 3600]
        y += [aantal, aantal]
    return x, y


def _segment(as_: Any, y: int, links: float, breedte: float, kleur: str, langste: float, tekstkleur: str) -> None:
    as_.barh(y, breedte, left=links, color=kleur, edgecolor="white", height=0.7)
    if breedte >= langste * 0.045:  # label only what has room for it
        as_.text(links + breedte / 2, y, nl_getal(breedte), va="center", ha="center", fontsize=8, color=tekstkleur)


def nl_getal(uren: float) -> str:
    """Hours on the chart, whole, in Dutch notation."""
    return nl(Decimal(f"{float(uren):.6f}"), 0)


def _bewaar(figuur: Any, uit: BinaryIO, formaat: str) -> None:
    """Write the figure. A shown control character (␛) has no glyph in DejaVu Sans: the SVG
    keeps it as text, a PNG draws a box; neither is worth a warning on stderr."""
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        figuur.savefig(uit, format=formaat, dpi=120, metadata=_metadata(formaat))


def _metadata(formaat: str) -> dict[str, Any]:
    # no creation date: identical input gives an identical file
    return {"Date": None} if formaat == "svg" else {"Software": None}


def _matplotlib() -> Any:
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        raise GrafiekOntbreekt(f"voor een grafiek is matplotlib nodig; installeer het met: {installeer('grafiek')}") from None
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["svg.hashsalt"] = "brutonetto"
    return Figure


def _mln(euro: float) -> str:
    """An amount on the chart in millions, the Dutch way: 12,0 mln, 0,25 mln (a tick at 0,25
    was labelled 0,3): one decimal, more where the amount has them, up to euros of thousands.
    Float formatting: an axis of any size (a budget indexed 100% a year for a century) prints."""
    miljoenen = euro / 1e6
    decimalen = next((d for d in (1, 2) if abs(round(miljoenen, d) - miljoenen) <= 1e-9 * max(1.0, abs(miljoenen))), 3)
    tekst = f"{miljoenen:,.{decimalen}f}"  # 1,234.5 -> 1.234,5
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".") + " mln"


def teken_budget(jaren: list[Any], uit: BinaryIO, formaat: str) -> None:
    """`budget`: per year a bar of the funding beside a bar of each scenario's cost (euros)."""
    Figure = _matplotlib()
    from matplotlib.ticker import FuncFormatter

    scenarios = list(dict.fromkeys(j.scenario for j in jaren))
    jaartallen = list(dict.fromkeys(j.jaar for j in jaren))
    financiering = {j.jaar: float(j.financiering) for j in jaren}
    breedte = 0.8 / (1 + len(scenarios))
    figuur = Figure(figsize=(max(8, 1.1 * len(jaartallen) * (1 + len(scenarios)) / 2 + 3), 5), layout="constrained")
    as_ = figuur.subplots()
    xs = range(len(jaartallen))
    as_.bar([x - 0.4 + breedte / 2 for x in xs], [financiering[j] for j in jaartallen], breedte,
            color=DIRECT, label="financiering")
    for i, naam in enumerate(scenarios):
        kosten = {j.jaar: float(j.kosten) for j in jaren if j.scenario == naam}
        as_.bar([x - 0.4 + breedte * (i + 1.5) for x in xs], [kosten.get(j, 0.0) for j in jaartallen], breedte,
                color=PALET[i % len(PALET)], label=label(f"kosten {naam}"))
    as_.set_xticks(list(xs), labels=[str(j) for j in jaartallen])
    as_.yaxis.set_major_formatter(FuncFormatter(lambda y, _: _mln(y)))
    as_.set_ylabel("euro per jaar")
    as_.set_title("Kosten tegen financiering per jaar", loc="left")
    for kant in ("top", "right"):
        as_.spines[kant].set_visible(False)
    figuur.legend(loc="outside lower center", ncols=min(1 + len(scenarios), 4), frameon=False, fontsize=9)
    _bewaar(figuur, uit, formaat)


def teken_tornado(rijen: list[Any], uit: BinaryIO, formaat: str) -> None:
    """`sensitivity`: per functie and varied field a bar from the low to the high end.

    The measure is extra fte against the profile's basis when every row has it (what the
    question is about: which assumption moves the need most), else direct hours per fte.
    The widest bar is on top, as a tornado is read.
    """
    Figure = _matplotlib()

    maat = "extra_fte" if all(r.extra_fte is not None for r in rijen) else "directe_uren"
    balken: dict[tuple[str, str], list[float]] = {}
    for rij in rijen:
        balken.setdefault((rij.functie, rij.veld), []).append(float(getattr(rij, maat)))
    volgorde = sorted(balken, key=lambda k: max(balken[k]) - min(balken[k]), reverse=True)
    figuur = Figure(figsize=(10, 1.6 + 0.5 * len(volgorde)), layout="constrained")
    as_ = figuur.subplots()
    for y, sleutel in enumerate(volgorde):
        laag, hoog = min(balken[sleutel]), max(balken[sleutel])
        as_.barh(y, hoog - laag, left=laag, color=PALET[1], edgecolor="white", height=0.6)
        for waarde, kant in ((laag, "right"), (hoog, "left")):
            as_.text(waarde, y, f" {nl(Decimal(f'{waarde:.6f}'), 2)} ", va="center", ha=kant, fontsize=8)
    alle = [w for waarden in balken.values() for w in waarden]
    marge = (max(alle) - min(alle)) * 0.15 or 1.0
    as_.set_xlim(min(alle) - marge, max(alle) + marge)  # room for the labels at both ends
    if maat == "extra_fte":
        as_.axvline(0, color="#555555", linewidth=0.8)  # the profile as written
    as_.set_yticks(range(len(volgorde)), labels=[label(f"{functie} · {veld}") for functie, veld in volgorde])
    as_.invert_yaxis()
    as_.set_xlabel("extra fte tegen de basis" if maat == "extra_fte" else "directe uren per fte per jaar")
    as_.set_title("Gevoeligheid: elk veld over zijn bereik, de rest als in het profiel", loc="left")
    for kant in ("top", "right"):
        as_.spines[kant].set_visible(False)
    _bewaar(figuur, uit, formaat)
