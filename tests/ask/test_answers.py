"""Questions of every kind over a small hand-made knowledge base: the right answer, and
every cited span equal to the document text at its offsets."""
from __future__ import annotations

import pytest

from chronica.ask.parse import question_kind


@pytest.mark.parametrize("question, kind", [
    ("When did the envoy reach Lisbon?", "when"),
    ("In what year was the treaty signed?", "when"),
    ("Where was she in 1822?", "where"),
    ("In which city did he die?", "where"),
    ("Who was with him when he died?", "who"),
    ("Who killed the governor?", "who"),
    ("What happened in Lisbon in 1755?", "what"),
    ("How long did the siege last?", "how_long"),
    ("How many ships sailed?", "how_many"),
    ("How old was she when she married?", "how_old"),
    ("What do the sources disagree about?", "disputes"),
    ("Whatever happened to the ship's mate?", "fate"),
    ("What became of the regent?", "fate"),
    ("Why did the fleet turn back?", "passages"),
])
def test_question_kinds(question, kind):
    assert question_kind(question) == kind


def _cites_are_exact(answer, texts):
    for c in answer.cites:
        assert texts[c.document][c.start:c.end] == c.text
    for p in answer.passages:
        assert texts[p.document][p.start:p.end] == p.text
        for a, b, _ in p.marks:
            assert 0 <= a < b <= len(p.text)


@pytest.mark.parametrize("question, status, value", [
    ("When did Darwin die?", "answered", "1882-04"),
    ("When did Darwin marry Emma Wedgwood?", "answered", "1839-01"),
    ("Where did Darwin die?", "answered", "Down House"),
    ("Where was Darwin in October 1835?", "answered", "Galápagos Islands"),
    ("Who was Darwin's wife?", "answered", "Emma Wedgwood"),
    ("Who did Darwin marry?", "answered", "Emma Wedgwood"),
    ("When did the Beagle come home to Falmouth?", "disputed", "1836-11-02"),
    ("How long did the voyage last?", "disputed", "4 years"),
])
def test_structured_answers(asker, texts, question, status, value):
    answer = asker.ask(question)
    assert answer.status == status, answer.text
    assert value in answer.values, answer.values
    assert answer.cites, "an answer without evidence"
    _cites_are_exact(answer, texts)


def test_disagreements_give_each_source(asker, texts):
    answer = asker.ask("What do the sources disagree about?")
    assert answer.status == "disputed"
    assert {c.document for c in answer.cites} == {"doc_voyage", "doc_letters"}
    assert all(c.says for c in answer.cites)
    _cites_are_exact(answer, texts)


def test_whatever_happened_ends_with_death(asker):
    answer = asker.ask("Whatever happened to Charles Darwin?")
    assert answer.items[0]["event"] == "evt_death"
    assert answer.values[0] == "1882-04"


def test_unknown_shows_passages_not_a_guess(asker, texts):
    answer = asker.ask("When did FitzRoy die?")
    assert answer.status == "unknown" and not answer.cites
    answer = asker.ask("Why did Darwin collect finches?")
    assert answer.status == "unknown" and answer.question.kind == "passages"
    assert "finches" in answer.passages[0].text
    assert any(kind == "entity" for _, _, kind in answer.passages[0].marks)
    _cites_are_exact(answer, texts)


def test_a_relative_the_base_does_not_know_is_not_guessed(asker):
    assert asker.ask("When did FitzRoy's wife die?").status == "unknown"


def test_names_resolve_through_aliases_and_surnames(asker):
    q = asker.parser.parse("When did Mr Darwin sail from Plymouth?")
    assert "ent_darwin" in q.entities
    assert asker.parser.parse("Where did Charls Darwin die?").entities[:1] == ("ent_darwin",)
