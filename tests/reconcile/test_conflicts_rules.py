"""Each conflict rule on a small hand-built pair of sources, and the differences that
must not be reported."""
import pytest

from chronica.extract.claims import extract_claims
from chronica.reconcile.conflicts import find_conflicts
from chronica.reconcile.match import match_events


def run(corpus):
    for d in corpus.docs:
        extract_claims(d, None)
    match_events(corpus, None)
    find_conflicts(corpus, None)
    return corpus.conflicts


def test_conflicts_duration_against_arrival_and_departure(doc_builder, make_corpus):
    a = (doc_builder("She arrived at Valletta on March 3, 1800. She escaped from Malta on June 1, 1800.", "a.txt")
         .mention("Valletta", "place", "valletta").mention("Malta", "place", "malta").mention("She", "person", "ann")
         .event("a1", "movement", "She arrived at Valletta on March 3, 1800", who=["ann"], where="valletta",
                when="1800-03-03")
         .event("a2", "movement", "She escaped from Malta on June 1, 1800", who=["ann"], where="malta",
                when="1800-06-01"))
    b = (doc_builder("After two years at Malta Ann sailed home.", "b.txt")
         .mention("Malta", "place", "malta").mention("Ann", "person", "ann"))
    corpus = make_corpus(a, b, places={"ent_valletta": {"lat": 35.90, "lon": 14.51},
                                       "ent_malta": {"lat": 35.92, "lon": 14.41}})
    conflicts = run(corpus)
    dur = [c for c in conflicts if c.kind == "duration"]
    assert len(dur) == 1 and dur[0].severity == "hard"
    texts = {c.text for c in dur[0].claims}
    assert "two years at Malta" in texts and "She escaped from Malta on June 1, 1800" in texts


def test_conflicts_duration_inside_interval_is_no_conflict(doc_builder, make_corpus):
    a = (doc_builder("She arrived at Malta on March 3, 1800. She escaped from Malta on June 1, 1800.", "a.txt")
         .mention("Malta", "place", "malta").mention("She", "person", "ann")
         .event("a1", "movement", "She arrived at Malta on March 3, 1800", who=["ann"], where="malta",
                when="1800-03-03")
         .event("a2", "movement", "She escaped from Malta on June 1, 1800", who=["ann"], where="malta",
                when="1800-06-01"))
    b = (doc_builder("After three months at Malta Ann sailed home.", "b.txt")
         .mention("Malta", "place", "malta").mention("Ann", "person", "ann"))
    assert [c for c in run(make_corpus(a, b)) if c.kind == "duration"] == []


@pytest.mark.parametrize("figure, expected", [("three years", "soft"), ("four years", None), ("one year", "hard")])
def test_conflicts_duration_against_heading_interval(doc_builder, make_corpus, figure, expected):
    text = f"Turkey, 1929-1933\n\nHe lived on the island. He would reside here for {figure} in a villa."
    a = (doc_builder(text, "a.txt").heading("Turkey, 1929-1933").mention("Turkey", "place", "turkey")
         .mention("He", "person", "leo"))
    found = [c for c in run(make_corpus(a)) if c.kind == "duration"]
    assert [c.severity for c in found] == ([expected] if expected else [])


def test_conflicts_outcome_opposite_polarity(doc_builder, make_corpus):
    a = (doc_builder("In May 1940 gunmen attacked the house of Leo. Only Seva sustained an injury.", "a.txt")
         .mention("Leo", "person", "leo").mention("Seva", "person", "seva")
         .event("x", "attack", "In May 1940 gunmen attacked the house of Leo", who=["leo"], when="1940-05"))
    b = (doc_builder("In May 1940 gunmen attacked the home of Leo. Neither Leo nor his family were harmed.", "b.txt")
         .mention("Leo", "person", "leo")
         .event("y", "attack", "In May 1940 gunmen attacked the home of Leo", who=["leo"], when="1940-05"))
    found = [c for c in run(make_corpus(a, b)) if c.kind == "outcome"]
    assert len(found) == 1 and found[0].severity == "hard"
    assert {c.document for c in found[0].claims} == {corpus_doc.id for corpus_doc in (a.doc, b.doc)}


def test_conflicts_outcome_timing_is_not_outcome(doc_builder, make_corpus):
    a = (doc_builder("On 20 August 1940 Ramon struck Leo but failed to kill him instantly. "
                     "Leo died in hospital a day later.", "a.txt")
         .mention("Leo", "person", "leo").mention("Ramon", "person", "ramon")
         .event("x", "attack", "On 20 August 1940 Ramon struck Leo", who=["leo", "ramon"], when="1940-08-20"))
    assert [c for c in run(make_corpus(a)) if c.kind == "outcome"] == []


def test_conflicts_name_spelt_two_ways_in_one_source(doc_builder, make_corpus):
    a = (doc_builder("Frank Jacson visited often. Frank Jacson was friendly. Later Frank Jackson was arrested.",
                     "a.txt")
         .mention("Frank Jacson", "person", "frank").mention("Frank Jacson", "person", "frank", nth=1)
         .mention("Frank Jackson", "person", "frank"))
    found = [c for c in run(make_corpus(a)) if c.kind == "name"]
    assert len(found) == 1 and found[0].severity == "soft"


@pytest.mark.parametrize("a, b", [
    ("Gebhard Blücher", "Gebhard Blucher"),   # an accent dropped
    ("Louis XVI", "Louis XVII"),              # two persons of one family
    ("Lev", "Leo"),                           # too short to call a slip
])
def test_conflicts_name_variants_that_are_not_errata(a, b):
    from chronica.reconcile.check_names import misspelt
    assert not misspelt(a, b)


def test_conflicts_coarse_date_containing_fine_one_is_no_conflict(doc_builder, make_corpus):
    a = (doc_builder("The general landed at Marsala on May 11, 1860.", "a.txt")
         .mention("Marsala", "place", "marsala").mention("The general", "person", "gen")
         .event("a", "movement", "The general landed at Marsala on May 11, 1860", who=["gen"], where="marsala",
                when="1860-05-11"))
    b = (doc_builder("In 1860 the general landed at Marsala.", "b.txt")
         .mention("Marsala", "place", "marsala").mention("the general", "person", "gen")
         .event("b", "movement", "In 1860 the general landed at Marsala", who=["gen"], where="marsala",
                when="1860"))
    assert run(make_corpus(a, b)) == []


def test_conflicts_myth_quoted_to_refute_is_not_counted(doc_builder, make_corpus):
    a = (doc_builder("You've probably heard the story: the assassin shot him with a rifle. "
                     "But the rifle part isn't true.\n\nOn June 28 the assassin shot him with a pistol.", "a.txt")
         .mention("the assassin", "person", "gp")
         .event("m", "attack", "the assassin shot him with a rifle", who=["gp"], when="1914-06-28")
         .event("r", "attack", "On June 28 the assassin shot him with a pistol", who=["gp"], when="1914-06-28"))
    assert [c for c in run(make_corpus(a)) if c.kind == "attribute"] == []
