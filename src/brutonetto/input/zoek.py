"""`solve --doel RESULT=VALUE`: the result aimed at and its value, as a user writes them.

An amount as budget takes it (`1 mln`, `750k`, `1000000`, `€ 1,2 mln`) for the euro results;
a share as a percentage or a fraction (`78%`, `0,78`) for `aandeel_*`; a plain number
(decimal comma or point) for hours and fte. The field sought (`--zoek`) is read as
sensitivity reads `--varieer`'s (`input.gevoeligheid.veldpad`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from brutonetto.input.hoeveelheid import _DUIZENDTAL_UREN, Invoerfout, dubbelzinnige_uren, parse_getal
from brutonetto.input.model import suggestie

_EURO = ("extra_kosten", "waarde_extra_uren")
_AANDEEL = ("aandeel_direct", "aandeel_bruto")


def lees_doel(tekst: str, doelen: Iterable[str]) -> tuple[str, Decimal]:
    """`extra_kosten=1 mln` -> ("extra_kosten", 1000000); `doelen` are the results solve can aim at."""
    from brutonetto.input.bedrag import parse_bedrag

    bekend = tuple(doelen)
    veld, is_teken, waarde = (deel.strip() for deel in tekst.partition("="))
    if not is_teken or not veld or not waarde:
        raise Invoerfout(f"'{tekst}': schrijf UITKOMST=WAARDE, bijvoorbeeld extra_kosten=1 mln")
    if veld not in bekend:
        raise Invoerfout(f"onbekende uitkomst '{veld}'{suggestie(veld, bekend)}; te zoeken naar: {', '.join(bekend)}")
    if veld in _EURO:  # a saving is a negative extra cost: 'how much must we save'
        teken = -1 if waarde.startswith("-") else 1
        return veld, teken * parse_bedrag(waarde.removeprefix("-").strip())
    if veld in _AANDEEL:
        procent = waarde.endswith("%")
        getal = parse_getal(waarde.removesuffix("%").strip())
        getal = getal / 100 if procent else getal
        if not 0 < getal <= 1:
            raise Invoerfout(f"{veld}: een aandeel ligt boven 0 en hoogstens op 100%, niet {waarde}")
        return veld, getal
    if _DUIZENDTAL_UREN.fullmatch(waarde):  # 1.300: thirteen hundred to a Dutch reader, 1,3 to a number
        raise Invoerfout(f"{veld}: {dubbelzinnige_uren(waarde.strip())}")
    getal = parse_getal(waarde)
    if getal < 0 and veld != "extra_fte":
        raise Invoerfout(f"{veld} kan niet negatief zijn: {waarde}")
    return veld, getal
