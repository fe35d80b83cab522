"""`--format html`: the report to hand on (contract v3), read as text and in a real browser.

The page's figures must be the JSON's: each table cell carries its JSON value (`data-waarde`)
and shows it the Dutch way, as the table does. It must need nothing from outside (no script,
no address), print on A4, and show a name from a file as text, never as markup.

The browser tests drive Debian's Chromium headless through Playwright. Where no browser is
found they skip, unless CI or BRUTONETTO_BROWSER_VERPLICHT is set: then they fail, so CI
(.ci/run installs chromium) cannot pass them by not running them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from datetime import date
from decimal import Decimal as D
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import BUDGET_EENHEID, EXAMPLES

from brutonetto.output import kolommen
from brutonetto.output.tabel import cel

SOORTEN = {k.sleutel: k.soort for k in (*kolommen.RECORDS, *kolommen.BUDGET, *kolommen.GEVOELIGHEID, *kolommen.REALISATIE)}

SENSITIVITY = ("sensitivity", EXAMPLES / "bezwaar-en-beroep.yaml", "-v", "aftrek.verzuim=4..6%",
               "-v", "aftrek.leren_en_ontwikkelen=150..200 uur", "--scenario", "extra_leertijd")
REALISATION = ("realisation", EXAMPLES / "uitkeren.yaml", EXAMPLES / "realisatie" / "uitkeren-h1-2023.csv",
               "--scenario", "leertijd_plus_50")
RUNS = {
    "compute": ("compute", EXAMPLES / "bezwaar-en-beroep.yaml"),
    "compute-contactcentrum": ("compute", EXAMPLES / "klant-en-service-telefonie.yaml"),
    "compare": ("compare", EXAMPLES / "klant-en-service.yaml", EXAMPLES / "werkbedrijf.yaml"),
    "budget": ("budget", EXAMPLES / "versterking-vakmanschap.yaml"),
    "sensitivity": SENSITIVITY,
    "realisation": REALISATION,
}

KWAADAARDIG = """\
    eenheid: "E <b>vet</b> & \\"x\\""
    functies:
      - functie: "<script>alert(1)</script>"
        fte: 10
        kosten_per_fte: 70000
        beschikbare_uren: 1631
        aftrek: {"<img src=x onerror=alert(2)>": 100 uur, "wis\\e[2J": 50 uur}
        scenarios:
          "meer</td></tr></table><script>alert(3)</script>": {aftrek: {extra: 20 uur}}
"""


def rapport(cli, *args: object, naam: str = "rapport.html") -> str:
    cli(*args, "--format", "html", "--output", naam)
    return (cli.tmp_path / naam).read_text(encoding="utf-8")


def json_rijen(cli, *args: object) -> list[dict]:
    return json.loads(cli(*args, "--format", "json").stdout, parse_float=D, parse_int=D)


class _Cellen(HTMLParser):
    """The result table's rows from the page's text: per `data-rij`, each cell's field, value and text."""

    def __init__(self) -> None:
        super().__init__()
        self.rijen: dict[int, dict[str, tuple[str | None, str]]] = {}
        self._rij: int | None = None
        self._cel: tuple[str, str | None] | None = None
        self._tekst: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        kenmerken = dict(attrs)
        if tag == "tr" and "data-rij" in kenmerken:
            self._rij = int(kenmerken["data-rij"])
            self.rijen[self._rij] = {}
        elif tag == "td" and self._rij is not None and "data-veld" in kenmerken:
            self._cel, self._tekst = (kenmerken["data-veld"], kenmerken.get("data-waarde")), []

    def handle_data(self, data: str) -> None:
        if self._cel is not None:
            self._tekst.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cel is not None and self._rij is not None:
            veld, waarde = self._cel
            self.rijen[self._rij][veld] = (waarde, "".join(self._tekst))
            self._cel = None
        elif tag == "tr":
            self._rij = None


def cellen(pagina: str) -> dict[int, dict[str, tuple[str | None, str]]]:
    lezer = _Cellen()
    lezer.feed(pagina)
    return lezer.rijen


def vergelijk(rijen: dict[int, dict[str, tuple[str | None, str]]], records: list[dict]) -> int:
    """Every cell of the page against the JSON: its value exactly, its text as the table writes it."""
    assert sorted(rijen) == list(range(len(records)))
    getoetst = 0
    for i, record in enumerate(records):
        assert rijen[i], f"rij {i} heeft geen cellen"
        for veld, (waarde, tekst) in rijen[i].items():
            verwacht = record[veld]
            if verwacht is None:
                assert waarde is None and tekst == "", (i, veld, waarde, tekst)
                continue
            soort = SOORTEN[veld]
            if isinstance(verwacht, D):
                assert D(waarde) == verwacht, (i, veld, waarde, verwacht)
                if tekst:  # a basis row shows no extra fte against itself, as the table
                    assert tekst == cel(verwacht, soort), (i, veld, tekst)
            elif soort == kolommen.DATUM:
                assert waarde == verwacht and tekst == cel(date.fromisoformat(verwacht), soort)
            else:
                assert waarde == tekst == str(verwacht), (i, veld, waarde, tekst, verwacht)
            getoetst += 1
    return getoetst


# The page as text ---------------------------------------------------------------------


@pytest.mark.parametrize("run", list(RUNS))
def test_every_figure_of_the_page_is_the_json_one(cli, run):
    args = RUNS[run]
    pagina = rapport(cli, *args)
    assert vergelijk(cellen(pagina), json_rijen(cli, *args)) > 10


def test_the_compute_report_holds_table_chart_working_sources_date_and_version(cli, monkeypatch):
    from brutonetto import __version__

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796371200")  # 2026-12-04 08:00 UTC
    pagina = rapport(cli, "compute", EXAMPLES / "bezwaar-en-beroep.yaml")
    assert "<title>Bruto/netto-berekening</title>" in pagina
    assert 'Gemaakt op <time datetime="2026-12-04T08:00:00+00:00">4 december 2026, 08:00</time>' in pagina
    assert f'met brutonetto <span class="versie">{__version__}</span>' in pagina
    for kop in ("Uitkomsten", "Grafiek", "Berekening per functie", "Bronnen"):
        assert f"<h2>{kop}</h2>" in pagina
    assert pagina.count("<svg ") == 1 and "Medewerker bezwaar · extra_leertijd" in pagina
    # explain's working, line for line: the step, its formula filled in, the result and file:line
    assert pagina.count('<section class="blad"') == len(json_rijen(cli, "compute", EXAMPLES / "bezwaar-en-beroep.yaml"))
    assert "<td>directe uren</td><td>beschikbare uren - totaal aftrek</td><td>1.631 - 343,273</td>" in pagina
    bron = f"{EXAMPLES / 'bezwaar-en-beroep.yaml'}:"
    assert re.search(re.escape(f'data-bron="{bron}') + r"\d+", pagina)
    assert "@page { size: A4;" in pagina
    assert 'class="totaal" data-totaal="extra_leertijd"' in pagina


def test_the_working_in_the_report_is_the_engine_s(cli):
    """Each rekenblad step carries its result; directe uren and extra fte are the JSON's."""
    pagina = rapport(cli, "compute", EXAMPLES / "bezwaar-en-beroep.yaml")
    records = json_rijen(cli, "compute", EXAMPLES / "bezwaar-en-beroep.yaml")
    bladen = re.findall(r'<section class="blad" data-functie="([^"]*)" data-scenario="([^"]*)">(.*?)</section>', pagina, re.S)
    assert len(bladen) == len(records)
    for (functie, scenario, blad), record in zip(bladen, records):
        assert (functie, scenario) == (record["functie"], record["scenario"])
        uitkomsten = dict(re.findall(r'<tr data-veld="([^"]*)" data-uitkomst="([^"]*)">', blad))
        assert D(uitkomsten["directe_uren"]) == record["directe_uren"]
        if scenario != "basis":
            assert D(uitkomsten["extra_fte"]) == record["extra_fte"]


@pytest.mark.parametrize("run", list(RUNS))
def test_the_page_needs_nothing_from_outside(cli, run):
    pagina = rapport(cli, *RUNS[run])
    assert pagina.startswith("<!DOCTYPE html>")
    for verboden in ("<script", "http://", "https://", " src=", "<link", "@import", "url(", "<iframe", "<object"):
        assert verboden not in pagina.lower(), verboden
    assert "<style>" in pagina and '<meta charset="utf-8">' in pagina


@pytest.mark.parametrize("run", ["budget", "sensitivity", "realisation"])
def test_the_analysis_reports_show_their_uitleg_working(cli, run):
    args = RUNS[run]
    pagina = rapport(cli, *args)
    uitleg = cli(*args, "--uitleg", "--format", "json").stdout
    bladen = json.loads(uitleg, parse_float=D)
    assert pagina.count('<section class="blad"') == len(bladen) > 0
    for blad in bladen:
        for stap in blad["stappen"]:
            assert f'data-uitkomst="{stap["uitkomst"]}"' in pagina
    assert "<h2>Bronnen</h2>" in pagina and "<h2>Grafiek</h2>" in pagina and "<svg " in pagina


def test_a_name_from_a_file_is_text_never_markup(cli):
    cli.write("kwaad.yaml", KWAADAARDIG)
    pagina = rapport(cli, "compute", "kwaad.yaml")
    assert "<script" not in pagina and "<img" not in pagina and "<b>" not in pagina
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pagina
    assert "&lt;img src=x onerror=alert(2)&gt;" in pagina
    assert "meer&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in pagina
    assert "E &lt;b&gt;vet&lt;/b&gt; &amp; &quot;x&quot;" in pagina
    svg = pagina[pagina.index("<svg "):pagina.index("</svg>")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    # no control character reaches the page: the escape is shown (as the table shows it)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", pagina)
    assert "wis␛[2J" in pagina
    records = json_rijen(cli, "compute", "kwaad.yaml")
    assert vergelijk(cellen(pagina), records) > 0


def test_the_report_goes_to_a_file_only(cli):
    fout = cli("compute", EXAMPLES / "bezwaar-en-beroep.yaml", "--format", "html", code=2).stderr
    assert "--format html: een rapport gaat naar een bestand; geef --output BESTAND.html" in fout
    fout = cli("budget", EXAMPLES / "versterking-vakmanschap.yaml", "-f", "html", "--uitleg", "-o", "r.html", code=2).stderr
    assert "het html-rapport bevat de berekening al" in fout
    assert not (cli.tmp_path / "r.html").exists()


def test_the_report_needs_no_matplotlib(cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails
    cli.write("b.yaml", BUDGET_EENHEID)
    for args in (("compute", EXAMPLES / "bezwaar-en-beroep.yaml"), ("budget", "b.yaml"), SENSITIVITY):
        assert "<svg " in rapport(cli, *args)
    assert "matplotlib" in cli("budget", "b.yaml", "-o", "x.svg", code=1).stderr  # the svg chart does need it


def test_the_same_run_gives_the_same_report(cli, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796371200")
    eerste = rapport(cli, *SENSITIVITY, naam="a.html")
    assert rapport(cli, *SENSITIVITY, naam="b.html") == eerste


def test_a_budget_report_by_hand(cli):
    """BUDGET_EENHEID: EUR 300.000 a year from 2023, indexed 2%; 250k in 2023, nothing in 2024."""
    cli.write("b.yaml", BUDGET_EENHEID)
    pagina = rapport(cli, "budget", "b.yaml")
    rijen = cellen(pagina)
    assert rijen[0]["kosten"] == ("300000", "€ 300.000") and rijen[0]["saldo"] == ("-50000", "€ -50.000")
    assert rijen[1]["financiering"] == ("0", "€ 0") and rijen[1]["kosten"] == ("306000", "€ 306.000")
    assert "<h1>Begroting: kosten tegen financiering</h1>" in pagina and "b.yaml" in pagina


def test_too_many_bars_leave_the_chart_out_not_the_report(cli, monkeypatch):
    from brutonetto.output import rapportgrafiek

    monkeypatch.setattr(rapportgrafiek, "MAX_BALKEN", 3)
    pagina = rapport(cli, "compute", EXAMPLES / "bezwaar-en-beroep.yaml")
    assert "<svg " not in pagina and "De grafiek is weggelaten: zij zou 8 balken hebben, hoogstens 3." in pagina


def test_a_large_sensitivity_explains_its_first_points(cli, monkeypatch):
    from brutonetto.output import rapport as rapportmodule

    monkeypatch.setattr(rapportmodule, "MAX_BLADEN", 5)
    pagina = rapport(cli, *SENSITIVITY, "--stappen", "3")
    assert pagina.count('<section class="blad"') == 5
    assert "Hieronder de eerste 5 van 24 rekenbladen" in pagina


# The page in a browser ----------------------------------------------------------------


def _chromium() -> str | None:
    return os.environ.get("BRUTONETTO_CHROMIUM") or next(
        (p for naam in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(naam))), None)


@pytest.fixture(scope="module")
def browser():
    verplicht = bool(os.environ.get("CI") or os.environ.get("BRUTONETTO_BROWSER_VERPLICHT"))
    weg = pytest.fail if verplicht else pytest.skip
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        weg("playwright is niet geïnstalleerd (pip install -e '.[test]')")
    pad = _chromium()
    if pad is None:
        weg("geen Chromium gevonden; .ci/run installeert het (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=pad)
        yield b
        b.close()


def _open(browser, pad: Path):
    """The page, with every request it makes recorded (and any but its own file refused)."""
    pagina = browser.new_page()
    verzoeken: list[str] = []
    dialogen: list[str] = []

    def verzoek(route):
        if route.request.url != pad.as_uri():
            verzoeken.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    pagina.route("**/*", verzoek)
    pagina.on("request", lambda r: r.url != pad.as_uri() and verzoeken.append(r.url))
    pagina.on("dialog", lambda d: (dialogen.append(d.message), d.dismiss()))
    pagina.goto(pad.as_uri())
    pagina.wait_for_load_state("networkidle")
    return pagina, verzoeken, dialogen


DOM_CELLEN = """() => Object.fromEntries([...document.querySelectorAll('tr[data-rij]')].map(tr => [tr.dataset.rij,
    Object.fromEntries([...tr.querySelectorAll('td[data-veld]')].map(td =>
        [td.dataset.veld, [td.hasAttribute('data-waarde') ? td.dataset.waarde : null, td.textContent]]))]))"""


@pytest.mark.parametrize("run", list(RUNS))
def test_in_a_browser_the_figures_are_the_json_ones_and_nothing_is_fetched(cli, browser, run):
    args = RUNS[run]
    rapport(cli, *args)
    pagina, verzoeken, dialogen = _open(browser, cli.tmp_path / "rapport.html")
    try:
        dom = pagina.evaluate(DOM_CELLEN)
        rijen = {int(i): {veld: tuple(paar) for veld, paar in cellen.items()} for i, cellen in dom.items()}
        assert vergelijk(rijen, json_rijen(cli, *args)) > 10
        assert pagina.locator("svg").count() == 1 and pagina.locator("svg rect").count() > 3
        assert pagina.locator("script").count() == 0
        assert verzoeken == [] and dialogen == []
    finally:
        pagina.close()


def test_in_a_browser_a_hostile_name_stays_text(cli, browser):
    cli.write("kwaad.yaml", KWAADAARDIG)
    rapport(cli, "compute", "kwaad.yaml")
    pagina, verzoeken, dialogen = _open(browser, cli.tmp_path / "rapport.html")
    try:
        assert pagina.locator("script").count() == 0 and pagina.locator("img").count() == 0
        assert pagina.locator("td[data-veld=functie]").first.text_content() == "<script>alert(1)</script>"
        assert "<script>alert(1)</script> · basis" in pagina.locator("svg").text_content()
        assert pagina.locator("table.uitkomsten tr[data-rij]").count() == 2  # no row broken out of its table
        assert verzoeken == [] and dialogen == []
    finally:
        pagina.close()


@pytest.mark.parametrize("run", ["compute", "budget", "sensitivity", "realisation"])
def test_the_report_prints_on_a4(cli, browser, run):
    rapport(cli, *RUNS[run])
    pagina, _, _ = _open(browser, cli.tmp_path / "rapport.html")
    try:
        pdf = pagina.pdf(prefer_css_page_size=True)
        # and on paper, the table fits the width of A4 less its margins: nothing cut off at the right
        pagina.emulate_media(media="print")
        pagina.set_viewport_size({"width": 700, "height": 1000})  # 186 mm at 96 dpi
        breedte = pagina.evaluate("() => [document.documentElement.scrollWidth, "
                                  "document.querySelector('table.uitkomsten').getBoundingClientRect().right]")
    finally:
        pagina.close()
    assert pdf.startswith(b"%PDF-")
    vellen = re.findall(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert vellen and all(abs(float(b) - 595.92) < 1 and abs(float(h) - 842.88) < 1 for b, h in vellen)  # A4
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == len(vellen) >= (3 if run == "compute" else 1)  # 8 rekenbladen
    assert breedte[0] <= 700 and breedte[1] <= 700, breedte


@pytest.mark.parametrize("verplicht", [False, True])
def test_without_a_browser_the_browser_tests_skip_or_in_ci_fail(verplicht):
    """On a developer's machine without Chromium they skip; with CI (or BRUTONETTO_BROWSER_VERPLICHT)
    set they fail: CI cannot go green by not opening the page."""
    import subprocess

    from conftest import ROOT

    omgeving = {k: v for k, v in os.environ.items() if k not in ("CI", "BRUTONETTO_BROWSER_VERPLICHT", "BRUTONETTO_CHROMIUM")}
    omgeving["PATH"] = str(Path(sys.executable).parent)  # no chromium on it
    if verplicht:
        omgeving["BRUTONETTO_BROWSER_VERPLICHT"] = "1"
    uit = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rsE", str(ROOT / "tests" / "test_html.py"),
         "-k", "prints_on_a4 and compute"], capture_output=True, text=True, env=omgeving, cwd=ROOT, timeout=300)
    assert "geen Chromium gevonden" in uit.stdout, uit.stdout
    assert uit.returncode == (1 if verplicht else 0), uit.stdout


def test_the_report_says_what_stderr_said(cli):
    """Whoever reads the report never saw the run: a functie compare found in one file only is in it."""
    pagina = rapport(cli, *RUNS["compare"])
    kop = pagina.index("<h2>Waarschuwingen</h2>")
    assert "functie &#x27;Klantadviseur&#x27; staat alleen in klant-en-service, niet in werkbedrijf" in pagina[kop:]
    assert "<h2>Waarschuwingen</h2>" not in rapport(cli, *RUNS["compute"], naam="zonder.html")


def test_a_contact_centre_shows_its_intervals_line_by_line(cli):
    pagina = rapport(cli, *RUNS["compute-contactcentrum"])
    intervallen = re.search(r'<pre class="intervallen">(.*?)</pre>', pagina, re.S).group(1)
    regels = intervallen.split("\n")
    assert regels[0].strip() == "Intervallen (Erlang C):" and "␊" not in intervallen
    assert regels[1].split() == ["interval", "aanbod", "verkeer", "agenten", "servicelevel", "bezetting", "wachttijd"]
    assert len(regels) > 10
