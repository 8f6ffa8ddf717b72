"""Dates written in other calendars, converted to the Gregorian one with ``convertdate``.

The tables of the conversions are the package's (its Julian, French Republican and
Islamic arithmetic), not ours; what is ours is reading the text: an Old Style date
marked as such ("12 March 1710 O.S."), a dual date ("25 October (7 November) 1917",
whose bracketed day is the New Style one), a French Republican day ("9 Thermidor Year
II") and a Hijri year ("AH 1014"). The expression keeps its original wording; the value
and EDTF are Gregorian.
"""
from __future__ import annotations

from datetime import date, timedelta

Day = tuple[int, int, int]
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def roman(text: str) -> int | None:
    """A Roman numeral ("II", "viii") or a plain number as an int."""
    t = text.strip().lower()
    if t.isdigit():
        return int(t)
    if not t or any(c not in _ROMAN for c in t):
        return None
    total = 0
    for a, b in zip(t, t[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def julian(y: int, m: int, d: int) -> Day | None:
    """An Old Style (Julian) day as the Gregorian day it was."""
    from convertdate import julian as jul
    try:
        return jul.to_gregorian(y, m, d)
    except ValueError:
        return None


def french_republican(year: int, month: int, day: int) -> Day | None:
    """A day of the French Republican calendar (year I began on 22 September 1792)."""
    from convertdate import french_republican as fr
    if not (1 <= year <= 20 and 1 <= month <= 13 and 1 <= day <= 30):
        return None
    try:
        return fr.to_gregorian(year, month, day)
    except (ValueError, IndexError):
        return None


def hijri_year(year: int) -> tuple[Day, Day] | None:
    """The first and last Gregorian days of an Islamic (Hijri) year."""
    from convertdate import islamic
    if not 1 <= year <= 2000:
        return None
    first = islamic.to_gregorian(year, 1, 1)
    nxt = islamic.to_gregorian(year + 1, 1, 1)
    last = date(*nxt) - timedelta(days=1)
    return first, (last.year, last.month, last.day)


def hijri_day(year: int, month: int, day: int) -> Day | None:
    from convertdate import islamic
    if not (1 <= year <= 2000 and 1 <= month <= 12 and 1 <= day <= 30):
        return None
    return islamic.to_gregorian(year, month, day)

