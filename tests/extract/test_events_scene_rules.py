"""Rules that keep one happening one event across sources: a lead's lifespan, a scene's
day carried into the next paragraph, a meeting that opens an attack."""
from __future__ import annotations

import pytest

from chronica.extract.events import words_of
from chronica.extract.events_lifespan import to_when
from chronica.model import Timex

from .test_events import events_of


@pytest.mark.parametrize("text, want", [
    ("3 March 1801", "1801-03-03"),
    ("March 3, 1801", "1801-03-03"),
    ("1801", "1801"),
    ("spring", None),
])
def test_events_lifespan_date_forms(text, want):
    w = to_when(text)
    assert (w.edtf if w else None) == want


@pytest.mark.parametrize("text, cue", [
    ("the nineteen-year-old clerk ran", False),
    ("two years on, the clerk ran", True),
])
def test_events_scene_words_keep_hyphenated_compounds(text, cue):
    assert ("years" in words_of(text) or "year" in words_of(text)) == cue


@pytest.mark.parametrize("lead", [
    "Ada Quill (3 March 1801 – 9 May 1860) was a lighthouse keeper in Brittany.",
    "Ada Quill (, ; 3 March 18019 May 1860) was a lighthouse keeper in Brittany.",  # dash lost
])
def test_events_lifespan_dates_birth_and_early_life(nlp, lead):
    text = (f"{lead} She died on 9 May 1860 in Brest.\n\n"
            "Ada Quill was born in Morlaix. Ada Quill moved to Brest with her uncle.")
    doc, events = events_of(nlp, text, people=["Ada Quill"], places=["Brittany", "Brest", "Morlaix"],
                            dates={"9 May 1860": "1860-05-09"})
    births = [e for e in events if e.kind == "birth"]
    assert len(births) == 1 and births[0].when.edtf == "1801-03-03"
    assert births[0].evidence.text.startswith("Ada Quill was born")
    moved = next(e for e in events if e.kind == "movement")
    assert moved.when.edtf == "1801" and moved.when.basis == "inferred"  # not the death year


def test_events_lifespan_makes_untold_birth(nlp):
    text = "Ada Quill (3 March 1801 – 9 May 1860) was a lighthouse keeper in Brittany."
    doc, events = events_of(nlp, text, people=["Ada Quill"], places=["Brittany"])
    kinds = {e.kind: e for e in events}
    assert kinds["birth"].when.edtf == "1801-03-03" and kinds["death"].when.edtf == "1860-05-09"
    for e in events:
        assert doc.text[e.evidence.start:e.evidence.end] == e.evidence.text


@pytest.mark.parametrize("second, want", [
    ("Just before 9 a.m. on Sunday, Garibaldi crossed into Como.", "1859-06-04"),  # the same scene, by the hour
    ("Garibaldi crossed into Como.", "1859"),  # no hour: a summary, only the year is known
])
def test_events_scene_day_carries_into_next_paragraph(nlp, second, want):
    text = f"On June 4, 1859 Garibaldi arrived at Varese.\n\n{second}\n\nGaribaldi launched an offensive."
    doc, events = events_of(nlp, text, people=["Garibaldi"], places=["Varese", "Como"],
                            dates={"June 4, 1859": "1859-06-04"})
    i = text.find("9 a.m. on Sunday")
    if i >= 0:
        doc.timexes.append(Timex(i, i + 16, "9 a.m. on Sunday", "TIME", "XXXX-WXX-7T09:00", None, None, None))
        doc.timexes.sort(key=lambda t: t.start)
        from chronica.extract.events import find_events
        from chronica.extract.events_lexicon import load_lexicon
        events = find_events(doc, load_lexicon(), nlp=nlp)
    later = [e for e in events if e.evidence.start > text.index("\n\n")]
    assert later and all(e.when.edtf == want for e in later)


def test_events_meeting_that_opens_an_attack_is_the_attack(nlp):
    text = ("On May 2, 1602 Orsini met Falco in his library to discuss a letter. "
            "While Falco was reading, Orsini stabbed Falco with a knife.")
    doc, events = events_of(nlp, text, people=["Orsini", "Falco"], dates={"May 2, 1602": "1602-05-02"})
    assert [e.kind for e in events] == ["attack"]
    assert events[0].evidence.text.startswith("On May 2, 1602") and events[0].when.edtf == "1602-05-02"
