"""When a couple married: one source dating one marriage twice ("In 1390 the sultan took
as a wife Princess Anna Komnene" and, in the list of his consorts, "Anna Komnene (m.
1389)"), or two sources dating it differently.

A marriage statement is a sentence with a marriage verb and a stated year (the spouse is
the person named after the verb), or an encyclopedia's "Name (m. YEAR)". Two statements
are about one marriage when their spouses share a name word that is not a title and
that, within each source, belongs to one spouse only (a list of consorts all called
"... Hatun" shares nothing); when both name the other partner, those must share a word
too (two men marrying one widow are two marriages). Words are data
(``claims/marriages.yaml``).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from ..model import DocSpan
from ..nlp.lexicon import load_lexicon
from .view import Finding, View
from ..resources import load

AFTER_CHARS = 80  # how far after the verb the spouse is named
_NAME = r"(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+"
_WORD = re.compile(r"[A-Z][\w'’-]{3,}")
_YEAR = re.compile(r"^-?\d{1,4}")


@dataclass(frozen=True)
class Marriage:
    doc: str
    start: int
    end: int
    text: str
    year: int
    spouse: frozenset[str]  # the spouse's name words
    partner: frozenset[str]  # the other partner's, when named
    listed: bool = False  # an entry "Name (m. YEAR)" of a list of spouses, not a sentence


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    data = load("claims/marriages.yaml")

    def alt(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    verb = re.compile(r"(?<![\w-])(?:" + alt(data["verbs"]) + r")(?![\w-])", re.I)
    notation = re.compile(r"(?P<name>" + _NAME + r")\s*\(\s*(?:" + alt(data["notation"]) + r")\s*(?P<y>\d{3,4})\b")
    return verb, notation


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(w.casefold() for t in load_lexicon().titles for w in t.split())


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text)) - _titles()


def _persons(doc, start: int, end: int) -> list:
    return [m for m in doc.mentions if m.type == "person" and start <= m.start and m.end <= end]


def _sentence_year(doc, start: int, end: int) -> int | None:
    for t in sorted(doc.timexes, key=lambda t: t.start):
        m = _YEAR.match(t.edtf or "") if t.basis == "explicit" and start <= t.start < end else None
        if m:
            return int(m.group(0))
    return None


def marriages(doc) -> list[Marriage]:
    verb, notation = _patterns()
    out = []
    for m in notation.finditer(doc.text):
        out.append(Marriage(doc.id, m.start(), m.end(), m.group(0), int(m["y"]), _words(m["name"]), frozenset(), True))
    for s in doc.sentences:
        v = verb.search(doc.text, s.start, s.end)
        year = _sentence_year(doc, s.start, s.end) if v else None
        if v is None or year is None:
            continue
        after = _persons(doc, v.end(), min(s.end, v.end() + AFTER_CHARS))
        if not after:
            continue
        before = _persons(doc, s.start, v.start())
        end = after[0].end
        out.append(Marriage(doc.id, s.start, end, doc.text[s.start:end], year, _words(after[0].text),
                            _words(before[-1].text) if before else frozenset()))
    return out


def _unique_words(items: list[Marriage]) -> dict[str, frozenset[str]]:
    """Per document, the spouse-name words that belong to one spouse only: in at most one
    entry of its list of spouses ("(m. YEAR)") and at most one of its sentences."""
    out = {}
    for doc in {m.doc for m in items}:
        counts = Counter((w, m.listed) for m in items if m.doc == doc for w in m.spouse)
        words = {w for w, _ in counts}
        out[doc] = frozenset(w for w in words if all(counts[(w, kind)] <= 1 for kind in (True, False)))
    return out


def _same_marriage(a: Marriage, b: Marriage, unique: dict[str, frozenset[str]]) -> bool:
    shared = a.spouse & b.spouse & unique[a.doc] & unique[b.doc]
    if not shared:
        return False
    return not (a.partner and b.partner and not a.partner & b.partner)


def find(view: View):
    items = [m for doc in view.corpus.docs for m in marriages(doc)]
    unique = _unique_words(items)
    for a, b in combinations(items, 2):
        if a.year == b.year or (a.doc == b.doc and a.start == b.start):
            continue
        if not _same_marriage(a, b, unique):
            continue
        who = " ".join(sorted(a.spouse & b.spouse)).title()
        yield Finding("date", "hard", f"when the marriage to {who} took place: {a.year} or {b.year}",
                      (DocSpan(a.doc, a.start, a.end, a.text, value=str(a.year)),
                       DocSpan(b.doc, b.start, b.end, b.text, value=str(b.year))),
                      topic=f"marriage to {who}")


__all__ = ["Marriage", "marriages", "find"]
