"""The annotation-scheme views ``chronica time --scheme`` prints (chronica.time.schemes)."""
from __future__ import annotations

import datetime as dt

import pytest

from chronica.time.schemes import view


def _view(tagger, text, scheme, genre="narrative", anchor=None):
    return {t.text: t for t in view(tagger.tag(text, anchor=anchor, genre=genre), text, scheme, genre)}


def test_timex2_splits_a_range_and_keeps_the_full_phrase(tagger):
    text = "The siege lasted from 1683 to 1699. It was two months of hard marching."
    got = _view(tagger, text, "timex2")
    assert got["1683"].value == "1683" and got["1699"].value == "1699"
    phrase = next(t for t in got.values() if t.text.startswith("two months"))
    assert phrase.value == "P2M" and phrase.text != "two months"


def test_timex2_now_is_the_writers_present_but_chronica_keeps_the_story_date(tagger):
    text = "In March 1848 the city rose. The old order was now gone."
    assert _view(tagger, text, "timex2")["now"].value == "PRESENT_REF"
    assert _view(tagger, text, "chronica")["now"].value == "1848-03"


def test_timex2_recurrence_by_its_grain_but_a_rate_stays_a_period(tagger):
    got = _view(tagger, "The ferry sailed daily. It carried forty tons per day.", "timex2")
    assert got["daily"].value == "XXXX-XX-XX"
    assert got["per day"].value == "P1D"


def test_timex3_leaves_ages_and_former_unmarked(tagger):
    text = "The former mayor, a 40-year-old lawyer, spoke on 2 May 2011."
    got = _view(tagger, text, "timex3", "news", dt.date(2011, 5, 3))
    assert "former" not in got and not any("year" in k for k in got)
    assert got["2 May 2011"].value == "2011-05-02"


def test_timex3_leaves_future_and_recent_before_a_noun_unmarked(tagger):
    text = "The mill warned that future orders may fall after recent floods. In the future it will shut."
    got = _view(tagger, text, "timex3", "news", dt.date(2011, 5, 3))
    assert "future" not in got and "recent" not in got
    assert got["the future"].value == "FUTURE_REF"
    both = _view(tagger, text, "timex2", "news", dt.date(2011, 5, 3))
    assert "future" in both and "recent" in both  # TIMEX2 marks them


def test_unknown_scheme_is_refused(tagger):
    with pytest.raises(ValueError, match="unknown scheme"):
        view(tagger.tag("In 1900."), "In 1900.", "iso")


def test_timex2_edge_of_a_period_is_its_stretch_and_past_decade_a_duration(tagger):
    text = "In 1918 the guns fell silent. In the last week of October the front broke. Over the past decade it had grown."
    got = _view(tagger, text, "timex2")
    edge = next(t for t in got.values() if t.text.startswith("the last week of"))
    assert edge.value == "P1W"
    assert got["the past decade"].value == "P1DE"
    plain = _view(tagger, text, "chronica")
    assert plain["the last week of October"].value == "1918-10-25/1918-10-31"


def test_timex2_names_a_winter_the_context_dates_by_its_january(tagger):
    text = "In December 1854 the army dug in before the town and suffered through the winter."
    got = _view(tagger, text, "timex2")
    assert got["the winter"].value == "1855-WI"
    assert _view(tagger, text, "chronica")["the winter"].value == "1854-WI"  # the export keeps its December
    bc = _view(tagger, "In 212 BC the legions camped by the river and spent the winter there.", "timex2")
    assert bc["the winter"].value == "BC0211-WI"


def test_timex2_keeps_the_year_a_text_gives_its_winter(tagger):
    got = _view(tagger, "The winter of 1709 froze the lagoon.", "timex2")
    assert got["The winter of 1709"].value == "1709-WI"


def test_timex2_marks_this_period_without_a_value_but_chronica_dates_it(tagger):
    text = "The canal opened in 1825. During this period the port tripled in size."
    assert _view(tagger, text, "timex2")["this period"].value is None
    assert _view(tagger, text, "chronica")["this period"].value == "1825"
