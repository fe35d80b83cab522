"""A queue as a profile describes it (contract v2, `contactcentrum`): input/contactcentrum.py
reads it, engine/contactcentrum.py turns it into a workload by Erlang C."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple



class Contactcentrum(NamedTuple):
    """A queue as the profile describes it, merged and exact; None where not written."""

    interval_s: Decimal | None = None
    gespreksduur_s: Decimal | None = None
    servicelevel: Decimal | None = None  # percent answered within binnen_s
    binnen_s: Decimal | None = None
    max_bezetting: Decimal | None = None  # percent
    weken_open: Decimal | None = None  # None: the default, 52
    asa_s: Decimal | None = None  # contract v3: the average speed of answer aimed at
    geduld_s: Decimal | None = None  # contract v3: callers' mean patience (Erlang A)
    gelijktijdig: Decimal | None = None  # contract v3: contacts (chats) one agent handles at once
    # (interval, contacts, where it was read when not in the YAML: "aanbod.csv:5")
    aanbod: tuple[tuple[str, Decimal, str | None], ...] = ()
