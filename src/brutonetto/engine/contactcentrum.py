"""The contact centre's workload: agents per interval by Erlang C, to direct hours per year.

Contract v2, "The contact centre: Erlang C with itemised shrinkage" (berekening.md §12):

    agenten per interval   = Erlang C (engine/erlang.py), for the service level and max_bezetting
    agenturen_per_week     = sum over the intervals of a typical week (agenten x interval in hours)
    werklast_uren          = agenturen_per_week x weken_open

Agent hours on the queue are direct hours, so `fte_nodig = werklast_uren / directe_uren`
(hours.py) divides by the functie's own itemised bruto/netto: its shrinkage is its verlof
and aftrek, not one guessed percentage. The queueing itself is erlang.py's; this module
checks the settings (every problem named by its field) and multiplies exactly.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Callable, NamedTuple

from brutonetto.domain.contactcentrum import Contactcentrum
from brutonetto.engine.hours import alle_problemen
from brutonetto.engine.regels import AGENTUREN_PER_WEEK, REGELS, WERKLAST_CONTACTCENTRUM
from brutonetto.engine.stappen import INVOER, STANDAARD, STAP, Operand, Stap

SECONDEN_PER_UUR = Decimal(3600)
UREN_PER_WEEK = Decimal(168)
WEKEN_OPEN = Decimal(52)


class Wachtrij(NamedTuple):
    """What the queue asks: every interval (erlang.Interval), the agent hours a week and a year."""

    intervallen: tuple[tuple[str, Decimal, object], ...]  # (interval, aanbod, erlang.Interval)
    agenturen_per_week: Decimal
    weken_open: Decimal
    werklast_uren: Decimal


def werklast(cc: Contactcentrum, fout: Callable[[tuple[str, ...], str], Exception], spoor: list | None = None) -> Wachtrij:
    """Agent hours per week and per year; a problem raises `fout(field path, Dutch message)`.

    With `spoor` (a trace), each rule applied is appended to it as a step (engine/stappen.py).
    """
    from brutonetto.engine import erlang

    for veld, waarde in (("interval", cc.interval_s), ("gespreksduur", cc.gespreksduur_s),
                         ("servicelevel", cc.servicelevel if cc.asa_s is None else cc.asa_s),
                         ("aanbod", cc.aanbod or None)):
        if waarde is None:
            raise fout(("contactcentrum",), f"contactcentrum heeft '{veld}' nodig ({_VOORBEELD_WACHTRIJ[veld]})")
    problemen = erlang.check(interval_s=cc.interval_s, gespreksduur_s=cc.gespreksduur_s,
                             servicelevel=cc.servicelevel, binnen_s=cc.binnen_s, max_bezetting=cc.max_bezetting,
                             asa_s=cc.asa_s, geduld_s=cc.geduld_s, gelijktijdig=cc.gelijktijdig or 1)
    alle_problemen([fout(("contactcentrum", "servicelevel" if p.veld == "binnen" else p.veld), p.bericht)
                    for p in problemen])
    _controleer_intervallen(cc, fout)
    if len(cc.aanbod) * cc.interval_s > UREN_PER_WEEK * SECONDEN_PER_UUR:
        raise fout(("contactcentrum", "aanbod"), (
            f"{len(cc.aanbod)} intervallen van {_nl_getal(cc.interval_s / 60)} min is meer dan een week "
            "(168 uur); aanbod beschrijft één typische week"
        ))
    naam, aantal, waar = max(cc.aanbod, key=lambda rij: rij[1])  # the busiest interval, at its line
    verkeer = aantal * cc.gespreksduur_s / cc.interval_s / (cc.gelijktijdig or 1)
    if verkeer > erlang.MAX_VERKEER:
        raise fout(("contactcentrum", "aanbod", naam), _intervalnaam(naam, waar) + (
            f"het verkeer is {_nl_getal(verkeer)} Erlang (aanbod x gespreksduur / interval), meer dan "
            f"de rekengrens van {_nl_getal(Decimal(erlang.MAX_VERKEER))} Erlang; controleer aanbod, "
            "gespreksduur en interval"))
    totaal = sum(aantal for _, aantal, _ in cc.aanbod) * cc.gespreksduur_s / cc.interval_s / (cc.gelijktijdig or 1)
    if totaal > erlang.MAX_VERKEER:  # each interval costs its traffic in steps: the week is bounded too (a fourth probe)
        raise fout(("contactcentrum", "aanbod"), (
            f"het verkeer van de hele week is {_nl_getal(totaal)} Erlang (de som over de intervallen), meer dan de "
            f"rekengrens van {_nl_getal(Decimal(erlang.MAX_VERKEER))} Erlang; controleer aanbod, gespreksduur en interval"))
    try:
        week = _week(cc._replace(weken_open=None))
    except erlang.Erlangfout as probleem:
        veld = "servicelevel" if probleem.veld == "binnen" else probleem.veld
        bericht = probleem.bericht.split(": ", 1)[1] if probleem.bericht.startswith("interval ") else probleem.bericht
        raise fout(("contactcentrum", veld), bericht) from None
    weken = cc.weken_open if cc.weken_open is not None else WEKEN_OPEN
    intervallen = tuple((naam, aantal, uit) for (naam, aantal, _), uit in zip(cc.aanbod, week.intervallen))
    # agenturen_per_week: Erlang C per interval, an input-like number (no spreadsheet formula)
    agenturen = REGELS[AGENTUREN_PER_WEEK].reken(week.agenturen_per_week)
    # werklast_uren = agenturen_per_week x weken_open                       berekening.md §12
    uren = REGELS[WERKLAST_CONTACTCENTRUM].reken(agenturen, weken)
    if spoor is not None:
        spoor.append(Stap(("agenturen_per_week",), AGENTUREN_PER_WEEK,
                          (Operand(("contactcentrum", "aanbod"), agenturen, INVOER),), agenturen))
        geweken = Operand(("contactcentrum", "weken_open"), weken, INVOER if cc.weken_open is not None else STANDAARD)
        spoor.append(Stap(("werklast_uren",), WERKLAST_CONTACTCENTRUM,
                          (Operand(("agenturen_per_week",), agenturen, STAP), geweken), uren))
    return Wachtrij(intervallen, agenturen, weken, uren)


@functools.lru_cache(maxsize=64)
def _week(cc: Contactcentrum) -> object:
    """The queue's week by Erlang C, once per distinct queue: a scenario that changes only the
    bruto/netto (more learning time) asks the same agents as its basis. A pure function of
    its argument, so remembering it changes no answer."""
    from brutonetto.engine import erlang

    return erlang.compute_week(
        # whole counts as int: compute_week keys its cache on them without a Fraction each
        [int(aantal) if aantal == aantal.to_integral_value() else aantal for _, aantal, _ in cc.aanbod],
        interval_s=cc.interval_s, gespreksduur_s=cc.gespreksduur_s,
        servicelevel=cc.servicelevel, binnen_s=cc.binnen_s, max_bezetting=cc.max_bezetting,
        asa_s=cc.asa_s, geduld_s=cc.geduld_s, gelijktijdig=cc.gelijktijdig or 1,
    )


_VOORBEELD_WACHTRIJ = {
    "interval": "bijvoorbeeld interval: 30 min",
    "gespreksduur": "de gemiddelde afhandeltijd, bijvoorbeeld gespreksduur: 180 s",
    "servicelevel": "bijvoorbeeld servicelevel: {procent: 80, binnen: 20 s}, of asa: 20 s",
    "aanbod": "het aantal contacten per interval van een typische week, of een pad naar een CSV",
}


_DAGEN = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6, "maandag": 0, "dinsdag": 1, "woensdag": 2,
          "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6}
_LABEL = re.compile(r"\s*([A-Za-z]+)\s+(?:(\d{1,2})[:.](\d{1,2})|(\d{2})(\d{2}))\s*")  # ma 08:00, 8.00, 0800


def _controleer_intervallen(cc: Contactcentrum, fout: Callable[[tuple[str, ...], str], Exception]) -> None:
    """An interval written `dag uu:mm` must be a real time on the interval's grid, and once only.

    `ma 8:00`, `ma 08:00`, `ma 08.00` and `ma 0800` are the same interval: counted twice it
    would add a phantom interval's agents. A label of another form (`08:00-08:30`, a system's own code) is taken
    as it is, and only checked for being written twice.
    """
    gezien: dict[object, str] = {}
    problemen = []
    for naam, _, waar in cc.aanbod:
        begin = begin_in_week(naam)
        sleutel: object = naam.strip()
        if begin == -1:
            problemen.append(fout(("contactcentrum", "aanbod", naam), _intervalnaam(naam, waar) + "dat is geen tijd van de dag"))
            continue
        if begin is not None:
            if begin % cc.interval_s:
                problemen.append(fout(("contactcentrum", "aanbod", naam), _intervalnaam(naam, waar) + (
                    f"begint niet op een interval van {_nl_getal(cc.interval_s / 60)} min (bijvoorbeeld {_begintijden(cc.interval_s)})")))
                continue
            sleutel = begin
        if sleutel in gezien:
            problemen.append(fout(("contactcentrum", "aanbod", naam), _intervalnaam(naam, waar) + (
                f"is hetzelfde interval als '{gezien[sleutel]}': elk interval één keer")))
            continue
        gezien[sleutel] = naam
    alle_problemen(problemen)


def begin_in_week(naam: str) -> int | None:
    """Seconds from Monday 00:00 to the start of an interval written `dag uu:mm` (`ma 08:00`,
    `di 8.30`, `woensdag 0800`); None for a label of another form, -1 for no time of day."""
    gevonden = _LABEL.fullmatch(naam)
    if gevonden is None or gevonden.group(1).lower() not in _DAGEN:
        return None
    uur, minuut = (int(gevonden.group(2) or gevonden.group(4)), int(gevonden.group(3) or gevonden.group(5)))
    if uur > 23 or minuut > 59:
        return -1
    return (_DAGEN[gevonden.group(1).lower()] * 24 + uur) * 3600 + minuut * 60


def _begintijden(interval_s: Decimal) -> str:
    """`:00 of :30` for half hours, `:00` for hours, `:00, :15, :30 of :45` for quarters."""
    stap = int(interval_s) // 60
    minuten = [f":{m:02d}" for m in range(0, 60, stap)] if stap < 60 else [":00"]
    if len(minuten) > 4:
        return f"{minuten[0]}, {minuten[1]}, {minuten[2]} ..."
    return minuten[0] if len(minuten) == 1 else ", ".join(minuten[:-1]) + " of " + minuten[-1]


def _intervalnaam(naam: str, waar: str | None) -> str:
    return f"interval '{naam}'" + (f" ({waar})" if waar else "") + ": "


def _nl_getal(waarde: Decimal) -> str:
    from brutonetto.notation import nl

    tekst = nl(waarde, 3)
    return tekst.rstrip("0").rstrip(",") if "," in tekst else tekst
