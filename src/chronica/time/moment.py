"""A calendar point at some granularity, and how it is written in TIMEX, EDTF and ISO.

Years are historical (no year zero: -480 is 480 BC); EDTF and ISO bounds use the
astronomical numbering of ISO 8601 (480 BC is -0479).
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache

from chronica.resources import load

GRANS = ("century", "decade", "year", "season", "quarter", "month", "day", "time")
RANK = {g: i for i, g in enumerate(GRANS)}
SEASON_EDTF = {"SP": 21, "SU": 22, "FA": 23, "WI": 24}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
PART_FRACTION = {"START": (0.0, 0.34), "MID": (0.33, 0.67), "END": (0.66, 1.0),
                 "FIRST_HALF": (0.0, 0.5), "SECOND_HALF": (0.5, 1.0)}
UNIT_GRAN = {"ML": "century", "CE": "century", "DE": "decade", "Y": "year", "SE": "season",
             "Q": "quarter", "M": "month", "W": "day", "W2": "day", "WE": "day", "D": "day", "H": "day", "MIN": "day", "S": "day"}

Day = tuple[int, int, int]


def astro(year: int) -> int:
    return year + 1 if year < 0 else year


def historical(year: int) -> int:
    return year - 1 if year <= 0 else year


def iso_year(year: int) -> str:
    a = astro(year)
    return f"-{-a:04d}" if a < 0 else f"{a:04d}"


def iso_day(d: Day) -> str:
    return f"{iso_year(d[0])}-{d[1]:02d}-{d[2]:02d}"


def month_end(y: int, m: int) -> Day:
    while m > 12:
        y, m = y + 1 if y != -1 else 1, m - 12
    return (y, m, calendar.monthrange(astro(y) if 0 < astro(y) < 10000 else 2001, m)[1])


def next_day(d: Day) -> Day:
    y, m, day = d
    if day < month_end(y, m)[2]:
        return y, m, day + 1
    if m < 12:
        return y, m + 1, 1
    return (y + 1 if y != -1 else 1), 1, 1


def month_start(y: int, m: int) -> Day:
    while m > 12:
        y, m = y + 1 if y != -1 else 1, m - 12
    return (y, m, 1)


@dataclass(frozen=True)
class Moment:
    gran: str
    year: int | None = None  # None: not known yet
    month: int | None = None
    day: int | None = None
    season: str | None = None
    decade: int | None = None  # 192 = the 1920s; -46 = the 460s BC
    century: int | None = None  # 18 = the 1800s; -5 = the 400s BC (TIMEX BC04)
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None
    daypart: str | None = None
    quarter: int | None = None  # 1-4 (a fiscal or calendar quarter)
    movable: str | None = None  # a feast whose day depends on the year ("4 thu", "easter+49")

    def settle(self) -> "Moment":
        """Fix a movable feast's day once its year is known."""
        if self.movable is None or self.year is None or self.year < 1583:
            return self
        at = movable_day(self.year, self.month, self.movable)
        if at is None:
            return self
        return replace(self, month=at.month, day=at.day, movable=None)

    # ------------------------------------------------------------------ TIMEX --
    def timex(self) -> str:
        g = self.gran
        if g == "century":
            c = self.century
            return f"BC{-c - 1:02d}" if c < 0 else f"{c:02d}"
        if g == "decade":
            d = self.decade
            return f"BC{-d:03d}" if d < 0 else f"{d:03d}"
        y = self._timex_year()
        if g == "year":
            return y
        if g == "season":
            return f"{y}-{self.season}"
        if g == "quarter":
            return f"{y}-Q{self.quarter or 'X'}"
        if self.month is None and self.weekday is not None:
            out = f"{y}-WXX-{self.weekday}"
        else:
            out = f"{y}-{self.month:02d}" if self.month else f"{y}-XX"
            if g == "month":
                return out
            out += f"-{self.day:02d}" if self.day else "-XX"
        if g == "time":
            if self.hour is not None:
                out += f"T{self.hour:02d}:{self.minute or 0:02d}"
            elif self.daypart:
                out += f"T{self.daypart}"
        return out

    def _timex_year(self) -> str:
        if self.year is None:
            return "XXXX"
        return f"BC{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"

    # --------------------------------------------------------------- bounds --
    def bounds(self, part: str | None = None) -> tuple[Day, Day] | None:
        """Widest reading as (first day, last day), narrowed to a part if given."""
        g = self.gran
        if g == "quarter":
            if self.year is None or self.quarter is None:
                return None
            return month_start(self.year, 3 * self.quarter - 2), month_end(self.year, 3 * self.quarter)
        if g in ("century", "decade", "year") or (g == "season" and self.year is not None):
            lo_hi = self._year_span()
            if lo_hi is None:
                return None
            if g == "season":
                a, b = SEASON_MONTHS[self.season]
                return month_start(self.year, a), month_end(self.year, b)
            a, b = lo_hi
            if part and g != "year":
                fa, fb = PART_FRACTION[part]
                n = b - a + 1
                a, b = a + int(round(fa * n)), a + max(int(round(fb * n)) - 1, int(round(fa * n)))
                return (a, 1, 1), (b, 12, 31)
            if part:  # a part of a year: months
                fa, fb = PART_FRACTION[part]
                ma, mb = 1 + int(round(fa * 12)), int(round(fb * 12))
                return (a, ma, 1), month_end(a, mb)
            return (a, 1, 1), (b, 12, 31)
        if self.year is None or self.month is None:
            return None
        if g == "month":
            if part:
                last = month_end(self.year, self.month)[2]
                fa, fb = PART_FRACTION[part]
                da, db = 1 + int(round(fa * 30)), min(last, int(round(fb * 30)))
                if fb >= 1.0:
                    db = last
                return (self.year, self.month, da), (self.year, self.month, db)
            return month_start(self.year, self.month), month_end(self.year, self.month)
        if self.day is None:
            return month_start(self.year, self.month), month_end(self.year, self.month)
        d = (self.year, self.month, self.day)
        if self.hour == 24:  # midnight at the end of a day is the start of the next
            d = next_day(d)
        return d, d

    def _year_span(self) -> tuple[int, int] | None:
        if self.gran == "century":
            c = self.century
            # 18 is 1800-1899; the 3rd century BC (-3) is 300-201 BC, historical years -300..-201
            return c * 100, c * 100 + 99
        if self.gran == "decade":
            d = self.decade
            return (d * 10, d * 10 + 9) if d >= 0 else (d * 10 - 9, d * 10)
        if self.year is None:
            return None
        return self.year, self.year

    # ----------------------------------------------------------------- EDTF --
    def edtf(self, part: str | None = None, approx: bool = False) -> str | None:
        b = self.bounds(part)
        if b is None:
            return None
        g = self.gran
        if part and g != "season":
            lo, hi = b
            if g in ("century", "decade"):
                s = f"{iso_year(lo[0])}/{iso_year(hi[0])}"
            elif g == "year":
                s = f"{iso_year(lo[0])}-{lo[1]:02d}/{iso_year(hi[0])}-{hi[1]:02d}"
            else:
                s = f"{iso_day(lo)}/{iso_day(hi)}"
            return s
        if g == "century":
            s = f"{self.century:02d}XX" if self.century >= 0 else f"{iso_year(b[0][0])}/{iso_year(b[1][0])}"
        elif g == "decade":
            s = f"{self.decade:03d}X" if self.decade >= 0 else f"{iso_year(b[0][0])}/{iso_year(b[1][0])}"
        elif g == "year":
            s = iso_year(self.year)
        elif g == "season":
            s = f"{iso_year(self.year)}-{SEASON_EDTF[self.season]}"
        elif g == "quarter":
            s = f"{iso_year(self.year)}-{32 + self.quarter}"  # EDTF level 2: 33-36 are Q1-Q4
        elif g == "month" or self.day is None:
            s = f"{iso_year(self.year)}-{self.month:02d}"
        else:
            s = iso_day(b[0])
            if g == "time" and self.hour is not None:  # "1912-04-14T23:40"; 24:00 is the next 00:00
                s += f"T{self.hour % 24:02d}:{self.minute or 0:02d}"
        return s + "~" if approx and "/" not in s else s

    # ----------------------------------------------------------- arithmetic --
    def coarsen(self, gran: str) -> "Moment":
        """The same point at a coarser granularity (never finer)."""
        if RANK[gran] >= RANK[self.gran]:
            return self
        if gran == "century" and self.year is not None:
            return Moment("century", century=self.year // 100 if self.year > 0 else -((-self.year - 1) // 100) - 1)
        if gran == "decade" and self.year is not None:
            return Moment("decade", decade=self.year // 10 if self.year > 0 else -((-self.year) // 10))
        if gran == "year":
            return Moment("year", year=self.year)
        if gran == "season":
            return replace(self, gran="season", day=None, hour=None, minute=None, daypart=None)
        if gran == "quarter":
            q = self.quarter or ((self.month - 1) // 3 + 1 if self.month else None)
            return Moment("quarter", year=self.year, quarter=q)
        if gran == "month":
            return Moment("month", year=self.year, month=self.month)
        if gran == "day":
            return Moment("day", year=self.year, month=self.month, day=self.day, weekday=self.weekday)
        return self

    def shift(self, n: float, unit: str) -> "Moment":
        """Move by ``n`` units; the result is no finer than the unit or this moment."""
        if self.year is None:
            return self
        if unit == "Y" and self.gran == "quarter":  # "a year ago" of a quarter: that quarter then
            return replace(self, year=historical(astro(self.year) + int(round(n))))
        gran = UNIT_GRAN.get(unit, "day")
        if RANK[gran] > RANK[self.gran]:
            gran = self.gran if self.gran != "season" else "year"
        if self.gran in ("century", "decade"):
            years = {"ML": 1000, "CE": 100, "DE": 10}.get(unit, 0) * n
            if self.gran == "century":
                return replace(self, century=self.century + int(years // 100))
            return replace(self, decade=self.decade + int(years // 10))
        if unit in ("ML", "CE", "DE", "Y"):
            years = int(round(n * {"ML": 1000, "CE": 100, "DE": 10, "Y": 1}[unit]))
            y = historical(astro(self.year) + years)
            out = replace(self, year=y)
            if unit == "Y" and 0 < astro(y) < 10000 and out.month == 2 and out.day == 29 and not calendar.isleap(y):
                out = replace(out, day=28)
            return out.coarsen(gran) if gran != "season" else out
        if unit == "SE":
            order = ["WI", "SP", "SU", "FA"]
            s = self.season or "SU"
            i = order.index(s) + int(n)
            return replace(self, gran="season", season=order[i % 4], year=self.year + i // 4, month=None, day=None)
        if unit == "Q":
            if self.gran == "quarter" and self.quarter:
                k = self.year * 4 + self.quarter - 1 + int(round(n))
                return replace(self, year=k // 4, quarter=k % 4 + 1)
            return self.shift(3 * n, "M").coarsen("quarter")
        if unit == "M":
            if self.month is None:
                return self
            k = astro(self.year) * 12 + self.month - 1 + int(round(n))
            y, m = divmod(k, 12)
            out = replace(self, year=historical(y), month=m + 1)
            if out.day:
                out = replace(out, day=min(out.day, month_end(out.year, out.month)[2]))
            return out.coarsen(gran)
        days = n * {"W": 7, "W2": 14, "WE": 7, "D": 1, "H": 1 / 24, "MIN": 1 / 1440, "S": 0}.get(unit, 1)
        if self.month is None or self.day is None or not 0 < astro(self.year) < 10000:
            return self.coarsen(gran)
        try:
            d = dt.date(astro(self.year), self.month, self.day) + dt.timedelta(days=int(round(days)))
        except (OverflowError, ValueError):  # past years 1-9999, or a day the month lacks: keep the coarser date
            return self.coarsen(gran)
        return Moment("day", year=historical(d.year), month=d.month, day=d.day)

    def to_date(self) -> dt.date | None:
        if self.year is None or self.month is None or not 0 < astro(self.year) < 10000:
            return None
        try:
            return dt.date(astro(self.year), self.month, self.day or 1)
        except ValueError:  # a day the month lacks ("31 Sept."): no calendar date
            return None

    @staticmethod
    def of_date(d: dt.date) -> "Moment":
        return Moment("day", year=d.year, month=d.month, day=d.day)


@lru_cache(maxsize=1)
def weekday_codes() -> dict[str, int]:
    """A movable feast's weekday ("thu" in "4 thu") -> ISO weekday number: the first three
    letters of a weekday's name in ``time/lexicon.yaml``."""
    return {str(name)[:3]: n for name, n in load("time/lexicon.yaml")["weekdays"].items()}


def easter(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return dt.date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def movable_day(year: int, month: int | None, rule: str) -> dt.date | None:
    """The day of a movable feast: "4 thu" (fourth Thursday of the month), "-1 mon" (last
    Monday), "1 tue+1mon" (the Tuesday after the first Monday), "easter-2" (Good Friday)."""
    if rule.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(rule[6:] or 0))
    if month is None:
        return None
    n, code = rule.split()
    after_monday = code.endswith("+1mon")
    weekday = weekday_codes()[code[:3]]
    n = int(n)
    if n > 0:
        first = dt.date(year, month, 1)
        if after_monday:  # US election day: the Tuesday after the first Monday
            first += dt.timedelta(days=(1 - first.isoweekday()) % 7 + 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = month_end(year, month)
    end = dt.date(*last)
    return end - dt.timedelta(days=(end.isoweekday() - weekday) % 7 + 7 * (-n - 1))
