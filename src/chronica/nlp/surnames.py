"""Bare surnames and rulers' short names NER missed: "Casca struck", "later Olaf fled".

A capitalised word that is the last word of a person's full name in the running text
(or the first word of a ruler's "Olaf II" / "Sven the Bold") is that person again, unless
the document also writes it in lower case, uses it as another kind of name, or glues it
to another capitalised word.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import accumulate

from ..doc import Doc
from ..model import Mention
from .lexicon import Lexicon
from .regnal import epithet_short_name, regnal_short_name

_ROMAN = re.compile(r"^[IVX]+\.?$")


def lower_words(doc: Doc) -> set[str]:
    """Words the document writes in lower case somewhere: ordinary words, not names."""
    return set(re.findall(r"(?<![\w\-’'])[a-z][a-z\-’']*[a-z]\b", doc.text))


_POSS_TAIL = re.compile(r"(?:['’]s?)$")
_WORD = re.compile(r"(?<![\w\-’'])[A-Z][\w\-]*[a-z]\b")


class _Taken:
    """The mentions' spans, sorted by start with the furthest end so far: whether a word
    overlaps one is a binary search, not a scan of every mention."""

    def __init__(self, mentions: list[Mention]):
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)  # the spans that start before the word ends
        return k > 0 and self.reach[k - 1] > start


def _surname_of(m: Mention, lex: Lexicon) -> str | None:
    words = _POSS_TAIL.sub("", m.text.strip()).split()
    if not words or not words[-1][:1].isupper() or words[-1].rstrip(".") in lex.title_abbreviations:
        return None
    w = words[-1]
    return w if len(w) > 2 and not _ROMAN.match(w) and w not in lex.titles else None


def surname_mentions(doc: Doc, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Bare surnames NER missed ("Casca struck", "While Caesar was reading, Brutus
    stepped forward ..."): a capitalised word that is the last word of a person named in the
    running text (a full name, or a one-word name NER took as a person twice) is
    that name again. Not when the document also writes the word in lower case (an
    ordinary word), uses it as another kind of name (Washington the city), glues it to
    another capitalised word ("Edwin Marsh"), or puts it first in a sentence where the
    parser does not read it as a proper noun ("Young men marched")."""
    people = [m for m in mentions if m.type == "person" and not m.cited]
    singles = Counter(m.text for m in people if len(m.text.split()) == 1)
    names = {_surname_of(m, lex) for m in people
             if len(m.text.split()) > 1 or singles[m.text] >= 2} - {None}
    names |= {regnal_short_name(m.text) or epithet_short_name(m.text) for m in people} - {None}  # "Olaf" <- "Olaf II"
    other = {_POSS_TAIL.sub("", m.text.strip()) for m in mentions if m.type != "person"}
    lower = lower_words(doc)
    names = {n for n in names if n not in other and n.casefold() not in lower}
    if not names:
        return []
    taken = _Taken(mentions)
    out = []
    for w in _WORD.finditer(doc.text):
        if w.group() not in names or taken.overlaps(w.start(), w.end()):
            continue
        a, b = w.start(), w.end()
        s = doc.sentence_at(a)
        if s is None or s.kind != "body" or _glued(doc.text, a, b, lower):
            continue
        if _sentence_initial(doc.text, s.start, a) and not _parsed_propn(doc, a):
            continue
        out.append(Mention(a, b, w.group(), "PERSON", "person"))
    return out


def _glued(text: str, a: int, b: int, lower: set[str]) -> bool:
    """Part of a longer capitalised name: "Edwin Marsh", "Marsh Street" (a capitalised
    ordinary word before it, "With Marsh", does not count)."""
    before = re.search(r"(?<![\w\-])(?P<w>[A-Z][\w\-]*|[A-Z]\.)[ \t]+$", text[max(0, a - 30):a])
    after = re.match(r"[ \t]+(?:of[ \t]+)?[A-Z]", text[b:b + 8])
    return bool(before and before["w"].casefold() not in lower) or bool(after)


def _sentence_initial(text: str, s_start: int, a: int) -> bool:
    return not text[s_start:a].strip(" \t\n\"'“”‘’«»([-–—")


def _parsed_propn(doc: Doc, a: int) -> bool:
    if doc.spacy is None:
        return False
    span = doc.spacy.char_span(a, a + 1, alignment_mode="expand")
    return span is not None and span[0].pos_ == "PROPN"
