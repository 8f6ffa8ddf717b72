"""Properties of the temporal engine on random and adversarial strings (issue 17):
it never raises, every span is inside the text and equals it, earliest <= latest, and
every EDTF value it emits is valid EDTF (parsed by the independent ``edtf`` package)."""
from __future__ import annotations

import datetime as dt
import re

import edtf
from fuzz_text import hostile_text
from hypothesis import example, given
from hypothesis import strategies as st

_ISO = re.compile(r"^(-?)(\d{1,6})-(\d\d)-(\d\d)$")


def day_key(iso: str) -> tuple[int, int, int]:
    """An ISO day (years may be negative) as a tuple that orders correctly."""
    m = _ISO.match(iso)
    assert m, f"not an ISO day: {iso!r}"
    year = int(m[2]) * (-1 if m[1] else 1)
    return year, int(m[3]), int(m[4])


def check_timexes(text: str, timexes) -> None:
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text), (t.start, t.end, len(text))
        assert text[t.start:t.end] == t.text
        if t.edtf:
            edtf.parse_edtf(t.edtf)  # raises on anything that is not EDTF
        if t.earliest and t.latest:
            assert day_key(t.earliest) <= day_key(t.latest), (t.text, t.earliest, t.latest)


anchors = st.none() | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9998, 12, 31))


@given(text=hostile_text(), anchor=anchors, genre=st.sampled_from(["narrative", "news"]))
@example(text="from 1914 to 1912", anchor=None, genre="narrative")
@example(text="between the 1890s and c. 1500 BC", anchor=None, genre="narrative")
@example(text="yesterday", anchor=dt.date(1, 1, 1), genre="news")
@example(text="In 1815 it began.\n31\nFeb.", anchor=None, genre="narrative")  # no such day
@example(text="before the 1890s, after the 1890s", anchor=None, genre="narrative")
@example(text="before late 1914, before Q1 1000", anchor=None, genre="narrative")
@example(text="99\nmillennium\nbefore", anchor=None, genre="news")  # no space to cut at
@example(text=".\n05-03\nSept\n1815", anchor=None, genre="narrative")  # the 5th to the 3rd
@example(text="Sept. 31. Sunday. 1815", anchor=None, genre="narrative")  # no 31 September
@example(text="1815. Feb.. at. Sept. Sept. 31. Sunday. 10000. that night. tomorrow.", anchor=None, genre="news")
@example(text="the 84460th century, 29680 millennium ago", anchor=None, genre="narrative")
@example(text="9999 and the following year", anchor=dt.date(9998, 12, 31), genre="news")
def test_time_engine_properties(tagger, text, anchor, genre):
    res = tagger.tag(text, anchor=anchor, genre=genre)
    check_timexes(text, res.timexes)
