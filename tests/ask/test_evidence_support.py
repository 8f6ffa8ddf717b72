"""Cited evidence must really support the answer: a place the text only heads for is not
where something happened, an appointment does not answer "who succeeded", a legend or a
speaker's quoted words do not stand for what happened, and a question naming a battle's
place is not answered by another battle."""
from __future__ import annotations

import pytest
from annals_corpus import DOC, TEXT, make_annals  # tests/web, on the path through conftest

from chronica.ask.support import hedged, located_at


@pytest.fixture(scope="module")
def annals(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    return Asker(make_annals(), MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})


def test_hedges_mark_the_answering_clause_not_a_later_aside():
    assert hedged("You may have heard the story: on a May morning the king fell.")
    assert hedged('At the moot he stated: "I burned the ships."')
    text = "He died at Felgate, of a fever, and was buried, according to legend, under the river."
    assert not hedged(text, text.index("Felgate"))
    assert hedged(text, text.index("buried"))


def test_a_place_headed_for_is_not_where_it_happened():
    text = "Oswin died on his way to Marrowby."
    assert not located_at(text, text.index("Marrowby"))
    text = "Oswin died at Felgate."
    assert located_at(text, text.index("Felgate"))


def test_where_answers_with_the_place_a_span_puts_the_death_at(annals):
    answer = annals.ask("Where did Oswin die?")
    assert answer.values == ["Felgate"], answer.text
    assert [c.text for c in answer.cites] == ["Oswin died at Felgate in 881, of a fever."]


def test_an_appointment_does_not_answer_who_succeeded(annals):
    answer = annals.ask("Who succeeded Oswin?")
    assert "council" not in " ".join(answer.values), answer.text
    assert not any("appointed" in c.text for c in answer.cites)


def test_a_legend_or_a_quoted_claim_does_not_stand_for_what_happened(annals):
    answer = annals.ask("What happened at Dunholt?")
    assert answer.known, answer.text
    cited = " ".join(c.text for c in answer.cites)
    assert "beat the raiders" in cited
    assert "legend" not in cited and "stated" not in cited


def test_a_question_naming_another_battles_place_gets_no_answer_from_this_one(annals):
    answer = annals.ask("Who beat the raiders at Brackenford?")
    assert answer.status == "unknown", answer.text
    assert not answer.cites


def test_someone_elses_death_does_not_tell_of_the_asked_persons():
    from chronica.ask.model import Question
    from chronica.ask.support import action_at
    q = Question("Where did Oswin die?", "where", ("ent_oswin",), ("Oswin",), "die", (), ("death",))
    assert action_at("A rider brought Oswin news of Cadric's death.", q) is None
    assert action_at("Oswin's sudden death shocked the court.", q) is not None
    assert action_at("Oswin died at Felgate.", q) is not None


def test_a_question_in_the_text_asks_rather_than_states():
    assert hedged("And so the clerk burned the ledger himself?")
    assert hedged("“Did the clerk burn the ledger?”")
    assert not hedged("The clerk burned the ledger in March.")
