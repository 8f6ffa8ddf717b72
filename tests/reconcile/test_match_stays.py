import pytest

from chronica.config import Settings
from chronica.model import Span
from chronica.pipeline import Context
from chronica.reconcile.match import match_events

@pytest.fixture(autouse=True)
def _containment_from_part_of_only(monkeypatch):
    # the places here are made up: containment comes from their part_of chains alone
    monkeypatch.setattr("chronica.reconcile.geography._gazetteer_is_within", lambda: None)


PLACES = {"ent_italy": {"gazetteer": "gz:italy"}, "ent_capri": {"gazetteer": "gz:capri", "part_of": "gz:italy"}}


def _fix(b, key, kind, evidence, word, **kw):
    a = b.doc.text.index(evidence) + evidence.index(word)
    return b.event(key, kind, evidence, trigger=Span(a, a + len(word), word), **kw)


A = "The poet reached Capri by the night boat. He would live there for four years, writing little."
B = "Italy was kind to the poet. He stayed on for a long while and grew fat."


def _stay_corpus(doc_builder, make_corpus, b_when="1901/1905"):
    a = doc_builder(A, "a.txt").mention("The poet", "person", "poet").mention("Capri", "place", "capri")
    _fix(a, "a1", "residence", "He would live there for four years", "live", who=["poet"], where="capri",
         when="1901/1905", basis="relative")
    b = doc_builder(B, "b.txt").mention("Italy", "place", "italy").mention("the poet", "person", "poet")
    _fix(b, "b1", "residence", "He stayed on for a long while", "stayed", who=["poet"], where="italy",
         when=b_when, basis="inferred")
    return make_corpus(a, b, places=PLACES)


def test_match_stays_one_persons_stay_in_region_and_spot_is_one_event(doc_builder, make_corpus):
    corpus = _stay_corpus(doc_builder, make_corpus)
    match_events(corpus, Context(Settings()))
    a, b = corpus.docs
    assert corpus.event_of[(a.id, "a1")] == corpus.event_of[(b.id, "b1")]
    (ev,) = corpus.events
    assert ev.where == "ent_capri"  # the spot, not the region


@pytest.mark.parametrize("b_when", ["1910/1912", "1890"])
def test_match_stays_stays_in_other_years_stay_apart(doc_builder, make_corpus, b_when):
    corpus = _stay_corpus(doc_builder, make_corpus, b_when=b_when)
    match_events(corpus, Context(Settings()))
    a, b = corpus.docs
    assert corpus.event_of[(a.id, "a1")] != corpus.event_of[(b.id, "b1")]


H = "Capri, 1901-1905\nThe poet reached the island by the night boat. He would live there for four years, writing little."


def test_match_stays_a_headings_stay_joins_the_bodys_telling(doc_builder, make_corpus):
    a = (doc_builder(H, "h.txt").heading("Capri, 1901-1905").mention("Capri", "place", "capri")
         .mention("The poet", "person", "poet")
         .event("h0", "residence", "Capri, 1901-1905", who=["poet"], where="capri", when="1901/1905"))
    _fix(a, "a1", "residence", "He would live there for four years", "live", who=["poet"], where="capri",
         when="1901/1905", basis="inferred")
    b = doc_builder(B, "b.txt").mention("Italy", "place", "italy").mention("the poet", "person", "poet")
    _fix(b, "b1", "residence", "He stayed on for a long while", "stayed", who=["poet"], where="italy",
         when="1901/1905", basis="inferred")
    corpus = make_corpus(a, b, places=PLACES)
    match_events(corpus, Context(Settings()))
    a, b = corpus.docs
    assert corpus.event_of[(a.id, "h0")] == corpus.event_of[(a.id, "a1")] == corpus.event_of[(b.id, "b1")]
