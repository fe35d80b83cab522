"""From volumes to fte: workload from products and normtijden, ratio roles, onboarding loss.

The types a profile holds for contract v2's `producten`, `verhouding` and `instroom` x
`inwerkverlies`. A field is None where a fragment (a scenario) did not write it; whether a
merged profile is complete is the arithmetic's to say, naming the field.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from brutonetto.input.quantity import MINUUT, SECONDE, UUR, Duur


class Kanaal(NamedTuple):
    """One channel of a service mix: its share (percent) of the volume, and its normtijd."""

    aandeel: Decimal | None = None
    normtijd: Duur | None = None


class Product(NamedTuple):
    """A product or service: volume per year x normtijd, or the volume split over `kanalen`."""

    volume: Decimal | None = None
    normtijd: Duur | None = None
    kanalen: dict[str, Kanaal] = {}  # never mutated: shared empty default


class Verhouding(NamedTuple):
    """A ratio role: one fte of this functie per `een_per` fte of functie `van`."""

    een_per: Decimal | None = None
    van: str | None = None


_SECONDEN_PER = {SECONDE: Decimal(1), MINUUT: Decimal(60), UUR: Decimal(3600)}
HONDERD = Decimal(100)


def duur_in_uren(duur: Duur) -> Decimal:
    """A normtijd in hours: 45 min -> 0.75, 180 s -> 0.05 (berekening.md §8)."""
    return duur.getal * _SECONDEN_PER[duur.eenheid] / _SECONDEN_PER[UUR]


def _seconden(duur: Duur) -> Decimal:
    return duur.getal * _SECONDEN_PER[duur.eenheid]


class Producturen(NamedTuple):
    """One product's workload: volume x normtijd, or per channel volume x aandeel x normtijd."""

    volume: Decimal
    normtijd_uren: Decimal | None  # None for a service mix
    kanalen: dict[str, tuple[Decimal, Decimal, Decimal]]  # naam -> (aandeel %, normtijd in uren, uren)
    uren: Decimal


def producturen(producten: dict[str, Product], fout: type[Exception]) -> dict[str, Producturen]:
    """werklast_uren = sum(volume x normtijd), a service mix split by its shares (§8).

    `fout(veld, bericht)` is raised for an incomplete product, so the caller can locate it.
    """
    uit: dict[str, Producturen] = {}
    for naam, product in producten.items():
        plek = ("producten", naam)
        if product.volume is None:
            raise fout(plek + ("volume",), f"product '{naam}' heeft geen volume (aantal per jaar)")
        if product.kanalen and product.normtijd is not None:
            raise fout(plek + ("kanalen",), f"product '{naam}': geef een normtijd of kanalen, niet allebei")
        if not product.kanalen:
            if product.normtijd is None:
                raise fout(plek, f"product '{naam}' heeft geen normtijd (bijvoorbeeld normtijd: 45 min) of kanalen")
            uren = product.volume * _seconden(product.normtijd) / _SECONDEN_PER[UUR]  # divide last: exact
            uit[naam] = Producturen(product.volume, duur_in_uren(product.normtijd), {}, uren)
            continue
        kanalen: dict[str, tuple[Decimal, Decimal, Decimal]] = {}
        for kanaalnaam, kanaal in product.kanalen.items():
            for veld, waarde in (("aandeel", kanaal.aandeel), ("normtijd", kanaal.normtijd)):
                if waarde is None:
                    raise fout(plek + ("kanalen", kanaalnaam), f"kanaal '{kanaalnaam}' van '{naam}' heeft geen {veld}")
            uren = product.volume * kanaal.aandeel * _seconden(kanaal.normtijd) / (HONDERD * _SECONDEN_PER[UUR])
            kanalen[kanaalnaam] = (kanaal.aandeel, duur_in_uren(kanaal.normtijd), uren)
        som = sum((a for a, _, _ in kanalen.values()), Decimal(0))
        if som != HONDERD:
            raise fout(
                plek + ("kanalen",),
                f"de aandelen van de kanalen van '{naam}' tellen op tot {format(som.normalize(), 'f').replace('.', ',')}%, "
                "niet 100%",
            )
        uit[naam] = Producturen(product.volume, None, kanalen, sum((u for _, _, u in kanalen.values()), Decimal(0)))
    return uit
