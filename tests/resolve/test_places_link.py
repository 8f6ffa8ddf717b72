"""link_places: one gazetteer entry per place name, chosen by the document's context."""
from __future__ import annotations


import pytest

from chronica.resources.place_keys import normalise
from chronica.resolve.places import distance_km, is_within


@pytest.mark.parametrize("text, name, expected_id", [
    ("The poet was deported to Turkey in 1951 and later lived in Norway.", "Turkey", "country:TR"),
    ("The poet was deported to Turkey in 1951 and later lived in Norway.", "Norway", "country:NO"),
    ("He spent the winter on Corfu, an island off Epirus.", "Corfu", "curated:corfu"),
    ("The fleet crossed the Black Sea to Odessa.", "Black Sea", "curated:black_sea"),
    ("He was exiled to Elba, off the coast of Italy, in 1814.", "Elba", "curated:elba"),
])
def test_places_link_by_id(places, text, name, expected_id):
    assert places(text)[normalise(name)].gazetteer == expected_id


@pytest.mark.parametrize("text, name, country", [
    # the document's countries and other places choose among namesakes
    ("Napoleon was beaten at Waterloo in Belgium, south of Brussels.", "Waterloo", "BE"),
    ("The Prussians fought at Ligny, near Waterloo, in Belgium.", "Ligny", "BE"),
    ("They sailed from Plymouth in England to the Atlantic.", "Plymouth", "GB"),
    ("Booth fled from Washington into Maryland.", "Washington", "US"),
    ("The family was sent to Tiflis, far from Moscow.", "Tiflis", "GE"),
    # a metropolis wins over a small namesake in a country the text names
    ("Dickens sailed from New York to the United States and later lived in London.", "London", "GB"),
    # a demonym used as a place is its country, not a town spelled alike
    ("In 1941, troops crossed the German border.", "German", "DE"),
])
def test_places_link_country_from_context(places, text, name, country):
    assert places(text)[normalise(name)].country == country


def test_places_link_records_part_of(places):
    refs = places("Respighi lived in Trastevere, a district of Rome, in Italy.")
    quarter, city = refs[normalise("Trastevere")], refs[normalise("Rome")]
    assert quarter.part_of == city.gazetteer
    assert is_within(quarter.gazetteer, city.gazetteer)
    assert is_within(city.gazetteer, "country:IT")


def test_places_link_demonym_used_as_place(places):
    ref = places("The ferry sank a few kilometres off the Andalusian coast.")[normalise("Andalusian")]
    assert ref.gazetteer == "curated:andalusia"


def test_places_distance_between_ids():
    assert 300 < distance_km("geonames:2988507", "geonames:2643743") < 360  # Paris - London
    assert distance_km("geonames:2988507", "no:such") is None


@pytest.mark.parametrize("text, name, near", [
    # a street or building the gazetteer lacks lies in the city its own sentence names
    ("Tomas Vidal was born in Faro and grew up in Porto. A statue stands in Porto. Porto mourned. "
     "Tomas Vidal Street in Coimbra was named after him.", "Tomas Vidal Street", "Coimbra"),
    # a feature noun after a name: the named place
    ("She was imprisoned in the Wartburg castle for two years.", "Wartburg castle", None),
])
def test_places_link_local_context(places, text, name, near):
    refs = places(text)
    ref = refs[normalise(name)]
    assert ref.lat is not None
    if near:
        assert distance_km((ref.lat, ref.lon), (refs[normalise(near)].lat, refs[normalise(near)].lon)) < 5
