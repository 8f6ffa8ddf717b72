"""The corpus as the conflict checks see it: every claim with its document, the corpus
entity it is about, the corpus event it belongs to, and the places it is tied to."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..doc import Doc
from ..match_settings import ConflictChecking
from ..model import Claim, DocSpan, Event, Mention, Span
from ..resources.context import TextContext
from .geography import Geography
from .match_items import name_words

_DEICTIC = re.compile(r"\b(?:here|there)\b(?!\s+(?:was|were|is|are|had|has|have|will|would|seems?|came)\b)", re.I)


@dataclass(frozen=True)
class CClaim:
    doc: Doc
    claim: Claim
    subject: str | None  # corpus entity id
    event: str | None  # corpus event id

    @property
    def span(self) -> Span:
        return self.claim.span

    def docspan(self, value: str | None = None) -> DocSpan:
        s = self.claim.span
        return DocSpan(self.doc.id, s.start, s.end, s.text, value=value if value is not None else self.claim.value)


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: str  # hard | soft
    about: str
    claims: tuple[DocSpan, ...]
    events: tuple[str, ...] = ()
    topic: str = ""  # the disputed fact without the values ("the weapon"); findings of one
    # topic about the same events are one conflict, whatever the number of sources


@dataclass
class View:
    corpus: object
    geo: Geography
    rules: ConflictChecking  # the date slacks of the checks (Settings.match.conflicts)
    claims: list[CClaim] = field(default_factory=list)

    @classmethod
    def build(cls, corpus, rules: ConflictChecking) -> "View":
        v = cls(corpus, Geography(corpus.entities), rules)
        for doc in corpus.docs:
            for c in doc.claims:
                subject = corpus.entity_of.get((doc.id, c.subject)) if c.subject else None
                event = corpus.event_of.get((doc.id, c.event)) if c.event else None
                v.claims.append(CClaim(doc, c, subject, event))
        return v

    @cached_property
    def events(self) -> dict[str, Event]:
        return {e.id: e for e in self.corpus.events}

    @cached_property
    def entity_names(self) -> dict[str, str]:
        return {e.id: e.name for e in self.corpus.entities}

    @cached_property
    def _name_words(self) -> dict[str, frozenset[str]]:
        return name_words(self.corpus.entities)

    def name_words_of(self, entity: str) -> frozenset[str]:
        return self._name_words.get(entity, frozenset())

    def same_person(self, a: str | None, b: str | None) -> bool:
        """The same entity, or two the merger kept apart that share a name word."""
        if not a or not b:
            return False
        if a == b:
            return True
        return bool(self._name_words.get(a, frozenset()) & self._name_words.get(b, frozenset()))

    @cached_property
    def _contexts(self) -> dict[str, TextContext]:
        return {d.id: TextContext(d.text) for d in self.corpus.docs}

    def context(self, doc: Doc) -> TextContext:
        return self._contexts[doc.id]

    def name(self, entity_id: str | None, default: str = "someone") -> str:
        return self.entity_names.get(entity_id or "", default)

    def entity_of(self, doc: Doc, key: str | None) -> str | None:
        return self.corpus.entity_of.get((doc.id, key)) if key else None

    # ------------------------------------------------------------ places of claims --

    def place_mentions(self, doc: Doc, start: int, end: int) -> list[Mention]:
        return [m for m in doc.mentions if m.type == "place" and m.entity and start <= m.start and m.end <= end
                and not m.cited]

    def claim_places(self, cc: CClaim) -> tuple[set[str], bool]:
        """Place entity ids a claim is tied to, and whether they were named explicitly
        (in the claim or its event) rather than through "here"/"there"."""
        doc, c = cc.doc, cc.claim
        named = {self.entity_of(doc, m.entity) for m in self.place_mentions(doc, c.span.start, c.span.end)}
        named.discard(None)
        if not named:
            named = self.places_named_in(doc, c.span.text)
        if named:
            return named, True
        sent = doc.sentence_at(c.span.start)
        s0, s1 = (sent.start, sent.end) if sent else (max(0, c.span.start - 200), c.span.end + 200)
        if _DEICTIC.search(doc.text[s0:s1]):
            out = set()
            prior = [m for m in doc.mentions if m.type == "place" and m.entity and not m.cited
                     and s0 - 600 <= m.start and m.end <= s0]
            if prior:
                out.add(self.entity_of(doc, prior[-1].entity))
            hp = self.heading_place(doc, c.span.start)
            if hp:
                out.add(hp)
            out.discard(None)
            return out, False
        if c.event:
            ev = next((e for e in doc.events if e.key == c.event), None)
            if ev and ev.where:
                where = self.entity_of(doc, ev.where)
                if where:
                    return {where}, True
        return set(), False

    def places_named_in(self, doc: Doc, text: str) -> set[str]:
        """Place entities of the document whose names occur in ``text`` as whole words."""
        out = set()
        for e in doc.entities:
            if e.type != "place":
                continue
            for a in {e.name, *e.aliases}:
                if len(a) > 2 and re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", text):
                    eid = self.entity_of(doc, e.key)
                    if eid:
                        out.add(eid)
                    break
        return out

    def section_heading(self, doc: Doc, offset: int) -> Span | None:
        sent = doc.sentence_at(offset)
        if sent is None or sent.section is None or not 0 <= sent.section < len(doc.sections):
            return None
        return doc.sections[sent.section].heading

    def heading_place(self, doc: Doc, offset: int) -> str | None:
        h = self.section_heading(doc, offset)
        if h is None:
            return None
        ms = self.place_mentions(doc, h.start, h.end)
        return self.entity_of(doc, ms[0].entity) if ms else None

    def same_place(self, a: set[str], b: set[str], loose: bool = False) -> bool:
        ok = {"same", "within", "contains", "near"} if loose else {"same"}
        return any(self.geo.relation(x, y) in ok for x in a for y in b)
