"""The input format as a pydantic model: the one place where outside data is validated.

Each fragment of a file (a functie, `standaard`, a scenario, the head of a unit file) is
validated where it is written, so every error has a path into the YAML document, and
every message is Dutch. Merging the fragments into one engine `Profiel` per scenario
happens afterwards, in `loader`, on plain values. Numbers and quantities are read by
`quantity`, exactly.

One model, `Velden`, holds every field a fragment may have; which fields may stand where
(no `functie` in a scenario, say) is checked in `valideer`. One model means one schema
for pydantic to build at start-up instead of four: this CLI is judged on cold start.
"""

import re
from decimal import Decimal
from typing import Annotated, Any, Callable

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError, WithJsonSchema, WrapValidator, field_validator
from pydantic_core import PydanticCustomError

from brutonetto.errors import Pad
from brutonetto.input import contactcentrum as cc
from brutonetto.input.meerjaren import Meerjaren, lees_meerjaren
from brutonetto.input.quantity import (
    EENHEDEN,
    Duur,
    Geschreven,
    Hoeveelheid,
    Invoerfout,
    beschrijf,
    parse_aandeel,
    parse_aantal,
    parse_duur,
    parse_getal,
    parse_hoeveelheid,
    parse_uren,
    parse_weekuren,
    zonder_duizendtallen,
)

FOUTSOORT = "brutonetto"


def _dutch(parse: Callable[[Any], Any], *checks: tuple[Callable[[Any], bool], str]) -> PlainValidator:
    """Wrap a parser so its Dutch `Invoerfout` becomes a pydantic error with that message."""

    def validate(waarde: Any) -> Any:
        try:
            resultaat = parse(waarde)
        except Invoerfout as fout:
            raise PydanticCustomError(FOUTSOORT, str(fout)) from None
        for geldig, bericht in checks:
            if not geldig(resultaat):
                raise PydanticCustomError(FOUTSOORT, bericht)
        return resultaat

    return PlainValidator(validate)


def _tekst(waarde: Any) -> str:
    if not isinstance(waarde, str) or not waarde.strip():
        raise Invoerfout("verwacht een niet-lege tekst")
    return waarde.strip()


# What the JSON Schema (`brutonetto schema`) says of each type: the forms the parsers accept.
_GETALTEKST = r"^\s*[+-]?\d+([.,]\d+)?\s*$"
_EENHEDEN = "|".join(sorted((re.escape(e).replace("/", r"\s*/\s*") for e in EENHEDEN if e), key=len, reverse=True))
_HOEVEELHEIDTEKST = rf"^\s*\d+([.,]\d+)?\s*({_EENHEDEN})?\s*$"


def _getal(minimum: float | None = None, maximum: float | None = None, eenheden: str = "") -> WithJsonSchema:
    getal: dict[str, Any] = {"type": "number"}
    if minimum is not None:
        getal["minimum"] = minimum
    if maximum is not None:
        getal["maximum"] = maximum
    patroon = rf"^\s*\d+([.,]\d+)?\s*({eenheden})?\s*$" if eenheden else _GETALTEKST
    return WithJsonSchema({"anyOf": [getal, {"type": "string", "pattern": patroon}]})


Tekst = Annotated[str, _dutch(_tekst), WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"\S"})]
NietNegatief = Annotated[
    Decimal, _dutch(parse_aantal, (lambda d: d >= 0, "mag niet negatief zijn")), _getal(minimum=0)
]
_POSITIEF = (lambda d: d > 0, "moet groter dan 0 zijn")
Weken = Annotated[Decimal, _dutch(
    parse_getal, _POSITIEF,
    (lambda d: d <= 53, "een jaar heeft hooguit 53 weken (52, 52,14 of 52,18 zijn gangbaar)"),
), _getal(minimum=1, maximum=53)]
Weekuren = Annotated[
    Decimal, _dutch(parse_weekuren, _POSITIEF, (lambda d: d <= 168, "een week heeft maar 168 uur")),
    _getal(minimum=1, maximum=168, eenheden=r"uur|uren|u|h|uur\s*/\s*week|uren\s*/\s*week|u\s*/\s*week|u\s*/\s*w"),
]
Daguren = Annotated[
    Decimal, _dutch(parse_uren, _POSITIEF, (lambda d: d <= 24, "een dag heeft maar 24 uur")),
    _getal(minimum=1, maximum=24, eenheden="uur|uren|u|h"),
]
MIN_BESCHIKBAAR = Decimal(100)
UREN_IN_EEN_JAAR = Decimal(24 * 366)


def _jaaruren(waarde: Any) -> Decimal:
    """Available hours per fte per year: between 100 and the 8784 hours of a leap year."""
    uren = parse_uren(waarde)
    tekst = waarde.tekst if isinstance(waarde, Geschreven) else repr(waarde) if isinstance(waarde, float) else str(waarde).strip()
    if uren < MIN_BESCHIKBAAR:
        if re.fullmatch(r"\d{1,3}[.,]\d{3}", tekst):
            raise Invoerfout(
                f"'{tekst}' leest als {tekst.replace('.', ',')} uur: een punt is hier een decimaalteken, "
                f"geen duizendtalscheiding; bedoelt u {zonder_duizendtallen(tekst)}?"
            )
        raise Invoerfout(f"{tekst} beschikbare uren per fte per jaar is onwaarschijnlijk weinig (minder dan 100)")
    if uren > UREN_IN_EEN_JAAR:
        raise Invoerfout(f"{tekst} is meer uren dan een jaar heeft (8784); bedoelt u uren per fte per jaar?")
    return uren


Uren = Annotated[Decimal, _dutch(_jaaruren), _getal(minimum=100, maximum=8784, eenheden="uur|uren|u|h")]
Aftrek = Annotated[Hoeveelheid, _dutch(parse_hoeveelheid), WithJsonSchema({
    "anyOf": [
        {"type": "number", "minimum": 0, "description": "uren per jaar"},
        {
            "type": "string",
            "pattern": _HOEVEELHEIDTEKST,
            "description": "<getal> <eenheid>: 92 uur, 5,7%, 1 uur/week, 3 dagen",
        },
        {
            "type": "object",
            "description": "een percentage met een eigen basis: {procent: 4, van: bruto}",
            "properties": {
                "procent": {"anyOf": [{"type": "number", "minimum": 0, "maximum": 100}, {"type": "string", "pattern": _GETALTEKST}]},
                "van": {"enum": ["bruto", "beschikbaar"]},
            },
            "required": ["procent"],
            "additionalProperties": False,
        },
    ]
})]


def _meerjaren(waarde: Any) -> Meerjaren:
    """`valideer` reads a file's own block first and reports every problem at its line; this
    catches a block where none belongs (a scenario), which is refused there anyway."""
    meerjaren, problemen = lees_meerjaren(waarde)
    if meerjaren is None:
        raise Invoerfout(problemen[0][1])
    return meerjaren


_BEDRAGTEKST = r"^\s*(eur\s*|€\s*)?\d+([.,]\d+)?\s*(k|mln|miljoen)?\s*$"
MeerjarenVeld = Annotated[Meerjaren, _dutch(_meerjaren), WithJsonSchema({
    "type": "object",
    "properties": {
        "scenario": {"type": "string", "minLength": 1,
                     "description": "Het scenario waarvan de extra kosten de kosten zijn; standaard elk scenario."},
        "indexatie": {"anyOf": [{"const": 0}, {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*%\s*$"}],
                      "description": "Groei van de kosten per jaar na het eerste jaar, bijvoorbeeld 2%."},
        "financiering": {
            "type": "object",
            "description": "Financiering per jaar in euro: 2023: 12 mln, 2024: 20 mln (k en mln mogen).",
            "propertyNames": {"pattern": r"^\d{4}$"},
            "additionalProperties": {"anyOf": [{"type": "number", "minimum": 0},
                                               {"type": "string", "pattern": _BEDRAGTEKST}]},
            "minProperties": 1,
        },
    },
    "required": ["financiering"],
    "additionalProperties": False,
})]


Normtijd = Annotated[Duur, _dutch(parse_duur), WithJsonSchema({
    "type": "string",
    "pattern": r"^\s*\d+([.,]\d+)?\s*(s|sec|seconden?|min|minuut|minuten|m|uur|uren|u|h)\s*$",
    "description": "een tijd met eenheid: 45 min, 1,5 uur, 180 s",
})]
Percentage = Annotated[Decimal, _dutch(parse_aandeel), WithJsonSchema({
    "type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*%\s*$", "description": "een percentage: 60%, '5,5%'",
})]
Positief = Annotated[Decimal, _dutch(parse_aantal, _POSITIEF), WithJsonSchema(
    {"anyOf": [{"type": "number", "exclusiveMinimum": 0}, {"type": "string", "pattern": _GETALTEKST}]}
)]
def _deel(beschrijving: str) -> ConfigDict:
    """A nested part; its Dutch description is what an editor shows (the docstring is for developers)."""
    return ConfigDict(extra="forbid", frozen=True, defer_build=True, json_schema_extra={"description": beschrijving})


class Kanaal(BaseModel):
    """One channel of a service mix: its share of the product's volume and its own normtijd."""

    model_config = _deel("Een kanaal van een dienstenmix: zijn aandeel in het volume en zijn normtijd.")

    aandeel: Percentage | None = Field(None, description="Deel van het volume via dit kanaal, bijvoorbeeld 60%; samen 100%.")
    normtijd: Normtijd | None = Field(None, description="Normtijd per product via dit kanaal, met eenheid: 8 min.")


class Product(BaseModel):
    """A product or service: its volume per year and its normtijd, or a mix over channels."""

    model_config = _deel("Een product of dienst: volume per jaar x normtijd, of een mix over kanalen.")

    volume: NietNegatief | None = Field(None, description="Aantal per jaar (0 of meer).")
    normtijd: Normtijd | None = Field(None, description="Normtijd per stuk, met eenheid: 45 min, 1,5 uur, 180 s.")
    kanalen: dict[str, Kanaal] | None = Field(
        None, description="Dienstenmix: per kanaal een aandeel van het volume en een eigen normtijd; aandelen samen 100%."
    )


class Verhouding(BaseModel):
    """A ratio role: one of this functie per `een_per` fte of functie `van`."""

    model_config = _deel("Een verhouding: één fte van deze functie per een_per fte van de functie 'van'.")

    een_per: Positief | None = Field(None, description="Eén fte van deze functie per zoveel fte van 'van', bijvoorbeeld 30.")
    van: Tekst | None = Field(None, description="De functie (in dezelfde eenheid) waarvan dit een verhouding is.")


Tijd = Annotated[Decimal, _dutch(lambda w: cc.parse_tijd(w, "gespreksduur")), WithJsonSchema(
    {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*(s|sec|seconden?|min|minuut|minuten|uur|uren|u|h)\s*$",
     "description": "een tijd met eenheid: 180 s, 3 min"}
)]


def _aanbod(waarde: Any, handler: Any) -> Any:
    """Contacts per interval, each count checked at its own line; or a CSV path, read by the loader."""
    if isinstance(waarde, str) and waarde.strip():
        return waarde.strip()
    if waarde == {} or isinstance(waarde, str):
        raise PydanticCustomError(FOUTSOORT, "verwacht per interval het aantal contacten (ma 08:00: 100) of een pad naar een CSV")
    return handler(waarde)


Aanbod = Annotated[
    dict[str, NietNegatief], WrapValidator(_aanbod),
    WithJsonSchema({"anyOf": [
        {"type": "object", "additionalProperties": {"anyOf": [{"type": "number", "minimum": 0},
                                                              {"type": "string", "pattern": _GETALTEKST}]}},
        {"type": "string", "description": "pad naar een CSV met de kolommen interval en aanbod"},
    ]}),
]


class Contactcentrum(BaseModel):
    """A queue: a typical week of volumes, handle time and service level (input/contactcentrum.py)."""

    model_config = _deel("Een wachtrij (telefonie, chat): agenten per interval met Erlang C, als werklast.")

    interval: Annotated[Decimal, _dutch(cc.parse_interval), WithJsonSchema(
        {"type": "string", "enum": ["5 min", "10 min", "15 min", "20 min", "30 min", "60 min", "1 uur"]}
    )] | None = Field(None, description="Lengte van één interval: 5, 10, 15, 20, 30 of 60 min.")
    gespreksduur: Tijd | None = Field(None, description="Gemiddelde afhandeltijd (gesprek + nawerk), bijvoorbeeld 180 s.")
    servicelevel: Annotated[cc.Servicelevel, _dutch(cc.parse_servicelevel), WithJsonSchema({"anyOf": [
        {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*%?\s*/\s*\d+([.,]\d+)?\s*(s|sec)?\s*$"},
        {"type": "object", "properties": {"procent": {}, "binnen": {}}, "required": ["procent", "binnen"],
         "additionalProperties": False},
    ]})] | None = Field(None, description="Doel: {procent: 80, binnen: 20 s} of kort 80/20 (80% binnen 20 s).")
    max_bezetting: Annotated[Decimal, _dutch(lambda w: cc.parse_procent(w, "de maximale bezetting")), WithJsonSchema(
        {"anyOf": [{"type": "number", "exclusiveMinimum": 0, "maximum": 100},
                   {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*%?\s*$"}]}
    )] | None = Field(None, description="Hoogste bezetting van de agenten, bijvoorbeeld 85%.")
    weken_open: Weken | None = Field(None, description="Weken per jaar dat de wachtrij open is; standaard 52.")
    aanbod: Aanbod | None = Field(
        None, description="Contacten per interval van een typische week (ma 08:00: 100), of een pad naar een CSV "
        "met de kolommen interval en aanbod (relatief aan dit bestand).")


class Velden(BaseModel):
    """Every field a fragment of a file may hold, all optional here; see `valideer`."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    functie: Tekst | None = Field(None, description="Naam van de functie, bijvoorbeeld Klantadviseur; uniek per eenheid.")
    eenheid: Tekst | None = Field(None, description="Organisatieonderdeel, bijvoorbeeld Uitkeren of Bezwaar & Beroep.")
    fte: NietNegatief | None = Field(None, description="Huidige formatie in fte (0 of meer).")
    beschikbare_uren: Uren | None = Field(
        None, description="Voor werk beschikbare uren per fte per jaar, na verlof (UWV 2023: 1631). Niet samen met verlof."
    )
    uren_per_week: Weekuren | None = Field(None, description="Contracturen per week, bijvoorbeeld 36.")
    weken_per_jaar: Weken | None = Field(
        None, description="Weken per jaar; standaard 52 (HOT, CAO Rijk). Ook gangbaar: 52,14 of 52,18."
    )
    uren_per_dag: Daguren | None = Field(None, description="Uren per werkdag; standaard uren_per_week / 5.")
    verlof: dict[str, Aftrek] | None = Field(
        None,
        description="Aftrek van bruto naar beschikbaar per naam (vakantie, feestdagen, ...); een % is van de bruto uren.",
    )
    aftrek: dict[str, Aftrek] | None = Field(
        None,
        description="Aftrek van beschikbaar naar direct per naam (verzuim, leren_en_ontwikkelen, ...), in volgorde; "
        "een % is van de beschikbare uren.",
    )
    instroom: Percentage | None = Field(
        None, description="Aandeel nieuwe medewerkers per jaar, bijvoorbeeld 5%; met inwerkverlies de aftrek 'inwerkverlies'."
    )
    inwerkverlies: Aftrek | None = Field(
        None, description="Directe uren die één nieuwe collega verliest tijdens het inwerken, bijvoorbeeld 240 uur."
    )
    werklast_uren: NietNegatief | None = Field(None, description="Directe uren die de functie per jaar moet leveren.")
    producten: dict[str, Product] | None = Field(
        None,
        description="Werklast uit volumes en normtijden: per product volume x normtijd (of een mix over kanalen). "
        "Vervangt werklast_uren.",
    )
    verhouding: Verhouding | None = Field(
        None, description="Een verhoudingsfunctie: fte nodig = fte (nodig) van 'van' / een_per, bijvoorbeeld 1 per 30."
    )
    contactcentrum: Contactcentrum | None = Field(
        None, description="Werklast van een wachtrij met Erlang C: agenten per interval x weken open. Vervangt werklast_uren."
    )
    kosten_per_fte: NietNegatief | None = Field(None, description="Kosten per fte per jaar in euro.")
    uurtarief: NietNegatief | None = Field(None, description="Kosten per uur in euro.")
    meerjaren: MeerjarenVeld | None = Field(
        None,
        description="De jaren (brutonetto budget): financiering per jaar, het scenario dat de kosten geeft "
        "en de indexatie. Bovenaan een bestand, één keer per run.",
    )
    scenarios: "dict[str, Velden] | None" = Field(
        None,
        description="Scenario's: naam -> gedeeltelijk profiel dat over de basis wordt gelegd. "
        "Een aftrek met dezelfde naam vervangt, een nieuwe naam telt op, 0 uur haalt weg.",
    )

    @field_validator("scenarios")
    @classmethod
    def _geen_basis(cls, scenarios: dict[str, Any] | None) -> dict[str, Any] | None:
        if scenarios and "basis" in scenarios:
            raise PydanticCustomError(
                FOUTSOORT, "'basis' is de basis zelf en kan geen scenario zijn; kies een andere naam"
            )
        return scenarios


# Where a fragment stands, and the fields it may not hold there.
FUNCTIE = "functie"  # an item of `functies`, or a single-profile file (its `standaard` taken out)
STANDAARD = "standaard"  # inline `standaard:` or a defaults file
EENHEID = "eenheid"  # the head of a unit file (its `standaard` and `functies` taken out)
_EENHEIDSKOP = ("eenheid", "scenarios", "meerjaren")
_NIET_IN_SCENARIO = ("functie", "scenarios", "meerjaren")

VELDNAMEN: tuple[str, ...] = tuple(sorted({*Velden.model_fields, "standaard", "functies"}))


def valideer(data: Any, soort: str) -> tuple[Velden | None, list[tuple[Pad, str]]]:
    """Validate one fragment; the problems as (field path, Dutch message), all of them."""
    problemen: list[tuple[Pad, str]] = []
    if soort == EENHEID and isinstance(data, dict):
        for sleutel in data:
            if sleutel not in _EENHEIDSKOP:
                problemen.append(((sleutel,), _misplaatst(sleutel)))
        data = {k: v for k, v in data.items() if k in _EENHEIDSKOP}
    if soort != STANDAARD and isinstance(data, dict) and data.get("meerjaren") is not None:
        meerjaren, fouten = lees_meerjaren(data["meerjaren"])  # every problem at its own line
        problemen.extend((("meerjaren", *pad), bericht) for pad, bericht in fouten)
        data = {k: (meerjaren if k == "meerjaren" else v) for k, v in data.items() if k != "meerjaren" or meerjaren}
    try:
        velden = Velden.model_validate(data)
    except ValidationError as fout:
        problemen.extend(_vertaal(fout))
        return None, problemen
    except RecursionError:
        return None, [((), "de YAML is te diep genest")]
    gezet = velden.__pydantic_fields_set__
    if soort == FUNCTIE and "functie" not in gezet:
        problemen.append((("functie",), "het verplichte veld 'functie' ontbreekt"))
    elif soort == FUNCTIE and velden.functie is None:
        problemen.append((("functie",), "verwacht een niet-lege tekst"))
    if soort == STANDAARD and "functie" in gezet:
        problemen.append((("functie",), _misplaatst("functie")))
    if soort == STANDAARD and "meerjaren" in gezet:
        problemen.append((("meerjaren",), "meerjaren hoort bovenaan een profiel- of eenheidsbestand, niet in standaard"))
    for naam, scenario in (velden.scenarios or {}).items():
        for veld in _NIET_IN_SCENARIO:
            if veld in scenario.__pydantic_fields_set__:
                problemen.append((("scenarios", naam, veld), _misplaatst(veld)))
    return (None if problemen else velden), problemen


def gezette_velden(model: Velden, *, zonder: tuple[str, ...] = ()) -> dict[str, Any]:
    """The fields the user actually wrote, in the model's order (for merging)."""
    gezet = model.__pydantic_fields_set__
    velden = {naam: getattr(model, naam) for naam in _VOLGORDE if naam in gezet and naam not in zonder}
    # nested parts become plain mappings of what was written, so a scenario can override
    # one product's volume or one ratio's een_per and keep the rest
    if velden.get("producten"):
        velden["producten"] = {naam: _geschreven(product) for naam, product in velden["producten"].items()}
    if velden.get("verhouding") is not None:
        velden["verhouding"] = _geschreven(velden["verhouding"])
    cc = velden.get("contactcentrum")
    if cc is not None:  # a plain mapping of what was written, so a scenario overrides field by field
        velden["contactcentrum"] = {naam: getattr(cc, naam) for naam in cc.__pydantic_fields_set__}
    return velden


def _geschreven(deel: BaseModel) -> dict[str, Any]:
    """The fields written in a nested part, nested parts (kanalen) as mappings too."""
    uit: dict[str, Any] = {}
    for naam in deel.__pydantic_fields_set__:
        waarde = getattr(deel, naam)
        if isinstance(waarde, dict):
            waarde = {k: _geschreven(v) for k, v in waarde.items()}
        uit[naam] = waarde
    return uit


_VOLGORDE = tuple(Velden.model_fields)


def _vertaal(fout: ValidationError) -> list[tuple[Pad, str]]:
    details = fout.errors(include_url=False)
    slechte_namen = {tuple(d["loc"][:-1]) for d in details if _sleutelfout(d)}
    problemen = []
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] == "invalid_key":  # a name that is not text in a nested part: `{volume: 1,5}`
            problemen.append((loc[:-1], (
                f"de naam {beschrijf(loc[-1])} is geen tekst; staat er een decimaalkomma in een "
                "regel met {...}? Zet de waarde dan tussen aanhalingstekens, bijvoorbeeld volume: '1,5'"
            )))
        elif _sleutelfout(detail):
            problemen.append((loc[:-2], (
                f"de naam {beschrijf(loc[-2])} is geen tekst; staat er een decimaalkomma in een "
                "regel met {...}? Zet de waarde dan tussen aanhalingstekens, bijvoorbeeld c: '0,5'"
            )))
        elif not any(loc[: len(n)] == n for n in slechte_namen):  # else the name says it all
            problemen.append((loc, _bericht(detail)))
    return problemen


def _sleutelfout(detail: Any) -> bool:
    """A name in a mapping that is not text (pydantic marks its place with `[key]`)."""
    loc = detail["loc"]
    return len(loc) >= 2 and loc[-1] == "[key]" and detail["type"] != "extra_forbidden"


def _bericht(detail: Any) -> str:
    """A pydantic error in Dutch."""
    soort, invoer, loc = detail["type"], detail.get("input"), detail["loc"]
    if invoer is None and len(loc) >= 2 and loc[-2] in ("aftrek", "verlof") and str(loc[-1])[:1].isdigit():
        return (
            f"'{loc[-1]}' heeft geen waarde; staat er een decimaalkomma in een regel met {{...}}? "
            "Zet de waarde dan tussen aanhalingstekens, bijvoorbeeld verzuim: '5,7%'"
        )
    if soort == FOUTSOORT:
        return str(detail["msg"])
    if soort == "extra_forbidden":
        return _misplaatst(str(loc[-1]))
    if soort in ("dict_type", "model_type", "model_attributes_type"):
        return f"verwacht een mapping (regels 'naam: waarde'), niet {beschrijf(invoer)}"
    if soort == "string_type":
        return f"verwacht tekst, niet {beschrijf(invoer)}"
    return f"ongeldige waarde {beschrijf(invoer)}: {detail['msg']}"  # pragma: no cover - a new pydantic error


def _misplaatst(veld: str) -> str:
    if veld in VELDNAMEN:
        return f"het veld '{veld}' hoort hier niet"
    return f"onbekend veld '{veld}'" + suggestie(veld, VELDNAMEN)


def suggestie(sleutel: object, bekend: tuple[str, ...]) -> str:
    """`; bedoelt u 'beschikbare_uren'?` for a key that looks like a known one, else nothing."""
    import difflib

    gelijkend = difflib.get_close_matches(str(sleutel), bekend, n=1, cutoff=0.6)
    return f"; bedoelt u '{gelijkend[0]}'?" if gelijkend else ""

