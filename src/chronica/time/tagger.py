"""``TimeTagger``: find time expressions with the data rules, then anchor them."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..model import Timex, When
from .edtf_valid import level1_interval, real_days
from .extend import Extender
from .lexicon import DATA, Lexicon, compile_pattern, squash
from .moment import iso_day
from .normalise import Normaliser, Parsed
from .periods import Periods
from .recache import cached_build
from .resolve import Resolver
from .rules import Rule, Triggers, load_rules, load_triggers, read_rules_file, windows

# a sentence ends at . ! ? ; (and any closing quotes, brackets or citation marks: ".[13] ")
_SENTENCE_END = compile_pattern(r"(?<=[.!?;])(?:\[[0-9a-z]{1,4}\])*[\"'”’)]*\s+(?=[\"'“‘(`]*[A-Z0-9])|\n\s*")
_WORD_BEFORE = compile_pattern(r"(\S+)\s*$")
_WORD_AFTER = compile_pattern(r"^\s*([^\s.,;:!?)]+)")
_COUNT_BEFORE = compile_pattern(r"(?<![\d,.])\d[\d,.]*\s+([a-z]{2,}s)\b")


@dataclass
class TagResult:
    timexes: list[Timex]
    narrative_time: list[tuple[int, When]]
    # a range ("1929-1933") as the two expressions TIMEX annotation makes of it
    range_ends: dict[tuple[int, int], tuple[Timex, Timex]] = field(default_factory=dict)
    # the expressions run to the end of their noun phrase ("two months of fierce battles")
    phrases: list[Timex] = field(default_factory=list)
    # an edge of a period ("the last week of September") as TimeML's duration and date
    edge_parts: dict[tuple[int, int], tuple[Timex, Timex]] = field(default_factory=dict)
    # the expressions before named periods were read ("the Seven Years' War" keeps "Seven
    # Years", as annotation guidelines mark it)
    marked: list[Timex] | None = None

    def timex3(self) -> list[Timex]:
        """The expressions as TimeML (TIMEX3) marks them: cores, ranges split into their ends,
        an edge of a period into its stretch and its period."""
        out = []
        for t in self._split(self.marked if self.marked is not None else self.timexes):
            out.extend(self.edge_parts.get((t.start, t.end), (t,)))
        return out

    def timex2(self) -> list[Timex]:
        """The expressions as TIMEX2 marks them: full noun phrases, ranges split."""
        return self._split(self.phrases or self.timexes)

    def _split(self, timexes: list[Timex]) -> list[Timex]:
        out = []
        for t in timexes:
            out.extend(self.range_ends.get((t.start, t.end), (t,)))
        return out


def _build_parts() -> tuple[Lexicon, list[Rule], Triggers, Periods]:
    """The tagger's data, read and expanded (what :func:`cached_build` keeps between runs)."""
    lexicon = Lexicon.load()
    raw = read_rules_file()
    return lexicon, load_rules(lexicon, raw=raw), load_triggers(lexicon, raw=raw), Periods.load()


def _data_sources() -> list[Path]:
    """The files the parts are built from: the data and the modules that read it."""
    here = Path(__file__).parent
    return [f for f in DATA.iterdir() if f.suffix in (".yaml", ".tsv")] + \
        [here / m for m in ("lexicon.py", "rules.py", "periods.py", "edtf.py", "tagger.py")]


class TimeTagger:
    """English temporal tagger; rules and word lists are compiled once by :meth:`load`."""

    def __init__(self, lexicon: Lexicon, rules: list[Rule], triggers: Triggers | None = None,
                 periods: Periods | None = None):
        self.lexicon = lexicon
        self.rules = rules
        self.triggers = triggers
        self.normalise = Normaliser(lexicon)
        self.extend = Extender(lexicon)
        self.periods = periods
        self._not_before = lexicon["not_year_before"]
        self._not_after = lexicon["not_year_after"]
        self._year_followers = lexicon["year_followers"]
        self._short_year_next = set(lexicon["short_year_next"]) | set(self._year_followers)

    @classmethod
    def load(cls) -> "TimeTagger":
        return cls(*cached_build(_data_sources(), _build_parts))

    # ------------------------------------------------------------------ tag --

    def tag(self, text: str, anchor: dt.date | None = None, genre: str = "narrative",
            headings: list[tuple[int, int]] | tuple = ()) -> TagResult:
        found = self._select(self._candidates(text))
        sentences = self._sentences(text)
        resolver = Resolver(self.lexicon, text, anchor, genre, sentences)
        resolver.foresee(found)
        heads = sorted(headings) if headings else self._heading_lines(text, found)
        timexes: list[Timex] = []
        ends: dict[tuple[int, int], tuple[Timex, Timex]] = {}
        hi = 0
        for p in found:
            while hi < len(heads) and heads[hi][1] <= p.start:
                hi += 1
            t = resolver.resolve(p)
            if t is None or not real_days(t):
                continue
            timexes.append(t)
            if p.kind == "range" and p.split:
                ends[(t.start, t.end)] = self._ends(text, p, resolver.range_years.get((p.start, p.end)))
            if hi < len(heads) and heads[hi][0] <= p.start < heads[hi][1] and t.edtf and p.moment \
                    and p.moment.year is not None:  # a heading scopes its explicit date only
                resolver.scope(heads[hi][0], t, p.moment)
        timexes = [level1_interval(t) for t in timexes]
        marked = timexes
        if self.periods is not None:  # "during the Second World War": after the text's own dates
            named = self.periods.find(text, timexes)
            if named:
                inside = lambda t: any(n.start <= t.start and t.end <= n.end for n in named)
                timexes = sorted([t for t in timexes if not inside(t)] + named, key=lambda t: t.start)
        return TagResult(timexes, resolver.changes, ends, self.extend(text, marked), resolver.edge_parts, marked)

    # ------------------------------------------------------------ matching --

    def _candidates(self, text: str) -> list[Parsed]:
        out = []
        hits = self.triggers.scan(text) if self.triggers else {}
        n = len(text)
        for rule in self.rules:
            spans = windows(rule, hits, text) if self.triggers else [(0, n)]
            for a, b in spans:
                for m in rule.regex.finditer(text, a, b):
                    if m.end() == m.start():
                        continue
                    self._keep(rule, m, text, out)
        return [p for _, p in sorted(out, key=lambda x: x[0])]

    def _keep(self, rule: Rule, m: re.Match, text: str, out: list) -> None:
        if rule.guard == "year" and not self._year_ok(text, m):
            return
        if rule.guard == "lower" and not _lower_ok(text, m):
            return
        if rule.guard == "short_year" and not self._short_year_ok(text, m):
            return
        if rule.guard == "short_year_dated" and not self._short_year_ok(text, m, verb_next=True):
            return
        p = self.normalise(rule, m, text)
        if p is not None:
            out.append((rule.priority, p))

    def _select(self, cands: list[Parsed]) -> list[Parsed]:
        """Longest match wins; ties go to the earlier rule (the list is in rule order)."""
        order = sorted(range(len(cands)), key=lambda i: (-(cands[i].end - cands[i].start), i))
        taken: list[Parsed] = []
        occupied = bytearray(max((c.end for c in cands), default=0) + 1)
        for i in order:
            c = cands[i]
            if any(occupied[c.start:c.end]):
                continue
            occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
            taken.append(c)
        return sorted(taken, key=lambda c: c.start)

    def _year_ok(self, text: str, m: re.Match) -> bool:
        """A bare four-digit number is a year unless a count, address or page says otherwise."""
        before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if before and squash(before[1]) in self._not_before:
            return False
        after = _WORD_AFTER.match(text[m.end():m.end() + 30])
        if after and squash(after[1]) in self._not_after:
            return False
        return True

    def _short_year_ok(self, text: str, m: re.Match, verb_next: bool = False) -> bool:
        """A number of one to three digits is a year unless a plural noun follows it or a
        count stands before it in the sentence. ``verb_next``: a month before it already
        says date, so a past-tense verb may follow ("in May 408 caused" is not a count)."""
        if not self._year_ok(text, m) or int(m["year"]) == 0:
            return False
        a = max(0, m.start() - 40)
        a = max(a, text.rfind(". ", a, m.start()) + 1)
        for c in _COUNT_BEFORE.finditer(text, a, m.start()):
            if squash(c[1]) not in self._year_followers:
                return False  # "to 450 stores from 360": a count compared with a count
        after = _WORD_AFTER.match(text[m.end():m.end() + 30])
        if after and after[1].isalpha() and after[1][0].islower():  # "in 300 places", "by 400 armed riders"
            word = squash(after[1])
            return word in self._short_year_next or (verb_next and word.endswith("ed"))
        return True

    # ------------------------------------------------------------ structure --

    @staticmethod
    def _sentences(text: str) -> list[tuple[int, int]]:
        out, start = [], 0
        for m in _SENTENCE_END.finditer(text):
            if m.start() > start:
                out.append((start, m.start()))
            start = m.end()
        if start < len(text):
            out.append((start, len(text)))
        return out or [(0, len(text))]

    @staticmethod
    def _heading_lines(text: str, found: list[Parsed]) -> list[tuple[int, int]]:
        """Without a segmenter: a short line with no full stop that holds a year is a heading."""
        heads = []
        for p in found:
            if p.kind not in ("date", "range") or p.moment is None or p.moment.year is None:
                continue
            s = text.rfind("\n", 0, p.start) + 1
            e = text.find("\n", p.end)
            e = len(text) if e < 0 else e
            line = text[s:e].strip()
            if 0 < len(line) <= 80 and not line.endswith((".", "!", "?", ":", ";", ",")) and \
                    (s == 0 or text[max(0, s - 2):s] == "\n\n"):
                heads.append((s, e))
        return heads

    def _ends(self, text: str, p: Parsed, year: int | None = None) -> tuple[Timex, Timex]:
        out = []
        for (s, e), m in zip(p.split, (p.moment, p.moment2)):
            if m.year is None:
                m = replace(m, year=year)
            b = m.bounds()
            out.append(Timex(s, e, text[s:e], "DATE", m.timex(), m.edtf(),
                             iso_day(b[0]) if b else None, iso_day(b[1]) if b else None,
                             "explicit", None, None))
        return out[0], out[1]


def _lower_ok(text: str, m: re.Match) -> bool:
    """A common word written with a capital inside a sentence is part of a name."""
    if not text[m.start()].isupper():
        return True
    before = text[max(0, m.start() - 3):m.start()].rstrip(" \t\"“‘'(")
    return before == "" or before[-1] in ".!?\n:;"
