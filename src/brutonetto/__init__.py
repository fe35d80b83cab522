"""brutonetto: the bruto/netto berekening, from contract hours to direct service hours."""

__version__ = "1.0.0"
