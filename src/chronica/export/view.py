"""What every exporter reads: the export contract, the document texts, and a selection.

`ExportView` wraps one contract dict (``chronica-export/1``) with the lookups all formats
need (names, places, citations, parsed dates). `Filters` narrows it the same way for every
format: by person, place (and the places inside it), date range and document.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any, Iterable, Iterator

from ..errors import ChronicaError
from .dates import Dated, parse_bound, read_when


@dataclass(frozen=True)
class Filters:
    """A selection of the knowledge base; empty fields select everything."""

    person: str | None = None
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    document: str | None = None

    @property
    def empty(self) -> bool:
        return not any((self.person, self.place, self.date_from, self.date_to, self.document))

    def describe(self) -> str:
        parts = [f"{k} {v}" for k, v in (("person", self.person), ("place", self.place),
                                         ("from", self.date_from), ("to", self.date_to),
                                         ("document", self.document)) if v]
        return ", ".join(parts)


class ExportView:
    """The contract's objects with the indexes every exporter uses."""

    def __init__(self, data: dict[str, Any], texts: dict[str, str] | None = None, selection: str = "",
                 time_spans: dict[str, list[dict]] | None = None):
        self.data = data
        # the dated time expressions of each document's stored analysis (TEI marks them inline)
        self.time_spans: dict[str, list[dict]] = time_spans or {}
        self.selection = selection  # the filters that made this view, for titles
        self.documents: dict[str, dict] = {d["id"]: d for d in data.get("documents", ())}
        self.entities: dict[str, dict] = {e["id"]: e for e in data.get("entities", ())}
        self.events: list[dict] = list(data.get("events", ()))
        self.relations: list[dict] = list(data.get("relations", ()) or ())
        self.conflicts: list[dict] = list(data.get("conflicts", ()))
        texts = dict(texts or {})
        for d in self.documents.values():  # a non-plain-text document carries its own text
            if d.get("text") is not None:
                texts[d["id"]] = d["text"]
        self.texts = texts
        self.dates: dict[str, Dated | None] = {ev["id"]: read_when(ev.get("when")) for ev in self.events}

    # ----------------------------------------------------------------- lookups --

    def name(self, entity_id: str | None) -> str:
        ent = self.entities.get(entity_id or "")
        return ent["name"] if ent else (entity_id or "")

    def doc_label(self, doc_id: str) -> str:
        d = self.documents.get(doc_id)
        if not d:
            return doc_id
        return d.get("title") or PurePosixPath(d["path"].replace("\\", "/")).name or doc_id

    def citation(self, span: dict) -> str:
        """'Source title, p. 12' / 'Source title, 00:14:05' / 'Source title, chars 10-40'."""
        where = locator_label(span.get("locator")) or f"chars {span['start']}–{span['end']}"
        return f"{self.doc_label(span['document'])}, {where}"

    def people(self) -> list[dict]:
        return [e for e in self.entities.values() if e["type"] == "person"]

    def places(self) -> list[dict]:
        return [e for e in self.entities.values() if e["type"] == "place"]

    def chronology(self) -> list[dict]:
        """Events in time order; undated events last, in id order."""
        return self._chronology

    @cached_property
    def _chronology(self) -> list[dict]:
        def key(ev):
            d = self.dates[ev["id"]]
            return (d.sort_key() if d else (1,), ev["id"])
        return sorted(self.events, key=key)

    @cached_property
    def mentions_by_document(self) -> dict[str, list[tuple[dict, dict]]]:
        """document id -> [(entity, mention)] in the order of the entities."""
        out: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
        for e in self.entities.values():
            for m in e["mentions"]:
                out[m["document"]].append((e, m))
        return out

    @cached_property
    def events_by_entity(self) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = defaultdict(list)
        for ev in self.chronology():
            for who in ev["who"]:
                out[who].append(ev)
        return out

    @cached_property
    def relations_by_source(self) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = defaultdict(list)
        for r in self.relations:
            out[r["source"]].append(r)
        return out

    def spans(self) -> Iterator[dict]:
        for e in self.entities.values():
            yield from e["mentions"]
        for ev in self.events:
            yield from ev["evidence"]
        for k in self.conflicts:
            yield from k["claims"]
        for r in self.relations:
            yield from r["evidence"]

    # --------------------------------------------------------------- selection --

    def select(self, filters: Filters) -> "ExportView":
        """A view holding only what the filters select (the same object when they are empty)."""
        if filters.empty:
            return self
        events = [ev for ev in self.events if self._keeps(ev, filters)]
        # an event kept by --document keeps its evidence from other sources too
        kept_docs = self._documents_for(filters)
        entities = self._kept_entities(events, filters, kept_docs)
        ent_ids = {e["id"] for e in entities}
        event_ids = {ev["id"] for ev in events}
        used_docs = {s["document"] for ev in events for s in ev["evidence"]} | \
                    {m["document"] for e in entities for m in e["mentions"]}
        data = {
            **self.data,
            "documents": [d for d in self.data.get("documents", ()) if d["id"] in used_docs],
            "entities": entities,
            "events": [{**ev, "where": ev["where"] if ev["where"] in ent_ids else None,
                        "who": [w for w in ev["who"] if w in ent_ids]} for ev in events],
            "relations": [r for r in self.relations if r["source"] in ent_ids and r["target"] in ent_ids],
            "conflicts": [k for k in self.conflicts if self._keeps_conflict(k, event_ids, kept_docs)],
        }
        return ExportView(data, {k: v for k, v in self.texts.items() if k in used_docs}, filters.describe(),
                          self.time_spans)

    def _kept_entities(self, events: list[dict], filters: Filters, kept_docs: set[str] | None) -> list[dict]:
        """The entities the kept events need, with their mentions in the kept documents."""
        keep_ents = self._entities_for(events, filters)
        entities = []
        for e in self.entities.values():
            if e["id"] not in keep_ents:
                continue
            mentions = [m for m in e["mentions"] if kept_docs is None or m["document"] in kept_docs]
            if mentions:
                entities.append({**e, "mentions": mentions})
        return entities

    @staticmethod
    def _keeps_conflict(k: dict, event_ids: set[str], kept_docs: set[str] | None) -> bool:
        """A conflict about a kept event, or (about none) with a claim in a kept document."""
        if set(k.get("events") or ()) & event_ids:
            return True
        return (not k.get("events") and kept_docs is not None
                and any(c["document"] in kept_docs for c in k["claims"]))

    def _keeps(self, ev: dict, f: Filters) -> bool:
        if f.person and not set(ev["who"]) & self._matching(f.person, ("person",)):
            return False
        if f.place and not self._inside(ev["where"], self._matching(f.place, ("place",))):
            return False
        if f.document and not {s["document"] for s in ev["evidence"]} & self._documents_for(f):
            return False
        return not (f.date_from or f.date_to) or self._in_dates(ev, f)

    def _in_dates(self, ev: dict, f: Filters) -> bool:
        d = self.dates[ev["id"]]
        if d is None:
            return False  # an undated event is in no date range
        lo, hi = d.first_day(), d.last_day()
        if f.date_from and hi is not None and hi < parse_bound(f.date_from):
            return False
        return not (f.date_to and lo is not None and lo > parse_bound(f.date_to, last=True))

    def _matching(self, name: str, types: tuple[str, ...]) -> set[str]:
        wanted = name.casefold().strip()
        found = {e["id"] for e in self.entities.values() if e["type"] in types and
                 (e["id"] == name or e["name"].casefold() == wanted or
                  any(a.casefold() == wanted for a in e["aliases"]))}
        if not found:
            raise ChronicaError(f"no {types[0]} called {name!r} in the knowledge base; "
                                f"try `chronica info` or an entity id")
        return found

    def _inside(self, place_id: str | None, targets: set[str]) -> bool:
        seen = set()
        while place_id and place_id not in seen:
            if place_id in targets:
                return True
            seen.add(place_id)
            place_id = (self.entities.get(place_id) or {}).get("part_of")
        return False

    def _documents_for(self, f: Filters) -> set[str] | None:
        if not f.document:
            return None
        wanted = f.document
        found = {d["id"] for d in self.documents.values()
                 if wanted in (d["id"], d["path"], d.get("title"), PurePosixPath(d["path"]).name)}
        if not found:
            raise ChronicaError(f"no document {wanted!r} in the knowledge base (give its id, path or title)")
        return found

    def _entities_for(self, events: Iterable[dict], f: Filters) -> set[str]:
        keep: set[str] = set()
        for ev in events:
            keep.update(ev["who"])
            if ev["where"]:
                keep.add(ev["where"])
        for place in list(keep):  # the enclosing places, so a map or gazetteer stays whole
            parent = (self.entities.get(place) or {}).get("part_of")
            while parent and parent not in keep:
                keep.add(parent)
                parent = (self.entities.get(parent) or {}).get("part_of")
        if f.document and not (f.person or f.place or f.date_from or f.date_to):
            docs = self._documents_for(f)
            keep.update(e["id"] for e in self.entities.values()
                        if any(m["document"] in docs for m in e["mentions"]))
        return keep


def locator_label(locator: Any) -> str | None:
    """A span's optional locator (page or timecode, from the input readers) as citation text."""
    if not locator:
        return None
    if isinstance(locator, dict):
        if locator.get("page") is not None:
            return f"p. {locator['page']}"
        for key in ("timecode", "time", "start"):
            if locator.get(key):
                return str(locator[key])
        return ", ".join(f"{k} {v}" for k, v in locator.items())
    text = str(locator)
    return f"p. {text}" if text.isdigit() else text


def view_from_store(store: Any) -> ExportView:
    """The whole knowledge base of an open store, with its document texts."""
    data = store.export_dict()
    texts, time_spans = {}, {}
    for row in store.rows("documents"):
        texts[row["id"]] = row["text"]
        analysis = json.loads(row["analysis"] or "{}")
        time_spans[row["id"]] = [t for t in analysis.get("timexes", ()) if t.get("edtf")]
    return ExportView(data, {k: v for k, v in texts.items() if v is not None}, time_spans=time_spans)
