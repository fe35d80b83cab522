"""Every problem of a file at once (contract v3, issue 19): a problem in one part never hides one
in another. The cases a new user's trial found still hidden, each with what validate must say."""

from __future__ import annotations

import pytest

GEVALLEN = {
    "r1": ("eenheid: X\nmeerjaren:\n  scenario: extra_leertjd\n  financiering: {2025: 1 mln}\nstandaard:\n  beschikbare_uren: 1631\n  aftrek: {verzuim: '5,7 procent'}\nscenarios:\n  extra_leertijd: {aftrek: {extra: 40 uur}}\nfuncties:\n  - {functie: Adviseur, fte: 100}\n  - functie: Senior\n    verhouding: {een_per: 30, van: Adviseur wrk}\n", [
        "r1.yaml:3:3: meerjaren.scenario: onbekend scenario 'extra_leertjd'; bedoelt u 'extra_leertijd'?; in deze bestanden staan: extra_leertijd",
        "r1.yaml:7:12: standaard.aftrek.verzuim: onbekende eenheid 'procent' in '5,7 procent'; bedoelt u '5,7%'?",
        "r1.yaml:13:31: functies[1].verhouding.van: functie 'Senior': onbekende functie 'Adviseur wrk' in eenheid 'X'; bedoelt u 'Adviseur'?",
        '3 problemen gevonden; er is niets berekend.',
    ]),
    "r5": ('eenheid: X\nstandaard: {beschikbare_uren: 1631}\nscenarios:\n  s: {aftrek: {extra: 40 urr}}\nfuncties:\n  - {functie: A, fte: 10}\n  - functie: C\n    verhouding: {een_per: 30, van: B}\n', [
        "r5.yaml:4:16: scenarios.s.aftrek.extra: onbekende eenheid 'urr' in '40 urr'; bekend zijn: %, d, dag, dagen, h, u, u/w, u/week, uren, uren/week, uur, uur/week",
        "r5.yaml:8:31: functies[1].verhouding.van: functie 'C': onbekende functie 'B' in eenheid 'X'; hier staan: A",
        '2 problemen gevonden; er is niets berekend.',
    ]),
    "a6": ('eenheid: X\nmeerjaren:\n  scenario: extra_leertjd\n  financiering: {2025: 12.000.000}\nstandaard: {beschikbare_uren: 1631}\nscenarios:\n  extra_leertijd: {aftrek: {extra: 40 uur}}\nfuncties:\n  - {functie: A, fte: 10, kosten_per_fte: 80000}\n', [
        "a6.yaml:3:3: meerjaren.scenario: onbekend scenario 'extra_leertjd'; bedoelt u 'extra_leertijd'?; in deze bestanden staan: extra_leertijd",
        "a6.yaml:4:18: meerjaren.financiering.2025: '12.000.000' lijkt scheidingstekens voor duizendtallen te bevatten: bedoelt u 12000000? Schrijf bedragen zonder duizendtalscheiding, met . of , als decimaalteken ('12,5 mln')",
        '2 problemen gevonden; er is niets berekend.',
    ]),
    "r3": ('functie: A\nbeschikbare_uren: 1631\nproducten:\n  klantcontact:\n    volume: 1000\n    kanalen:\n      tel: {aandeel: 60%, normtijd: 10 min}\n      web: {aandeel: 20%, normtijd: 5 min}\n  intake: {volume: 1000, normtijd: 3}\n', [
        "r3.yaml:6:5: producten.klantcontact.kanalen: functie 'A': de aandelen van de kanalen van 'klantcontact' tellen op tot 80%, niet 100%",
        "r3.yaml:9:26: producten.intake.normtijd: '3' heeft geen eenheid: bedoelt u '3 min'? Schrijf een tijd met s, min of uur",
        '2 problemen gevonden; er is niets berekend.',
    ]),
    "a7": ('eenheid: X\nstandaard: {beschikbare_uren: 1631}\nfuncties:\n  - {functie: Adviseur, fte: 1.260}\n  - {functie: Adviseur, fte: 10}\n', [
        "a7.yaml:4:6: functies[0].functie: functie 'Adviseur' in eenheid 'X' komt twee keer voor (ook in a7.yaml:5); geef elke functie een eigen naam",
        "a7.yaml:4:25: functies[0].fte: '1.260' leest als 1,260: een punt is hier een decimaalteken, geen duizendtalscheiding; bedoelt u 1260? (een decimaal: '1,260')",
        '2 problemen gevonden; er is niets berekend.',
    ]),
}


@pytest.mark.parametrize("naam", GEVALLEN)
def test_validate_reports_every_problem_of_the_file(cli, naam):
    tekst, verwacht = GEVALLEN[naam]
    cli.write(f"{naam}.yaml", tekst)
    assert cli("validate", f"{naam}.yaml", code=1).stderr.splitlines() == verwacht
