"""Hand-built documents for the cross-checking tests: text, mentions, entities and
events laid out by hand, so the corpus stage is tested without the NLP stages."""
from __future__ import annotations

import hashlib
import re

import pytest

from chronica.corpus import Corpus
from chronica.doc import Doc, Source
from chronica.model import Entity, LocalEntity, LocalEvent, Mention, Section, Sentence, Span, When


class DocBuilder:
    def __init__(self, text: str, name: str):
        sha = hashlib.sha256(text.encode()).hexdigest()
        self.doc = Doc(Source(name, text, sha, "txt"))
        self._sentences()

    def _sentences(self) -> None:
        sents = []
        for m in re.finditer(r"[^\n]+", self.doc.text):
            for s in re.finditer(r"[^.!?]+[.!?]?", m.group(0)):
                a = m.start() + s.start() + (len(s.group(0)) - len(s.group(0).lstrip()))
                b = m.start() + s.end()
                if b > a:
                    sents.append(Sentence(a, b, "body"))
        self.doc.sentences = sents

    def heading(self, text: str) -> "DocBuilder":
        """Mark the line ``text`` as a heading governing the text up to the next one."""
        i = self.doc.text.index(text)
        self.doc.sections.append(Section(Span(i, i + len(text), text), i, len(self.doc.text)))
        k = len(self.doc.sections) - 1
        if k:
            prev = self.doc.sections[k - 1]
            self.doc.sections[k - 1] = Section(prev.heading, prev.start, i)
        self.doc.sentences = [
            Sentence(s.start, s.end, "heading" if s.start == i else s.kind,
                     k if s.start >= i else s.section) for s in self.doc.sentences]
        return self

    def mention(self, text: str, type_: str, key: str, nth: int = 0) -> "DocBuilder":
        starts = [m.start() for m in re.finditer(re.escape(text), self.doc.text)]
        a = starts[nth]
        self.doc.mentions.append(Mention(a, a + len(text), text, "X", type_, entity=key))
        self.doc.mentions.sort(key=lambda m: m.start)
        if not self.doc.entity(key):
            self.doc.entities.append(LocalEntity(key, type_, text, [text]))
        return self

    def event(self, key: str, kind: str, evidence: str, who=(), where=None, when=None,
              basis="explicit", **kw) -> "DocBuilder":
        a = self.doc.text.index(evidence)
        w = None
        if when:
            from chronica.reconcile.bounds import edtf_bounds, iso_of
            b = edtf_bounds(when)
            w = When(when, iso_of(b.lo), iso_of(b.hi), basis)
        self.doc.events.append(LocalEvent(key, kind, evidence[:60], Span(a, a + len(evidence), evidence),
                                          when=w, who=list(who), where=where, **kw))
        return self


def corpus_of(*builders: DocBuilder, same: dict[str, str] | None = None,
              places: dict[str, dict] | None = None) -> Corpus:
    """A corpus whose entities merge by key: local key "napoleon" in any document maps
    to entity "ent_napoleon" (``same`` renames keys first)."""
    same = same or {}
    places = places or {}
    corpus = Corpus([b.doc for b in builders])
    ents: dict[str, Entity] = {}
    for b in builders:
        for le in b.doc.entities:
            eid = "ent_" + same.get(le.key, le.key)
            corpus.entity_of[(b.doc.id, le.key)] = eid
            if eid not in ents:
                ents[eid] = Entity(eid, le.type, le.name, [le.name], [], **places.get(eid, {}))
    corpus.entities = list(ents.values())
    return corpus


@pytest.fixture
def doc_builder():
    return DocBuilder


@pytest.fixture
def make_corpus():
    return corpus_of
