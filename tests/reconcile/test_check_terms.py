"""Prison terms compared per trial, detentions per person: "a year and fifteen days"
against "eight months" is hard, "five days" against "a week" soft, time served is never
compared with the sentence."""
from .cross_check import run


def test_check_terms_sentence_lengths_differ(doc_builder, make_corpus):
    a = (doc_builder("In June 1914 a court in Florence sentenced Peruggia to a year and fifteen days in prison.", "a.txt")
         .mention("Florence", "place", "florence").mention("Peruggia", "person", "vp")
         .event("a1", "trial", "In June 1914 a court in Florence sentenced Peruggia to a year and fifteen days in prison",
                who=["vp"], where="florence", when="1914-06"))
    b = (doc_builder("In 1914 the court in Florence gave Peruggia eight months in prison, though he was released after about seven months.", "b.txt")
         .mention("Florence", "place", "florence").mention("Peruggia", "person", "vp")
         .event("b1", "trial", "In 1914 the court in Florence gave Peruggia eight months in prison",
                who=["vp"], where="florence", when="1914"))
    found = [c for c in run(make_corpus(a, b)) if c.kind == "duration"]
    assert [c.severity for c in found] == ["hard"]
    assert {c.value for c in found[0].claims} == {"a year and fifteen days", "eight months"}


def test_check_terms_detention_loose_week_is_soft(doc_builder, make_corpus):
    a = (doc_builder("In September 1911 the poet Apollinaire was arrested and held for five days.", "a.txt")
         .mention("Apollinaire", "person", "ga")
         .event("a1", "arrest", "In September 1911 the poet Apollinaire was arrested and held for five days", who=["ga"],
                when="1911-09"))
    b = (doc_builder("In 1911 the poet Apollinaire is taken to prison and held for a week.", "b.txt")
         .mention("Apollinaire", "person", "ga")
         .event("b1", "arrest", "In 1911 the poet Apollinaire is taken to prison and held for a week", who=["ga"],
                when="1911"))
    c = (doc_builder("In 1911 the poet Apollinaire was arrested and held for six days.", "c.txt")
         .mention("Apollinaire", "person", "ga")
         .event("c1", "arrest", "In 1911 the poet Apollinaire was arrested and held for six days", who=["ga"],
                when="1911"))
    found = [x for x in run(make_corpus(a, b, c)) if x.kind == "duration"]
    pairs = sorted(tuple(sorted(cl.value for cl in x.claims)) + (x.severity,) for x in found)
    # a week / five days: soft; five / six days differ; six days is within a week's
    # looseness. One detention, so one conflict holding every claim (issue 17, item 6)
    assert pairs == [("a week", "five days", "six days", "soft")]
