"""Second pass: anchor what the rules found on the narrative's own time.

The reference moves through the text the way a reader's does: each explicit date, a
section heading's scope and forward-moving relative expressions ("two days later")
reset it; asides (parentheses, "the revolution of 1917", "the 1937 commission") and
flashbacks ("a few weeks ago") do not. News texts anchor deictic words on the DCT.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..model import Timex, When
from .lexicon import Lexicon
from .moment import RANK, UNIT_GRAN, Moment, astro, historical, iso_day
from .normalise import Parsed

PART_MOD = {"START": "START", "MID": "MID", "END": "END", "FIRST_HALF": "START", "SECOND_HALF": "END"}
UNIT_VALUE = {"Y": "Y", "M": "M", "W": "W", "W2": "W", "WE": "D", "D": "D", "DE": "DE", "CE": "CE", "ML": "ML",
              "H": "TH", "MIN": "TM", "S": "TS", "SE": "SE"}
DCT_DEICTICS = {"this", "last", "next", "past", "coming", "current", "present"}
_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
_PRE = re.compile(r"(\w+)\W*$")
_FLASH_FORWARD = re.compile(r"\b(until|till|would|will)\b", re.I)
_FOLLOW = re.compile(r"\s*([A-Za-z]+)")  # used with match(text, pos): no "^"
_PRE2 = re.compile(r"(\w+)\s+(\w+)\W*$")
_CLAUSE_START = re.compile(r"[,;:(\u2014\u2013]")
_WORDS = re.compile(r"[a-z]+")
_RATE_COUNT = re.compile(r"\d[\d,.]*(?:\s+[a-z]+){0,2}\s+$")  # "500 tons a day"
_RATE_BEFORE = re.compile(r"(?:\d|\bper|\bevery|\beach)\s*$", re.I)


@dataclass
class Reference:
    moment: Moment
    text: str


class Resolver:
    """Resolves one document's ``Parsed`` items, in text order."""

    def __init__(self, lexicon: Lexicon, text: str, anchor: dt.date | None, genre: str,
                 sentences: list[tuple[int, int]]):
        self.lx = lexicon
        self.text = text
        self.genre = genre
        self.dct = Reference(Moment.of_date(anchor), "DCT " + anchor.isoformat()) if anchor else None
        self.ref: Reference | None = self.dct if genre == "news" else None
        self.sentences = sentences
        self.sent_starts = [s for s, _ in sentences]
        self.dated: list[tuple[Timex, Moment]] = []  # explicit dates so far (event anchors)
        self.mentioned: Reference | None = None  # the last explicit date, moving or not
        self.mainline: Reference | None = None  # where the story was before it stepped back
        self.staged = False  # the text stages its scenes in the present ("It's May 1940 in ...")
        self.quarter: Reference | None = None  # the quarter a (financial) report is about
        self._quarter_at = -1  # where the report last spoke of a quarter ...
        self._stretch_at = -1  # ... and of a longer stretch ("the nine months", "the first half")
        self.changes: list[tuple[int, When]] = []
        self.stop = lexicon["event_stopwords"]
        self._future_words = lexicon.words("future_markers")
        # past forms: listed ones and regular -ed verbs ("announced", "rolled"); the future
        # list is searched first and wins ties ("expected to", "scheduled")
        self._past_words = re.compile(r"(?<!\w)(?:" + lexicon.alternation("past_markers") +
                                      r"|(?!(?:" + lexicon.alternation("future_markers") +
                                      r")\b)(?-i:[a-z]{3,}ed))(?!\w)", re.I)  # "United" is no verb
        self._neutral = lexicon.words("tense_neutral")
        self._flashback = re.compile(r"(?<!\bthere\s)\bhad\s+(?:(?:already|previously|once|been|not|never)\s+)*"
                                     r"(?:\w+ed|" + lexicon.alternation("past_participles") + r")\b", re.I)
        self._scene_setter = re.compile(r"\W*(?:" + lexicon.alternation("scene_setters") + r")\s+", re.I)
        self.edge_parts: dict[tuple[int, int], tuple[Timex, Timex]] = {}  # TimeML's two parts
        self.range_years: dict[tuple[int, int], int] = {}  # years read for yearless ranges
        self.upcoming: list[Parsed] = []  # every expression of the text, for look-ahead
        self._upcoming_starts: list[int] = []

    def foresee(self, found: list[Parsed]) -> None:
        """Let the resolver look ahead (a clock time takes the date that follows it)."""
        self.upcoming = found
        self._upcoming_starts = [q.start for q in found]

    # ---------------------------------------------------------------- public --

    def scope(self, offset: int, timex: Timex, moment: Moment) -> None:
        """A heading's date governs the text under it."""
        self.ref = Reference(moment, timex.text)
        self.mainline = None
        if self.changes and self.changes[-1][0] == timex.start:
            self.changes.pop()
        self._note(offset, timex)

    def resolve(self, p: Parsed) -> Timex | None:
        fn = getattr(self, "_" + p.kind)
        return fn(p)

    # ----------------------------------------------------------------- kinds --

    def _date(self, p: Parsed) -> Timex | None:
        m = p.moment
        basis, anchor, av = "explicit", None, None
        if p.short_year:
            if self.ref is None or self.ref.moment.year is None:
                return None
            cy = self.ref.moment.year // 100 * 100
            y = cy + m.year
            m = replace(m, year=y - 100 if y > self.ref.moment.year + 1 else y)
            basis, anchor, av = "inferred", self.ref.text, self.ref.moment.timex()
        if m.gran == "quarter" and m.quarter is None:  # "the 1988 quarter": the reported one
            r = self._reported_quarter()
            if r is None:
                return None
            m = replace(m, quarter=r.moment.quarter)
        if m.year is None and m.gran not in ("century", "decade"):
            m, filled = self._fill_year(p, m)
            m = m.settle()
            anchor = filled.text if filled else None
            av = filled.moment.timex() if filled else None
            basis = "inferred" if anchor else "explicit"
        t = self._timex(p, m, basis, anchor, av)
        if m.gran == "quarter" and p.moment.quarter and m.year is not None:
            self.quarter = Reference(m, t.text)
            self._quarter_at = p.start
        if m.year is not None and basis == "explicit":
            self.dated.append((t, m))
            if not self._aside(p):
                self.mentioned = Reference(m, t.text)
        if self._moves_reader(p, m):
            self._advance(p, t, m)
            if basis == "explicit" and self._stages_scene(p):
                self.staged = True
        return t

    def _stages_scene(self, p: Parsed) -> bool:
        """The date is what a present-tense scene-setter opens with ("It's the spring of
        1815; ...", "Today is 5 May 1821")."""
        s, _ = self._sentence(p.start)
        return bool(self._scene_setter.fullmatch(self.text, s, p.start))

    def _range(self, p: Parsed) -> Timex | None:
        a, b = p.moment, p.moment2
        if a.year is None:  # "April 6-7": the year a bare date would take
            a, _ = self._fill_year(replace(p, kind="date"), a)
            if a.year is None:
                return None
            b = replace(b, year=a.year)
            self.range_years[(p.start, p.end)] = a.year
        lo, hi = a.bounds(), b.bounds()
        if lo is None or hi is None:
            return None
        e1, e2 = a.edtf(), b.edtf()
        t = Timex(p.start, p.end, self.text[p.start:p.end], "DATE", f"{a.timex()}/{b.timex()}",
                  f"{e1}/{e2}", iso_day(lo[0]), iso_day(hi[1]), "explicit", p.mod)
        self.dated.append((t, a))
        if not self._aside(p):
            self._advance(p, t, a)
        return t

    def _edge(self, p: Parsed) -> Timex | None:
        """"the last week of September": the interval at that end of the period. The period
        is dated (and moves the reader) as a date of its own; TimeML's two parts are kept."""
        (s1, e1), (s2, e2) = p.split
        period = self._date(replace(p, kind="date", start=s2, end=e2, mod=None, amount=None,
                                    unit=None, split=None))
        if period is None:
            return None
        part = self._duration(replace(p, kind="duration", start=s1, end=e1, mod=None))
        self.edge_parts[(p.start, p.end)] = (part, period)
        if period.earliest is None or period.latest is None:
            return replace(period, start=p.start, end=p.end, text=self.text[p.start:p.end], mod=p.mod)
        lo, hi = _moment_of(period.earliest), _moment_of(period.latest)
        n = int(p.amount[3])  # a vague amount ("the first few weeks") at its widest
        gran = {"M": "month", "Y": "year"}.get(p.unit, "day")
        if p.mod == "START":
            far = lo.coarsen(gran).shift(n - 1, p.unit) if gran != "day" else lo.shift(n, p.unit).shift(-1, "D")
            a, b = lo, _moment_of(far.bounds()[1]) if gran != "day" else far
        else:
            far = hi.coarsen(gran).shift(1 - n, p.unit) if gran != "day" else hi.shift(-n, p.unit).shift(1, "D")
            a, b = (_moment_of(far.bounds()[0]) if gran != "day" else far), hi
        if None in (a.day, b.day) or (astro(a.year), a.month, a.day) > (astro(b.year), b.month, b.day):
            return replace(period, start=p.start, end=p.end, text=self.text[p.start:p.end], mod=p.mod)
        ca, cb = a.coarsen(gran), b.coarsen(gran)
        return Timex(p.start, p.end, self.text[p.start:p.end], "DATE", f"{ca.timex()}/{cb.timex()}",
                     f"{ca.edtf()}/{cb.edtf()}", iso_day((a.year, a.month, a.day)),
                     iso_day((b.year, b.month, b.day)), period.basis, p.mod, period.anchor,
                     anchor_value=period.anchor_value)

    def _duration(self, p: Parsed) -> Timex:
        if self.genre == "news" and p.unit == "M" and p.amount and p.amount[0] in self.lx["report_stretch_months"]:
            self._stretch_at = p.start
        anchor = self._duration_anchor(p)
        return Timex(p.start, p.end, self.text[p.start:p.end], "DURATION", self._period(p), None,
                     None, None, "explicit", p.mod or ("APPROX" if p.amount[0] == "X" else None),
                     anchor, anchor_value=anchor)

    def _duration_anchor(self, p: Parsed) -> str | None:
        """The narrative date a stretch of time runs in ("within two months", after "April
        1940"), as its TIMEX value (TIMEX2's ANCHOR_VAL); none for ages ("18 years old")
        and news, whose durations are not placed on the story's time line."""
        if self.genre == "news" or self.ref is None or self.ref.moment.year is None:
            return None
        surface = self.text[p.start:p.end]
        if surface[:1].isupper() and surface.istitle() and not self._sentence_initial(p):
            return None  # a name: "the Seven Days Battles", "the Hundred Days"
        if self.lx.words("age_words").match(self.text[p.end:p.end + 20].lstrip(" -")) \
                or self.text[p.end:p.end + 2] in ("'s", "’s", "' "):
            return None  # an age or a measure ("a day's journey")
        if self._quoted(p):
            return None  # a speaker's stretch ("make war for twenty years") is not the story's
        if _RATE_BEFORE.search(self.text, max(0, p.start - 12), p.start) or \
                (surface.lower().startswith(("a ", "an ")) and
                 _RATE_COUNT.search(self.text, max(0, p.start - 30), p.start)):
            return None  # a rate: "30 a day", "500,000 tons per month"
        return self.ref.moment.timex()

    def _quoted(self, p: Parsed) -> bool:
        """Inside a quotation: an odd number of straight quotes, or an unclosed curly one,
        since the paragraph began."""
        para = self.text.rfind("\n", 0, p.start) + 1
        before = self.text[para:p.start]
        return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")

    def _sentence_initial(self, p: Parsed) -> bool:
        return self.text[max(0, p.start - 3):p.start].strip(" \"“‘'(") in ("", ".", "!", "?") \
            or self.text[max(0, p.start - 1):p.start] == "\n"

    def _offset(self, p: Parsed) -> Timex:
        prepositional = self._prepositional(p)
        restated = self._restated(p) if prepositional else None
        if restated is not None:
            return restated
        anchor = self._event_anchor(p) if prepositional else None
        if anchor is None and prepositional and self.genre == "news":
            # the duration without its last word ("two days ago" -> "two days"); any
            # whitespace may separate them, and a single word is kept whole
            cut = max(self.text.rfind(ch, p.start, p.end) for ch in " \n\t\u00a0")
            return self._duration(replace(p, kind="duration", end=cut if cut > p.start else p.end))
        if anchor is None:
            anchor = self.dct if (self.genre == "news" and p.direction < 0 and self.dct) else self.ref
        if anchor is None or anchor.moment.year is None:
            return self._duration(replace(p, kind="duration"))
        _, guess, lo, hi = p.amount
        if p.mod == "MORE_THAN":
            lo, hi = guess, guess * 2
        elif p.mod in ("LESS_THAN", "EQUAL_OR_LESS"):
            lo, hi = guess / 2, guess
        d = p.direction or 1
        if self.genre == "news" and self.quarter is not None and p.unit == "Y" and guess == 1 \
                and d < 0 and anchor is self.dct:
            # "up from $10 million a year ago": the same quarter then; after "for the nine
            # months" the comparison is with the year before
            anchor = self._compared_period() or anchor
        m = anchor.moment.shift(d * guess, p.unit)
        approx = p.amount[0] == "X" or p.mod == "APPROX"
        mod = p.mod or ("APPROX" if approx else None)
        bounds = _offset_bounds(anchor.moment, p.unit, d, lo, hi)
        t = Timex(p.start, p.end, self.text[p.start:p.end], "DATE", m.timex(),
                  m.edtf(approx=approx), iso_day(bounds[0]) if bounds else None,
                  iso_day(bounds[1]) if bounds else None, "relative", mod, anchor.text,
                  anchor_value=anchor.moment.timex())
        if d > 0:
            self._advance(p, t, m)
        return t

    def _deixis(self, p: Parsed) -> Timex | None:
        word = (p.deictic_word or "").lower()
        base = self.dct if (self.dct and (self.genre == "news" or word in ("tomorrow", "yesterday"))
                            and word in DCT_DEICTICS | {"tomorrow", "yesterday"}) else self.ref
        if not p.deictic and p.moment is not None and p.moment.season and self._season_kind(p):
            return self._unanchored(replace(p, unit=None))  # "winter quarters": a kind of thing
        if word in self.lx["anaphoric_deictics"] and self.mentioned is not None and p.unit in ("Y", "M"):
            base = self._mentioned_at(p.unit, base)  # "by 1940. In August of that year"
        if not p.deictic and p.moment is not None and p.moment.year is None \
                and (p.moment.season or p.moment.month) and word not in self.lx["anaphoric_deictics"]:
            joined = self._joined_year(p)  # "the spring and early summer of 1943"
            if joined is not None:
                m = replace(p.moment, year=joined.moment.year)
                return self._timex(p, m, "inferred", self.text[joined.start:joined.end], joined.moment.timex())
        if base is None or base.moment.year is None:
            return self._unanchored(p)
        n = p.deictic or 0
        ref = base.moment
        if p.moment is not None and p.moment.gran == "quarter":
            return self._quarter_deixis(p, base)
        if p.unit == "Y" and p.rule == "year_earlier" and self.quarter is not None:
            r = self._compared_period() or self.quarter  # "year-earlier profit" in a quarterly report
            return self._timex(p, r.moment.shift(-1, "Y"), "relative", r.text, r.moment.timex())
        if p.unit == "W" and p.moment is None and ref.day is not None:
            return self._week(p, ref, n, base)
        if p.unit == "WE" and (ref.day is not None or self.genre == "news" and self.dct is not None):
            return self._weekend(p, ref, n, base)
        m = self._deictic_moment(p, ref, n)
        if m is None:
            return self._unanchored(p)
        basis = "inferred" if n == 0 else "relative"
        t = self._timex(p, m, basis, base.text, base.moment.timex())
        if n >= 0 and self._moves_reader(p, m):  # "the previous year" looks back: a flashback
            self._advance(p, t, m)
        return t

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
        if word in ("", "latest", "most recent", "just ended", "recent", "same"):
            r = self._reported_quarter()
            if r is None:
                return self._unanchored(p)
            return self._timex(p, r.moment, "inferred", r.text, r.moment.timex())
        if word in ("year ago", "year earlier"):
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

    def _ref(self, p: Parsed) -> Timex:
        r = p.ref
        surface = self.text[p.start:p.end]
        if r == "NOW" and self._present_now(p) and not (self.staged and self._story_now(p)):
            r = "PRESENT_REF"  # "what is now Maine", "the now-isolated colony"
        if r in ("NOW", "NARRATIVE"):
            if self.genre != "news" and self.ref is not None and self.ref.moment.year is not None:
                m = self.ref.moment
                return replace(self._timex(p, m, "inferred", self.ref.text, m.timex()), mod=None)
            r = "PRESENT_REF" if r == "NOW" else None
            if r is None:
                return None
        if r in ("-1", "1", "TODAY", "TONIGHT"):
            base = self.dct if self.genre == "news" and self.dct else (self.ref if r in ("-1", "1") else None)
            if base is not None and base.moment.year is not None and base.moment.day:
                m = base.moment.coarsen("day")
                if r in ("-1", "1"):
                    m = m.shift(int(r), "D")
                if r == "TONIGHT":
                    m = replace(m, gran="time", daypart="NI")
                return self._timex(p, m, "relative" if r in ("-1", "1") else "inferred", base.text,
                                   base.moment.timex())
            r = "PRESENT_REF" if r in ("TODAY", "TONIGHT") else "XXXX-XX-XX"
        anchor = None
        if r in ("PAST_REF", "FUTURE_REF") and self.genre != "news" and self.ref is not None \
                and self.ref.moment.year is not None:
            anchor = self.ref.moment.timex()  # "former", "future": past/future of the story's date
        return Timex(p.start, p.end, surface, "DATE", r, None, None, None, "explicit", None, anchor,
                     anchor_value=anchor)

    def _story_now(self, p: Parsed) -> bool:
        """In a staged present ("It's May 1821 on the island. ... the now ailing
        emperor ... his room is now full of doctors") a present-tense "now" is the scene's time; only
        a naming ("what is now Ghana", "now known as") stays the writer's present."""
        two = _PRE2.search(self.text, max(0, p.start - 24), p.start)
        after = _FOLLOW.match(self.text, p.end)
        if two and f"{two[1]} {two[2]}".lower() in self.lx["present_now_naming_after"]:
            return False
        return not (after and after[1].lower() in self.lx["present_now_before"]) \
            and self.text[max(0, p.start - 1):p.start] != "("

    def _present_now(self, p: Parsed) -> bool:
        before = _PRE.search(self.text, max(0, p.start - 16), p.start)
        if before and before[1].lower() in self.lx["present_now_after"]:
            return True
        if self.text[max(0, p.start - 1):p.start] == "(":
            return True
        after = _FOLLOW.match(self.text, p.end)
        return self.text[p.end:p.end + 1] == "-" or bool(after and after[1].lower() in self.lx["present_now_before"])

    def _set(self, p: Parsed) -> Timex:
        if p.ref:
            value = p.ref
        elif p.moment is not None and p.moment.weekday:
            value = f"XXXX-WXX-{p.moment.weekday}"
        else:
            n = p.amount[0] if p.amount else "1"
            value = self._period(replace(p, amount=(n, 1.0, 1.0, 1.0)))
        return Timex(p.start, p.end, self.text[p.start:p.end], "SET", value, None, None, None,
                     "explicit", p.mod, None, p.quant or "EVERY")

    # --------------------------------------------------------------- helpers --

    def _timex(self, p: Parsed, m: Moment, basis: str, anchor: str | None,
               anchor_value: str | None = None) -> Timex:
        part = p.part
        approx = p.mod == "APPROX"
        mod = PART_MOD.get(part) if part else p.mod
        edtf = m.edtf(part, approx)
        b = m.bounds(part)
        pre = self._preposition(p)
        if pre in ("before", "until", "till") and edtf and m.gran != "time" and p.kind == "date" and pre == "before":
            mod, edtf = "BEFORE", "../" + edtf
            b = (None, b[1]) if b else None
        elif pre == "after" and edtf and p.kind == "date":
            mod, edtf = "AFTER", edtf + "/.."
            b = (b[0], None) if b else None
        typ = "TIME" if m.gran == "time" else "DATE"
        value = m.timex()
        if m.gran == "year" and part in ("FIRST_HALF", "SECOND_HALF"):
            value += "-H1" if part == "FIRST_HALF" else "-H2"
        return Timex(p.start, p.end, self.text[p.start:p.end], typ, value, edtf,
                     iso_day(b[0]) if b and b[0] else None, iso_day(b[1]) if b and b[1] else None,
                     basis, mod, anchor, anchor_value=anchor_value)

    def _unanchored(self, p: Parsed) -> Timex | None:
        if p.unit and p.moment is None:
            return Timex(p.start, p.end, self.text[p.start:p.end], "DATE", "XXXX-XX-XX", None, None,
                         None, "relative", None, None)
        m = p.moment
        if m is None:
            return None
        return Timex(p.start, p.end, self.text[p.start:p.end], "TIME" if m.gran == "time" else "DATE",
                     m.timex(), None, None, None, "relative", PART_MOD.get(p.part) if p.part else p.mod)

    def _period(self, p: Parsed) -> str:
        n = p.amount[0] if p.amount else "X"
        u = UNIT_VALUE.get(p.unit, p.unit)
        if p.unit in ("W2", "WE"):  # a fortnight is two weeks, a weekend two days
            n = str(int(float(n) * 2)) if n != "X" else "X"
        if u.startswith("T"):
            return f"PT{n}{u[1:]}"
        return f"P{n}{u}"

    def _fill_year(self, p: Parsed, m: Moment) -> tuple[Moment, Reference | None]:
        """The year (and for a clock time, the day) of a date written without one, with the
        reference it was read from."""
        if m.gran == "time" and m.month is None:
            later = self._later_day(p)  # "At 5:34 AM Baghdad time on March 20, 2003"
            if later is not None:
                d = later.moment
                return replace(m, year=d.year, month=d.month, day=d.day), \
                    Reference(d, self.text[later.start:later.end])
        if m.gran in ("month", "season", "day") and m.month is not None or m.gran == "season":
            joined = self._joined_year(p)  # "the spring and early summer of 1943"
            if joined is not None:
                return replace(m, year=joined.moment.year), Reference(joined.moment, self.text[joined.start:joined.end])
        base = self.dct if self.genre == "news" and self.dct else self.ref
        if base is None or base.moment.year is None:
            return m, None
        r = base.moment
        y = r.year
        if m.gran == "quarter":
            cur = r.coarsen("quarter").quarter
            if cur and m.quarter and self.genre == "news" and base is self.dct:
                if m.quarter > cur + 1 and not self._future(p):
                    y -= 1  # "the fourth quarter" in a January report
                elif m.quarter < cur - 1 and self._future(p):  # the quarter just ended is reported
                    y += 1
            return replace(m, year=y), base
        if m.gran == "season" and m.season == "WI" and r.month in (1, 2):
            return replace(m, year=y - 1), base  # "the winter" in January: the one under way
        if self.genre == "news" and base is self.dct and m.month:
            future = self._future(p)
            if not future and m.month > r.month + 1:
                y -= 1
            elif future and m.month < r.month:
                y += 1
        elif r.gran == "season" and r.season == "WI" and m.month in (1, 2):
            y += 1
        elif m.month and r.month and r.gran in ("month", "day", "time"):
            # the nearer reading: "January" after "December 1941" is January 1942
            back, fwd = (r.month - m.month) % 12, (m.month - r.month) % 12
            # the narrative's year, unless the month is just across New Year
            if m.month < r.month and fwd <= 2:
                y += 1
            elif m.month > r.month and back <= 2:
                y -= 1
        if m.weekday and m.day and not m.month:  # "Sunday the 6th": the next 6th on a Sunday
            d = _weekday_of_month(r, m.weekday, m.day, -1 if self.genre == "news" and not self._future(p) else 1)
            if d is not None:
                return replace(m, year=d.year, month=d.month, day=d.day), base
        if m.weekday and not m.month:
            d = self._weekday(r, m.weekday, -1 if self.genre == "news" and not self._future(p) else 1)
            if d is None:
                return m, None
            return replace(m, year=d.year, month=d.month, day=d.day), base
        if m.gran == "time" and m.month is None and r.day is not None:
            return replace(m, year=y, month=r.month, day=r.day), base
        main = self._back_on_mainline(p, replace(m, year=y), base)
        if main is not None:
            return replace(m, year=main.moment.year), main
        return replace(m, year=y), base

    def _season_kind(self, p: Parsed) -> bool:
        nxt = _FOLLOW.match(self.text, p.end)
        return bool(nxt) and self.text[p.end:p.end + 1] == " " and nxt[1].lower() in self.lx["season_kind_nouns"]

    def _joined_year(self, p: Parsed) -> Parsed | None:
        """An explicit year a few words on in the same clause governs a bare month or season
        before it: "the spring and early summer of 1943", "their summer offensive against
        southern Russia in June 1942"."""
        from bisect import bisect_right
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
        from bisect import bisect_right
        for q in self.upcoming[bisect_right(self._upcoming_starts, p.start):]:
            if q.start >= e:
                return None
            m = q.moment
            if q.kind == "date" and m is not None and m.day and m.year is not None and not q.short_year \
                    and m.gran == "day":
                return q
        return None

    def _weekday(self, r: Moment, weekday: int, direction: int) -> dt.date | None:
        d = r.to_date()
        if d is None or r.day is None:
            return None
        # a story's weekday may be the day it is already on ("28 June 1914 ... on Sunday")
        first = 0 if direction < 0 or self.genre != "news" else 1
        for k in range(first, 8):
            c = d + dt.timedelta(days=direction * k)
            if c.isoweekday() == weekday:
                return c
        return None

    def _deictic_moment(self, p: Parsed, ref: Moment, n: int) -> Moment | None:
        m = p.moment
        if m is not None and m.month and p.unit == "Y":  # "August of that year"
            return replace(m, year=ref.year + n)
        if m is not None and m.season:
            y = ref.year if ref.year is not None else None
            if n and ref.gran in ("month", "day", "time", "season"):
                # seasons in the order of their years: a winter is named by its December
                order = ["SP", "SU", "FA", "WI"]
                if ref.season:
                    cur, cy = ref.season, astro(ref.year)
                else:
                    cur = order[(ref.month - 3) % 12 // 3]
                    cy = astro(ref.year) - (1 if ref.month in (1, 2) else 0)
                delta = (order.index(m.season) - order.index(cur)) % 4 or 4
                if n < 0:
                    delta = delta - 4
                k = cy * 4 + order.index(cur) + delta
                y = historical(k // 4)
            elif n:
                y = ref.year + n
            elif m.season == "WI" and ref.month in (1, 2):
                y -= 1  # "the winter" in January: the one under way
            return Moment("season", year=y, season=m.season)
        if m is not None and m.month and not m.day:
            y = ref.year
            if n > 0 and ref.month and m.month <= ref.month:
                y += 1
            elif n < 0 and ref.month and m.month >= ref.month:
                y -= 1
            return Moment("month", year=y, month=m.month)
        if m is not None and m.weekday and not m.month:
            d = self._weekday(ref, m.weekday, n if n else 1)
            return Moment.of_date(d) if d else None
        if m is not None and m.daypart:
            if ref.day is None:
                return None
            day = ref.coarsen("day").shift(n, "D")
            return replace(day, gran="time", daypart=m.daypart)
        if p.unit is None:
            return None
        gran = {"Y": "year", "M": "month", "D": "day", "W": "day", "DE": "decade", "CE": "century",
                "H": "day", "MIN": "day"}.get(p.unit, "year")
        if RANK[gran] > RANK[ref.gran]:
            if n == 0:
                return ref.coarsen(gran) if RANK[ref.gran] >= RANK[gran] else ref
            return ref.shift(n, p.unit)
        return ref.shift(n, p.unit).coarsen(gran)

    def _moves_reader(self, p: Parsed, m: Moment) -> bool:
        if m.year is None:
            return False
        if self._aside(p):
            # "Waterloo (1815)": with no date yet, a bracketed date is the best guess
            return self.ref is None and p.kind == "date" and p.moment2 is None
        if self.ref is None and p.kind == "date" and m.gran not in ("century", "decade"):
            return True  # the text's first date: better a guess than no year at all
        s, _ = self._sentence(p.start)
        if p.kind == "deixis" and self._future(p):
            return False  # "the ship is to sail tomorrow morning": a plan, not the story's day
        if _FLASH_FORWARD.search(self.text, max(s, p.start - 80), p.start):
            return False  # "... lasted until the fall of Budapest in February 1945"
        if self._subordinate(p, s):
            return False  # "the League of Nations, which Germany joined in 1926"
        if self._pluperfect(p, s):
            return False  # "troops that had invaded Burma in late 1943": a flashback
        pre = self._preposition(p)
        if pre in ("before", "after") and p.kind == "date":
            return False  # "after 2011": an open stretch, not a point the story reaches
        if p.kind == "date" and self._attributive(p, pre):
            return False  # "the May 2007 high", "the 24 July attack": a name for a thing
        two = _PRE2.search(self.text, max(0, p.start - 24), p.start)
        pre2 = f"{two[1]} {two[2]}".lower() if two else None
        if p.rule in ("year", "hedged_year") and (pre in self.lx["year_no_move_before"]
                                                  or pre2 in self.lx["year_no_move_before"]):
            if not (pre == "of" and two and two[1].lower() in self.lx["period_of_heads"]):
                return False
        if p.rule == "year" and pre in self.lx["determiners"]:
            return False  # "the 1614 rules", "its 1937 report"
        return True

    def _attributive(self, p: Parsed, pre: str | None) -> bool:
        """A date between a determiner and a lower-case noun modifies that noun."""
        if pre not in self.lx["determiners"] or p.moment is None or p.moment.gran == "year":
            return False  # bare years have their own rule (they may head a name)
        nxt = _FOLLOW.match(self.text, p.end)
        return bool(nxt) and self.text[p.end:p.end + 1] == " " and nxt[1].islower() \
            and nxt[1] not in self.lx["attributive_not"]

    def _subordinate(self, p: Parsed, sent_start: int) -> bool:
        """A relative clause before the date, in its clause."""
        words = _WORDS.findall(self._clause_before(p, sent_start, 100).lower())
        return any(w in self.lx["relative_words"] for w in words)

    def _pluperfect(self, p: Parsed, sent_start: int) -> bool:
        """The date's clause is in the past perfect ("had invaded ... in 1943")."""
        clause = self._clause_before(p, sent_start, 100)
        # searched in place, so "there had been" is seen whole even where the clause is cut
        return bool(self._flashback.search(self.text, p.start - len(clause), p.start))

    def _clause_before(self, p: Parsed, sent_start: int, width: int) -> str:
        """The words of the date's clause before it; a bare preposition set off by a comma
        belongs to the clause before ("the last time they had met, in 1614")."""
        cut = max(sent_start, p.start - width)
        parts = _CLAUSE_START.split(self.text[cut:p.start])
        clause = parts[-1]
        if len(parts) > 1 and len(_WORDS.findall(clause.lower())) <= 1:
            clause = parts[-2] + " " + clause
        return clause

    def _aside(self, p: Parsed) -> bool:
        before = self.text[max(0, p.start - 2):p.start].rstrip()
        after = self.text[p.end:p.end + 2].lstrip()
        return before.endswith("(") or after.startswith(")")

    def _preposition(self, p: Parsed) -> str | None:
        m = _PRE.search(self.text, max(0, p.start - 12), p.start)
        return m[1].lower() if m else None

    def _prepositional(self, p: Parsed) -> bool:
        tail = self.text[max(p.start, p.end - 6):p.end].lower()
        return tail.endswith(("before", "after", "prior"))

    def _future(self, p: Parsed) -> bool:
        """The clause around the expression speaks of the future ("will meet on Thursday",
        "payable Dec. 7"): the tense marker nearest the expression decides, so "said Friday
        ... will appeal" is past and "will succeed him Feb. 1" future."""
        s, e = self._sentence(p.start)
        a, b = max(s, p.start - 80), min(e, p.end + 50)
        best, sign = None, 0
        neutral = [n.span() for n in self._neutral.finditer(self.text, a, b)]
        for pattern, value in ((self._future_words, 1), (self._past_words, -1)):
            for m in pattern.finditer(self.text, a, b):
                if any(x <= m.start() < y for x, y in neutral):
                    continue  # "next to", "due to": no tense
                if m.end() <= p.start:
                    gap = p.start - m.end()
                elif m.start() >= p.end:
                    gap = 2 * (m.start() - p.end)  # a verb after the date governs it less often
                else:
                    continue
                if best is None or gap < best:
                    best, sign = gap, value
        return sign > 0

    def _sentence(self, offset: int) -> tuple[int, int]:
        from bisect import bisect_right
        i = bisect_right(self.sent_starts, offset) - 1
        return self.sentences[i] if i >= 0 else (0, len(self.text))

    def _restated(self, p: Parsed) -> Timex | None:
        """"he died on 9 July 1792, two years and four months after the surrender": an
        offset set off after a written date restates that date from another event."""
        if not self.dated:
            return None
        t, m = self.dated[-1]
        gap = self.text[t.end:p.start]
        if not re.fullmatch(r"\s*[,(\u2014\u2013-]\s*(?:some\s+|about\s+|exactly\s+|just\s+)?", gap):
            return None
        return Timex(p.start, p.end, self.text[p.start:p.end], "DATE", m.timex(), t.edtf, t.earliest,
                     t.latest, "relative", p.mod, t.text, anchor_value=m.timex())

    def _event_anchor(self, p: Parsed) -> Reference | None:
        """"ten years before <event>": the date the text gave that event earlier."""
        clause = re.split(r"[.;:,!?\n]", self.text[p.end:p.end + 120], maxsplit=1)[0]
        stems = {w.lower()[:5] for w in _WORD.findall(clause) if w[0].islower() and w.lower() not in self.stop}
        if not stems:
            return None
        here = self._sentence(p.start)
        # a point first: "after the assassination" is anchored on the day it was dated,
        # not on a later stretch that talks about it ("From May to July 1792 he wrote about it")
        for points in (True, False):
            for t, m in reversed(self.dated[-60:]):
                if m.gran not in ("day", "month", "year", "time") or ("/" in (t.value or "")) == points:
                    continue
                s, e = self._sentence(t.start)
                if (s, e) == here:
                    continue
                words = {w.lower()[:5] for w in _WORD.findall(self.text[s:e])}
                if stems & words:
                    return Reference(m, f"{t.text} ({', '.join(sorted(stems & words))})")
        return None

    def _advance(self, p: Parsed, t: Timex, m: Moment) -> None:
        cur = self.ref.moment if self.ref else None
        if cur is not None and self.genre == "news" and self.ref is self.dct:
            pass
        if cur is not None and _contains(m, cur):
            return  # "1921" after "March 3rd, 1921": the reader keeps the finer date
        self._track_mainline(m, t)
        self.ref = Reference(m.coarsen("day") if m.gran == "time" else m, t.text)
        self._note(t.start, t)

    def _track_mainline(self, m: Moment, t: Timex) -> None:
        """Remember the story's front when a dated aside steps back from it ("... a truce was
        signed on 5 November 1854" told after March 1855), and forget it once the story is past it."""
        new = m.bounds()
        if new is None or self.ref is None:
            return
        front = self.mainline or self.ref
        fb = front.moment.bounds()
        if fb is None:
            return
        if m.gran in ("day", "month") and front.moment.gran in ("day", "month") \
                and _days(new[1]) < _days(fb[0]) - 31:
            self.mainline = front
        elif t.basis == "explicit" or _days(new[0]) >= _days(fb[0]):
            self.mainline = None  # the text sets a new date, or the story has caught up

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

    def _note(self, offset: int, t: Timex) -> None:
        if t.edtf is None:
            return
        w = When(t.edtf, t.earliest, t.latest, "inferred", t.text)
        if self.changes and self.changes[-1][0] == offset:
            self.changes[-1] = (offset, w)
        else:
            self.changes.append((offset, w))


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
    reading of the amount ("a few weeks ago" on 20 August: 6 to 2 weeks back), at the
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
