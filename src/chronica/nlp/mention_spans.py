"""The raw material of mentions: a candidate name span (``MentionCandidate``) with the evidence
gathered for it, the trimming of a span to the bare name, titles at the head of a
name, and the zones (headings, titles, citations) that write words in title case."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..doc import Doc
from ..resources import load
from .lexicon import Lexicon


CITED_KINDS = {"bibliography", "credit", "caption"}


LEADING_NON_NAME_POS = {"VERB", "ADV", "ADP", "DET", "SCONJ", "CCONJ", "PRON", "AUX", "PART", "INTJ"}


_QUOTES = "\"'“”‘’«»"


_TRAILING_WORDS = "|".join(load("names/mention_cues.yaml")["trailing_words"])
_TRAIL = re.compile(r"(?:\s*\[\d*\]?|[\s,;:\-–—(\[]+|\s+(?:" + _TRAILING_WORDS + r")|\s*[\"'“”‘’«»]+)$")


_LEAD = re.compile(r"^(?:[\s\"'“”‘’«»(\[.,;:\-–—]+|[Tt]he\s+)")


_BAD = re.compile(r"https?:|www\.|[/@=|{}<>]|\.(?:jpg|png|htm)")


@dataclass
class MentionCandidate:
    start: int
    end: int
    label: str
    rule: str = "ner"  # ner | title | first_name | place_tail | mononym | gazetteer | quoted | heading
    context: dict[str, float] = field(default_factory=lambda: defaultdict(float))  # per mention
    name_hint: dict[str, float] = field(default_factory=lambda: defaultdict(float))  # rule's say


def clean_span(text: str, start: int, end: int, allow_digit: bool = False) -> tuple[int, int] | None:
    """Trim a raw entity span to the bare name; None if nothing name-like is left."""
    s = text[start:end]
    while (m := _LEAD.match(s)):
        start += m.end()
        s = s[m.end():]
    while True:
        old = s
        if (m := _TRAIL.search(s)) and m.start() < len(s):
            s = s[:m.start()]
        if re.search(r"['’]s$", s):
            s = s[:-2]
        elif re.search(r"s['’]$", s) and len(s) > 3:
            s = s[:-1]
        if s.endswith(".") and not re.search(r"(?:\b[A-Z]|\b(?:Jr|Sr|St|Dr|Mr|Mrs|Ms))\.$", s):
            s = s[:-1]
        if s == old:
            break
    end = start + len(s)
    if not s or _BAD.search(s):
        return None
    if not (s[0].isupper() or (allow_digit and s[0].isdigit())):
        return None
    return start, end


_GLUE = re.compile(r",\s+|\s+and\s+|\s+&\s+")


def span_pieces(text: str, start: int, end: int, allow_digit: bool, glued: bool = False) -> list[tuple[int, int]]:
    """An entity that runs across a line break is several pieces (a heading and a name);
    with ``glued``, so is a person span joined by "and" or a comma ("Tomas and Elena",
    "Lisbon, Pedro")."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        parts = [(a, b)]
        if glued:
            cuts = [g for g in _GLUE.finditer(text, a, b)]
            if cuts and all(text[g.end():g.end() + 1].isupper() for g in cuts):
                bounds = [a] + [x for g in cuts for x in (g.start(), g.end())] + [b]
                parts = list(zip(bounds[::2], bounds[1::2]))
        for pa, pb in parts:
            span = clean_span(text, pa, pb, allow_digit)
            if span:
                out.append(span)
    return out


def trim_leading(doc: Doc, start: int, end: int) -> int:
    """Drop leading words the tagger reads as ordinary words ("Spotting Anna", "So Dickens")."""
    span = doc.spacy.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start
    i = 0
    while i < len(span) - 1 and (span[i].pos_ in LEADING_NON_NAME_POS or span[i].is_stop):
        i += 1
    return span[i].idx if i else start


def in_heading(doc: Doc, start: int) -> bool:
    s = doc.sentence_at(start)
    return s is not None and s.kind in ("heading", "title")


def is_common_word(word: str, lower: set[str]) -> bool:
    w = word.casefold().strip(".,;:!?\"'“”‘’")
    return w in lower or ("-" in w and all(p in lower for p in w.split("-") if len(p) > 2))


def in_titled_zone(doc: Doc, start: int) -> bool:
    """Headings, titles and cited zones write words in title case ("The Tsar Flees His Capital")."""
    s = doc.sentence_at(start)
    return s is not None and s.kind in ("heading", "title", *CITED_KINDS)


def title_at(words: list[str], i: int, lex: Lexicon) -> int:
    """Number of words of a title starting at word i (0 if none); "Dr." is "Dr"."""
    for k in range(min(lex.title_words, len(words) - i), 0, -1):
        title = " ".join(words[i:i + k])
        if title in lex.titles or (title.endswith(".") and title[:-1] in lex.title_abbreviations
                                   and title[:-1] in lex.titles):
            return k
    return 0
