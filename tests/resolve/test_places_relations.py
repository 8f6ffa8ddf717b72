"""link_places: what the text says right after a name ("X, Y", "X in Y", "X, near Y")
chooses among namesakes and places names the gazetteer lacks; "central Asia" written
with a lower-case qualifier is the region when the text never says plain "Asia"."""
from __future__ import annotations


import pytest

from chronica.resources.place_keys import normalise
from chronica.resolve.places import distance_km


@pytest.mark.parametrize("text, name, country, container", [
    # the container names the state: the namesake inside it
    ("The company moved from Paris, Texas, to Dallas in 1901.", "Paris", "US", "Texas"),
    ("After a stop in Nome, Alaska, the relay ended in Anchorage.", "Nome", "US", "Alaska"),
    ("She was born in Athens, Georgia, in 1901.", "Athens", "US", "Georgia"),
    # the container itself is read so that the town can lie in it
    ("In Brunswick, Georgia, the mill closed.", "Georgia", "US", None),
    # a list of cities is no container: each keeps its own reading
    ("He toured Paris, London and Rome before returning to France.", "Paris", "FR", None),
    ("Armenia, Georgia and Azerbaijan became Soviet republics.", "Georgia", "GE", None),
])
def test_places_relations_container(places, text, name, country, container):
    refs = places(text)
    assert refs[normalise(name)].country == country
    if container:
        outer = refs[normalise(container)]
        assert distance_km((refs[normalise(name)].lat, refs[normalise(name)].lon), (outer.lat, outer.lon)) < 1500


@pytest.mark.parametrize("text, name, near", [
    # a hamlet the gazetteer lacks lies where the town the text puts it near lies
    ("The painter grew up in the tiny hamlet of Grobljani, near Knin, around 1871.",
     "Grobljani", "Knin"),
    ("The estate of Vrbanja Dol, a village outside Sarajevo, burned in 1914.", "Vrbanja Dol", "Sarajevo"),
])
def test_places_relations_unknown_placed_near(places, text, name, near):
    refs = places(text)
    a, b = refs[normalise(name)], refs[normalise(near)]
    assert a.lat is not None and a.gazetteer is None
    assert distance_km((a.lat, a.lon), (b.lat, b.lon)) < 1


def test_places_relations_unknown_in_a_country_stays_unplaced(places):
    # a country is too coarse to stand in for a village's position
    ref = places("A bust was erected in Zlatibrdo, Serbia, in 2014.").get(normalise("Zlatibrdo"))
    assert ref is None or ref.lat is None


@pytest.mark.parametrize("text, name, expected", [
    ("He was exiled to central Asia, far from Moscow.", "Asia", "curated:central_asia"),
    # once the text also says plain "Asia", the name is the continent
    ("He left Asia in 1920 and later returned to central Asia.", "Asia", "curated:asia"),
    ("He fled to northern Italy.", "Italy", "country:IT"),  # no such region: the country
])
def test_places_relations_lowercase_qualifier(places, text, name, expected):
    assert places(text)[normalise(name)].gazetteer == expected
