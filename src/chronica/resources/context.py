"""What a stretch of text asserts: a myth told only to be refuted, a cover identity the
text reveals, a hedge. Cues are data (``claims/context.yaml``)."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from . import load
from .text import paragraphs


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern]:
    data = load("claims/context.yaml")
    return {
        name: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                         + r")(?!\w)", re.IGNORECASE)
        for name, words in data.items()
    }


def _norm_quotes(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


class TextContext:
    """Paragraph-level cue look-ups over one document's text."""

    def __init__(self, text: str):
        self.text = text
        self.paras = paragraphs(text)
        self._starts = [a for a, _ in self.paras]
        self._flags: dict[tuple[str, int], bool] = {}

    def paragraph(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect_right(self._starts, offset) - 1)
        return self.paras[i]

    def _has(self, cue: str, offset: int) -> bool:
        i = max(0, bisect_right(self._starts, offset) - 1)
        key = (cue, i)
        if key not in self._flags:
            a, b = self.paras[i]
            self._flags[key] = bool(cues()[cue].search(_norm_quotes(self.text[a:b])))
        return self._flags[key]

    def refuted(self, offset: int) -> bool:
        """In a paragraph that tells a myth or story in order to refute it."""
        return self._has("refutation", offset)

    def cover_identity(self, offset: int) -> bool:
        """In a paragraph that reveals a cover identity or an alias."""
        return self._has("cover", offset)

    def hedged(self, start: int, end: int) -> bool:
        return bool(cues()["hedge"].search(_norm_quotes(self.text[start:end])))
