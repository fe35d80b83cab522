"""The Excel workbook: inputs on `Invoer`, every result a live formula on `Resultaat`.

A controller can change an input (a sickness rate, an fte, the extra learning hours) in
Excel and watch the directe uren and the extra fte move; an auditor can follow every cell
back to an input. Each formula cell also carries the value brutonetto computed, so the
workbook reads correctly before any recalculation. XlsxWriter is the optional extra
`brutonetto[xlsx]`, imported here only.

Every formula is a step of the engine (`Record.stappen`) written with its rule's Excel
template (`engine/regels.py`): this module only places cells, it decides no formula and
knows no constant. An operand of the basis (D_basis, the basis fte) refers to the row of
the record's basis.

Speed (10,000 functies in a few seconds, issue 18.8): the records keep the trace they were
computed with (the caller asks the engine to keep it); steps are grouped by shape (a step without its
numbers), so the layout and each formula are worked out once per shape; a row is written
whole, as XML made once per pattern of shapes and filled in with its numbers (`_Rijplan`,
`Blad.rij`), in XlsxWriter's constant_memory mode; the zip is made at zlib's fastest level.

budget, sensitivity and realisation write workbooks of their own (`schrijf_budget`,
`schrijf_gevoeligheid`, `schrijf_realisatie`, at the end): their inputs as numbers and the
arithmetic that is ours as live formulas, as engine/begroting.py, the records' rules and
engine/realisatie.py compute it.
"""

from __future__ import annotations

import contextlib
import functools
import operator
import re
from decimal import Decimal
from typing import Any, BinaryIO, Iterator

from brutonetto.engine import regels
from brutonetto.engine.records import Record, totaalgroepen, totalen
from brutonetto.engine.stappen import ANDER, CONSTANTE, INVOER, STANDAARD, STAP, Stap
from brutonetto.errors import veldpad
from brutonetto.notation import machinegetal, telling
from brutonetto.output.extras import installeer



class WerkboekOntbreekt(RuntimeError):
    """No workbook can be made: XlsxWriter is not installed, or the records need more columns than a sheet has."""


MAX_KOLOMMEN = 16_384  # A..XFD


@functools.lru_cache(maxsize=None)
def _kolom(index: int) -> str:
    """0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _f(waarde: Decimal | None) -> float | str:
    return float(waarde) if waarde is not None else ""


# Invoer: the input of each row; a field here is an operand, or a step placed beside its input
VAST = {
    "Functie": None, "Eenheid": None, "Scenario": None, "Bestand": None,
    "Uren per week": ("uren_per_week",), "Weken per jaar": ("weken_per_jaar",), "Uren per dag": ("uren_per_dag",),
    "Beschikbare uren (opgegeven)": ("beschikbare_uren",),
}
WERKWEKEN = {"Werkweken": ("werkweken",)}  # only when a row uses uur/week in aftrek
# only when a row is a contact centre: Erlang C is no Excel formula, so its agent hours are a number here
CONTACTCENTRUM = {"Agenturen per week (Erlang C)": ("contactcentrum", "aanbod"), "Weken open": ("contactcentrum", "weken_open")}
NA = {"Fte": ("fte",), "Werklast uren": ("werklast_uren",), "Kosten per fte": ("kosten_per_fte",), "Uurtarief": ("uurtarief",)}
# Resultaat: one column per step of the engine (and the fte, copied from Invoer)
UITKOMSTEN = {
    "Bruto uren": "bruto_uren", "Verlof": "totaal_verlof", "Beschikbare uren": "beschikbare_uren",
    "Totaal aftrek": "totaal_aftrek", "Directe uren": "directe_uren", "Aandeel direct": "aandeel_direct",
    "Aandeel bruto": "aandeel_bruto", "Fte": "fte", "Fte nodig": "fte_nodig", "Basis directe uren": "basis_directe_uren",
    "Extra fte": "extra_fte", "Extra kosten": "extra_kosten", "Waarde extra uren": "waarde_extra_uren",
}
RESULTAAT = ["Functie", "Eenheid", "Scenario", *UITKOMSTEN]  # a step not named here gets a column after these
INVOERSTAPPEN = {("uren_per_dag",), ("werkweken",)}  # steps that live on Invoer, beside the inputs they follow from


# an input whose cell holds what the engine counted from it: the kalender's year is its werkdagen
KOPPEN = {("kalender", "jaar"): "Werkdagen (kalender)", ("kalender", "uren_per_dag"): "Uren per dag (kalender)"}
MAX_CEL = 32_767  # characters of a spreadsheet cell: a longer name would be cut, and two names made one


def _namen_passen(rijen: list[Any]) -> None:
    """Every name fits in a cell: XlsxWriter cuts a longer one, and two scenarios equal in their first
    32.767 characters then count as one in the totals (a third probe)."""
    for rij in rijen:
        for waarde in rij[:4] if isinstance(rij, tuple) else ():
            if isinstance(waarde, str) and len(waarde) > MAX_CEL:
                raise WerkboekOntbreekt(f"een naam in deze uitvoer is {telling(len(waarde))} tekens lang; een cel van een "
                                        f"spreadsheet houdt er {telling(MAX_CEL)}: gebruik --format csv of json")


def schrijf(records: list[Record], uit: BinaryIO) -> None:
    _namen_passen(records)
    try:
        import xlsxwriter
        import xlsxwriter.exceptions
    except ImportError:
        raise WerkboekOntbreekt(f"voor een Excel-werkboek is XlsxWriter nodig; installeer het met: {installeer('xlsx')}") from None

    # a name is text, always: never a formula (a functie `=HYPERLINK(...)`), a link or a number;
    # constant_memory: each row goes to a temporary file as the next begins, so memory holds
    # one row of each sheet, not the workbook; rows are therefore written in order
    boek = xlsxwriter.Workbook(uit, {"constant_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
    boek.worksheet_class = _blad()
    boek.set_properties({"title": "Bruto/netto-berekening", "creator": "brutonetto", "created": None})
    opmaak = _Opmaak(boek)
    invoer = boek.add_worksheet("Invoer")
    resultaat = boek.add_worksheet("Resultaat")
    toelichting = boek.add_worksheet("Toelichting")

    alle_stappen = [record.stappen() for record in records]
    # the steps by shape: a shape is a step without its numbers (its rule, what it computes, the
    # fields its operands are); the layout looks at one step of each shape, and a row's pattern
    # is the shapes of its steps (10,000 functies have a few hundred shapes)
    vormen: dict[tuple[Any, ...], int] = {}
    voorbeelden: list[Stap] = []  # one step of each shape, in the order first met
    rijvormen: list[tuple[int, ...]] = []
    # an operand's shape: all of it but its number (veld, soort, basis, procent, functie); the
    # number too of a constant or another functie's figure, which the formula holds as such
    operandvorm = operator.itemgetter(0, 2, 3, 4, 5)
    met_getal: dict[int, dict[tuple[Decimal, ...], int]] = {}  # such shapes, by their numbers
    for blad in alle_stappen:
        vorm = []
        for stap in blad:
            sleutel = (stap.veld, stap.regel, *map(operandvorm, stap.operanden))
            n = vormen.get(sleutel)
            if n is None:
                n = vormen[sleutel] = len(voorbeelden)
                voorbeelden.append(stap)
                if not _PER_RIJ.issuperset(op.soort for op in stap.operanden):
                    met_getal[n] = {}
            if n in met_getal:
                getallen = tuple(op.waarde for op in stap.operanden)
                m = met_getal[n].get(getallen)
                if m is None:
                    m = met_getal[n][getallen] = len(voorbeelden)
                    voorbeelden.append(stap)
                n = m
            vorm.append(n)
        rijvormen.append(tuple(vorm))
    profielen = [record.invoer.profiel for record in records]
    werkweken = any(stap.veld == ("werkweken",) for stap in voorbeelden)
    invoerkolommen: dict[str, tuple[str, ...] | None] = {**VAST, **(WERKWEKEN if werkweken else {})}
    for stap in ("verlof", "aftrek"):
        for naam in dict.fromkeys(n for p in profielen for n in getattr(p, stap)):
            invoerkolommen[f"{stap}: {naam}"] = (stap, naam)  # the line as written
            invoerkolommen[f"{stap}: {naam} (uur)"] = None  # its hours: the step, beside it
    invoerkolommen.update(NA)
    if any(stap.regel == regels.AGENTUREN_PER_WEEK for stap in voorbeelden):
        invoerkolommen.update(CONTACTCENTRUM)
    vaste_invoer = {**VAST, **NA}  # written from the profile; the others from the operands of the steps
    vast = {veld for veld in vaste_invoer.values() if veld is not None}
    # an input the layout does not know yet (a product's volume, een_per, instroom) gets a column of its own
    bekend = set(invoerkolommen.values())
    for stap in voorbeelden:
        for operand in stap.operanden:
            if operand.soort == INVOER and operand.veld not in bekend:
                invoerkolommen[KOPPEN.get(operand.veld) or veldpad(operand.veld)] = operand.veld
                bekend.add(operand.veld)
    koppen = list(invoerkolommen)
    uitkomsten = dict(UITKOMSTEN)
    geplaatst = {(veld,) for veld in uitkomsten.values()} | INVOERSTAPPEN
    for stap in voorbeelden:  # a step the layout does not know yet (a new rule) gets a column of its own
        lijn = len(stap.veld) == 2 and stap.veld[0] in ("verlof", "aftrek") and stap.veld in bekend
        if stap.veld not in geplaatst and not lijn:
            kop = stap.veld[0].replace("_", " ").capitalize() if len(stap.veld) == 1 else veldpad(stap.veld)
            uitkomsten[kop] = stap.veld if len(stap.veld) > 1 else stap.veld[0]
            geplaatst.add(stap.veld)
    uitkoppen = ["Functie", "Eenheid", "Scenario", *uitkomsten]
    kolommen = max(len(koppen), len(uitkoppen) + len({r.scenario for r in records}))
    if kolommen > MAX_KOLOMMEN:  # past XFD a formula would point at a column no spreadsheet has
        raise WerkboekOntbreekt(f"dit werkboek zou {telling(kolommen)} kolommen hebben (een kolom per invoer en per "
                                f"stap: zoveel producten of aftrekregels); een spreadsheet heeft er {telling(MAX_KOLOMMEN)}. "
                                "Gebruik --format csv of json")
    cellen = _Cellen(koppen, invoerkolommen, uitkomsten)

    breedte_in = [len(k) for k in koppen]
    breedte_uit = [len(k) for k in uitkoppen]
    for blad_, koppen_ in ((invoer, koppen), (resultaat, uitkoppen)):  # `aftrek: <naam>`: text, as the names
        for c, kop in enumerate(koppen_):
            blad_.write_string(0, c, kop, opmaak.kop)
    # where a total counts other rows than its scenario's own (a functie without the scenario
    # with its basis, a compare's matched ones): a column marks them (engine.records.totaalgroepen)
    telt: dict[str, tuple[int, set[int]]] = {}
    for naam, groep in totaalgroepen(records).items():
        geteld = {id(r) for r in groep}
        if geteld != {id(r) for r in records if r.scenario == naam}:
            telt[naam] = (len(uitkoppen) + len(telt), geteld)
            resultaat.write_string(0, telt[naam][0], f"In totaal {naam}", opmaak.kop)
    rij_van = {id(record): i + 2 for i, record in enumerate(records)}  # the spreadsheet row of each record
    # a ratio role refers to the row of the functie it follows, in the same scenario
    cellen.rijen = {(rec.eenheid, rec.functie, rec.scenario): i + 2 for i, rec in enumerate(records)}

    vaste_kolommen = [(koppen.index(kop), veld) for kop, veld in vaste_invoer.items() if veld is not None]
    plan = _Rijplan(cellen, opmaak, vaste_kolommen, vast, uitkoppen.index("Fte"), [c for c, _ in telt.values()],
                    resultaat, voorbeelden)
    for i, (record, blad, vorm) in enumerate(zip(records, alle_stappen, rijvormen)):
        r = i + 2  # the spreadsheet row of this record (row 1 holds the headers)
        profiel = record.invoer.profiel
        teksten = [record.functie, record.eenheid or "", record.scenario, record.bestand]
        for c, waarde in enumerate(teksten):
            if len(waarde) > breedte_in[c]:
                breedte_in[c] = len(waarde)
            if c < 3 and len(waarde) > breedte_uit[c]:
                breedte_uit[c] = len(waarde)
        teksten += ["ja" if id(record) in geteld else "nee" for _, geteld in telt.values()]
        aanwezig = tuple(getattr(profiel, veld[0], None) is not None for _, veld in vaste_kolommen)
        rij_in, rij_uit = plan.rij(vorm, blad, profiel, teksten, r, rij_van[id(record.basis or record)], aanwezig)
        invoer.rij(r - 1, *rij_in)
        resultaat.rij(r - 1, *rij_uit)

    laatste = len(records) + 1
    _totalen(resultaat, records, uitkoppen, laatste, opmaak, telt)
    for blad_, koppen_, breedtes in ((invoer, koppen, breedte_in), (resultaat, uitkoppen, breedte_uit)):
        blad_.set_landscape()  # printed: landscape, one page wide, the headers on every page
        blad_.set_paper(9)
        blad_.fit_to_pages(1, 0)
        blad_.repeat_rows(0)
        blad_.freeze_panes(1, 1)
        blad_.autofilter(0, 0, laatste - 1, len(koppen_) - 1)
        for c, breedte in enumerate(breedtes):
            blad_.set_column(c, c, min(max(breedte, 10) + 2, 45))
    _toelichting(toelichting, voorbeelden, uitkomsten, opmaak)
    resultaat.activate()  # opens on the results
    _sluit(boek)


def _sluit(boek: Any) -> None:
    """Close (zip) the workbook; a disk that refuses it is an OSError, as any other write."""
    import xlsxwriter.exceptions

    geweigerd: tuple[int, str] | None = None
    try:
        with _snel_gezipt():
            boek.close()
    except xlsxwriter.exceptions.FileCreateError as fout:
        # constant_memory keeps each sheet in a temporary file until the zip is made: a disk
        # or a size limit that refuses them refuses the workbook (cli/uitvoer.py names it)
        if not (fout.args and isinstance(fout.args[0], OSError)):
            raise
        geweigerd = (fout.args[0].errno, fout.args[0].strerror)
    if geweigerd is not None:
        # raised anew, outside the handler: the old one's frames hold XlsxWriter's half-made zip,
        # which would close itself much later into a stream that is gone (a traceback after our message)
        raise OSError(*geweigerd)


ZIPNIVEAU = 1  # zlib's fastest: 10,000 functies are 52 MB of XML, 0,7 s at its default level 6, 0,2 s here (28% larger)


@contextlib.contextmanager
def _snel_gezipt() -> Iterator[None]:
    """XlsxWriter zips the sheets at zlib's default level and has no option for another; while
    a workbook closes, its ZipFile is made with ZIPNIVEAU. A workbook is written in one
    thread (the command line's), and XlsxWriter's own name is back when the zip is made."""
    import xlsxwriter.workbook

    zipfile = xlsxwriter.workbook.ZipFile
    xlsxwriter.workbook.ZipFile = functools.partial(zipfile, compresslevel=ZIPNIVEAU)
    try:
        yield
    finally:
        xlsxwriter.workbook.ZipFile = zipfile


# The functions our formulas call (engine/regels.py and the totals), and those totals may call
# (SUMPRODUCT of EXACT): Excel has had them always, so XlsxWriter has nothing to prefix (`_xlfn.`).
KLASSIEKE_FUNCTIES = frozenset({"SUM", "SUMIF", "SUMIFS", "SUMPRODUCT", "EXACT"})
_FUNCTIE = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*)\(")


@functools.cache
def _blad() -> type:
    """XlsxWriter's worksheet, without its search for newer Excel functions in formulas that call none.

    XlsxWriter runs some thirty regular expressions over every formula to prefix functions
    newer Excel needs marked (`_xlfn.XLOOKUP`); over 10,000 functies that was two thirds of
    the workbook's time. A formula calling only `KLASSIEKE_FUNCTIES` is taken as it is; any
    other still goes through XlsxWriter's own preparation."""
    from xlsxwriter.worksheet import Worksheet

    class Blad(Worksheet):
        def _prepare_formula(self, formula: str, *args: Any) -> str:  # XlsxWriter 3.2 added an argument
            if (not KLASSIEKE_FUNCTIES.issuperset(_FUNCTIE.findall(formula))
                    or formula.startswith("{") or formula.endswith("}")):
                return super()._prepare_formula(formula, *args)
            return formula[1:] if formula.startswith("=") else formula

        def rij(self, rij: int, xml: str, eerste: int, laatste: int) -> None:
            """A whole row at once, its cells rendered already (`_Rijplan`), from column eerste to laatste.

            XlsxWriter's cell by cell path (a call, a check, a tuple, then the XML of each
            cell as the next row begins) was most of the workbook's time over 10,000 functies;
            in constant_memory mode a row is XML written to a temporary file in order, so a
            row that is all known is written as such. The row before it (the headers, written
            through XlsxWriter) goes first; the sheet's dimensions are kept as XlsxWriter keeps them."""
            self._write_single_row(rij)
            self._check_dimensions(rij, eerste)
            self._check_dimensions(rij, laatste)
            self.fh.write(f'<row r="{rij + 1}">{xml}</row>')

        def _write_cell(self, row: int, col: int, cell: Any) -> None:
            """A string cell as text, always: XlsxWriter writes a string that begins with <r> and ends
            with </r> as rich-text XML, unescaped, so a name could add cells, formulas among them."""
            tekst = getattr(cell, "string", None)
            if (type(cell).__name__ == "String" and isinstance(tekst, str)
                    and tekst.startswith("<r>") and tekst.endswith("</r>")):
                opmaak = f' s="{cell.format._get_xf_index()}"' if cell.format else ""
                self.fh.write(f'<c r="{_kolom(col)}{row + 1}"{opmaak} t="inlineStr"><is><t{_tekst(tekst)}</t></is></c>')
                return
            super()._write_cell(row, col, cell)

    return Blad


# what a row's cell refers to in its own row or its basis row: its formula is the same for every row
_PER_RIJ = frozenset({INVOER, STANDAARD, STAP})
_XML_BIJZONDER = re.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_MAX_TEKST = 32_767  # characters in a cell


def _tekst(tekst: str) -> str:
    """A name or a word as an inline string's `<t` element, from its attributes on: text, never a
    formula or markup; as XlsxWriter's write_string writes it (at most 32.767 UTF-16 units,
    control characters as Excel's _xHHHH_, a literal _xHHHH_ kept by escaping its _, XML's own
    characters escaped, leading or trailing spaces kept), written here so no version of it
    decides: XlsxWriter writes a string that looks like rich text (`<r>...</r>`) as raw XML."""
    if len(tekst) > _MAX_TEKST // 2 and len(tekst.encode("utf-16-le", "surrogatepass")) // 2 > _MAX_TEKST:
        eenheden = 0
        for i, teken in enumerate(tekst):  # never half of a character beyond U+FFFF
            eenheden += 2 if ord(teken) > 0xFFFF else 1
            if eenheden > _MAX_TEKST:
                tekst = tekst[:i]
                break
    if _XML_BIJZONDER.search(tekst):
        tekst = _LETTERLIJK_ESCAPE.sub(r"_x005F\1", tekst)
        tekst = _STUURTEKEN.sub(lambda m: f"_x{ord(m.group(1)):04X}_", tekst)
        tekst = tekst.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if tekst[:1].isspace() or tekst[-1:].isspace():
        return f' xml:space="preserve">{tekst}'
    return f">{tekst}"


_LETTERLIJK_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
_STUURTEKEN = re.compile("([\x00-\x08\x0b-\x1f\ufffe\uffff])")


class _Rijplan:
    """The XML of a row for every row of its pattern (the shapes of its steps, the inputs it has).

    A pattern is worked out once, cell by cell as the workbook always placed them: the names,
    the inputs as written, each step's formula (the rule's Excel template over the cells of its
    operands: only ours, never a name from a file), each shape's cells once. What is left open
    is the row ({r}), the basis row ({b}) and what the row holds: its steps' results (u), the
    inputs of its steps (o) and of its profile (p), its texts (t); `rij` fills them in."""

    def __init__(self, cellen: _Cellen, opmaak: _Opmaak, vaste_kolommen: list[tuple[int, tuple[str, ...]]],
                 vast: set[tuple[str, ...]], fte_kolom: int, telt: list[int], blad: Any, voorbeelden: list[Stap]) -> None:
        self.cellen, self.opmaak, self.vaste_kolommen, self.vast = cellen, opmaak, vaste_kolommen, vast
        self.fte_kolom, self.blad, self.voorbeelden = fte_kolom, blad, voorbeelden
        self.stukken: dict[int, tuple[list[tuple[int, int, tuple[str, str]]], bool, int, tuple[str, str]]] = {}
        self.plannen: dict[tuple[Any, ...], tuple[str, int, int, str, int, int, list[tuple[int, int]], list[str]]] = {}
        self.teksten: dict[str, str] = {}  # a name -> its inline string (`_tekst`)
        # functie, eenheid, scenario, bestand on Invoer; the first three and `In totaal` on Resultaat
        self.tekst_in = {c: _tekstsjabloon(c, c) for c in range(4)}
        self.tekst_uit = {c: _tekstsjabloon(c, c) for c in range(3)}
        self.tekst_uit.update({c: _tekstsjabloon(c, 4 + k) for k, c in enumerate(telt)})
        self.vaste_stukken = {c: _getalsjabloon(c, opmaak.invoer(veld), "p") for c, veld in vaste_kolommen}
        self.fte_stuk = (f'<c r="{_kolom(fte_kolom)}{{r}}" s="{opmaak.fte._get_xf_index()}"><f>Invoer!'
                         f'{_kolom(cellen.invoer[("fte",)])}{{r}}</f><v>{{p[', ']}</v></c>')

    def rij(self, vorm: tuple[int, ...], stappen: list[Stap], profiel: Any, teksten: list[str], r: int, b: int,
            aanwezig: tuple[bool, ...]) -> tuple[tuple[str, int, int], tuple[str, int, int]]:
        """The XML of both sheets' row (with the first and last column of each)."""
        plan = self.plannen.get((vorm, aanwezig))
        if plan is None:
            plan = self.plannen[(vorm, aanwezig)] = self._maak(vorm, aanwezig)
        sjabloon_in, eerste_in, laatste_in, sjabloon_uit, eerste_uit, laatste_uit, operanden, velden = plan
        # the numbers as the engine's exact decimals: a cell's value is a decimal text that the
        # spreadsheet reads as its nearest double, as it reads 0.1; turning 30 decimals a row
        # into floats and back into text was a quarter of the workbook's time
        u = ["" if stap.uitkomst is None else str(stap.uitkomst) for stap in stappen]
        o = [str(stappen[i].operanden[j].waarde) for i, j in operanden]
        p = [str(getattr(profiel, veld)) for veld in velden]
        bekend = self.teksten  # names repeat: a functie in each scenario, the eenheid and file in every row
        t = [bekend[tekst] if tekst in bekend else bekend.setdefault(tekst, _tekst(tekst)) for tekst in teksten]
        return ((sjabloon_in.format(u=u, o=o, p=p, t=t, r=r, b=b), eerste_in, laatste_in),
                (sjabloon_uit.format(u=u, o=o, p=p, t=t, r=r, b=b), eerste_uit, laatste_uit))

    def _maak(self, vorm: tuple[int, ...], aanwezig: tuple[bool, ...]) -> Any:
        rij_in, rij_uit = dict(self.tekst_in), dict(self.tekst_uit)
        velden: list[str] = []
        # the inputs as written; a default the engine used (weken_per_jaar) in its input cell too
        for (c, veld), ja in zip(self.vaste_kolommen, aanwezig):
            if ja:
                voor, na = self.vaste_stukken[c]
                rij_in[c] = f"{voor}{len(velden)}{na}"
                velden.append(veld[0])
        operanden: list[tuple[int, int]] = []
        stukken = [self._stukken(n) for n in vorm]
        for i, (invoer, _, _, _) in enumerate(stukken):
            for j, c, (voor, na) in invoer:
                rij_in[c] = f"{voor}{len(operanden)}{na}"
                operanden.append((i, j))
        # every step a live formula, with the value the engine computed
        for i, (_, op_invoer, c, (voor, na)) in enumerate(stukken):
            (rij_in if op_invoer else rij_uit)[c] = f"{voor}{i}{na}"
        if "fte" in velden:
            voor, na = self.fte_stuk
            rij_uit[self.fte_kolom] = f"{voor}{velden.index('fte')}{na}"
        kol_in, kol_uit = sorted(rij_in), sorted(rij_uit)
        return ("".join([rij_in[c] for c in kol_in]), kol_in[0], kol_in[-1],
                "".join([rij_uit[c] for c in kol_uit]), kol_uit[0], kol_uit[-1], operanden, velden)

    def _stukken(self, n: int) -> tuple[list[tuple[int, int, tuple[str, str]]], bool, int, tuple[str, str]]:
        """The cells of one shape of step: its inputs as written (operand, column, cell) and its formula."""
        stukken = self.stukken.get(n)
        if stukken is not None:
            return stukken
        cellen, opmaak, stap = self.cellen, self.opmaak, self.voorbeelden[n]
        invoer = []
        for j, operand in enumerate(stap.operanden):
            if operand.soort == INVOER and operand.veld not in self.vast:  # a verlof or aftrek line, a product
                fmt = opmaak.regel.get(stap.regel, opmaak.procent_invoer if operand.procent else opmaak.getal)
                c = cellen.invoer[operand.veld]
                invoer.append((j, c, _getalsjabloon(c, fmt, "o")))
            elif operand.soort == STANDAARD and not operand.basis:
                c = cellen.invoer[operand.veld]
                invoer.append((j, c, _getalsjabloon(c, opmaak.invoer(operand.veld), "o")))
        blad_naam, c = cellen.plek(stap.veld)
        formule = "=" + regels.vul_in(
            regels.REGELS[stap.regel], [cellen.verwijzing(op, "\x01", "\x02", blad_naam) for op in stap.operanden],
            excel=True,
        )  # the rows as marks no formula holds, then as the places a row fills in
        formule = self.blad._prepare_formula(formule).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        formule = formule.replace("{", "{{").replace("}", "}}").replace("\x01", "{r}").replace("\x02", "{b}")
        op_invoer = blad_naam == "Invoer"
        fmt = opmaak.getal if op_invoer and len(stap.veld) == 1 else opmaak.eenheid[regels.REGELS[stap.regel].eenheid]
        stuk = (f'<c r="{_kolom(c)}{{r}}" s="{fmt._get_xf_index()}"><f>{formule}</f><v>{{u[', ']}</v></c>')
        stukken = self.stukken[n] = (invoer, op_invoer, c, stuk)
        return stukken


def _tekstsjabloon(c: int, k: int) -> str:
    return f'<c r="{_kolom(c)}{{r}}" t="inlineStr"><is><t{{t[{k}]}}</t></is></c>'


def _getalsjabloon(c: int, fmt: Any, lijst: str) -> tuple[str, str]:
    """An input as a number cell, as write_number writes one: before and after its place in `lijst`."""
    return f'<c r="{_kolom(c)}{{r}}" s="{fmt._get_xf_index()}"><v>{{{lijst}[', ']}</v></c>'


class _Cellen:
    """Where each input and each step of a row lives, and how a formula refers to it."""

    def __init__(
        self, koppen: list[str], invoerkolommen: dict[str, tuple[str, ...] | None], uitkomsten: dict[str, str]
    ) -> None:
        self.invoer = {veld: koppen.index(kop) for kop, veld in invoerkolommen.items() if veld is not None}
        self.stap = {veld: ("Invoer", c) for veld, c in self.invoer.items() if veld in INVOERSTAPPEN}
        self.stap.update({veld: ("Invoer", c + 1) for veld, c in self.invoer.items() if len(veld) == 2})
        self.stap.update({
            veld if isinstance(veld, tuple) else (veld,): ("Resultaat", 3 + i) for i, veld in enumerate(uitkomsten.values())
        })
        self.rijen: dict[tuple[str | None, str, str], int] = {}

    def plek(self, veld: tuple[str, ...]) -> tuple[str, int]:
        return self.stap[veld]

    def verwijzing(self, operand: Any, r: int | str, b: int | str, blad: str) -> str:
        """The cell an operand refers to from a formula on `blad` in row r (its basis in row b)."""
        if operand.soort == CONSTANTE:
            return machinegetal(operand.waarde)  # the engine's constant, never one of ours
        if operand.soort == ANDER:  # another functie's row: a ratio role's grondslag
            rij = self.rijen.get(operand.functie)
            if rij is None:  # that record is not in this workbook: its value, as the engine had it
                return machinegetal(operand.waarde)
            waar, c = self.stap[operand.veld] if operand.veld in self.stap else ("Invoer", self.invoer[operand.veld])
            return f"{'' if waar == blad else waar + '!'}{_kolom(c)}{rij}"
        waar, c = self.stap[operand.veld] if operand.soort == STAP else ("Invoer", self.invoer[operand.veld])
        cel = f"{_kolom(c)}{b if operand.basis else r}"
        return cel if waar == blad else f"{waar}!{cel}"


def _totalen(blad: Any, records: list[Record], koppen: list[str], laatste: int, opmaak: _Opmaak,
             telt: dict[str, tuple[int, set[int]]]) -> None:
    """One total row per scenario, as the engine's totals: fte and costs summed over the rows
    whose scenario is exactly the name on the total row (SUMPRODUCT of EXACT).

    Not SUMIF: it reads its criterion as a pattern, so scenarios `ex*`, `<>basis` or `b?sis`
    summed other scenarios' rows too, and it ignores case (`Extra` and `extra`). EXACT compares
    text as written, case and all, and refers to the name's own cell, so no name is quoted
    into a formula. When a total counts other rows than its scenario's own (a functie without
    that scenario counts with its basis; one found in one file of a compare does not), the
    column `In totaal <scenario>` (`telt`) marks the rows it counts, and its sums add up those.
    """
    scenario = f"$C$2:$C${laatste}"
    rijen = totalen(records)
    for j, totaal in enumerate(rijen):
        r = laatste + 2 + j
        blad.write_string(r - 1, 0, totaal.functie, opmaak.kop)
        blad.write_string(r - 1, 2, totaal.scenario, opmaak.kop)
        kolom = _kolom(telt[totaal.scenario][0]) if totaal.scenario in telt else None
        for kop, fmt in (("Fte", opmaak.fte), ("Fte nodig", opmaak.fte), ("Extra fte", opmaak.fte), ("Extra kosten", opmaak.euro),
                         ("Waarde extra uren", opmaak.euro)):
            waarde = getattr(totaal, UITKOMSTEN[kop])
            if waarde is None:
                continue  # nothing to add up: no row has this figure
            k = _kolom(koppen.index(kop))
            bereik = f"{k}$2:{k}${laatste}"
            if kolom is None:
                formule = f"=SUMPRODUCT(--EXACT({scenario},$C${r}),{bereik})"
            else:  # the rows its column marks: a compare's matched ones, the unit's basis for the rest
                formule = f'=SUMPRODUCT(--(${kolom}$2:${kolom}${laatste}="ja"),{bereik})'
            blad.write_formula(r - 1, koppen.index(kop), formule, fmt, _f(waarde))
        _gewogen_uren(blad, totaal, koppen, laatste, r, opmaak,
                      f"--EXACT({scenario},$C${r})" if kolom is None else f'--(${kolom}$2:${kolom}${laatste}="ja")')
    uitleg = "Totalen per scenario: fte en kosten opgeteld over de regels met precies deze scenarionaam; zie Toelichting."
    if telt:
        waarom = ("een functie die in maar één bestand staat telt niet mee" if any(not r.in_totaal for r in records)
                  else "een functie zonder het scenario telt mee met haar basis")
        uitleg = ("Totalen per scenario: fte en kosten opgeteld over de regels met precies deze scenarionaam, of met 'ja' "
                  f"in de kolom In totaal van dat scenario: {waarom}.")
    blad.write_string(laatste + len(rijen) + 2, 0, uitleg, opmaak.cursief)


def _gewogen_uren(blad: Any, totaal: Any, koppen: list[str], laatste: int, r: int, opmaak: _Opmaak, telt: str) -> None:
    """A total's hours as the engine weighs them (records.totalen): each row by its fte, or its
    fte nodig where it has none: SUMPRODUCT(rows counted, weight, hours) / SUMPRODUCT(rows, weight);
    the share of direct hours from the total's own cells."""
    if "Fte" not in koppen or totaal.directe_uren is None:
        return
    fte = _kolom(koppen.index("Fte"))
    gewicht = f"${fte}$2:${fte}${laatste}"
    if "Fte nodig" in koppen:  # a blank fte counts as 0 in arithmetic: then the fte nodig weighs
        nodig = _kolom(koppen.index("Fte nodig"))
        gewicht = f"({gewicht}+({gewicht}=0)*${nodig}$2:${nodig}${laatste})"
    for kop, veld in (("Bruto uren", "bruto_uren"), ("Beschikbare uren", "beschikbare_uren"),
                      ("Totaal aftrek", "totaal_aftrek"), ("Directe uren", "directe_uren")):
        if kop in koppen and getattr(totaal, veld) is not None:
            k = _kolom(koppen.index(kop))
            formule = f"=SUMPRODUCT({telt},{gewicht},${k}$2:${k}${laatste})/SUMPRODUCT({telt},{gewicht})"
            blad.write_formula(r - 1, koppen.index(kop), formule, opmaak.uren, _f(getattr(totaal, veld)))
    for aandeel, noemer, veld in (("Aandeel direct", "Beschikbare uren", "aandeel_direct"),
                                  ("Aandeel bruto", "Bruto uren", "aandeel_bruto")):
        if all(k in koppen for k in (aandeel, "Directe uren", noemer)) and getattr(totaal, veld) is not None:
            direct, onder = (_kolom(koppen.index(k)) for k in ("Directe uren", noemer))
            blad.write_formula(r - 1, koppen.index(aandeel), f"={direct}{r}/{onder}{r}", opmaak.procent,
                               _f(getattr(totaal, veld)))


class _Opmaak:
    """Number formats; Excel shows them in the reader's own notation (1.631,0 in a Dutch Excel)."""

    def __init__(self, boek: Any) -> None:
        self.kop = boek.add_format({"bold": True, "bg_color": "#dde6f0", "border": 1, "text_wrap": True, "valign": "top"})
        self.getal = boek.add_format({"num_format": "#,##0.##"})
        self.uren = boek.add_format({"num_format": "#,##0.0"})
        self.fte = boek.add_format({"num_format": "#,##0.00"})
        self.procent = boek.add_format({"num_format": "0.0%"})
        self.procent_invoer = boek.add_format({"num_format": "0.0##%", "bg_color": "#fff7d6"})
        self.euro = boek.add_format({"num_format": '"€" #,##0'})
        self.cursief = boek.add_format({"italic": True})
        self.tekst = boek.add_format({"text_wrap": True, "valign": "top"})
        # the result of a step, by the unit of its rule
        self.eenheid = {regels.UUR: self.uren, regels.WEKEN: self.getal, regels.FTE: self.fte,
                        regels.EURO: self.euro, regels.AANDEEL: self.procent}
        # a verlof or aftrek line as written (yellow: change it and everything follows), by its rule
        formaten: dict[str, Any] = {}  # one format per number format: uur/week in verlof and in aftrek alike
        self.regel: dict[str, Any] = {}
        for regel_id, regel in regels.REGELS.items():
            if regel.invoerformaat is not None:
                if regel.invoerformaat not in formaten:
                    formaten[regel.invoerformaat] = boek.add_format({"num_format": regel.invoerformaat, "bg_color": "#fff7d6"})
                self.regel[regel_id] = formaten[regel.invoerformaat]

    def invoer(self, veld: tuple[str, ...]) -> Any:
        return self.euro if veld in (("kosten_per_fte",), ("uurtarief",)) else self.getal


# The sheet's own words; the formula of each column comes from the rules the steps used.
TOELICHTING_BEGIN = [
    ("Invoer", "Eén regel per functie per scenario, met alle invoer. Gele cellen zijn de aftrek en het verlof "
     "zoals ze in het YAML-bestand staan (92 uur, 5,7%, 1 uur/week, 3 dagen); de kolom '(uur)' ernaast rekent ze "
     "om naar uren per jaar. Pas een gele cel aan en alle resultaten rekenen mee."),
]
TOELICHTING_CONTACTCENTRUM = (
    "Agenturen per week (Erlang C)",
    "Voor een contactcentrum: de agenturen van een typische week, door brutonetto per interval berekend met "
    "Erlang C (het kleinste aantal agenten dat het servicelevel en de maximale bezetting haalt, maal de "
    "intervalduur). Erlang C is geen Excel-formule, daarom staat hier het getal; brutonetto explain toont "
    "de intervaltabel. Werklast uren = agenturen per week x weken open, en daaruit fte nodig.",
)
TOELICHTING_EIND = [
    ("Fte", "De formatie uit de invoer."),
    ("Totaal", "Per scenario: fte, fte nodig, extra fte, extra kosten en de waarde extra uren opgeteld over de regels "
     "waarvan het scenario precies (ook in hoofdletters) de naam in de totaalregel is: SOMPRODUCT met GELIJK "
     "(SUMPRODUCT, EXACT)."),
    ("Getallen", "Elke uitkomst is een formule; brutonetto schreef er ook de berekende waarde bij, exact "
     "gerekend en afgerond op 6 decimalen in JSON en CSV."),
]


def _toelichting(blad: Any, stappen: list[Stap], uitkomsten: dict[str, Any], opmaak: _Opmaak) -> None:
    """What each column means: its formula in the words of the rule, with the formula sheet's section."""
    kolommen = {veld: kop for kop, veld in uitkomsten.items()}
    kolommen.update({"verlof": "verlof: ... (uur)", "aftrek": "aftrek: ... (uur)", "uren_per_dag": "Uren per dag",
                     "werkweken": "Werkweken"})
    uitleg: dict[str, dict[str, None]] = {}
    for stap in stappen:
        regel = regels.REGELS[stap.regel]
        kolom = kolommen.get(stap.veld) or kolommen[stap.veld[0]]  # a column of its own, or the stage's
        uitleg.setdefault(kolom, {})[f"{regel.formule} ({regel.paragraaf})"] = None
    begin = TOELICHTING_BEGIN + ([TOELICHTING_CONTACTCENTRUM] if "agenturen_per_week" in kolommen else [])
    rijen = begin + [(kolom, "; ".join(zinnen)) for kolom, zinnen in uitleg.items()] + TOELICHTING_EIND
    _toelichtingsblad(blad, rijen, opmaak.kop, opmaak.tekst, 24)
    blad.freeze_panes(1, 0)


def _toelichtingsblad(blad: Any, regels: list[tuple[str, str]], kop: Any, tekst: Any, breedte: int) -> None:
    """The Toelichting sheet of every workbook: per column its meaning and formula."""
    blad.write_row(0, 0, ["Kolom", "Betekenis en formule"], kop)
    for i, (kolom, uitleg) in enumerate(regels, 1):
        blad.write_string(i, 0, kolom)
        blad.write_string(i, 1, uitleg, tekst)
    blad.set_column(0, 0, breedte)
    blad.set_column(1, 1, 110)


# The workbooks of budget, sensitivity and realisation ------------------------------------
#
# As compute's: the inputs as numbers (yellow: change one and the rest follows), every figure
# whose arithmetic is ours a live formula over cells of the sheet, carrying the value the engine
# computed; names from files as text (write_string), never inside a formula. The arithmetic is
# the engine's (engine/begroting.py, engine/gevoeligheid.py through the records' rules,
# engine/realisatie.py), as `--uitleg` shows it step by step (output/uitleg.py).


class _Analyse:
    """A workbook of one sheet of rows, a sheet of inputs when it has one, and a Toelichting."""

    def __init__(self, uit: BinaryIO, titel: str) -> None:
        try:
            import xlsxwriter
        except ImportError:
            raise WerkboekOntbreekt(
                f"voor een Excel-werkboek is XlsxWriter nodig; installeer het met: {installeer('xlsx')}") from None
        self.boek = xlsxwriter.Workbook(uit, {"constant_memory": True, "strings_to_numbers": False,
                                              "strings_to_formulas": False, "strings_to_urls": False})
        self.boek.worksheet_class = _blad()  # a name is text, also one that looks like rich text
        self.boek.set_properties({"title": titel, "creator": "brutonetto", "created": None})
        nieuw = self.boek.add_format
        self.kop = nieuw({"bold": True, "bg_color": "#dde6f0", "border": 1, "text_wrap": True, "valign": "top"})
        self.uren = nieuw({"num_format": "#,##0.0"})
        self.fte = nieuw({"num_format": "#,##0.00"})
        self.euro = nieuw({"num_format": '"€" #,##0'})
        self.procent = nieuw({"num_format": "0.0%"})
        self.getal = nieuw({"num_format": "#,##0.##"})
        self.datum = nieuw({"num_format": "yyyy-mm-dd"})
        geel = {"bg_color": "#fff7d6"}  # an input: change it and what follows moves
        self.uren_invoer = nieuw({"num_format": "#,##0.0##", **geel})
        self.fte_invoer = nieuw({"num_format": "#,##0.00##", **geel})
        self.euro_invoer = nieuw({"num_format": '"€" #,##0', **geel})
        self.procent_invoer = nieuw({"num_format": "0.0##%", **geel})
        self.tekst = nieuw({"text_wrap": True, "valign": "top"})

    def blad(self, naam: str, koppen: list[str]) -> Any:
        blad = self.boek.add_worksheet(naam)
        for c, kop in enumerate(koppen):
            blad.write_string(0, c, kop, self.kop)
            blad.set_column(c, c, min(max(len(kop), 10) + 2, 40))
        blad.freeze_panes(1, 1)
        blad.set_landscape()
        blad.set_paper(9)
        blad.fit_to_pages(1, 0)
        blad.repeat_rows(0)
        return blad

    def nummer(self, blad: Any, r: int, c: int, waarde: Decimal | None, fmt: Any) -> None:
        if waarde is not None:
            blad.write_number(r, c, float(waarde), fmt)

    def formule(self, blad: Any, r: int, c: int, formule: str, waarde: Decimal | None, fmt: Any) -> None:
        """A live formula over cells (never a name), with the engine's value; none where the engine has none."""
        if waarde is not None:
            blad.write_formula(r, c, formule, fmt, float(waarde))

    def toelichting(self, regels: list[tuple[str, str]]) -> None:
        _toelichtingsblad(self.boek.add_worksheet("Toelichting"), regels, self.kop, self.tekst, 26)

    def sluit(self, eerste: Any) -> None:
        eerste.activate()
        _sluit(self.boek)


def _cel(c: int, r: int, blad: str = "", vast: bool = False) -> str:
    """A cell reference from a 0-based column and a 1-based row: `C7`, `Invoer!$B$2`."""
    cel = f"${_kolom(c)}${r}" if vast else f"{_kolom(c)}{r}"
    return f"{blad}!{cel}" if blad else cel


BUDGET_KOPPEN = ["Jaar", "Scenario", "Financiering", "Kosten", "Saldo", "Cumulatief", "Betaalbare fte"]
BUDGET_INVOER = ["Scenario", "Extra kosten (eerste jaar)", "Indexatie", "Kosten per fte", "Eerste jaar"]
BUDGET_FUNCTIES = ["Functie", "Eenheid", "Scenario", "Extra fte", "Kosten per fte", "Extra kosten"]


def schrijf_budget(jaren: list[Any], uit: BinaryIO, records: list[Record], indexatie: Decimal) -> None:
    """budget's years: per scenario its extra kosten (the sum over its functies), and per year

        kosten = extra kosten x (1 + indexatie)^(jaar - eerste jaar),  saldo = financiering - kosten,
        cumulatief = vorig cumulatief + saldo,  betaalbare fte = financiering / (kosten per fte x (1 + indexatie)^n)

    as engine/begroting.py computes them; financiering, indexatie, the functies' extra fte and
    kosten per fte are the inputs."""
    _namen_passen(records)
    boek = _Analyse(uit, "Begroting")
    begroting = boek.blad("Begroting", BUDGET_KOPPEN)
    invoer = boek.blad("Invoer", BUDGET_INVOER)
    functies = boek.blad("Functies", BUDGET_FUNCTIES)
    scenarios = list(dict.fromkeys(j.scenario for j in jaren))
    plek: dict[str, int] = {}  # a scenario's row on Invoer (1-based)
    f = 1  # the last row written on Functies (0-based)
    for p, naam in enumerate(scenarios, 1):
        groep = [r for r in records if r.scenario == naam and not r.is_basis]
        eerste = next(j for j in jaren if j.scenario == naam)
        begin = f + 1
        for record in groep:
            for c, tekst in enumerate([record.functie, record.eenheid or "", record.scenario]):
                functies.write_string(f, c, tekst)
            boek.nummer(functies, f, 3, record.extra_fte, boek.fte_invoer)
            boek.nummer(functies, f, 4, record.invoer.profiel.kosten_per_fte, boek.euro_invoer)
            boek.formule(functies, f, 5, f"={_cel(3, f + 1)}*{_cel(4, f + 1)}", record.extra_kosten, boek.euro)
            f += 1
        prijzen = {r.invoer.profiel.kosten_per_fte for r in groep}
        invoer.write_string(p, 0, naam)
        boek.formule(invoer, p, 1, f"=SUM(Functies!{_cel(5, begin, vast=True)}:{_cel(5, f, vast=True)})",
                     eerste.kosten, boek.euro)
        boek.nummer(invoer, p, 2, indexatie / 100, boek.procent_invoer)
        if len(prijzen) == 1 and None not in prijzen:  # one price per fte: the funding buys a number of fte
            boek.nummer(invoer, p, 3, prijzen.pop(), boek.euro_invoer)
        invoer.write_number(p, 4, eerste.jaar)
        plek[naam] = p + 1
    vorige: str | None = None
    for i, jaar in enumerate(jaren, 1):
        r, p = i + 1, plek[jaar.scenario]
        begroting.write_number(i, 0, jaar.jaar)
        begroting.write_string(i, 1, jaar.scenario)
        boek.nummer(begroting, i, 2, jaar.financiering, boek.euro_invoer)
        index = f"(1+{_cel(2, p, 'Invoer', True)})^({_cel(0, r)}-{_cel(4, p, 'Invoer', True)})"
        boek.formule(begroting, i, 3, f"={_cel(1, p, 'Invoer', True)}*{index}", jaar.kosten, boek.euro)
        boek.formule(begroting, i, 4, f"={_cel(2, r)}-{_cel(3, r)}", jaar.saldo, boek.euro)
        doorgeteld = f"{_cel(5, r - 1)}+" if vorige == jaar.scenario else ""  # a scenario's first year starts at 0
        boek.formule(begroting, i, 5, f"={doorgeteld}{_cel(4, r)}", jaar.cumulatief, boek.euro)
        boek.formule(begroting, i, 6, f"={_cel(2, r)}/({_cel(3, p, 'Invoer', True)}*{index})", jaar.betaalbare_fte,
                     boek.fte)
        vorige = jaar.scenario
    boek.toelichting([
        ("Begroting", "Per scenario en per jaar, van het eerste tot het laatste jaar met financiering (een jaar "
         "zonder financiering staat er met 0). Gele cellen zijn invoer: pas ze aan en de rest rekent mee."),
        ("Kosten", "extra kosten x (1 + indexatie)^(jaar - eerste jaar), met de extra kosten en de indexatie van "
         "het scenario op Invoer."),
        ("Saldo", "financiering - kosten."),
        ("Cumulatief", "het vorige cumulatief + saldo; het eerste jaar van een scenario begint bij 0."),
        ("Betaalbare fte", "financiering / (kosten per fte x (1 + indexatie)^(jaar - eerste jaar)); alleen als alle "
         "functies van het scenario dezelfde kosten per fte hebben."),
        ("Invoer: Extra kosten", "de som van de extra kosten van de functies van het scenario op Functies."),
        ("Functies: Extra kosten", "extra fte x kosten per fte; de extra fte zijn door brutonetto berekend "
         "(brutonetto compute --format xlsx toont die berekening als formules)."),
    ])
    boek.sluit(begroting)


GEVOELIGHEID_KOPPEN = [
    "Functie", "Eenheid", "Scenario", "Veld", "Waarde", "Beschikbare uren", "Totaal aftrek", "Werklast uren",
    "Basis werklast uren", "Fte (basis)", "Basis directe uren", "Kosten per fte", "Uurtarief", "Basis totaal aftrek",
    "Directe uren", "Aandeel direct", "Fte nodig", "Extra fte", "Extra kosten", "Waarde extra uren",
]


def schrijf_gevoeligheid(rijen: list[Any], uit: BinaryIO, werking: dict[int, Record]) -> None:
    """sensitivity's points: per row the point's inputs from its record, and its figures as the
    engine's rules compute them (engine/regels.py's Excel templates): directe uren, aandeel
    direct, fte nodig, extra fte, extra kosten, waarde extra uren. A figure the sheet has no
    inputs for (a ratio role's fte nodig, follows another functie) is the engine's number.
    `werking` maps the id() of each row to the record it was read from (engine/gevoeligheid.py)."""
    _namen_passen(rijen)
    boek = _Analyse(uit, "Gevoeligheid")
    blad = boek.blad("Gevoeligheid", GEVOELIGHEID_KOPPEN)
    k = {kop: c for c, kop in enumerate(GEVOELIGHEID_KOPPEN)}
    for i, rij in enumerate(rijen, 1):
        r = i + 1
        cel = {kop: _cel(c, r) for kop, c in k.items()}
        for c, tekst in enumerate([rij.functie, rij.eenheid or "", rij.scenario, rij.veld, rij.waarde]):
            blad.write_string(i, c, tekst)
        record = werking.get(id(rij))
        if record is None:  # pragma: no cover - every row has its record; then its figures as numbers
            for kop, veld in (("Directe uren", "directe_uren"), ("Aandeel direct", "aandeel_direct"),
                              ("Fte nodig", "fte_nodig"), ("Extra fte", "extra_fte"), ("Extra kosten", "extra_kosten"),
                              ("Waarde extra uren", "waarde_extra_uren")):
                boek.nummer(blad, i, k[kop], getattr(rij, veld), boek.fte)
            continue
        basis = record.basis or record
        profiel = record.invoer.profiel
        regel = record.verschil.regel if record.verschil is not None else None
        invoer = {
            "Beschikbare uren": (record.beschikbare_uren, boek.uren_invoer),
            "Totaal aftrek": (record.totaal_aftrek, boek.uren_invoer),
            "Werklast uren": (record.werklast_uren, boek.uren_invoer),
            "Basis werklast uren": (basis.werklast_uren if regel == regels.EXTRA_FTE_WERKLAST else None, boek.uren_invoer),
            "Fte (basis)": (basis.invoer.profiel.fte, boek.fte_invoer),
            "Basis directe uren": (record.basis_directe_uren, boek.uren_invoer),
            "Kosten per fte": (profiel.kosten_per_fte, boek.euro_invoer),
            "Uurtarief": (profiel.uurtarief, boek.euro_invoer),
            "Basis totaal aftrek": (basis.totaal_aftrek if rij.waarde_extra_uren is not None else None, boek.uren_invoer),
        }
        for kop, (waarde, fmt) in invoer.items():
            boek.nummer(blad, i, k[kop], waarde, fmt)

        def excel(regel_id: str, *koppen: str) -> str:
            return "=" + regels.REGELS[regel_id].excel.format(*(cel[kop] for kop in koppen))

        boek.formule(blad, i, k["Directe uren"], f"={cel['Beschikbare uren']}-{cel['Totaal aftrek']}", rij.directe_uren,
                     boek.uren)
        boek.formule(blad, i, k["Aandeel direct"], excel(regels.AANDEEL_DIRECT, "Directe uren", "Beschikbare uren"),
                     rij.aandeel_direct, boek.procent)
        if record.werklast_uren is not None and record.uitkomst.grondslag is None:
            boek.formule(blad, i, k["Fte nodig"], excel(regels.FTE_NODIG, "Werklast uren", "Directe uren"), rij.fte_nodig,
                         boek.fte)
        else:  # a ratio role follows another functie's figure: the engine's number
            boek.nummer(blad, i, k["Fte nodig"], rij.fte_nodig, boek.fte)
        if regel == regels.EXTRA_FTE_WERKLAST:
            extra = excel(regel, "Werklast uren", "Directe uren", "Basis werklast uren", "Basis directe uren")
            boek.formule(blad, i, k["Extra fte"], extra, rij.extra_fte, boek.fte)
        elif regel == regels.EXTRA_FTE_FTE:
            extra = excel(regel, "Fte (basis)", "Basis directe uren", "Directe uren")
            boek.formule(blad, i, k["Extra fte"], extra, rij.extra_fte, boek.fte)
        else:
            boek.nummer(blad, i, k["Extra fte"], rij.extra_fte, boek.fte)
        boek.formule(blad, i, k["Extra kosten"], excel(regels.EXTRA_KOSTEN, "Extra fte", "Kosten per fte"),
                     rij.extra_kosten, boek.euro)
        boek.formule(blad, i, k["Waarde extra uren"],
                     excel(regels.WAARDE_EXTRA_UREN, "Fte (basis)", "Totaal aftrek", "Basis totaal aftrek", "Uurtarief"),
                     rij.waarde_extra_uren, boek.euro)
    boek.toelichting([
        ("Gevoeligheid", "Per functie en per punt: het veld en de waarde waarop gerekend is, de invoer van dat punt "
         "(geel: pas aan en de uitkomsten rekenen mee) en de uitkomsten als formules."),
        ("Directe uren", "beschikbare uren - totaal aftrek (bij dit punt)."),
        ("Aandeel direct", "directe uren / beschikbare uren."),
        ("Fte nodig", "werklast uren / directe uren; voor een verhoudingsfunctie het getal van brutonetto."),
        ("Extra fte", "met werklast: werklast / directe uren - basis werklast / basis directe uren; anders: "
         "fte (basis) x (basis directe uren / directe uren - 1); voor een verhoudingsfunctie het getal van brutonetto."),
        ("Extra kosten", "extra fte x kosten per fte."),
        ("Waarde extra uren", "fte (basis) x (totaal aftrek - basis totaal aftrek) x uurtarief."),
    ])
    boek.sluit(blad)


REALISATIE_KOPPEN = [
    "Functie", "Eenheid", "Aftrek", "Van", "Tot", "Uren per fte (geregistreerd)", "Maanden", "Dagen",
    "Gerealiseerd per fte", "Gepland per fte", "Percentage", "Fte (geregistreerd)", "Niet benut uren",
    "Directe uren (plan)", "Niet benut fte",
]


def schrijf_realisatie(uitkomsten: list[Any], uit: BinaryIO, werking: list[tuple[Any, Record]]) -> None:
    """realisation's lines: the registered hours per head, annualised (x 12 / maanden for whole
    months, else x 365 / dagen), against the plan; percentage, niet benut uren and fte, as
    engine/realisatie.py computes them. `werking` holds per line, in order, the registered sum
    (`Gerealiseerd`) and the plan record (analyse.realisation collects it)."""
    _namen_passen(uitkomsten)
    from datetime import datetime

    boek = _Analyse(uit, "Realisatie tegen plan")
    blad = boek.blad("Realisatie", REALISATIE_KOPPEN)
    k = {kop: c for c, kop in enumerate(REALISATIE_KOPPEN)}
    for i, (uitkomst, (geregistreerd, record)) in enumerate(zip(uitkomsten, werking), 1):
        r = i + 1
        cel = {kop: _cel(c, r) for kop, c in k.items()}
        for c, tekst in enumerate([uitkomst.functie, uitkomst.eenheid or "", uitkomst.aftrek]):
            blad.write_string(i, c, tekst)
        for kop in ("Van", "Tot"):
            dag = getattr(uitkomst, kop.lower())
            blad.write_datetime(i, k[kop], datetime(dag.year, dag.month, dag.day), boek.datum)
        boek.nummer(blad, i, k["Uren per fte (geregistreerd)"], geregistreerd.uren_per_fte, boek.uren_invoer)
        if geregistreerd.maanden is not None:
            blad.write_number(i, k["Maanden"], geregistreerd.maanden)
            jaar = f"{cel['Uren per fte (geregistreerd)']}*12/{cel['Maanden']}"
        else:
            jaar = f"{cel['Uren per fte (geregistreerd)']}*365/{cel['Dagen']}"
        blad.write_number(i, k["Dagen"], geregistreerd.dagen)
        boek.formule(blad, i, k["Gerealiseerd per fte"], "=" + jaar, uitkomst.gerealiseerd_per_fte, boek.uren)
        boek.nummer(blad, i, k["Gepland per fte"], uitkomst.gepland_per_fte, boek.uren_invoer)
        boek.formule(blad, i, k["Percentage"], f"={cel['Gerealiseerd per fte']}/{cel['Gepland per fte']}",
                     uitkomst.percentage, boek.procent)
        boek.nummer(blad, i, k["Fte (geregistreerd)"], geregistreerd.fte, boek.fte_invoer)
        boek.formule(blad, i, k["Niet benut uren"],
                     f"={cel['Fte (geregistreerd)']}*({cel['Gepland per fte']}-{cel['Gerealiseerd per fte']})",
                     uitkomst.niet_benut_uren, boek.uren)
        boek.nummer(blad, i, k["Directe uren (plan)"], record.directe_uren, boek.uren_invoer)
        boek.formule(blad, i, k["Niet benut fte"], f"={cel['Niet benut uren']}/{cel['Directe uren (plan)']}",
                     uitkomst.niet_benut_fte, boek.fte)
    boek.toelichting([
        ("Realisatie", "Per functie en aftrekregel: de geregistreerde uren tegen het plan. Gele cellen zijn invoer "
         "(uit de CSV en het plan): pas ze aan en de uitkomsten rekenen mee."),
        ("Uren per fte (geregistreerd)", "de som van uren / fte over de regels van de CSV in de periode van tot en met."),
        ("Gerealiseerd per fte", "uren per fte x 12 / maanden als de periode hele maanden beslaat, anders "
         "uren per fte x 365 / dagen."),
        ("Percentage", "gerealiseerd per fte / gepland per fte (leeg als er niets gepland is)."),
        ("Fte (geregistreerd)", "het gemiddelde fte van de registraties, gewogen naar dagen."),
        ("Niet benut uren", "fte x (gepland - gerealiseerd); negatief: meer dan gepland."),
        ("Niet benut fte", "niet benut uren / directe uren van het plan."),
    ])
    boek.sluit(blad)
