"""A "who" answer names the participants of the best-fitting event only: a weaker event
that merely shares the question's kind must not lend its own participants as the answer."""
from __future__ import annotations

import pytest

TEXT = ("Queen Ysolde lost the field at Harrowmere in 1204. "
        "Earlier that spring Ysolde launched a raid on the Grey Riders.\n")
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
        {"id": "evt_battle", "kind": "attack", "summary": "Battle of Harrowmere", "when": _when("1204"),
         "where": "ent_harrowmere", "who": ["ent_ysolde"],
         "evidence": [_span("Queen Ysolde lost the field at Harrowmere in 1204.")], "sources": [DOC]},
        {"id": "evt_raid", "kind": "attack", "summary": "Ysolde launches a raid on the Grey Riders", "when": _when("1204"),
         "where": None, "who": ["ent_ysolde", "ent_riders"],
         "evidence": [_span("Earlier that spring Ysolde launched a raid on the Grey Riders.")], "sources": [DOC]},
    ]
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
