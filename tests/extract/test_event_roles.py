"""Each participant's part in an event its clause tells: the doer (agent), the subject of
a passive clause (subject), the object (patient), or someone merely beside it (other);
none for an event noun."""
from __future__ import annotations

import pytest

from .test_events import events_of

PEOPLE = ["Ansel Brede", "Oda Fenn"]


def _parts(doc, ev) -> dict[str, str]:
    return {doc.entity(k).name: part for k, part in ev.roles.items()}


@pytest.mark.parametrize("text, kind, want", [
    ("In 1641 Ansel Brede sailed to the coast.", None, {"Ansel Brede": "agent"}),
    ("In 1643 Ansel Brede was arrested by Oda Fenn.", None, {"Ansel Brede": "subject", "Oda Fenn": "agent"}),
    ("In 1643 Oda Fenn arrested Ansel Brede.", "arrest", {"Ansel Brede": "patient", "Oda Fenn": "agent"}),
    ("In 1644 Oda Fenn travelled to the coast with Ansel Brede.", None, {"Oda Fenn": "agent", "Ansel Brede": "other"}),
])
def test_a_clause_gives_each_participant_a_part(nlp, text, kind, want):
    doc, events = events_of(nlp, text, people=PEOPLE, dates={"1641": "1641", "1643": "1643", "1644": "1644"})
    evs = [e for e in events if kind is None or e.kind == kind]
    assert evs, [(e.kind, e.summary) for e in events]
    assert _parts(doc, evs[0]) == want
    assert set(evs[0].roles) <= set(evs[0].who)


def test_an_event_noun_says_no_part(nlp):
    doc, events = events_of(nlp, "After Ansel Brede's death in 1650 the workshop closed.",
                            people=PEOPLE, dates={"1650": "1650"})
    deaths = [e for e in events if e.kind == "death"]
    assert deaths and all(not e.roles for e in deaths)


@pytest.mark.parametrize("text, kind", [
    # "left" parsed as a complement of "was elected": the series shares one subject
    ("Ansel Brede sang at the fair. Unhappy, he left the navy, was elected head of the guild in 1650.",
     "appointment"),
    ("Oda Fenn sailed to the coast in 1650. Weary of the sea, she sold the ship, was appointed harbour master.",
     "appointment"),
])
def test_a_series_of_verbs_shares_its_subject(nlp, text, kind):
    doc, events = events_of(nlp, text, people=PEOPLE, dates={"1650": "1650"})
    ev = next(e for e in events if e.kind == kind)
    assert [doc.entity(k).name for k in ev.who] == [PEOPLE[0] if "Ansel" in text else PEOPLE[1]]
