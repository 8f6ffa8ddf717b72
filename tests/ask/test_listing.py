""""What did X do in PLACE?" lists only X's happenings at that place; "whatever happened to
X?" lists X's last dated happenings, each once, and cites a quote naming X."""
from __future__ import annotations

import pytest

TEXT = ("In 1640 the glazier Ansel Brede settled in Korvik. "
        "In 1641 Ansel Brede glazed the chapel windows in Korvik. "
        "In 1641 the miller Oda Fenn rebuilt the weir in Korvik. "
        "In 1642 Brede sailed to Lunsby. "
        "In 1643 Ansel Brede was fined in Lunsby for a broken pane. "
        "In 1643 the council of Lunsby fined the glazier Brede a second time. "
        "In 1644 Oda Fenn was buried in Korvik.\n")
DOC = "doc_glazier"


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}


def _year(y: int) -> dict:
    return {"edtf": str(y), "earliest": f"{y}-01-01", "latest": f"{y}-12-31", "basis": "explicit"}


def _ev(eid, kind, summary, year, where, who, phrase) -> dict:
    return {"id": eid, "kind": kind, "summary": summary, "when": _year(year), "where": where, "who": who,
            "sources": [DOC], "evidence": [dict(_span(phrase), when=_year(year))]}


def _export() -> dict:
    ents = [("ent_brede", "person", "Ansel Brede", ["Brede"]), ("ent_fenn", "person", "Oda Fenn", ["Fenn"]),
            ("ent_korvik", "place", "Korvik", []), ("ent_lunsby", "place", "Lunsby", [])]
    entities = [{"id": i, "type": t, "name": n, "aliases": a, "mentions": [_span(n)]} for i, t, n, a in ents]
    events = [
        _ev("evt_settle", "move", "Ansel Brede settles in Korvik", 1640, "ent_korvik", ["ent_brede"],
            "In 1640 the glazier Ansel Brede settled in Korvik."),
        _ev("evt_glaze", "work", "Ansel Brede glazes the chapel windows", 1641, "ent_korvik", ["ent_brede"],
            "In 1641 Ansel Brede glazed the chapel windows in Korvik."),
        _ev("evt_weir", "work", "Oda Fenn rebuilds the weir", 1641, "ent_korvik", ["ent_fenn"],
            "In 1641 the miller Oda Fenn rebuilt the weir in Korvik."),
        _ev("evt_sail", "travel", "Ansel Brede sails to Lunsby", 1642, "ent_lunsby", ["ent_brede"],
            "In 1642 Brede sailed to Lunsby."),
        # one fine told twice, left apart by the base: listed once
        _ev("evt_fine1", "punishment", "Ansel Brede is fined", 1643, "ent_lunsby", ["ent_brede"],
            "In 1643 Ansel Brede was fined in Lunsby for a broken pane."),
        _ev("evt_fine2", "punishment", "The council fines Brede", 1643, "ent_lunsby", ["ent_brede"],
            "In 1643 the council of Lunsby fined the glazier Brede a second time."),
        # names Brede among its participants by a wrong link, but the quote is of Fenn
        _ev("evt_burial", "burial", "Oda Fenn is buried", 1644, "ent_korvik", ["ent_fenn"],
            "In 1644 Oda Fenn was buried in Korvik."),
    ]
    documents = [{"id": DOC, "path": "glazier.txt", "title": "The glazier", "sha256": "0" * 64, "chars": len(TEXT)}]
    return {"format": "chronica-export/1", "generator": "tests/ask", "documents": documents,
            "entities": entities, "events": events, "conflicts": [], "relations": []}


@pytest.fixture(scope="module")
def glazier(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    return Asker(_export(), MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})


def _listed(answer) -> list[str]:
    assert all(TEXT[c.start:c.end] == c.text for c in answer.cites)
    return [i["event"] for i in answer.items]


def test_what_a_person_did_at_a_place_lists_only_their_happenings_there(glazier):
    answer = glazier.ask("What did Brede do in Korvik?")
    assert answer.question.kind == "what", answer.question
    assert _listed(answer) == ["evt_settle", "evt_glaze"], answer.text


def test_what_happened_at_a_place_in_a_year_lists_that_year_only(glazier):
    answer = glazier.ask("What happened in Korvik in 1641?")
    assert sorted(_listed(answer)) == ["evt_glaze", "evt_weir"], answer.text


def test_a_fate_lists_the_last_happenings_of_that_person_each_once(glazier):
    answer = glazier.ask("Whatever happened to Ansel Brede?")
    listed = _listed(answer)
    assert listed[0] in ("evt_fine1", "evt_fine2") and listed[1:] == ["evt_sail", "evt_glaze"], answer.text
    assert "evt_burial" not in listed
    assert all("Brede" in c.text for c in answer.cites)


def test_a_fate_after_a_happening_lists_only_what_came_later(glazier):
    answer = glazier.ask("What happened to Ansel Brede after he sailed to Lunsby?")
    listed = _listed(answer)
    assert listed and set(listed) <= {"evt_fine1", "evt_fine2"}, answer.text


def test_a_fate_after_a_place_lists_what_came_after_the_person_was_there(glazier):
    answer = glazier.ask("Whatever happened to Brede after Korvik?")
    listed = _listed(answer)
    assert listed and "evt_settle" not in listed and "evt_glaze" not in listed, answer.text


def test_a_fate_after_a_happening_the_base_does_not_date_is_not_guessed(glazier):
    answer = glazier.ask("What happened to Oda Fenn after she rebuilt the mill?")
    assert not any(i.get("event") in ("evt_weir",) for i in answer.items), answer.text
