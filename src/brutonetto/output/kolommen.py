"""What each table shows: its columns, their Dutch headers and the kind of value each holds.

The records of compute and compare, and the typed rows of realisation, budget and
sensitivity. JSON and CSV write every field of a row; a table shows these columns, and
leaves out a column no row has a value for (an eenheid, a fte nodig, a betaalbare fte).
`tabel.py` prints them.
"""

from __future__ import annotations

from typing import Any, NamedTuple


# The kinds of value, which say how a value prints (tabel.cel); text, dates and bars stand left.
TEKST = "tekst"
UREN = "uren"  # 1.631,0
PROCENT = "procent"  # a fraction: 0.96 -> 96,0%
FTE = "fte"  # 12,11
EXTRA_FTE = "extra_fte"  # +12,11
EURO = "euro"  # € 907.889
DATUM = "datum"  # 1-1-2023
BALK = "balk"  # ████░░: the share of direct hours (records, --staven)

class Kolom(NamedTuple):
    """One column of a table: the row's field, its Dutch header and how its values print."""

    sleutel: str
    kop: str
    soort: str = TEKST


RECORDS = (
    Kolom("functie", "Functie"),
    Kolom("eenheid", "Eenheid"),
    Kolom("scenario", "Scenario"),
    Kolom("beschikbare_uren", "Beschikbare uren", UREN),
    Kolom("totaal_aftrek", "Totaal aftrek", UREN),
    Kolom("directe_uren", "Directe uren", UREN),
    Kolom("aandeel_direct", "Aandeel direct", PROCENT),
    Kolom("aandeel_bruto", "Aandeel bruto", PROCENT),
    Kolom("fte", "Fte", FTE),
    Kolom("fte_nodig", "Fte nodig", FTE),
    Kolom("extra_fte", "Extra fte", EXTRA_FTE),
    Kolom("extra_kosten", "Extra kosten", EURO),
    Kolom("waarde_extra_uren", "Waarde extra uren", EURO),  # the uurtarief method
)
_ALS_ER_IETS_STAAT = ("eenheid", "aandeel_bruto", "fte_nodig", "waarde_extra_uren")  # columns shown only when a row has them
BALKKOLOM = Kolom("balk", "Direct █ / aftrek ░", BALK)


def recordkolommen(records: list[Any], balken: bool = False) -> list[Kolom]:
    """The records' columns: those only some profiles have when a row has them, the bar after the share."""
    kolommen = [k for k in RECORDS
                if k.sleutel not in _ALS_ER_IETS_STAAT or any(getattr(r, k.sleutel) is not None for r in records)]
    if balken:
        kolommen.insert([k.sleutel for k in kolommen].index("aandeel_direct") + 1, BALKKOLOM)
    return kolommen


REALISATIE = (
    Kolom("functie", "Functie"),
    Kolom("eenheid", "Eenheid"),
    Kolom("aftrek", "Aftrek"),
    Kolom("van", "Van", DATUM),
    Kolom("tot", "Tot en met", DATUM),
    Kolom("gepland_per_fte", "Gepland per fte", UREN),
    Kolom("gerealiseerd_per_fte", "Gerealiseerd per fte (jaar)", UREN),
    Kolom("percentage", "Gerealiseerd", PROCENT),
    Kolom("niet_benut_uren", "Niet benut (uren)", UREN),
    Kolom("niet_benut_fte", "Niet benut (fte)", FTE),
)

BUDGET = (
    Kolom("jaar", "Jaar"),
    Kolom("scenario", "Scenario"),
    Kolom("kosten", "Kosten", EURO),
    Kolom("financiering", "Financiering", EURO),
    Kolom("saldo", "Saldo", EURO),
    Kolom("cumulatief", "Cumulatief saldo", EURO),
    Kolom("betaalbare_fte", "Betaalbare fte", FTE),
)

GEVOELIGHEID = (
    Kolom("functie", "Functie"),
    Kolom("eenheid", "Eenheid"),
    Kolom("scenario", "Scenario"),
    Kolom("veld", "Veld"),
    Kolom("waarde", "Waarde"),
    Kolom("directe_uren", "Directe uren", UREN),
    Kolom("aandeel_direct", "Aandeel direct", PROCENT),
    Kolom("fte_nodig", "Fte nodig", FTE),
    Kolom("extra_fte", "Extra fte", EXTRA_FTE),
    Kolom("extra_kosten", "Extra kosten", EURO),
    Kolom("waarde_extra_uren", "Waarde extra uren", EURO),  # the uurtarief method
)


ZOEK = (
    Kolom("functie", "Functie"),
    Kolom("eenheid", "Eenheid"),
    Kolom("scenario", "Scenario"),
    Kolom("zoek", "Gezocht"),
    Kolom("waarde", "Gevonden"),
    Kolom("methode", "Methode"),
    Kolom("directe_uren", "Directe uren", UREN),
    Kolom("aandeel_direct", "Aandeel direct", PROCENT),
    Kolom("fte", "Fte", FTE),
    Kolom("fte_nodig", "Fte nodig", FTE),
    Kolom("extra_fte", "Extra fte", EXTRA_FTE),
    Kolom("extra_kosten", "Extra kosten", EURO),
    Kolom("waarde_extra_uren", "Waarde extra uren", EURO),
)


def zoekkolommen(rijen: list[Any]) -> list[Kolom]:
    """solve: the columns a row has a value for (an eenheid, fte nodig, costs)."""
    return [k for k in ZOEK if k.sleutel not in ("eenheid", "fte", "fte_nodig", "extra_fte", "extra_kosten", "waarde_extra_uren")
            or any(getattr(r, k.sleutel) is not None for r in rijen)]


def realisatiekolommen(uitkomsten: list[Any]) -> list[Kolom]:
    """realisation: the eenheid only when a row has one."""
    if any(u.eenheid for u in uitkomsten):
        return list(REALISATIE)
    return [k for k in REALISATIE if k.sleutel != "eenheid"]


def budgetkolommen(jaren: list[Any]) -> list[Kolom]:
    """budget: betaalbare fte only when a year has it (all functies cost the same per fte)."""
    if all(j.betaalbare_fte is None for j in jaren):
        return list(BUDGET[:-1])
    return list(BUDGET)


def gevoeligheidskolommen(rijen: list[Any]) -> list[Kolom]:
    """sensitivity: eenheid, fte nodig, extra fte and costs only when a row has them."""
    return [k for k in GEVOELIGHEID if k.sleutel not in ("eenheid", "fte_nodig", "extra_fte", "extra_kosten", "waarde_extra_uren")
            or any(getattr(r, k.sleutel) is not None for r in rijen)]
