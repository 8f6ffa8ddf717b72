"""The knowledge base held in memory for the web views, with its indexes.

Loaded once (from a store or from an export dict plus document texts); every page
then answers from dictionaries and precomputed orders. Nothing here writes anywhere.
"""
from __future__ import annotations

import bisect
import gzip
import json
from collections import defaultdict
from functools import cached_property
from typing import Any, Iterable

from .dates import FAR_FUTURE
from .filters import Selection
from .records import (
    ConflictRec, DocumentRec, EntityRec, EventRec, Evidence, RelationRec,
    read_conflict, read_document, read_entity, read_event, read_relation,
)


def _overlaps(a: Evidence, b: Evidence) -> bool:
    return a.document == b.document and a.start < b.end and b.start < a.end


class KnowledgeBase:
    """Everything a page shows, indexed by entity, document, place and text."""

    incomplete: str | None = None  # why the last build did not finish (pages say so)
    # event id -> {entity id: agent | subject | patient | other} (store.roles), kept beside
    # the export as the store keeps them: the report's ask reads them as `chronica ask` does
    roles: dict[str, dict[str, str]] = {}

    def __init__(self, data: dict[str, Any], texts: dict[str, str | None]):
        self.export = data
        self.store_url: str | None = None  # set when loaded from a store
        self.documents: dict[str, DocumentRec] = {d["id"]: read_document(d) for d in data.get("documents", ())}
        # a document read from HTML, PDF, subtitles… carries its text in the export
        carried = {d["id"]: d["text"] for d in data.get("documents", ()) if d.get("text") is not None}
        self.texts: dict[str, str] = {**carried, **{k: v for k, v in texts.items() if v is not None}}
        self.entities: dict[str, EntityRec] = {e["id"]: read_entity(e) for e in data.get("entities", ())}
        self.events: dict[str, EventRec] = {e["id"]: read_event(e) for e in data.get("events", ())}
        self.relations: dict[str, RelationRec] = {r["id"]: read_relation(r) for r in data.get("relations", ()) or ()}
        self.conflicts: dict[str, ConflictRec] = {c["id"]: read_conflict(c) for c in data.get("conflicts", ())}
        # the contract's own objects, for the JSON API
        self.raw: dict[str, dict[str, dict]] = {
            part: {item["id"]: item for item in data.get(part, ()) or ()}
            for part in ("documents", "entities", "events", "relations", "conflicts")
        }
        self._index()

    # ------------------------------------------------------------------ loading --

    @classmethod
    def from_export(cls, data: dict[str, Any], texts: dict[str, str | None] | None = None) -> "KnowledgeBase":
        return cls(data, texts or {})

    @classmethod
    def from_store(cls, store: Any) -> "KnowledgeBase":
        data = store.export_dict()
        texts = {d["id"]: store.document_text(d["id"]) for d in data.get("documents", ())}
        kb = cls(data, texts)
        kb.store_url = store.url  # for full-text search in the store (/ask)
        kb.roles = store.event_roles()
        return kb

    # ----------------------------------------------------------------- indexing --

    def _index(self) -> None:
        self.ancestors = {eid: self._ancestors(eid) for eid in self.entities}
        self.chronology: list[str] = sorted(self.events, key=self._event_key)
        self.events_by_entity: dict[str, list[str]] = defaultdict(list)
        self.events_by_place: dict[str, list[str]] = defaultdict(list)
        self.events_by_document: dict[str, list[str]] = defaultdict(list)
        for position, eid in enumerate(self.chronology):
            event = self.events[eid]
            event.order = position
            event.places = (event.where, *self.ancestors.get(event.where, ())) if event.where else ()
            for who in dict.fromkeys(event.who):
                self.events_by_entity[who].append(eid)
            for place in event.places:
                self.events_by_place[place].append(eid)
            for doc in dict.fromkeys([*event.sources, *(s.document for s in event.evidence)]):
                self.events_by_document[doc].append(eid)
        for ent_id, ent in self.entities.items():
            ent.events = self.events_by_entity.get(ent_id, []) or self.events_by_place.get(ent_id, [])
        self.relations_by_entity: dict[str, list[str]] = defaultdict(list)
        for rel in self.relations.values():
            self.relations_by_entity[rel.source].append(rel.id)
            if rel.target != rel.source:
                self.relations_by_entity[rel.target].append(rel.id)
        self._index_conflicts()
        self.mentions_by_document: dict[str, list[tuple[Evidence, str]]] = defaultdict(list)
        for ent in self.entities.values():
            for span in ent.mentions:
                self.mentions_by_document[span.document].append((span, ent.id))

    def _ancestors(self, entity_id: str) -> tuple[str, ...]:
        out: list[str] = []
        current = self.entities[entity_id].part_of
        while current and current in self.entities and current not in out and current != entity_id:
            out.append(current)
            current = self.entities[current].part_of
        return tuple(out)

    def _event_key(self, eid: str) -> tuple:
        event = self.events[eid]
        if event.date is None:
            return (1, FAR_FUTURE, FAR_FUTURE, eid)
        lo, hi = event.date.sort_key
        return (0, lo, hi, eid)

    def _index_conflicts(self) -> None:
        """Tie each conflict to its events: named ones, or those whose evidence it quotes."""
        self.conflicts_by_document: dict[str, list[str]] = defaultdict(list)
        self.conflicts_by_event: dict[str, list[str]] = defaultdict(list)
        for conflict in self.conflicts.values():
            linked = set(e for e in conflict.events if e in self.events)
            for claim in conflict.claims:
                if conflict.id not in self.conflicts_by_document[claim.document]:
                    self.conflicts_by_document[claim.document].append(conflict.id)
                for eid in self.events_by_document.get(claim.document, ()):
                    if any(_overlaps(claim, ev) for ev in self.events[eid].evidence):
                        linked.add(eid)
            for eid in sorted(linked, key=lambda e: self.events[e].order):
                self.conflicts_by_event[eid].append(conflict.id)
                self.events[eid].conflicts.append(conflict.id)

    # ----------------------------------------------------------------- queries --

    def events_for(self, selection: Selection) -> list[EventRec]:
        """Events matching a selection, in chronological order (undated last)."""
        candidates: Iterable[str]
        if selection.empty:
            return self.all_events
        if selection.people:
            ids = {e for p in selection.people for e in self.events_by_entity.get(p, ())}
            candidates = sorted(ids, key=lambda e: self.events[e].order)
        elif selection.place:
            candidates = self.events_by_place.get(selection.place, ())
        else:
            candidates = self.chronology
        lo, hi = selection.bounds
        if candidates is self.chronology:  # a period alone: cut the chronological order
            return self._in_period(lo, hi)
        out = []
        for eid in candidates:
            event = self.events[eid]
            if selection.place and selection.place not in event.places:
                continue
            if selection.has_period and (event.date is None or not event.date.overlaps(lo, hi)):
                continue
            out.append(event)
        return out

    def conflicts_for(self, selection: Selection) -> list[ConflictRec]:
        """Conflicts touching a selected event; all of them when nothing is selected."""
        if selection.empty:
            return list(self.conflicts.values())
        seen: dict[str, None] = {}
        for event in self.events_for(selection):
            for cid in event.conflicts:
                seen.setdefault(cid)
        return [self.conflicts[c] for c in seen]

    def entity_name(self, entity_id: str | None) -> str:
        if not entity_id:
            return ""
        ent = self.entities.get(entity_id)
        return ent.name if ent else entity_id

    def document_label(self, doc_id: str) -> str:
        doc = self.documents.get(doc_id)
        return doc.label if doc else doc_id

    @cached_property
    def people_by_prominence(self) -> list[EntityRec]:
        people = [e for e in self.entities.values() if e.type == "person"]
        return sorted(people, key=lambda e: (-len(e.events), -len(e.mentions), e.name))

    @cached_property
    def places_by_prominence(self) -> list[EntityRec]:
        places = [e for e in self.entities.values() if e.type == "place"]
        return sorted(places, key=lambda e: (-len(self.events_by_place.get(e.id, ())), -len(e.mentions), e.name))

    def _in_period(self, lo, hi) -> list[EventRec]:
        """Dated events whose bounds meet [lo, hi], in chronological order, without a call per event."""
        starts, ends = self._bounds
        stop = bisect.bisect_right(starts, hi) if hi is not None else len(starts)
        events = self.all_events
        if lo is None:
            return events[:stop]
        return [events[i] for i in range(stop) if ends[i] >= lo]

    @cached_property
    def _bounds(self) -> tuple[list, list]:
        """Earliest and latest bounds of the dated events, in chronological order."""
        keys = [self.events[e].date.sort_key for e in self.chronology if self.events[e].date is not None
                and (self.events[e].date.lo or self.events[e].date.hi)]
        return [k[0] for k in keys], [k[1] for k in keys]

    @cached_property
    def pickable_people(self) -> list[EntityRec]:
        """People with events, most prominent first (the selection bar's list)."""
        return [p for p in self.people_by_prominence if p.events]

    @cached_property
    def pickable_places(self) -> list[EntityRec]:
        return [p for p in self.places_by_prominence if self.events_by_place.get(p.id)]

    @cached_property
    def parts(self) -> dict[str, list[EntityRec]]:
        """Places directly within each place, by name."""
        out: dict[str, list[EntityRec]] = defaultdict(list)
        for ent in sorted(self.entities.values(), key=lambda e: e.name):
            if ent.part_of:
                out[ent.part_of].append(ent)
        return out

    @cached_property
    def year_span(self) -> tuple[int | None, int | None]:
        years = [e.date.lo[0] for e in self.events.values() if e.date and e.date.lo]
        years += [e.date.hi[0] for e in self.events.values() if e.date and e.date.hi]
        return (min(years), max(years)) if years else (None, None)

    @cached_property
    def export_bytes(self) -> bytes:
        """The export contract as served by /api/export, serialised once."""
        return json.dumps(self.export, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @cached_property
    def export_gzip(self) -> bytes:
        return gzip.compress(self.export_bytes, compresslevel=5)

    @cached_property
    def all_events(self) -> list[EventRec]:
        """Every event in chronological order (treat as read-only)."""
        return [self.events[e] for e in self.chronology]

    @cached_property
    def fragments(self) -> dict:
        """Rendered pieces of pages, keyed by what they depend on (filled by the views)."""
        return {}

    def counts(self) -> dict[str, int]:
        return self._counts

    @cached_property
    def _counts(self) -> dict[str, int]:
        by_type: dict[str, int] = defaultdict(int)
        for ent in self.entities.values():
            by_type[ent.type] += 1
        return {
            "documents": len(self.documents), "events": len(self.events),
            "entities": len(self.entities), "people": by_type.get("person", 0),
            "places": by_type.get("place", 0), "relations": len(self.relations),
            "conflicts": len(self.conflicts),
            "multi_source": sum(1 for e in self.events.values() if e.support > 1),
        }
