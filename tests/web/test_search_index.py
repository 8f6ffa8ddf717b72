import pytest

from chronica.web.search import SearchIndex, snippet


@pytest.fixture(scope="module")
def index(kb):
    return SearchIndex(kb)


@pytest.mark.parametrize("query,kind,expected", [
    ("darwin", "entity", "ent_darwin"),
    ("galapagos", "entity", "ent_galapagos"),  # accents folded
    ("Falm", "event", "evt_return"),  # last word as a prefix
    ("married emma", "event", "evt_marriage"),
    ("finches", "document", "doc_voyage"),
])
def test_search_finds(index, query, kind, expected):
    assert expected in index.search(query)[kind]


def test_search_ranks_exact_name_first(index):
    assert index.search("Charles Darwin")["entity"][0] == "ent_darwin"


def test_search_all_words_must_match(index):
    assert index.search("darwin zanzibar") == {"entity": [], "event": [], "document": []}


def test_search_snippet_around_match():
    before, match, after = snippet("The Beagle returned to Falmouth on 2 October 1836.", "falmouth", width=10)
    assert match == "Falmouth" and before.endswith("to ") and after.startswith(" on")
