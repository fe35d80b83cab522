"""Moved to `brutonetto.extras` (input needs it too: reading xlsx); kept for the imports here."""

from brutonetto.extras import EXTRAS, installeer

__all__ = ["EXTRAS", "installeer"]
