"""brutonetto: the bruto/netto berekening, from contract hours to direct service hours.

From Python: `brutonetto.compute(["unit.yaml"]).to_pandas()`; see `brutonetto.api`. The
functions load on first use, so the command line starts as fast as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "1.0.0"

__all__ = ["Fout", "Uitkomst", "__version__", "budget", "compare", "compute", "erlang", "explain",
           "realisation", "sensitivity", "solve", "validate"]

if TYPE_CHECKING:
    from brutonetto.api import (
        Fout, Uitkomst, budget, compare, compute, erlang, explain, realisation, sensitivity, solve, validate,
    )


def __getattr__(naam: str) -> Any:
    if naam in __all__:
        from brutonetto import api

        return getattr(api, naam)
    raise AttributeError(f"module 'brutonetto' has no attribute {naam!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
