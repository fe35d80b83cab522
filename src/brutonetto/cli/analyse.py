"""The work of the v2 analysis commands: realisation, budget and sensitivity.

Each function loads its input, hands it to the engine and returns a `Resultaat` with
typed rows (`inhoud.Rijen`); `commands` declares the options and `uitvoer` writes the
rows in the chosen format. Imports happen inside the functions: a command pays only for
what it uses.
"""

from __future__ import annotations

from pathlib import Path

from brutonetto.cli.uitvoer import Gebruiksfout, Resultaat
from brutonetto.errors import Fout


# realisation ----------------------------------------------------------------------------


def realisation(plan: str, csv_pad: str, scenario: str | None) -> Resultaat:
    from brutonetto.cli.inhoud import Rijen
    from brutonetto.engine.realisation import Realisatie
    from brutonetto.engine.realisatieplan import realiseer
    from brutonetto.engine.records import compute_records
    from brutonetto.input.functie import BASIS
    from brutonetto.input.loader import load
    from brutonetto.input.registraties import read_registraties
    from brutonetto.output.rijen import DATUM, FTE, PROCENT, UREN, Kolom

    lading = load([plan])
    invoer = [*lading.bestanden, Path(csv_pad)]
    if lading.fouten:
        return Resultaat(None, lading.fouten, lading.waarschuwingen, invoer)
    gekozen = scenario or BASIS
    if scenario is not None and scenario != BASIS:
        from brutonetto.cli.commands import _bekende_scenarios

        _bekende_scenarios(lading.functies, [scenario])
    rapport = compute_records(lading.functies, [gekozen])
    if rapport.fouten:
        return Resultaat(None, rapport.fouten, lading.waarschuwingen, invoer)
    # a functie without the chosen scenario is planned as its basis (its scenario is its basis)
    per_functie: dict[tuple[str | None, str], object] = {}
    for record in rapport.records:
        if record.scenario == gekozen or (record.eenheid, record.functie) not in per_functie:
            per_functie[(record.eenheid, record.functie)] = record
    plan_records = list(per_functie.values())

    fouten: list[Fout] = []
    try:
        with open(csv_pad, encoding="utf-8", newline="") as bestand:
            regels = read_registraties(bestand, csv_pad, fouten)
            uitkomsten, problemen = realiseer(plan_records, lading.functies, regels, csv_pad)
    except FileNotFoundError:
        return Resultaat(None, [Fout(csv_pad, "bestand bestaat niet")], lading.waarschuwingen, invoer)
    except IsADirectoryError:
        return Resultaat(None, [Fout(csv_pad, "is een map; geef het CSV-bestand")], lading.waarschuwingen, invoer)
    except UnicodeDecodeError:
        return Resultaat(None, [Fout(csv_pad, "het bestand is geen UTF-8; sla het in Excel op als "
                                              "'CSV UTF-8 (door komma's gescheiden)'")], lading.waarschuwingen, invoer)
    except OSError as fout:
        return Resultaat(None, [Fout(csv_pad, f"kan het bestand niet lezen: {fout.strerror or fout}")],
                         lading.waarschuwingen, invoer)
    fouten.extend(problemen)
    waarschuwingen = list(lading.waarschuwingen)
    if not fouten and not uitkomsten:
        waarschuwingen.append(f"{csv_pad}: geen registraties gevonden (alleen een kopregel?)")
    kolommen = [
        Kolom("functie", "Functie"),
        Kolom("eenheid", "Eenheid"),
        Kolom("aftrek", "Aftrek"),
        Kolom("van", "Van", DATUM),
        Kolom("tot", "Tot en met", DATUM),
        Kolom("gepland_per_fte", "Gepland per fte", UREN),
        Kolom("gerealiseerd_per_fte", "Gerealiseerd per fte (jaar)", UREN),
        Kolom("percentage", "Gerealiseerd", PROCENT),
        Kolom("niet_benut_uren", "Niet benut (uren)", UREN),
        Kolom("niet_benut_fte", "Niet benut (fte)", FTE),
    ]
    if not any(u.eenheid for u in uitkomsten):
        kolommen = [k for k in kolommen if k.sleutel != "eenheid"]
    inhoud = Rijen(uitkomsten, Realisatie._fields, kolommen)
    return Resultaat(inhoud, fouten, waarschuwingen, invoer)
