"""Search across documents, entities and events with one in-memory inverted index.

Words are case- and accent-folded; every query word must match (the last one as a
prefix, so results appear while typing). Document hits carry a snippet around the
first match in the original text.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from .kb import KnowledgeBase

_WORD = re.compile(r"\w+", re.UNICODE)
KINDS = ("entity", "event", "document")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # entity | event | document
    id: str
    score: float


class SearchIndex:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.postings: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for ent in kb.entities.values():
            self._add("entity", ent.id, " ".join((ent.name, *ent.aliases)))
        for event in kb.events.values():
            self._add("event", event.id, " ".join((event.summary, *(s.text for s in event.evidence))))
        for doc in kb.documents.values():
            self._add("document", doc.id, " ".join((doc.label, doc.path, kb.texts.get(doc.id, ""))))
        self.vocabulary = sorted(self.postings)
        # ranking compares the query with folded names and summaries: fold them once
        self.names = {e.id: tuple(fold(n) for n in (e.name, *e.aliases)) for e in kb.entities.values()}
        self.summaries = {e.id: fold(e.summary) for e in kb.events.values()}

    def _add(self, kind: str, key: str, text: str) -> None:
        for word in set(words(text)):
            self.postings[word].add((kind, key))

    def _prefix(self, stem: str) -> set[tuple[str, str]]:
        out: set[tuple[str, str]] = set()
        i = bisect.bisect_left(self.vocabulary, stem)
        while i < len(self.vocabulary) and self.vocabulary[i].startswith(stem):
            out |= self.postings[self.vocabulary[i]]
            i += 1
        return out

    def search(self, query: str) -> dict[str, list[str]]:
        """Ids by kind, best first, for every item matching all query words."""
        terms = words(query)
        if not terms:
            return {k: [] for k in KINDS}
        sets = [self.postings.get(t, set()) for t in terms[:-1]]
        sets.append(self._prefix(terms[-1]))
        sets.sort(key=len)
        found = set(sets[0])
        for s in sets[1:]:
            found &= s
        phrase = fold(query.strip())
        by_kind: dict[str, list[str]] = {k: [] for k in KINDS}
        for kind, key in found:
            by_kind[kind].append(key)
        by_kind["entity"].sort(key=lambda e: self._entity_rank(e, phrase))
        by_kind["event"].sort(key=lambda e: self._event_rank(e, phrase))
        by_kind["document"].sort(key=lambda d: self.kb.document_label(d))
        return by_kind

    def _entity_rank(self, ent_id: str, phrase: str) -> tuple:
        ent = self.kb.entities[ent_id]
        names = self.names[ent_id]
        exact = phrase in names
        starts = any(n.startswith(phrase) for n in names)
        return (not exact, not starts, -len(ent.events), -len(ent.mentions), ent.name)

    def _event_rank(self, event_id: str, phrase: str) -> tuple:
        event = self.kb.events[event_id]
        return (phrase not in self.summaries[event_id], -event.support, event.order)


def snippet(text: str, query: str, width: int = 90) -> tuple[str, str, str]:
    """(before, match, after) around the first occurrence of a query word in text."""
    for term in sorted(_WORD.findall(query), key=len, reverse=True):
        m = re.search(re.escape(term), text, re.IGNORECASE)
        if m:
            lo = max(0, m.start() - width)
            hi = min(len(text), m.end() + width)
            before = ("…" if lo else "") + " ".join(text[lo:m.start()].split())
            after = " ".join(text[m.end():hi].split()) + ("…" if hi < len(text) else "")
            return before + (" " if text[lo:m.start()][-1:].isspace() else ""), m.group(0), (
                (" " if text[m.end():hi][:1].isspace() else "") + after)
    head = " ".join(text[: 2 * width].split())
    return head + ("…" if len(text) > 2 * width else ""), "", ""
