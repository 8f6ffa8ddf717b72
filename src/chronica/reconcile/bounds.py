"""Date bounds as day numbers, so that overlaps, gaps and interval lengths are simple
integer arithmetic (also for years before the Common Era)."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from ..model import When

_ISO = re.compile(r"^(?P<y>-?\d{1,6})-(?P<m>\d{2})-(?P<d>\d{2})$")
_EDTF = re.compile(r"^(?P<y>-?\d{3}[\dX])(?:-(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?)?$")
_SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}
YEAR = 365.2425
MONTH = YEAR / 12


def day_number(y: int, m: int, d: int) -> int:
    if y >= 1:
        return date(y, m, min(d, calendar.monthrange(y, m)[1])).toordinal()
    # proleptic approximation before year 1: exact to a day or two, enough for bounds
    return int(y * YEAR) + date(2001, m, min(d, 28 if m == 2 else d)).timetuple().tm_yday


def iso_of(n: int) -> str:
    if n >= 1:
        return date.fromordinal(n).isoformat()
    return f"{int(n // YEAR):05d}-01-01"


@dataclass(frozen=True)
class Bounds:
    """Closed interval of day numbers: the widest reading of a date."""

    lo: int
    hi: int

    @property
    def width(self) -> int:
        return self.hi - self.lo

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2

    def overlaps(self, other: "Bounds", slack: int = 0) -> bool:
        return self.lo <= other.hi + slack and other.lo <= self.hi + slack

    def gap(self, other: "Bounds") -> int:
        """Days between the two intervals, 0 when they overlap."""
        return max(0, other.lo - self.hi, self.lo - other.hi)

    def contains(self, other: "Bounds") -> bool:
        return self.lo <= other.lo and other.hi <= self.hi

    def intersect(self, other: "Bounds") -> "Bounds | None":
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        return Bounds(lo, hi) if lo <= hi else None


def _iso_day(s: str | None) -> int | None:
    m = _ISO.match(s or "")
    if not m:
        return None
    try:
        return day_number(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def edtf_bounds(s: str | None) -> Bounds | None:
    """Bounds of a simple EDTF string (years, months, days, seasons, decades, intervals)."""
    if not s:
        return None
    s = s.strip().replace("~", "").replace("?", "").replace("%", "")
    if "/" in s:
        a, b = s.split("/", 1)
        lo = edtf_bounds(a) if a not in ("", "..") else None
        hi = edtf_bounds(b) if b not in ("", "..") else None
        if lo is None or hi is None:
            return None  # open intervals give no usable bounds
        return Bounds(lo.lo, hi.hi)
    m = _EDTF.match(s)
    if not m:
        return None
    ys = m["y"]
    if ys.endswith("X"):
        y0 = int(ys[:-1] + "0")
        return Bounds(day_number(y0, 1, 1), day_number(y0 + 9, 12, 31))
    y = int(ys)
    if not m["m"] or m["m"] == "XX":
        return Bounds(day_number(y, 1, 1), day_number(y, 12, 31))
    mo = int(m["m"])
    if mo in _SEASONS:
        a, b = _SEASONS[mo]
        yb, mb = (y + 1, b - 12) if b > 12 else (y, b)
        return Bounds(day_number(y, a, 1), day_number(yb, mb, calendar.monthrange(yb if yb > 0 else 2001, mb)[1]))
    if not 1 <= mo <= 12:
        return None
    if not m["d"] or m["d"] == "XX":
        return Bounds(day_number(y, mo, 1), day_number(y, mo, calendar.monthrange(y if y > 0 else 2001, mo)[1]))
    return Bounds(day_number(y, mo, int(m["d"])), day_number(y, mo, int(m["d"])))


def bounds_of(when: When | None) -> Bounds | None:
    """Bounds of a ``When``: its ISO earliest/latest, else its EDTF."""
    if when is None:
        return None
    lo, hi = _iso_day(when.earliest), _iso_day(when.latest)
    if lo is not None and hi is not None and lo <= hi:
        return Bounds(lo, hi)
    b = edtf_bounds(when.edtf)
    if b is None:
        return None
    return Bounds(lo if lo is not None else b.lo, hi if hi is not None else b.hi)


def is_vague(when: When | None) -> bool:
    """Approximate, uncertain, or not written in the text: allow slack when comparing."""
    if when is None:
        return True
    return when.basis != "explicit" or any(c in (when.edtf or "") for c in "~?%")
