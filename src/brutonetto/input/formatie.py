"""The formatie from a spreadsheet (contract v3): an `.xlsx` sheet or a CSV, one row per functie.

The rows become the very mapping a YAML unit file parses into (`standaard`, `scenarios`,
`functies` with each functie's own `scenarios`), and a `Tabelbron` keeps the cell of every
value as `source.Bron` keeps YAML lines. The loader validates and merges that mapping as it
does YAML, so every rule lives in one place and the results equal those of the same
profiles written in YAML, to the last digit.

- A header is a field path, dotted for nested fields (`aftrek.verzuim`, `producten.intake.volume`).
- A row with `scenario` filled overrides its functie's base row (same functie and eenheid)
  with its non-empty cells; one without `functie` applies to every functie (a unit file's
  own `scenarios`).
- `.xlsx`: the sheet `formatie`, else the first; an optional sheet `standaard` with columns
  `veld, waarde` holds the defaults (or one row `standaard` naming a YAML file of them), and
  the unit's years for `budget` as rows `meerjaren.financiering.2023` (beside `standaard`, as
  in a YAML unit file).
- A value's place is its cell: `formatie!G7` in an xlsx (`errors.Fout.cel`), line and column
  in a CSV; a message names the column's field path (`aftrek.verzuim`), not the mapping's.

The file may come from someone else: formulas are never evaluated (the value the spreadsheet
stored when it was saved is read, and that is said), the zip's unpacked size is bounded
before anything is unpacked, rows and columns are bounded, and openpyxl reads the sheet as a
stream (read-only mode).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from brutonetto.errors import Fout, Pad, Problemen, gelijkend
from brutonetto.notation import telling

BLAD = "formatie"
STANDAARDBLAD = "standaard"
UITLEGBLAD = "uitleg"
# the engine's bound of records held at once (engine.records.MAX_REGELS; input does not import
# the engine: tests/test_formatie.py checks they agree)
MAX_RIJEN = 500_000
from brutonetto.input.source import MAX_WAARDEN  # noqa: E402 - the bound on a YAML file's values, shared
MAX_KOLOMMEN = 1_000  # a profile has a few dozen fields; Excel allows 16.384 columns
MAX_ONDERDELEN = 10_000  # files inside one xlsx (a workbook has a dozen)
UITPAKFACTOR = 25  # unpacked xlsx at most this many times the byte bound of an input file
SCHEIDINGSTEKENS = (";", ",")

# the columns whose cells are names: a number typed there is the name it shows (a code `1210`)
_TEKST = {("functie",), ("eenheid",), ("scenario",), ("verhouding", "van")}
# fields that hold one value
ENKELVOUDIG = ("fte", "beschikbare_uren", "uren_per_week", "weken_per_jaar", "uren_per_dag", "instroom",
               "inwerkverlies", "werklast_uren", "kosten_per_fte", "uurtarief")
_MAPPINGVELDEN = ("verlof", "aftrek", "producten", "verhouding", "contactcentrum", "kalender")
KALENDERVELDEN = ("jaar", "uren_per_dag", "goede_vrijdag", "bevrijdingsdag")
_NIET_HIER = ("scenarios", "meerjaren", "standaard", "functies")


class _Cel(NamedTuple):
    regel: int
    kolom: int
    getypt: str  # the value as the cell shows it, for messages and the `0,057 uur` warning


class _Rij:
    """One row's cells by field path (or the standaard sheet's, each on its own row)."""

    __slots__ = ("regel", "cellen", "kolommen")

    def __init__(self, regel: int, kolommen: dict[Pad, int]) -> None:
        self.regel = regel
        self.cellen: dict[Pad, tuple[Any, int, int, str]] = {}  # (value, line, column, as typed)
        self.kolommen = kolommen  # each column's path, for a field that is absent (an empty cell)


class Tabelbron:
    """A spreadsheet as `domain.functie.Bron`: field paths into the rows give cells (`formatie!G7`)."""

    __slots__ = ("naam", "pad", "alleen_onder", "verwezen", "tekst", "blad", "standaardblad", "_rijen")

    def __init__(self, naam: str, pad: Path | None, alleen_onder: Path | None, blad: str | None) -> None:
        self.naam = naam
        self.pad = pad
        self.alleen_onder = alleen_onder
        self.verwezen = False
        self.tekst = ""
        self.blad = blad  # None for a CSV: its cells are line:column
        self.standaardblad: str | None = None
        self._rijen: dict[Pad, _Rij] = {}

    @property
    def map(self) -> Path:
        return self.pad.parent if self.pad is not None else Path.cwd()

    def _zoek(self, veld: Pad) -> tuple[_Rij | None, Pad]:
        if not veld:
            return None, veld
        if veld[0] in ("standaard", "meerjaren"):
            sleutel = veld[:1]
        elif veld[0] == "scenarios":
            sleutel = veld[:2]
        elif veld[0] == "functies" and len(veld) >= 4 and veld[2] == "scenarios" and veld[:4] in self._rijen:
            sleutel = veld[:4]
        else:
            sleutel = veld[:2]
        return self._rijen.get(sleutel), veld[len(sleutel):]

    def _cel(self, veld: Pad) -> tuple[_Cel | None, bool, str | None]:
        """The cell of a field (or the nearest written one), whether the field is written, its sheet."""
        rij, rest = self._zoek(veld)
        if rij is None:
            return None, False, None
        blad = self.standaardblad if veld[0] in ("standaard", "meerjaren") else self.blad
        gevonden = rij.cellen.get(rest)
        if gevonden is not None:
            return _Cel(gevonden[1], gevonden[2], gevonden[3]), True, blad
        for lengte in range(len(rest), -1, -1):
            deel = rest[:lengte]
            for pad, gevonden in rij.cellen.items():
                if pad[:lengte] == deel:
                    return _Cel(gevonden[1], gevonden[2], gevonden[3]), lengte == len(rest), blad
            kolom = rij.kolommen.get(deel)
            if kolom is not None:  # an empty cell in the column of that field
                return _Cel(rij.regel, kolom, ""), False, blad
        return _Cel(rij.regel, 1, ""), not rest, blad

    def fout(self, bericht: str, veld: Pad = ()) -> Fout:
        """At the cell, named by its column's field path (`aftrek.verzuim`), as the header writes it."""
        cel, _, blad = self._cel(veld)
        if cel is None:
            return Fout(self.naam, bericht, veld)
        _, rest = self._zoek(veld)
        if veld[:1] == ("meerjaren",) or not rest and veld[:1] == ("standaard",):
            rest = veld  # `meerjaren.financiering.2023`; the row `standaard` naming a YAML file
        return Fout(self.naam, bericht, rest, cel.regel, cel.kolom, celnaam(blad, cel.regel, cel.kolom))

    def bestaat(self, veld: Pad) -> bool:
        return self._cel(veld)[1]

    def plaats(self, veld: Pad) -> tuple[int | None, int | None]:
        cel = self._cel(veld)[0]
        return (cel.regel, cel.kolom) if cel is not None else (None, None)

    def plek(self, veld: Pad) -> str:
        return self.fout("", veld).plek(kolom=False)

    def getypt(self, veld: Pad) -> str | None:
        cel, geschreven, _ = self._cel(veld)
        return cel.getypt if cel is not None and geschreven else None


def celnaam(blad: str | None, regel: int, kolom: int) -> str | None:
    """`formatie!G7` for a sheet's cell; None for a CSV (whose place is line:column)."""
    if blad is None:
        return None
    letters = ""
    while kolom:
        kolom, rest = divmod(kolom - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{blad}!{letters}{regel}"


class Gelezen(NamedTuple):
    """What `lees` made of a spreadsheet: the source and mapping for the loader (None when
    nothing can be checked further), the problems found in reading, and warnings."""

    bron: Tabelbron | None
    data: dict[str, Any] | None
    fouten: list[Fout]
    waarschuwingen: list[str]


# cells as read: (line, column, value, number format or None, a formula's text or None)
_Ruw = tuple[int, int, Any, str | None, str | None]


def lees(naam: str, alleen_onder: Path | None = None) -> Gelezen:
    """A spreadsheet as the mapping a YAML unit file parses into, with every cell's place."""
    if Path(naam).suffix.lower() == ".csv":
        return _lees_csv(naam, alleen_onder)
    import warnings

    with warnings.catch_warnings():  # openpyxl's about parts it skips (data validation, ...): not the user's
        warnings.simplefilter("ignore")
        return _lees_xlsx(naam, alleen_onder)


# reading -------------------------------------------------------------------------------------


def _lees_csv(naam: str, alleen_onder: Path | None) -> Gelezen:
    from brutonetto.input.csvbestand import onleesbaar
    from brutonetto.input.source import read

    tekstbron = read(naam, alleen_onder)  # the byte bound, UTF-8 with or without BOM, --alleen-onder
    if isinstance(tekstbron, Fout):
        return Gelezen(None, None, [tekstbron], [])
    bron = Tabelbron(naam, Path(naam), alleen_onder, None)
    regels = io.StringIO(tekstbron.tekst, newline="")
    eerste = tekstbron.tekst.split("\n", 1)[0]
    teken = max(SCHEIDINGSTEKENS, key=eerste.count)
    lezer = csv.reader(regels, delimiter=teken)
    fouten: Any = Problemen()  # the first 100 a file kept, the rest counted: a file can hold millions

    def rijen() -> Any:
        while True:
            nummer = lezer.line_num + 1
            try:
                rij = next(lezer)
            except StopIteration:
                return
            except csv.Error as fout:
                fouten.append(Fout(naam, onleesbaar(fout), regel=nummer, kolom=1))
                if lezer.line_num + 1 == nummer:
                    return
                continue
            yield nummer, [(nummer, k, tekst, None, None) for k, tekst in enumerate(rij, 1) if tekst.strip()]

    data = _bouw(bron, rijen(), fouten)
    return Gelezen(bron if data is not None else None, data, _als_lijst(fouten), [])


def _lees_xlsx(naam: str, alleen_onder: Path | None) -> Gelezen:
    import zipfile

    from brutonetto.input.source import MAX_BYTES, buiten, lees_bytes

    if buiten(Path(naam), alleen_onder):
        return Gelezen(None, None, [Fout(naam, f"ligt niet onder de map van --alleen-onder ({alleen_onder}); wordt niet gelezen")], [])
    try:
        ruw = lees_bytes(naam, alleen_onder)
    except OSError as fout:
        return Gelezen(None, None, [Fout(naam, f"kan het bestand niet lezen: {fout.strerror or fout}")], [])
    if len(ruw) > MAX_BYTES:
        return Gelezen(None, None, [Fout(naam, (
            f"het bestand is groter dan {MAX_BYTES / (1024 * 1024):g} MB; splits het op in meer bestanden "
            "(of verhoog de grens met de omgevingsvariabele BRUTONETTO_MAX_MB)"))], [])
    # a zip bomb is refused by what its directory declares (zipfile never unpacks past that)
    try:
        with zipfile.ZipFile(io.BytesIO(ruw)) as archief:
            onderdelen = archief.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return Gelezen(None, None, [Fout(naam, "dit is geen leesbaar xlsx-bestand (geen zip-archief); "
                                               "bewaar het in Excel als Excel-werkmap (*.xlsx)")], [])
    uitgepakt = sum(o.file_size for o in onderdelen)
    if len(onderdelen) > MAX_ONDERDELEN or uitgepakt > UITPAKFACTOR * MAX_BYTES:
        return Gelezen(None, None, [Fout(naam, (
            f"het xlsx-bestand pakt uit tot {uitgepakt / (1024 * 1024):.0f} MB in {telling(len(onderdelen))} "
            f"delen; meer dan {UITPAKFACTOR * MAX_BYTES / (1024 * 1024):g} MB wordt niet gelezen"))], [])
    try:
        import openpyxl
    except ImportError:
        from brutonetto.extras import installeer

        return Gelezen(None, None, [Fout(naam, f"voor een xlsx-bestand is openpyxl nodig; installeer het met: {installeer('xlsx')}")], [])
    fouten: Any = Problemen()  # the first 100 a file kept, the rest counted
    waarschuwingen: list[str] = []
    try:
        werkmap = openpyxl.load_workbook(io.BytesIO(ruw), read_only=True, data_only=False)
    except Exception as fout:  # noqa: BLE001 - a damaged file has many ways to fail; each is the file's problem
        return Gelezen(None, None, [Fout(naam, f"kan het xlsx-bestand niet lezen: het is beschadigd of geen Excel-werkmap ({type(fout).__name__}); open en bewaar het opnieuw in Excel of LibreOffice")], [])
    try:
        bladen = {b.casefold(): b for b in werkmap.sheetnames}
        bladnaam = bladen.get(BLAD) or next(
            (b for b in werkmap.sheetnames if b.casefold() not in (STANDAARDBLAD, UITLEGBLAD)), None)
        if bladnaam is None:
            return Gelezen(None, None, [Fout(naam, f"de werkmap heeft geen blad '{BLAD}' met de functies")], [])
        bron = Tabelbron(naam, Path(naam), alleen_onder, bladnaam)
        for blad in sorted({bladnaam, bladen.get(STANDAARDBLAD)} - {None}):
            # a hidden sheet is not what a reviewer sees in Excel (a very hidden one cannot even be shown
            # there): computing from it would compute what nobody checked (a fourth probe)
            if getattr(werkmap[blad], "sheet_state", "visible") != "visible":
                fouten.append(Fout(naam, f"het blad '{blad}' is verborgen in de werkmap; maak het zichtbaar (in Excel: "
                                         "Blad zichtbaar maken) zodat wie het bestand nakijkt ziet waarmee gerekend wordt",
                                   cel=f"{blad}!A1"))
        for blad in {bladnaam, bladen.get(STANDAARDBLAD)} - {None}:
            for bereik in _samengevoegd(ruw, werkmap[blad]):
                # openpyxl gives a merged range's value to its first cell only: the rows below it would
                # silently lose their fte or eenheid (a new user's trial: Totaal fte 1 where 2 was meant)
                fouten.append(Fout(naam, f"de cellen {bereik} zijn samengevoegd; de waarde staat dan alleen in de "
                                         "eerste cel: maak ze los en vul elke rij zelf in",
                                   cel=f"{blad}!{bereik.split(':')[0]}"))
        formules: dict[tuple[str, int, int], str] = {}
        try:
            standaardcellen = (_xlsx_rijen(werkmap[bladen[STANDAARDBLAD]], bladen[STANDAARDBLAD], formules, 2)
                               if STANDAARDBLAD in bladen else None)
            cellen = list(_xlsx_rijen(werkmap[bladnaam], bladnaam, formules, None))
            if standaardcellen is not None:
                standaardcellen = list(standaardcellen)
                bron.standaardblad = bladen[STANDAARDBLAD]
        except Exception as fout:  # noqa: BLE001 - as above
            return Gelezen(None, None, [Fout(naam, f"kan het xlsx-bestand niet lezen: het is beschadigd of geen Excel-werkmap ({type(fout).__name__}); open en bewaar het opnieuw in Excel of LibreOffice")], [])
    finally:
        werkmap.close()
    if formules:
        try:
            cellen, standaardcellen = _bewaarde_uitkomsten(naam, ruw, bladnaam, bladen.get(STANDAARDBLAD), cellen,
                                                           standaardcellen, formules, fouten, waarschuwingen)
        except Exception as fout:  # noqa: BLE001 - as above
            return Gelezen(None, None, [Fout(naam, f"kan het xlsx-bestand niet lezen: het is beschadigd of geen Excel-werkmap ({type(fout).__name__}); open en bewaar het opnieuw in Excel of LibreOffice")], [])
    data = _bouw(bron, iter(cellen), fouten)
    if data is not None and standaardcellen is not None:
        _standaard(bron, standaardcellen, data, fouten)
    return Gelezen(bron if data is not None else None, data, _als_lijst(fouten), waarschuwingen)


def _als_lijst(fouten: Problemen) -> list[Fout]:
    """The kept problems, and one line for those only counted (a sheet of a million cells without a header)."""
    lijst: list[Fout] = []
    for bestand, bewaard, weggelaten in fouten.per_bestand():
        lijst += bewaard
        if weggelaten:
            lijst.append(Fout(bestand, f"en nog {telling(weggelaten)} problemen in dit bestand"))
    return lijst


def _xlsx_rijen(blad: Any, bladnaam: str, formules: dict, breedte: int | None) -> Any:
    """(line, cells) per row with a value; a formula's cell is noted in `formules` (its text)."""
    if hasattr(blad, "reset_dimensions"):
        blad.reset_dimensions()  # a file's own claim of its size is not trusted: read to the end
    # without max_col: openpyxl would pad every row with empty cells up to it
    gelezen = 0
    for rij in blad.iter_rows():
        if gelezen > MAX_WAARDEN:  # `_bouw` says so; no more cells are held (a fourth probe: 1,8 GB from 212 kB)
            return
        cellen = []
        for cel in rij:
            waarde = cel.value
            if waarde is None or (waarde.__class__ is str and not waarde.strip()):
                continue
            regel, kolom = cel.row, cel.column
            if breedte is not None and kolom > breedte:  # the standaard sheet: veld, waarde, and room for notes
                break
            if kolom > MAX_KOLOMMEN + 1:  # past the headers: said once for the row, not dropped
                cellen.append((regel, kolom, waarde if waarde.__class__ is str else str(waarde), None, None))
                break
            soort = cel.data_type
            if soort == "f":
                formules[(bladnaam, regel, kolom)] = str(waarde)
                cellen.append((regel, kolom, None, None, str(waarde)))
            elif soort == "e":
                cellen.append((regel, kolom, _Excelfout(str(waarde)), None, None))
            elif soort == "n" and not isinstance(waarde, bool) and isinstance(waarde, (int, float)):
                cellen.append((regel, kolom, waarde, cel.number_format, None))
            else:
                cellen.append((regel, kolom, waarde, None, None))
        if cellen:
            gelezen += len(cellen)
            yield cellen[0][0], cellen


_SAMENGEVOEGD = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3}\d+:[A-Z]{1,3}\d+)"')


def _samengevoegd(ruw: bytes, blad: Any) -> list[str]:
    """The merged ranges of a sheet (`C2:C3`), from its XML: read-only openpyxl does not give them."""
    import zipfile

    pad = getattr(blad, "_worksheet_path", None)
    if pad is None:
        return []
    with zipfile.ZipFile(io.BytesIO(ruw)) as archief, archief.open(pad.lstrip("/")) as xml:
        return [m.decode() for m in _SAMENGEVOEGD.findall(xml.read())][:MAX_SAMENGEVOEGD]


MAX_SAMENGEVOEGD = 100


class _Excelfout(str):
    """A cell holding an Excel error value (`#DIV/0!`, `#N/A`)."""


def _bewaarde_uitkomsten(naam: str, ruw: bytes, bladnaam: str, standaardnaam: str | None, cellen: list,
                         standaardcellen: list | None, formules: dict, fouten: list[Fout],
                         waarschuwingen: list[str]) -> tuple[list, list | None]:
    """A formula's value as the spreadsheet stored it on saving: nothing is evaluated here."""
    import openpyxl

    bewaard: dict[tuple[str, int, int], tuple[Any, str | None]] = {}
    werkmap = openpyxl.load_workbook(io.BytesIO(ruw), read_only=True, data_only=True)
    try:
        for blad in {b for b, _, _ in formules}:
            werkblad = werkmap[blad]
            werkblad.reset_dimensions()
            for rij in werkblad.iter_rows():
                for cel in rij:
                    sleutel = (blad, getattr(cel, "row", 0), getattr(cel, "column", 0))
                    if sleutel in formules:
                        waarde = _Excelfout(str(cel.value)) if cel.data_type == "e" else cel.value
                        bewaard[sleutel] = (waarde, cel.number_format if cel.data_type == "n" else None)
    finally:
        werkmap.close()

    def vervang(rijen: list, blad: str) -> list:
        uit = []
        for regel, rij in rijen:
            nieuw = []
            for r, k, waarde, opmaak, formule in rij:
                if formule is not None:
                    waarde, opmaak = bewaard.get((blad, r, k), (None, None))
                    if waarde is None:
                        fouten.append(Fout(naam, (
                            f"de cel bevat een formule ({formule[:60]}) zonder bewaarde uitkomst; brutonetto rekent "
                            "geen formules uit: open en bewaar het bestand in Excel of LibreOffice, of plak de waarde"),
                            (), r, k, celnaam(blad, r, k)))
                        continue
                nieuw.append((r, k, waarde, opmaak, None))
            uit.append((regel, nieuw))
        return uit

    gelezen = (vervang(cellen, bladnaam), (vervang(standaardcellen, standaardnaam) if standaardcellen is not None else None))
    met_uitkomst = [plek for plek in formules if bewaard.get(plek, (None, None))[0] is not None]
    if met_uitkomst:  # only where a stored value was used (a formula without one is an error above)
        eerste = min(met_uitkomst, key=lambda s: (s[0] != bladnaam, s[1], s[2]))
        waarschuwingen.append(
            f"{naam}:{celnaam(eerste[0], eerste[1], eerste[2])}: {telling(len(met_uitkomst))} "
            f"{'cel bevat een formule' if len(met_uitkomst) == 1 else 'cellen bevatten een formule'}; gebruikt is de "
            "uitkomst die het rekenblad bij het bewaren opsloeg (brutonetto rekent geen formules uit)")
    return gelezen


# the header -----------------------------------------------------------------------------------


def kolompad(kop: str) -> tuple[Pad | None, str | None]:
    """The field path a header names, or the Dutch reason it names none."""
    delen = [deel.strip() for deel in kop.strip().split(".")]
    delen[0] = delen[0].casefold()
    top = delen[0]
    if "" in delen:
        return None, f"kolomkop '{kop}' heeft een leeg deel; schrijf het veldpad met punten, zoals aftrek.verzuim"
    if top in ("functie", "eenheid", "scenario", *ENKELVOUDIG):
        if len(delen) > 1:
            return None, f"kolom '{kop}': {top} heeft geen onderdelen; de kolomkop is '{top}'"
        return (top,), None
    if top in _NIET_HIER:
        waarom = {"scenarios": "een rij met de kolom scenario ingevuld is een scenario",
                  "standaard": f"standaardwaarden staan op het blad '{STANDAARDBLAD}' (kolommen veld, waarde)",
                  "meerjaren": f"de jaren staan op het blad '{STANDAARDBLAD}', bijvoorbeeld de rij "
                               "meerjaren.financiering.2023 | 12 mln"}
        return None, (f"de kolom '{kop}' hoort niet in een formatieblad"
                      + (f": {waarom[top]}" if top in waarom else "; zet het in een YAML-bestand"))
    if top in _MAPPINGVELDEN:
        pad = (top, *delen[1:])
        if len(delen) == 1:
            voorbeeld = {"verlof": "verlof.vakantie", "aftrek": "aftrek.verzuim", "producten": "producten.intake.volume",
                         "verhouding": "verhouding.een_per", "contactcentrum": "contactcentrum.interval",
                         "kalender": "kalender.jaar"}[top]
            return None, f"de kolom '{kop}' heeft een naam nodig, zoals {voorbeeld}"
        if top in ("verlof", "aftrek") and not (len(delen) == 2 or (len(delen) == 3 and delen[2] in ("procent", "van"))):
            return None, f"kolom '{kop}': schrijf {top}.NAAM (of {top}.NAAM.procent en {top}.NAAM.van)"
        if top == "verhouding" and (len(delen) != 2 or delen[1] not in ("een_per", "van")):
            bedoeld = gelijkend(delen[-1], ("een_per", "van"))
            return None, f"onbekende kolom '{kop}'" + (f"; bedoelt u 'verhouding.{bedoeld}'?" if bedoeld else
                                                       "; bekend zijn verhouding.een_per en verhouding.van")
        if top == "kalender" and (len(delen) != 2 or delen[1] not in KALENDERVELDEN):
            bedoeld = gelijkend(delen[-1], KALENDERVELDEN)
            return None, f"onbekende kolom '{kop}'" + (f"; bedoelt u 'kalender.{bedoeld}'?" if bedoeld else
                                                       "; bekend zijn " + ", ".join(f"kalender.{v}" for v in KALENDERVELDEN))
        if top == "producten" and not (
                (len(delen) == 3 and delen[2] in ("volume", "normtijd"))
                or (len(delen) == 5 and delen[2] == "kanalen" and delen[4] in ("aandeel", "normtijd"))):
            return None, (f"kolom '{kop}': schrijf producten.NAAM.volume, producten.NAAM.normtijd of "
                          "producten.NAAM.kanalen.KANAAL.aandeel (of .normtijd)")
        return pad, None
    bekend = ("functie", "eenheid", "scenario", *ENKELVOUDIG, *_MAPPINGVELDEN)
    bedoeld = gelijkend(top, bekend)
    if bedoeld is None and "_" not in top:  # `aftrek verzuim`, `Kosten per fte`: words for a path
        bedoeld = gelijkend(re.sub(r"\s+", "_", top), bekend)
    if bedoeld is not None:
        voorstel = bedoeld if bedoeld not in _MAPPINGVELDEN or len(delen) > 1 else f"{bedoeld}.NAAM"
        if len(delen) > 1 and bedoeld in _MAPPINGVELDEN:
            voorstel = ".".join((bedoeld, *delen[1:]))
        return None, f"onbekende kolom '{kop}'; bedoelt u '{voorstel}'?"
    return None, (f"onbekende kolom '{kop}'; een kolomkop is een veld van het profiel, zoals fte, "
                  "verlof.vakantie of aftrek.verzuim")


def _kop(bron: Tabelbron, cellen: list[_Ruw], fouten: list[Fout]) -> tuple[dict[int, Pad], set[int]] | None:
    """Each column's field path, and every column that has a header (right or wrong)."""
    kolommen: dict[int, Pad] = {}
    gezien: dict[Pad, int] = {}
    regel = cellen[0][0] if cellen else 1
    if cellen and cellen[-1][1] > MAX_KOLOMMEN:
        fouten.append(Fout(bron.naam, f"de kopregel heeft meer dan {telling(MAX_KOLOMMEN)} kolommen; "
                                      "een formatie heeft er enkele tientallen", (), regel, 1, celnaam(bron.blad, regel, 1)))
        return None
    for r, k, waarde, _, _ in cellen:
        plek = (bron.naam, r, k, celnaam(bron.blad, r, k))
        if not isinstance(waarde, str):
            fouten.append(_fout(plek, f"verwacht een kolomkop (een veldnaam), niet {waarde!r}"))
            continue
        pad, bericht = kolompad(waarde)
        if pad is None:
            fouten.append(_fout(plek, bericht or ""))
            continue
        if pad in gezien:
            fouten.append(_fout(plek, f"de kolom '{waarde.strip()}' staat twee keer in de kopregel (ook in kolom "
                                      f"{_kolomnaam(gezien[pad], bron.blad)})"))
            continue
        gezien[pad] = k
        kolommen[k] = pad
    if ("functie",) not in gezien:
        fouten.append(Fout(bron.naam, "de kopregel heeft geen kolom 'functie'; de eerste regel noemt de velden: "
                                      "functie, eenheid, fte, ...", (), regel, 1, celnaam(bron.blad, regel, 1)))
        return None
    return kolommen, {k for _, k, _, _, _ in cellen}


def _kolomnaam(kolom: int, blad: str | None) -> str:
    naam = celnaam(blad or "x", 1, kolom)
    return naam.split("!")[1][:-1] if blad and naam else str(kolom)


def _fout(plek: tuple[str, int, int, str | None], bericht: str, veld: Pad = ()) -> Fout:
    naam, regel, kolom, cel = plek
    return Fout(naam, bericht, veld, regel, kolom, cel)


# cells to values ------------------------------------------------------------------------------


class _Celfout(ValueError):
    pass


def _als_getal(waarde: float | int) -> Decimal:
    """A stored number as the spreadsheet shows it: 15 significant digits (0,057, not 0,05700000000000001)."""
    return Decimal(format(waarde, ".15g")) if isinstance(waarde, float) else Decimal(waarde)


def _tekst_van(getal: Decimal) -> str:
    return format(getal.normalize(), "f")


_PROCENTOPMAAK: dict[str, bool] = {}


def _procent(opmaak: str) -> bool:
    """Whether a number format shows a percentage (`0.00%`; not a `%` in quotes or escaped)."""
    procent = _PROCENTOPMAAK.get(opmaak)
    if procent is None:
        procent = _PROCENTOPMAAK[opmaak] = "%" in re.sub(r'"[^"]*"|\\.', "", opmaak)
    return procent


def _waarde(waarde: Any, opmaak: str | None, tekstveld: bool) -> tuple[Any, str]:
    """A cell as the YAML value it stands for, and as it was typed."""
    soort = waarde.__class__
    if soort is str:  # the most common cell first
        tekst = waarde.strip()
        return tekst, tekst
    if soort is int and not tekstveld and (opmaak is None or not _procent(opmaak)):
        return waarde, str(waarde)
    if isinstance(waarde, _Excelfout):
        raise _Celfout(f"de cel bevat een Excel-fout ({waarde[:20]}); vul een waarde in of maak de cel leeg")
    if isinstance(waarde, str):
        tekst = waarde.strip()
        return tekst, tekst
    if isinstance(waarde, bool):
        return waarde, "WAAR" if waarde else "ONWAAR"
    if isinstance(waarde, (int, float)):
        if isinstance(waarde, float) and waarde != waarde or waarde in (float("inf"), float("-inf")):
            raise _Celfout("de cel bevat geen eindig getal")
        getal = _als_getal(waarde)
        if opmaak is not None and _procent(opmaak):
            tekst = _tekst_van(getal * 100) + "%"  # Excel stores 5,7% as 0.057
            return tekst, tekst
        tekst = _tekst_van(getal)
        if tekstveld:
            return tekst, tekst
        if getal == getal.to_integral_value():
            return int(getal), tekst
        return float(tekst), tekst  # as YAML has it: `420.9` is that float, read exactly from its text
    if isinstance(waarde, datetime):
        tekst = waarde.date().isoformat() if waarde.time() == time(0) else waarde.isoformat(sep=" ")
        return tekst, tekst
    if isinstance(waarde, (date, time)):
        return waarde.isoformat(), waarde.isoformat()
    tekst = str(waarde)
    return tekst, tekst


# rows to the mapping --------------------------------------------------------------------------


def _zet(doel: dict[str, Any], pad: Pad, waarde: Any) -> None:
    if len(pad) == 1:
        doel[pad[0]] = waarde
        return
    for deel in pad[:-1]:
        doel = doel.setdefault(deel, {})
    doel[pad[-1]] = waarde


class _Regel(NamedTuple):
    regel: int
    velden: dict[Pad, tuple[Any, int, int, str]]  # (value, line, column, as typed)


def _bouw(bron: Tabelbron, rijen: Any, fouten: list[Fout]) -> dict[str, Any] | None:
    """The unit file these rows stand for: `functies` (each with its `scenarios`) and `scenarios`."""
    kop = None
    for _, cellen in rijen:
        if not cellen:  # blank lines above the header (a CSV's; a sheet's are never yielded)
            continue
        kop = _kop(bron, cellen, fouten)
        break
    else:
        fouten.append(Fout(bron.naam, "het bestand is leeg; verwacht een kopregel (functie, eenheid, fte, ...) "
                                      "en een rij per functie"))
        return None
    if kop is None:
        return None
    kop, koppen = kop
    kolommen = {pad: k for k, pad in kop.items()}
    # per column: its path, whether its cells are names, whether a shorter column may hold it
    soorten = {k: (pad, pad in _TEKST, len(pad) > 2) for k, pad in kop.items()}
    basis: list[_Regel] = []
    scenariorijen: list[tuple[_Regel, str]] = []
    aantal = waarden = 0
    for regel, cellen in rijen:
        aantal += 1
        waarden += len(cellen)
        if aantal > MAX_RIJEN:
            fouten.append(Fout(bron.naam, f"meer dan {telling(MAX_RIJEN)} rijen; splits de formatie op in meer bestanden",
                               (), regel, 1, celnaam(bron.blad, regel, 1)))
            break
        if waarden > MAX_WAARDEN:  # the same bound as a YAML file's values (a fourth probe: 1,4 GB for 4 MB of CSV)
            fouten.append(Fout(bron.naam, f"de formatie bevat meer dan {telling(MAX_WAARDEN)} gevulde cellen; splits "
                                          "haar op in meer bestanden", (), regel, 1, celnaam(bron.blad, regel, 1)))
            break
        velden: dict[Pad, tuple[Any, int, int, str]] = {}
        voorvoegsels: set[Pad] = set()
        for r, k, ruw, opmaak, _ in cellen:
            soort = soorten.get(k)
            if soort is None:
                if k not in koppen:  # a column whose header is wrong was reported once, at its header
                    fouten.append(Fout(bron.naam, "deze cel heeft geen kolomkop; geef de kolom een veldnaam of "
                                                  "maak de cel leeg", (), r, k, celnaam(bron.blad, r, k)))
                continue
            pad, tekstveld, diep = soort
            if ruw.__class__ is str:
                waarde = getypt = ruw.strip()
            else:
                try:
                    waarde, getypt = _waarde(ruw, opmaak, tekstveld)
                except _Celfout as fout:
                    fouten.append(Fout(bron.naam, str(fout), pad, r, k, celnaam(bron.blad, r, k)))
                    continue
            if waarde == "":
                continue
            # `aftrek.reistijd` (5%) and `aftrek.reistijd.procent` may both be columns, not both filled
            boven = None
            if diep:
                boven = next((pad[:n] for n in range(2, len(pad)) if pad[:n] in velden), None)
            if boven is None and voorvoegsels and pad in voorvoegsels:
                boven = next(ander for ander in velden if ander[: len(pad)] == pad)
            if boven is not None:
                fouten.append(Fout(bron.naam, f"ook '{'.'.join(map(str, boven))}' is ingevuld; vul er één in",
                                   pad, r, k, celnaam(bron.blad, r, k)))
                continue
            velden[pad] = (waarde, r, k, getypt)
            if diep:
                voorvoegsels.update(pad[:n] for n in range(2, len(pad)))
        if not velden:
            continue
        rij = _Regel(regel, velden)
        scenario = velden.get(("scenario",))
        if scenario is None:
            basis.append(rij)
        elif str(scenario[0]).casefold() == "basis":  # the model refuses it too, but at the base row
            fouten.append(_celfout(bron, scenario, "'basis' is de basis zelf: laat de kolom scenario leeg "
                                                   "voor de basisrij, of kies een andere naam", ("scenario",)))
        else:
            scenariorijen.append((rij, str(scenario[0])))

    functies: list[dict[str, Any]] = []
    sleutels: dict[tuple[str | None, str], int] = {}
    per_naam: dict[str, list[int]] = {}
    for i, rij in enumerate(basis):
        item: dict[str, Any] = {}
        tabelrij = bron._rijen[("functies", i)] = _Rij(rij.regel, kolommen)
        tabelrij.cellen = rij.velden
        for pad, cel in rij.velden.items():
            if len(pad) == 1:
                item[pad[0]] = cel[0]
            else:
                _zet(item, pad, cel[0])
        functies.append(item)
        naam, eenheid = item.get("functie"), item.get("eenheid")
        if isinstance(naam, str):
            sleutels.setdefault((eenheid if isinstance(eenheid, str) else None, naam), i)
            per_naam.setdefault(naam, []).append(i)

    data: dict[str, Any] = {"functies": functies}
    for rij, scenario in scenariorijen:
        functie = rij.velden.get(("functie",))
        eenheid = rij.velden.get(("eenheid",))
        scenariocel = rij.velden[("scenario",)]
        overlay: dict[str, Any] = {}
        for pad, cel in rij.velden.items():
            if pad not in (("functie",), ("eenheid",), ("scenario",)):
                _zet(overlay, pad, cel[0])
        if functie is None:  # for every functie, as a unit file's own `scenarios`
            if eenheid is not None:
                fouten.append(_celfout(bron, eenheid, "een scenariorij zonder functie geldt voor elke functie; "
                                                         "laat de eenheid leeg, of vul de functie in", ("eenheid",)))
                continue
            alle = data.setdefault("scenarios", {})
            if scenario in alle:
                fouten.append(_celfout(bron, scenariocel, f"het scenario '{scenario}' voor elke functie staat al op "
                                                          f"rij {bron._rijen[('scenarios', scenario)].regel}", ("scenario",)))
                continue
            alle[scenario] = overlay
            tabelrij = bron._rijen[("scenarios", scenario)] = _Rij(rij.regel, kolommen)
        else:
            naam = str(functie[0])
            sleutel = (str(eenheid[0]) if eenheid is not None else None, naam)
            index = sleutels.get(sleutel)
            if index is None and eenheid is None and len(per_naam.get(naam, ())) == 1:
                index = per_naam[naam][0]
            if index is None:
                in_eenheid = f" in eenheid '{sleutel[0]}'" if sleutel[0] is not None else ""
                fouten.append(_celfout(bron, functie, (
                    f"scenario '{scenario}' voor functie '{naam}'{in_eenheid}, maar die functie heeft geen basisrij "
                    "(een rij met dezelfde functie en eenheid en de kolom scenario leeg); een scenariorij past "
                    "alleen aan wat anders is dan de basis"), ("functie",)))
                continue
            eigen = functies[index].setdefault("scenarios", {})
            if scenario in eigen:
                eerder = bron._rijen[("functies", index, "scenarios", scenario)].regel
                fouten.append(_celfout(bron, scenariocel, f"scenario '{scenario}' van functie '{naam}' staat al op rij "
                                                          f"{eerder}; zet elk scenario één keer", ("scenario",)))
                continue
            eigen[scenario] = overlay
            tabelrij = bron._rijen[("functies", index, "scenarios", scenario)] = _Rij(rij.regel, kolommen)
        tabelrij.cellen = {**rij.velden, (): scenariocel}
    if not functies:
        fouten.append(Fout(bron.naam, "er staat geen functie in: verwacht onder de kopregel een rij per functie "
                                      "(met de kolom scenario leeg)"))
        return None
    return data


def _celfout(bron: Tabelbron, cel: tuple[Any, int, int, str], bericht: str, veld: Pad = (),
             blad: str | None = None) -> Fout:
    """A problem at a row's cell as `_bouw` keeps it: (value, line, column, as typed)."""
    _, regel, kolom, _ = cel
    return Fout(bron.naam, bericht, veld, regel, kolom, celnaam(blad or bron.blad, regel, kolom))


def _standaard(bron: Tabelbron, rijen: list, data: dict[str, Any], fouten: list[Fout]) -> None:
    """The sheet `standaard`: columns `veld, waarde`, a row per field (as a YAML `standaard:`)."""
    blad = bron.standaardblad
    if not rijen:
        return
    regel, kopcellen = rijen[0]
    kop = [str(w).strip().casefold() if isinstance(w, str) else "" for _, _, w, _, _ in kopcellen]
    if kop[:2] != ["veld", "waarde"] or kopcellen[0][1] != 1 or kopcellen[1][1] != 2:
        fouten.append(Fout(bron.naam, "het blad standaard heeft de kolommen veld en waarde (in A1 en B1)",
                           (), regel, 1, celnaam(blad, regel, 1)))
        return
    standaard: dict[str, Any] = {}
    tabelrij = _Rij(regel, {})
    meerjaren: dict[str, Any] = {}
    meerjarenrij = _Rij(regel, {})
    bestand: tuple[str, tuple[Any, int, int, str]] | None = None
    velden_gezien: dict[Pad, int] = {}
    for r, cellen in rijen[1:]:
        per_kolom = {k: (w, opmaak) for _, k, w, opmaak, _ in cellen}
        if 1 not in per_kolom:
            if 2 in per_kolom:
                fouten.append(Fout(bron.naam, "een waarde zonder veld; vul in kolom A het veld in", (), r, 2, celnaam(blad, r, 2)))
            continue
        veldnaam = per_kolom[1][0]
        plek = (bron.naam, r, 1, celnaam(blad, r, 1))
        if isinstance(veldnaam, str) and veldnaam.strip().casefold() == "standaard":
            pad: Pad | None = ("standaard",)
        elif isinstance(veldnaam, str) and veldnaam.strip().casefold().startswith("meerjaren."):
            pad = ("meerjaren", *(deel.strip() for deel in veldnaam.strip().split(".")[1:]))  # read by `meerjaren`
        else:
            pad, bericht = kolompad(str(veldnaam)) if isinstance(veldnaam, str) else (None, "verwacht een veldnaam")
            if pad is not None and pad[0] in ("functie", "eenheid", "scenario"):
                pad, bericht = None, f"het veld '{pad[0]}' staat op het blad {BLAD}, niet bij de standaardwaarden"
            if pad is None:
                fouten.append(_fout(plek, (bericht or "").replace("kolom", "veld")))
                continue
        if pad in velden_gezien:
            fouten.append(_fout(plek, f"het veld '{veldnaam}' staat al op rij {velden_gezien[pad]}"))
            continue
        velden_gezien[pad] = r
        if 2 not in per_kolom:
            continue
        try:
            waarde, getypt = _waarde(per_kolom[2][0], per_kolom[2][1], pad in _TEKST or pad == ("standaard",))
        except _Celfout as fout:
            fouten.append(Fout(bron.naam, str(fout), ("standaard", *pad), r, 2, celnaam(blad, r, 2)))
            continue
        cel = (waarde, r, 2, getypt)
        if pad == ("standaard",):
            bestand = (str(waarde), cel)
            continue
        if pad[0] == "meerjaren":  # the unit's years (budget), beside its defaults as in YAML
            _zet(meerjaren, pad[1:], waarde)
            meerjarenrij.cellen[pad[1:]] = cel
            continue
        _zet(standaard, pad, waarde)
        tabelrij.cellen[pad] = cel
    if meerjaren:
        data["meerjaren"] = meerjaren
        bron._rijen[("meerjaren",)] = meerjarenrij
    if bestand is not None and standaard:
        fouten.append(_celfout(bron, bestand[1], "het blad standaard noemt een standaardbestand of geeft velden, "
                                                 "niet allebei", ("standaard",), bron.standaardblad))
        return
    if bestand is not None:
        tabelrij.cellen[()] = bestand[1]
        data["standaard"] = bestand[0]
    elif standaard:
        data["standaard"] = standaard
    else:
        return
    bron._rijen[("standaard",)] = tabelrij
