"""The Excel workbook: inputs on `Invoer`, every result a live formula on `Resultaat`.

A controller can change an input (a sickness rate, an fte, the extra learning hours) in
Excel and watch the directe uren and the extra fte move; an auditor can follow every cell
back to an input. Each formula cell also carries the value brutonetto computed, so the
workbook reads correctly before any recalculation. XlsxWriter is the optional extra
`brutonetto[xlsx]`, imported here only.

Formulas are the ones of docs/berekening.md; the row of a scenario refers to the row of
its basis (the first row of its functie) for D_basis and the basis fte.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, BinaryIO

from brutonetto.engine.hours import Profiel
from brutonetto.input.quantity import BRUTO, DAG, PROCENT, UUR_PER_WEEK, Hoeveelheid
from brutonetto.engine.records import Record
from brutonetto.output.render import totaalrijen

INSTALLEREN = "pip install 'brutonetto[xlsx]'"


class WerkboekOntbreekt(RuntimeError):
    """XlsxWriter is not installed."""


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


VAST = ["Functie", "Eenheid", "Scenario", "Bestand", "Uren per week", "Weken per jaar", "Uren per dag",
        "Beschikbare uren (opgegeven)"]
NA = ["Fte", "Werklast uren", "Kosten per fte", "Uurtarief"]
RESULTAAT = ["Functie", "Eenheid", "Scenario", "Bruto uren", "Verlof", "Beschikbare uren", "Totaal aftrek",
             "Directe uren", "Aandeel direct", "Fte", "Fte nodig", "Basis directe uren", "Extra fte",
             "Extra kosten", "Waarde extra uren"]


def basisrijen(records: list[Record]) -> list[int | None]:
    """Per record, the index of its basis record: the first of its functie's consecutive rows."""
    basis: list[int | None] = []
    begin = 0
    for i, record in enumerate(records):
        if i == 0 or (record["eenheid"], record["functie"]) != (records[i - 1]["eenheid"], records[i - 1]["functie"]):
            begin = i
        basis.append(begin if record["basis_directe_uren"] is not None else None)
    return basis


def schrijf(records: list[Record], profielen: list[Profiel], uit: BinaryIO) -> None:
    try:
        import xlsxwriter
    except ImportError:
        raise WerkboekOntbreekt(f"voor een Excel-werkboek is XlsxWriter nodig; installeer het met: {INSTALLEREN}") from None

    boek = xlsxwriter.Workbook(uit, {"in_memory": True, "strings_to_numbers": False})
    boek.set_properties({"title": "Bruto/netto-berekening", "creator": "brutonetto", "created": None})
    opmaak = _Opmaak(boek)
    invoer = boek.add_worksheet("Invoer")
    resultaat = boek.add_worksheet("Resultaat")
    toelichting = boek.add_worksheet("Toelichting")

    verlofnamen = list(dict.fromkeys(n for p in profielen for n in p.verlof))
    aftreknamen = list(dict.fromkeys(n for p in profielen for n in p.aftrek))
    koppen = list(VAST)
    plek: dict[tuple[str, str], int] = {}  # (verlof|aftrek, naam) -> column of the input; hours next to it
    for stap, namen in (("verlof", verlofnamen), ("aftrek", aftreknamen)):
        for naam in namen:
            plek[(stap, naam)] = len(koppen)
            koppen += [f"{stap}: {naam}", f"{stap}: {naam} (uur)"]
    na = {naam: len(koppen) + i for i, naam in enumerate(NA)}
    koppen += NA
    kolom = {naam: _kolom(i) for i, naam in enumerate(koppen)}
    rk = {naam: _kolom(i) for i, naam in enumerate(RESULTAAT)}

    breedte_in = [len(k) for k in koppen]
    breedte_uit = [len(k) for k in RESULTAAT]
    invoer.write_row(0, 0, koppen, opmaak.kop)
    resultaat.write_row(0, 0, RESULTAAT, opmaak.kop)
    basis = basisrijen(records)

    for i, (record, profiel) in enumerate(zip(records, profielen)):
        r = i + 2  # the spreadsheet row of this record (row 1 holds the headers)
        b = basis[i] + 2 if basis[i] is not None else None
        for c, waarde in enumerate([record["functie"], record["eenheid"] or "", record["scenario"], record["bestand"]]):
            invoer.write_string(r - 1, c, waarde)
            breedte_in[c] = max(breedte_in[c], len(waarde))
        if profiel.uren_per_week is not None:
            invoer.write_number(r - 1, 4, float(profiel.uren_per_week), opmaak.getal)
            invoer.write_number(r - 1, 5, float(profiel.weken_per_jaar or 52), opmaak.getal)
        if profiel.uren_per_dag is not None:
            invoer.write_number(r - 1, 6, float(profiel.uren_per_dag), opmaak.getal)
        elif profiel.uren_per_week is not None:
            invoer.write_formula(r - 1, 6, f"=E{r}/5", opmaak.getal, float(profiel.uren_per_week / 5))
        if profiel.beschikbare_uren is not None:
            invoer.write_number(r - 1, 7, float(profiel.beschikbare_uren), opmaak.uren)

        bruto = f"Resultaat!{rk['Bruto uren']}{r}"
        beschikbaar = f"Resultaat!{rk['Beschikbare uren']}{r}"
        uren_cellen: dict[str, list[str]] = {"verlof": [], "aftrek": []}
        for stap, hoeveelheden, uren in (("verlof", profiel.verlof, record["verlof"]), ("aftrek", profiel.aftrek, record["aftrek"])):
            for naam, hoeveelheid in hoeveelheden.items():
                c = plek[(stap, naam)]
                cel = f"{_kolom(c)}{r}"
                waarde, fmt, formule = _omrekening(hoeveelheid, stap, cel, bruto, beschikbaar, r, opmaak)
                invoer.write_number(r - 1, c, waarde, fmt)
                invoer.write_formula(r - 1, c + 1, formule, opmaak.uren, float(uren[naam]))
                uren_cellen[stap].append(f"Invoer!{_kolom(c + 1)}{r}")
        for naam, veld in zip(NA, ("fte", "werklast_uren", "kosten_per_fte", "uurtarief")):
            waarde = getattr(profiel, veld)
            if waarde is not None:
                invoer.write_number(r - 1, na[naam], float(waarde), opmaak.euro if naam in ("Kosten per fte", "Uurtarief") else opmaak.getal)

        # Resultaat: formulas over Invoer, each with the value brutonetto computed
        uit = resultaat
        for c, waarde in enumerate([record["functie"], record["eenheid"] or "", record["scenario"]]):
            uit.write_string(r - 1, c, waarde)
            breedte_uit[c] = max(breedte_uit[c], len(waarde))
        formules: dict[str, tuple[str, Any, Any]] = {}
        if record["bruto_uren"] is not None:
            bruto_formule = f"={_cel(kolom, r, 'Uren per week')}*{_cel(kolom, r, 'Weken per jaar')}"
            formules["Bruto uren"] = (bruto_formule, record["bruto_uren"], opmaak.uren)
        if uren_cellen["verlof"]:
            formules["Verlof"] = (f"=SUM({','.join(uren_cellen['verlof'])})", sum(record["verlof"].values(), Decimal(0)), opmaak.uren)
        if profiel.beschikbare_uren is not None:
            formules["Beschikbare uren"] = (f"={_cel(kolom, r, 'Beschikbare uren (opgegeven)')}", record["beschikbare_uren"], opmaak.uren)
        else:
            verlof = f"-{rk['Verlof']}{r}" if uren_cellen["verlof"] else ""
            formules["Beschikbare uren"] = (f"={rk['Bruto uren']}{r}{verlof}", record["beschikbare_uren"], opmaak.uren)
        aftrek = f"SUM({','.join(uren_cellen['aftrek'])})" if uren_cellen["aftrek"] else "0"
        formules["Totaal aftrek"] = (f"={aftrek}", record["totaal_aftrek"], opmaak.uren)
        formules["Directe uren"] = (f"={rk['Beschikbare uren']}{r}-{rk['Totaal aftrek']}{r}", record["directe_uren"], opmaak.uren)
        formules["Aandeel direct"] = (f"={rk['Directe uren']}{r}/{rk['Beschikbare uren']}{r}", record["aandeel_direct"], opmaak.procent)
        if record["fte"] is not None:
            formules["Fte"] = (f"={_cel(kolom, r, 'Fte')}", record["fte"], opmaak.fte)
        if record["fte_nodig"] is not None:
            formules["Fte nodig"] = (f"={_cel(kolom, r, 'Werklast uren')}/{rk['Directe uren']}{r}", record["fte_nodig"], opmaak.fte)
        if b is not None:
            formules["Basis directe uren"] = (f"={rk['Directe uren']}{b}", record["basis_directe_uren"], opmaak.uren)
            if record["extra_fte"] is not None:
                if record["fte_nodig"] is not None and records[b - 2]["fte_nodig"] is not None:
                    extra = f"={rk['Fte nodig']}{r}-{rk['Fte nodig']}{b}"
                else:
                    extra = f"={rk['Fte']}{b}*({rk['Directe uren']}{b}/{rk['Directe uren']}{r}-1)"
                formules["Extra fte"] = (extra, record["extra_fte"], opmaak.fte)
            if record["extra_kosten"] is not None:
                formules["Extra kosten"] = (f"={rk['Extra fte']}{r}*{_cel(kolom, r, 'Kosten per fte')}", record["extra_kosten"], opmaak.euro)
            if record["waarde_extra_uren"] is not None:
                formules["Waarde extra uren"] = (
                    f"={rk['Fte']}{b}*({rk['Totaal aftrek']}{r}-{rk['Totaal aftrek']}{b})*{_cel(kolom, r, 'Uurtarief')}",
                    record["waarde_extra_uren"], opmaak.euro,
                )
        for naam, (formule, waarde, fmt) in formules.items():
            uit.write_formula(r - 1, RESULTAAT.index(naam), formule, fmt, _f(waarde))

    laatste = len(records) + 1
    _totalen(resultaat, records, laatste, rk, opmaak)
    for blad, koppen_, breedtes in ((invoer, koppen, breedte_in), (resultaat, RESULTAAT, breedte_uit)):
        blad.set_landscape()  # printed: landscape, one page wide, the headers on every page
        blad.set_paper(9)
        blad.fit_to_pages(1, 0)
        blad.repeat_rows(0)
        blad.freeze_panes(1, 1)
        blad.autofilter(0, 0, laatste - 1, len(koppen_) - 1)
        for c, b in enumerate(breedtes):
            blad.set_column(c, c, min(max(b, 10) + 2, 45))
    _toelichting(toelichting, opmaak)
    resultaat.activate()  # opens on the results
    boek.close()


def _cel(kolom: dict[str, str], r: int, naam: str) -> str:
    """The Invoer cell of column `naam` in spreadsheet row r."""
    return f"Invoer!{kolom[naam]}{r}"


def _omrekening(
    hoeveelheid: Hoeveelheid, stap: str, cel: str, bruto: str, beschikbaar: str, r: int, opmaak: _Opmaak
) -> tuple[float, Any, str]:
    """The input as written (a number in its unit's format) and the formula that makes it hours."""
    getal = float(hoeveelheid.getal)
    if hoeveelheid.eenheid == PROCENT:
        basis = bruto if (stap == "verlof" or hoeveelheid.van == BRUTO) else beschikbaar
        fmt = opmaak.procent_bruto if hoeveelheid.van == BRUTO else opmaak.procent_invoer
        return getal / 100, fmt, f"={cel}*{basis}"
    if hoeveelheid.eenheid == UUR_PER_WEEK:
        weken = f"Invoer!F{r}" if stap == "verlof" else f"{beschikbaar}/Invoer!E{r}"
        return getal, opmaak.per_week, f"={cel}*{weken}"
    if hoeveelheid.eenheid == DAG:
        return getal, opmaak.dagen, f"={cel}*Invoer!G{r}"
    return getal, opmaak.uur_invoer, f"={cel}"


def _totalen(blad: Any, records: list[Record], laatste: int, rk: dict[str, str], opmaak: _Opmaak) -> None:
    """One total row per scenario: sums of fte and costs, hours weighted by fte (as the table)."""
    scenario = f"$C$2:$C${laatste}"
    totalen = totaalrijen(records)
    for j, totaal in enumerate(totalen):
        r = laatste + 2 + j
        naam = totaal["scenario"].replace('"', '""')
        blad.write_string(r - 1, 0, "Totaal", opmaak.kop)
        blad.write_string(r - 1, 2, totaal["scenario"], opmaak.kop)
        for veld, sleutel, fmt in (("Fte", "fte", opmaak.fte), ("Fte nodig", "fte_nodig", opmaak.fte),
                                   ("Extra fte", "extra_fte", opmaak.fte), ("Extra kosten", "extra_kosten", opmaak.euro)):
            if totaal[sleutel] is None:
                continue  # nothing to add up: no row has this figure
            k = rk[veld]
            blad.write_formula(r - 1, RESULTAAT.index(veld), f'=SUMIF({scenario},"{naam}",{k}$2:{k}${laatste})', fmt,
                               _f(totaal[sleutel]))
    blad.write_string(laatste + len(totalen) + 2, 0,
                      "Totalen per scenario: fte en kosten opgeteld (SUMIF); zie Toelichting.", opmaak.cursief)


class _Opmaak:
    """Number formats; Excel shows them in the reader's own notation (1.631,0 in a Dutch Excel)."""

    def __init__(self, boek: Any) -> None:
        self.kop = boek.add_format({"bold": True, "bg_color": "#dde6f0", "border": 1, "text_wrap": True, "valign": "top"})
        self.getal = boek.add_format({"num_format": "#,##0.##"})
        self.uren = boek.add_format({"num_format": "#,##0.0"})
        self.fte = boek.add_format({"num_format": "#,##0.00"})
        self.procent = boek.add_format({"num_format": "0.0%"})
        self.euro = boek.add_format({"num_format": '"€" #,##0'})
        self.uur_invoer = boek.add_format({"num_format": '#,##0.##" uur"', "bg_color": "#fff7d6"})
        self.procent_invoer = boek.add_format({"num_format": "0.0##%", "bg_color": "#fff7d6"})
        self.procent_bruto = boek.add_format({"num_format": '0.0##%" van bruto"', "bg_color": "#fff7d6"})
        self.per_week = boek.add_format({"num_format": '#,##0.##" uur/week"', "bg_color": "#fff7d6"})
        self.dagen = boek.add_format({"num_format": '#,##0.##" dagen"', "bg_color": "#fff7d6"})
        self.cursief = boek.add_format({"italic": True})
        self.tekst = boek.add_format({"text_wrap": True, "valign": "top"})


TOELICHTING = [
    ("Invoer", "Eén regel per functie per scenario, met alle invoer. Gele cellen zijn de aftrek en het verlof "
     "zoals ze in het YAML-bestand staan (92 uur, 5,7%, 1 uur/week, 3 dagen); de kolom '(uur)' ernaast rekent ze "
     "om naar uren per jaar. Pas een gele cel aan en alle resultaten rekenen mee."),
    ("verlof: ... (uur)", "uur: het getal; %: percentage x bruto uren; uur/week: x weken per jaar; dagen: x uren per dag."),
    ("aftrek: ... (uur)", "uur: het getal; %: percentage x beschikbare uren (of x bruto uren bij 'van bruto'); "
     "uur/week: x (beschikbare uren / uren per week); dagen: x uren per dag."),
    ("Bruto uren", "Uren per week x weken per jaar (docs/berekening.md §1)."),
    ("Verlof", "Som van het verlof in uren."),
    ("Beschikbare uren", "Opgegeven, of bruto uren - verlof (§2)."),
    ("Totaal aftrek", "Som van de aftrek in uren (§4)."),
    ("Directe uren", "Beschikbare uren - totaal aftrek (§4)."),
    ("Aandeel direct", "Directe uren / beschikbare uren (§4)."),
    ("Fte", "De formatie uit de invoer."),
    ("Fte nodig", "Werklast uren / directe uren (§5)."),
    ("Basis directe uren", "D_basis: de directe uren van de basisregel van deze functie."),
    ("Extra fte", "Met werklast: fte nodig - fte nodig van de basis; anders fte van de basis x "
     "(D_basis / directe uren - 1). Er wordt gedeeld door de nieuwe netto-uren (§6)."),
    ("Extra kosten", "Extra fte x kosten per fte (§7)."),
    ("Waarde extra uren", "Fte van de basis x (totaal aftrek - totaal aftrek van de basis) x uurtarief (§7)."),
    ("Totaal", "Per scenario: fte, fte nodig, extra fte en extra kosten opgeteld met SUMIF."),
    ("Getallen", "Elke uitkomst is een formule; brutonetto schreef er ook de berekende waarde bij, exact "
     "gerekend en afgerond op 6 decimalen in JSON en CSV."),
]


def _toelichting(blad: Any, opmaak: _Opmaak) -> None:
    blad.write_row(0, 0, ["Kolom", "Betekenis en formule"], opmaak.kop)
    for i, (kolom, uitleg) in enumerate(TOELICHTING, 1):
        blad.write_string(i, 0, kolom)
        blad.write_string(i, 1, uitleg, opmaak.tekst)
    blad.set_column(0, 0, 24)
    blad.set_column(1, 1, 110)
    blad.freeze_panes(1, 0)
