"""One event per coordinated predicate, shared adjuncts and subjects, named references
to happenings, and plural subjects that stand for people named together."""
from __future__ import annotations

import pytest

from chronica.extract.events import find_events
from chronica.extract.events_lexicon import load_lexicon

from .test_events import make_doc


def _events(nlp, text, **kw):  # noqa: F811
    doc = make_doc(nlp, text, **kw)
    return find_events(doc, load_lexicon(), nlp=nlp)


@pytest.mark.parametrize("text, kw, expected", [
    # two passives in a row: two happenings, the trailing place belongs to both
    ("Halvorsen and Dietz were arrested and tried in Bergen.",
     dict(people=["Halvorsen", "Dietz"], places=["Bergen"]),
     [("arrest", "k_bergen"), ("trial", "k_bergen")]),
    # a list of stops told in sequence: one move per stop
    ("Vasek drifted for years, moving first to Spain, then Holland, before eventually settling in Lisbon.",
     dict(people=["Vasek"], places=["Spain", "Holland", "Lisbon"]),
     [("movement", "k_spain"), ("movement", "k_holland"), ("residence", "k_lisbon")]),
    # two places visited together stay one journey
    ("He travelled to France and Belgium in 1920.",
     dict(places=["France", "Belgium"], dates={"1920": "1920"}), [("movement", "k_france")]),
    # an idiom is no happening; the event noun it governs is
    ("The meeting took place in Vienna in 1913.",
     dict(places=["Vienna"], dates={"1913": "1913"}), [("meeting", "k_vienna")]),
])
def test_events_coordination_one_event_per_predicate(nlp, text, kw, expected):  # noqa: F811
    assert [(e.kind, e.where) for e in _events(nlp, text, **kw)] == expected


def test_events_coordination_dates_stay_with_their_verb(nlp):  # noqa: F811
    evs = _events(nlp, "The bridge was destroyed in 1944 and then rebuilt in 1950.",
                  dates={"1944": "1944", "1950": "1950"})
    assert [e.when.edtf for e in evs] == ["1944", "1950"]
    assert "1950" not in evs[0].evidence.text


@pytest.mark.parametrize("text, kw, who", [
    ("Vasek roamed for years, before eventually settling in Lisbon.",
     dict(people=["Vasek"], places=["Lisbon"]), ["k_vasek"]),
    ("Hentzau and Detchard met at the inn. They rode 20 miles toward Tarlenheim.",
     dict(people=["Hentzau", "Detchard"], places=["Tarlenheim"]), ["k_hentzau", "k_detchard"]),
    ("Duke Michael and his wife Antoinette left Strelsau. The couple reached Zenda by coach.",
     dict(people=["Duke Michael", "Antoinette"], places=["Zenda", "Strelsau"]), ["k_duke_michael", "k_antoinette"]),
])
def test_events_coordination_participants(nlp, text, kw, who):  # noqa: F811
    assert _events(nlp, text, **kw)[-1].who == who


def test_events_coordination_named_reference_is_an_event(nlp):  # noqa: F811
    evs = _events(nlp, "After Lenin's death, Stalin took control of the party.", people=["Lenin", "Stalin"])
    assert [(e.kind, e.who) for e in evs] == [("death", ["k_lenin"]), ("political", ["k_stalin"])]


def test_events_coordination_reference_to_a_told_happening_is_dropped(nlp):  # noqa: F811
    evs = _events(nlp, "Ortega died in 1924. After Ortega's death, Vidal exiled Brenner.",
                  people=["Ortega", "Vidal", "Brenner"], dates={"1924": "1924"})
    assert [e.kind for e in evs if e.kind == "death"] == ["death"]


def test_events_coordination_pronoun_reference_makes_no_event(nlp):  # noqa: F811
    evs = _events(nlp, "After his death, the regent banished Vasek from the court.", people=["Vasek"])
    assert [e.kind for e in evs] == ["exile"]


def test_events_coordinated_past_tense_does_not_share_a_modal(nlp):  # noqa: F811
    # "could hear" is only a capacity; "rode off" is told as fact
    events = _events(nlp, "Outside, the groom could hear the shouting and rode off on his mule.")
    assert [e.kind for e in events] == ["movement"]


def test_events_coordinated_bare_verb_shares_the_modal(nlp):  # noqa: F811
    assert _events(nlp, "Pilgrims could simply knock at the gate and meet the abbot.") == []
