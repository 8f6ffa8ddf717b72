"""What the document's own era and geography say about a place name's namesakes:
names dated to another era drop out, a far-off small namesake stays unlinked, and the
ancient-places table (places/ancient.tsv) is joined into the gazetteer."""
from __future__ import annotations

from collections import Counter

import pytest

from chronica.model import Timex
from chronica.resources import default as default_resources
from chronica.resources.gazetteer import Candidate
from chronica.resources.place_keys import normalise
from chronica.resolve.place_context import by_era, document_era, outliers


def _timex(edtf, basis="explicit"):
    return Timex(0, 4, edtf, "DATE", edtf, edtf, None, None, basis)


def _cand(gid, lat, lon, country, feature="city", population=5000, years=None):
    return Candidate(gid, gid, lat, lon, country, feature, population, None, years=years)


def test_document_era_reads_explicit_years_only():
    era = document_era([_timex("-0218"), _timex("-0216"), _timex("-0202"), _timex("1990", "inferred")])
    assert era == (-218, -202)
    assert document_era([_timex("1815")]) is None


def test_by_era_prefers_a_name_dated_inside_the_era():
    timeless = _cand("continent", 8.0, 34.0, None, "continent")
    province = _cand("province", 36.3, 10.0, "TN", "region", years="-800-698")
    assert by_era([timeless, province], (-218, -202)) == [province]
    assert by_era([timeless, province], (1914, 1918)) == [timeless]
    assert by_era([timeless, province], None) == [timeless, province]


def test_by_era_drops_a_name_out_of_use():
    modern_state = _cand("state", 41.6, 21.7, "MK", "country", years="1991-2019")
    region = _cand("region", 41.0, 22.5, None, "region")
    assert by_era([modern_state, region], (395, 410)) == [region]
    assert by_era([modern_state, region], (1995, 2001)) == [modern_state]


def test_outliers_a_far_small_namesake_in_an_unnamed_country():
    chosen = {
        "athens": _cand("athens", 37.98, 23.73, "GR", population=600_000),
        "corinth": _cand("corinth", 37.94, 22.95, "GR"),
        "sparta": _cand("sparta", 37.07, 22.43, "GR"),
        "greece": _cand("greece", 39.07, 21.82, "GR", "country"),
        "olbia": _cand("olbia-us", 39.0, -99.5, "US"),  # a prairie namesake
        "syracuse": _cand("syracuse", 37.07, 15.29, "IT"),  # another country, but 800 km away: kept
    }
    assert outliers(chosen, Counter({"GR": 3})) == {"olbia"}
    # a country the document names keeps its towns, however far
    assert outliers(chosen, Counter({"GR": 3, "US": 1})) == set()
    # too little geography to judge
    few = {k: chosen[k] for k in ("athens", "olbia")}
    assert outliers(few, Counter()) == set()


@pytest.fixture(scope="module")
def gaz():
    return default_resources().gazetteer()


def test_ancient_table_rows_are_in_the_gazetteer(gaz):
    rows = default_resources().load("places/ancient.tsv").rows
    assert len(rows) > 300 and all(r["source"] for r in rows)
    for r in rows[::25]:
        assert any(c.id == f"ancient:{r['id']}" for c in gaz.lookup(r["name"])), r["name"]


@pytest.mark.parametrize("text, name, near", [
    # ancient sites win over modern namesakes in the document's own context
    ("In 202 BC the Romans marched from Utica towards Carthage and met the enemy at Zama.", "Zama", (36.3, 9.45)),
    ("After the crossing of the Alps the legions lost at the Trebia and at Lake Trasimene, "
     "and in 216 BC at Cannae in Apulia.", "Cannae", (41.31, 16.13)),
    ("The prince withdrew from Ōmi Province to Mount Yoshino in Yamato Province, south of Nara.",
     "Mount Yoshino", (34.37, 135.86)),
])
def test_places_link_ancient_places(places, text, name, near):
    ref = places(text)[normalise(name)]
    assert abs(ref.lat - near[0]) < 0.3 and abs(ref.lon - near[1]) < 0.3


@pytest.mark.parametrize("written, gid", [
    ("Todaiji", "ancient:todaiji"),  # a hyphenated name written as one word
    ("Tōdai-ji", "ancient:todaiji"),
    ("Heijokyo", "ancient:heijo_kyo"),
])
def test_gazetteer_hyphenated_names_match_written_together(gaz, written, gid):
    assert gid in {c.id for c in gaz.lookup(written)}
