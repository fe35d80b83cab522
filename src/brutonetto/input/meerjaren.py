"""The `meerjaren` block: which scenario costs what against the funding, year by year.

```yaml
meerjaren:
  scenario: extra_leertijd        # optional: whose extra_kosten is the cost (default: every scenario)
  indexatie: 2%                   # optional: cost growth per year after the first (default 0)
  financiering: {2023: 12 mln, 2024: 20 mln}
```

It stands at the top of a file (a unit file's head, or a single profile), once per run;
`brutonetto budget` prices it (engine/begroting.py). Read here by hand rather than by a
pydantic model because `financiering` is a table of years whose every bad key and amount
must be reported at its own line, all at once (input/bedrag.py reads them).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from brutonetto.errors import Pad
from brutonetto.input.bedrag import parse_financiering, parse_indexatie
from brutonetto.input.hoeveelheid import Invoerfout, beschrijf

SLEUTELS = ("scenario", "indexatie", "financiering")


class Meerjaren(NamedTuple):
    """A `meerjaren` block as read: the scenario (None: every one), indexatie in %, euros by year."""

    scenario: str | None
    indexatie: Decimal
    financiering: dict[int, Decimal]


def lees_meerjaren(waarde: Any) -> tuple[Meerjaren | None, list[tuple[Pad, str]]]:
    """Read a `meerjaren` block; the problems as (path below `meerjaren`, Dutch message), all of them."""
    if isinstance(waarde, Meerjaren):
        return waarde, []
    if not isinstance(waarde, Mapping):
        return None, [((), f"meerjaren is een mapping met financiering (en eventueel scenario en "
                           f"indexatie), niet {beschrijf(waarde)}")]
    problemen: list[tuple[Pad, str]] = []
    for sleutel in waarde:
        if sleutel not in SLEUTELS:
            import difflib

            # a key that starts like a known one is that one (indexering: indexatie, not financiering)
            gelijkend = [k for k in SLEUTELS if str(sleutel)[:4].lower() == k[:4]] or \
                difflib.get_close_matches(str(sleutel), SLEUTELS, n=1, cutoff=0.6)
            hint = f"; bedoelt u '{gelijkend[0]}'?" if gelijkend else f"; bekend zijn: {', '.join(SLEUTELS)}"
            problemen.append(((sleutel,) if isinstance(sleutel, (str, int)) else (), f"onbekend veld '{sleutel}' in meerjaren{hint}"))
    scenario = waarde.get("scenario")
    if scenario is not None and (not isinstance(scenario, str) or not scenario.strip()):
        problemen.append((("scenario",), f"scenario is de naam van een scenario, niet {beschrijf(scenario)}"))
        scenario = None
    indexatie = Decimal(0)
    if waarde.get("indexatie") is not None:
        try:
            indexatie = parse_indexatie(waarde["indexatie"])
        except Invoerfout as fout:
            problemen.append((("indexatie",), str(fout)))
    if "financiering" not in waarde:
        problemen.append(((), "financiering ontbreekt: geef per jaar een bedrag, bijvoorbeeld 2023: 12 mln"))
        financiering: dict[int, Decimal] = {}
    else:
        financiering, fouten = parse_financiering(waarde["financiering"])
        problemen.extend((("financiering", *(str(d) for d in pad)), bericht) for pad, bericht in fouten)
    if problemen:
        return None, problemen
    return Meerjaren(scenario.strip() if scenario else None, indexatie, financiering), []
