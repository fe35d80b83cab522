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
    """Plain text for JSON and CSV: 6 decimals at most, no trailing zeros, no exponent.

    Called for every number of every record, so it avoids work: a number already written
    with at most `decimalen` places needs no rounding, only its trailing zeros stripped;
    and a batch repeats many values (1631, 92.967), whose text is kept.
    """
    if decimalen == 6:
        try:
            tekst = _GESCHREVEN.get(getal)
        except TypeError:  # a signalling NaN cannot be hashed; it fails below as before
            tekst = None
        if tekst is not None:
            return tekst
    tekst = str(getal)
    if "E" not in tekst and "I" not in tekst and "N" not in tekst:  # finite, no exponent
        punt = tekst.find(".")
        if punt < 0:
            klaar = tekst if tekst != "-0" else "0"  # an integer as it stands, exact already
        elif len(tekst) - punt - 1 <= decimalen:
            klaar = tekst.rstrip("0").rstrip(".")
            klaar = klaar if klaar != "-0" else "0"
        else:
            klaar = _afgerond(getal, decimalen)
    else:
        klaar = _afgerond(getal, decimalen)
    if decimalen == 6:
        if len(_GESCHREVEN) >= _GESCHREVEN_MAX:
            _GESCHREVEN.clear()
        _GESCHREVEN[getal] = klaar
    return klaar


def _afgerond(getal: Decimal, decimalen: int) -> str:
    try:  # rond() inlined for the common case: half-up within the default precision
        afgerond = getal.quantize(_STAPPEN[decimalen], rounding=ROUND_HALF_UP)
    except InvalidOperation:
        afgerond = rond(getal, decimalen)
    if not afgerond:
        return "0"  # no "-0"
    # a number rounded to at most 6 places: str() writes it without exponent, as format "f" does
    tekst = str(afgerond)
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst


# Equal Decimals (1631 and 1631.0) are written alike, so the value is the key. Bounded:
# a long-running caller does not grow it without end.
_GESCHREVEN: dict[Decimal, str] = {}
_GESCHREVEN_MAX = 1 << 17


def nl(getal: Decimal, decimalen: int, *, teken: bool = False) -> str:
    """Dutch notation: 1.631,0 with a thousands point and a decimal comma."""
    afgerond = rond(getal, decimalen)
    tekst = f"{afgerond:{'+' if teken else ''},.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def nl_procent(fractie: Decimal, decimalen: int = 1) -> str:
    """A fraction as a Dutch percentage: 0.793 -> 79,3%."""
    return nl(fractie * 100, decimalen) + "%"


def telling(aantal: int) -> str:
    """A count as Dutch readers write it, with dots between the thousands: `1.999.900`."""
    return f"{aantal:,}".replace(",", ".")
