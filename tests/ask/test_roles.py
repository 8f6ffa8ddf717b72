""""What did X do?", "whatever happened to X?" and "who VERBed X?" read the participants'
parts: an event X merely stands beside is not listed as X's, and "who" names the doer."""
from __future__ import annotations

import pytest

TEXT = ("In 1701 Mirel Stark crossed the pass to Vell. "
        "In 1702 a herdsman leapt into Mirel Stark's path at Vell and Tobin Rusk fell from the bridge. "
        "In 1703 the council of Vell exiled Mirel Stark. "
        "In 1704 Tobin Rusk seized Mirel Stark at the ford.\n")
DOC = "doc_pass"


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}


def _year(y: int) -> dict:
    return {"edtf": str(y), "earliest": f"{y}-01-01", "latest": f"{y}-12-31", "basis": "explicit"}


def _ev(eid, kind, summary, year, who, roles, phrase) -> dict:
    return {"id": eid, "kind": kind, "summary": summary, "when": _year(year), "where": "ent_vell", "who": who,
            "sources": [DOC], "evidence": [dict(_span(phrase), when=_year(year))], "roles": roles}


def _export() -> dict:
    ents = [("ent_stark", "person", "Mirel Stark", ["Stark"]), ("ent_rusk", "person", "Tobin Rusk", ["Rusk"]),
            ("ent_vell", "place", "Vell", [])]
    entities = [{"id": i, "type": t, "name": n, "aliases": a, "mentions": [_span(n)]} for i, t, n, a in ents]
    events = [
        _ev("evt_cross", "movement", "Mirel Stark crosses the pass", 1701, ["ent_stark"], {"ent_stark": "agent"},
            "In 1701 Mirel Stark crossed the pass to Vell."),
        # Stark only stands beside this fall (a wrong link a participant list cannot tell apart)
        _ev("evt_fall", "accident", "Tobin Rusk falls from the bridge", 1702, ["ent_rusk", "ent_stark"],
            {"ent_rusk": "agent", "ent_stark": "other"},
            "In 1702 a herdsman leapt into Mirel Stark's path at Vell and Tobin Rusk fell from the bridge."),
        _ev("evt_exile", "exile", "The council exiles Mirel Stark", 1703, ["ent_stark"], {"ent_stark": "patient"},
            "In 1703 the council of Vell exiled Mirel Stark."),
        _ev("evt_seize", "arrest", "Tobin Rusk seizes Mirel Stark", 1704, ["ent_rusk", "ent_stark"],
            {"ent_rusk": "agent", "ent_stark": "patient"}, "In 1704 Tobin Rusk seized Mirel Stark at the ford."),
    ]
    documents = [{"id": DOC, "path": "pass.txt", "title": "The pass", "sha256": "1" * 64, "chars": len(TEXT)}]
    return {"format": "chronica-export/1", "generator": "tests/ask", "documents": documents,
            "entities": entities, "events": events, "conflicts": [], "relations": []}


@pytest.fixture(scope="module")
def asker(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    return Asker(_export(), MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})


def _listed(answer) -> list[str]:
    return [i["event"] for i in answer.items]


def test_what_a_person_did_lists_what_they_did(asker):
    answer = asker.ask("What did Mirel Stark do?")
    assert answer.question.part == "told"
    assert _listed(answer) == ["evt_cross"], answer.text


def test_whatever_happened_lists_what_they_did_or_underwent_not_what_they_stood_beside(asker):
    listed = _listed(asker.ask("Whatever happened to Mirel Stark?"))
    assert listed[:2] == ["evt_seize", "evt_exile"] and "evt_fall" not in listed, listed


def test_who_names_the_doer_and_not_the_one_it_befell(asker):
    answer = asker.ask("Who seized Mirel Stark?")
    assert (answer.question.part, answer.question.answer_part) == ("patient", "agent")
    assert answer.values == ["Tobin Rusk"], answer.text
    assert asker.ask("Who did Mirel Stark seize?").values != ["Tobin Rusk"]


def test_a_base_without_parts_lists_every_event_the_person_takes_part_in(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    export = _export()
    export["events"] = [{k: v for k, v in ev.items() if k != "roles"} for ev in export["events"]]
    plain = Asker(export, MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})
    assert "evt_fall" in _listed(plain.ask("Whatever happened to Mirel Stark?"))


def test_who_at_a_place_is_not_answered_by_the_happening_elsewhere(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    text = TEXT + "In 1705 Mirel Stark rode on to Dunmere.\n"
    export = _export()
    start = text.index("Dunmere")
    export["entities"].append({"id": "ent_dunmere", "type": "place", "name": "Dunmere", "aliases": [],
                               "mentions": [{"document": DOC, "start": start, "end": start + 7, "text": "Dunmere"}]})
    asker = Asker(export, MemoryPassages({DOC: text}), nlp, texts={DOC: text})
    from chronica.ask.answers import answer_who
    assert answer_who(asker.base, asker.parser.parse("Who seized Mirel Stark?")).values == ["Tobin Rusk"]
    # the answerer itself picks no event, before any check of the quotes
    assert answer_who(asker.base, asker.parser.parse("Who seized Mirel Stark at Dunmere?")) is None
    assert asker.ask("Who seized Mirel Stark at Dunmere?").values != ["Tobin Rusk"]


def test_what_someone_did_is_not_answered_by_what_others_did_to_them(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    export = _export()
    export["events"] = [ev for ev in export["events"] if ev["id"] != "evt_cross"]  # Stark now only undergoes
    asker = Asker(export, MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})
    from chronica.ask.listing import answer_what
    assert answer_what(asker.base, asker.parser.parse("What did Mirel Stark do?")) is None
    assert "evt_fall" not in _listed(asker.ask("Whatever happened to Mirel Stark?"))
