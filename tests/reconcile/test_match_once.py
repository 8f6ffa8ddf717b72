"""A birth or a death befalls a person once: every telling of it is one event."""
from chronica.config import Settings
from chronica.pipeline import Context
from chronica.reconcile.match import match_events

A = "The old abbess died at Lund in 1344. Her death was mourned by the town. She was buried at the abbey."
B = "Sources disagree: the abbess died in 1346, in Roskilde, after a long illness."


def _corpus(doc_builder, make_corpus):
    a = (doc_builder(A, "a.txt").mention("Lund", "place", "lund").mention("The old abbess", "person", "abb")
         .event("e1", "death", "The old abbess died at Lund in 1344", who=["abb"], where="lund", when="1344")
         .event("e2", "death", "Her death was mourned by the town", who=["abb"], when="1344", basis="inferred"))
    b = (doc_builder(B, "b.txt").mention("Roskilde", "place", "roskilde").mention("the abbess", "person", "abb")
         .event("f1", "death", "the abbess died in 1346, in Roskilde", who=["abb"], where="roskilde",
                when="1346"))
    return make_corpus(a, b)


def test_match_once_one_death_per_person_whatever_the_sources_say(doc_builder, make_corpus):
    corpus = _corpus(doc_builder, make_corpus)
    match_events(corpus, Context(Settings()))
    a, b = corpus.docs
    one = corpus.event_of[(a.id, "e1")]
    assert corpus.event_of[(a.id, "e2")] == one  # told twice in one text
    assert corpus.event_of[(b.id, "f1")] == one  # and by another source, with another date and place
