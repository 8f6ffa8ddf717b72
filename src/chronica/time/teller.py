"""The teller's time, kept apart from the story's.

A narrative's reference time ("that spring", "the next day") must not be moved by dates
that belong to the telling rather than to the story:

* citations and bibliographies: "(Smith 1998, p. 45)", "Oxford: Clarendon Press, 1987";
* when a source was written or a thing was found again: "Plutarch, writing two centuries
  later, says ...", "the walls, excavated in 1911, ...";
* the modern world: "the museum that stands there today", "the actor who played him";
* the speaker's own present in a talk or podcast: "last week we saw ...", "when I
  visited in 2019".

Those expressions keep their own dates; only the story's reference stays where it was.
The cue words are data (``teller_cues``, ``teller_aside_cues`` in lexicon.yaml).
"""
from __future__ import annotations

import re

from . import cues
from .lexicon import Lexicon, compile_pattern

# "(Smith 1998)", "(Smith and Jones 1998, p. 45)", "(Smith, 1998: 12-14)", "(see Smith 1998)"
CITATION = compile_pattern(
    r"^(?:(?:" + cues.alternation("citation_leads") + r")\s+)?[A-Z][\w'’.-]+(?:\s+(?:"
    + cues.alternation("citation_joiners") + r")\s+[A-Z][\w'’.-]+|\s+et\s+al\.?)*,?\s*"
    r"(?:c\.\s*)?\d{4}[a-z]?(?:\s*[,:;]\s*(?:pp?\.\s*)?[\divxlc]+(?:\s*[–-]\s*\d+)?)?$")
BIBLIOGRAPHY = compile_pattern(r"(?<!\w)(?:" + cues.alternation("bibliography_words_cased") + r")")
# the speaker in a talk or podcast: "I", "we", "us" close before the expression
SPEAKER = compile_pattern(r"\b(?:" + cues.alternation("speaker_words_cased") + r")\b[^.;:!?]{0,40}$")
_CLAUSE_EDGE = compile_pattern(r"[,;:()\u2014\u2013\[\]]|\.\s")


class Teller:
    """Says whether an expression belongs to the telling, not to the story."""

    def __init__(self, lexicon: Lexicon, text: str):
        self.text = text
        self.cues = lexicon.words("teller_cues")
        self.aside_cues = lexicon.words("teller_aside_cues")

    def aside(self, start: int, end: int) -> bool:
        return self._citation(start, end) or self._bibliography(start) or self._clause(start, end) \
            or self._speaker(start)

    def _citation(self, start: int, end: int) -> bool:
        text = self.text
        open_at = text.rfind("(", max(0, start - 80), start)
        close_at = text.find(")", end, end + 40)
        if open_at < 0 or close_at < 0 or ")" in text[open_at:start] or "(" in text[end:close_at]:
            return False
        inner = text[open_at + 1:close_at].strip()
        return bool(CITATION.match(inner)) or bool(re.search(r"\bpp?\.\s*\d", inner))

    def _bibliography(self, start: int) -> bool:
        a = self.text.rfind("\n", 0, start) + 1
        b = self.text.find("\n", start)
        line = self.text[a:b if b >= 0 else len(self.text)]
        return len(line) < 400 and bool(BIBLIOGRAPHY.search(line))

    def _clause(self, start: int, end: int) -> bool:
        """The clause around the expression tells of the writing, the finding or today."""
        text = self.text
        a = max(0, start - 120)
        edges = [m for m in _CLAUSE_EDGE.finditer(text, a, start)]
        a = edges[-1].end() if edges else a
        m = _CLAUSE_EDGE.search(text, end, end + 120)
        b = m.start() if m else min(len(text), end + 120)
        if self.cues.search(text, a, start) or self.cues.search(text, end, b):
            return True
        set_off = bool(edges) and edges[-1].group() != ". " and bool(m) and m.group() != ". "
        return set_off and bool(self.aside_cues.search(text, a, start) or self.aside_cues.search(text, end, b))

    def _speaker(self, start: int) -> bool:
        a = max(0, start - 50)
        cut = max(text_edge for text_edge in (self.text.rfind(". ", a, start), self.text.rfind("\n", a, start), a - 1))
        return bool(SPEAKER.search(self.text[cut + 1:start]))
