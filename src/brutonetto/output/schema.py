"""The JSON Schema of the input format, generated from the model, for editors.

`Velden` (model.py) holds every field with its Dutch description and the forms its parser
accepts; this module arranges those fields the way files hold them: a profile file, a
unit file, their scenarios and `standaard`. Unknown keys are errors here as in the tool.
VS Code and other editors that speak yaml-language-server complete and check a profile
that starts with `# yaml-language-server: $schema=../schema/brutonetto.schema.json`.
"""

from __future__ import annotations

import json
from typing import Any

from brutonetto import __version__
from brutonetto.input.model import Velden

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _velden() -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """The profile fields, and the nested parts they refer to (Product, Kanaal, Verhouding)."""
    schema = Velden.model_json_schema()
    delen = dict(schema.get("$defs", {}))
    eigenschappen = delen.pop("Velden", schema)["properties"]
    return _schoon(eigenschappen), {
        naam: {**{k: v for k, v in deel.items() if k not in ("title", "properties")}, "properties": _schoon(deel["properties"])}
        for naam, deel in delen.items()
    }


def _schoon(eigenschappen: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    # pydantic's titles and defaults say nothing an editor user needs
    return {naam: {k: v for k, v in p.items() if k not in ("title", "default")} for naam, p in eigenschappen.items()}


def _object(beschrijving: str, eigenschappen: dict[str, Any], verplicht: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "description": beschrijving,
        "properties": eigenschappen,
        "additionalProperties": False,
    }
    if verplicht:
        schema["required"] = verplicht
    return schema


def _definities() -> dict[str, Any]:
    velden, delen = _velden()
    functie = velden.pop("functie")
    functie["anyOf"] = [v for v in functie["anyOf"] if v.get("type") != "null"]  # required, never null
    meerjaren = velden.pop("meerjaren")  # at the top of a file only
    scenarios = {
        "type": "object",
        "description": velden.pop("scenarios")["description"],
        "propertyNames": {"not": {"const": "basis"}},
        "additionalProperties": {"$ref": "#/$defs/Scenario"},
    }
    standaard = {
        "description": "Standaardwaarden voor elke functie: een pad naar een YAML-bestand met profielvelden "
        "(relatief aan dit bestand, bijvoorbeeld ../configs/uwv-2023.yaml) of de velden zelf.",
        "anyOf": [{"type": "string", "minLength": 1}, {"$ref": "#/$defs/Standaard"}],
    }
    return {
        **delen,
        "Scenario": _object("Een scenario: een gedeeltelijk profiel dat over de basis wordt gelegd.", velden),
        "Standaard": _object(
            "Standaardwaarden, onder elke functie gelegd (een functie en haar scenario's gaan voor).",
            {**velden, "scenarios": scenarios},
        ),
        "Functie": _object("Eén functie met haar basis en scenario's.", {"functie": functie, **velden, "scenarios": scenarios}, ["functie"]),
        "Profielbestand": _object(
            "Een bestand met één functie.",
            {"functie": functie, **velden, "scenarios": scenarios, "standaard": standaard, "meerjaren": meerjaren},
            ["functie"],
        ),
        "Eenheidsbestand": _object(
            "Een bestand met de functies van een eenheid.",
            {
                "eenheid": velden["eenheid"],
                "standaard": standaard,
                "scenarios": {**scenarios, "description": "Scenario's voor elke functie (een scenario op functieniveau gaat voor)."},
                "meerjaren": meerjaren,
                "functies": {
                    "type": "array",
                    "minItems": 1,
                    "description": "De functies van de eenheid.",
                    "items": {"$ref": "#/$defs/Functie"},
                },
            },
            ["functies"],
        ),
    }


def bestandsschema() -> dict[str, Any]:
    """One schema accepting both a profile file and a unit file."""
    return {
        "$schema": DRAFT,
        "$id": "brutonetto.schema.json",
        "title": "brutonetto: profiel of eenheid",
        "description": f"Invoer voor de bruto/netto-berekening van brutonetto {__version__}: "
        "een profielbestand (met functie) of een eenheidsbestand (met functies).",
        "oneOf": [{"$ref": "#/$defs/Profielbestand"}, {"$ref": "#/$defs/Eenheidsbestand"}],
        "$defs": _definities(),
    }


def standaardschema() -> dict[str, Any]:
    """The schema of a defaults file (configs/), which holds profile fields only."""
    return {
        "$schema": DRAFT,
        "$id": "standaard.schema.json",
        "title": "brutonetto: standaardbestand",
        "description": "Standaardwaarden voor de bruto/netto-berekening, gebruikt met standaard: <pad>.",
        "$ref": "#/$defs/Standaard",
        "$defs": _definities(),
    }


def als_tekst(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
