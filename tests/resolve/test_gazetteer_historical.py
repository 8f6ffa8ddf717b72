"""Former city names ("Lemberg", "Smyrna") are main names of today's city, and every row of
the historical-names list points at a city GeoNames has."""
from __future__ import annotations

from collections import Counter

import pytest

from chronica.resources import default
from chronica.resources.gazetteer import Gazetteer, _load_cities, _rows, historical_targets
from chronica.resolve.places import choose


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.open(default())


def test_gazetteer_historical_every_row_has_a_city():
    targets = historical_targets(_load_cities())
    missing = [r["name"] for r in _rows(default(), "historical_names.tsv") if (r["modern"], r["country"]) not in targets]
    assert missing == []


@pytest.mark.parametrize("name, country, near", [
    # without context, the famous city wins over a small namesake
    ("Lemberg", "UA", (49.84, 24.03)),
    ("Smyrna", "TR", (38.42, 27.14)),
    ("Königsberg", "RU", (54.71, 20.51)),
    ("Batavia", "ID", (-6.21, 106.85)),
    ("Calcutta", "IN", (22.57, 88.36)),
    ("Zara", "HR", (44.12, 15.23)),
    ("Constantinople", "TR", (41.01, 28.95)),
    ("Alma Ata", "KZ", (43.25, 76.91)),
])
def test_gazetteer_historical_name_means_the_famous_city(gaz, name, country, near):
    c = choose(gaz.lookup(name), Counter(), [])
    assert c.country == country
    assert abs(c.lat - near[0]) < 0.2 and abs(c.lon - near[1]) < 0.2


@pytest.mark.parametrize("name, feature", [
    ("Styria", "region"), ("Thuringia", "region"), ("Sichuan", "region"), ("Szechwan", "region"),
    ("New South Wales", "region"), ("Transoxiana", "region"), ("Peloponnese", "region"),
    ("Pearl Harbor", "region"), ("Treblinka", "building"), ("Marne", "river"),
])
def test_gazetteer_historical_regions_and_sites(gaz, name, feature):
    c = choose(gaz.lookup(name), Counter(), [])
    assert c is not None and c.feature == feature


@pytest.mark.parametrize("name, iso", [
    ("Zaire", "CD"), ("Basutoland", "LS"), ("Transjordan", "JO"), ("Kazakh SSR", "KZ"),
    ("Dutch Guiana", "SR"), ("Union of South Africa", "ZA"),
])
def test_gazetteer_historical_country_names(gaz, name, iso):
    assert gaz.lookup(name)[0].id == f"country:{iso}"
