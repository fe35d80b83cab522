"""Fuzzing the whole CLI: valid profiles, mutated in types, units, structure and bytes.

Whatever comes in, brutonetto exits 0 or 1, never with a traceback or an internal error,
and when it exits 0 its JSON parses. The normal suite runs a few hundred examples; before
a release run many more (see the README, "Voor ontwikkelaars"):

    BRUTONETTO_FUZZ=100000 python3 -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import json
import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brutonetto.engine.records import KOLOMMEN

VOORBEELDEN = int(os.environ.get("BRUTONETTO_FUZZ", "300"))
fuzz = settings(
    max_examples=VOORBEELDEN,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

namen = st.sampled_from(["verzuim", "leren_en_ontwikkelen", "kwaliteitsontwikkeling", "werkoverleg", "opleiding", "vakantie"])
getallen = st.one_of(st.integers(0, 400), st.decimals(0, 400, places=2).map(str), st.decimals(0, 400, places=1).map(lambda d: str(d).replace(".", ",")))
eenheden = st.sampled_from(["", " uur", "uur", " u", " h", "%", " uur/week", " u/w", " dagen", " d", " dag"])
hoeveelheden = st.one_of(
    st.integers(0, 300),
    st.tuples(st.integers(0, 30), eenheden).map(lambda t: f"{t[0]}{t[1]}"),
    st.builds(lambda p, v: {"procent": p, "van": v}, st.integers(0, 20), st.sampled_from(["bruto", "beschikbaar"])),
)
aftrek = st.dictionaries(namen, hoeveelheden, max_size=5)
tijden = st.tuples(st.integers(0, 600), st.sampled_from([" s", " sec", " min", "min", " minuten", " uur", " u", " h", ""])).map(
    lambda t: f"{t[0]}{t[1]}"
)
kanalen = st.dictionaries(
    st.sampled_from(["telefoon", "balie", "chat"]),
    st.fixed_dictionaries({"aandeel": st.sampled_from(["50%", "25%", "100%", "0%", "60%", "40%", "'33,3%'"]), "normtijd": tijden}),
    min_size=1, max_size=3,
)
producten = st.dictionaries(
    st.sampled_from(["intake", "herbeoordeling", "klantcontact"]),
    st.one_of(
        st.fixed_dictionaries({"volume": st.integers(0, 10**6), "normtijd": tijden}),
        st.fixed_dictionaries({"volume": st.integers(0, 10**6), "kanalen": kanalen}),
    ),
    max_size=3,
)
contactcentrum = st.fixed_dictionaries(
    {},
    optional={
        "interval": st.sampled_from(["30 min", "15 min", "1 uur", "60min", "7 min", "0 min", "30", 30]),
        "gespreksduur": tijden,
        "servicelevel": st.one_of(
            st.sampled_from(["80/20", "90/30", "100/20", "80/0", "120/20", "80%/20s", "80 / 20 sec"]),
            st.fixed_dictionaries({"procent": st.integers(0, 110), "binnen": tijden}),
        ),
        "max_bezetting": st.sampled_from(["85%", "100%", "0%", 85, "'85,5%'", "150%"]),
        "weken_open": st.sampled_from([52, 46, "52,14", 0, 60]),
        "aanbod": st.one_of(
            st.dictionaries(st.sampled_from(["ma 08:00", "ma 08:30", "di 09:00", "vr 16:30"]),
                            st.one_of(st.integers(-5, 500), st.integers(10**6, 10**9), st.sampled_from(["12,5", "0"])),
                            max_size=4),
            st.sampled_from(["bestaat-niet.csv", "aanbod.csv", ""]),
        ),
    },
)
velden = st.fixed_dictionaries(
    {},
    optional={
        "fte": st.integers(0, 1000),
        "beschikbare_uren": st.integers(1200, 1800),
        "uren_per_week": st.sampled_from([32, 36, 38, 40, "36 uur"]),
        "weken_per_jaar": st.sampled_from([52, "52,14", 52.18]),
        "aftrek": aftrek,
        "werklast_uren": st.integers(0, 200000),
        "producten": producten,
        "contactcentrum": contactcentrum,
        "instroom": st.sampled_from(["5%", "30%", "0%", "5,5%"]),
        "inwerkverlies": hoeveelheden,
        "kosten_per_fte": st.integers(40000, 120000),
        "uurtarief": st.integers(40, 120),
    },
)
scenarios = st.dictionaries(st.sampled_from(["extra_leertijd", "meer", "minder"]), st.fixed_dictionaries({"aftrek": aftrek}), max_size=2)


@st.composite
def profielen(draw):
    functie = {"functie": draw(st.sampled_from(["Klantadviseur", "Procesbegeleider", "Medewerker bezwaar"])), **draw(velden)}
    if draw(st.booleans()):
        functie["scenarios"] = draw(scenarios)
    if draw(st.booleans()):
        return functie
    tweede = {"functie": "Tweede", **draw(velden)}
    if draw(st.booleans()):  # a ratio role, following the first functie (or a name that is not there)
        tweede["verhouding"] = {
            "een_per": draw(st.integers(1, 60)), "van": draw(st.sampled_from([functie["functie"], "Tweede", "Onbekend"]))
        }
    eenheid = {"eenheid": "Eenheid", "standaard": {"beschikbare_uren": 1631, "uren_per_week": 36}, "functies": [functie, tweede]}
    if draw(st.booleans()):
        eenheid["scenarios"] = draw(scenarios)
    return eenheid


rommel = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**20, max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.text(alphabet="0123456789.,-% /uhwdag", max_size=12),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.sampled_from(["1.631", "1.631,5", "5 procent", "-3 uur", "150%", "", "\x00", "../", "/", ".", "a\x00b"]),
)


def paden(doc, prefix=()):
    yield prefix
    if isinstance(doc, dict):
        for sleutel, waarde in doc.items():
            yield from paden(waarde, prefix + (sleutel,))
    elif isinstance(doc, list):
        for i, waarde in enumerate(doc):
            yield from paden(waarde, prefix + (i,))


def vervang(doc, pad, nieuw):
    if not pad:
        return nieuw
    houder = doc
    for deel in pad[:-1]:
        houder = houder[deel]
    houder[pad[-1]] = nieuw
    return doc


@st.composite
def gemuteerd(draw):
    doc = draw(profielen())
    for _ in range(draw(st.integers(0, 3))):
        alle = list(paden(doc))
        pad = draw(st.sampled_from(alle))
        soort = draw(st.sampled_from(["waarde", "sleutel_weg", "sleutel_erbij", "in_lijst", "standaard"]))
        if soort == "waarde":
            doc = vervang(doc, pad, draw(rommel))
        elif soort == "sleutel_weg" and pad:
            houder = doc
            for deel in pad[:-1]:
                houder = houder[deel]
            del houder[pad[-1]]
        elif soort == "sleutel_erbij":
            doel = doc
            for deel in pad:
                doel = doel[deel]
            if isinstance(doel, dict):
                doel[draw(st.text(max_size=8))] = draw(rommel)
        elif soort == "in_lijst" and pad:
            houder = doc
            for deel in pad[:-1]:
                houder = houder[deel]
            houder[pad[-1]] = [houder[pad[-1]]]
        elif soort == "standaard" and isinstance(doc, dict):
            doc["standaard"] = draw(rommel)
    tekst = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")
    if draw(st.booleans()):
        ruw = bytearray(tekst)
        for _ in range(draw(st.integers(1, 4))):
            plek = draw(st.integers(0, max(len(ruw) - 1, 0)))
            actie = draw(st.sampled_from(["wissel", "erbij", "weg"]))
            byte = draw(st.sampled_from([0x00, 0x09, 0x0A, 0x20, 0x22, 0x26, 0x2A, 0x2C, 0x2D, 0x3A, 0x5B, 0x7B, 0x21, 0xC3, 0xFF, 0x25, 0x2E]))
            if actie == "wissel" and ruw:
                ruw[plek] = byte
            elif actie == "erbij":
                ruw.insert(plek, byte)
            elif ruw:
                del ruw[plek]
        tekst = bytes(ruw)
    return tekst


@fuzz
@given(tekst=gemuteerd())
def test_any_mutated_profile_exits_0_or_1_without_a_traceback(cli, tekst):
    result = cli("compute", "-", "--format", "json", input=tekst, code=None)
    assert result.exit_code in (0, 1), (tekst, result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and "interne fout" not in result.stderr, (tekst, result.stderr)
    if result.exit_code == 0:
        records = json.loads(result.stdout)
        assert all(list(r) == list(KOLOMMEN) for r in records)
    else:
        assert result.stdout == ""
        assert result.stderr.startswith(("<stdin>", "--scenario")), result.stderr


@fuzz
@given(doc=profielen())
def test_every_valid_profile_computes_or_names_its_problem(cli, doc):
    tekst = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    result = cli("compute", "-", "--format", "csv", input=tekst, code=None)
    assert result.exit_code in (0, 1), result.stderr
    if result.exit_code == 1:  # e.g. uur/week without uren_per_week: a located, Dutch message
        assert result.stderr.startswith("<stdin>:"), result.stderr
