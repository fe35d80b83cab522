"""What the commands write, each in the formats it offers (see `formaten.FORMATEN`).

Each content holds what the engine computed (records, rekenbladen, typed rows) and renders
it; none of them computes. The renderers are imported when a format is written, never at
start-up.
"""

from __future__ import annotations

from typing import IO, Any, Iterable

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


class Erlanguitkomst(Inhoud):
    """`erlang`: one interval's staffing; shares are fractions (0,8 is 80%), like aandeel_direct."""

    SLEUTELS = ("agenten", "servicelevel", "bezetting", "wachtkans", "gemiddelde_wachttijd_s")

    def __init__(self, interval: Any) -> None:
        from decimal import Decimal

        # the model's floats as the exact decimals they hold; the renderers round to 6 places
        self.rij = {sleutel: Decimal(getattr(interval, sleutel)) for sleutel in self.SLEUTELS}
        self.verkeer = Decimal(interval.verkeer)

    def rijen(self) -> Iterable[Any]:
        return [self.rij]

    def tabel(self, uit: IO[str], breedte: int | None, balken: bool = False) -> None:
        from brutonetto.notation import nl, nl_procent

        rij = self.rij
        regels = [
            ("Verkeer", f"{nl(self.verkeer, 2)} Erlang"),
            ("Agenten", f"{rij['agenten']}"),
            ("Servicelevel", nl_procent(rij["servicelevel"], 2)),
            ("Bezetting", nl_procent(rij["bezetting"], 2)),
            ("Wachtkans", nl_procent(rij["wachtkans"], 2)),
            ("Gemiddelde wachttijd", f"{nl(rij['gemiddelde_wachttijd_s'], 1)} s"),
        ]
        breedte_kop = max(len(k) for k, _ in regels)
        uit.writelines(f"{kop.ljust(breedte_kop)}  {waarde}\n" for kop, waarde in regels)

    def csv(self, uit: IO[str], dialect: str) -> None:
        from brutonetto.notation import machinegetal

        nederlands = dialect == "nl"
        scheiding = ";" if nederlands else ","
        waarden = [machinegetal(w) for w in self.rij.values()]
        if nederlands:
            uit.write("\ufeff")
            waarden = [w.replace(".", ",") for w in waarden]
        uit.write(scheiding.join(self.SLEUTELS) + "\r\n" + scheiding.join(waarden) + "\r\n")


class Rijen(Inhoud):
    """The v2 commands (realisation, budget, sensitivity): typed rows whose fields are the JSON keys.

    `kolommen` says what the table shows (`tabel.Kolom`, the layouts of kolommen.py); CSV
    and JSON write every field. `teken`, when given, draws the rows as a chart (svg, png:
    the grafiek extra); `werkboek`, when given, names the function of output/werkboek.py that
    writes them as a workbook with live formulas, and what it needs besides the rows.
    """

    def __init__(self, rijen: list[Any], velden: tuple[str, ...], kolommen: list[Any], teken: Any = None,
                 werkboek: tuple[str, dict[str, Any]] | None = None) -> None:
        self.lijst = rijen
        self.velden = velden
        self.kolommen = kolommen
        self.teken = teken
        self.werkboek = werkboek

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


def realisatie(uitkomsten: list[Any], werking: list[Any] | None = None) -> Rijen:
    """realisation's rows (engine/realisatie.py's `Realisatie`), per functie and aftrek; with
    `werking` (each row's registered sum and plan record, in order), also a workbook."""
    from brutonetto.engine.realisatie import Realisatie
    from brutonetto.output.kolommen import realisatiekolommen

    werkboek = ("schrijf_realisatie", {"werking": werking}) if werking is not None else None
    return Rijen(uitkomsten, Realisatie._fields, realisatiekolommen(uitkomsten), werkboek=werkboek)


def budget(jaren: list[Any], records: list[Any] | None = None, indexatie: Any = None) -> Rijen:
    """budget's years (engine/begroting.py's `Jaar`), drawn as bars of costs against funding; with
    the run's `records` and the meerjaren `indexatie`, also a workbook."""
    from brutonetto.engine.begroting import Jaar
    from brutonetto.output.grafiek import teken_budget
    from brutonetto.output.kolommen import budgetkolommen

    werkboek = ("schrijf_budget", {"records": records, "indexatie": indexatie}) if records is not None else None
    return Rijen(jaren, Jaar._fields, budgetkolommen(jaren), teken_budget, werkboek)


def gevoeligheid(rijen: list[Any], werking: dict[int, Any] | None = None) -> Rijen:
    """sensitivity's points (engine/gevoeligheid.py's `Gevoeligheid`), drawn as a tornado; with
    `werking` (the record of each row by its id), also a workbook."""
    from brutonetto.engine.gevoeligheid import Gevoeligheid
    from brutonetto.output.grafiek import teken_tornado
    from brutonetto.output.kolommen import gevoeligheidskolommen

    werkboek = ("schrijf_gevoeligheid", {"werking": werking}) if werking is not None else None
    return Rijen(rijen, Gevoeligheid._fields, gevoeligheidskolommen(rijen), teken_tornado, werkboek)
