"""The time engine's own cue words come from lang/en/time/cues.yaml (chronica.time.cues)."""
from __future__ import annotations

from pathlib import Path

import pytest

from chronica.resources import ResourceError, Resources
from chronica.time import cues


def test_a_cased_list_keeps_its_capitals_and_a_plain_one_folds_them():
    assert "Empire" in cues.words("realm_words_cased") and "empire" not in cues.words("realm_words_cased")
    assert all(w == w.lower() for w in cues.words("present_words"))


def test_a_phrase_matches_with_any_spacing_and_only_as_whole_words():
    cue = cues.whole_words("period_cues")
    assert cue.search("It happened in the\n aftermath of the war")
    assert not cues.whole_words("rate_words").search("the eachother ones")  # no word inside a word
    assert cues.whole_words("realm_words_cased").search("the old Rus’ lands")  # curly apostrophe too


def test_cue_lists_carry_the_engine_behaviour():
    from chronica.time.schemes import PAST_STRETCH
    m = PAST_STRETCH.match("the past twelve months")
    assert m and m[1] == "twelve" and m[2] == "month"


def test_a_number_in_a_cue_list_is_rejected_with_its_line(tmp_path: Path):
    target = tmp_path / "xx" / "time" / "cues.yaml"
    target.parent.mkdir(parents=True)
    target.write_text("period_cues: [during]\nrealm_words_cased: [Empire]\npresent_words: [now]\n"
                      "stretch_units: {year: Y}\nrate_words: [per, 7]\n", encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        Resources("xx", root=tmp_path).load("time/cues.yaml")
    assert err.value.line == 5 and "rate_words" in str(err.value)
