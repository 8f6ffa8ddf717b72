"""Each conflict rule on a small hand-built pair of sources, and the differences that
must not be reported."""
import pytest

from .cross_check import run


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
    text = f"Italy, 1856-1860\n\nHe farmed on the island. He would reside here for {figure} on a farm."
    a = (doc_builder(text, "a.txt").heading("Italy, 1856-1860").mention("Italy", "place", "italy")
         .mention("He", "person", "felice"))
    found = [c for c in run(make_corpus(a)) if c.kind == "duration"]
    assert [c.severity for c in found] == ([expected] if expected else [])


def test_conflicts_outcome_opposite_polarity(doc_builder, make_corpus):
    a = (doc_builder("In April 1858 raiders stormed the villa of Felice. Only Marco received a wound.", "a.txt")
         .mention("Felice", "person", "felice").mention("Marco", "person", "marco")
         .event("x", "attack", "In April 1858 raiders stormed the villa of Felice", who=["felice"], when="1858-04"))
    b = (doc_builder("In April 1858 raiders stormed the home of Felice. Neither Felice nor his household was hurt.",
                     "b.txt")
         .mention("Felice", "person", "felice")
         .event("y", "attack", "In April 1858 raiders stormed the home of Felice", who=["felice"], when="1858-04"))
    found = [c for c in run(make_corpus(a, b)) if c.kind == "outcome"]
    assert len(found) == 1 and found[0].severity == "hard"
    assert {c.document for c in found[0].claims} == {corpus_doc.id for corpus_doc in (a.doc, b.doc)}


def test_conflicts_outcome_timing_is_not_outcome(doc_builder, make_corpus):
    a = (doc_builder("On 3 March 1702 Carlo stabbed Felice but failed to kill him at once. "
                     "Felice died at the inn two days later.", "a.txt")
         .mention("Felice", "person", "felice").mention("Carlo", "person", "carlo")
         .event("x", "attack", "On 3 March 1702 Carlo stabbed Felice", who=["felice", "carlo"], when="1702-03-03"))
    assert [c for c in run(make_corpus(a)) if c.kind == "outcome"] == []


def test_conflicts_name_spelt_two_ways_in_one_source(doc_builder, make_corpus):
    a = (doc_builder("Thomas Wolsey dined often. Thomas Wolsey was generous. Later Thomas Woolsey was arrested.",
                     "a.txt")
         .mention("Thomas Wolsey", "person", "tom").mention("Thomas Wolsey", "person", "tom", nth=1)
         .mention("Thomas Woolsey", "person", "tom"))
    found = [c for c in run(make_corpus(a)) if c.kind == "name"]
    assert len(found) == 1 and found[0].severity == "soft"


@pytest.mark.parametrize("a, b", [
    ("Gebhard Blücher", "Gebhard Blucher"),   # an accent dropped
    ("Louis XVI", "Louis XVII"),              # two persons of one family
    ("Ivo", "Ida"),                           # too short to call a slip
    ("Margaret Hartley", "Hartleys"),         # (not the same number of words)
    ("Hartley", "Hartleys"),                  # the family in the plural ("the Hartleys' guest")
    ("Bosch", "Bosches"),
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
    a = (doc_builder("Legend has it that the duellist shot him with a rifle. "
                     "But the rifle part isn't true.\n\nOn July 11 the duellist hit him with a pistol.", "a.txt")
         .mention("the duellist", "person", "ab")
         .event("m", "attack", "the duellist shot him with a rifle", who=["ab"], when="1804-07-11")
         .event("r", "attack", "On July 11 the duellist hit him with a pistol", who=["ab"], when="1804-07-11"))
    assert [c for c in run(make_corpus(a)) if c.kind == "attribute"] == []
