"""The object corpus-level components share: every document's analysis, and the
knowledge base they build from it."""
from __future__ import annotations

from dataclasses import dataclass, field

from .doc import Doc
from .model import Conflict, Entity, Event, Relation


@dataclass
class Corpus:
    docs: list[Doc]
    entities: list[Entity] = field(default_factory=list)
    entity_of: dict[tuple[str, str], str] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    event_of: dict[tuple[str, str], str] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)

    def doc(self, doc_id: str) -> Doc | None:
        for d in self.docs:
            if d.id == doc_id:
                return d
        return None
