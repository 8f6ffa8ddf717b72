"""Paged text (PDF pages, scanned images) laid out as the stored text.

Running headers and footers (lines repeated at the top or bottom of many pages) and
page numbers are kept out of the body; a word hyphenated at a line end is rejoined;
lines are joined into paragraphs, short unpunctuated lines stand as headings, and a
run of numbered notes at a page's foot is kept as notes ("[1] …", after the page's
body). Every line is a region whose locator names its page (and its box, for OCR).
"""
from __future__ import annotations

import re
from collections import Counter
from statistics import median

from ..locators import Locator
from .layout import Extracted, TextBuilder
from .ocr import Line, PageLines

EDGE_LINES = 2  # lines at a page's top and bottom that may be running furniture
FURNITURE_SHARE = 0.4  # repeated on this share of pages (and on 2 at least) = furniture
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+|p\.\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?"
                          r"(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_NOTE = re.compile(r"^\s*(?P<mark>\d{1,3}|[*†‡])[.)]?\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_ENDS_BEFORE_NOTE = re.compile(r"[.!?…:;][\"'”’)\]]*(?:\d{1,3}|[*†‡])?$")  # "began.1": a note's call


def _shape(line: str) -> str:
    """A line with its numbers blanked, for spotting "Chapter 3 · 47" on every page."""
    return re.sub(r"\d+", "#", " ".join(line.casefold().split()))


def running_furniture(pages: list[PageLines]) -> set[str]:
    """Shapes of the lines repeated at the top or bottom of many pages."""
    if len(pages) < 2:
        return set()
    counts: Counter = Counter()
    for p in pages:
        edge = p.lines[:EDGE_LINES] + p.lines[-EDGE_LINES:]
        counts.update({_shape(ln.text) for ln in edge})
    need = max(2, FURNITURE_SHARE * len(pages))
    return {shape for shape, n in counts.items() if n >= need}


def _body_and_notes(page: PageLines, furniture: set[str]) -> tuple[list[Line], list[Line]]:
    lines = list(page.lines)
    n = len(lines)
    keep = []
    for i, ln in enumerate(lines):
        at_edge = i < EDGE_LINES or i >= n - EDGE_LINES
        if at_edge and (_shape(ln.text) in furniture or _PAGE_NUMBER.match(ln.text)):
            continue
        keep.append(ln)
    return _split_notes(keep)


def _split_notes(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The page's trailing notes: from the last line that opens with a note marker
    counting back through consecutive marked runs, at most a third of the page."""
    if len(lines) < 4:
        return lines, []
    start = None
    for i in range(len(lines) - 1, max(len(lines) * 2 // 3, 1) - 1, -1):
        if _NOTE.match(lines[i].text) and _ENDS_BEFORE_NOTE.search(lines[i - 1].text):
            start = i
    return (lines, []) if start is None else (lines[:start], lines[start:])


def _typical_width(lines: list[Line]) -> float:
    widths = [len(ln.text) for ln in lines if len(ln.text) > 20]
    return median(widths) if widths else 60.0


def _is_heading(line: Line, width: float) -> bool:
    t = line.text.strip()
    return (len(t) < 0.6 * width and len(t.split()) <= 12 and t[:1].isupper()
            and not _SENTENCE_END.search(t) and not t.endswith(","))


def _place_lines(out: TextBuilder, lines: list[Line], page: int, width: float, prev: str) -> str:
    """Add a page's body lines; returns the last line added (paragraphs run on across
    a page break unless the page ended a sentence)."""
    for i, ln in enumerate(lines):
        loc = Locator(page=page, box=ln.box)
        text = ln.text.strip()
        heading = _is_heading(ln, width) and (not prev or _SENTENCE_END.search(prev) or ln.new_paragraph)
        next_is_body = i + 1 < len(lines) and not _is_heading(lines[i + 1], width)
        ended_short = prev and _SENTENCE_END.search(prev) and len(prev) < 0.85 * width
        if heading and (next_is_body or i + 1 == len(lines)):
            out.paragraph()
            out.add(text, loc)
            out.paragraph()
        else:
            # a page's first line after a gap (below a running header) does not end a
            # paragraph that the previous page left mid-sentence
            carried_over = i == 0 and prev and not _SENTENCE_END.search(prev)
            if (ln.new_paragraph and not carried_over) or ended_short:
                out.paragraph()
            out.add(text, loc, rejoin_hyphen=True)
        prev = text
    return prev


def _place_notes(out: TextBuilder, notes: list[Line], page: int) -> None:
    out.paragraph()
    mark = None
    for ln in notes:
        m = _NOTE.match(ln.text)
        if m:
            mark = m.group("mark")
            out.line()
            out.add(f"[{mark}] {ln.text[m.end():].strip()}", Locator(page=page, note=mark, box=ln.box))
        else:
            out.add(ln.text, Locator(page=page, note=mark, box=ln.box), rejoin_hyphen=True)
    out.paragraph()


def pages_to_extracted(pages: list[PageLines], meta: dict | None = None) -> Extracted:
    furniture = running_furniture(pages)
    out = TextBuilder()
    prev = ""
    for page in pages:
        body, notes = _body_and_notes(page, furniture)
        prev = _place_lines(out, body, page.number, _typical_width(body), prev)
        if notes:
            _place_notes(out, notes, page.number)
            prev = ""
    meta = dict(meta or {})
    meta["pages"] = len(pages)
    ocr = [{"page": p.number, "confidence": p.ocr_confidence} for p in pages if p.ocr_confidence is not None]
    if ocr:
        meta["ocr"] = {"engine": meta.pop("ocr_engine", "tesseract"), "pages": ocr}
    return Extracted(text=out.text(), regions=out.regions, meta=meta)
