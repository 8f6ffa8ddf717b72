"""The shared document object every per-document component reads and writes."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from .locators import Locator, Region, locator_at
from .model import (
    Claim, LocalEntity, LocalEvent, LocalRelation, Mention, PlaceRef, Section, Sentence, Timex, When,
    from_dict, to_dict,
)


@dataclass
class Source:
    """A document as read: the decoded text is the one all offsets refer to."""

    path: str
    text: str
    sha256: str  # of the raw bytes
    format: str  # the reader's name: txt | md | html | pdf | image | epub | docx | vtt | srt | tscript
    title: str | None = None
    # where each part of the text sits in the original (page, timecode, chapter), sorted
    regions: list[Region] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # how it was read (e.g. OCR confidence)

    @property
    def id(self) -> str:
        return "doc_" + self.sha256[:16]

    def locator_at(self, offset: int) -> Locator | None:
        """Where ``offset`` sits in the original: the page, or the cue with its speaker."""
        return locator_at(self.regions, offset)


@dataclass
class Doc:
    source: Source
    spacy: Any = None  # spacy.tokens.Doc, not persisted
    # body sentences parsed again on their own (their parse in the whole text ran into a
    # heading glued to them): sentence start -> (text offset, spaCy span); not persisted
    reparsed: dict[int, tuple[int, Any]] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    events: list[LocalEvent] = field(default_factory=list)
    relations: list[LocalRelation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # gazetteer choice per place name (normalised mention text -> PlaceRef), by link_places
    places: dict[str, PlaceRef] = field(default_factory=dict)
    # narrative time: (offset, When) points where the reader's "now" changes, sorted by
    # offset; written by the time component, read through reference_at().
    narrative_time: list[tuple[int, Any]] = field(default_factory=list)
    _sent_starts: list[int] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def id(self) -> str:
        return self.source.id

    def drop_parse(self) -> None:
        """Forget the spaCy objects (they must not outlive the parser's memory zone)."""
        self.spacy = None
        self.reparsed = {}

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset`` (binary search)."""
        if self._sent_starts is None or len(self._sent_starts) != len(self.sentences):
            self._sent_starts = [s.start for s in self.sentences]
        i = bisect_right(self._sent_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def timexes_in(self, start: int, end: int) -> list[Timex]:
        return [t for t in self.timexes if t.start >= start and t.end <= end]

    def reference_at(self, offset: int):
        """The narrative's current date at ``offset`` (a ``When`` with basis inferred)."""
        keys = [o for o, _ in self.narrative_time]
        i = bisect_right(keys, offset) - 1
        return self.narrative_time[i][1] if i >= 0 else None

    def entity(self, key: str) -> LocalEntity | None:
        for e in self.entities:
            if e.key == key:
                return e
        return None

    def analysis(self) -> dict:
        """Everything a later corpus stage needs, as JSON-able data (no spaCy objects)."""
        return {
            "sentences": to_dict(self.sentences),
            "sections": to_dict(self.sections),
            "timexes": to_dict(self.timexes),
            "mentions": to_dict(self.mentions),
            "entities": to_dict(self.entities),
            "events": to_dict(self.events),
            "relations": to_dict(self.relations),
            "claims": to_dict(self.claims),
            "places": to_dict(self.places),
            "narrative_time": [[o, to_dict(w)] for o, w in self.narrative_time],
        }

    @classmethod
    def from_analysis(cls, source: Source, data: dict) -> "Doc":
        return cls(
            source=source,
            sentences=[from_dict(Sentence, x) for x in data.get("sentences", [])],
            sections=[from_dict(Section, x) for x in data.get("sections", [])],
            timexes=[from_dict(Timex, x) for x in data.get("timexes", [])],
            mentions=[from_dict(Mention, x) for x in data.get("mentions", [])],
            entities=[from_dict(LocalEntity, x) for x in data.get("entities", [])],
            events=[from_dict(LocalEvent, x) for x in data.get("events", [])],
            relations=[from_dict(LocalRelation, x) for x in data.get("relations", [])],
            claims=[from_dict(Claim, x) for x in data.get("claims", [])],
            places={k: from_dict(PlaceRef, v) for k, v in data.get("places", {}).items()},
            narrative_time=[(o, from_dict(When, w)) for o, w in data.get("narrative_time", [])],
        )
