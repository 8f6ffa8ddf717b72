"""Paragraphs of a stored text, one way for every stage.

A paragraph ends at a blank line (a line holding nothing but whitespace). Spans are
code-point offsets into the text, untrimmed, so ``text[a:b]`` is the paragraph with
whatever spaces it has; a text that opens with a blank line has an empty first span.
The segmenter cuts these into blocks, the event extractor reads scenes by them, and the
claim checks ask which paragraph an offset is in.
"""
from __future__ import annotations

import re

_BLANK_LINES = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``text``, in order."""
    out, start = [], 0
    for m in _BLANK_LINES.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out
