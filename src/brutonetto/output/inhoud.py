"""What the commands write, each in the formats it offers (see `formaten.FORMATEN`).

Each content holds what the engine computed (records, rekenbladen, typed rows) and renders
it; none of them computes. The renderers are imported when a format is written, never at
start-up.
"""

from __future__ import annotations

from decimal import Decimal
from typing import IO, Any, Iterable, NamedTuple

from brutonetto.output.formaten import Inhoud, Uitvoerfout


class Records(Inhoud):
    """`compute` and `compare`: one record per functie per scenario, and the profiles behind them."""

    def __init__(self, records: list[Any]) -> None:
        self.records = records

    def rijen(self) -> Iterable[Any]:
        return self.records

    def tabel(self, uit: IO[str], breedte: int | None, balken: bool = False) -> None:
        from brutonetto.output.tabel import render_table

        render_table(self.records, uit, terminal=breedte is not None, balken=balken, breedte=breedte)

    def csv(self, uit: IO[str], dialect: str) -> None:
        from brutonetto.output.render import render_csv

        render_csv(self.records, uit, dialect)

    def xlsx(self, uit: IO[bytes]) -> None:
        from brutonetto.output.werkboek import WerkboekOntbreekt, schrijf

        try:
            schrijf(self.records, uit)
        except WerkboekOntbreekt as fout:
            raise Uitvoerfout(str(fout)) from None

    def grafiek(self, uit: IO[Any], formaat: str) -> None:
        from brutonetto.output.grafiek import GrafiekOntbreekt, teken

        try:
            teken(self.records, uit, formaat)
        except GrafiekOntbreekt as fout:
            raise Uitvoerfout(str(fout)) from None

    def html(self, uit: IO[str]) -> None:
        from brutonetto.output.rapport import schrijf_records

        schrijf_records(self.records, uit, meldingen=self.waarschuwingen)


class Geschreven(Inhoud):
    """Output rendered already, as the records came (`formaten.schrijf_stroom`), waiting in a
    temporary file until the run is known to have no problem; written by copying it."""

    def __init__(self, formaat: str, wacht: IO[str]) -> None:
        self.formaat, self.wacht = formaat, wacht

    def kopieer(self, uit: IO[str]) -> None:
        import shutil

        self.wacht.seek(0)
        shutil.copyfileobj(self.wacht, uit, 1 << 20)


class Rekenbladen(Inhoud):
    """`explain`: the working of each figure, step by step."""

    def __init__(self, bladen: list[Any]) -> None:
        self.bladen = bladen

    @property
    def records(self) -> list[Any]:
        """The rekenbladen as typed objects (`rekenblad.Blad`), as the API gives them."""
        return self.bladen

    def rijen(self) -> Iterable[Any]:
        from brutonetto.output.rekenblad import json_bladen

        return json_bladen(self.bladen)

    def tabel(self, uit: IO[str], breedte: int | None, balken: bool = False) -> None:
        from brutonetto.output import rekenblad

        if breedte is None:
            rekenblad.render_rekenblad(self.bladen, uit)
        else:
            from brutonetto.output.terminal import rekenblad_in_terminal

            rekenblad_in_terminal(self.bladen, uit, breedte)


class Tekst(Inhoud):
    """A text written as it is (the JSON Schema)."""

    def __init__(self, tekst: str) -> None:
        self.tekst = tekst

    def tabel(self, uit: IO[str], breedte: int | None, balken: bool = False) -> None:
        uit.write(self.tekst)


class Erlangrij(NamedTuple):
    """`erlang`'s row per interval, its fields the JSON keys: shares as fractions (0,8 is 80%);
    `servicelevel` None when only an ASA was aimed at, `afhaakpercentage` None without a patience
    (Erlang C), `interval` and `aanbod` None for one interval given as options."""

    agenten: int
    servicelevel: Decimal | None
    bezetting: Decimal
    wachtkans: Decimal
    gemiddelde_wachttijd_s: Decimal
    verkeer: Decimal  # contract v3: the traffic per agent, in Erlang
    afhaakpercentage: Decimal | None = None  # contract v3: Erlang A
    interval: str | None = None  # contract v3: an interval of a CSV (--aanbod week.csv)
    aanbod: Decimal | None = None


def erlangrij(uitkomst: Any, met_servicelevel: bool = True, interval: str | None = None,
              aanbod: Decimal | None = None) -> Erlangrij:
    """An engine `erlang.Interval` as a row: the model's floats as the exact decimals they hold
    (the renderers round to 6 places)."""
    def getal(waarde: float | None) -> Decimal | None:
        return None if waarde is None else Decimal(waarde)

    return Erlangrij(uitkomst.agenten, getal(uitkomst.servicelevel) if met_servicelevel else None,
                     Decimal(uitkomst.bezetting), Decimal(uitkomst.wachtkans), Decimal(uitkomst.gemiddelde_wachttijd_s),
                     Decimal(uitkomst.verkeer), getal(uitkomst.afhaakpercentage), interval, aanbod)


class Erlanguitkomst(Inhoud):
    """`erlang`: the staffing of one interval, or of each interval of a CSV."""

    SLEUTELS = Erlangrij._fields

    def __init__(self, rijen: list[Erlangrij]) -> None:
        self.lijst = rijen

    @property
    def records(self) -> list[Erlangrij]:
        return self.lijst

    def rijen(self) -> Iterable[Any]:
        return self.lijst

    def tabel(self, uit: IO[str], breedte: int | None, balken: bool = False) -> None:
        from brutonetto.notation import nl, nl_procent

        if len(self.lijst) != 1 or self.lijst[0].interval is not None:
            from brutonetto.output.kolommen import erlangkolommen
            from brutonetto.output.tabel import render_tabel

            render_tabel(self.lijst, erlangkolommen(self.lijst), uit, terminal=breedte is not None, breedte=breedte)
            return
        (rij,) = self.lijst
        regels = [
            ("Verkeer", f"{nl(rij.verkeer, 2)} Erlang"),
            ("Agenten", f"{rij.agenten}"),
            *((("Servicelevel", nl_procent(rij.servicelevel, 2)),) if rij.servicelevel is not None else ()),
            ("Bezetting", nl_procent(rij.bezetting, 2)),
            ("Wachtkans", nl_procent(rij.wachtkans, 2)),
            ("Gemiddelde wachttijd", f"{nl(rij.gemiddelde_wachttijd_s, 1)} s"),
            *((("Afhakers", nl_procent(rij.afhaakpercentage, 2)),) if rij.afhaakpercentage is not None else ()),
        ]
        breedte_kop = max(len(k) for k, _ in regels)
        uit.writelines(f"{kop.ljust(breedte_kop)}  {waarde}\n" for kop, waarde in regels)

    def csv(self, uit: IO[str], dialect: str) -> None:
        from brutonetto.output.render import render_csv_rijen

        render_csv_rijen(self.lijst, self.SLEUTELS, uit, dialect)


class Rijen(Inhoud):
    """The v2 commands (realisation, budget, sensitivity): typed rows whose fields are the JSON keys.

    `kolommen` says what the table shows (`tabel.Kolom`, the layouts of kolommen.py); CSV
    and JSON write every field. `teken`, when given, draws the rows as a chart (svg, png:
    the grafiek extra). The report (html) has a `titel`, its own chart (`rapportgrafiek`,
    SVG without matplotlib) and the working: `uitleg` gives the `--uitleg` rekenbladen
    (at most `rapport.MAX_BLADEN` of them) and how many there are; made only when asked for.
    `werkboek`, when given, names the function of output/werkboek.py that writes the rows as a
    workbook with live formulas, and what it needs besides the rows.
    """

    def __init__(self, rijen: list[Any], velden: tuple[str, ...], kolommen: list[Any], teken: Any = None, *,
                 titel: str = "", rapportgrafiek: Any = None, bijschrift: str = "", uitleg: Any = None,
                 bladkop: str = "Berekening per functie", werkboek: tuple[str, dict[str, Any]] | None = None) -> None:
        self.lijst = rijen
        self.velden = velden
        self.kolommen = kolommen
        self.teken = teken
        self.werkboek = werkboek
        self.titel, self.rapportgrafiek, self.bijschrift, self.uitleg, self.bladkop = (
            titel, rapportgrafiek, bijschrift, uitleg, bladkop)

    @property
    def records(self) -> list[Any]:
        return self.lijst

    def rijen(self) -> Iterable[Any]:
        return self.lijst

    def tabel(self, uit: IO[str], breedte: int | None, balken: bool = False) -> None:
        from brutonetto.output.tabel import render_tabel

        render_tabel(self.lijst, self.kolommen, uit, terminal=breedte is not None, breedte=breedte)

    def csv(self, uit: IO[str], dialect: str) -> None:
        from brutonetto.output.render import render_csv_rijen

        render_csv_rijen(self.lijst, self.velden, uit, dialect)

    def xlsx(self, uit: IO[bytes]) -> None:
        from brutonetto.output import werkboek

        if self.werkboek is None:  # pragma: no cover - the commands offer xlsx only where there is a workbook
            raise Uitvoerfout("dit commando schrijft geen werkboek")
        if isinstance(self.werkboek, str):  # why this run has none
            raise Uitvoerfout(self.werkboek)
        naam, gegevens = self.werkboek
        try:
            getattr(werkboek, naam)(self.lijst, uit, **gegevens)
        except werkboek.WerkboekOntbreekt as fout:
            raise Uitvoerfout(str(fout)) from None

    def grafiek(self, uit: IO[Any], formaat: str) -> None:
        from brutonetto.output.grafiek import GrafiekOntbreekt

        if self.teken is None:  # pragma: no cover - the commands offer svg/png only where they draw
            raise Uitvoerfout("dit commando tekent geen grafiek")
        try:
            self.teken(self.lijst, uit, formaat)
        except GrafiekOntbreekt as fout:
            raise Uitvoerfout(str(fout)) from None

    def html(self, uit: IO[str]) -> None:
        from brutonetto.output.rapport import schrijf_rijen

        schrijf_rijen(self.titel, self.lijst, self.kolommen, uit, teken=self.rapportgrafiek, bijschrift=self.bijschrift,
                      uitleg=self.uitleg, bladkop=self.bladkop, meldingen=self.waarschuwingen)


def _uitleg(maak: str, *delen: Any) -> Any:
    """The report's working, made only when the report is written: output/uitleg.py's `maak(*delen)`,
    at most `rapport.MAX_BLADEN` rekenbladen, and how many there are."""
    def uitleg() -> tuple[list[Any], int]:
        from brutonetto.output import uitleg as uitlegmodule
        from brutonetto.output.rapport import MAX_BLADEN

        bladen = getattr(uitlegmodule, maak)(*delen)
        return bladen[:MAX_BLADEN], len(bladen)

    return uitleg


def realisatie(uitkomsten: list[Any], werking: tuple[list[Any], str] | None = None) -> Rijen:
    """realisation's rows (engine/realisatie.py's `Realisatie`), per functie and aftrek.

    `werking` is what `--uitleg` explains them with (each row's registered sum and plan record,
    and the CSV's path): the report shows it, the workbook writes its formulas from it."""
    from brutonetto.engine.realisatie import Realisatie
    from brutonetto.output import rapportgrafiek
    from brutonetto.output.kolommen import realisatiekolommen

    uitleg = None if werking is None else _uitleg("realisatie_bladen", uitkomsten, *werking)
    werkboek = None if werking is None else ("schrijf_realisatie", {"werking": werking[0]})
    return Rijen(uitkomsten, Realisatie._fields, realisatiekolommen(uitkomsten), titel="Realisatie tegen plan",
                 rapportgrafiek=rapportgrafiek.realisatie, uitleg=uitleg, bladkop="Berekening per aftrekregel",
                 werkboek=werkboek,
                 bijschrift="Per functie en aftrekregel de geplande uren per fte (donkerblauw) naast de gerealiseerde, "
                            "omgerekend naar een jaar.")


def budget(jaren: list[Any], werking: tuple[list[Any], Any, Any, Any] | None = None) -> Rijen:
    """budget's years (engine/begroting.py's `Jaar`), drawn as bars of costs against funding.

    `werking` is what `--uitleg` explains them with (the run's records, the document of the
    meerjaren block and the block): the report shows it, the workbook writes its formulas from it."""
    from brutonetto.engine.begroting import Jaar
    from brutonetto.output import rapportgrafiek
    from brutonetto.output.grafiek import teken_budget
    from brutonetto.output.kolommen import budgetkolommen

    uitleg = None if werking is None else _uitleg("budget_bladen", jaren, *werking)
    werkboek: Any = None if werking is None else ("schrijf_budget", {"records": werking[0], "indexatie": werking[2].indexatie})
    if werking is not None and len(werking) > 3 and werking[3] is not None:  # each year its own calendar
        werkboek = ("het werkboek van budget rekent met één jaar aan extra kosten; met een kalender heeft elk jaar zijn "
                    "eigen uren: gebruik --format html, json of csv (of --uitleg)")
    return Rijen(jaren, Jaar._fields, budgetkolommen(jaren), teken_budget, titel="Begroting: kosten tegen financiering",
                 rapportgrafiek=rapportgrafiek.budget, uitleg=uitleg, bladkop="Berekening per scenario",
                 werkboek=werkboek,
                 bijschrift="Per jaar de financiering (donkerblauw) naast de kosten van elk scenario, in euro.")


def gevoeligheid(rijen: list[Any], werking: tuple[dict[int, Any], list[tuple[str, ...]]] | None = None) -> Rijen:
    """sensitivity's points (engine/gevoeligheid.py's `Gevoeligheid`), drawn as a tornado.

    `werking` is what `--uitleg` explains them with (each row's engine record by id(), the
    varied field paths): the report shows it for the first points, the workbook for every point."""
    from brutonetto.engine.gevoeligheid import Gevoeligheid
    from brutonetto.output import rapportgrafiek
    from brutonetto.output.grafiek import teken_tornado
    from brutonetto.output.kolommen import gevoeligheidskolommen

    def punten() -> tuple[list[Any], int]:  # only the points shown are explained: a grid may have a million
        from brutonetto.output.rapport import MAX_BLADEN
        from brutonetto.output.uitleg import gevoeligheid_bladen

        return gevoeligheid_bladen(rijen[:MAX_BLADEN], *werking), len(rijen)

    uitleg = None if werking is None else punten
    werkboek = None if werking is None else ("schrijf_gevoeligheid", {"werking": werking[0]})
    return Rijen(rijen, Gevoeligheid._fields, gevoeligheidskolommen(rijen), teken_tornado, titel="Gevoeligheid",
                 rapportgrafiek=rapportgrafiek.tornado, uitleg=uitleg, bladkop="Berekening per punt",
                 werkboek=werkboek,
                 bijschrift="Per functie en gevarieerd veld een balk van de uitkomst aan het ene einde van het bereik "
                            "tot die aan het andere; de breedste bovenaan.")


def zoekuitkomsten(rijen: list[Any]) -> Rijen:
    """solve's answers (engine/zoek.py's `Zoekuitkomst`): per functie, or the total, the value found."""
    from brutonetto.engine.zoek import Zoekuitkomst
    from brutonetto.output.kolommen import zoekkolommen

    return Rijen(rijen, Zoekuitkomst._fields, zoekkolommen(rijen))
