"""The input format as a pydantic model: the one place where outside data is validated.

Each fragment of a file (a functie, `standaard`, a scenario, the head of a unit file) is
validated where it is written, so every error has a path into the YAML document, and
every message is Dutch. Merging the fragments into one engine `Profiel` per scenario
happens afterwards, in `loader`, on plain values. Numbers and quantities are read by
`quantity`, exactly, through the field readers of `lezers`.

One model, `Velden`, holds every field a fragment may have; which fields may stand where
(no `functie` in a scenario, say) is checked in `valideer`. One model means one schema
for pydantic to build at start-up instead of four: this CLI is judged on cold start. For
the same reason the nested v2 parts (`delen`, `contactcentrum`) and `meerjaren` are read by
modules that are imported only when a file has them.
"""

import re
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError, core_schema

from brutonetto.errors import Pad
from brutonetto.input.lezers import (
    FOUTSOORT,
    Aftrek,
    Daguren,
    Lezer,
    NietNegatief,
    Percentage,
    Tekst,
    Uren,
    Weekuren,
    Weken,
)
from brutonetto.input.hoeveelheid import Invoerfout, beschrijf

if TYPE_CHECKING:
    from collections.abc import Callable

    from pydantic import TypeAdapter


class Deel:
    """A nested part of `Velden`, validated by its own model, which `laad` imports, and whose
    validator is built, when a file first has the part (a file without products, ratio roles
    or a queue does not pay for them). Its errors are placed under the field by pydantic
    (`producten.bezwaar.volume`)."""

    __slots__ = ("laad", "_adapter")

    def __init__(self, laad: "Callable[[], Any]") -> None:
        self.laad = laad
        self._adapter: "TypeAdapter[Any] | None" = None

    def adapter(self) -> "TypeAdapter[Any]":
        if self._adapter is None:
            from pydantic import TypeAdapter

            self._adapter = TypeAdapter(self.laad())
        return self._adapter

    def lees(self, waarde: Any) -> Any:
        return self.adapter().validate_python(waarde)

    def __get_pydantic_core_schema__(self, bron: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(self.lees)

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        # through the generator itself, not `handler(...)`: so each part's model is a `$defs`
        # entry that the file's fields refer to, as when it was a field's type (tests/test_editor.py)
        return handler.generate_json_schema.generate_inner(self.adapter().core_schema)


def _productenmodel() -> Any:
    from brutonetto.input.delen import Producten

    return Producten


def _verhoudingmodel() -> Any:
    from brutonetto.input.delen import Verhouding

    return Verhouding


def _contactcentrummodel() -> Any:
    from brutonetto.input.contactcentrum import Contactcentrum

    return Contactcentrum


def _kalendermodel() -> Any:
    from brutonetto.input.kalender import Kalender

    return Kalender


def _meerjaren(waarde: Any) -> Any:
    """`valideer` reads a file's own block first and reports every problem at its line; this
    catches a block where none belongs (a scenario), which is refused there anyway."""
    from brutonetto.input.meerjaren import lees_meerjaren

    meerjaren, problemen = lees_meerjaren(waarde)
    if meerjaren is None:
        raise Invoerfout(problemen[0][1])
    return meerjaren


_BEDRAGTEKST = r"^\s*(eur\s*|€\s*)?\d+([.,]\d+)?\s*(k|mln|miljoen)?\s*$"
MeerjarenVeld = Annotated[Any, Lezer(_meerjaren, json={
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
    # the nested parts, each with a model of its own (see Deel)
    producten: Annotated[Any, Deel(_productenmodel)] | None = Field(
        None,
        description="Werklast uit volumes en normtijden: per product volume x normtijd (of een mix over kanalen). "
        "Vervangt werklast_uren.",
    )
    verhouding: Annotated[Any, Deel(_verhoudingmodel)] | None = Field(
        None, description="Een verhoudingsfunctie: fte nodig = fte (nodig) van 'van' / een_per, bijvoorbeeld 1 per 30."
    )
    contactcentrum: Annotated[Any, Deel(_contactcentrummodel)] | None = Field(
        None, description="Werklast van een wachtrij met Erlang C: agenten per interval x weken open. Vervangt werklast_uren."
    )
    kalender: Annotated[Any, Deel(_kalendermodel)] | None = Field(
        None, description="De kalender van het jaar: bruto uren uit de werkdagen, feestdagen: kalender uit de "
        "feestdagen op een werkdag. Bijvoorbeeld kalender: {jaar: 2027}.",
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
        # `Basis`, `basis ` or basis with an invisible character would print as a second basis row
        if scenarios and any(_lijkt_basis(naam) for naam in scenarios):
            anders = "" if "basis" in scenarios else (
                ", ook niet anders geschreven ('Basis', met spaties of onzichtbare tekens)")
            raise PydanticCustomError(
                FOUTSOORT, f"'basis' is de basis zelf en kan geen scenario zijn{anders}; kies een andere naam"
            )
        return scenarios


# Where a fragment stands, and the fields it may not hold there.
FUNCTIE = "functie"  # an item of `functies`, or a single-profile file (its `standaard` taken out)
STANDAARD = "standaard"  # inline `standaard:` or a defaults file
EENHEID = "eenheid"  # the head of a unit file (its `standaard` and `functies` taken out)
_EENHEIDSKOP = ("eenheid", "scenarios", "meerjaren")
_NIET_IN_SCENARIO = ("functie", "scenarios", "meerjaren")
_MEERJAREN_BOVENAAN = "meerjaren hoort bovenaan een profiel- of eenheidsbestand, "

VELDNAMEN: tuple[str, ...] = tuple(sorted({*Velden.model_fields, "standaard", "functies"}))


def valideer(data: Any, soort: str) -> tuple[Velden | None, list[tuple[Pad, str]]]:
    """Validate one fragment; the problems as (field path, Dutch message), all of them."""
    problemen: list[tuple[Pad, str]] = []
    if soort == EENHEID and isinstance(data, dict):
        for sleutel in data:
            if sleutel not in _EENHEIDSKOP:
                bericht = _misplaatst(sleutel)
                if sleutel in Velden.model_fields:  # a profile field at a unit's top: meant for every functie
                    bericht += (f" (bovenaan een eenheidsbestand); voor alle functies zet u het onder "
                                f"standaard: {{{sleutel}: ...}}, of bij één functie in de lijst functies")
                problemen.append(((sleutel,), bericht))
        data = {k: v for k, v in data.items() if k in _EENHEIDSKOP}
    if isinstance(data, dict) and isinstance(data.get("scenarios"), dict):  # its place first, not its content
        scenarios = {}
        for naam, scenario in data["scenarios"].items():
            if isinstance(scenario, dict) and "meerjaren" in scenario:
                problemen.append((("scenarios", naam, "meerjaren"), _MEERJAREN_BOVENAAN + "niet in een scenario"))
                scenario = {k: v for k, v in scenario.items() if k != "meerjaren"}
            scenarios[naam] = scenario
        data = {**data, "scenarios": scenarios}
    if soort != STANDAARD and isinstance(data, dict) and data.get("meerjaren") is not None:
        from brutonetto.input.meerjaren import lees_meerjaren

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
        problemen.append((("meerjaren",), _MEERJAREN_BOVENAAN + "niet in standaard"))
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
    if velden.get("kalender") is not None:
        velden["kalender"] = _geschreven(velden["kalender"])
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
            datum = re.fullmatch(r"datetime\.date\((\d+), (\d+), (\d+)\)", str(loc[-2]))
            if datum is not None:  # a name like 2023-01-01 reads as a date in YAML, shown as Python writes one
                tekst = "{}-{:02d}-{:02d}".format(*map(int, datum.groups()))
                problemen.append((loc[:-2], f"de naam '{tekst}' leest YAML als een datum; zet hem tussen "
                                            f"aanhalingstekens: '{tekst}'"))
                continue
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
    if soort == "recursion_loop":
        return "deze waarde bevat zichzelf (een alias * binnen zijn eigen anker &); schrijf de waarden uit"
    return f"ongeldige waarde {beschrijf(invoer)}: {detail['msg']}"  # pragma: no cover - a new pydantic error


def _misplaatst(veld: str) -> str:
    if veld in VELDNAMEN:
        return f"het veld '{veld}' hoort hier niet"
    return f"onbekend veld '{veld}'" + suggestie(veld, VELDNAMEN)


def _lijkt_basis(naam: object) -> bool:
    import unicodedata

    tekst = unicodedata.normalize("NFKC", str(naam))
    zichtbaar = "".join(c for c in tekst if unicodedata.category(c) not in ("Cf", "Cc", "Zs", "Zl", "Zp"))
    return zichtbaar.casefold() == "basis"


def suggestie(sleutel: object, bekend: tuple[str, ...], drempel: float = 0.6) -> str:
    """`; bedoelt u 'beschikbare_uren'?` for a key that looks like a known one, else nothing.

    A field name is a typo of a known one; a rule name is the user's own word, so a rule
    asks for a closer match (`verzuim` is not a typo of `overig`)."""
    import difflib

    gelijkend = difflib.get_close_matches(str(sleutel), bekend, n=1, cutoff=drempel)
    return f"; bedoelt u '{gelijkend[0]}'?" if gelijkend else ""

