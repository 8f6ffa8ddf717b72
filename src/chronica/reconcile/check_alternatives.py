"""Alternative dates one source gives for one happening: "on 3 May 1402 (or 9 June
1403)", "in 1160 (1158 in some sources)", "during (4 March) or just after (5 March)".

The text itself says its sources disagree, so the two dates are a conflict of the source
with itself: hard when the dates cannot both hold, soft when they are a day or less
apart (a death during a battle or just after it). Which words join alternatives, and
which words in a parenthesis say "other sources give", is data
(``claims/alternatives.yaml``); ranges ("from 1402 to 1403", "1402-1403") and lists
are never alternatives. The dates are compared as written (the TIMEX3 value), so "just
after (5 March)" is the 5th, not "from the 5th on".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import DocSpan, Timex, When
from .bounds import Bounds, bounds_of, edtf_bounds
from .view import Finding, View
from ..resources import load

MAX_GAP = 60  # characters between the two dates: one clause, not two
SOFT_DAYS = 1  # "during or immediately after": a day apart is loose wording, not a clash
_PLAIN_DATE = re.compile(r"^-?\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class Dated:
    """A date as the text writes it: where, what it says, and its widest reading."""

    start: int
    end: int
    value: str
    bounds: Bounds
    when: When | None = None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = load("claims/alternatives.yaml")

    def alt(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # between the dates: ") or (", " or ", ", or shortly after (" -- no other clause
    joiner = re.compile(r"^[\s,)(]*(?:" + alt(data["joiners"]) + r")\b(?:\s+[a-z]+){0,3}?[\s,(]*$", re.I)
    # a parenthesis after the second date naming other sources: "(412 in some sources)"
    others = re.compile(r"^\s*(?:" + alt(data["other_sources"]) + r")\b[^()]{0,40}\)", re.I)
    # a bare year in a parenthesis right after a year: "(or 1158)", "(1158 in some sources)"
    bare = re.compile(r"^\s*\(\s*(?:(?P<or>" + alt(data["joiners"]) + r")\s+)?(?P<y>\d{1,4})(?P<era>\s*(?:BC|BCE|B\.C\.))?"
                      r"(?=\s*\)|\s+(?:" + alt(data["other_sources"]) + r")\b)", re.I)
    return joiner, others, bare


def _dated(t: Timex) -> Dated | None:
    """The date as written: its TIMEX3 value when that is a plain date, else its bounds."""
    b = edtf_bounds(t.value) if _PLAIN_DATE.match(t.value or "") else None
    if b is None:
        b = bounds_of(t.when())
    return Dated(t.start, t.end, t.value if b is not None and _PLAIN_DATE.match(t.value or "") else t.edtf, b, t.when()) \
        if b is not None else None


def _bare_year(text: str, t: Timex, year_of_t: str) -> Dated | None:
    """"in 1160 (1158 in some sources)": the parenthesised year another source gives."""
    _, others, bare = _patterns()
    if not re.fullmatch(r"-?\d{4}", year_of_t):
        return None
    m = bare.match(text[t.end:t.end + 80])
    if m is None or not (m["or"] or others.match(text[t.end + m.end():t.end + m.end() + 60])):
        return None
    year = int(m["y"]) * (-1 if m["era"] or year_of_t.startswith("-") else 1)
    value = f"{'-' if year < 0 else ''}{abs(year):04d}"
    b = edtf_bounds(value)
    if b is None:
        return None
    return Dated(t.end + m.start("y"), t.end + m.end("y"), value, b)


def alternatives(text: str, timexes: list[Timex]) -> list[tuple[Dated, Dated]]:
    """Pairs of dates the text gives as alternatives for one thing."""
    joiner, others, _ = _patterns()
    dates = sorted((t for t in timexes if t.edtf and t.type in ("DATE", "TIME")), key=lambda t: t.start)
    out = []
    for i, a in enumerate(dates):
        da = _dated(a)
        if da is None:
            continue
        extra = _bare_year(text, a, da.value)
        if extra is not None:
            out.append((da, extra))
            continue
        b = dates[i + 1] if i + 1 < len(dates) else None
        db = _dated(b) if b is not None else None
        if db is None:
            continue
        gap = text[a.end:b.start]
        if len(gap) > MAX_GAP or "\n" in gap or re.search(r"[.;:]\s", gap):
            continue
        in_parens = text[max(0, b.start - 4):b.start].rstrip().endswith("(")
        if joiner.match(gap) or (in_parens and not gap.strip(" ,(") and others.match(text[b.end:b.end + 60])):
            out.append((da, db))
    return out


def _claim(doc_id: str, text: str, d: Dated) -> DocSpan:
    return DocSpan(doc_id, d.start, d.end, text[d.start:d.end], when=d.when, value=d.value)


def find(view: View):
    for doc in view.corpus.docs:
        for a, b in alternatives(doc.text, doc.timexes):
            gap = a.bounds.gap(b.bounds)
            if gap == 0:
                continue  # "in 1402 or on 3 May 1402": one inside the other
            severity = "soft" if gap <= SOFT_DAYS else "hard"
            sentence = doc.sentence_at(a.start)
            what = doc.text[sentence.start:sentence.end].strip()[:70] if sentence is not None else "one happening"
            yield Finding("date", severity, f"when (the source gives two dates): {a.value} or {b.value} -- {what}",
                          (_claim(doc.id, doc.text, a), _claim(doc.id, doc.text, b)))


__all__ = ["Dated", "alternatives", "find"]
