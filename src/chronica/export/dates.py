"""One reading of the export's dates for every export format.

The contract gives a date as EDTF (`1934~`, `1929/1933`, `../1917`, `-0043-03-15`,
`1912-04-14T23:40`, `1918-24`, `192X`) plus the widest ISO bounds. Each format needs the
same three things from it: the start and end *only as precise as the source* (a year
stays a year: no invented 1 January), a human label, and whether it is approximate,
uncertain or open-ended. They are all derived here so the formats cannot drift apart.

Years are astronomical, as in EDTF and ISO 8601 (0 = 1 BC, -43 = 44 BC).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
# EDTF level 1 seasons (northern hemisphere months): code -> (name, first month, last month)
SEASONS = {21: ("spring", 3, 5), 22: ("summer", 6, 8), 23: ("autumn", 9, 11), 24: ("winter", 12, 2)}

_DATE = re.compile(r"^(?P<year>-?\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
                   r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::\d{2})?)?)?)?$")
_UNSPECIFIED = re.compile(r"^(?P<stem>-?\d{2,3})(?P<xs>X{1,2})$")
_ISO_DAY = re.compile(r"^(?P<year>-?\d{4,})-(?P<month>\d{2})-(?P<day>\d{2})$")


@dataclass(frozen=True, order=True)
class Moment:
    """A point in time at the precision the source gives (unset parts are None)."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    @property
    def precision(self) -> str:
        if self.hour is not None:
            return "minute"
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def historical_year(self) -> int:
        """The year as historians write it: negative for BC, no year zero (-0043 -> -44)."""
        return self.year if self.year > 0 else self.year - 1

    def iso(self) -> str:
        """ISO 8601 at this precision: -0043, 1940-05, 1928-01-31, 1912-04-14T23:40."""
        out = f"-{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        if self.hour is not None:
            out += f"T{self.hour:02d}:{self.minute or 0:02d}"
        return out

    def key(self, last: bool = False) -> tuple[int, int, int]:
        """(year, month, day) of the first (or last) day this moment covers."""
        month = self.month or (12 if last else 1)
        day = self.day or (_month_days(self.year, month) if last else 1)
        return self.year, month, day

    def label(self) -> str:
        year = self.historical_year
        text = f"{-year} BC" if year < 0 else str(year)
        if self.month is not None:
            text = f"{MONTH_NAMES[self.month - 1]} {text}"
        if self.day is not None:
            text = f"{self.day} {text}"
        if self.hour is not None:
            text += f", {self.hour:02d}:{self.minute or 0:02d}"
        return text


@dataclass(frozen=True)
class Dated:
    """An event's date, read once: ends at source precision plus a label.

    `start`/`end` are None where the interval is open (`../1917`, `1962/..`) or unknown.
    A single point has start == end.
    """

    edtf: str
    start: Moment | None
    end: Moment | None
    label: str
    approximate: bool = False
    uncertain: bool = False
    earliest: str | None = None
    latest: str | None = None
    basis: str | None = None

    @property
    def is_point(self) -> bool:
        return self.start is not None and self.start == self.end

    @property
    def qualified(self) -> bool:
        """True where a reader should see the date's wording, not just its numbers."""
        return self.approximate or self.uncertain or not self.is_point

    def sort_key(self) -> tuple:
        if self.start is not None:
            return (0, *self.start.key(), self.start.hour or 0, self.start.minute or 0)
        if self.end is not None:
            return (0, *self.end.key(), 0, 0)
        return (1,)

    def first_day(self) -> tuple[int, int, int] | None:
        return iso_key(self.earliest) or (self.start.key() if self.start else None)

    def last_day(self) -> tuple[int, int, int] | None:
        return iso_key(self.latest) or (self.end.key(last=True) if self.end else None)

    def palladio(self) -> tuple[str, str]:
        """Start and end as Palladio reads them: `YYYY` or `YYYY-MM-DD` ('' where open)."""
        return _palladio(self.start), _palladio(self.end)


def read_when(when: dict | None) -> Dated | None:
    """The export's `when` object as a Dated; None for an undated event."""
    if not when or not when.get("edtf"):
        return None
    edtf = when["edtf"].strip()
    extra = dict(earliest=when.get("earliest"), latest=when.get("latest"), basis=when.get("basis"))
    parsed = _parse(edtf)
    if parsed is None:  # a form we do not know: fall back on the contract's bounds, by day
        start, end = _from_iso(when.get("earliest")), _from_iso(when.get("latest"))
        label = f"{start.label()} – {end.label()}" if start and end else edtf
        return Dated(edtf, start, end, label, **extra)
    start, end, label, approx, uncertain = parsed
    return Dated(edtf, start, end, label, approx, uncertain, **extra)


def parse_bound(text: str, last: bool = False) -> tuple[int, int, int]:
    """A --from/--to filter value (YYYY, YYYY-MM, YYYY-MM-DD; -YYYY for BC) as a day key."""
    m = _DATE.match(text.strip())
    if not m:
        raise ValueError(f"{text!r} is not a date like 1928, 1928-01 or 1928-01-31 (-0043 for 44 BC)")
    return _moment(m).key(last=last)


def iso_key(iso: str | None) -> tuple[int, int, int] | None:
    m = _ISO_DAY.match(iso or "")
    return (int(m["year"]), int(m["month"]), int(m["day"])) if m else None


def iso_day(key: tuple[int, int, int]) -> str:
    year, month, day = key
    return (f"-{-year:04d}" if year < 0 else f"{year:04d}") + f"-{month:02d}-{day:02d}"


# ------------------------------------------------------------------- parsing --

def _parse(edtf: str):
    if "/" in edtf:
        left, right = edtf.split("/", 1)
        lo, hi = _single(left), _single(right)
        if lo is None or hi is None:
            return None
        (start, _, l_label, la, lu), (_, end, r_label, ra, ru) = lo, hi
        if start is None and end is None:
            return None
        if start is None:
            label = f"until {r_label}"
        elif end is None:
            label = f"from {l_label}"
        else:
            label = f"{l_label} – {r_label}"
        return start, end, label, la or ra, lu or ru
    single = _single(edtf)
    if single is None or single[0] is None:
        return None
    return single


def _single(text: str):
    """One EDTF date -> (start, end, label, approximate, uncertain); open ends give Nones."""
    if text in ("..", ""):
        return None, None, "", False, False
    q = text[-1] if text[-1] in "~?%" else ""
    core = text[:-1] if q else text
    approx, uncertain = q in "~%" and bool(q), q in "?%" and bool(q)
    m = _DATE.match(core)
    if m:
        season = int(m["month"]) if m["month"] and m["day"] is None else 0
        if season in SEASONS:
            return _season(int(m["year"]), season, approx, uncertain, q)
        moment = _moment(m)
        return moment, moment, _qualify(moment.label(), q), approx, uncertain
    m = _UNSPECIFIED.match(core)
    if m:
        width = 10 ** len(m["xs"])
        stem = int(m["stem"]) * width
        first, last = (stem, stem + width - 1) if stem >= 0 else (stem - width + 1, stem)
        start, end = Moment(first), Moment(last)
        label = f"{start.label()}s" if width == 10 else f"{start.label()} – {end.label()}"
        return start, end, _qualify(label, q), approx, uncertain
    return None


def _season(year: int, code: int, approx: bool, uncertain: bool, q: str):
    name, first, last = SEASONS[code]
    start = Moment(year, first)
    end = Moment(year + 1 if last < first else year, last)
    label = f"{name} {Moment(year).label()}"
    return start, end, _qualify(label, q), approx, uncertain


def _moment(m: re.Match) -> Moment:
    def num(name):
        return int(m[name]) if m[name] is not None else None
    return Moment(int(m["year"]), num("month"), num("day"), num("hour"), num("minute"))


def _from_iso(iso: str | None) -> Moment | None:
    key = iso_key(iso)
    return Moment(*key) if key else None


def _qualify(label: str, q: str) -> str:
    return {"~": f"c. {label}", "?": f"{label}?", "%": f"c. {label}?"}.get(q, label)


def _palladio(m: Moment | None) -> str:
    if m is None:
        return ""
    year = f"-{-m.year:04d}" if m.year < 0 else f"{m.year:04d}"
    return f"{year}-{m.month:02d}-{m.day:02d}" if m.day is not None else year


def _month_days(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31
