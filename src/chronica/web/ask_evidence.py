"""The facts the static report's ask page needs to run the server's last evidence check
(chronica.ask.verify) in the browser, worked out once when the report is written.

For every quotable span: the dates it writes, whether its date was told relative to
another, the entities it names (where, and whether only inside a story told), the
numbers it writes, the entities named just before it (the place check), and the
sentences before it that may give it the date, place or person it leaves unsaid (by
index into a per-report table of such sentences). The rule itself (static/js/ask_verify.js)
is the one verify.py applies: each cited quote states the answer, or the sentence
before it that does is cited beside it.
"""
from __future__ import annotations

import re

from ..ask.base import Base
from ..ask.support import hedged
from ..ask.verify import ANCHOR_REACH, PARAGRAPH_REACH, _ABBREVIATION, _SENTENCE_END, _dates_in, _paragraph_start, numbers_in
from ..whois import _is_name

DATE_ANCHOR, NAME_ANCHOR = 1, 2  # what a sentence before a quote may give it (bit flags)


class EvidenceFacts:
    """Span facts and the table of sentences before quotes, for one report."""

    def __init__(self, base: Base, texts: dict[str, str]):
        self.base, self.texts = base, texts
        forms: dict[str, set[str]] = {}
        for ent in base.entities.values():
            # an alias that describes ("Orsolya's father") names no one: verify.forms_of leaves it out
            for f in [ent.get("name", "")] + [a for a in ent.get("aliases", ()) if _is_name(a)]:
                if f and len(f) > 2:
                    forms.setdefault(f.casefold(), set()).add(ent["id"])
        self.forms = forms
        alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        self.names = re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)") if forms else None
        self.sentences: list[list] = []  # [document, start, end, text, dates, entity ids, named just before]
        self._sentence_at: dict[tuple[str, int, int], int] = {}
        self._dates: dict[str, list[list[str]]] = {}

    def dates(self, text: str) -> list[list[str]]:
        if text not in self._dates:
            self._dates[text] = [[lo, hi] for lo, hi in _dates_in(text)]
        return self._dates[text]

    def ids(self, text: str) -> list[str]:
        """The entities the text names, by any of their names."""
        if self.names is None:
            return []
        return list(dict.fromkeys(eid for m in self.names.finditer(text.casefold()) for eid in self.forms[m.group()]))

    def named(self, text: str) -> list[list]:
        """[[entity id, offset, hedged there]], the first mention of each entity."""
        if self.names is None:
            return []
        first: dict[str, int] = {}
        for m in self.names.finditer(text.casefold()):
            for eid in self.forms[m.group()]:
                first.setdefault(eid, m.start())
        return [[eid, at, 1 if hedged(text, at) else 0] for eid, at in first.items()]

    def _sentence(self, doc: str, start: int, end: int) -> int | None:
        key = (doc, start, end)
        if key not in self._sentence_at:
            text = self.texts[doc][start:end]
            dates, named = self.dates(text), self.ids(text)
            self._sentence_at[key] = len(self.sentences) if (dates or named) else -1
            if dates or named:
                self.sentences.append([doc, start, end, text, dates, named, self._near(doc, start, end)])
        at = self._sentence_at[key]
        return None if at < 0 else at

    def _pieces(self, doc: str, start: int, lo: int) -> list[tuple[int, int]]:
        """The sentences between ``lo`` and the quote, as verify._anchor cuts them."""
        text = self.texts[doc]
        cuts = [lo] + [m.end() for m in _SENTENCE_END.finditer(text, lo, start)
                       if not _ABBREVIATION.search(text, max(0, m.start() - 5), m.start())] + [start]
        out = []
        for a, b in zip(cuts, cuts[1:]):
            piece = text[a:b].strip()
            if piece:
                at = text.index(piece, a)
                out.append((at, at + len(piece)))
        return out

    def anchors(self, doc: str, start: int) -> list[list[int]]:
        """[[sentence index, what it may give]], nearest first."""
        text = self.texts[doc]
        found: dict[int, int] = {}
        lo_name = max(max(0, start - PARAGRAPH_REACH), _paragraph_start(text, start))
        for mode, lo in ((DATE_ANCHOR, max(0, start - ANCHOR_REACH)), (NAME_ANCHOR, lo_name)):
            for a, b in self._pieces(doc, start, lo):
                at = self._sentence(doc, a, b)
                if at is not None:
                    found[at] = found.get(at, 0) | mode
        return [[i, found[i]] for i in sorted(found, key=lambda i: -self.sentences[i][1])]

    def of_span(self, s: dict) -> list:
        """[dates, relative, named, numbers, named just before, anchors] for one span."""
        text, doc = s.get("text", ""), s["document"]
        relative = 1 if (s.get("when") or {}).get("basis") == "relative" else 0
        if doc not in self.texts:
            return [self.dates(text), relative, self.named(text), sorted(numbers_in(text)), [], []]
        return [self.dates(text), relative, self.named(text), sorted(numbers_in(text)),
                self._near(doc, s["start"], s["end"]), self.anchors(doc, s["start"])]

    def _near(self, doc: str, start: int, end: int) -> list[str]:
        """The entities named in the quote or just before it (verify._at_the_place's reach)."""
        return self.ids(self.texts[doc][max(0, start - PARAGRAPH_REACH):end])
