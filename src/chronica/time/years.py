"""The year of a date written without one ("in August", "on the 20th", "at 3 a.m."): read
from a date written nearby, else from the reference the resolver has reached. A mixin of
:class:`~chronica.time.resolve.Resolver`; the state lives on the resolver."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
import re
from dataclasses import replace

from .moment import Moment, next_day
from .normalise import Parsed
from .reference import _CLAUSE_START, _days, _past_midnight, _weekday_of_month, _WORDS, Reference


class Years:
    """Methods that give a yearless date its year; state lives on the resolver."""

    def _fill_year(self, p: Parsed, m: Moment) -> tuple[Moment, Reference | None]:
        """The year (and for a clock time, the day) of a date written without one, with the
        reference it was read from."""
        written = self._year_written_nearby(p, m)
        if written is not None:
            return written
        base = self.dct if self.genre == "news" and self.dct else self.ref
        if base is None or base.moment.year is None:
            return m, None
        r = base.moment
        if m.gran == "quarter":
            return replace(m, year=self._quarter_year(p, m, r, base is self.dct)), base
        if m.gran == "season" and m.season == "WI" and r.month in (1, 2):
            return replace(m, year=r.year - 1), base  # "the winter" in January: the one under way
        y = self._month_year(p, m, r, base is self.dct)
        if m.day and not m.month and not m.weekday and r.month:
            return self._bare_day(p, m, r, y, base)
        if m.weekday and not m.month:
            return self._weekday_date(p, m, r, base)
        if m.gran == "time" and m.month is None and r.day is not None:
            return self._clock_day(m, r, y), base
        main = self._back_on_mainline(p, replace(m, year=y), base)
        if main is not None:
            return replace(m, year=main.moment.year), main
        return replace(m, year=y), base

    def _year_written_nearby(self, p: Parsed, m: Moment) -> tuple[Moment, Reference] | None:
        """The date a later expression of the clause or sentence writes out: a clock time's
        day, a bare month's or season's year."""
        if m.gran == "time" and m.month is None:
            later = self._later_day(p)  # "At 5:34 AM Baghdad time on March 20, 2003"
            if later is not None:
                d = later.moment
                return replace(m, year=d.year, month=d.month, day=d.day), \
                    Reference(d, self.text[later.start:later.end])
        if m.gran in ("month", "season", "day") and m.month is not None or m.gran == "season":
            joined = self._joined_year(p)  # "the spring and early summer of 1943"
            if joined is not None:
                j = joined.moment
                return replace(m, year=joined_year(m, j)), Reference(j, self.text[joined.start:joined.end])
        return None

    def _bare_day(self, p: Parsed, m: Moment, r: Moment, y: int,
                  base: Reference) -> tuple[Moment, Reference]:
        """"on the 20th": the month in play, or the partner's: "from the 13th to the 19th of May"."""
        partner = self._month_partner(p)
        if partner is not None:
            pm = partner.moment
            return replace(m, year=pm.year or y, month=pm.month), Reference(pm, self.text[partner.start:partner.end])
        return replace(m, year=y, month=r.month), base

    def _weekday_date(self, p: Parsed, m: Moment, r: Moment,
                      base: Reference) -> tuple[Moment, Reference | None]:
        """A weekday near the reference day: in news back from the DCT unless the clause is
        future; "Sunday the 6th" the next 6th on a Sunday."""
        direction = -1 if self.genre == "news" and not self._future(p) else 1
        if m.day:
            d = _weekday_of_month(r, m.weekday, m.day, direction)
            if d is not None:
                return replace(m, year=d.year, month=d.month, day=d.day), base
        d = self._weekday(r, m.weekday, direction)
        if d is None:
            return m, None
        return replace(m, year=d.year, month=d.month, day=d.day), base

    def _clock_day(self, m: Moment, r: Moment, y: int) -> Moment:
        """A clock time on the reference day, or the next day once the night crossed midnight."""
        if _past_midnight(self.clock, r, m):  # "at 11 p.m. ... at 3 a.m.": the next day
            ny, nm, nd = next_day((r.year, r.month, r.day))
            self.crossed = True
            return replace(m, year=ny, month=nm, day=nd)
        return replace(m, year=y, month=r.month, day=r.day)

    def _quarter_year(self, p: Parsed, m: Moment, r: Moment, from_dct: bool) -> int:
        """A report's "the fourth quarter" in January is last year's; a quarter well ahead
        of the one just ended, said in the future tense, next year's."""
        y, cur = r.year, r.coarsen("quarter").quarter
        if cur and m.quarter and self.genre == "news" and from_dct:
            if m.quarter > cur + 1 and not self._future(p):
                return y - 1
            if m.quarter < cur - 1 and self._future(p):
                return y + 1
        return y

    def _month_year(self, p: Parsed, m: Moment, r: Moment, from_dct: bool) -> int:
        """The year of a yearless month: in news by the clause's tense (no tense: the nearer
        one); in a story the story's year, unless the month is just across New Year."""
        y = r.year
        if self.genre == "news" and from_dct and m.month:
            tense = self._tense(p)
            if tense == 0 and r.month:
                ahead = (m.month - r.month) % 12
                return y + (1 if m.month < r.month and ahead < 6 else -1 if m.month > r.month and ahead >= 6 else 0)
            if tense < 0 and m.month > r.month + 1:
                return y - 1
            if tense > 0 and m.month < r.month:
                return y + 1
            return y
        if r.gran == "season" and r.season == "WI" and m.month in (1, 2):
            return y + 1
        if m.month and r.month and r.gran in ("month", "day", "time"):
            # the nearer reading: "January" after "December 1941" is January 1942
            back, fwd = (r.month - m.month) % 12, (m.month - r.month) % 12
            if m.month < r.month and fwd <= 2:
                return y + 1
            if m.month > r.month and back <= 2:
                return y - 1
        return y

    def _joined_year(self, p: Parsed) -> Parsed | None:
        """An explicit year a few words on in the same clause governs a bare month or season
        before it: "the spring and early summer of 1943", "their summer offensive against
        southern Russia in June 1942"."""
        i = bisect_right(self._upcoming_starts, p.start)
        if i >= len(self.upcoming):
            return None
        q = self.upcoming[i]
        gap = self.text[p.end:q.start]
        if len(gap) > 60 or _CLAUSE_START.search(gap) or any(c in gap for c in ".!?\n") \
                or any(c.isdigit() for c in gap):
            return None  # another clause, or another number between: not this date's year
        if set(_WORDS.findall(gap.lower())) & self.lx["join_breakers"]:
            return None  # "in November since the 2003 invasion": another time, not its year
        m = q.moment
        if q.kind != "date" or m is None or m.year is None or q.short_year or m.gran == "time":
            return None
        if m.gran not in ("year", "season", "month", "day"):
            return None
        return q

    def _later_day(self, p: Parsed) -> Parsed | None:
        """A full date given later in the same sentence: a clock time before it is on that day."""
        _, e = self._sentence(p.start)
        for q in self.upcoming[bisect_right(self._upcoming_starts, p.start):]:
            if q.start >= e:
                return None
            m = q.moment
            if q.kind == "date" and m is not None and m.day and m.year is not None and not q.short_year \
                    and m.gran == "day":
                return q
        return None

    def _month_partner(self, p: Parsed) -> Parsed | None:
        """The dated day a bare day belongs with: a partner right after it ("the 13th to the 19th
        of October"), else the last day written with its month in the paragraph, quoted or not
        ("on the 20 September.... on the 20th")."""
        i = bisect_right(self._upcoming_starts, p.start)
        for q in self.upcoming[i:]:
            if q.start > p.end + 24:
                break
            if _day_with_month(q) and re.fullmatch(r"\s*(?:to|and|or|-|–|until|till|through)\s*",
                                                   self.text[p.end:q.start]):
                return q
        para = self.text.rfind("\n", 0, p.start)
        for q in reversed(self.upcoming[:bisect_left(self._upcoming_starts, p.start)]):
            if q.end <= para or q.end < p.start - 400:
                return None
            if _day_with_month(q) and q.moment.day <= p.moment.day:
                return q
        return None

    def _back_on_mainline(self, p: Parsed, m: Moment, base: Reference) -> Reference | None:
        """A yearless date that would fall before the aside it follows continues the story's
        front instead: "15 July" after the aside is July of the front's year if that is
        still ahead of the front."""
        if self.mainline is None or base is not self.ref or m.month is None:
            return None
        here, aside = m.bounds(), base.moment.bounds()
        front = self.mainline.moment
        if here is None or aside is None or front.year is None:
            return None
        if _days(here[1]) >= _days(aside[0]):
            return None
        alt = replace(m, year=front.year).bounds()
        if alt is not None and _days(alt[0]) >= _days(front.bounds()[0]):
            return self.mainline
        return None


def _day_with_month(q: Parsed) -> bool:
    return q.kind == "date" and q.moment is not None and bool(q.moment.month) and bool(q.moment.day)


def joined_year(m: Moment, joined: Moment) -> int:
    """The year of a bare season or month from the dated one it is joined to: that year,
    but "the winter and spring of 1602" is the winter that ends in that spring (1601-02)."""
    back = m.gran == "season" and m.season == "WI" and joined.gran == "season" and joined.season != "WI"
    return joined.year - int(back)
