"""Keep every EDTF value the engine emits valid EDTF (checked by the independent
``edtf`` package in the property tests and bench/fuzz.py).

* Interval ends may only be level-1 dates. A level-2 sub-year grouping (25-41:
  hemisphere seasons, quarters, quadrimesters, semesters, as in ``1921-33``) or an
  unspecified-digit year (``189X``) at an interval end is written as the month or year
  it starts (left end) or ends (right end) in, from the expression's bounds:
  ``../1921-33`` becomes ``../1921-03``, ``../189X`` becomes ``../1899``.
* An open interval is one ``..`` and one date: "before late 1914" is ``../1914-12``,
  not ``../1914-09/1914-12``.
* A day the calendar lacks ("31 Feb.", its year found from the context) is no date,
  nor is a year past 9999 either side of year 0 (EDTF would need another notation, and
  no history text dates things so).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace

from ..model import Timex

_GROUPING = re.compile(r"^(-?\d{4,})-(2[5-9]|3\d|4[01])$")
_UNSPECIFIED = re.compile(r"^-?\d*X[\dX]*$")
_MONTH = re.compile(r"^(-?\d{4,})-(\d\d)")
_YEAR = re.compile(r"^(-?\d{4,})")
_DAY = re.compile(r"(-?\d{4,})-(\d\d)-(\d\d)")
_LONG_YEAR = re.compile(r"\d{5,}|\d{3,}XX|\d{4,}X")


def real_days(t: Timex) -> bool:
    """Does every day named in the timex's EDTF exist in the calendar, every year have
    at most four digits, and the range not end before it starts ("05-03 Sept" read as
    the 5th to the 3rd)?"""
    if _LONG_YEAR.search(t.edtf or ""):
        return False
    if t.earliest and t.latest and _day_key(t.earliest) > _day_key(t.latest):
        return False
    for m in _DAY.finditer(t.edtf or ""):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
        if not 1 <= month <= 12:
            continue  # a grouping code, not a month
        leap_safe = year if 0 < year < 10000 else 2000  # outside Python's calendar: allow 29 Feb
        if not 1 <= day <= calendar.monthrange(leap_safe, month)[1]:
            return False
    return True


def _day_key(iso: str) -> tuple[int, ...]:
    m = re.match(r"^(-?)(\d+)-(\d\d)-(\d\d)", iso)
    if not m:
        return ()
    return (int(m[2]) * (-1 if m[1] else 1), int(m[3]), int(m[4]))


def _unqualified_grouping(value: str) -> str:
    # the edtf grammar has no qualified season ("1914-24~"): the approximation stays in
    # the timex's mod (APPROX), the value says the season
    m = re.match(r"^(-?\d{4}-(?:2[1-9]|3\d|4[01]))[~?%]$", value)
    return m[1] if m else value


def _end(end: str, bound: str | None) -> str:
    if _GROUPING.match(end):
        m = _MONTH.match(bound or "")
        return f"{m[1]}-{m[2]}" if m else end.rsplit("-", 1)[0]
    if _UNSPECIFIED.match(end.rstrip("~?%")):
        m = _YEAR.match(bound or "")
        return m[1] if m else end
    return end


def level1_interval(t: Timex) -> Timex:
    """The timex with its interval, if any, written with level-1 ends."""
    if t.edtf and "/" not in t.edtf:
        single = _unqualified_grouping(t.edtf)
        return t if single == t.edtf else replace(t, edtf=single)
    if not t.edtf:
        return t
    parts = t.edtf.split("/")
    if len(parts) > 2:  # an open end put on an interval: keep the open end and the near date
        parts = ["..", parts[-1]] if parts[0] == ".." else [parts[0], ".."]
    left, right = parts
    fixed = f"{_end(left, t.earliest)}/{_end(right, t.latest)}"
    return t if fixed == t.edtf else replace(t, edtf=fixed)
