"""The ``segment`` component: sentences with their kind, headings and sections.

A document is first cut into *blocks* (paragraphs, or single lines where a paragraph is
a stack of short lines such as a chapter header). Each block gets a kind — title,
heading, dateline, caption, bibliography, credit or body — and body blocks are split
into sentences with spaCy's parser, never across a block boundary.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..doc import Doc
from ..model import Section, Sentence, Span
from ..components import Context, component
from ..resources.text import paragraphs
from .zones import ZoneCues, load_zone_cues

MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 110
MAX_CAPTION_WORDS = 25
MAX_GLUED_HEADING_WORDS = 6  # a heading with no blank line under it is short
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_FOOTNOTE = re.compile(r"^\s*\[\d+\]\s")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_TERMINAL = re.compile(r"[.!?…:;,][\"'”’)\]]*\s*$")
_DATE_ONLY = re.compile(
    r"^\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\s*$")
_SENT_FALLBACK = re.compile(r"[^.!?…]+(?:[.!?…]+[\"'”’)]*|$)")


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    text: str


def split_blocks(text: str) -> list[Block]:
    """Paragraphs; a paragraph whose lines look like headings or list items is cut
    into its lines (hard-wrapped prose stays one block)."""
    blocks: list[Block] = []
    for para_start, para_end in paragraphs(text):
        lines = [(lm.start() + para_start, lm.end() + para_start)
                 for lm in re.finditer(r"[^\n]+", text[para_start:para_end])]
        lines = [(a, b) for a, b in lines if text[a:b].strip()]
        if not lines:
            continue  # the empty "paragraph" after a text's closing blank line
        per_line = len(lines) > 1 and (
            all(_looks_like_heading(text[a:b]) or _LIST_MARK.match(text[a:b]) for a, b in lines)
            or any(_LIST_MARK.match(text[a:b]) or _FOOTNOTE.match(text[a:b]) for a, b in lines))
        if not per_line and len(lines) > 1 and _heading_atop_prose(text, lines):
            blocks.append(Block(*lines[0], text[lines[0][0]:lines[0][1]]))
            lines = lines[1:]
        spans = lines if per_line or len(lines) == 1 else [(lines[0][0], lines[-1][1])]
        for a, b in spans:
            a, b = _trim(text, a, b)
            if a < b:
                blocks.append(Block(a, b, text[a:b]))
    return blocks


def _heading_atop_prose(text: str, lines: list[tuple[int, int]]) -> bool:
    """A short title-like first line glued to the prose under it ("Early life" then
    "She was born ..." with no blank line between) is a heading of its own. Hard-wrapped
    prose is not: its first line is about as long as the next."""
    first = text[lines[0][0]:lines[0][1]].strip()
    nxt = text[lines[1][0]:lines[1][1]].strip()
    return (bool(first) and first[0].isupper() and nxt[:1].isupper()
            and len(first.split()) <= MAX_GLUED_HEADING_WORDS and not _TERMINAL.search(first)
            and not _LIST_MARK.match(first) and len(first) * 2 <= len(nxt))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _looks_like_heading(block: str) -> bool:
    if _MD_HEADING.match(block):
        return True
    words = block.split()
    if not words or len(words) > MAX_HEADING_WORDS or len(block) > MAX_HEADING_CHARS:
        return False
    if _LIST_MARK.match(block) or _FOOTNOTE.match(block):
        return False
    if not _TERMINAL.search(block):
        return True
    # A question in title case ("What Really Happened at Waterloo?") is a heading too.
    if block.rstrip().endswith("?"):
        capital = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
        return capital / len(words) >= 0.6
    return False


def classify_blocks(blocks: list[Block], cues: ZoneCues, spacy_doc=None) -> tuple[list[str], list[bool]]:
    """Each block's kind, and whether it is a section heading."""
    kinds: list[str] = []
    headings: list[bool] = []
    zone: str | None = None  # bibliography / credit while inside such a section
    for i, b in enumerate(blocks):
        text = b.text
        headings.append(False)
        if cues.is_credit_line(text):
            kinds.append("credit")
            continue
        if i == 0 and _looks_like_heading(text) and not _DATE_ONLY.match(text):
            kinds.append("title")
            continue
        if _DATE_ONLY.match(text):
            kinds.append("dateline")
            continue
        if _looks_like_heading(text):
            headings[-1] = True
            heading_zone = cues.heading_zone(text)
            if heading_zone:
                zone = heading_zone
            elif zone and not _is_bib_entry(text, cues):
                zone = None  # a new narrative section ends the bibliography
            kinds.append("heading" if not zone else zone)
            continue
        if zone:
            kinds.append(zone)
        elif _FOOTNOTE.match(text) or cues.citation.match(text):
            kinds.append("bibliography")
        elif _is_caption(b, cues, spacy_doc):
            kinds.append("caption")
        else:
            kinds.append("body")
    return kinds, headings


def _is_bib_entry(text: str, cues: ZoneCues) -> bool:
    return bool(cues.citation.match(text))


def _is_caption(b: Block, cues: ZoneCues, spacy_doc) -> bool:
    words = b.text.split()
    if len(words) > MAX_CAPTION_WORDS or _LIST_MARK.match(b.text):
        return False
    if cues.caption_cues.search(b.text):
        return True
    if spacy_doc is None:
        return False
    span = spacy_doc.char_span(b.start, b.end, alignment_mode="contract")
    if span is None or not len(span):
        return False
    # A caption names what is shown ("X in 1918.", "X's study, where ..."): it has no
    # verb of its own outside subordinate clauses.
    return not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in _SUBORDINATE for t in span)


_SUBORDINATE = {"relcl", "acl", "advcl", "pcomp", "xcomp", "ccomp", "amod", "compound"}


def block_sentences(b: Block, text: str, sent_bounds: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """Sentences inside one block: the parser's, clipped to the block, or punctuation."""
    if sent_bounds is None:
        out = []
        for m in _SENT_FALLBACK.finditer(b.text):
            a, e = _trim(b.text, m.start(), m.end())
            if a < e:
                out.append((b.start + a, b.start + e))
        return out or [(b.start, b.end)]
    i = max(bisect_right(sent_bounds, (b.start, len(text) + 1)) - 1, 0)
    out = []
    while i < len(sent_bounds) and sent_bounds[i][0] < b.end:
        a, e = max(sent_bounds[i][0], b.start), min(sent_bounds[i][1], b.end)
        a, e = _trim(text, a, e)
        if a < e:
            out.append((a, e))
        i += 1
    return _merge_fragments(out, text) or [(b.start, b.end)]


def parser_sentences(spacy_doc) -> list[tuple[int, int]] | None:
    """All sentence bounds of the parse, once (Span.sents rescans the doc on each call)."""
    if spacy_doc is None:
        return None
    return [(s.start_char, s.end_char) for s in spacy_doc.sents]


_NO_SPLIT_AFTER = re.compile(
    r"(?:\b(?:St|Dr|Mr|Mrs|Ms|Jr|Sr|Gen|Col|Capt|Lt|Sgt|Rev|Prof|Gov|Sen|Rep|Pres|No|vs|ca|c|approx"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.)$")


_OPEN_AFTER_BRACKET = re.compile(r"[^.!?;:]\)$")  # "(in 1202)" with no full stop before the bracket


def _goes_on_after_bracket(before: str, after: str) -> bool:
    """A split after a closing bracket with no full stop before it, where the sentence
    goes on: the next part starts in lower case, or the part before is a short lead-in
    ("A decade later, (in 1202)")."""
    if not _OPEN_AFTER_BRACKET.search(before):
        return False
    return after[:1].islower() or len(before.split()) <= BRACKET_LEAD_IN_WORDS


BRACKET_LEAD_IN_WORDS = 8


def _merge_fragments(sents: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Undo splits after abbreviations and initials ("St. Helena", "J. Smith"), and
    after a bracket the sentence goes on from ("Soon after, (in 1202) the abbot died")."""
    merged: list[tuple[int, int]] = []
    for a, e in sents:
        if merged and (_NO_SPLIT_AFTER.search(text[merged[-1][0]:merged[-1][1]])
                       or _goes_on_after_bracket(text[merged[-1][0]:merged[-1][1]], text[a:e])):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((a, e))
    return merged


@component("segment", requires=("text", "spacy"), assigns=("sentences", "sections"))
def segment(doc: Doc, ctx: Context) -> None:
    cues = load_zone_cues()
    blocks = split_blocks(doc.text)
    kinds, is_heading = classify_blocks(blocks, cues, doc.spacy)
    sections: list[Section] = []
    for b, kind, heading in zip(blocks, kinds, is_heading):
        if heading:
            zone = kind if kind != "heading" else "body"
            if sections:
                last = sections[-1]
                sections[-1] = Section(last.heading, last.start, b.start, last.kind)
            sections.append(Section(Span(b.start, b.end, b.text), b.start, len(doc.text), zone))
    sentences: list[Sentence] = []
    bounds = parser_sentences(doc.spacy)
    si = -1
    for b, kind in zip(blocks, kinds):
        while si + 1 < len(sections) and sections[si + 1].start <= b.start:
            si += 1
        section = si if si >= 0 else None
        if kind == "body":
            for a, e in block_sentences(b, doc.text, bounds):
                sentences.append(Sentence(a, e, "body", section))
        else:
            sentences.append(Sentence(b.start, b.end, kind, section))
    doc.sentences = sentences
    doc.sections = sections
