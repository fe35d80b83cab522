"""One entry point from paths to resolved profiles: `load(paden) -> Lading`.

read -> parse -> validate each fragment where it is written -> merge `standaard`, the
functie and its scenarios into one `Profiel` (domain/profiel.py) per scenario. Every problem becomes a
`Fout` with file, line and field path; all of them are collected, none is raised.
"""

from __future__ import annotations

import gc
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator, NamedTuple, TYPE_CHECKING

from brutonetto.domain.functie import BASIS, Functie, Herkomst, Invoer
from brutonetto.domain.hoeveelheid import UUR
from brutonetto.domain.profiel import Profiel
from brutonetto.errors import Fout, Pad
from brutonetto.input.model import EENHEID, FUNCTIE, STANDAARD, Velden, gezette_velden, suggestie, valideer
from brutonetto.input.source import (
    FORMATIE_EXTENSIES, STDIN, YAML_EXTENSIES, Bron, Invoertekst, expand, parse, read, verwijzing, zonder_waarden,
)

if TYPE_CHECKING:  # contract v2's parts are imported where a file has them (cold start)
    from brutonetto.input.meerjaren import Meerjaren

_SAMENGESTELD = ("verlof", "aftrek")
_DIEP_SAMENGEVOEGD = ("producten", "verhouding", "kalender")  # merged field by field, to any depth


class Lading(NamedTuple):
    """What a run loaded: its functies, every problem, every file it read (defaults too), and warnings."""

    functies: list[Functie]
    fouten: list[Fout]
    bestanden: list[Path]
    waarschuwingen: list[str]
    meerjaren: list[tuple[Bron, Meerjaren]] = []  # each file's `meerjaren` block (budget), where written
    # functies whose fields failed, with only their self-contained parts: checked on their own
    deelprofielen: list[Functie] = []


def load(paden: list[str], alleen_onder: Path | None = None) -> Lading:
    """Every functie in the given files, directories or stdin, and every problem found.

    With `alleen_onder` (--alleen-onder, for running on others' behalf) every file read, the
    given ones and those they name, must lie under that folder, symbolic links resolved."""
    uit_mappen: set[str] = set()
    bestanden, fouten = expand(paden, alleen_onder, uit_mappen)
    lader = _Bestandslader(alleen_onder)
    functies: list[Functie] = []
    gelezen_per_bestand: list[tuple[str, list[Functie], list[Fout], list]] = []
    # Reading builds millions of objects that all stay alive (or die by reference count:
    # YAML nodes and plain data hold no cycles), so the cyclic garbage collector would
    # only walk them again and again: on a 10,000-functie file that was half the time.
    # It is paused while loading, and resumes as it was, whatever happens.
    gc_aan = gc.isenabled()
    gc.disable()
    try:
        for naam in bestanden:
            voor = len(lader.meerjaren)
            gevonden, problemen = lader.bestand(naam)
            gelezen_per_bestand.append((naam, gevonden, problemen, lader.meerjaren[voor:]))
    finally:
        if gc_aan:
            gc.enable()
    # A folder as people keep it: `configs/` beside `units/`. A file found in a folder that
    # another file of the run names as its `standaard` is that: a standaard, not a profile.
    standaarden = {pad.resolve() for pad in lader.standaarden} if uit_mappen else set()
    meerjaren = []
    waarschuwingen: list[str] = list(lader.waarschuwingen)
    for naam, gevonden, problemen, blokken in gelezen_per_bestand:
        if naam in uit_mappen and Path(naam).resolve() in standaarden:
            continue
        if naam in uit_mappen and len(problemen) == 1 and problemen[0].bericht.startswith(STANDAARDBESTAND):
            # another year's standaard beside the one in use: skipped, and said so
            waarschuwingen.append(f"{naam}: overgeslagen: een standaardbestand dat geen profiel in deze run gebruikt")
            continue
        functies.extend(gevonden)
        fouten.extend(problemen)
        meerjaren.extend(blokken)
    fouten.extend(_dubbele_functies(functies + lader.deelprofielen))
    gelezen = _bestandspaden(bestanden) + list(lader.standaarden) + _aanbodbestanden(functies)
    waarschuwingen += _zonder_verlof(functies) + _als_fractie(functies)
    return Lading(functies, fouten, gelezen, waarschuwingen, meerjaren, lader.deelprofielen)


def _bestandspaden(bestanden: list[str]) -> list[Path]:
    """The files among a run's inputs: not standard input, not a text handed in (the API)."""
    return [Path(naam) for naam in bestanden if naam != STDIN and not isinstance(naam, Invoertekst)]


def _aanbodbestanden(functies: list[Functie]) -> list[Path]:
    """The CSV files a queue's `aanbod` named: read, so inputs too (`--output` never replaces one)."""
    gelezen: dict[Path, None] = {}
    for functie in functies:
        for invoer in (functie.basis, *functie.scenarios.values()):
            cc = invoer.profiel.contactcentrum
            for _, _, waar in (cc.aanbod if cc is not None else ()):
                if waar:
                    gelezen.setdefault(Path(waar.rsplit(":", 1)[0]))
    return list(gelezen)


def _zonder_verlof(functies: list[Functie]) -> list[str]:
    """Contract hours without verlof or beschikbare_uren: valid, but bruto then counts as available.

    That is rarely meant (it gives some 95% direct), so say where, once per place written.
    """
    gemeld: dict[str, None] = {}
    for functie in functies:
        for invoer in (functie.basis, *functie.scenarios.values()):
            profiel = invoer.profiel
            if profiel.uren_per_week is None or profiel.verlof or profiel.beschikbare_uren is not None:
                continue
            waar = invoer.herkomst.waar(("uren_per_week",)) or functie.bestand
            gemeld.setdefault(
                f"{waar}: functie '{functie.naam}': uren_per_week zonder verlof of beschikbare_uren; "
                "alle bruto uren tellen nu als beschikbaar (geen vakantie, geen feestdagen): "
                "geef verlof of beschikbare_uren"
            )
    return list(gemeld)


def _als_fractie(functies: list[Functie]) -> list[str]:
    """A bare number below 1 under verlof or aftrek is hours, but reads like a share:
    `verzuim: 0.057` is 0,057 uur where 5,7% was surely meant. Said once per place written."""
    gemeld: dict[str, None] = {}
    for functie in functies:
        gezien: set[tuple[str, str, int]] = set()  # a line a scenario inherits is the basis's, at the basis's place
        for invoer in (functie.basis, *functie.scenarios.values()):
            for soort, regels in (("verlof", invoer.profiel.verlof), ("aftrek", invoer.profiel.aftrek)):
                for naam, hoeveelheid in regels.items():
                    if hoeveelheid.eenheid != UUR or not 0 < hoeveelheid.getal < 1:
                        continue
                    if (soort, naam, id(hoeveelheid)) in gezien:
                        continue
                    gezien.add((soort, naam, id(hoeveelheid)))
                    veld = (soort, naam)
                    getypt = invoer.herkomst.getypt(veld) or ""
                    if not _KAAL_GETAL.fullmatch(getypt):  # `0,5 uur` says hours in words
                        continue
                    waar = invoer.herkomst.waar(veld) or functie.bestand
                    uren = format(hoeveelheid.getal, "f").replace(".", ",")
                    procent = format((hoeveelheid.getal * 100).normalize(), "f").replace(".", ",")
                    gemeld.setdefault(f"{waar}: {soort}.{naam}: {uren} uur: bedoelt u {procent}%?")
    return list(gemeld)


_KAAL_GETAL = re.compile(r"\s*\+?\d*[.,]?\d+\s*")


_ANDERE_SPREADSHEETS = (".xls", ".xlsm", ".xlsb", ".ods", ".numbers")
STANDAARDBESTAND = "dit lijkt een standaardbestand"
# fields a standaard does not set: a file with one of them is a profile that lost its `functie`
EIGEN_AAN_EEN_FUNCTIE = {"eenheid", "fte", "werklast_uren", "producten", "contactcentrum", "verhouding", "meerjaren"}
DELEN = ("producten", "contactcentrum", "verhouding")  # parts of a profile checked on their own


class _Bestandslader:
    """Loads files of one run; a `standaard` file shared by many is read and checked once."""

    def __init__(self, alleen_onder: Path | None = None) -> None:
        self.alleen_onder = alleen_onder
        self._standaarden: dict[Path, tuple[Bron | None, Velden | None, list[Fout]]] = {}
        self._gemeld: set[Path] = set()
        self.meerjaren: list[tuple[Bron, Meerjaren]] = []
        self.deelprofielen: list[Functie] = []
        self.waarschuwingen: list[str] = []  # a spreadsheet's (its formulas' stored values used)

    @property
    def standaarden(self) -> list[Path]:
        return list(self._standaarden)

    def bestand(self, naam: str) -> tuple[list[Functie], list[Fout]]:
        if naam != STDIN and Path(naam).suffix.lower() in FORMATIE_EXTENSIES:
            return self._formatie(naam)
        if naam != STDIN and Path(naam).suffix.lower() in _ANDERE_SPREADSHEETS:  # else: "geen UTF-8"
            return [], [Fout(naam, f"een {Path(naam).suffix.lower()}-bestand leest brutonetto niet; bewaar het in "
                                   "Excel als Excel-werkmap (*.xlsx) of als CSV UTF-8 (*.csv)")]
        bron = read(naam, self.alleen_onder)
        if isinstance(bron, Fout):
            return [], [bron]
        data, fout = parse(bron)
        if fout is not None:
            return [], [fout]
        return self._data(bron, data)

    def _formatie(self, naam: str) -> tuple[list[Functie], list[Fout]]:
        """A spreadsheet's rows, as the unit file they stand for, checked and merged as YAML is."""
        from brutonetto.input.formatie import lees

        gelezen = lees(naam, self.alleen_onder)
        self.waarschuwingen.extend(gelezen.waarschuwingen)
        if gelezen.bron is None or gelezen.data is None:
            return [], gelezen.fouten
        functies, fouten = self._data(gelezen.bron, gelezen.data)  # type: ignore[arg-type]
        return functies, gelezen.fouten + fouten

    def _data(self, bron: Bron, data: Any) -> tuple[list[Functie], list[Fout]]:
        if data is None:
            return [], [Fout(bron.naam, "het bestand is leeg; verwacht een profiel met 'functie' of een eenheid met 'functies'")]
        if not isinstance(data, dict):
            soort = "een lijst" if isinstance(data, list) else f"de waarde '{data}'"
            return [], [bron.fout(
                f"verwacht een profiel (een mapping met 'functie') of een eenheidsbestand "
                f"(een mapping met 'functies'), niet {soort}"
            )]
        if "functie" in data and "functies" in data:
            return [], [bron.fout("een bestand heeft 'functie' (één profiel) of 'functies' (een eenheid), niet allebei", ("functies",))]
        if "functie" not in data and "functies" not in data:
            if set(data) <= set(Velden.model_fields) - {"functie"} and not set(data) & EIGEN_AAN_EEN_FUNCTIE:
                return [], [bron.fout(
                    f"{STANDAARDBESTAND} (alleen profielvelden, geen 'functie'); gebruik het "
                    f"vanuit een profiel met standaard: {bron.naam}, of voeg 'functie: <naam>' toe"
                )]
            return [], [bron.fout(
                "verwacht 'functie' (één profiel) of 'functies' (een eenheid met een lijst functies)"
                + next(filter(None, (suggestie(k, ("functie", "functies")) for k in data)), "")
            )]

        fouten: list[Fout] = []
        standaard, standaardplek, standaard_mislukt = self._standaard(bron, data, fouten)
        afgewezen: set[str] = set()  # functies of this unit that could not be read
        if "functies" in data:
            kop, items = self._eenheid(bron, data, fouten, afgewezen)
            if kop is None or standaard_mislukt:  # computing would only add false problems: the parts
                self._meerjaren_van(bron, kop.meerjaren if kop is not None else data.get("meerjaren"))
                for prefix, _ in items:
                    self._deel(bron, prefix, data["functies"][prefix[1]], data)
                return [], fouten
            eenheid, bestandsscenarios = kop.eenheid, kop.scenarios or {}
            meerjaren = kop.meerjaren
        else:
            profiel = _valideer(FUNCTIE, _zonder_standaard(data), bron, (), fouten)
            if profiel is None or standaard_mislukt:
                self._meerjaren_van(bron, profiel.meerjaren if profiel is not None else data.get("meerjaren"))
                self._deel(bron, (), data)
                return [], fouten
            items = [((), profiel)]
            eenheid, bestandsscenarios = None, {}
            meerjaren = profiel.meerjaren

        if meerjaren is not None:
            self.meerjaren.append((bron, meerjaren))
        gedeeld = _Gedeeld.van(eenheid, bestandsscenarios, standaard, standaardplek)
        functies = [_functie(bron, prefix, functieprofiel, gedeeld) for prefix, functieprofiel in items]
        return _zonder_volgers(functies, afgewezen), fouten

    def _deel(self, bron: Bron, prefix: Pad, ruw: Any, eenheidsbestand: dict | None = None) -> None:
        """A functie that cannot be computed (its fields, its file's standaard or head fail): its
        self-contained parts (each product, the queue, the ratio's name) and the names of its
        scenarios and its file's, as far as they read well on their own, are kept for their own
        checks (`Lading.deelprofielen`): a wrong verzuim does not hide kanalen that add up to
        80%, an unknown `van` or a meerjaren scenario it has. Field problems are reported already."""
        if not isinstance(ruw, dict) or not isinstance(ruw.get("functie"), str):
            return
        deel: dict[str, Any] = {k: ruw[k] for k in ("functie", *DELEN) if k in ruw and k != "producten"}
        if isinstance(ruw.get("producten"), dict):  # each product on its own: one bad normtijd hides no other
            goed = {naam: product for naam, product in ruw["producten"].items()
                    if valideer({"functie": ruw["functie"], "producten": {naam: product}}, FUNCTIE)[0] is not None}
            if goed:
                deel["producten"] = goed
        if valideer(deel, FUNCTIE)[0] is None:  # a part that fails on its own is reported already
            deel = {"functie": ruw["functie"], **({"producten": deel["producten"]} if "producten" in deel else {})}
        namen = [naam for bron_ in (ruw, eenheidsbestand or {}) if isinstance(bron_.get("scenarios"), dict)
                 for naam in bron_["scenarios"]]
        deel["scenarios"] = {naam: {} for naam in namen if isinstance(naam, str) and naam != BASIS}
        eenheid = ruw.get("eenheid", (eenheidsbestand or {}).get("eenheid"))
        if isinstance(eenheid, str):
            deel["eenheid"] = eenheid
        velden = _valideer(FUNCTIE, deel, bron, prefix, [])
        if velden is not None:
            self.deelprofielen.append(_functie(bron, prefix, velden, _Gedeeld.van(None, {}, None, None)))

    def _meerjaren_van(self, bron: Bron, meerjaren: Any) -> None:
        """A file that cannot be computed still has its meerjaren block checked (a second block,
        its scenario's name): read whole, or else only its scenario's name."""
        from brutonetto.input.meerjaren import Meerjaren

        if isinstance(meerjaren, Meerjaren):
            self.meerjaren.append((bron, meerjaren))
        elif isinstance(meerjaren, dict):
            scenario = meerjaren.get("scenario")
            self.meerjaren.append((bron, Meerjaren(scenario if isinstance(scenario, str) else None, Decimal(0), {})))

    def _eenheid(
        self, bron: Bron, data: dict, fouten: list[Fout], afgewezen: set[str]
    ) -> tuple[Velden | None, list[tuple[Pad, Velden]]]:
        ruwe_functies = data["functies"]
        kop = _valideer(
            EENHEID,
            {k: v for k, v in _zonder_standaard(data).items() if k != "functies"},
            bron, (), fouten,
        )
        if not isinstance(ruwe_functies, list):
            fouten.append(bron.fout("verwacht een lijst functies, elk beginnend met '- functie: ...'", ("functies",)))
            return None, []
        if not ruwe_functies:
            fouten.append(bron.fout("de lijst functies is leeg", ("functies",)))
        items = []
        for i, ruw in enumerate(ruwe_functies):
            misplaatst = isinstance(ruw, dict) and "meerjaren" in ruw  # its place first, not its content
            if misplaatst:
                fouten.append(bron.fout(
                    "meerjaren hoort bovenaan het eenheidsbestand (naast functies), niet bij één functie",
                    ("functies", i, "meerjaren"),
                ))
                ruw = {k: v for k, v in ruw.items() if k != "meerjaren"}
            profiel = _valideer(FUNCTIE, ruw, bron, ("functies", i), fouten)
            if profiel is None:
                self._deel(bron, ("functies", i), ruw, data)
            if (profiel is None or misplaatst) and isinstance(ruw, dict) and isinstance(ruw.get("functie"), str):
                afgewezen.add(ruw["functie"].strip())
            elif profiel is not None:
                items.append((("functies", i), profiel))
        return kop, items

    def _standaard(
        self, bron: Bron, data: dict, fouten: list[Fout]
    ) -> tuple[Velden | None, tuple[Bron, Pad] | None, bool]:
        """The defaults of a file, where they are written, and whether they failed to load."""
        ruw = data.get("standaard")
        if ruw is None:
            return None, None, False
        if not isinstance(ruw, str):
            standaard = _valideer(STANDAARD, ruw, bron, ("standaard",), fouten)
            return standaard, (bron, ("standaard",)), standaard is None
        pad = verwijzing(bron.map, ruw, "het standaardbestand", YAML_EXTENSIES, bron.alleen_onder)
        if isinstance(pad, str):
            fouten.append(bron.fout(pad, ("standaard",)))
            return None, None, True
        if pad not in self._standaarden:
            # named as the user would: the profile's own folder as given, then the relative path
            naam = os.path.normpath(os.path.join(os.path.dirname(bron.naam) if bron.pad else "", ruw))
            self._standaarden[pad] = self._lees_standaard(pad, naam)
        standaardbron, standaard, problemen = self._standaarden[pad]
        if problemen and pad not in self._gemeld:
            fouten.extend(problemen)  # problems inside the file: once per run
            self._gemeld.add(pad)
        if standaardbron is None:
            return None, None, True
        return standaard, (standaardbron, ()), bool(problemen)

    def _lees_standaard(self, pad: Path, naam: str) -> tuple[Bron | None, Velden | None, list[Fout]]:
        """The defaults in a file a profile names; its problems without the values read from it
        (`source.zonder_waarden`): the user did not choose what the profile points at."""
        bron = read(str(pad), self.alleen_onder, verwezen=True)
        if isinstance(bron, Fout):
            return None, None, [bron._replace(bestand=naam)]
        bron.naam, bron.verwezen = naam, True
        standaard, problemen = self._standaardvelden(bron)
        return bron, standaard, [zonder_waarden(p, bron.tekst) for p in problemen]

    @staticmethod
    def _standaardvelden(bron: Bron) -> tuple[Velden | None, list[Fout]]:
        data, fout = parse(bron)
        if fout is not None:
            return None, [fout]
        if not isinstance(data, dict):
            return None, [bron.fout("een standaardbestand is een mapping van profielvelden (beschikbare_uren, aftrek, ...)")]
        for verboden in ("standaard", "functie", "functies"):
            if verboden in data:
                return None, [bron.fout(
                    f"een standaardbestand bevat alleen profielvelden, geen '{verboden}'", (verboden,)
                )]
        fouten: list[Fout] = []
        return _valideer(STANDAARD, data, bron, (), fouten), fouten


class _Gedeeld(NamedTuple):
    """What every functie of a file inherits, with the fields written worked out once."""

    eenheid: str | None
    standaardvelden: dict[str, Any]
    standaardscenarios: dict[str, dict[str, Any]]
    bestandsscenarios: dict[str, dict[str, Any]]
    standaardplek: tuple[Bron, Pad] | None

    @classmethod
    def van(
        cls,
        eenheid: str | None,
        bestandsscenarios: dict[str, Velden],
        standaard: Velden | None,
        standaardplek: tuple[Bron, Pad] | None,
    ) -> _Gedeeld:
        return cls(
            eenheid,
            gezette_velden(standaard, zonder=("scenarios",)) if standaard else {},
            {n: gezette_velden(s) for n, s in ((standaard.scenarios if standaard else None) or {}).items()},
            {n: gezette_velden(s) for n, s in bestandsscenarios.items()},
            standaardplek,
        )


def _functie(bron: Bron, prefix: Pad, profiel: Velden, gedeeld: _Gedeeld) -> Functie:
    """Merge standaard <- functie into the basis, and basis <- scenario for each scenario."""
    eigen_velden = gezette_velden(profiel, zonder=("functie", "scenarios", "meerjaren"))
    basisvelden = _merge(gedeeld.standaardvelden, eigen_velden)
    if "eenheid" not in eigen_velden and gedeeld.eenheid is not None:
        basisvelden["eenheid"] = gedeeld.eenheid

    eigen = {n: gezette_velden(s) for n, s in (profiel.scenarios or {}).items()}
    lagen = (gedeeld.standaardscenarios, gedeeld.bestandsscenarios, eigen)
    standaardplek = gedeeld.standaardplek
    # the file's own root last: a unit file's `eenheid` is written there
    basisplekken = ((bron, prefix),) + ((standaardplek,) if standaardplek else ()) + (((bron, ()),) if prefix else ())
    basis = Invoer(BASIS, _profiel(profiel.functie, basisvelden), Herkomst(basisplekken))
    scenarios = {}
    for naam in dict.fromkeys([*lagen[0], *lagen[1], *lagen[2]]):
        velden = basisvelden
        for laag in lagen:
            if naam in laag:
                overlay = laag[naam] if laag is eigen else _gedeeld_voor(laag[naam], basisvelden)
                velden = _merge(velden, overlay)
        plekken = [(bron, prefix + ("scenarios", naam)), (bron, ("scenarios", naam))]
        if standaardplek:
            plekken.append((standaardplek[0], standaardplek[1] + ("scenarios", naam)))
        herkomst = Herkomst(tuple(plekken) + basisplekken)
        scenarios[naam] = Invoer(naam, _profiel(profiel.functie, velden), herkomst)
    return Functie(bron, profiel.functie, basis.profiel.eenheid, basis, scenarios)


def _merge(onder: dict[str, Any], boven: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge `boven` over `onder`.

    A deduction is overridden by name and added by a new name; `0` removes an inherited
    one. `null` removes an inherited field (say, `beschikbare_uren` to give verlof instead).
    """
    uitkomst = dict(onder)
    for veld, waarde in boven.items():
        if waarde is None:
            uitkomst.pop(veld, None)
        elif veld == "contactcentrum" and veld in uitkomst:  # field by field; aanbod per interval
            samen = {**uitkomst[veld], **waarde}
            if isinstance(uitkomst[veld].get("aanbod"), dict) and isinstance(waarde.get("aanbod"), dict):
                samen["aanbod"] = {**uitkomst[veld]["aanbod"], **waarde["aanbod"]}
            uitkomst[veld] = samen
        elif veld in _SAMENGESTELD and veld in uitkomst:
            samen = dict(uitkomst[veld])
            for naam, hoeveelheid in waarde.items():
                if hoeveelheid.is_nul and naam in samen:
                    del samen[naam]
                else:
                    samen[naam] = hoeveelheid
            uitkomst[veld] = samen
        elif veld in _DIEP_SAMENGEVOEGD and veld in uitkomst:
            uitkomst[veld] = _diep(uitkomst[veld], waarde)
        else:
            uitkomst[veld] = waarde
    return uitkomst


def _gedeeld_voor(overlay: dict[str, Any], basisvelden: dict[str, Any]) -> dict[str, Any]:
    """A shared scenario (file or standaard level) as it applies to one functie.

    It changes the products and the ratio a functie has; a partial product or ratio the
    functie does not have (`groei: {producten: {intake: {volume: 130000}}}` over a unit whose
    senior has no products) is not for this functie, and is left out rather than half-made.
    """
    if "producten" not in overlay and "verhouding" not in overlay and "contactcentrum" not in overlay:
        return overlay
    overlay = dict(overlay)
    cc = overlay.get("contactcentrum")
    if cc is not None and "contactcentrum" not in basisvelden and not {"interval", "gespreksduur", "servicelevel", "aanbod"} <= set(cc):
        del overlay["contactcentrum"]  # a queue's settings changed, for the functies that answer one
    eigen = basisvelden.get("producten") or {}
    if "producten" in overlay and overlay["producten"] is not None:
        overlay["producten"] = {
            n: deel for n, deel in overlay["producten"].items() if n in eigen or _compleet(deel)
        }
        if not overlay["producten"]:
            del overlay["producten"]
    if overlay.get("verhouding") is not None and "verhouding" not in basisvelden and "van" not in overlay["verhouding"]:
        del overlay["verhouding"]
    return overlay


def _compleet(product: dict[str, Any]) -> bool:
    return "volume" in product and ("normtijd" in product or "kanalen" in product)


def _diep(onder: dict[str, Any], boven: dict[str, Any]) -> dict[str, Any]:
    """A product, a channel or a ratio overridden field by field: `{volume: 250000}` keeps the normtijd."""
    uitkomst = dict(onder)
    for sleutel, waarde in boven.items():
        oud = uitkomst.get(sleutel)
        uitkomst[sleutel] = _diep(oud, waarde) if isinstance(oud, dict) and isinstance(waarde, dict) else waarde
    return uitkomst


def _profiel(functie: str, velden: dict[str, Any]) -> Profiel:
    if "producten" in velden:
        from brutonetto.domain.capaciteit import Kanaal, Product

        velden = dict(velden)
        velden["producten"] = {
            naam: Product(
                volume=deel.get("volume"),
                normtijd=deel.get("normtijd"),
                kanalen={k: Kanaal(**kanaal) for k, kanaal in (deel.get("kanalen") or {}).items()},
            )
            for naam, deel in velden["producten"].items()
        }
    if "verhouding" in velden:
        from brutonetto.domain.capaciteit import Verhouding

        velden = dict(velden)
        velden["verhouding"] = Verhouding(**velden["verhouding"])
    if "kalender" in velden:
        from brutonetto.domain.profiel import Kalender

        kalender = {k: v for k, v in velden["kalender"].items() if v is not None}
        velden = {**velden, "kalender": Kalender(**{"jaar": None, **kalender}) if kalender else None}
    if "contactcentrum" in velden:
        from brutonetto.input.contactcentrum import wachtrij

        velden = {**velden, "contactcentrum": wachtrij(velden["contactcentrum"])}
    return Profiel(functie=functie, **velden)


def _zonder_standaard(data: dict) -> dict:
    """The file without `standaard`, which `_Bestandslader._standaard` validates on its own."""
    return {k: v for k, v in data.items() if k != "standaard"}


def _valideer(soort: str, data: Any, bron: Bron, prefix: Pad, fouten: list[Fout]) -> Velden | None:
    velden, problemen = valideer(data, soort)
    fouten.extend(bron.fout(bericht, prefix + pad) for pad, bericht in problemen)
    if velden is not None and _met_wachtrij(velden):
        from brutonetto.input.contactcentrum import met_csv  # an aanbod CSV, relative to this file

        velden, problemen = met_csv(velden, bron, lambda bericht, pad: bron.fout(bericht, prefix + pad))
        fouten.extend(problemen)
        return None if problemen else velden
    return velden


def _zonder_volgers(functies: list[Functie], afgewezen: set[str]) -> list[Functie]:
    """Without the ratio roles that follow a functie that could not be read (and those that follow
    them): that functie's problem is reported; computing them would only add a false one
    ("onbekende functie")."""
    while afgewezen:
        volgers = {f.naam for f in functies if f.basis.profiel.verhouding and f.basis.profiel.verhouding.van in afgewezen}
        functies = [f for f in functies if f.naam not in volgers]
        afgewezen = volgers
    return functies


def _met_wachtrij(velden: Velden) -> bool:
    """Whether a fragment or one of its scenarios has a `contactcentrum`."""
    return velden.contactcentrum is not None or any(_met_wachtrij(s) for s in (velden.scenarios or {}).values())


def _dubbele_functies(functies: list[Functie]) -> list[Fout]:
    """A functie is unique per eenheid within a run: else its rows could not be told apart."""
    eerste: dict[tuple[str | None, str], Functie] = {}
    fouten = []
    for functie in functies:
        sleutel = (functie.eenheid, functie.naam)
        if sleutel in eerste:
            ander = eerste[sleutel]
            plek = ander.basis.herkomst.fout("")
            waar = plek.plek(kolom=False)
            eenheid = f" in eenheid '{functie.eenheid}'" if functie.eenheid else ""
            fouten.append(functie.basis.herkomst.fout(
                f"functie '{functie.naam}'{eenheid} komt twee keer voor (ook in {waar}); "
                "geef elke functie een eigen naam", ("functie",)
            ))
        else:
            eerste[sleutel] = functie
    return fouten


class Stroom:
    """A run loaded functie by functie, for computing and writing as it goes (`compute` to a file
    format): memory holds one functie at a time, not the file.

    `functies()` yields each functie of every file in the order written. It stops at the
    first thing it does not take on itself, and sets `terug`: a problem (whose message and
    line, and every other problem, the whole-file `load` gives), a file of another shape, a
    functie name written twice. The caller then discards what it made and runs `load`.
    """

    def __init__(self, paden: list[str], alleen_onder: Path | None = None) -> None:
        self.paden, self.alleen_onder = paden, alleen_onder
        self.terug = False
        self.bestanden: list[Path] = []
        self._waarschuwingen: dict[str, None] = {}
        self._aanbod: dict[Path, None] = {}
        self._lader = _Bestandslader(alleen_onder)

    @property
    def waarschuwingen(self) -> list[str]:
        return list(self._waarschuwingen)

    def functies(self) -> Iterator[Functie]:
        bestanden, fouten = expand(self.paden, self.alleen_onder)
        if fouten or STDIN in bestanden:  # standard input reads once: `load` must have it
            self.terug = True
            return
        gezien: set[tuple[str | None, str]] = set()
        for naam in bestanden:
            for functie in self._bestand(naam):
                sleutel = (functie.eenheid, functie.naam)
                if sleutel in gezien:
                    self.terug = True  # written twice: `load` says where both are
                    return
                gezien.add(sleutel)
                self._waarschuwingen.update(dict.fromkeys(_zonder_verlof([functie]) + _als_fractie([functie])))
                self._aanbod.update(dict.fromkeys(_aanbodbestanden([functie])))
                yield functie
            if self.terug:
                return
        self.bestanden = _bestandspaden(bestanden) + list(self._lader.standaarden) + list(self._aanbod)

    def _bestand(self, naam: str) -> Iterator[Functie]:
        from brutonetto.input.source import ONLEESBAAR, Woorden, parse_functie, parse_per_functie

        if Path(naam).suffix.lower() in FORMATIE_EXTENSIES:  # a spreadsheet is read whole, by `load`
            self.terug = True
            return
        bron = read(naam, self.alleen_onder)
        gedeeld = None if isinstance(bron, Fout) else parse_per_functie(bron)
        if gedeeld is None:
            self.terug = True
            return
        data, delen = gedeeld
        fouten: list[Fout] = []
        standaard, standaardplek, mislukt = self._lader._standaard(bron, data, fouten)
        kop = _valideer(EENHEID, _zonder_standaard(data), bron, (), fouten)
        if fouten or mislukt or kop is None or kop.meerjaren is not None:  # a meerjaren block is checked whole
            self.terug = True
            return
        gedeeld_ = _Gedeeld.van(kop.eenheid, kop.scenarios or {}, standaard, standaardplek)
        woorden = Woorden()
        for i, (van, tot) in enumerate(delen):
            ruw = parse_functie(bron.tekst[van:tot], woorden)
            if ruw is ONLEESBAAR or (isinstance(ruw, dict) and "meerjaren" in ruw):
                self.terug = True
                return
            profiel = _valideer(FUNCTIE, ruw, bron, ("functies", i), fouten)
            if fouten or profiel is None:
                self.terug = True
                return
            yield _functie(bron, ("functies", i), profiel, gedeeld_)
