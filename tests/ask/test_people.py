"""One person stored as two entities ("Mr. Quill", "Edmund Quill") is asked about as one;
a short name two different people could bear ("Quill" beside "Edmund Quill" and
"Sarah Quill") joins neither."""
from __future__ import annotations

import pytest

from chronica.ask.people import join_people, split_people

TEXT = ("Edmund Quill opened a print shop in Dunmere in 1790. "
        "Mr. Quill died at Dunmere on 9 October 1811.\n")
DOC = "doc_printer"


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}


def _person(eid: str, name: str, aliases=(), mentions=()) -> dict:
    return {"id": eid, "type": "person", "name": name, "aliases": list(aliases), "mentions": list(mentions)}


def test_a_short_form_joins_the_one_full_name_it_fits():
    moved = split_people([_person("a", "Edmund Quill"), _person("b", "Mr. Quill"), _person("c", "Ada Finch")])
    assert moved == {"b": "a"}


def test_a_short_form_two_full_names_fit_joins_neither():
    people = [_person("a", "Edmund Quill"), _person("b", "Quill"), _person("c", "Sarah Quill")]
    assert split_people(people) == {}


def test_different_given_names_are_never_joined():
    assert split_people([_person("a", "Edmund Quill"), _person("c", "Sarah Quill")]) == {}


def test_initials_join_the_full_name():
    assert split_people([_person("a", "Edmund Quill"), _person("b", "E. Quill")]) == {"b": "a"}


def _export() -> dict:
    day = {"edtf": "1811-10-09", "earliest": "1811-10-09", "latest": "1811-10-09", "basis": "explicit"}
    year = {"edtf": "1790", "earliest": "1790-01-01", "latest": "1790-12-31", "basis": "explicit"}
    entities = [_person("ent_edmund", "Edmund Quill", ["Quill"], [_span("Edmund Quill")]),
                _person("ent_mr", "Mr. Quill", [], [_span("Mr. Quill")]),
                {"id": "ent_dunmere", "type": "place", "name": "Dunmere", "aliases": [], "mentions": [_span("Dunmere")]}]
    events = [
        {"id": "evt_shop", "kind": "founding", "summary": "Edmund Quill opens a print shop", "when": year,
         "where": "ent_dunmere", "who": ["ent_edmund"], "sources": [DOC],
         "evidence": [dict(_span("Edmund Quill opened a print shop in Dunmere in 1790."), when=year)]},
        {"id": "evt_death", "kind": "death", "summary": "Mr. Quill dies", "when": day, "where": "ent_dunmere",
         "who": ["ent_mr"], "sources": [DOC], "evidence": [dict(_span("Mr. Quill died at Dunmere on 9 October 1811."), when=day)]},
    ]
    documents = [{"id": DOC, "path": "printer.txt", "title": "The printer", "sha256": "0" * 64, "chars": len(TEXT)}]
    relations = [{"id": "rel_1", "source": "ent_mr", "target": "ent_edmund", "kind": "same", "label": "same"}]
    return {"format": "chronica-export/1", "generator": "tests/ask", "documents": documents,
            "entities": entities, "events": events, "conflicts": [], "relations": relations}


def test_the_joined_export_moves_events_and_drops_self_relations():
    export = _export()
    joined = join_people(export)
    assert [e["id"] for e in joined["entities"] if e["type"] == "person"] == ["ent_edmund"]
    assert next(ev for ev in joined["events"] if ev["id"] == "evt_death")["who"] == ["ent_edmund"]
    assert joined["relations"] == []
    assert export["events"][1]["who"] == ["ent_mr"]  # the stored facts are untouched


@pytest.fixture(scope="module")
def printer(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    return Asker(_export(), MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})


def test_the_full_name_finds_the_death_told_of_the_short_form(printer):
    answer = printer.ask("When did Edmund Quill die?")
    assert answer.values == ["1811-10-09"], answer.text
    assert [c.text for c in answer.cites] == ["Mr. Quill died at Dunmere on 9 October 1811."]
