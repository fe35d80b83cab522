"""From volumes to fte: workload from products and normtijden, ratio roles, onboarding loss.

The parts a profile holds for contract v2's `producten` and `verhouding` are domain types
(domain/capaciteit.py). A field is None where a fragment (a scenario) did not write it;
whether a merged profile is complete is the arithmetic's to say, naming the field.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from brutonetto.domain.capaciteit import Product
from brutonetto.domain.hoeveelheid import MINUUT, SECONDE, UUR, Duur
from brutonetto.engine.hours import alle_problemen
from brutonetto.errors import MAX_PER_BESTAND, gelijkend, opsomming
from brutonetto.engine.regels import KANAAL_UREN, PRODUCT_MIX, PRODUCT_UREN, REGELS
from brutonetto.engine.stappen import CONSTANTE, INVOER, STAP, Operand, Stap


PER_UUR = {SECONDE: Decimal(3600), MINUUT: Decimal(60), UUR: Decimal(1)}  # a normtijd's unit in one hour
HONDERD = Decimal(100)


def duur_in_uren(duur: Duur) -> Decimal:
    """A normtijd in hours: 45 min -> 0.75, 180 s -> 0.05 (berekening.md §9)."""
    return duur.getal / PER_UUR[duur.eenheid]


class Producturen(NamedTuple):
    """One product's workload: volume x normtijd, or per channel volume x aandeel x normtijd."""

    volume: Decimal
    normtijd_uren: Decimal | None  # None for a service mix
    kanalen: dict[str, tuple[Decimal, Decimal, Decimal]]  # naam -> (aandeel %, normtijd in uren, uren)
    uren: Decimal


def producturen(producten: dict[str, Product], fout: type[Exception], spoor: list | None = None) -> dict[str, Producturen]:
    """werklast_uren = sum(volume x normtijd), a service mix split by its shares (berekening.md §9).

    `fout(veld, bericht)` is raised for an incomplete product, so the caller can locate it.
    With `spoor` (a trace), each rule applied is appended to it as a step (engine/stappen.py).
    """
    uit: dict[str, Producturen] = {}
    problemen: list[Exception] = []
    for naam, product in producten.items():
        try:
            uit[naam] = _product(naam, product, producten, fout, spoor)
        except fout as probleem:  # every product is checked, and all their problems reported
            problemen.append(probleem)
    alle_problemen(problemen)
    return uit


def _product(naam: str, product: Product, producten: dict[str, Product], fout: type[Exception],
             spoor: list | None) -> Producturen:
    """One product's hours (see producturen)."""
    plek = ("producten", naam)
    if product.volume is None:
        raise fout(plek + ("volume",), f"product '{naam}' heeft geen volume (aantal per jaar)" + _bedoelt(naam, producten))
    if product.kanalen and product.normtijd is not None:
        raise fout(plek + ("kanalen",), f"product '{naam}': geef een normtijd of kanalen, niet allebei")
    if not product.kanalen:
        if product.normtijd is None:
            raise fout(
                plek,
                f"product '{naam}' heeft geen normtijd (bijvoorbeeld normtijd: 45 min) of kanalen" + _bedoelt(naam, producten),
            )
        per_uur = PER_UUR[product.normtijd.eenheid]
        uren = REGELS[PRODUCT_UREN].reken(product.volume, product.normtijd.getal, per_uur)  # divide last: exact
        if spoor is not None:
            spoor.append(Stap(plek, PRODUCT_UREN, (
                Operand(plek + ("volume",), product.volume, INVOER),
                Operand(plek + ("normtijd",), product.normtijd.getal, INVOER),
                Operand(("per_uur", product.normtijd.eenheid), per_uur, CONSTANTE),
            ), uren))
        return Producturen(product.volume, duur_in_uren(product.normtijd), {}, uren)
    kanalen: dict[str, tuple[Decimal, Decimal, Decimal]] = {}
    for kanaalnaam, kanaal in product.kanalen.items():
        for veld, waarde in (("aandeel", kanaal.aandeel), ("normtijd", kanaal.normtijd)):
            if waarde is None:
                raise fout(plek + ("kanalen", kanaalnaam), f"kanaal '{kanaalnaam}' van '{naam}' heeft geen {veld}")
        aandeel, per_uur = kanaal.aandeel / HONDERD, PER_UUR[kanaal.normtijd.eenheid]
        uren = REGELS[KANAAL_UREN].reken(product.volume, aandeel, kanaal.normtijd.getal, per_uur)
        if spoor is not None:
            k = plek + ("kanalen", kanaalnaam)
            spoor.append(Stap(k, KANAAL_UREN, (
                Operand(plek + ("volume",), product.volume, INVOER),
                Operand(k + ("aandeel",), aandeel, INVOER, procent=True),
                Operand(k + ("normtijd",), kanaal.normtijd.getal, INVOER),
                Operand(("per_uur", kanaal.normtijd.eenheid), per_uur, CONSTANTE),
            ), uren))
        kanalen[kanaalnaam] = (kanaal.aandeel, duur_in_uren(kanaal.normtijd), uren)
    som = sum((a for a, _, _ in kanalen.values()), Decimal(0))
    if som != HONDERD:
        raise fout(
            plek + ("kanalen",),
            f"de aandelen van de kanalen van '{naam}' tellen op tot {format(som.normalize(), 'f').replace('.', ',')}%, "
            "niet 100%",
        )
    uren = REGELS[PRODUCT_MIX].reken(*(u for _, _, u in kanalen.values()))
    if spoor is not None:
        som = tuple(Operand(plek + ("kanalen", k), u, STAP) for k, (_, _, u) in kanalen.items())
        spoor.append(Stap(plek, PRODUCT_MIX, som, uren))
    return Producturen(product.volume, None, kanalen, uren)


def _bedoelt(naam: str, producten: dict[str, Product]) -> str:
    """A half-written product is often a scenario's typo of a product that is there: say which."""
    import difflib

    andere = [n for n, p in producten.items() if n != naam and p.volume is not None]
    gelijk = difflib.get_close_matches(naam, andere, n=1, cutoff=0.6)
    return f"; bedoelt u '{gelijk[0]}'? (een scenario past een product aan bij zijn naam)" if gelijk else ""


class Verhoudingsfout(NamedTuple):
    """A ratio that cannot be followed: functie `index`, the field to blame, the message."""

    index: int
    veld: tuple[str, ...]
    bericht: str


def volgorde(namen: list[tuple[str | None, str]], van: list[str | None]) -> tuple[list[int], list[Verhoudingsfout]]:
    """The order to compute functies in so that every ratio role comes after the one it follows.

    `namen[i]` is functie i's (eenheid, naam); `van[i]` the name it follows (in its own
    eenheid), or None. A name that is not there, or ratios that run in a circle, are
    problems; a functie that depends on such a problem is left out of the order.
    """
    index = {sleutel: i for i, sleutel in enumerate(namen)}
    fouten: list[Verhoudingsfout] = []
    basis: dict[int, int] = {}
    for i, gevolgd in enumerate(van):
        if gevolgd is None:
            continue
        eenheid, naam = namen[i]
        j = index.get((eenheid, gevolgd))
        if j is None:
            if len(fouten) >= MAX_PER_BESTAND:  # past what is shown: the name, without looking for a near one
                fouten.append(Verhoudingsfout(i, ("verhouding", "van"), f"onbekende functie '{gevolgd}'"))
                continue
            in_eenheid = [n for e, n in namen if e == eenheid and n != naam]
            gelijk = gelijkend(gevolgd, in_eenheid)
            waar = f" in eenheid '{eenheid}'" if eenheid else ""
            fouten.append(Verhoudingsfout(i, ("verhouding", "van"), f"onbekende functie '{gevolgd}'{waar}"
                                          + (f"; bedoelt u '{gelijk}'?" if gelijk else
                                             f"; hier staan: {opsomming(in_eenheid, aanhalingstekens=False) or 'geen andere functies'}")))
        else:
            basis[i] = j
    eigen_fout = {f.index for f in fouten}
    goed: dict[int, bool] = {}  # resolved: can be computed, or not
    klaar: list[int] = []
    for start in range(len(namen)):
        pad: list[int] = []
        i = start
        while i not in goed and i not in pad and i not in eigen_fout and i in basis:
            pad.append(i)
            i = basis[i]
        if i in pad:  # round in a circle from i back to i
            kring = pad[pad.index(i):]
            for k, lid in enumerate(kring):
                rond = kring[k:] + kring[:k] + [lid]
                fouten.append(Verhoudingsfout(lid, ("verhouding",), "de verhoudingen lopen in een kring: "
                                              + " -> ".join(namen[x][1] for x in rond)))
                goed[lid] = False
            uitkomst = False
        elif i in goed:
            uitkomst = goed[i]
        else:  # a functie that follows no one, or one whose own ratio is wrong
            uitkomst = goed[i] = i not in eigen_fout
            if uitkomst:
                klaar.append(i)
        for lid in reversed(pad):
            if lid not in goed:
                goed[lid] = uitkomst
                if uitkomst:
                    klaar.append(lid)
    return klaar, fouten
