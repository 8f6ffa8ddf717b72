"""Births and deaths asked about a person no stored event of that kind names: read from
the life's span written after the name, or from a stored death whose sentence is about
the person ("He died there in 1844" after sentences about him)."""
from __future__ import annotations

import pytest

TEXT = ("Ada Finch (1790 – 3 May 1851) was a weaver in Holmfirth.\n\n"
        "Jonas Reed moved to Leeds in 1820. He opened a mill on the river. He died there in 1844.\n\n"
        "Tom Hebble (born 1802) kept the toll gate.\n")
DOC = "doc_weavers"


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}


def _person(eid: str, name: str) -> dict:
    return {"id": eid, "type": "person", "name": name, "aliases": [], "mentions": [_span(name)]}


def _export() -> dict:
    year = {"edtf": "1844", "earliest": "1844-01-01", "latest": "1844-12-31", "basis": "explicit"}
    events = [  # the extractor found the death but not whose it was
        {"id": "evt_death", "kind": "death", "summary": "Someone dies", "when": year, "where": None, "who": [],
         "sources": [DOC], "evidence": [dict(_span("He died there in 1844."), when=year)]},
    ]
    documents = [{"id": DOC, "path": "weavers.txt", "title": "Weavers", "sha256": "0" * 64, "chars": len(TEXT)}]
    return {"format": "chronica-export/1", "generator": "tests/ask", "documents": documents,
            "entities": [_person("ent_ada", "Ada Finch"), _person("ent_jonas", "Jonas Reed"),
                         _person("ent_tom", "Tom Hebble")],
            "events": events, "conflicts": [], "relations": []}


@pytest.fixture(scope="module")
def weavers(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    return Asker(_export(), MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})


@pytest.mark.parametrize("question, value", [("When did Ada Finch die?", "1851-05-03"),
                                             ("When was Ada Finch born?", "1790"),
                                             ("When was Tom Hebble born?", "1802")])
def test_a_life_span_after_the_name_gives_birth_and_death(weavers, question, value):
    answer = weavers.ask(question)
    assert answer.values == [value], answer.text
    assert all(TEXT[c.start:c.end] == c.text and "(" in c.text for c in answer.cites) and answer.cites


def test_a_death_told_with_he_after_sentences_about_the_person(weavers):
    answer = weavers.ask("When did Jonas Reed die?")
    assert answer.values == ["1844"], answer.text
    assert any(c.text == "He died there in 1844." for c in answer.cites)


def test_a_death_no_text_tells_is_not_guessed(weavers):
    assert weavers.ask("When did Tom Hebble die?").status == "unknown"
    assert weavers.ask("When did Ada Finch move to Leeds?").status == "unknown"


def test_whatever_happened_ends_with_the_death_the_texts_write(weavers):
    answer = weavers.ask("Whatever happened to Ada Finch?")
    assert answer.values[:1] == ["1851-05-03"], answer.text
    assert "dies" in answer.text and answer.cites[0].text.startswith("Ada Finch (1790")
