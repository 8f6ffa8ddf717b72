"""link_places: a building or room the gazetteer lacks stands in the document's own city,
never in a far-away town whose name a word of it happens to match; "the island of X"
makes X an island even when the gazetteer does not know where it is."""
from __future__ import annotations


import pytest

from chronica.resources.place_keys import normalise


PARIS = "geonames:2988507"


@pytest.mark.parametrize("text, name, country, part_of", [
    # "Santé" is also an alternate name of a German town; "Carré" a village in Italy
    ("Paris, 1911\n\nThe poet came back to Paris in May. A week later he was locked in the "
     "Santé prison.\n\nFlorence, 1913\n\nThe dealer lived in Florence.", "Santé prison", "FR", PARIS),
    ("Paris, 1911\n\nEarly on Monday a porter walked out of the Salon Carré with the panel.\n\n"
     "Florence, 1913\n\nThe panel reached Florence by train.", "Salon Carré", "FR", PARIS),
])
def test_places_sites_inside_the_documents_city(places, text, name, country, part_of):
    ref = places(text)[normalise(name)]
    assert (ref.gazetteer, ref.country, ref.feature, ref.part_of) == (None, country, "building", part_of)


@pytest.mark.parametrize("text, name, feature", [
    ("In 1856 the general retired to the island of Tavolara with his son.", "Tavolara", "island"),
])
def test_places_sites_unknown_island_keeps_its_kind(places, text, name, feature):
    ref = places(text)[normalise(name)]
    assert (ref.gazetteer, ref.lat, ref.feature) == (None, None, feature)
