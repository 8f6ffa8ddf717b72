"""Second pass: anchor what the rules found on the narrative's own time.

The reference moves through the text the way a reader's does: each explicit date, a
section heading's scope and forward-moving relative expressions ("two days later")
reset it; asides (parentheses, "the flood of 1888", "the 1937 commission") and
flashbacks ("a few weeks ago") do not. News texts anchor deictic words on the DCT.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..model import Timex, When
from . import cues
from .lexicon import Lexicon, compile_pattern
from .moment import Moment, astro, iso_day
from .normalise import Parsed
from .clauses import Clauses
from .deixis import Deixis
from .reference import _contains, _days, _FOLLOW, _moment_of, _offset_bounds, _RATE_BEFORE, _RATE_COUNT, _THE_YEAR, _WORD, OPEN_ERA_RULES, PART_MOD, Reference, UNIT_VALUE
from .regnal import Accessions, regnal_moment
from .teller import Teller
from .years import Years


class Resolver(Deixis, Clauses, Years):
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
        self.last_day: tuple[Timex, Moment] | None = None  # the last day resolved, written or inferred
        self.mentioned: Reference | None = None  # the last explicit date, moving or not
        self.mainline: Reference | None = None  # where the story was before it stepped back
        self.clock: Moment | None = None  # the story's last clock time, if its last date was one
        self.crossed = False  # the time just read crossed midnight from the last one
        self.accessions: Accessions | None = None  # dated accessions, for regnal dates
        self.teller = Teller(lexicon, text)  # asides in the telling's time
        self.staged = False  # the text stages its scenes in the present ("It's May 1940 in ...")
        self.quarter: Reference | None = None  # the quarter a (financial) report is about
        self._quarter_at = -1  # where the report last spoke of a quarter ...
        self._stretch_at = -1  # ... and of a longer stretch ("the nine months", "the first half")
        self.changes: list[tuple[int, When]] = []
        self.stop = lexicon["event_stopwords"]
        self._future_words = lexicon.words("future_markers")
        # past forms: listed ones and regular -ed verbs ("announced", "rolled"); the future
        # list is searched first and wins ties ("expected to", "scheduled"); an -ed form after
        # "be"/"been"/"being" is a passive, whose tense is its auxiliary's ("will be paid")
        self._past_words = compile_pattern(r"(?<!\w)(?:" + lexicon.alternation("past_markers") +
                                      r"|(?!(?:" + lexicon.alternation("future_markers") +
                                      r")\b)(?!(?:" + lexicon.alternation("ed_non_verbs") + r")\b)(?!un[a-z]+ed\b)"
                                      r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?-i:[a-z]{2,}[a-df-z]ed))(?!\w)",
                                      re.I)  # "United" is no verb
        self._neutral = lexicon.words("tense_neutral")
        self._flashback = compile_pattern(r"(?<!\bthere\s)\bhad\s+(?:(?:" + cues.alternation("flashback_adverbs") + r")\s+)*"
                                     r"(?:\w+ed|" + lexicon.alternation("past_participles") + r")\b", re.I)
        self._scene_setter = compile_pattern(r"\W*(?:" + lexicon.alternation("scene_setters") + r")\s+", re.I)
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
        if p.rule in OPEN_ERA_RULES:
            m = self._passage_era(p, m)
            if m is None:
                return None
        elif p.short_year:
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
        if m.gran == "day" and m.year is not None:
            self.last_day = (t, m)
        if m.year is not None and basis == "explicit":
            self.dated.append((t, m))
            if not self._aside(p) and not self.teller.aside(p.start, p.end):
                self.mentioned = Reference(m, t.text)
        crossed, self.crossed = self.crossed, False
        if crossed or self._moves_reader(p, m):  # a night told past midnight is the next day
            self._advance(p, t, m)
            if basis == "explicit" and self._stages_scene(p):
                self.staged = True
        return t

    def _passage_era(self, p: Parsed, m: Moment) -> Moment | None:
        """A year written without its era takes the passage's: once a passage is in BC
        ("In 73 BC ..."), "in 71" is 71 BC. Outside one, a year under 100 needs "the year"."""
        story = self.ref.moment.year if self.ref is not None else None
        last = self.mentioned.moment.year if self.mentioned is not None else story
        if last is not None and last < 0 and m.year <= -last + 100:
            return replace(m, year=-m.year)
        if m.year < 100 and not _THE_YEAR.match(self.text, p.start):
            return None
        return m

    def _regnal(self, p: Parsed) -> Timex | None:
        """Counted from the accession the text dates (time/regnal.py)."""
        if self.accessions is None:
            self.accessions = Accessions(self.lx, self.text, self._sentence, self.upcoming)
        acc = self.accessions.before_or_after(p.start)
        if acc is None:
            return None
        return self._timex(p, regnal_moment(acc, p), "relative", acc.text, Moment("year", year=acc.year).timex())

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
        if not self._aside(p) and p.rule != "millennium":  # a millennium is too wide to read on from
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

    def _offset(self, p: Parsed) -> Timex:
        prepositional = self._prepositional(p)
        # "On 21 July, the fifth day of the revolt": a counted day in apposition restates the date
        restated = self._restated(p, self.last_day) if p.rule == "nth_day_of" else \
            self._restated(p) if prepositional else None
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
        return self._offset_from(p, anchor)

    def _offset_from(self, p: Parsed, anchor: Reference) -> Timex:
        """"two days later", "three years before": the anchor's date moved by the amount,
        its bounds as wide as a hedged or vague amount allows."""
        _, guess, lo, hi = p.amount
        lo, hi = _hedged_amount(p.mod, guess, lo, hi)
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
            base = self._day_base(r in ("-1", "1"))
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

    def _day_base(self, story_day: bool) -> Reference | None:
        """What "yesterday", "today" and "tomorrow" count from: a report's date; in a story
        the day it has reached ("the day before"), else the date the caller gave (an
        explicit anchor is always used)."""
        if self.genre == "news" and self.dct:
            return self.dct
        if story_day and self.ref is not None and self.ref.moment.day:
            return self.ref
        return self.dct

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

    def _season_kind(self, p: Parsed) -> bool:
        nxt = _FOLLOW.match(self.text, p.end)
        return bool(nxt) and self.text[p.end:p.end + 1] == " " and nxt[1].lower() in self.lx["season_kind_nouns"]

    def _restated(self, p: Parsed, last: tuple[Timex, Moment] | None = None) -> Timex | None:
        """"he died on 9 July 1792, two years and four months after the surrender": an
        offset set off after a written date (``last``, else the last explicit one) restates
        that date from another event."""
        last = last or (self.dated[-1] if self.dated else None)
        if last is None:
            return None
        t, m = last
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
        if self.teller.aside(p.start, p.end):
            return  # a citation, the writing of a source, today's world: the telling's time
        cur = self.ref.moment if self.ref else None
        if cur is not None and self.genre == "news" and self.ref is self.dct:
            pass
        if cur is not None and _contains(m, cur):
            return  # "1921" after "March 3rd, 1921": the reader keeps the finer date
        self._track_mainline(m, t)
        self.clock = m if m.gran == "time" and m.hour is not None else None
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

    def _note(self, offset: int, t: Timex) -> None:
        if t.edtf is None:
            return
        w = When(t.edtf, t.earliest, t.latest, "inferred", t.text)
        if self.changes and self.changes[-1][0] == offset:
            self.changes[-1] = (offset, w)
        else:
            self.changes.append((offset, w))


def _hedged_amount(mod: str | None, guess: float, lo: float, hi: float) -> tuple[float, float]:
    """The range an amount spans under a hedge: "more than two years" two to four."""
    if mod == "MORE_THAN":
        return guess, guess * 2
    if mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        return guess / 2, guess
    return lo, hi
