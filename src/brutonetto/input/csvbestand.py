"""What the two CSV readers share (the realisation CSV, a queue's `aanbod` CSV): the words
for a line the csv module cannot read, and header checks that stay linear in the columns.

A file someone else made may have a header of 40,000 columns or a field of 200,000
characters; neither is an internal error, and neither may take time that grows with the
square of the header.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable

from brutonetto.notation import telling


def onleesbaar(fout: csv.Error) -> str:
    """Why csv refused a line, in Dutch: most often a field past its size limit."""
    if "field limit" in str(fout):
        return (f"een veld is langer dan {csv.field_size_limit()} tekens; staat er een aanhalingsteken "
                "zonder tegenhanger?")
    return f"deze regel is geen leesbare CSV ({fout})"


def dubbele_namen(kop: list[str], namen: Iterable[str]) -> list[str]:
    """Which of `namen` the header has more than once, sorted: one pass over the header."""
    aantal = Counter(kop)
    return sorted(naam for naam in set(namen) if aantal[naam] > 1)


def opsomming(kop: list[str], hoogstens: int = 20) -> str:
    """The header's names for a message, the first `hoogstens` and how many more."""
    namen = [naam for naam in kop if naam]
    if not namen:
        return "geen"
    tekst = ", ".join(namen[:hoogstens])
    return tekst + (f" en {telling(len(namen) - hoogstens)} andere" if len(namen) > hoogstens else "")
