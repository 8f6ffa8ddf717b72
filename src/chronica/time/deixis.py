"""Deictic expressions ("the next week", "that spring", "last quarter") read from the
narrative's reference or, in news, the document date. A mixin of :class:`Resolver`."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from ..model import Timex
from . import cues
from .moment import RANK, Moment, astro, historical
from .normalise import Parsed
from .reference import _contains, DATED_DEICTICS, DCT_DEICTICS, PART_MOD, Reference
from .years import joined_year


class Deixis:
    """Methods for deictic and week/quarter expressions; state lives on the resolver."""

    def _deixis(self, p: Parsed) -> Timex | None:
        word = (p.deictic_word or "").lower()
        named = self._named_without_deixis(p, word)
        if named is not None:
            return named
        base = self._deixis_base(p, word)
        if base is None or base.moment.year is None:
            return self._unanchored(p)
        period = self._period_reading(p, base)
        if period is not None:
            return period()
        n = p.deictic or 0
        m = self._deictic_moment(p, base.moment, n)
        if m is None:
            return self._unanchored(p)
        basis = "inferred" if n == 0 else "relative"
        t = self._timex(p, m, basis, base.text, base.moment.timex())
        if n >= 0 and self._moves_reader(p, m):  # "the previous year" looks back: a flashback
            self._advance(p, t, m)
        return t

    def _named_without_deixis(self, p: Parsed, word: str) -> Timex | None:
        """A season or month the deictic rules matched without a deictic step: "winter
        quarters" (a kind of thing), or one whose year is written a few words on."""
        m = p.moment
        if p.deictic or m is None:
            return None
        if m.season and self._season_kind(p):
            return self._unanchored(replace(p, unit=None))  # "winter quarters": a kind of thing
        if m.year is None and (m.season or m.month) and word not in self.lx["anaphoric_deictics"]:
            joined = self._joined_year(p)  # "the spring and early summer of 1943"
            if joined is not None:
                dated = replace(m, year=joined_year(m, joined.moment))
                return self._timex(p, dated, "inferred", self.text[joined.start:joined.end], joined.moment.timex())
        return None

    def _deixis_base(self, p: Parsed, word: str) -> Reference | None:
        """What a deictic word counts from: the DCT for the words news dates by it, else the
        reader's reference; "that year" the year last mentioned."""
        base = self.dct if (self.dct and (self.genre == "news" or word in DATED_DEICTICS)
                            and word in DCT_DEICTICS) else self.ref
        if word in self.lx["anaphoric_deictics"] and self.mentioned is not None and p.unit in ("Y", "M"):
            base = self._mentioned_at(p.unit, base)  # "by 1940. In August of that year"
        return base

    def _period_reading(self, p: Parsed, base: Reference) -> Callable[[], Timex | None] | None:
        """The reading of a quarter, a report's "year-earlier", a week or a weekend, if the
        expression is one; ``None`` for the other deictic expressions."""
        n, ref = p.deictic or 0, base.moment
        if p.moment is not None and p.moment.gran == "quarter":
            return lambda: self._quarter_deixis(p, base)
        if p.unit == "Y" and p.rule == "year_earlier" and self.quarter is not None:
            return lambda: self._year_earlier(p)
        if p.unit == "W" and p.moment is None and ref.day is not None:
            return lambda: self._week(p, ref, n, base)
        if p.unit == "WE" and (ref.day is not None or self.genre == "news" and self.dct is not None):
            return lambda: self._weekend(p, ref, n, base)
        return None

    def _year_earlier(self, p: Parsed) -> Timex:
        """"year-earlier profit" in a quarterly report: the compared period a year back."""
        r = self._compared_period() or self.quarter
        return self._timex(p, r.moment.shift(-1, "Y"), "relative", r.text, r.moment.timex())

    def _compared_period(self) -> Reference | None:
        """The period a report's "a year earlier" compares with: the quarter it is about, or
        the whole year when a longer stretch ("the nine months") was named after the quarter."""
        if self._stretch_at > self._quarter_at and self.dct is not None:
            return Reference(self.dct.moment.coarsen("year"), self.dct.text)
        return self.quarter

    def _reported_quarter(self) -> Reference | None:
        """The quarter a report is about: the last one named, else the one before the DCT."""
        if self.quarter is not None:
            return self.quarter
        base = self.dct if self.genre == "news" and self.dct else self.ref
        if base is None or base.moment.year is None or base.moment.month is None:
            return None
        return Reference(base.moment.coarsen("quarter").shift(-1, "Q"), base.text)

    def _quarter_deixis(self, p: Parsed, base: Reference) -> Timex | None:
        """"the quarter", "the year-ago quarter", "next quarter"."""
        word = " ".join((p.deictic_word or "").lower().replace("-", " ").split())
        self._quarter_at = p.start
        if not word or word in cues.words("reported_quarter_words"):
            r = self._reported_quarter()
            if r is None:
                return self._unanchored(p)
            return self._timex(p, r.moment, "inferred", r.text, r.moment.timex())
        if word in cues.words("year_ago_words"):
            r = self._reported_quarter()
            if r is None:
                return self._unanchored(p)
            return self._timex(p, r.moment.shift(-1, "Y"), "relative", r.text, r.moment.timex())
        if base.moment.month is None:
            return self._unanchored(p)
        m = base.moment.coarsen("quarter").shift(p.deictic or 0, "Q")
        return self._timex(p, m, "relative" if p.deictic else "inferred", base.text, base.moment.timex())

    def _mentioned_at(self, unit: str, base: Reference | None) -> Reference | None:
        """"that year" names the year last mentioned, even one that did not move the reader."""
        gran = "year" if unit == "Y" else "month"
        m = self.mentioned.moment
        if m.year is None or RANK.get(m.gran, 0) < RANK[gran]:
            return base
        if base is not None and _contains(m.coarsen(gran), base.moment):
            return base  # the reader's finer date lies in that year already
        return self.mentioned

    def _week(self, p: Parsed, ref: Moment, n: int, base: Reference) -> Timex | None:
        d = ref.to_date()
        if d is None:
            return None
        d = d + dt.timedelta(days=7 * n)
        y, w, wd = d.isocalendar()
        monday, sunday = d - dt.timedelta(days=wd - 1), d + dt.timedelta(days=7 - wd)
        lo, hi = monday.isoformat(), sunday.isoformat()
        return Timex(p.start, p.end, self.text[p.start:p.end], "DATE", f"{y:04d}-W{w:02d}",
                     f"{lo}/{hi}", lo, hi, "inferred" if n == 0 else "relative",
                     PART_MOD.get(p.part) if p.part else p.mod, base.text, anchor_value=ref.timex())

    def _weekend(self, p: Parsed, ref: Moment, n: int, base: Reference) -> Timex | None:
        """A weekend: "last weekend" the one before the reference day, "next weekend" the
        one after; "the weekend" the one just past, or the coming one in a future clause."""
        if self.genre == "news" and self.dct is not None:
            base, ref = self.dct, self.dct.moment  # a report's weekend is its own week's
        d = ref.to_date()
        if d is None:
            return None
        ahead = n > 0 or (n == 0 and self._future(p))
        saturday = d - dt.timedelta(days=(d.isoweekday() - 6) % 7)  # the last Saturday on or before d
        if ahead and saturday < d - dt.timedelta(days=1):
            saturday += dt.timedelta(days=7)
        if n < 0 and saturday >= d - dt.timedelta(days=1):
            saturday -= dt.timedelta(days=7)
        y, w, _ = saturday.isocalendar()
        lo, hi = saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat()
        return Timex(p.start, p.end, self.text[p.start:p.end], "DATE", f"{y:04d}-W{w:02d}-WE",
                     f"{lo}/{hi}", lo, hi, "inferred" if n == 0 else "relative", p.mod, base.text,
                     anchor_value=ref.timex())

    def _weekday(self, r: Moment, weekday: int, direction: int, strict: bool = False) -> dt.date | None:
        d = r.to_date()
        if d is None or r.day is None:
            return None
        # a story's weekday may be the day it is already on ("28 June 1914 ... on Sunday"),
        # never with "last"/"next" (``strict``): "last Monday" said on a Monday is a week back
        first = 1 if strict else 0 if direction < 0 or self.genre != "news" else 1
        for k in range(first, 8):
            c = d + dt.timedelta(days=direction * k)
            if c.isoweekday() == weekday:
                return c
        return None

    def _deictic_moment(self, p: Parsed, ref: Moment, n: int) -> Moment | None:
        m = p.moment
        if m is not None:
            if m.month and p.unit == "Y":  # "August of that year"
                return replace(m, year=ref.year + n)
            if m.season:
                return Moment("season", year=_deictic_season_year(m.season, ref, n), season=m.season)
            if m.month and not m.day:
                return Moment("month", year=_deictic_month_year(m.month, ref, n), month=m.month)
            if m.weekday and not m.month:
                d = self._weekday(ref, m.weekday, n if n else 1, strict=bool(n))
                return Moment.of_date(d) if d else None
            if m.daypart:
                if ref.day is None:
                    return None
                day = ref.coarsen("day").shift(n, "D")
                return replace(day, gran="time", daypart=m.daypart)
        return _unit_moment(p.unit, ref, n)


# seasons in the order of their years: a winter is named by its December
_SEASON_ORDER = ["SP", "SU", "FA", "WI"]

# the granularity a deictic unit names ("the next day", "that decade")
_UNIT_GRAN = {"Y": "year", "M": "month", "D": "day", "W": "day", "DE": "decade", "CE": "century",
              "H": "day", "MIN": "day"}


def _deictic_season_year(season: str, ref: Moment, n: int) -> int | None:
    """The year of "next spring", "last winter", "the winter" read from ``ref``."""
    y = ref.year if ref.year is not None else None
    if n and ref.gran in ("month", "day", "time", "season"):
        return _counted_season_year(season, ref, n)
    if n:
        return ref.year + n
    if season == "WI" and ref.month in (1, 2):
        y -= 1  # "the winter" in January: the one under way
    return y


def _counted_season_year(season: str, ref: Moment, n: int) -> int:
    """Step season by season from the one ``ref`` lies in to the next (or last) ``season``."""
    order = _SEASON_ORDER
    if ref.season:
        cur, cy = ref.season, astro(ref.year)
    else:
        cur = order[(ref.month - 3) % 12 // 3]
        cy = astro(ref.year) - (1 if ref.month in (1, 2) else 0)
    delta = (order.index(season) - order.index(cur)) % 4 or 4
    if n < 0:
        delta = delta - 4
    k = cy * 4 + order.index(cur) + delta
    return historical(k // 4)


def _deictic_month_year(month: int, ref: Moment, n: int) -> int | None:
    """The year of "next August", "last March" read from ``ref``."""
    y = ref.year
    if n > 0 and ref.month and month <= ref.month:
        y += 1
    elif n < 0 and ref.month and month >= ref.month:
        y -= 1
    return y


def _unit_moment(unit: str | None, ref: Moment, n: int) -> Moment | None:
    """"the next day", "that decade": ``ref`` moved ``n`` units, at the unit's granularity."""
    if unit is None:
        return None
    gran = _UNIT_GRAN.get(unit, "year")
    if RANK[gran] > RANK[ref.gran]:
        if n == 0:
            return ref.coarsen(gran) if RANK[ref.gran] >= RANK[gran] else ref
        return ref.shift(n, unit)
    return ref.shift(n, unit).coarsen(gran)
