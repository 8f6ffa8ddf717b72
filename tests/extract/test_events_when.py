"""The story's current date for a clause with no date of its own (events_when.inferred)."""
import pytest

from chronica.extract.events_when import inferred
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
