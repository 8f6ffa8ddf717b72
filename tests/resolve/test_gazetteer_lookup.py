"""The offline gazetteer: look-ups by any spelling, containment, data integrity."""
from __future__ import annotations

import pytest

from chronica.resources import default
from chronica.resources.gazetteer import Gazetteer, _rows, distance_km
from chronica.resources.place_keys import normalise


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.open(default())


@pytest.mark.parametrize("raw, key", [
    ("Malmö", "malmo"),
    ("St. Helena", "saint helena"),
    ("Baden-Baden", "baden baden"),
    ("the Mediterranean", "mediterranean"),
    ("Ford’s Theatre", "ford s theatre"),
    ("Mt. Vesuvius", "mount vesuvius"),
])
def test_gazetteer_normalise(raw, key):
    assert normalise(raw) == key


@pytest.mark.parametrize("name, expected", [
    ("Turkey", "country:TR"),            # the country, not the village
    ("Norway", "country:NO"),
    ("Kazakhstan", "country:KZ"),
    ("USSR", "curated:ussr"),
    ("Ottoman Empire", "curated:ottoman_empire"),
    ("Prussia", "curated:prussia"),
    ("Black Sea", "curated:black_sea"),
    ("Mediterranean", "curated:mediterranean"),
    ("Elba", "curated:elba"),
    ("Corfu", "curated:corfu"),
    ("Europe", "curated:europe"),
    ("Malmaison", "curated:malmaison"),
])
def test_gazetteer_first_candidate(gaz, name, expected):
    assert gaz.lookup(name)[0].id == expected


@pytest.mark.parametrize("name, city, country", [
    ("Bombay", "Mumbai", "IN"),              # historical names through GeoNames alternates
    ("Constantinople", "Istanbul", "TR"),
    ("Petrograd", "Saint Petersburg", "RU"),
    ("Tiflis", "Tbilisi", "GE"),
    ("Trastevere", "Trastevere", "IT"),
    ("Portoferraio", "Portoferraio", "IT"),
])
def test_gazetteer_city_by_any_name(gaz, name, city, country):
    assert any(c.name == city and c.country == country for c in gaz.lookup(name))


@pytest.mark.parametrize("inner, outer, inside", [
    ("geonames:3165306", "geonames:3169070", True),   # Trastevere in Rome
    ("geonames:3165306", "country:IT", True),         # ... and so in Italy
    ("geonames:3169070", "geonames:3165306", False),  # not the other way round
    ("geonames:3170094", "curated:tuscany", True),    # Portoferraio in Tuscany (admin1)
    ("curated:elba", "country:IT", True),             # island -> region -> country
    ("geonames:611717", "curated:ussr", True),        # Tbilisi in the Soviet Union's lands
    ("geonames:2988507", "country:IT", False),        # Paris is not in Italy
    ("country:FR", "country:FR", True),
])
def test_gazetteer_is_within(gaz, inner, outer, inside):
    assert gaz.is_within(inner, outer) is inside


def test_gazetteer_distance_paris_london():
    assert 330 < distance_km((48.8566, 2.3522), (51.5074, -0.1278)) < 350


def test_gazetteer_curated_rows_are_well_formed(gaz):
    rows = _rows(default(), "curated.tsv")
    assert len(rows) >= 300
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r["id"]
        if r["part_of"]:
            assert gaz.get(r["part_of"]) is not None, f"{r['id']}: part_of {r['part_of']} unknown"


def test_gazetteer_every_country_has_a_point(gaz):
    for r in _rows(default(), "countries.tsv"):
        c = gaz.get(f"country:{r['iso']}")
        assert c is not None and c.lat is not None, r["iso"]


def test_gazetteer_demonyms_point_at_known_places(gaz):
    from chronica.nlp.lexicon import load_lexicon
    for form, gid in load_lexicon().demonyms.items():
        assert gaz.get(gid) is not None, f"{form} -> {gid}"


def test_gazetteer_reopen_uses_the_cached_index(tmp_path, monkeypatch, gaz):
    monkeypatch.setenv("CHRONICA_CACHE", str(gaz.path.parent))
    again = Gazetteer.open(default())
    assert again.path == gaz.path
    assert not list(gaz.path.parent.glob("*.tmp"))  # no half-built index left behind
