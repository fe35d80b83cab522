"""The starter profile `brutonetto init` writes: commented, valid, and computed as written."""

STARTPROFIEL = """\
# yaml-language-server: $schema=brutonetto.schema.json
# Een brutonetto-profiel: één functie, van contracturen naar directe uren dienstverlening.
#   Uitrekenen:                brutonetto compute {naam}
#   Zien hoe elk getal ontstaat: brutonetto explain {naam}
#   Controleren:               brutonetto validate {naam}
# Een hoeveelheid is een getal (uren per jaar) of <getal> <eenheid>: 92 uur, 5,7%,
# 1 uur/week, 3 dagen. Decimaalkomma of -punt, nooit een punt voor duizendtallen (1631).

functie: Klantadviseur            # de naam van de functie
eenheid: Klant & Service          # organisatieonderdeel (mag weg)
fte: 100                          # huidige formatie
kosten_per_fte: 75000             # euro per fte per jaar: voor de extra kosten
uurtarief: 76                     # euro per uur: voor de waarde van de extra uren

uren_per_week: 36                 # contracturen: 36 x 52 weken = 1872 bruto uren
beschikbare_uren: 1631            # voor werk beschikbare uren na verlof (UWV 2023);
                                  # of laat deze regel weg en geef het verlof op:
                                  # verlof: {{vakantie: 25 dagen, feestdagen: 7 dagen}}
                                  # of reken met de kalender van een jaar (werkdagen en
                                  # feestdagen van dat jaar; 2027: 261 x 7,2 = 1879,2 bruto):
                                  # kalender: {{jaar: 2027, goede_vrijdag: nee, bevrijdingsdag: lustrum}}
                                  # verlof: {{vakantie: 144 uur, feestdagen: kalender}}

aftrek:                           # van beschikbaar naar direct, in deze volgorde
  verzuim: 5,7%                   # een % is van de beschikbare uren
  leren_en_ontwikkelen: 150 uur
  kwaliteitsontwikkeling: 35 uur  # intervisie, casuïstiek, peer review
  werkoverleg: 1 uur/week         # x het aantal werkweken (beschikbare uren / uren per week)

scenarios:                        # wat als? elk scenario wordt over de basis gelegd
  extra_leertijd:
    aftrek:
      extra_leertijd: 24 uur      # een nieuwe naam telt op; dezelfde naam vervangt; 0 uur haalt weg
"""

STARTEENHEID = """\
# yaml-language-server: $schema=brutonetto.schema.json
# Een brutonetto-eenheid: de hele formatie uit volumes en normtijden, met verhoudingen.
#   Uitrekenen:                brutonetto compute {naam}
#   Zien hoe elk getal ontstaat: brutonetto explain {naam}
# fte nodig = werklast / directe uren; werklast = som van volume x normtijd per product.

eenheid: Werkbedrijf
standaard:                        # geldt voor elke functie hieronder
  uren_per_week: 36
  beschikbare_uren: 1631
  aftrek:
    verzuim: 5,7%
    leren_en_ontwikkelen: 150 uur
    kwaliteitsontwikkeling: 35 uur
    werkoverleg: 1 uur/week
  instroom: 5%                    # nieuwe medewerkers per jaar ...
  inwerkverlies: 240 uur          # ... die elk zoveel directe uren verliezen bij het inwerken

scenarios:                        # wat als? voor elke functie
  extra_leertijd:
    aftrek: {{extra_leertijd: 24 uur}}
  hogere_instroom:
    instroom: 30%

functies:
  - functie: Adviseur werk
    fte: 1260                     # huidige formatie, naast wat de werklast vraagt
    kosten_per_fte: 80000
    producten:                    # volume per jaar x normtijd (met eenheid: s, min, uur)
      werkintake: {{volume: 120000, normtijd: 3 uur}}
      begeleidingsgesprek: {{volume: 1200000, normtijd: 45 min}}
      klantcontact:               # een dienstenmix: aandelen samen 100%
        volume: 540000
        kanalen:
          telefoon: {{aandeel: 60%, normtijd: 20 min}}
          werkplein: {{aandeel: 40%, normtijd: 75 min}}

  - functie: Senior adviseur      # een verhouding: 1 per 30 fte adviseurs
    kosten_per_fte: 95000
    verhouding: {{een_per: 30, van: Adviseur werk}}
    scenarios:
      minder_geld:
        verhouding: {{een_per: 60}}
"""


# The formatie as a spreadsheet (`brutonetto init formatie.xlsx` or `formatie.csv`): the header,
# the example row and its scenario row, and a note per column. Each entry: the header, its note,
# the base row's cell, the scenario row's cell ("%" marks a share, stored as Excel stores one).
FORMATIEKOLOMMEN: tuple[tuple[str, str, object, object], ...] = (
    ("functie", "De naam van de functie; uniek per eenheid. Verplicht.", "Klantadviseur", "Klantadviseur"),
    ("eenheid", "Het organisatieonderdeel; mag leeg.", "Klant & Service", "Klant & Service"),
    ("fte", "De huidige formatie in fte (decimaalkomma mag).", 420.9, None),
    ("kosten_per_fte", "Euro per fte per jaar, voor de extra kosten van een scenario.", 75000, None),
    ("uren_per_week", "Contracturen per week: 36 x 52 weken = 1872 bruto uren.", 36, None),
    ("verlof.vakantie", "Verlof, van bruto naar beschikbare uren: een kolom per soort (verlof.feestdagen, ...). "
     "Een getal is uren per jaar; of 144 uur, 20 dagen, 7,7%.", "144 uur", None),
    ("aftrek.verzuim", "Aftrek, van beschikbare naar directe uren: een kolom per soort, in deze volgorde. "
     "Een % is van de beschikbare uren: een cel opgemaakt als percentage (5,70%) of de tekst 5,7%.", ("%", 0.057), None),
    ("aftrek.leren_en_ontwikkelen", "Leertijd per fte per jaar: 152 uur, 1 uur/week, 3 dagen.", "152 uur", "185 uur"),
    ("scenario", "Leeg: de basisrij van de functie. Ingevuld: een scenario (wat als?); zijn gevulde cellen "
     "vervangen die van de basisrij met dezelfde functie en eenheid. Een scenariorij zonder functie geldt "
     "voor elke functie.", None, "extra_leertijd"),
)
FORMATIE_OVERIG = (
    ("beschikbare_uren", "Voor werk beschikbare uren per fte per jaar (UWV 2023: 1631); in plaats van uren_per_week en verlof."),
    ("weken_per_jaar", "Standaard 52."),
    ("uurtarief", "Euro per uur, voor de waarde van de extra uren."),
    ("werklast_uren", "Directe uren die de functie per jaar moet leveren: geeft fte_nodig."),
    ("producten.NAAM.volume", "Aantal per jaar van een product; met producten.NAAM.normtijd (45 min) de werklast."),
    ("verhouding.een_per", "Een verhoudingsfunctie: 1 fte per zoveel fte van verhouding.van (een functienaam)."),
    ("instroom", "Aandeel nieuwe medewerkers per jaar (5%); met inwerkverlies (240 uur) de aftrek inwerkverlies."),
)
FORMATIE_UITLEG = (
    "Een rij per functie; de kolomkoppen zijn de velden van een brutonetto-profiel. Een lege cel is een "
    "veld dat niet is opgegeven. Formules rekent brutonetto niet uit: het leest de uitkomst die Excel bewaarde. "
    "Standaardwaarden voor elke functie staan op het blad standaard (kolommen veld en waarde), of de rij "
    "'standaard' daar noemt een YAML-bestand ervan. Uitrekenen: brutonetto compute {naam}"
)


def formatiesjabloon(naam: str, csv: bool) -> bytes:
    """The template `init` writes: an xlsx with a note on every header cell and a sheet `uitleg`,
    or a CSV as Dutch Excel opens it (semicolons, decimal commas, a byte order mark)."""
    basis = [kolom[2] for kolom in FORMATIEKOLOMMEN]
    scenario = [kolom[3] for kolom in FORMATIEKOLOMMEN]
    if csv:
        def cel(waarde: object) -> str:
            if waarde is None:
                return ""
            if isinstance(waarde, tuple):
                return format(round(waarde[1] * 100, 10), "g").replace(".", ",") + "%"
            return str(waarde).replace(".", ",") if isinstance(waarde, float) else str(waarde)

        regels = [[k[0] for k in FORMATIEKOLOMMEN], [cel(w) for w in basis], [cel(w) for w in scenario]]
        return ("\ufeff" + "".join(";".join(r) + "\r\n" for r in regels)).encode("utf-8")

    import io

    try:
        import xlsxwriter
    except ImportError:
        from brutonetto.extras import installeer
        from brutonetto.output.formaten import Uitvoerfout

        raise Uitvoerfout(f"voor een xlsx-sjabloon is XlsxWriter nodig; installeer het met: {installeer('xlsx')}") from None

    uit = io.BytesIO()
    boek = xlsxwriter.Workbook(uit, {"in_memory": True})
    vet = boek.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    procent = boek.add_format({"num_format": "0.00%"})
    tekstvet = boek.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    omloop = boek.add_format({"text_wrap": True, "valign": "top"})
    blad = boek.add_worksheet("formatie")
    for k, (kop, uitleg, _, _) in enumerate(FORMATIEKOLOMMEN):
        blad.write_string(0, k, kop, vet)
        blad.write_comment(0, k, uitleg, {"x_scale": 2, "y_scale": 1.5})
        blad.set_column(k, k, max(12, len(kop) + 2))
        for r, waarde in ((1, basis[k]), (2, scenario[k])):
            if isinstance(waarde, tuple):
                blad.write_number(r, k, waarde[1], procent)
            elif isinstance(waarde, str):
                blad.write_string(r, k, waarde)
            elif waarde is not None:
                blad.write_number(r, k, waarde)
    blad.freeze_panes(1, 0)
    standaard = boek.add_worksheet("standaard")
    standaard.write_string(0, 0, "veld", vet)
    standaard.write_string(0, 1, "waarde", vet)
    standaard.write_comment(0, 0, "Een veld per rij (zoals uren_per_week of aftrek.werkoverleg), met in kolom B de "
                                  "waarde die voor elke functie geldt; een rij op het blad formatie gaat voor.",
                            {"x_scale": 2, "y_scale": 1.5})
    standaard.set_column(0, 1, 28)
    uitleg = boek.add_worksheet("uitleg")
    uitleg.set_column(0, 0, 30)
    uitleg.set_column(1, 1, 90)
    uitleg.write_string(0, 0, "brutonetto: de formatie", tekstvet)
    uitleg.write_string(0, 1, FORMATIE_UITLEG.format(naam=naam), omloop)
    uitleg.write_string(2, 0, "kolom", vet)
    uitleg.write_string(2, 1, "betekenis", vet)
    for r, (kop, tekst) in enumerate([(k[0], k[1]) for k in FORMATIEKOLOMMEN] + list(FORMATIE_OVERIG), start=3):
        uitleg.write_string(r, 0, kop)
        uitleg.write_string(r, 1, tekst, omloop)
    boek.close()
    return uit.getvalue()
