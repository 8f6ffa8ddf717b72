"""Dramatised scenes (a script's cold open) and section headings that are residences."""
from __future__ import annotations

import re

from ..doc import Doc
from ..resources import load
from ..resources.text import paragraphs
from .events_lexicon import Lexicon

_FILLER = re.compile(r"[\W\d_]+|\b(?i:" + "|".join(load("events/clause_words.yaml")["heading_fillers"]) + r")\b")


_HEADING_LINE = re.compile(r"^(?P<line>[^\n]{1,100}?)[ \t]*\n\s*\S")


def opens_with_heading(text: str, a: int, b: int) -> bool:
    """A paragraph whose first line is a title glued to it ("The Birth of the Myth"
    then, on the next line, the body): a short line with no sentence-closing stop."""
    m = _HEADING_LINE.match(text[a:b])
    if m is None:
        return False
    line = m["line"].strip()
    return len(line.split()) <= 12 and not re.search(r"[.,;:…]$", line)


def staged_paragraphs(doc: Doc, lex: Lexicon, cues_needed: bool = True) -> list[tuple[int, int]]:
    """Paragraphs told in the present tense with body-language cues: a staged scene
    (``cues_needed=False``: every paragraph told in the present tense)."""
    if doc.spacy is None:
        return []
    out = []
    words = _tense_words(doc.spacy)
    for a, b in paragraphs(doc.text):
        span = doc.spacy.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        cues = present = past = 0
        for pos, tag, lemma in words[span.start:span.end]:
            if pos in ("VERB", "AUX"):
                if tag in lex.present_tags:
                    present += 1
                elif tag == "VBD":
                    past += 1
            if tag in lex.present_tags and lemma in lex.cue_verbs:
                cues += 1
            elif pos == "NOUN" and lemma in lex.cue_nouns:
                cues += 0.5
        if (cues >= lex.min_cues or not cues_needed) and present > past:
            out.append((a, b))
    return out


def _tense_words(sd) -> list[tuple[str, str, str]]:
    """(POS, tag, lower-case lemma) of every token, read once per parse (both passes over
    the paragraphs use it); kept in the parse's ``user_data``, so it dies with the parse."""
    got = sd.user_data.get(_TENSE_WORDS)
    if got is None:
        got = sd.user_data[_TENSE_WORDS] = [(t.pos_, t.tag_, t.lemma_.lower()) for t in sd]
    return got


_TENSE_WORDS = "chronica.tense_words"


def in_any(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in ranges)


def heading_place_period(doc: Doc, start: int, end: int, place_mentions) -> tuple | None:
    """A heading that is just a place and a period ("Turkey, 1929-1933"):
    returns (place entity key, timex) or None."""
    text = doc.text[start:end]
    timexes = [t for t in doc.timexes_in(start, end) if t.edtf]
    places = [m for m in place_mentions if start <= m.start and m.end <= end]
    if not timexes or not places:
        return None
    rest = text
    for x in sorted([(t.start, t.end) for t in timexes] + [(m.start, m.end) for m in places], reverse=True):
        a, b = x[0] - start, x[1] - start
        rest = rest[:a] + " " + rest[b:]
    if _FILLER.sub(" ", rest).strip():
        return None  # the heading says more than a place and a period
    return places[0].entity, timexes[0]
