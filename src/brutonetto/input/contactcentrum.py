"""`contactcentrum` as users write it: times with units, a service level, volumes inline or in a CSV.

What is accepted (README, "Contactcentrum"):

- times: `180 s`, `3 min`, `0,5 uur` (units s, sec, seconde(n), min, minuut, minuten, uur, u, h);
  a bare number is refused with a hint, since seconds and minutes are both common;
- `interval`: 5, 10, 15, 20, 30 or 60 minutes (`1 uur`): what telephony systems report, and
  what divides an hour into whole intervals; 7 min is refused;
- `servicelevel`: `{procent: 80, binnen: 20 s}`, or the industry's short `80/20` (percent
  answered within seconds);
- `max_bezetting`: `85%` (or 85); `weken_open`: a number of weeks, default 52;
- `aanbod`: a mapping `ma 08:00: 100` of contacts per interval of a typical week, or a path
  (relative to the file that writes it) to a CSV with columns `interval` and `aanbod`:
  separator `;`, `,` or tab (whichever the header uses most), Dutch decimals, a BOM, blank
  lines and extra columns allowed; a missing column or an interval written twice is an
  error at the CSV's own line.

The parsers raise `Invoerfout` with a Dutch message; the part's model (`Contactcentrum`, at the
end) turns it into a field error. `model.Velden` loads this module when a file has a queue.
"""

from __future__ import annotations

import csv
import io
import os
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, NamedTuple

from pydantic import BaseModel, Field, WithJsonSchema, WrapValidator
from pydantic_core import PydanticCustomError

from brutonetto.errors import Fout
from brutonetto.input.csvbestand import onleesbaar
from brutonetto.input.lezers import FOUTSOORT, GETALTEKST, Lezer, NietNegatief, Positief, Weken, deel
from brutonetto.input.hoeveelheid import Invoerfout, parse_csvgetal
from brutonetto.input.source import MAX_BYTES, Bron, lees_bytes, verwijzing, zonder_waarden
from brutonetto.input.tijden import Servicelevel, parse_interval, parse_procent, parse_servicelevel, parse_tijd

KOLOMMEN = ("interval", "aanbod")
SCHEIDINGSTEKENS = (";", ",", "\t")

class Aanbodbestand(NamedTuple):
    """The volumes read from a CSV: (interval, contacts, `file:line`) per row; merged as a whole."""

    naam: str
    rijen: tuple[tuple[str, Decimal, str], ...]


def lees_csv(pad: Path, naam: str, alleen_onder: Path | None = None) -> tuple[Aanbodbestand | None, list[Fout]]:
    """The volumes of a CSV a profile names; every problem a `Fout` at the CSV's own line,
    without the values read from it (`source.zonder_waarden`: the user did not choose it).
    At most MAX_BYTES, like every file (a third probe's 3 GB CSV ran out of memory)."""
    try:
        ruw = lees_bytes(pad, alleen_onder, verwezen=True)
        if len(ruw) > MAX_BYTES:
            return None, [Fout(naam, f"het bestand is groter dan {MAX_BYTES / (1024 * 1024):g} MB; een week heeft "
                                     "hoogstens 2.016 intervallen (of verhoog de grens met BRUTONETTO_MAX_MB)")]
        tekst = ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [Fout(naam, "het bestand is geen UTF-8-tekst; sla het op als CSV UTF-8")]
    except OSError as fout:
        return None, [Fout(naam, f"het bestand kan niet worden gelezen: {fout.strerror or fout}")]
    gelezen, fouten = _aanbodrijen(tekst, naam)
    rijen = tekst.split("\n", 1)[1] if "\n" in tekst else ""  # the header's words are the format's, no values
    return gelezen, [zonder_waarden(f, rijen) for f in fouten]


def _aanbodrijen(tekst: str, naam: str) -> tuple[Aanbodbestand | None, list[Fout]]:
    regels = tekst.splitlines()
    kopregel = next((i for i, r in enumerate(regels) if r.strip().strip("".join(SCHEIDINGSTEKENS))), None)
    if kopregel is None:
        return None, [Fout(naam, "het bestand is leeg: verwacht een kopregel met interval en aanbod", regel=1)]
    teken = max(SCHEIDINGSTEKENS, key=regels[kopregel].count)
    lezer = csv.reader(io.StringIO("\n".join(regels[kopregel:])), delimiter=teken)
    try:
        kop = [k.strip().lower() for k in next(lezer)]
    except csv.Error as fout:  # a field over csv's size limit: the file's problem, not ours
        return None, [Fout(naam, f"de kopregel: {onleesbaar(fout)}", regel=kopregel + 1)]
    ontbreekt = [k for k in KOLOMMEN if k not in kop]
    if ontbreekt:
        return None, [Fout(naam, (
            f"de kolom {' en '.join(repr(k) for k in ontbreekt)} ontbreekt; verwacht een kopregel met "
            f"interval{teken}aanbod (gevonden: {teken.join(kop) or 'niets'})"
        ), regel=kopregel + 1)]
    i_interval, i_aanbod = (kop.index(k) for k in KOLOMMEN)
    fouten: list[Fout] = []
    rijen: list[tuple[str, Decimal, str]] = []
    gezien: dict[str, int] = {}
    while True:
        nummer = kopregel + lezer.line_num + 1  # where this record starts (a quoted value may span lines)
        try:
            rij = next(lezer)
        except StopIteration:
            break
        except csv.Error as fout:  # a field over csv's size limit
            fouten.append(Fout(naam, onleesbaar(fout), regel=nummer))
            if kopregel + lezer.line_num + 1 == nummer:  # nothing was consumed: stop rather than loop
                break
            continue
        if not "".join(rij).strip():
            continue
        if len(rij) <= max(i_interval, i_aanbod):
            fouten.append(Fout(naam, f"deze regel heeft {len(rij)} kolommen; verwacht interval{teken}aanbod", regel=nummer))
            continue
        interval, aantal = rij[i_interval].strip(), rij[i_aanbod].strip()
        if not interval:
            fouten.append(Fout(naam, "het interval is leeg", regel=nummer))
            continue
        if interval in gezien:
            fouten.append(Fout(naam, f"het interval '{interval}' staat er twee keer in (ook op regel {gezien[interval]})", regel=nummer))
            continue
        gezien[interval] = nummer
        try:
            getal = parse_csvgetal(aantal)
        except Invoerfout as fout:
            fouten.append(Fout(naam, f"aanbod van '{interval}': {fout}", regel=nummer))
            continue
        if getal < 0:
            fouten.append(Fout(naam, f"het aanbod van '{interval}' kan niet negatief zijn (gegeven: {aantal})", regel=nummer))
            continue
        rijen.append((interval, getal, f"{naam}:{nummer}"))
    if not rijen and not fouten:
        fouten.append(Fout(naam, "het bestand heeft geen intervallen onder de kopregel", regel=kopregel + 1))
    return (None if fouten else Aanbodbestand(naam, tuple(rijen))), fouten


def met_csv(velden: Any, bron: Bron, fout: Any) -> tuple[Any, list[Fout]]:
    """`velden` (a model.Velden) with every `contactcentrum.aanbod` path read: its own and its scenarios'.

    A path is relative to `bron`, the file that writes it; `fout(bericht, pad)` places a
    problem with the path itself at its YAML line.
    """
    map_, bestandsnaam = bron.map, bron.naam
    fouten: list[Fout] = []

    def lees(model: Any, pad: tuple) -> Any:
        cc = getattr(model, "contactcentrum", None)
        if cc is not None and isinstance(cc.aanbod, str):
            ruw = cc.aanbod
            bestand = verwijzing(map_, ruw, "het aanbodbestand", (".csv",), bron.alleen_onder)
            naam = os.path.normpath(os.path.join(os.path.dirname(bestandsnaam) if bestandsnaam != "<stdin>" else "", ruw))
            if isinstance(bestand, str):
                fouten.append(fout(bestand, pad + ("contactcentrum", "aanbod")))
            else:
                gelezen, problemen = lees_csv(bestand, naam, bron.alleen_onder)
                fouten.extend(problemen)
                if gelezen is not None:
                    model = model.model_copy(update={"contactcentrum": cc.model_copy(update={"aanbod": gelezen})})
        if getattr(model, "scenarios", None):
            scenarios = {n: lees(s, pad + ("scenarios", n)) for n, s in model.scenarios.items()}
            model = model.model_copy(update={"scenarios": scenarios})
        return model

    return lees(velden, ()), fouten


def wachtrij(velden: dict[str, Any]) -> Any:
    """The merged `contactcentrum` mapping as the profile's `Contactcentrum` (domain/contactcentrum.py)."""
    from brutonetto.domain import contactcentrum as domein

    aanbod = velden.get("aanbod")
    if isinstance(aanbod, Aanbodbestand):
        rijen = aanbod.rijen
    else:
        rijen = tuple((naam, aantal, None) for naam, aantal in (aanbod or {}).items())
    servicelevel = velden.get("servicelevel")
    return domein.Contactcentrum(
        interval_s=velden.get("interval"),
        gespreksduur_s=velden.get("gespreksduur"),
        servicelevel=servicelevel.procent if servicelevel else None,
        binnen_s=servicelevel.binnen_s if servicelevel else None,
        max_bezetting=velden.get("max_bezetting"),
        weken_open=velden.get("weken_open"),
        aanbod=rijen,
        asa_s=velden.get("asa"),
        geduld_s=velden.get("geduld"),
        gelijktijdig=velden.get("gelijktijdig"),
    )


_TIJDSCHEMA = {
    "type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*(s|sec|seconden?|min|minuut|minuten|uur|uren|u|h)\s*$",
    "description": "een tijd met eenheid: 180 s, 3 min",
}
Tijd = Annotated[Decimal, Lezer(lambda w: parse_tijd(w, "gespreksduur"), json=_TIJDSCHEMA)]


def _lees_aanbod(waarde: Any, handler: Any) -> Any:
    """Contacts per interval, each count checked at its own line; or a CSV path, read by the loader."""
    if isinstance(waarde, str) and waarde.strip():
        return waarde.strip()
    if waarde == {} or isinstance(waarde, str):
        raise PydanticCustomError(FOUTSOORT, "verwacht per interval het aantal contacten (ma 08:00: 100) of een pad naar een CSV")
    return handler(waarde)


Aanbod = Annotated[
    dict[str, NietNegatief], WrapValidator(_lees_aanbod),
    WithJsonSchema({"anyOf": [
        {"type": "object", "additionalProperties": {"anyOf": [{"type": "number", "minimum": 0},
                                                              {"type": "string", "pattern": GETALTEKST}]}},
        {"type": "string", "description": "pad naar een CSV met de kolommen interval en aanbod"},
    ]}),
]


class Contactcentrum(BaseModel):
    """The `contactcentrum` part of a profile: a typical week of volumes, handle time and service level."""

    model_config = deel("Een wachtrij (telefonie, chat): agenten per interval met Erlang C, als werklast.")

    interval: Annotated[Decimal, Lezer(parse_interval, json=(
        {"type": "string", "enum": ["5 min", "10 min", "15 min", "20 min", "30 min", "60 min", "1 uur"]}
    ))] | None = Field(None, description="Lengte van één interval: 5, 10, 15, 20, 30 of 60 min.")
    gespreksduur: Tijd | None = Field(None, description="Gemiddelde afhandeltijd (gesprek + nawerk), bijvoorbeeld 180 s.")
    servicelevel: Annotated[Servicelevel, Lezer(parse_servicelevel, json={"anyOf": [
        {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*%?\s*/\s*\d+([.,]\d+)?\s*(s|sec)?\s*$"},
        {"type": "object", "properties": {"procent": {}, "binnen": {}}, "required": ["procent", "binnen"],
         "additionalProperties": False},
    ]})] | None = Field(None, description="Doel: {procent: 80, binnen: 20 s} of kort 80/20 (80% binnen 20 s).")
    max_bezetting: Annotated[Decimal, Lezer(lambda w: parse_procent(w, "de maximale bezetting"), json=(
        {"anyOf": [{"type": "number", "exclusiveMinimum": 0, "maximum": 100},
                   {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*%?\s*$"}]}
    ))] | None = Field(None, description="Hoogste bezetting van de agenten, bijvoorbeeld 85%.")
    weken_open: Weken | None = Field(None, description="Weken per jaar dat de wachtrij open is; standaard 52.")
    asa: Annotated[Decimal, Lezer(lambda w: parse_tijd(w, "asa"), json=_TIJDSCHEMA)] | None = Field(
        None, description="Doel voor de gemiddelde wachttijd (average speed of answer), bijvoorbeeld 20 s; "
        "alleen of naast servicelevel: het kleinste aantal agenten dat elk doel haalt.")
    geduld: Annotated[Decimal, Lezer(lambda w: parse_tijd(w, "geduld"), json=_TIJDSCHEMA)] | None = Field(
        None, description="Gemiddeld geduld van bellers, bijvoorbeeld 120 s: rekent met Erlang A (bellers hangen op) "
        "en geeft het afhaakpercentage.")
    gelijktijdig: Positief | None = Field(
        None, description="Contacten (chats) die één agent tegelijk afhandelt, bijvoorbeeld 2: deelt het verkeer per agent.")
    aanbod: Aanbod | None = Field(
        None, description="Contacten per interval van een typische week (ma 08:00: 100), of een pad naar een CSV "
        "met de kolommen interval en aanbod (relatief aan dit bestand).")
