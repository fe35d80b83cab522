"""Plan against realisation: the CSV as exports write it, and the annualised sums, by hand.

Expected values are worked out by hand (or as exact fractions) in the test, never copied
from the program's own output.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal as D
from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brutonetto.domain.registratie import Registratie
from brutonetto.engine.realisatie import Realisatie, aggregate, compare_plan, hele_maanden
from brutonetto.errors import Fout
from brutonetto.input.realisatie import lees_datum, read_registraties

KOP = "functie;aftrek;van;tot;uren;fte"


def lees(tekst: str, bestand: str = "r.csv") -> tuple[list[Registratie], list[Fout]]:
    fouten: list[Fout] = []
    return list(read_registraties(tekst, bestand, fouten)), fouten


def som(tekst: str) -> tuple[list, list[Fout]]:
    rijen, fouten = lees(tekst)
    assert fouten == []
    return aggregate(rijen, "r.csv")


def een(tekst: str):
    resultaten, fouten = som(tekst)
    assert fouten == []
    (resultaat,) = resultaten
    return resultaat


def dicht_bij(getal: D, verwacht: F) -> bool:
    return abs(F(getal) - verwacht) < F(1, 10**30)


# --- the arithmetic ------------------------------------------------------------------------


def test_the_contracts_example_24_hours_in_a_half_year_is_48_a_year_96_percent_of_50():
    regel = een(f"{KOP};eenheid\nMedewerker uitkeren;leren_en_ontwikkelen;1-1-2023;30-6-2023;2400;100;Uitkeren\n")
    assert regel.uren_per_fte == 24  # 2400 uur / 100 fte
    assert (regel.maanden, regel.annualisatie) == (6, 2)  # a half year: x 12/6
    assert regel.gerealiseerd_per_fte == 48
    uitkomst = compare_plan(regel, gepland_per_fte=D(50), directe_uren=D(1300))
    assert uitkomst.percentage == D("0.96")
    assert uitkomst.niet_benut_uren == 200  # 100 fte x (50 - 48)
    assert dicht_bij(uitkomst.niet_benut_fte, F(200, 1300))
    assert (uitkomst.functie, uitkomst.eenheid, uitkomst.aftrek) == (
        "Medewerker uitkeren", "Uitkeren", "leren_en_ontwikkelen")
    assert (uitkomst.van, uitkomst.tot) == (date(2023, 1, 1), date(2023, 6, 30))


def test_the_json_keys_are_the_contracts_in_order():
    assert Realisatie._fields == (
        "functie", "eenheid", "aftrek", "van", "tot", "gepland_per_fte", "gerealiseerd_per_fte",
        "percentage", "niet_benut_uren", "niet_benut_fte",
    )


@pytest.mark.parametrize(
    ("van", "tot", "maanden", "factor"),
    [
        ("1-1-2023", "31-3-2023", 3, 4),  # a quarter: x 4
        ("1-4-2023", "30-6-2023", 3, 4),
        ("1-7-2023", "31-12-2023", 6, 2),  # the second half year: x 2
        ("1-1-2023", "31-12-2023", 12, 1),
        ("1-2-2024", "29-2-2024", 1, 12),  # a leap February is a whole month
        ("1-11-2023", "29-2-2024", 4, 3),  # across the turn of the year
    ],
)
def test_whole_months_are_annualised_by_12_over_the_months(van, tot, maanden, factor):
    regel = een(f"{KOP}\nA;leren;{van};{tot};30;10\n")
    assert (regel.maanden, regel.annualisatie) == (maanden, factor)
    assert regel.gerealiseerd_per_fte == 3 * factor  # 30 uur / 10 fte = 3 per head


@pytest.mark.parametrize(
    ("van", "tot", "dagen"),
    [
        ("1-1-2023", "10-1-2023", 10),  # 365 / 10
        ("2-1-2023", "31-1-2023", 30),  # ends on a last day but starts on the 2nd
        ("1-1-2023", "30-1-2023", 30),  # starts on a first but ends on the 30th
        ("2-1-2023", "31-12-2023", 364),  # 52 weeks, Monday to Sunday
        ("15-3-2023", "15-3-2023", 1),  # one day
    ],
)
def test_other_periods_are_annualised_by_365_over_the_days_inclusive(van, tot, dagen):
    regel = een(f"{KOP}\nA;leren;{van};{tot};10;1\n")
    assert (regel.maanden, regel.dagen) == (None, dagen)
    assert dicht_bij(regel.annualisatie, F(365, dagen))
    assert dicht_bij(regel.gerealiseerd_per_fte, F(10 * 365, dagen))


def test_hele_maanden():
    assert hele_maanden(date(2023, 1, 1), date(2023, 1, 31)) == 1
    assert hele_maanden(date(2023, 1, 1), date(2024, 12, 31)) == 24
    assert hele_maanden(date(2023, 2, 1), date(2023, 2, 28)) == 1
    assert hele_maanden(date(2024, 2, 1), date(2024, 2, 28)) is None  # 2024 is a leap year


def test_rows_add_hours_per_head_and_the_fte_is_the_day_weighted_average():
    # Q1: 1200 uur by 100 fte = 12 per head; Q2: 1320 uur by 110 fte = 12 per head.
    # Per head 12 + 12 = 24 in a half year, so 48 a year, whatever the group's size.
    regel = een(f"{KOP}\nA;leren;1-1-2023;31-3-2023;1200;100\nA;leren;1-4-2023;30-6-2023;1320;110\n")
    assert regel.uren_per_fte == 24
    assert regel.uren == 2520
    assert (regel.van, regel.tot, regel.maanden, regel.regels) == (date(2023, 1, 1), date(2023, 6, 30), 6, 2)
    assert regel.gerealiseerd_per_fte == 48
    # Q1 has 31 + 28 + 31 = 90 days, Q2 30 + 31 + 30 = 91: fte = (100 x 90 + 110 x 91) / 181
    fte = F(100 * 90 + 110 * 91, 181)
    assert dicht_bij(regel.fte, fte)
    uitkomst = compare_plan(regel, gepland_per_fte=D(50), directe_uren=D(1300))
    assert dicht_bij(uitkomst.niet_benut_uren, fte * 2)
    assert dicht_bij(uitkomst.niet_benut_fte, fte * 2 / 1300)


def test_a_gap_between_rows_counts_as_no_hours_over_the_whole_span():
    # January and March registered, February not: 6 per head over January..March, x 4
    regel = een(f"{KOP}\nA;leren;1-1-2023;31-1-2023;30;10\nA;leren;1-3-2023;31-3-2023;30;10\n")
    assert (regel.van, regel.tot, regel.maanden) == (date(2023, 1, 1), date(2023, 3, 31), 3)
    assert regel.gerealiseerd_per_fte == 24


def test_rows_in_any_order_and_weekly_periods_sum_by_days():
    rijen = [f"A;leren;{(date(2023, 1, 2) + timedelta(weeks=w)).isoformat()};"
             f"{(date(2023, 1, 8) + timedelta(weeks=w)).isoformat()};5;2" for w in range(52)]
    regel = een(KOP + "\n" + "\n".join(reversed(rijen)) + "\n")
    # 52 weeks of 2.5 per head = 130 over 364 days (2-1-2023 to 31-12-2023): x 365/364
    assert (regel.van, regel.tot, regel.dagen, regel.regels) == (date(2023, 1, 2), date(2023, 12, 31), 364, 52)
    assert dicht_bij(regel.gerealiseerd_per_fte, F(130 * 365, 364))
    assert regel.fte == 2


def test_each_eenheid_functie_and_aftrek_is_summed_on_its_own():
    resultaten, _ = som(
        f"{KOP};eenheid\n"
        "A;leren;1-1-2023;30-6-2023;10;1;Uitkeren\n"
        "A;leren;1-1-2023;30-6-2023;20;1;SMZ\n"
        "A;kwaliteit;1-1-2023;30-6-2023;30;1;Uitkeren\n"
        "B;leren;1-1-2023;30-6-2023;40;1;Uitkeren\n"
        "A;leren;1-7-2023;31-12-2023;5;1;Uitkeren\n"
    )
    per_sleutel = {(r.eenheid, r.functie, r.aftrek): r.gerealiseerd_per_fte for r in resultaten}
    assert per_sleutel == {
        ("Uitkeren", "A", "leren"): 15,  # a whole year: 10 + 5
        ("SMZ", "A", "leren"): 40,
        ("Uitkeren", "A", "kwaliteit"): 60,
        ("Uitkeren", "B", "leren"): 80,
    }


def test_more_than_planned_gives_negative_unused_hours_and_nothing_planned_no_percentage():
    regel = een(f"{KOP}\nA;leren;1-1-2023;31-12-2023;600;10\n")  # 60 per head in a year
    meer = compare_plan(regel, gepland_per_fte=D(50), directe_uren=D(1250))
    assert (meer.percentage, meer.niet_benut_uren, meer.niet_benut_fte) == (D("1.2"), -100, D("-0.08"))
    niets = compare_plan(regel, gepland_per_fte=D(0), directe_uren=D(1250))
    assert niets.percentage is None
    assert niets.niet_benut_uren == -600


# --- overlap --------------------------------------------------------------------------------


def test_overlapping_periods_are_one_problem_at_the_first_line_and_give_no_result():
    rijen, fouten = lees(
        f"{KOP}\n"
        "A;leren;1-1-2023;31-3-2023;10;1\n"  # line 2
        "B;leren;1-1-2023;30-6-2023;10;1\n"  # line 3: another functie, not affected
        "A;leren;1-3-2023;30-6-2023;10;1\n"  # line 4: March is in both
    )
    assert fouten == []
    resultaten, fouten = aggregate(rijen, "r.csv")
    assert [r.functie for r in resultaten] == ["B"]
    assert [str(f) for f in fouten] == [
        "r.csv:2:1: A / leren: de periode 1-1-2023 t/m 31-3-2023 overlapt met 1-3-2023 t/m 30-6-2023 op "
        "regel 4; perioden mogen niet overlappen, anders tellen uren dubbel",
    ]


def test_a_row_registered_twice_is_named_as_such():
    rijen, _ = lees(f"{KOP};eenheid\nA;leren;1-1-2023;31-1-2023;10;1;Uitkeren\nA;leren;1-1-2023;31-1-2023;10;1;Uitkeren\n")
    _, fouten = aggregate(rijen, "r.csv")
    assert [str(f) for f in fouten] == [
        "r.csv:2:1: Uitkeren / A / leren: dezelfde periode 1-1-2023 t/m 31-1-2023 staat ook op regel 3 "
        "(dubbel geregistreerd?); perioden mogen niet overlappen",
    ]


def test_one_shared_day_overlaps_and_adjacent_periods_do_not():
    rijen, _ = lees(f"{KOP}\nA;leren;1-1-2023;31-3-2023;1;1\nA;leren;31-3-2023;30-6-2023;1;1\n"
                    "B;leren;1-1-2023;31-3-2023;1;1\nB;leren;1-4-2023;30-6-2023;1;1\n")
    resultaten, fouten = aggregate(rijen, "r.csv")
    assert [r.functie for r in resultaten] == ["B"]
    assert [f.regel for f in fouten] == [2]


def test_a_long_row_over_several_short_ones_is_one_run_and_a_later_run_another():
    rijen, _ = lees(f"{KOP}\nA;leren;1-1-2023;30-6-2023;1;1\nA;leren;1-1-2023;31-1-2023;1;1\n"
                    "A;leren;1-2-2023;28-2-2023;1;1\nA;leren;1-7-2023;31-7-2023;1;1\n"
                    "A;leren;1-9-2023;30-9-2023;1;1\nA;leren;15-9-2023;15-10-2023;1;1\n")
    _, fouten = aggregate(rijen, "r.csv")
    assert [str(f) for f in fouten] == [  # line 5 (July) overlaps nothing
        "r.csv:2:1: A / leren: de perioden op regels 2, 3 en 4 overlappen (samen 1-1-2023 t/m 30-6-2023); "
        "perioden mogen niet overlappen, anders tellen uren dubbel",
        "r.csv:6:1: A / leren: de periode 1-9-2023 t/m 30-9-2023 overlapt met 15-9-2023 t/m 15-10-2023 op regel 7; "
        "perioden mogen niet overlappen, anders tellen uren dubbel",
    ]


def test_two_thousand_copies_of_one_row_are_one_problem_naming_the_first_lines():
    """An export with one full-year row per employee (issue 18): not 4 million pairs."""
    tekst = f"{KOP}\n" + "A;leren;1-1-2023;31-12-2023;40;1\n" * 2000
    rijen, _ = lees(tekst)
    _, fouten = aggregate(rijen, "r.csv")
    assert [str(f) for f in fouten] == [
        "r.csv:2:1: A / leren: dezelfde periode 1-1-2023 t/m 31-12-2023 staat op regels 2, 3, 4 en 1.997 andere "
        "(dubbel geregistreerd?); perioden mogen niet overlappen",
    ]


def test_rows_without_csv_lines_are_counted():
    rij = Registratie("A", "leren", date(2023, 1, 1), date(2023, 1, 31), D(1), D(1), None, None)
    _, fouten = aggregate([rij, rij, rij._replace(van=date(2023, 1, 15))], "api")
    assert [str(f) for f in fouten] == [
        "api: A / leren: de perioden op 3 rijen overlappen (samen 1-1-2023 t/m 31-1-2023); "
        "perioden mogen niet overlappen, anders tellen uren dubbel"
    ]


_dag = st.integers(min_value=0, max_value=60)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_dag, st.integers(min_value=0, max_value=20)), min_size=0, max_size=25))
def test_runs_found_by_sorting_flag_exactly_the_rows_a_pairwise_check_flags(perioden):
    """The n log n method against the obvious one: every pair of rows compared."""
    begin = date(2023, 1, 1)
    rijen = [Registratie("A", "leren", begin + timedelta(days=van), begin + timedelta(days=van + lengte),
                         D(1), D(1), None, regel) for regel, (van, lengte) in enumerate(perioden, 2)]
    paren = [(r.regel, s.regel) for r, s in itertools.combinations(rijen, 2) if r.van <= s.tot and s.van <= r.tot]
    # the groups of rows joined by overlapping pairs (union-find), each named by its first line
    groep = {r.regel: r.regel for r in rijen}

    def wortel(regel: int) -> int:
        while groep[regel] != regel:
            regel = groep[regel]
        return regel

    for a, b in paren:
        groep[max(wortel(a), wortel(b))] = min(wortel(a), wortel(b))
    overlappend = {regel for paar in paren for regel in paar}
    resultaten, fouten = aggregate(rijen, "r.csv")
    assert bool(fouten) == bool(paren)
    assert bool(resultaten) == bool(rijen and not paren)
    assert sorted(f.regel for f in fouten) == sorted({wortel(regel) for regel in overlappend})
    # a problem names how many rows its run holds; together they are the overlapping rows
    assert sum(_rijen_in(f.bericht) for f in fouten) == len(overlappend)


def _rijen_in(bericht: str) -> int:
    """How many rows a message says its run holds: a pair, `regels 2, 3 en 4`, `regels 2, 3, 4 en 9 andere`."""
    import re

    if "op regels " not in bericht:
        return 2
    namen = bericht.split("op regels ", 1)[1].split(" (", 1)[0].removesuffix(" overlappen")
    andere = re.search(r"en ([\d.]+) andere", namen)
    return 3 + int(andere.group(1).replace(".", "")) if andere else len(re.findall(r"\d+", namen))


# --- reading the CSV ---------------------------------------------------------------------


def test_a_dutch_excel_export_bom_crlf_semicolons_decimal_commas_and_odd_headers():
    tekst = (
        "\ufeff Eenheid ;FUNCTIE;Aftrek; Van ;Tot;Uren;FTE;Opmerking\r\n"
        "Uitkeren;Medewerker;leren;01-01-2023;30-06-2023;1234,5;98,75;eerste helft\r\n"
        ";;;;;;;\r\n"
        "\r\n"
        "SMZ;Procesbegeleider;leren;1/7/2023;31/12/2023;12;1;\r\n"
    )
    rijen, fouten = lees(tekst)
    assert fouten == []
    assert rijen == [
        Registratie("Medewerker", "leren", date(2023, 1, 1), date(2023, 6, 30), D("1234.5"), D("98.75"), "Uitkeren", 2),
        Registratie("Procesbegeleider", "leren", date(2023, 7, 1), date(2023, 12, 31), D("12"), D("1"), "SMZ", 5),
    ]


def test_a_comma_separated_export_with_decimal_points_or_quoted_commas():
    rijen, fouten = lees('functie,aftrek,van,tot,uren,fte\nA,leren,2023-01-01,2023-06-30,12.5,"2,5"\n')
    assert fouten == []
    assert (rijen[0].uren, rijen[0].fte, rijen[0].eenheid) == (D("12.5"), D("2.5"), None)


def test_an_unquoted_decimal_comma_in_a_comma_separated_file_gets_a_hint():
    _, fouten = lees("functie,aftrek,van,tot,uren,fte\nA,leren,2023-01-01,2023-06-30,12,5,2\n")
    assert [str(f) for f in fouten] == [
        "r.csv:2:1: deze regel heeft 7 velden, de kopregel 6; staat er een decimaalkomma in een getal? "
        "Zet zo'n getal tussen aanhalingstekens (\"12,5\") of gebruik ; als scheidingsteken"
    ]


def test_empty_fields_past_the_header_are_no_problem_and_filled_ones_are():
    rijen, fouten = lees(f"{KOP}\nA;leren;1-1-2023;31-1-2023;1;1;;\nB;leren;1-1-2023;31-1-2023;1;1;;x\n")
    assert [r.functie for r in rijen] == ["A"]
    assert [str(f) for f in fouten] == ["r.csv:3:1: deze regel heeft 8 velden, de kopregel 6"]


def test_a_quote_without_its_partner_is_a_problem_not_a_crash():
    tekst = f'{KOP}\nA;"leren;1-1-2023;31-1-2023;1;1\n' + "x;" * 70_000 + "\n"
    rijen, fouten = lees(tekst)
    assert rijen == []
    assert [str(f) for f in fouten] == [
        "r.csv:2:1: een veld is langer dan 131072 tekens; staat er een aanhalingsteken zonder tegenhanger?"
    ]


def test_a_tab_separated_export_and_an_optional_column_left_off_a_row():
    rijen, fouten = lees("functie\taftrek\tvan\ttot\turen\tfte\teenheid\nA\tleren\t1-1-2023\t31-1-2023\t1\t1\n")
    assert fouten == []
    assert rijen[0].eenheid is None


def test_a_row_is_located_at_the_line_it_starts_on():
    rijen, fouten = lees(f'{KOP}\n"Medewerker\nbezwaar";leren;1-1-2023;31-1-2023;1;1\nA;leren;1-1-2023;31-1-2023;x;1\n')
    assert [(r.functie, r.regel) for r in rijen] == [("Medewerker\nbezwaar", 2)]
    assert [f.regel for f in fouten] == [4]


def test_a_file_object_is_read_line_by_line_with_its_line_numbers(tmp_path):
    pad = tmp_path / "r.csv"
    pad.write_bytes(f"\n{KOP}\r\nA;leren;1-1-2023;31-1-2023;1;1\r\nA;leren;31-2-2023;31-3-2023;1;1\r\n".encode("utf-8-sig"))
    fouten: list[Fout] = []
    with pad.open(encoding="utf-8", newline="") as bestand:
        rijen = list(read_registraties(bestand, "r.csv", fouten))
    assert [r.regel for r in rijen] == [3]
    assert [f.regel for f in fouten] == [4]


@pytest.mark.parametrize(
    ("kop", "bericht"),
    [
        ("functie;aftrek;van;tot;uren",
         "r.csv:1:1: de kolom 'fte' ontbreekt; gevonden: functie, aftrek, van, tot, uren "
         "(nodig: functie, aftrek, van, tot, uren, fte)"),
        ("Functie;Aftrek;Begin;Eind;Uren;FTE",
         "r.csv:1:1: de kolommen 'van' en 'tot' ontbreken; gevonden: functie, aftrek, begin, eind, uren, fte "
         "(nodig: functie, aftrek, van, tot, uren, fte)"),
        ("functie;aftrek;van;tot;uren;fte;uren",
         "r.csv:1:1: de kolom 'uren' staat meer dan eens in de kopregel"),
    ],
)
def test_a_missing_column_is_named_with_the_columns_found(kop, bericht):
    rijen, fouten = lees(f"{kop}\nA;leren;1-1-2023;31-1-2023;1;1\n")
    assert rijen == []
    assert [str(f) for f in fouten] == [bericht]


def test_an_empty_file():
    assert [str(f) for f in lees("\ufeff\r\n\n")[1]] == [
        "r.csv:1:1: het bestand is leeg: verwacht een kopregel met functie, aftrek, van, tot, uren, fte"
    ]


@pytest.mark.parametrize(
    ("rij", "berichten"),
    [
        ("A;leren;31-2-2023;31-3-2023;1;1", ["van: '31-2-2023' bestaat niet: februari 2023 heeft 28 dagen"]),
        ("A;leren;1-1-2023;29-2-2023;1;1", ["tot: '29-2-2023' bestaat niet: februari 2023 heeft 28 dagen"]),
        ("A;leren;2023-04-31;2023-05-31;1;1", ["van: '2023-04-31' bestaat niet: april 2023 heeft 30 dagen"]),
        ("A;leren;1-13-2023;31-12-2023;1;1", ["van: '1-13-2023' bestaat niet: er is geen maand 13"]),
        ("A;leren;1-1-23;31-1-23;1;1", ["van: '1-1-23': schrijf het jaar in vier cijfers, bijvoorbeeld 1-1-2023",
                                        "tot: '31-1-23': schrijf het jaar in vier cijfers, bijvoorbeeld 1-1-2023"]),
        ("A;leren;2023-01-01 00:00:00;2023-01-31;1;1",
         ["van: '2023-01-01 00:00:00' heeft een tijd; schrijf alleen de datum, bijvoorbeeld 2023-01-01"]),
        ("A;leren;januari;2023-01-31;1;1", ["van: 'januari' is geen datum; schrijf bijvoorbeeld 2023-01-01 of 1-1-2023"]),
        ("A;leren;1-1-1023;31-1-2023;1;1", ["van: '1-1-1023': het jaar 1023 ligt buiten 1900 tot en met 2200"]),
        ("A;leren;1-7-2023;30-6-2023;1;1", ["van: van (1-7-2023) ligt na tot (30-6-2023)"]),
        ("A;leren;1-1-2023;31-1-2023;-5;1", ["uren: uren kunnen niet negatief zijn: -5"]),
        ("A;leren;1-1-2023;31-1-2023;5;0", ["fte: 0 fte: er is niemand om uren per hoofd van te rekenen"]),
        ("A;leren;1-1-2023;31-1-2023;5;0,0", ["fte: 0 fte: er is niemand om uren per hoofd van te rekenen"]),
        ("A;leren;1-1-2023;31-1-2023;5;-2", ["fte: fte kan niet negatief zijn: -2"]),
        ("A;leren;1-1-2023;31-1-2023;vijf;1", ["uren: verwacht een getal, niet 'vijf'"]),
        ("A;leren;1-1-2023;31-1-2023;1,234.5;1",
         ["uren: '1,234.5' lijkt scheidingstekens voor duizendtallen te bevatten; schrijf getallen zonder "
          "duizendtalscheiding, met . of , als decimaalteken (bijvoorbeeld 1234.5)"]),
        (";leren;1-1-2023;31-1-2023;1;", ["functie: ontbreekt (het veld is leeg)", "fte: ontbreekt (het veld is leeg)"]),
        ("A;leren;1-1-2023", ["deze regel heeft 3 velden, de kopregel 6"]),
        ("A;leren;1-1-2023;31-1-2023;1;1;extra", ["deze regel heeft 7 velden, de kopregel 6"]),
    ],
)
def test_every_bad_row_says_what_is_wrong_at_its_line(rij, berichten):
    rijen, fouten = lees(f"{KOP}\nA;leren;1-1-2023;31-1-2023;1;1\n{rij}\n")
    assert [r.regel for r in rijen] == [2]  # the good row is read, the bad one left out
    assert [str(f) for f in fouten] == [
        f"r.csv:3:1: {b}" if b.startswith("deze regel") else f"r.csv:3:1: {b}" for b in berichten
    ]


def test_all_problems_are_reported_at_once_never_raised():
    rijen, fouten = lees(f"{KOP}\nA;leren;31-2-2023;1-1-2023;-1;0\nB;leren;1-1-2023;31-1-2023;1;1\nC;x;y;z;w;v\n")
    assert [r.functie for r in rijen] == ["B"]
    assert [(f.regel, f.veld) for f in fouten] == [
        (2, ("van",)), (2, ("uren",)), (2, ("fte",)),
        (4, ("van",)), (4, ("tot",)), (4, ("uren",)), (4, ("fte",)),
    ]


@pytest.mark.parametrize(
    ("tekst", "dag"),
    [("2023-01-01", date(2023, 1, 1)), ("2023-1-5", date(2023, 1, 5)), ("1-1-2023", date(2023, 1, 1)),
     ("01-01-2023", date(2023, 1, 1)), ("5-1-2023", date(2023, 1, 5)), ("05/01/2023", date(2023, 1, 5)),
     ("29-2-2024", date(2024, 2, 29)), (" 31-12-2023 ", date(2023, 12, 31))],
)
def test_dates_iso_or_dutch_day_first(tekst, dag):
    assert lees_datum(tekst) == dag


# --- streaming ---------------------------------------------------------------------------


def wekelijks(functies: int):
    """A year of weekly registrations for `functies` functies, one line at a time."""
    yield "functie;aftrek;van;tot;uren;fte;eenheid\r\n"
    weken = [(date(2023, 1, 2) + timedelta(weeks=w), date(2023, 1, 8) + timedelta(weeks=w)) for w in range(52)]
    for f in range(functies):
        for van, tot in weken:
            yield f"Functie {f};leren_en_ontwikkelen;{van.day}-{van.month}-{van.year};{tot.isoformat()};{f % 7},5;2,5;Eenheid {f % 6}\r\n"


def test_a_year_of_weekly_rows_for_5000_functies_streams_through():
    fouten: list[Fout] = []
    resultaten, overlap = aggregate(read_registraties(wekelijks(5000), "groot.csv", fouten), "groot.csv")
    assert fouten == [] and overlap == []
    assert len(resultaten) == 5000
    assert sum(r.regels for r in resultaten) == 260_000
    # functie 3: 3.5 uur by 2.5 fte = 1.4 per head a week, 52 weeks = 72.8 over 364 days
    derde = resultaten[3]
    assert derde.functie == "Functie 3"
    assert dicht_bij(derde.gerealiseerd_per_fte, F("72.8") * F(365, 364))


def test_the_reader_is_lazy():
    bron = wekelijks(10)
    fouten: list[Fout] = []
    rijen = read_registraties(bron, "r.csv", fouten)
    eerste = next(rijen)
    assert eerste.regel == 2
    assert len(list(itertools.islice(bron, 1000))) == 10 * 52 - 1  # only the header and one row were read


# --- no row is lost ------------------------------------------------------------------------

_VELDEN = st.sampled_from(["A", "", " ", "leren", "1-1-2023", "31-1-2023", "2023-02-30", "12,5", "0", "-1",
                           "1.234,5", "abc", "2023-01-15", "1/2/2023", "\"7,5\""])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_VELDEN, min_size=0, max_size=9), min_size=1, max_size=8))
def test_every_line_with_data_is_read_or_named_as_a_problem(rijen):
    tekst = KOP + ";eenheid\n" + "".join(";".join(rij) + "\n" for rij in rijen)
    gelezen, fouten = lees(tekst)
    met_data = [n for n, rij in enumerate(rijen, start=2) if "".join(rij).replace('"', "").strip()]
    assert sorted({r.regel for r in gelezen} | {f.regel for f in fouten}) == met_data
    assert not {r.regel for r in gelezen} & {f.regel for f in fouten}


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)),
    st.integers(1, 400),
    st.data(),
    st.decimals(min_value=0, max_value=10_000, places=1),
    st.decimals(min_value=D("0.1"), max_value=500, places=1),
)
def test_splitting_a_row_in_two_adjacent_periods_changes_nothing(van, dagen, data, uren, fte):
    tot = van + timedelta(days=dagen - 1)
    knip = data.draw(st.integers(1, dagen - 1)) if dagen > 1 else None
    heel = een(f"{KOP}\nA;leren;{van.isoformat()};{tot.isoformat()};{uren};{fte}\n")
    if knip is None:
        return
    # the same people at the same rate: hours in proportion to the days of each part
    eerste = (uren * knip / dagen)
    tweede = uren - eerste
    midden = van + timedelta(days=knip)
    rijen = [Registratie("A", "leren", van, midden - timedelta(days=1), eerste, fte, None, 2),
             Registratie("A", "leren", midden, tot, tweede, fte, None, 3)]
    (gesplitst,), fouten = aggregate(rijen, "r.csv")
    assert fouten == []
    assert abs(F(gesplitst.gerealiseerd_per_fte) - F(heel.gerealiseerd_per_fte)) < F(1, 10**20)
    assert gesplitst.fte == fte
    assert (gesplitst.van, gesplitst.tot, gesplitst.dagen) == (heel.van, heel.tot, heel.dagen)


def test_a_thousands_dot_in_the_csv_is_refused_not_read_as_a_decimal():
    """A Dutch Excel writes 4.000 for four thousand; read as 4 it would make 6864% of the plan."""
    _, fouten = lees("functie;aftrek;van;tot;uren;fte\nJurist;leren;1-1-2023;30-6-2023;4.000;1.260\n")
    berichten = [str(f) for f in fouten]
    assert any("'4.000' lijkt een scheidingsteken voor duizendtallen te bevatten: bedoelt u 4000?" in b for b in berichten), berichten
    assert any("'1.260'" in b and "bedoelt u 1260?" in b for b in berichten), berichten


def test_a_dutch_excel_number_with_thousands_dots_and_a_decimal_comma_is_read():
    """`72.000,50` can only be seventy-two thousand and a half (contract v3, issue 19)."""
    rijen, fouten = lees("functie;aftrek;van;tot;uren;fte\nJurist;leren;1-1-2023;31-12-2023;1.234,50;1.260,5\n")
    assert fouten == []
    assert (rijen[0].uren, rijen[0].fte) == (D("1234.50"), D("1260.5"))
