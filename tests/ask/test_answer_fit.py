"""Answers built on the event that fits the question, not on a weaker or chance match.

A "who" answer names the participants of the best-fitting event only: a weaker event
that merely shares the question's kind must not lend its own participants as the answer."""
from __future__ import annotations

import pytest

TEXT = ("Queen Ysolde was born in 1170. Queen Ysolde lost the field at Harrowmere in 1204. "
        "Earlier that spring Ysolde launched a raid on the Grey Riders. "
        "Queen Ysolde died on 3 May 1220. At the time of her death she held three castles.\n")
DOC = "doc_chronicle"


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}


def _when(edtf: str) -> dict:
    return {"edtf": edtf, "earliest": f"{edtf}-01-01", "latest": f"{edtf}-12-31", "basis": "explicit"}


def _export() -> dict:
    entities = [
        {"id": "ent_ysolde", "type": "person", "name": "Queen Ysolde", "aliases": ["Ysolde"],
         "mentions": [_span("Queen Ysolde")]},
        {"id": "ent_riders", "type": "group", "name": "Grey Riders", "aliases": [], "mentions": [_span("Grey Riders")]},
        {"id": "ent_harrowmere", "type": "place", "name": "Harrowmere", "aliases": [], "mentions": [_span("Harrowmere")]},
    ]
    events = [
        {"id": "evt_birth", "kind": "birth", "summary": "Ysolde is born", "when": _when("1170"), "where": None,
         "who": ["ent_ysolde"], "evidence": [_span("Queen Ysolde was born in 1170.")], "sources": [DOC]},
        {"id": "evt_battle", "kind": "attack", "summary": "Battle of Harrowmere", "when": _when("1204"),
         "where": "ent_harrowmere", "who": ["ent_ysolde"],
         "evidence": [_span("Queen Ysolde lost the field at Harrowmere in 1204.")], "sources": [DOC]},
        {"id": "evt_raid", "kind": "attack", "summary": "Ysolde launches a raid on the Grey Riders", "when": _when("1204"),
         "where": None, "who": ["ent_ysolde", "ent_riders"],
         "evidence": [_span("Earlier that spring Ysolde launched a raid on the Grey Riders.")], "sources": [DOC]},
    ]
    dated = {"edtf": "1220-05-03", "earliest": "1220-05-03", "latest": "1220-05-03"}
    events.append({"id": "evt_death", "kind": "death", "summary": "Ysolde dies", "when": dict(dated, basis="explicit"),
                   "where": None, "who": ["ent_ysolde"], "sources": [DOC],
                   "evidence": [dict(_span("Queen Ysolde died on 3 May 1220."), when=dict(dated, basis="explicit")),
                                dict(_span("At the time of her death she held three castles."),
                                     when=dict(dated, basis="relative"))]})
    documents = [{"id": DOC, "path": "chronicle.txt", "title": "A chronicle", "sha256": "0" * 64, "chars": len(TEXT)}]
    return {"format": "chronica-export/1", "generator": "tests/ask", "documents": documents,
            "entities": entities, "events": events, "conflicts": [], "relations": []}


@pytest.fixture(scope="module")
def chronicle_asker(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    return Asker(_export(), MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})


def test_who_does_not_borrow_a_weaker_events_participants(chronicle_asker):
    answer = chronicle_asker.ask("Who defeated Ysolde at Harrowmere?")
    assert "Grey Riders" not in answer.values, answer.text
    assert answer.status == "unknown"


def test_who_names_the_best_events_other_participant(chronicle_asker):
    answer = chronicle_asker.ask("Who did Ysolde raid?")
    assert answer.values == ["Grey Riders"], answer.text
    assert answer.cites and all(TEXT[c.start:c.end] == c.text for c in answer.cites)


def test_an_age_is_not_computed_from_an_event_matched_by_a_chance_word(chronicle_asker):
    # "spring" is in the raid's sentence, but nothing tells of a pilgrimage
    answer = chronicle_asker.ask("How old was Ysolde when she took the spring pilgrimage?")
    assert answer.status == "unknown", answer.text


def test_an_age_is_computed_from_the_event_the_verb_names(chronicle_asker):
    answer = chronicle_asker.ask("How old was Ysolde when she raided the Grey Riders?")
    assert answer.computed and answer.values == ["33–34"], answer.text


def test_a_date_is_cited_where_the_document_states_it(chronicle_asker):
    # the second mention of the death is dated only by reference: it does not prove the date
    answer = chronicle_asker.ask("When did Ysolde die?")
    assert answer.values == ["1220-05-03"], answer.text
    assert [c.text for c in answer.cites] == ["Queen Ysolde died on 3 May 1220."]



def _question(words: tuple[str, ...]):
    from chronica.ask.model import Question
    return Question(text="When did Ysolde ...?", kind="when", entities=("ent_ysolde",), names=("Ysolde",),
                    predicate=None, predicate_forms=(), event_kinds=(), words=words, period=None,
                    period_text=None, role=None, of_role=None)


def test_a_when_answer_needs_an_event_that_tells_the_asked_action(chronicle_asker):
    # with no predicate recognised, the question's word carries the action: no stored event
    # tells of a coronation, so the raid and the battle (which only share her name) do not answer
    from chronica.ask.answers import answer_when
    assert answer_when(chronicle_asker.base, _question(("coronation",))) is None
    raid = answer_when(chronicle_asker.base, _question(("raid",)))
    assert raid is not None and raid.values == ["1204"], raid
