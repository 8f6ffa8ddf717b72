"""Times of day: two sources putting one happening, on the same day, at times that
cannot meet ("surrendered at dawn" / "surrendered at 9 p.m."). A clock time is read
from the source's date (``T21:00``), a part of the day ("at dawn", "that evening") from
its wording with the spans in ``claims/times_of_day.yaml``; "at dawn" and "at 5 a.m."
agree. Parts of the day are loose wording (soft); two clock times more than an hour
apart are hard. Only sources that date the happening to the same day are compared,
and a source giving two times for the happening ("from dawn to dusk") is left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from ..model import DocSpan
from ..resources import load
from .bounds import bounds_of
from .view import Finding, View

DAY = 1440
_CLOCK = re.compile(r"T(\d{2}):(\d{2})")


@dataclass(frozen=True)
class TimeOfDay:
    lo: int  # minutes after midnight
    hi: int
    clock: bool  # a clock time, not a part of the day
    label: str


def _alt(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, tuple[int, int]], re.Pattern, re.Pattern, re.Pattern]:
    data = load("claims/times_of_day.yaml")
    parts = {k.casefold(): (int(v[0]), int(v[1])) for k, v in data["parts"].items()}
    part = re.compile(r"(?<![\w-])(?P<before>" + _alt(data["before"]) + r")\s+(?P<part>" + _alt(parts) + r")(?![\w-])",
                      re.I)
    approx = re.compile(r"(?<![\w-])" + _alt(data["approximate"]) + r"\s*$", re.I)
    bound = re.compile(r"(?<![\w-])" + _alt(data["bounds"]) + r"\s*$", re.I)
    return parts, part, approx, bound


def time_of_day(span: DocSpan, about: int = 60) -> TimeOfDay | None:
    """The one time of day a span gives, or None (none, or more than one). ``about``:
    minutes "about"/"around" adds either side (Settings.match.conflicts)."""
    parts, part, approx, bound = _data()
    found: list[TimeOfDay] = []
    m = _CLOCK.search(span.when.edtf if span.when else "")
    if m:
        at = int(m[1]) * 60 + int(m[2])
        clock = re.search(r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?|o'clock|hours)", span.text, re.I)
        lead = span.text[:clock.start()] if clock else ""
        if not (clock and bound.search(lead[-12:])):
            slack = about if clock and approx.search(lead[-20:]) else 0
            found.append(TimeOfDay(at - slack, at + slack, not slack, clock.group(0) if clock else m.group(0)[1:]))
    for p in part.finditer(span.text):
        lo, hi = parts[p["part"].casefold()]
        loose = bool(approx.fullmatch(p["before"])) or bool(approx.search(span.text[:p.start("part")][-20:]))
        found.append(TimeOfDay(lo - (about if loose else 0), hi + (about if loose else 0), False, p["part"]))
    return found[0] if len(found) == 1 else None


def _apart(a: TimeOfDay, b: TimeOfDay) -> int:
    """Minutes between two times of one day (0 when they meet), the night wrapping."""
    gaps = []
    for shift in (-DAY, 0, DAY):
        lo, hi = b.lo + shift, b.hi + shift
        gaps.append(0 if a.lo <= hi and lo <= a.hi else min(abs(a.lo - hi), abs(lo - a.hi)))
    return min(gaps)


def _same_day(a: DocSpan, b: DocSpan) -> bool:
    ba, bb = bounds_of(a.when), bounds_of(b.when)
    return ba is not None and bb is not None and ba.width <= 1 and bb.width <= 1 and ba.lo == bb.lo


def find(view: View):
    rules = view.rules
    for ev in view.corpus.events:
        timed = [(s, t) for s in ev.evidence
                 if s.when is not None and (t := time_of_day(s, rules.about_time_minutes)) is not None]
        for (sa, ta), (sb, tb) in combinations(timed, 2):
            if sa.document == sb.document or not _same_day(sa, sb):
                continue
            gap = _apart(ta, tb)
            both_clock = ta.clock and tb.clock
            if gap <= (rules.clock_apart_minutes if both_clock else rules.loose_time_minutes):
                continue
            topic = f"the time of day: {ev.summary[:80]}"
            yield Finding("date", "hard" if both_clock else "soft", f"{topic} ('{ta.label}' vs '{tb.label}')",
                          (DocSpan(sa.document, sa.start, sa.end, sa.text, when=sa.when, value=ta.label),
                           DocSpan(sb.document, sb.start, sb.end, sb.text, when=sb.when, value=tb.label)),
                          (ev.id,), topic=topic)
