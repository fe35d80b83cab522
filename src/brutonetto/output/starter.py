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
