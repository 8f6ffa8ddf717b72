""""Who was X's mother?" read from a sentence about X that writes "her mother NAME" when
the base stores no such relation; a "his"/"her" belonging to someone else does not count."""
from __future__ import annotations

import pytest

TEXT = ("Ilse Brandt left Hamelin in 1840 with her mother Greta Voss and two trunks. "
        "The innkeeper Otto Krell greeted his daughter, Lina Krell, at the gate.\n")
DOC = "doc_journey"


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}


def _ent(eid: str, name: str) -> dict:
    return {"id": eid, "type": "person", "name": name, "aliases": [], "mentions": [_span(name)]}


@pytest.fixture(scope="module")
def journey(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    documents = [{"id": DOC, "path": "journey.txt", "title": "Journey", "sha256": "0" * 64, "chars": len(TEXT)}]
    export = {"format": "chronica-export/1", "generator": "tests/ask", "documents": documents, "events": [],
              "entities": [_ent("ent_ilse", "Ilse Brandt"), _ent("ent_greta", "Greta Voss"),
                           _ent("ent_otto", "Otto Krell"), _ent("ent_lina", "Lina Krell")],
              "conflicts": [], "relations": []}
    return Asker(export, MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})


def test_her_mother_name_after_the_person(journey):
    answer = journey.ask("Who was Ilse Brandt's mother?")
    assert answer.values == ["Greta Voss"], answer.text
    assert [c.text for c in answer.cites] == [TEXT.split(". ")[0] + "."]


def test_the_relation_word_must_be_the_one_asked(journey):
    assert journey.ask("Who was Ilse Brandt's sister?").status == "unknown"


def test_someone_elses_his_does_not_answer(journey):
    # "his daughter" is Otto Krell's: Ilse Brandt has no daughter in the text
    assert journey.ask("Who was Ilse Brandt's daughter?").status == "unknown"
    assert journey.ask("Who was Otto Krell's daughter?").values == ["Lina Krell"]
