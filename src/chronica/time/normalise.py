"""A rule match's named groups -> ``Parsed``: what the expression says, before anchoring."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from . import calendars, cues
from .lexicon import Lexicon, compile_pattern, squash
from .moment import Moment
from .rules import Rule


@dataclass(frozen=True)
class Parsed:
    kind: str  # date | range | duration | offset | deixis | ref | set
    start: int
    end: int
    rule: str
    moment: Moment | None = None  # absolute or year-less point
    moment2: Moment | None = None  # end of a range
    split: tuple[tuple[int, int], tuple[int, int]] | None = None  # extents of a range's ends
    part: str | None = None  # START/MID/END/FIRST_HALF/SECOND_HALF
    mod: str | None = None  # from a hedge: APPROX, LESS_THAN, MORE_THAN ...
    amount: tuple[str, float, float, float] | None = None
    unit: str | None = None
    direction: int = 0
    deictic: int | None = None
    deictic_word: str | None = None
    ref: str | None = None
    quant: str | None = None
    short_year: bool = False  # a two-digit year that needs its century


_NEXT_WORD = compile_pattern(r"[ \t]+(\w+)")
_NAME_BEFORE = compile_pattern(r"\bthe\s+(?:\d{4}\s+)?$", re.I)
_NAME_WORD = compile_pattern(r"(?<=[a-z,] )([A-Z][a-z]+)\s+$")  # a capitalised word mid-sentence, right before
_PHRASE_END = compile_pattern(r"\s*(?:[.,;:!?)\"”]|\(|$)")


class Normaliser:
    def __init__(self, lexicon: Lexicon):
        self.lx = lexicon

    def __call__(self, rule: Rule, m: re.Match, text: str) -> Parsed | None:
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        base = dict(start=m.start(), end=m.end(), rule=rule.name, part=self.lx.part(g.get("part")),
                    mod=self.lx.get("hedges", g.get("hedge")))
        if g.get("month") and not self._month_ok(g["month"], m, text):
            return None
        kind = rule.kind
        if kind == "duration" and self._ordinal_second(g, m, text):
            return None
        if kind == "date":
            moment, short = self._moment(g, "")
            if moment is None:
                return None
            return Parsed("date", moment=moment, short_year=short, **base)
        if kind == "range":
            return self._range(g, m, base)
        if kind == "edge":
            return self._edge(g, m, base)
        if kind in ("duration", "offset", "deixis", "set"):
            return self._quantity(kind, g, base)
        if kind == "ref":
            ref = self.lx.get("refs", g.get("ref")) or self.lx.get("generic_times", g.get("generic"))
            return Parsed("ref", ref=str(ref), **base) if ref is not None else None
        if kind == "calendar":
            return self._calendar(g, base)
        if kind == "regnal":  # "the fifth year of his reign", "two years after his accession"
            n = self.lx.ordinal(g["nthw"] if g.get("nthw") else g["nth"]) if ("nth" in g or "nthw" in g) else None
            amount = (str(n), float(n), float(n), float(n)) if n else self.lx.amount(g.get("amount", ""))
            unit = self.lx.unit(g.get("unit")) if g.get("unit") else ("Y", 1)
            if amount is None or unit is None or unit[0] != "Y":
                return None
            return Parsed("regnal", amount=amount, unit="Y", direction=-1 if g.get("dirword") == "before" else 1,
                          **base)
        return None

    def _calendar(self, g: dict, base: dict) -> Parsed | None:
        """A date of another calendar as the Gregorian day (or span) it was."""
        day: tuple | None = None
        if g.get("mill") or g.get("millw"):  # "the second millennium BC": 2000-1001 BC
            n = self.lx.ordinal(g.get("mill") or g["millw"])
            if not n:
                return None
            bc = self.lx.get("eras", g.get("era")) == "BC"
            first, last = (-1000 * n, -1000 * (n - 1) - 1) if bc else (1000 * (n - 1) + 1, 1000 * n)
            return Parsed("range", moment=Moment("year", year=first), moment2=Moment("year", year=last), **base)
        if g.get("hyear_"):  # "1014 AH": the year written before the era
            g = {**g, "hyear": g["hyear_"]}
        if g.get("fryear"):  # "9 Thermidor Year II"
            y = calendars.roman(g["fryear"])
            day = calendars.french_republican(y, self.lx.get("french_months", g["frmonth"]), int(g["frday"])) \
                if y else None
        elif g.get("hyear") and g.get("hmonth"):  # "12 Rabi al-Awwal 1014 AH"
            day = calendars.hijri_day(int(g["hyear"]), self.lx.get("hijri_months", g["hmonth"]),
                                      int(g.get("hday") or 1))
            if day and not g.get("hday"):
                end = calendars.hijri_day(int(g["hyear"]), self.lx.get("hijri_months", g["hmonth"]), 29)
                return self._span(day, end, base)
        elif g.get("hyear"):  # "AH 1014": the Gregorian days the Hijri year ran
            span = calendars.hijri_year(int(g["hyear"]))
            return self._span(*span, base) if span else None
        elif g.get("oldstyle"):  # "12 March 1710 O.S."
            month = self.lx.get("months", g["month"].rstrip("."))
            day = calendars.julian(int(g["year"]), month, int(g["day"])) if month else None
        if day is None:
            return None
        return Parsed("date", moment=Moment("day", year=day[0], month=day[1], day=day[2]), **base)

    @staticmethod
    def _span(first: tuple | None, last: tuple | None, base: dict) -> Parsed | None:
        if first is None or last is None:
            return None
        return Parsed("range", moment=Moment("day", year=first[0], month=first[1], day=first[2]),
                      moment2=Moment("day", year=last[0], month=last[1], day=last[2]), **base)

    # ------------------------------------------------------------- helpers --

    def _month_ok(self, word: str, m: re.Match, text: str) -> bool:
        """"may", "march" and abbreviations count only when capitalised."""
        if squash(word) in self.lx["ambiguous_months"] and not word[0].isupper():
            return False
        if m.group() == word and _NAME_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            after = _NEXT_WORD.match(text, m.end())
            if after and after[1][0].isupper() and squash(after[1]) not in self.lx["months"] \
                    and squash(after[1]) not in self.lx["weekdays"]:
                return False  # "the October Revolution", "the 1917 February Revolution": a name
        if squash(word) in self.lx["noun_months"] and m.group() == word and self._a_march(m, text):
            return False
        return True

    def _ordinal_second(self, g: dict, m: re.Match, text: str) -> bool:
        """"a second attack", "a second column": the ordinal, not one second of time."""
        if squash(g.get("unit", "")) != "second" or squash(g.get("amount", "")) not in cues.words("single_amounts"):
            return False
        after = _NEXT_WORD.match(text, m.end())
        return bool(after) and after[1].islower() and after[1] not in self.lx["second_continuations"]

    def _a_march(self, m: re.Match, text: str) -> bool:
        """"the March to Versailles", "the Long March", "the Ice March.", "Women's March on
        ...": a march, not a month. A month after "the" or a name comes with a day, a year
        or a noun ("the March offensive"); a march goes somewhere or ends the phrase."""
        before = text[max(0, m.start() - 40):m.start()]
        after = _NEXT_WORD.match(text, m.end())
        if after and after[1][0].isdigit():
            return False
        prev = _NAME_WORD.search(before)  # "the famous Long March": a capitalised word inside a phrase
        if prev and squash(prev[1]) not in self.lx["months"] and squash(prev[1]) not in self.lx["weekdays"]:
            return True
        goes = bool(after) and after[1].lower() in self.lx["march_after"]
        ends = _PHRASE_END.match(text, m.end()) is not None
        return (goes or ends) and before.lower().endswith(("the ", "'s ", "’s ", "s' ", "s’ ", "“", '"'))

    def _year(self, g: dict, suffix: str) -> tuple[int | None, bool]:
        raw = g.get("year" + suffix)
        if raw is None:
            return None, False
        era = self.lx.get("eras", g.get("era" + suffix) or g.get("era"))
        y = int(raw) if raw.isdigit() else self.lx.year_number(raw)
        if y is None:
            return None, False
        if era == "BC":
            return -y, False
        if len(raw) == 2 and not era:
            return y, True  # century filled in later
        return y, False

    def _moment(self, g: dict, sfx: str) -> tuple[Moment | None, bool]:
        lx = self.lx
        span = self._century_or_decade(g)
        if span is not None:
            return span
        year, short = self._year(g, sfx)
        month = None
        if g.get("monthn" + sfx):
            month = int(g["monthn" + sfx])
        elif g.get("month" + sfx):
            month = lx.get("months", g["month" + sfx].rstrip("."))
        day = None
        if g.get("day" + sfx):
            day = int(g["day" + sfx])
            if not 1 <= day <= 31:
                return None, False
        month, day, movable = self._feast(g, month, day)
        weekday = lx.get("weekdays", g.get("weekday"))
        clock = self._clock(g)
        if clock is None:
            return None, False
        hour, minute, daypart = clock
        if "quarter" in g or g.get("qperiod"):
            q = lx.get("quarters", g.get("quarter")) if g.get("quarter") else None
            if g.get("qyear"):
                year = int(g["qyear"])
            return Moment("quarter", year=year, quarter=q), short
        season = lx.get("seasons", g.get("season"))
        if season:
            return Moment("season", year=year, season=season), short
        if hour is not None or daypart:
            gran = "time"
        elif day is not None or movable:
            gran = "day"
        elif month is not None:
            gran = "month"
        elif weekday is not None:
            gran = "day"
        elif year is not None:
            gran = "year"
        else:
            return None, False
        if day and month and year and not _valid(year, month, day):
            return None, False
        moment = Moment(gran, year=year, month=month, day=day, weekday=weekday, hour=hour,
                        minute=minute, daypart=daypart, movable=movable)
        return moment.settle(), short

    def _century_or_decade(self, g: dict) -> tuple[Moment | None, bool] | None:
        """ "the 3rd century BC", "the 1790s", "the 70s BC"; ``None`` when the match is neither."""
        lx = self.lx
        if g.get("century") or g.get("centuryw"):
            n = lx.ordinal(g.get("century") or g.get("centuryw"))
            bc = lx.get("eras", g.get("era")) == "BC"
            return (Moment("century", century=-(n) if bc else n - 1), False) if n else (None, False)
        if g.get("decade"):
            d = int(g["decade"])
            if lx.get("eras", g.get("era")) == "BC":
                return Moment("decade", decade=-(d // 10)), False
            if d % 100 == 0:  # "the 1800s": a century
                return Moment("century", century=d // 100), False
            return Moment("decade", decade=d // 10), False
        return None

    def _feast(self, g: dict, month: int | None, day: int | None) -> tuple[int | None, int | None, str | None]:
        """A holiday sets month and day; a movable feast's day waits for its year."""
        holiday = self.lx.get("holidays", g.get("holiday"))
        if not holiday:
            return month, day, None
        month, when = holiday
        if isinstance(when, int):
            return month, when, None
        return month, day, when

    def _clock(self, g: dict) -> tuple[int | None, int | None, str | None] | None:
        """(hour, minute, part of day) of the match; ``None`` for an impossible hour. Noon and
        midnight are clock times (midnight is 24:00, the day's end)."""
        hour = minute = daypart = None
        if g.get("hour") is not None:
            hour, minute = int(g["hour"]), int(g.get("minute") or 0)
            ampm = squash(g.get("ampm") or "")
            if ampm.startswith("p") and hour < 12:
                hour += 12
            elif ampm.startswith("a") and hour == 12:
                hour = 0
            if hour > 23:
                return None
        if g.get("daypart"):
            dp = self.lx.get("day_parts", g["daypart"])
            daypart = dp[0] if dp else None
            if dp and dp[1] == dp[2] and hour is None:
                hour, minute, daypart = dp[1], 0, None
        return hour, minute, daypart

    def _range(self, g: dict, m: re.Match, base: dict) -> Parsed | None:
        ends = self._range_ends(g)
        if ends is None:
            return None
        first, second = ends
        return Parsed("range", moment=first, moment2=second, split=_range_split(g, m), **base)

    def _range_ends(self, g: dict) -> tuple[Moment, Moment] | None:
        """The two ends of a range, each completed from the other; ``None`` for ends that
        do not make a forward range."""
        if g.get("era2") and not g.get("era"):
            g = {**g, "era": g["era2"]}  # "499-493 BC": the era written once covers both
        first, short1 = self._moment(g, "")
        second, short2 = self._moment(_second_end_groups(g), "")
        if first is None or second is None:
            return None
        if short2 and first.year is not None:
            century = first.year // 100 * 100
            y2 = century + second.year
            if y2 < first.year:
                y2 += 100
            second = Moment(second.gran, year=y2, month=second.month, day=second.day)
        if first.year is None and second.year is not None:
            first = Moment(first.gran, year=second.year, month=first.month, day=first.day)
        if not _forward(first, second):
            return None
        return first, second

    def _edge(self, g: dict, m: re.Match, base: dict) -> Parsed | None:
        """"the last week of September": a stretch (amount, unit) at one end of a period."""
        period, short = self._moment(g, "")
        if period is None or period.gran not in ("year", "season", "month"):
            return None
        unit = self.lx.unit(g.get("unit"))
        amount = self.lx.amount(g["amount"]) if g.get("amount") else ("1", 1.0, 1.0, 1.0)
        if unit is None or amount is None:
            return None
        starts = [m.start(k) for k in ("month", "season", "year") if g.get(k) is not None]
        split = ((m.start(), m.end("unit")), (min(starts), m.end()))
        base = {**base, "mod": self.lx.get("period_edges", g["edge"])}
        return Parsed("edge", moment=period, split=split, amount=amount, unit=unit[0],
                      short_year=short, **base)

    def _quantity(self, kind: str, g: dict, base: dict) -> Parsed | None:
        lx = self.lx
        if g.get("unit", "a")[0].isupper() and g.get("amount", "A")[0].islower():
            return None  # "a Second Assembly": a capital inside the phrase makes it a name
        unit = lx.unit(g.get("unit"))
        amount = lx.amount(g["amount"]) if g.get("amount") else None
        if g.get("amount") and amount is None:
            if squash(g["amount"]) == "other":
                amount = ("2", 2.0, 2.0, 2.0)
            else:
                return None
        direction = lx.get("directions", g.get("dir"), 0)
        deictic_word = g.get("deictic")
        deictic = self._deictic_step(deictic_word)
        moment = None
        if kind in ("deixis", "set"):
            moment, _ = self._moment(g, "")
        if kind == "set":
            return self._set_of(g, unit, amount, moment, base)
        if kind == "offset":
            counted = self._offset_amount(g, unit, amount, direction)
            if counted is None:
                return None
            unit, amount, direction = counted
        if _incomplete(kind, unit, amount, moment):
            return None
        if kind == "duration" and amount is None:  # "the year ended ...": one; else an unstated few
            amount = ("1", 1.0, 1.0, 1.0) if g.get("one") else ("X", 3.0, 2.0, 10.0)
        return Parsed(kind, unit=unit[0] if unit else None, amount=amount, direction=direction,
                      deictic=deictic, deictic_word=deictic_word, moment=moment, **base)

    def _deictic_step(self, deictic_word: str | None) -> int | None:
        """How many units a deictic word steps ("next" 1, "last" -1, "this" 0)."""
        if deictic_word is None:
            return None
        d = squash(deictic_word)
        deictic = self.lx.get("deictics", d)
        if deictic is None:
            deictic = int(cues.table("relative_deictics").get(d, 0))
        return deictic

    def _set_of(self, g: dict, unit: tuple | None, amount: tuple | None, moment: Moment | None,
                base: dict) -> Parsed:
        """A set: a frequency word ("daily") or an every-unit ("every week", "each Monday")."""
        if g.get("freq"):
            value, quant = self.lx.get("frequencies", g["freq"])
            return Parsed("set", ref=value, quant=quant, **base)
        return Parsed("set", unit=unit[0] if unit else None, amount=amount, moment=moment,
                      quant="EVERY", **base)

    def _offset_amount(self, g: dict, unit: tuple | None, amount: tuple | None,
                       direction: int) -> tuple[tuple | None, tuple | None, int] | None:
        """An offset's (unit, amount, direction): "the fifth day of the siege" is four days
        on, "two years and five months" 29 months, "days later" an unstated few."""
        lx = self.lx
        if g.get("nth") or g.get("nthw"):  # "the fifth day of the siege":
            n = int(g["nth"]) if g.get("nth") else lx.get("ordinals", squash(g["nthw"]))  # four days on
            if not n or n > 99:
                return None
            amount, direction = (str(n - 1), float(n - 1), float(n - 1), float(n - 1)), 1
        if g.get("amount2") and unit and amount:
            unit, amount = _in_finer_unit(unit, amount, lx.unit(g.get("unit2")), lx.amount(g["amount2"]))
        if amount is None and (g.get("unit") or "").lower().endswith("s"):
            amount = lx.amount("a few")  # "days later": an unstated few
        return unit, amount, direction


def _incomplete(kind: str, unit: tuple | None, amount: tuple | None, moment: Moment | None) -> bool:
    """A duration or offset needs a unit (an offset an amount too); a deixis a unit or a moment."""
    if kind in ("duration", "offset") and (unit is None or (amount is None and kind == "offset")):
        return True
    return kind == "deixis" and unit is None and moment is None


def _second_end_groups(g: dict) -> dict:
    """The match groups of a range's end: its own ("year2" ...), and what it does not say
    inherited from the start."""
    g2 = dict(g)
    for k in ("year", "month", "day", "era"):
        g2.pop(k, None)
        if k + "2" in g:
            g2[k] = g[k + "2"]
    return {**{k: g[k] for k in ("year", "month", "era") if k in g and k + "2" not in g}, **g2}


def _forward(first: Moment, second: Moment) -> bool:
    """The ends make a forward range; two yearless days ("April 6-7") wait for the resolver
    to give them the narrative's year."""
    if first.year is None and second.year is None and first.day and second.day:
        return not (second.month, second.day) < (first.month, first.day)
    return not (first.year is None or second.year is None or second.year < first.year)


def _range_split(g: dict, m: re.Match) -> tuple[tuple[int, int], tuple[int, int]]:
    """The text extents of a range's two ends: "May and July 1940" gives the year to the
    second, "12-14 July" the month."""
    s1 = [m.span(k) for k in ("year", "month", "day") if g.get(k) is not None]
    s2 = [m.span(k + "2") for k in ("year", "month", "day") if g.get(k + "2") is not None]
    if g.get("year") is not None and g.get("year2") is None:  # "May and July 1940"
        s2.append(m.span("year"))
        s1 = [s for s in s1 if s != m.span("year")]
    if g.get("era2") is not None:
        s2.append(m.span("era2"))  # "493 BC"
    if g.get("month") is not None and g.get("month2") is None and g.get("day2") is not None \
            and m.start("month") > m.start("day2"):  # "12-14 July": the month goes with 14
        s2.append(m.span("month"))
        s1 = [s for s in s1 if s != m.span("month")]
    return (min(a for a, _ in s1), max(b for _, b in s1)), (min(a for a, _ in s2), max(b for _, b in s2))


# how many of the finer unit one of the coarser makes, for "N years and M months"
_FINER = {("Y", "M"): 12, ("Y", "W"): 52, ("Y", "D"): 365, ("M", "W"): 4, ("M", "D"): 30,
          ("W", "D"): 7, ("D", "H"): 24, ("H", "MIN"): 60}


def _in_finer_unit(unit, amount, unit2, amount2):
    """"two years and five months" as 29 months; unchanged when the two do not combine."""
    if unit2 is None or amount2 is None or amount[0] == "X" or amount2[0] == "X":
        return unit, amount
    k = _FINER.get((unit[0], unit2[0]))
    if k is None:
        return unit, amount
    total = amount[1] * k + amount2[1]
    text = str(int(total)) if total == int(total) else str(total)
    return unit2, (text, total, total, total)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        return d <= calendar.monthrange(y if 0 < y < 10000 else 2001, m)[1]
    except Exception:
        return False
