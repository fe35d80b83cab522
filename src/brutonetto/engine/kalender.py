"""The year's own calendar (contract v3, `kalender`): its werkdagen and the public holidays on them.

Werkdagen are Monday to Friday of the calendar year (2027: 261). The Dutch public holidays
come from the `holidays` package (maintained, with the Easter-bound days worked out per
year), not from a list of our own. Its Dutch list is the Algemene termijnenwet's plus Goede
Vrijdag, with Bevrijdingsdag only in lustrum years (2025, 2030, ...): what a CAO gives varies
exactly there, so the kalender chooses: `goede_vrijdag` (most CAOs do not give it; default
nee) and `bevrijdingsdag` (elk_jaar, lustrum or nooit; default lustrum, as CAO Rijk).
A holiday on a Saturday or Sunday costs no working day (Christmas 2027).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from brutonetto.domain.profiel import Kalender

ELK_JAAR, LUSTRUM, NOOIT = "elk_jaar", "lustrum", "nooit"
_GOEDE_VRIJDAG, _BEVRIJDINGSDAG = "Good Friday", "Liberation Day"  # the library's names (en_US)


def werkdagen(jaar: int) -> int:
    """Monday to Friday in the calendar year: 52 weeks of 5, plus the weekdays among the 1 or 2 days left."""
    begin, einde = date(jaar, 1, 1), date(jaar + 1, 1, 1)
    dagen = (einde - begin).days
    over = [begin + timedelta(days=7 * 52 + i) for i in range(dagen - 7 * 52)]
    return 52 * 5 + sum(1 for dag in over if dag.weekday() < 5)


def feestdagen(kalender: Kalender) -> list[tuple[date, str]]:
    """The public holidays on a werkdag of the kalender's year, with their Dutch names, by date."""
    return [(dag, naam) for dag, naam in _feestdagen(kalender.jaar, kalender.goede_vrijdag, kalender.bevrijdingsdag)]


@lru_cache(maxsize=256)
def _feestdagen(jaar: int, goede_vrijdag: bool, bevrijdingsdag: str) -> tuple[tuple[date, str], ...]:
    import holidays

    engels = holidays.country_holidays("NL", years=jaar, language="en_US", categories=("public", "optional"))
    nederlands = holidays.country_holidays("NL", years=jaar, language="nl", categories=("public", "optional"))
    wettelijk = holidays.country_holidays("NL", years=jaar, language="en_US")  # public: Bevrijdingsdag in lustrum years
    gekozen = []
    for dag, naam in sorted(engels.items()):
        if dag.weekday() >= 5:
            continue  # on a Saturday or Sunday: no working day lost
        if _GOEDE_VRIJDAG in naam and not goede_vrijdag:
            continue
        if _BEVRIJDINGSDAG in naam:
            if bevrijdingsdag == NOOIT or (bevrijdingsdag == LUSTRUM and _BEVRIJDINGSDAG not in wettelijk.get(dag, "")):
                continue
        elif dag not in wettelijk and _GOEDE_VRIJDAG not in naam:
            continue  # another optional day the library knows: no CAO choice of ours
        gekozen.append((dag, nederlands.get(dag, naam).split(";")[0].strip()))
    return tuple(gekozen)
