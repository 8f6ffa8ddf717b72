"""Every place table shipped versions the gazetteer cache (an edited row must rebuild it),
and the classical Greek names GeoNames lists only under modern namesakes are found."""
from __future__ import annotations

from pathlib import Path

import pytest

from chronica.resources import default
from chronica.resources.gazetteer import PLACE_TABLES, Gazetteer
from chronica.resolve.places import choose

PLACES = Path(__file__).resolve().parents[2] / "src" / "chronica" / "lang" / "en" / "places"


def test_every_place_table_versions_the_cache():
    assert {p.name for p in PLACES.glob("*.tsv")} <= set(PLACE_TABLES)


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.open(default())


@pytest.mark.parametrize("name, near", [
    ("Marathon", (38.15, 23.96)),   # the battlefield, not the towns in Florida or Wisconsin
    ("Tiryns", (37.60, 22.80)),
    ("Sestos", (40.23, 26.40)),
    ("Selinus", (37.58, 12.82)),
])
def test_classical_name_without_context(gaz, name, near):
    from collections import Counter
    best = choose(gaz.lookup(name), Counter(), [])
    assert best is not None and abs(best.lat - near[0]) < 0.3 and abs(best.lon - near[1]) < 0.3
