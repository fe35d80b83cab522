"""What every function of the API returns: the typed records, the problems, the warnings.

An `Uitkomst` holds the content the output renders (`output.inhoud`), so the command line
writes exactly what a notebook reads: `records` are the engine's typed rows (their fields
the JSON keys, in the JSON's order, exact `Decimal`s), `to_dicts()` and `to_pandas()` the
JSON's own figures (rounded half-up to 6 decimals by the one JSON renderer).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Iterable, TypeVar

from brutonetto.errors import Fout, Problemen

if TYPE_CHECKING:
    import pandas

    from brutonetto.output.formaten import Inhoud

R = TypeVar("R")


class Uitkomst(Generic[R]):
    """The result of one run: what was computed, and what was wrong with the input.

    - `records`: the typed rows (`compute`: one `Record` per functie and scenario; `budget`:
      one `Jaar` per year; ...), empty when the input has problems.
    - `problemen`: every problem found, each a `Fout` (`str(fout)` is the command line's
      `FILE:LINE:COL: veld: bericht`); empty when all is well. Bad input never raises.
    - `waarschuwingen`: what the command line prints as `waarschuwing: ...`.
    - `bestanden`: every file read (profiles, their standaard, a queue's aanbod).
    """

    __slots__ = ("inhoud", "problemen", "waarschuwingen", "bestanden", "melding")

    def __init__(self, inhoud: Inhoud | None, problemen: list[Fout] | Problemen, waarschuwingen: list[str],
                 bestanden: list[Path], melding: str | None = None) -> None:
        self.inhoud = inhoud  # what the output renders; None when nothing was computed
        self.problemen = problemen
        self.waarschuwingen = waarschuwingen
        self.bestanden = bestanden
        self.melding = melding  # validate's `in orde: ...`, init's next step

    @property
    def records(self) -> list[R]:
        if self.problemen or self.inhoud is None:
            return []
        return list(getattr(self.inhoud, "records", []))

    @property
    def ok(self) -> bool:
        """No problems: the records are the whole answer."""
        return not self.problemen

    def to_dicts(self, als_float: bool = False) -> list[dict[str, Any]]:
        """The JSON's records as dicts: its keys, its order, its figures (Decimal, or float if asked)."""
        import json

        from brutonetto.output.render import json_rij

        if self.problemen or self.inhoud is None:
            return []
        getal = float if als_float else Decimal
        return [json.loads(json_rij(rij), parse_float=getal) for rij in _rijen(self.inhoud)]

    def to_pandas(self, als_float: bool = False) -> pandas.DataFrame:
        """A DataFrame with the JSON's keys as columns and its figures as values: Decimal (exact, as the
        JSON writes them) unless `als_float=True`. Needs pandas: pip install 'brutonetto[pandas]'."""
        try:
            import pandas
        except ModuleNotFoundError:
            raise ModuleNotFoundError("to_pandas heeft pandas nodig: pip install 'brutonetto[pandas]'") from None
        rijen = self.to_dicts(als_float)
        return pandas.DataFrame(rijen, columns=list(rijen[0]) if rijen else None)

    def __repr__(self) -> str:
        return (f"Uitkomst({len(self.records)} records, {len(self.problemen)} problemen, "
                f"{len(self.waarschuwingen)} waarschuwingen)")


def _rijen(inhoud: Inhoud) -> Iterable[Any]:
    try:
        return inhoud.rijen()
    except NotImplementedError:  # a text (the schema): no records
        return []
