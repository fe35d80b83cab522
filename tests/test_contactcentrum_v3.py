"""The contact centre, complete (contract v3, issue 22): 0-second and ASA targets, Erlang A with a
patience, chats at once, a CSV of intervals, any size. Figures by the textbook formulas:
A = 100 x 180 / 1800 = 10 Erlang; C(12) = 0,449388, C(13) = 0,285270, C(14) = 0,174132."""

from __future__ import annotations

import json
import math
from fractions import Fraction

import pytest

ARGS = ["erlang", "--aanbod", "100", "--interval", "30min", "--gespreksduur", "180s"]


def _c(n: int, a: float) -> float:
    som = sum(a ** k / math.factorial(k) for k in range(n))
    top = a ** n / math.factorial(n) * n / (n - a)
    return top / (som + top)


def _json(cli, *args: str) -> list[dict]:
    return json.loads(cli(*args, "-f", "json").stdout)


def test_zero_seconds_is_the_share_answered_at_once(cli):
    """80/0: 1 - C(N). N = 13: 71,5%, N = 14: 82,6%: 14 agents."""
    assert 1 - _c(13, 10) < 0.8 < 1 - _c(14, 10)
    (rij,) = _json(cli, *ARGS, "--servicelevel", "80/0")
    assert rij["agenten"] == 14 and abs(rij["servicelevel"] - (1 - _c(14, 10))) < 1e-6


def test_an_asa_target_alone_and_beside_the_service_level(cli):
    """ASA = C x 180 / (N - 10): N = 12 waits 40,4 s, N = 13 waits 17,1 s: 13 for 20 s; with 80/20 too: 14."""
    assert _c(12, 10) * 180 / 2 > 20 > _c(13, 10) * 180 / 3
    (rij,) = _json(cli, *ARGS, "--asa", "20s")
    assert (rij["agenten"], rij["servicelevel"]) == (13, None)
    assert abs(rij["gemiddelde_wachttijd_s"] - _c(13, 10) * 180 / 3) < 1e-6
    assert _json(cli, *ARGS, "--asa", "20s", "--servicelevel", "80/20")[0]["agenten"] == 14
    assert "geef een doel: --servicelevel" in cli(*ARGS, code=2).stderr


def test_erlang_a_approaches_erlang_c_and_hangs_up_with_little_patience(cli):
    (lang,) = _json(cli, *ARGS, "--servicelevel", "80/20", "--geduld", "1000000s")
    (c,) = _json(cli, *ARGS, "--servicelevel", "80/20")
    assert lang["agenten"] == c["agenten"] == 14 and lang["afhaakpercentage"] < 1e-4
    (kort,) = _json(cli, *ARGS, "--servicelevel", "80/20", "--geduld", "60s")
    assert 0 < kort["afhaakpercentage"] < 1 and kort["agenten"] <= 14


def test_chats_divide_the_traffic_per_agent(cli):
    """Two chats at once: 5 Erlang per agent, as 50 contacts of 180 s would be."""
    (chat,) = _json(cli, *ARGS, "--servicelevel", "80/20", "--gelijktijdig", "2")
    (half,) = _json(cli, "erlang", "--aanbod", "50", "--interval", "30min", "--gespreksduur", "180s", "--servicelevel", "80/20")
    assert chat["verkeer"] == 5 and chat["agenten"] == half["agenten"]


def test_a_csv_of_three_intervals_gives_three_results_with_their_traffic(cli):
    cli.write("week.csv", "interval;aanbod\nma 08:00;100\nma 08:30;50\nma 09:00;12,5\n")
    rijen = _json(cli, "erlang", "--aanbod", "week.csv", "--interval", "30 min", "--gespreksduur", "180 s",
                  "--servicelevel", "80/20")
    assert [(r["interval"], r["aanbod"], r["verkeer"], r["agenten"]) for r in rijen] == [
        ("ma 08:00", 100, 10, 14), ("ma 08:30", 50, 5, 8), ("ma 09:00", 12.5, 1.25, 3)]
    cli.write("fout.csv", "interval;aanbod\nma 08:00;100\nma 08:07;-3\n")
    fout = cli("erlang", "--aanbod", "fout.csv", "--interval", "30 min", "--gespreksduur", "180 s",
               "--servicelevel", "80/20", code=1).stderr
    assert fout.startswith("fout.csv:3:1: ")


def test_two_million_erlang_computes():
    from brutonetto.engine.erlang import compute_interval

    uit = compute_interval(20_000_000, interval_s=1800, gespreksduur_s=180, servicelevel=80, binnen_s=20)
    assert uit.verkeer == 2_000_000 and uit.agenten > 2_000_000 and uit.servicelevel >= 0.8


def test_a_profile_takes_the_new_targets(cli):
    cli.write("cc.yaml", "functie: Agent\nfte: 10\nbeschikbare_uren: 1500\ncontactcentrum:\n  interval: 30 min\n"
                         "  gespreksduur: 180 s\n  asa: 20 s\n  aanbod: {ma 08:00: 100}\n"
                         "scenarios:\n  a: {contactcentrum: {servicelevel: 80/20, geduld: 60 s}}\n"
                         "  chat: {contactcentrum: {gelijktijdig: 2}}\n")
    rijen = {r["scenario"]: r for r in json.loads(cli("compute", "cc.yaml", "-f", "json").stdout)}
    # 13 agents for half an hour a week, 52 weeks: 13 x 0,5 x 52 = 338 uur
    assert rijen["basis"]["werklast_uren"] == 338
    assert rijen["chat"]["werklast_uren"] < 338
    uitleg = cli("explain", "cc.yaml", "-s", "a").stdout
    assert "Intervallen (Erlang A: bellers hangen op)" in uitleg and "afhakers" in uitleg


@pytest.mark.parametrize(("optie", "waarde", "bericht"), [
    ("--asa", "0s", "--asa: de asa moet langer zijn dan 0 s"),
    ("--geduld", "-1s", "--geduld: de geduld moet langer zijn dan 0 s"),
    ("--gelijktijdig", "0", "--gelijktijdig: het aantal contacten dat een agent tegelijk voert"),
])
def test_bad_new_options_are_usage_errors(cli, optie, waarde, bericht):
    assert bericht in cli(*ARGS, "--servicelevel", "80/20", optie, waarde, code=2).stderr


def test_more_than_ten_million_erlang_says_so(cli):
    fout = cli("erlang", "--aanbod", "200000000", "--interval", "30min", "--gespreksduur", "180s",
               "--servicelevel", "80/20", code=2).stderr
    assert "meer dan de rekengrens van 10.000.000 Erlang" in fout
    assert Fraction(200_000_000 * 180, 1800) > 10_000_000
