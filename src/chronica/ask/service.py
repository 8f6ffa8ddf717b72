"""``Asker``: one question in, one cited answer out — the service the CLI, the web app
and the bench share.

Structured answers first (the answerer registered for the question's kind); when none
fits or the base does not know, the nearest passages from full-text search, never a guess.
An answer without evidence is not given.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import replace
from typing import Callable, Protocol

from spacy.lang.en.stop_words import STOP_WORDS

from . import answers, listing, quantities, reading
from .base import Base
from .verify import verified
from .who_text import answer_who_in_text
from .model import Answer, Passage, Question
from .names import NameIndex
from .parse import QuestionParser, time_tagger, rules

Answerer = Callable[[Base, Question], "Answer | None"]
ANSWERERS: dict[str, Answerer] = {
    "when": answers.answer_when, "where": answers.answer_where, "who": answers.answer_who,
    "what": listing.answer_what, "fate": listing.answer_fate, "disputes": answers.answer_disputes,
    "how_long": quantities.answer_how_long, "how_many": quantities.answer_how_many,
    "how_old": quantities.answer_how_old,
}
_WORD = re.compile(r"[^\W_]+")
PASSAGES_SHOWN = 3
PASSAGES_FETCHED = 12


class Searcher(Protocol):
    def search(self, words: list[str], limit: int = 5) -> list[Passage]: ...


class Asker:
    def __init__(self, export: dict, passages: Searcher, nlp, reranker=None, texts: dict[str, str] | None = None):
        self.base = Base(export, texts)
        self.names = NameIndex(self.base)
        self.parser = QuestionParser(self.names, nlp)
        self.passages = passages
        self.reranker = reranker
        self._mentions: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for e in self.base.entities.values():
            for m in e.get("mentions", ()):
                self._mentions[m["document"]].append((m["start"], m["end"]))
        for spans in self._mentions.values():
            spans.sort()

    def ask(self, question: str) -> Answer:
        q = self.parser.parse(question)
        answerer = ANSWERERS.get(q.kind)
        if q.of_role and q.kind != "who" and q.entities:  # "when did Lincoln's wife die?": ask about her
            relative = answers.relative(self.base, q.entities[0], q.of_role)
            q = replace(q, entities=(relative, *q.entities[1:])) if relative else q
            answerer = answerer if relative else None
        ans = verified(self.base, answerer(self.base, q)) if answerer else None
        if ans is not None and ans.cites:
            return ans
        if answerer is not None:  # no stored event gives it: read it from the sentences that tell it
            read = self.passages.search(reading.query_words(self.base, q), PASSAGES_FETCHED)
            ans = verified(self.base, reading.read_answer(self.base, q, read, self.parser.nlp))
            if ans is not None and ans.cites:
                return ans
        if q.kind == "who":  # the last resort: a person named in a sentence that tells it
            ans = verified(self.base, answer_who_in_text(self.base, q))
            if ans is not None and ans.cites:
                return ans
        found = self.nearest(q)
        if q.kind == "passages":
            text = "No question form fits: the passages that best match it." if found else "Nothing in the sources matches."
            return Answer(q, "unknown", text, passages=found)
        what = {"how_long": "how long", "how_many": "how many", "how_old": "how old", "fate": "what became of that",
                "disputes": "any disagreement about that"}.get(q.kind, q.kind)
        text = f"The knowledge base does not say {what}" + (": the nearest passages follow." if found else ".")
        return Answer(q, "unknown", text, passages=found)

    def nearest(self, q: Question) -> list[Passage]:
        stop = rules().stop | STOP_WORDS
        words = [w for w in _WORD.findall(q.text) if w.casefold() not in stop]
        found = self.passages.search(words, PASSAGES_FETCHED)
        if self.reranker is not None and found:
            found = self.reranker(q.text, found)
        return [self._marked(p) for p in found[:PASSAGES_SHOWN]]

    def _marked(self, p: Passage) -> Passage:
        """The passage with its entity mentions and dates marked (offsets within it)."""
        spans = self._mentions.get(p.document, [])
        i = bisect.bisect_left(spans, (p.start, -1))
        marks = []
        while i < len(spans) and spans[i][0] < p.end:
            a, b = spans[i]
            if b <= p.end:
                marks.append((a - p.start, b - p.start, "entity"))
            i += 1
        marks += [(t.start, t.end, "date") for t in time_tagger().tag(p.text).timexes if t.type == "DATE"]
        marks.sort()
        clean, last = [], 0
        for a, b, kind in marks:  # no overlaps: the first wins
            if a >= last:
                clean.append((a, b, kind))
                last = b
        return Passage(p.document, p.start, p.end, p.text, p.score, self.base.labels.get(p.document, p.document),
                       tuple(clean))
