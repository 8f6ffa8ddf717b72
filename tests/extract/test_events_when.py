"""The story's current date for a clause with no date of its own (events_when.inferred)."""
import pytest

from chronica.extract.events_when import duration_of, inferred, lasting
from chronica.model import When

DAY = When("1789-07-14", "1789-07-14", "1789-07-14", "explicit")
ANCHORS = [(100, DAY)]


@pytest.mark.parametrize("offset, near, scene_start, expected", [
    (300, False, 50, "1789-07-14"),   # same paragraph as a clause dated "that night, July 14, 1789": that day
    (300, False, 200, "1789"),        # a later paragraph: only the year is known
    (300, False, None, "1789"),       # time has passed ("Years later, ..."): the caller gives no scene
    (300, True, 50, "1789-07"),       # "shortly after": the month
])
def test_events_when_inferred_scene_keeps_the_day(offset, near, scene_start, expected):
    w = inferred(None, offset, ANCHORS, near=near, scene_start=scene_start)
    assert w.edtf == expected
    assert w.basis in ("inferred", "relative")


# ------------------------------------------------------------ durations --

@pytest.mark.parametrize("sentence, verb, start, expected", [
    ("The weaver would stay in Ghent for three years.", "stay", "1702", "1702/1705"),
    ("They spent the next year in a mountain village.", "spent", "1811", "1811/1812"),
    ("The abbot lived there for six months.", "lived", "1650", "1650/1651"),
    ("After hiding in a hayloft for two nights, the courier rode on.", "hiding", "1799-03-02",
     "1799-03-02/1799-03-04"),
    ("The clerk waited for the coach.", "waited", "1760", None),
])
def test_events_when_duration_spans_from_story_date(nlp, sentence, verb, start, expected):
    tok = next(t for t in nlp(sentence) if t.text == verb)
    d = duration_of(tok)
    w = When(edtf=start, earliest=start if "-" in start else f"{start}-01-01",
             latest=start if "-" in start else f"{start}-12-31", basis="inferred")
    got = lasting(w, d).edtf if d else None
    assert got == expected
