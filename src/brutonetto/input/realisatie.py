"""The realisation CSV: one row per registration, read line by line into `Registratie` rows.

What is accepted, because exports from Excel and HR systems differ:

- separator `;` (Dutch Excel), `,` or a tab: the one the header line uses most;
- numbers with a decimal point or a decimal comma (`12.5`, `12,5`; in a comma-separated
  file a decimal comma needs quotes, and a row that splits on it says so); never a
  thousands separator;
- a UTF-8 byte order mark, CRLF line ends, blank lines and lines of only separators
  (Excel writes those below the data);
- header names in any case, with spaces around them; columns in any order; extra
  columns (a name, a remark) are ignored. Required: functie, aftrek, van, tot, uren, fte;
  optional: eenheid;
- dates as ISO `2023-01-01` or Dutch day-month-year `1-1-2023`, `01-01-2023`, also with
  `/` (`1/1/2023`, always day first: these are Dutch exports). A two-digit year and
  a time of day are refused with a hint rather than guessed.

Reading never raises on bad data: every problem becomes a `Fout` at its CSV line in the
caller's list, and the row is left out. Rows are yielded as they are read, so the whole
file is never in memory; feed them to engine.realisation.aggregate.
"""

from __future__ import annotations

import calendar
import csv
import functools
import io
import re
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal

from brutonetto.domain.registratie import Registratie, datumtekst
from brutonetto.errors import Fout, Problemen
from brutonetto.input.csvbestand import dubbele_namen, onleesbaar, opsomming
from brutonetto.input.bedrag import EERSTE_JAAR, LAATSTE_JAAR
from brutonetto.input.hoeveelheid import Invoerfout, parse_csvgetal

VERPLICHT = ("functie", "aftrek", "van", "tot", "uren", "fte")
OPTIONEEL = ("eenheid",)
SCHEIDINGSTEKENS = (";", ",", "\t")

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NL = re.compile(r"(\d{1,2})([-/])(\d{1,2})\2(\d{4})")
_KORT_JAAR = re.compile(r"\d{1,2}([-/])\d{1,2}\1\d{2}")
_MET_TIJD = re.compile(r"(\S+)[ T]\d{1,2}:\d{2}(?::\d{2})?")
_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december")


def read_registraties(bron: str | Iterable[str], bestand: str, fouten: list[Fout] | Problemen) -> Iterator[Registratie]:
    """Yield the good rows of a realisation CSV; append a `Fout` for every problem to `fouten`.

    `bron` is the whole text, or an iterable of lines such as a file opened with
    `newline=""` (then a quoted value may span lines and line numbers stay right).
    A missing column is one problem at the header line, and then there are no rows.
    """
    regels = io.StringIO(bron, newline="") if isinstance(bron, str) else iter(bron)
    overgeslagen = 0  # blank lines above the header
    kopregel = next(regels, None)
    while kopregel is not None and not kopregel.strip().strip("".join(SCHEIDINGSTEKENS) + "\ufeff"):
        overgeslagen += 1
        kopregel = next(regels, None)
    if kopregel is None:
        fouten.append(Fout(bestand, "het bestand is leeg: verwacht een kopregel met "
                                    + ", ".join(VERPLICHT), regel=1))
        return
    kopregel = kopregel.lstrip("\ufeff")
    teken = max(SCHEIDINGSTEKENS, key=kopregel.count)
    lezer = csv.reader(_met_kop(kopregel, regels), delimiter=teken)
    try:
        kop = [naam.strip().lower() for naam in next(lezer)]
    except csv.Error as fout:  # a field over csv's size limit: the file's problem, not ours
        fouten.append(Fout(bestand, f"de kopregel: {onleesbaar(fout)}", regel=1 + overgeslagen))
        return
    kolommen = _kolommen(kop, bestand, 1 + overgeslagen, fouten)
    if kolommen is None:
        return
    i_functie, i_aftrek, i_van, i_tot, i_uren, i_fte, i_eenheid = kolommen
    breedte = max(kolommen[: len(VERPLICHT)]) + 1  # an optional column may be left off the end
    namen: dict[str, str] = {}  # one str object per distinct name, however many rows repeat it

    lang = len(kop)
    while True:
        regel = lezer.line_num + 1 + overgeslagen  # where this record starts (a quoted value may span lines)
        try:
            rij = next(lezer)
        except StopIteration:
            return
        except csv.Error as fout:  # a field over csv's size limit, a stray quote in strict mode
            fouten.append(Fout(bestand, onleesbaar(fout), regel=regel))
            if lezer.line_num + 1 + overgeslagen == regel:  # nothing was consumed: stop rather than loop
                return
            continue
        # The common case first: a good row, read with no bookkeeping. Anything odd falls
        # through to `_problemen`, which reads the row again with the same functions and
        # names every problem, so the two paths cannot disagree on what is accepted.
        try:
            if len(rij) >= breedte and (len(rij) <= lang or not "".join(rij[lang:]).strip()):
                functie = rij[i_functie].strip()
                aftrek = rij[i_aftrek].strip()
                van = lees_datum(rij[i_van])
                tot = lees_datum(rij[i_tot])
                if functie and aftrek and van <= tot:
                    uren = _lees_uren(rij[i_uren])
                    fte = _lees_fte(rij[i_fte])
                    eenheid = rij[i_eenheid].strip() if i_eenheid is not None and i_eenheid < len(rij) else ""
                    yield Registratie(
                        namen.setdefault(functie, functie),
                        namen.setdefault(aftrek, aftrek),
                        van,
                        tot,
                        uren,
                        fte,
                        namen.setdefault(eenheid, eenheid) if eenheid else None,
                        regel,
                    )
                    continue
        except Invoerfout:
            pass
        if not "".join(rij).strip():
            continue  # a blank line, or only separators
        fouten.extend(_problemen(rij, kolommen, lang, teken, bestand, regel))


def _problemen(rij: list[str], kolommen: tuple[int | None, ...], lang: int, teken: str,
               bestand: str, regel: int) -> list[Fout]:
    """Every problem of one row that the quick path would not take."""
    breedte = max(kolommen[: len(VERPLICHT)]) + 1
    if len(rij) < breedte or "".join(rij[lang:]).strip():
        return [Fout(bestand, _aantal_velden(len(rij), lang, teken), regel=regel)]
    problemen: list[Fout] = []
    waarden: dict[str, object] = {}
    lezers = {"van": lees_datum, "tot": lees_datum, "uren": _lees_uren, "fte": _lees_fte}
    for naam, index in zip(VERPLICHT, kolommen):
        tekst = rij[index].strip()
        if not tekst:
            problemen.append(Fout(bestand, "ontbreekt (het veld is leeg)", (naam,), regel))
        elif naam in lezers:
            try:
                waarden[naam] = lezers[naam](tekst)
            except Invoerfout as fout:
                problemen.append(Fout(bestand, str(fout), (naam,), regel))
    van, tot = waarden.get("van"), waarden.get("tot")
    if isinstance(van, date) and isinstance(tot, date) and van > tot:
        problemen.append(Fout(bestand, f"van ({datumtekst(van)}) ligt na tot ({datumtekst(tot)})", ("van",), regel))
    return problemen


def _met_kop(kopregel: str, regels: Iterator[str]) -> Iterator[str]:
    yield kopregel
    yield from regels


def _kolommen(kop: list[str], bestand: str, regel: int, fouten: list[Fout]) -> tuple[int | None, ...] | None:
    dubbel = dubbele_namen(kop, VERPLICHT + OPTIONEEL)  # one pass: a header may have 40,000 columns
    for naam in dubbel:
        fouten.append(Fout(bestand, f"de kolom '{naam}' staat meer dan eens in de kopregel", regel=regel))
    ontbrekend = [naam for naam in VERPLICHT if naam not in kop]
    if ontbrekend:
        gevonden = opsomming(kop)
        if len(ontbrekend) == 1:
            bericht = f"de kolom '{ontbrekend[0]}' ontbreekt"
        else:
            bericht = "de kolommen " + ", ".join(f"'{n}'" for n in ontbrekend[:-1]) + f" en '{ontbrekend[-1]}' ontbreken"
        fouten.append(Fout(bestand, f"{bericht}; gevonden: {gevonden} (nodig: {', '.join(VERPLICHT)})",
                           regel=regel))
    if ontbrekend or dubbel:
        return None
    return tuple(kop.index(naam) for naam in VERPLICHT) + (kop.index("eenheid") if "eenheid" in kop else None,)


def _aantal_velden(aantal: int, verwacht: int, teken: str) -> str:
    bericht = f"deze regel heeft {aantal} velden, de kopregel {verwacht}"
    if teken == "," and aantal > verwacht:
        bericht += ("; staat er een decimaalkomma in een getal? Zet zo'n getal tussen "
                    "aanhalingstekens (\"12,5\") of gebruik ; als scheidingsteken")
    return bericht


@functools.lru_cache(maxsize=65536)  # exports repeat the same few values: 4, 2,5, 0,8, 1
def _lees_uren(tekst: str) -> Decimal:
    uren = parse_csvgetal(tekst)
    if uren < 0:
        raise Invoerfout(f"uren kunnen niet negatief zijn: {tekst}")
    return uren


@functools.lru_cache(maxsize=65536)
def _lees_fte(tekst: str) -> Decimal:
    fte = parse_csvgetal(tekst)
    if fte == 0:
        raise Invoerfout("0 fte: er is niemand om uren per hoofd van te rekenen")
    if fte < 0:
        raise Invoerfout(f"fte kan niet negatief zijn: {tekst}")
    return fte


@functools.lru_cache(maxsize=4096)  # a year of weekly rows has about a hundred distinct dates
def lees_datum(tekst: str) -> date:
    """`2023-01-01`, `1-1-2023`, `01-01-2023` or `1/1/2023` (day first) -> a date."""
    tekst = tekst.strip()
    if (iso := _ISO.fullmatch(tekst)) is not None:
        jaar, maand, dag = (int(g) for g in iso.groups())
    elif (nl := _NL.fullmatch(tekst)) is not None:
        dag, maand, jaar = int(nl.group(1)), int(nl.group(3)), int(nl.group(4))
    elif _KORT_JAAR.fullmatch(tekst):
        raise Invoerfout(f"'{tekst}': schrijf het jaar in vier cijfers, bijvoorbeeld 1-1-2023")
    elif (met_tijd := _MET_TIJD.fullmatch(tekst)) is not None:
        raise Invoerfout(f"'{tekst}' heeft een tijd; schrijf alleen de datum, bijvoorbeeld {met_tijd.group(1)}")
    else:
        raise Invoerfout(f"'{tekst}' is geen datum; schrijf bijvoorbeeld 2023-01-01 of 1-1-2023")
    if not 1 <= maand <= 12:
        raise Invoerfout(f"'{tekst}' bestaat niet: er is geen maand {maand}")
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise Invoerfout(f"'{tekst}': het jaar {jaar} ligt buiten {EERSTE_JAAR} tot en met {LAATSTE_JAAR}")
    laatste = calendar.monthrange(jaar, maand)[1]
    if not 1 <= dag <= laatste:
        raise Invoerfout(
            f"'{tekst}' bestaat niet: {_MAANDEN[maand - 1]} {jaar} heeft {laatste} dagen"
        )
    return date(jaar, maand, dag)
