"""How numbers are written: exact decimals for machines, Dutch notation for people.

Rounding happens here and only here, when a number is printed; the engine never rounds.
"""

from __future__ import annotations

from decimal import MAX_EMAX, ROUND_HALF_UP, Context, Decimal, InvalidOperation

_STAPPEN = {n: Decimal(1).scaleb(-n) for n in range(0, 13)}


def rond(getal: Decimal, decimalen: int = 6) -> Decimal:
    """Round half-up (as people and Excel do), never half-even."""
    try:
        afgerond = getal.quantize(_STAPPEN[decimalen], rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the default 28: widen the context for this one
        ruim = Context(prec=getal.adjusted() + decimalen + 2, rounding=ROUND_HALF_UP, Emax=MAX_EMAX)
        afgerond = getal.quantize(_STAPPEN[decimalen], context=ruim)
    return afgerond if afgerond else Decimal(0)  # no "-0"


def machinegetal(getal: Decimal, decimalen: int = 6) -> str:
    """Plain text for JSON and CSV: 6 decimals at most, no trailing zeros, no exponent."""
    tekst = str(getal)
    if tekst.isdigit() or (tekst[:1] == "-" and tekst[1:].isdigit() and tekst != "-0"):
        return tekst  # an integer as it stands: the common case, and exact already
    tekst = format(rond(getal, decimalen), "f")
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst


def nl(getal: Decimal, decimalen: int, *, teken: bool = False) -> str:
    """Dutch notation: 1.631,0 with a thousands point and a decimal comma."""
    afgerond = rond(getal, decimalen)
    tekst = f"{afgerond:{'+' if teken else ''},.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def nl_procent(fractie: Decimal, decimalen: int = 1) -> str:
    """A fraction as a Dutch percentage: 0.793 -> 79,3%."""
    return nl(fractie * 100, decimalen) + "%"
