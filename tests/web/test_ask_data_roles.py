"""The report's ask data carries the participants' parts the store keeps (store.roles), on
the asker's joined people, and which participants each quote tells the event of, so that
ask.js lists and names as `chronica ask` does (ask/roles.py, ask/listing.py)."""
from __future__ import annotations

from chronica.web.ask_report import ask_data
from chronica.web.kb import KnowledgeBase
from chronica.web.links import Links

TEXT = ("Marta Kovacs reached the harbour town in spring. A customs officer searched Marta Kovacs. "
        "The ferry left without her.")


def _span(text: str) -> dict:
    start = TEXT.index(text)
    return {"document": "d1", "start": start, "end": start + len(text), "text": text}


def _export() -> dict:
    return {
        "documents": [{"id": "d1", "title": "A harbour diary"}],
        "entities": [
            {"id": "p1", "type": "person", "name": "Marta Kovacs", "aliases": ["Kovacs"], "mentions": []},
            {"id": "p2", "type": "person", "name": "Ivo Brandt", "aliases": [], "mentions": []},
        ],
        "events": [
            {"id": "e1", "kind": "movement", "summary": "Marta Kovacs reaches the harbour", "who": ["p1"],
             "evidence": [_span("Marta Kovacs reached the harbour town in spring.")]},
            {"id": "e2", "kind": "search", "summary": "An officer searches Marta Kovacs", "who": ["p2", "p1"],
             "evidence": [_span("A customs officer searched Marta Kovacs.")]},
            {"id": "e3", "kind": "movement", "summary": "The ferry leaves", "who": ["p1"],
             "evidence": [_span("The ferry left without her.")]},
        ],
        "relations": [], "conflicts": [],
    }


def _data(roles: dict) -> dict:
    kb = KnowledgeBase.from_export(_export(), {"d1": TEXT})
    kb.roles = roles
    return ask_data(kb, Links("report"))


def test_events_carry_the_stored_parts():
    events = {ev["id"]: ev for ev in _data({"e2": {"p2": "agent", "p1": "patient"}})["events"]}
    assert events["e2"]["roles"] == {"p2": "agent", "p1": "patient"}
    assert "roles" not in events["e1"]  # the sources did not say: any part fits


def test_a_base_without_parts_exports_none():
    assert all("roles" not in ev for ev in _data({})["events"])


def test_each_quote_says_whom_it_tells_the_event_of():
    events = {ev["id"]: ev for ev in _data({})["events"]}
    assert events["e1"]["told"] == [["p1"]]
    assert events["e2"]["told"] == [["p1"]]  # "a customs officer" does not name Ivo Brandt
    assert events["e3"]["told"] == [["p1"]]  # "her": a pronoun the extraction took for her


def test_the_rules_carry_the_wanted_parts():
    rules = _data({})["rules"]
    assert set(rules["wanted"]["told"]) == {"agent", "subject"}
    assert "happen" in rules["undergo"]
