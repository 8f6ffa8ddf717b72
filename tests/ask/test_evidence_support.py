"""Cited evidence must really support the answer: a place the text only heads for is not
where something happened, an appointment does not answer "who succeeded", a legend or a
speaker's quoted words do not stand for what happened, and a question naming a battle's
place is not answered by another battle."""
from __future__ import annotations

import pytest

from chronica.ask.support import hedged, located_at

TEXT = ("King Oswin marched south in 880. Oswin died on his way to Marrowby in 881. "
        "Oswin died at Felgate in 881, of a fever. "
        "The council appointed Oswin warden of the marches in 870. "
        "Oswin was succeeded by his nephew Cadric in 881. "
        "Oswin beat the raiders near Dunholt in 875. "
        "Some say, according to legend, Oswin slew a giant at Dunholt in 876. "
        "At the moot Oswin stated: \"I burned the ships at Dunholt in 877.\"\n")
DOC = "doc_annals"


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}


def _when(year: str) -> dict:
    year = year.zfill(4)  # EDTF years have four digits
    return {"edtf": year, "earliest": f"{year}-01-01", "latest": f"{year}-12-31", "basis": "explicit"}


def _event(eid, kind, summary, year, where, who, *phrases) -> dict:
    return {"id": eid, "kind": kind, "summary": summary, "when": _when(year), "where": where, "who": who,
            "evidence": [_span(p) for p in phrases], "sources": [DOC]}


def _export() -> dict:
    def place(pid: str, name: str) -> dict:
        at = [i for i in range(len(TEXT)) if TEXT.startswith(name, i)]
        return {"id": pid, "type": "place", "name": name, "aliases": [],
                "mentions": [{"document": DOC, "start": i, "end": i + len(name), "text": name} for i in at]}

    entities = [
        {"id": "ent_oswin", "type": "person", "name": "King Oswin", "aliases": ["Oswin"], "mentions": [_span("King Oswin")]},
        {"id": "ent_cadric", "type": "person", "name": "Cadric", "aliases": [], "mentions": [_span("Cadric")]},
        {"id": "ent_council", "type": "organization", "name": "council", "aliases": [], "mentions": [_span("council")]},
        place("ent_marrowby", "Marrowby"), place("ent_felgate", "Felgate"), place("ent_dunholt", "Dunholt"),
    ]
    events = [
        # one death told two ways; the merged event kept the place the first source heads for
        _event("evt_death", "death", "Oswin dies", "881", "ent_marrowby", ["ent_oswin"],
               "Oswin died on his way to Marrowby in 881.", "Oswin died at Felgate in 881, of a fever."),
        _event("evt_warden", "appointment", "The council appoints Oswin", "870", None, ["ent_council", "ent_oswin"],
               "The council appointed Oswin warden of the marches in 870."),
        _event("evt_beat", "attack", "Oswin beats the raiders near Dunholt", "875", "ent_dunholt", ["ent_oswin"],
               "Oswin beat the raiders near Dunholt in 875."),
        _event("evt_giant", "attack", "Oswin slays a giant", "876", "ent_dunholt", ["ent_oswin"],
               "Some say, according to legend, Oswin slew a giant at Dunholt in 876."),
        _event("evt_ships", "attack", "Oswin burns the ships", "877", "ent_dunholt", ["ent_oswin"],
               "At the moot Oswin stated: \"I burned the ships at Dunholt in 877.\""),
    ]
    documents = [{"id": DOC, "path": "annals.txt", "title": "Annals", "sha256": "0" * 64, "chars": len(TEXT)}]
    return {"format": "chronica-export/1", "generator": "tests/ask", "documents": documents,
            "entities": entities, "events": events, "conflicts": [], "relations": []}


@pytest.fixture(scope="module")
def annals(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    return Asker(_export(), MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})


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
