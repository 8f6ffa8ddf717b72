import pytest

from chronica.config import Settings
from chronica.match_settings import MatchSettings
from chronica.model import Span
from chronica.pipeline import Context
from chronica.reconcile.match import match_events
from chronica.reconcile.match_blocks import candidate_pairs
from chronica.reconcile.match_cues import cue_of
from chronica.reconcile.match_items import prepare, word_families


@pytest.mark.parametrize("trigger, cue", [
    ("assassinated", "~kill"),   # a word family: the same deed in other words
    ("killed", "~kill"),
    ("captured", "~arrest"),
    ("arrested", "~arrest"),
    ("visited", "visit"),        # an inflection: the stem
    ("visit", "visit"),
    ("arrived", "arriv"),
    ("arriving", "arriv"),
    ("stopped", "stop"),
    ("took", ""),                # a light verb tells nothing
    ("made", ""),
    ("", ""),
    (None, ""),
])
def test_match_cues_cue_of_reduces_head_words(trigger, cue):
    assert cue_of(trigger, word_families()) == cue


def _fix(b, key, kind, evidence, word, **kw):
    """An event whose trigger offsets are those of ``word`` in the document."""
    a = b.doc.text.index(evidence) + evidence.index(word)
    return b.event(key, kind, evidence, trigger=Span(a, a + len(word), word), **kw)


def _event_of(corpus, doc, key):
    return corpus.event_of[(doc.id, key)]


A = "In the spring the bishop stood trial at Lyon. Some months later he returned to his see."
B = "The bishop's trial drew crowds from the countryside. He was ordered to leave the city."


def _trial_corpus(doc_builder, make_corpus, b_word="trial", b_kind="trial"):
    a = doc_builder(A, "a.txt").mention("the bishop", "person", "bishop")
    _fix(a, "a1", "trial", "the bishop stood trial at Lyon", "trial", who=["bishop"], when="1602", basis="inferred")
    _fix(a, "a2", "movement", "he returned to his see", "returned", who=["bishop"], when="1602", basis="inferred")
    b = doc_builder(B, "b.txt").mention("The bishop", "person", "bishop")
    _fix(b, "b1", b_kind, "The bishop's trial drew crowds from the countryside", b_word, who=["bishop"],
         when="1602", basis="inferred")
    _fix(b, "b2", "political", "He was ordered to leave the city", "ordered", who=["bishop"], when="1602",
         basis="inferred")
    return make_corpus(a, b)


def test_match_cues_same_person_same_head_word_same_guessed_year_merges(doc_builder, make_corpus):
    corpus = _trial_corpus(doc_builder, make_corpus)
    match_events(corpus, Context(Settings()))
    a, b = corpus.docs
    assert _event_of(corpus, a, "a1") == _event_of(corpus, b, "b1")


def test_match_cues_guessed_year_alone_does_not_merge(doc_builder, make_corpus):
    # "returned to his see" / "was ordered to leave": same person, same guessed year,
    # different deeds
    corpus = _trial_corpus(doc_builder, make_corpus)
    match_events(corpus, Context(Settings()))
    a, b = corpus.docs
    assert _event_of(corpus, a, "a2") != _event_of(corpus, b, "b2")


def test_match_cues_other_head_word_needs_more_than_a_guessed_year(doc_builder, make_corpus):
    corpus = _trial_corpus(doc_builder, make_corpus, b_word="crowds", b_kind="trial")
    match_events(corpus, Context(Settings()))
    a, b = corpus.docs
    assert _event_of(corpus, a, "a1") != _event_of(corpus, b, "b1")


C = "In 1850 a great flood swept the harbour district."
D = "The flood of 1850 is still remembered."


def test_match_cues_events_without_people_or_place_are_blocked_on_their_head_word(doc_builder, make_corpus):
    c = doc_builder(C, "c.txt")
    _fix(c, "c1", "other", "In 1850 a great flood swept the harbour district", "flood", when="1850")
    d = doc_builder(D, "d.txt")
    _fix(d, "d1", "other", "The flood of 1850 is still remembered", "flood", when="1850")
    corpus = make_corpus(c, d)
    items = prepare(corpus, MatchSettings.defaults().events)
    assert items[0].cue == items[1].cue == "flood"
    assert (0, 1) in candidate_pairs(items, MatchSettings.defaults().events)
