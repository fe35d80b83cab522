"""`kalender` in a profile, standaard or scenario (contract v3): the year's own calendar.

    kalender:
      jaar: 2027
      uren_per_dag: 7,2          # default: uren_per_dag, or uren_per_week / 5
      goede_vrijdag: nee         # default nee
      bevrijdingsdag: lustrum    # elk_jaar | lustrum (2025, 2030, ...) | nooit; default lustrum
    verlof: {vakantie: 144 uur, feestdagen: kalender}

Its own model, imported (and its validator built) only when a file has a kalender, like the
other nested parts (`model.Deel`). The engine counts the days (engine/kalender.py).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field

from brutonetto.input.hoeveelheid import Invoerfout, beschrijf
from brutonetto.input.lezers import Daguren, Lezer, deel

EERSTE_JAAR, LAATSTE_JAAR = 1900, 2100  # the holiday rules of today hold for no year outside these
BEVRIJDINGSDAG = ("elk_jaar", "lustrum", "nooit")
_JA, _NEE = ("ja", "yes", "true", "waar"), ("nee", "no", "false", "onwaar")


def jaren() -> tuple[int, int]:
    """The years whose Dutch public holidays the holidays package knows (its own range, within 1900-2100):
    outside them it would answer 0 holidays, silently."""
    import holidays

    return max(EERSTE_JAAR, holidays.NL.start_year), min(LAATSTE_JAAR, getattr(holidays.NL, "end_year", LAATSTE_JAAR))


def controleer_jaar(jaar: int) -> str | None:
    """Why the kalender cannot take `jaar`, or None."""
    eerste, laatste = jaren()
    if not eerste <= jaar <= laatste:
        return (f"het jaar {jaar} ligt buiten {eerste}-{laatste}; voor die jaren kent de feestdagenbibliotheek "
                "(holidays) de Nederlandse feestdagen niet")
    return None


def _jaar(waarde: Any) -> int:
    if isinstance(waarde, bool) or not isinstance(waarde, (int, str)) or not str(waarde).strip().isdigit():
        raise Invoerfout(f"verwacht een jaartal zoals 2027, niet {beschrijf(waarde)}")
    jaar = int(str(waarde).strip())
    probleem = controleer_jaar(jaar)
    if probleem is not None:
        raise Invoerfout(probleem)
    return jaar


def _ja_nee(waarde: Any) -> bool:
    if isinstance(waarde, bool):
        return waarde
    tekst = str(waarde).strip().lower() if isinstance(waarde, str) else None
    if tekst in _JA:
        return True
    if tekst in _NEE:
        return False
    raise Invoerfout(f"verwacht ja of nee, niet {beschrijf(waarde)}")


def _bevrijdingsdag(waarde: Any) -> str:
    from brutonetto.input.model import suggestie

    tekst = waarde.strip().lower().replace(" ", "_").replace("-", "_") if isinstance(waarde, str) else None
    if tekst in BEVRIJDINGSDAG:
        return tekst
    hint = suggestie(tekst, BEVRIJDINGSDAG) if tekst else ""
    raise Invoerfout(f"onbekende keuze {beschrijf(waarde)}{hint}; kies elk_jaar, lustrum (2025, 2030, ...) of nooit")


Jaar = Annotated[int, Lezer(_jaar, json={"type": "integer", "minimum": EERSTE_JAAR, "maximum": LAATSTE_JAAR,
                                         "description": "het kalenderjaar, bijvoorbeeld 2027"})]
JaNee = Annotated[bool, Lezer(_ja_nee, json={"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nee"]}]})]
Keuze = Annotated[str, Lezer(_bevrijdingsdag, json={"enum": list(BEVRIJDINGSDAG)})]


class Kalender(BaseModel):
    """The year's calendar: bruto uren from its werkdagen, `feestdagen: kalender` from its public holidays."""

    model_config = deel("De kalender van het jaar: bruto uren = werkdagen x uren per dag; verlof "
                        "feestdagen: kalender = de feestdagen op een werkdag x uren per dag.")

    jaar: Jaar | None = Field(None, description="Het kalenderjaar (1900-2100), bijvoorbeeld 2027: 261 werkdagen.")
    uren_per_dag: Daguren | None = Field(None, description="Uren per werkdag; standaard uren_per_dag of uren_per_week / 5.")
    goede_vrijdag: JaNee | None = Field(None, description="Geeft de CAO Goede Vrijdag vrij? Standaard nee.")
    bevrijdingsdag: Keuze | None = Field(
        None, description="Bevrijdingsdag vrij: elk_jaar, lustrum (2025, 2030, ...) of nooit. Standaard lustrum.")
