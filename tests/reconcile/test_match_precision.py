"""Cross-source matching: a clause keeps the precision of its own time-keeping, and two
sources' words for one happening meet (sieges, sacks, elections, kinds of one advance)."""
from dataclasses import replace

from chronica.config import Settings
from chronica.model import When
from chronica.pipeline import Context
from chronica.reconcile.match import match_events
from chronica.reconcile.match_items import content_words
from chronica.reconcile.match_score import kind_score

A = "On 3 March 1722 the rebel captain slipped out of Haldor harbour with two sloops."
B = "Some time before 1723 the rebel captain slipped out of Haldor harbour unseen."
C = "The rebel captain slipped out of Haldor harbour at night."


def _span_dates(doc_builder, make_corpus, other: str, own: When | None):
    a = (doc_builder(A, "a.txt").mention("Haldor", "place", "haldor").mention("the rebel captain", "person", "cap")
         .event("e1", "movement", "the rebel captain slipped out of Haldor harbour with two sloops",
                who=["cap"], where="haldor", when="1722-03-03"))
    told = other[other.index("he rebel") - 1:other.index("harbour") + len("harbour")]
    b = (doc_builder(other, "b.txt").mention("Haldor", "place", "haldor").mention(told[:17], "person", "cap")
         .event("f1", "movement", told, who=["cap"], where="haldor"))
    b.doc.events[0] = replace(b.doc.events[0], when=own)
    corpus = make_corpus(a, b)
    match_events(corpus, Context(Settings()))
    da, db = corpus.docs
    ev = next(e for e in corpus.events if e.id == corpus.event_of[(da.id, "e1")])
    assert corpus.event_of[(db.id, "f1")] == ev.id
    return {s.document: s.when for s in ev.evidence}, da.id, db.id


def test_a_clause_bounded_by_a_year_takes_the_other_sources_year_not_their_day(doc_builder, make_corpus):
    before = When("../1722", None, "1722-12-31", "inferred")
    dates, a, b = _span_dates(doc_builder, make_corpus, B, before)
    assert dates[a].edtf == "1722-03-03"  # the dating source keeps its own day
    assert (dates[b].edtf, dates[b].basis) == ("1722", "inferred")


def test_an_undated_clause_is_read_on_the_other_sources_date(doc_builder, make_corpus):
    dates, a, b = _span_dates(doc_builder, make_corpus, C, None)
    assert (dates[b].edtf, dates[b].basis) == ("1722-03-03", "inferred")


def test_two_sources_words_for_one_siege_or_sack_meet():
    assert content_words("besieged the town") == content_words("blockaded the town")
    assert content_words("the city was pillaged") == content_words("the city was sacked")
    assert content_words("they chose him as king") == content_words("he was elected king")
    assert kind_score("attack", "movement") > 0  # "marched on the city" / "invaded"
    assert kind_score("attack", "birth") == 0
