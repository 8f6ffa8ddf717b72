"""The caches a worker fills from the texts it reads are bounded: over millions of
documents new names keep coming, and a cache that keeps them all is a worker's memory
growing (issue 15, bench/memory.py)."""
from __future__ import annotations

import pytest

from chronica.resolve.alias_records import stem
from chronica.resources import default as default_resources
from chronica.resources.gender import given_name_gender
from chronica.resources.names import fold, parse_name
from chronica.resources.spelling import skeleton

TEXT_KEYED = [fold, parse_name, skeleton, stem, given_name_gender]


def made_up_names(n: int) -> list[str]:
    """Distinct pronounceable names, as an archive's texts bring ever new ones."""
    cons, vows = "bdfgklmnprstvz", "aeiou"
    out = []
    for i in range(n):
        word, x = [], i
        for j in range(6):
            alphabet = cons if j % 2 == 0 else vows
            word.append(alphabet[x % len(alphabet)])
            x //= len(alphabet)
        out.append("".join(word).capitalize())
    return out


@pytest.mark.parametrize("cached", TEXT_KEYED, ids=lambda f: f.__name__)
def test_text_keyed_cache_has_a_bound(cached):
    assert cached.cache_info().maxsize is not None
    assert cached.cache_info().maxsize <= 8192


def test_parse_name_cache_stays_within_its_bound_over_many_new_names():
    bound = parse_name.cache_info().maxsize
    names = made_up_names(bound + 500)
    assert len(set(names)) == len(names)
    for first, last in zip(names, reversed(names)):
        parse_name(f"{first} {last}")
    assert parse_name.cache_info().currsize == bound
    # a name read again after the cache turned over is taken apart the same way
    assert parse_name(f"{names[0]} {names[-1]}").tokens == (fold(names[0]), fold(names[-1]))


def test_gazetteer_caches_are_bounded_and_answer_the_same():
    gaz = default_resources().gazetteer()
    assert gaz._lookup.cache_info().maxsize <= 8192
    assert gaz._by_id.cache_info().maxsize <= 8192
    found = gaz.lookup("Paris")
    assert found, "the gazetteer knows Paris"
    assert gaz.get(found[0].id) == gaz.get(found[0].id)
    assert gaz.get(found[0].id).name == found[0].name
    assert gaz.get(None) is None
