"""What the resolver passes between its parts: the reference a text is read against,
the TIMEX vocabulary it writes, the cue patterns, and calendar arithmetic on moments."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import cues
from .lexicon import compile_pattern
from .moment import RANK, UNIT_GRAN, Moment, historical

PART_MOD = {"START": "START", "MID": "MID", "END": "END", "FIRST_HALF": "START", "SECOND_HALF": "END"}
UNIT_VALUE = {"Y": "Y", "M": "M", "W": "W", "W2": "W", "WE": "D", "D": "D", "DE": "DE", "CE": "CE", "ML": "ML",
              "H": "TH", "MIN": "TM", "S": "TS", "SE": "SE"}
DCT_DEICTICS = cues.words("report_deictics")
DATED_DEICTICS = cues.words("dated_deictics")
_WORD = compile_pattern(r"[A-Za-z][a-z]{3,}")
_PRE = compile_pattern(r"(\w+)\W*$")
_FLASH_FORWARD = cues.whole_words("flash_forward_words")
_FOLLOW = compile_pattern(r"\s*([A-Za-z]+)")  # used with match(text, pos): no "^"
_PRE2 = compile_pattern(r"(\w+)\s+(\w+)\W*$")
_CLAUSE_START = compile_pattern(r"[,;:(\u2014\u2013]")
_WORDS = compile_pattern(r"[a-z]+")
_RATE_COUNT = compile_pattern(r"\d[\d,.]*(?:\s+[a-z]+){0,2}\s+$")  # "500 tons a day"
OPEN_ERA_RULES = {"short_year"}  # years written without an era that a BC passage claims
_THE_YEAR = compile_pattern(r"(?:" + cues.alternation("year_phrases") + r")\s", re.I)
_RATE_BEFORE = compile_pattern(r"(?:\d|\b(?:" + cues.alternation("rate_words") + r"))\s*$", re.I)


@dataclass
class Reference:
    moment: Moment
    text: str


def _past_midnight(clock: Moment | None, day: Moment, m: Moment) -> bool:
    """A clock time of the small hours told after a late-evening one (on the story's
    current day) has crossed midnight."""
    return clock is not None and m.hour is not None and clock.hour >= 18 and m.hour < 12 \
        and (clock.year, clock.month, clock.day) == (day.year, day.month, day.day)


def _weekday_of_month(r: Moment, weekday: int, day: int, direction: int) -> dt.date | None:
    """The nearest date on the given day of a month that falls on the weekday, from r on."""
    if r.year is None or r.month is None:
        return None
    y, mo = r.year, r.month
    here = r.to_date() if r.day else None
    for _ in range(15):
        try:
            c = dt.date(y, mo, day)
        except ValueError:
            c = None
        if c is not None and c.isoweekday() == weekday and \
                (here is None or (c - here).days * direction >= 0):
            return c
        mo += direction
        if mo == 0 or mo == 13:
            y, mo = y + direction, 1 if mo == 13 else 12
    return None


def _days(d) -> int:
    y, mo, da = d
    return y * 372 + mo * 31 + da  # an order, not a count: enough to compare days


def _moment_of(iso) -> Moment:
    """An ISO day (astronomical year, as in bounds) or a bounds day tuple as a day Moment."""
    if isinstance(iso, tuple):
        return Moment("day", year=iso[0], month=iso[1], day=iso[2])
    neg = iso.startswith("-")
    y, m, d = (int(x) for x in iso.lstrip("-").split("-"))
    return Moment("day", year=historical(-y if neg else y), month=m, day=d)


def _offset_bounds(anchor: Moment, unit: str, d: int, lo: float, hi: float):
    """The days an offset can mean: each end of the anchor moved by the near and the far
    reading of the amount ("a few weeks ago" on 14 May: 6 to 2 weeks back), at the
    unit's granularity, so loose wording keeps loose bounds."""
    span = anchor.bounds()
    if span is None:
        return None
    first, last = (lo, hi) if d > 0 else (hi, lo)  # the amounts that give the earliest/latest day
    gran = UNIT_GRAN.get(unit, "day")
    ends = []
    for day, n in ((span[0], first), (span[1], last)):
        m = Moment("day", year=day[0], month=day[1], day=day[2])
        b = m.shift(d * n, unit).coarsen(gran).bounds()
        if b is None:
            return None
        ends.append(b)
    return min(ends[0][0], ends[1][0]), max(ends[0][1], ends[1][1])


def _contains(outer: Moment, inner: Moment) -> bool:
    if RANK[outer.gran] >= RANK[inner.gran]:
        return False
    a, b = outer.bounds() or (None, None), inner.bounds() or (None, None)
    return None not in (a[0], b[0]) and a[0] <= b[0] and b[1] <= a[1]
