"""The export contract (``chronica-export/1``): the stable public view of the KB, built from
a store. Below both the store (``Store.export_dict``) and the export package, which
writes its formats from it."""
from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING

from . import __version__
from .ingest.registry import contract_format
from .locators import span_locator

if TYPE_CHECKING:
    from .store import Store

FORMAT = "chronica-export/1"
# documents whose stored text is the decoded file itself; every other carries its text
FILE_IS_TEXT = {"txt", "md"}
WHEN_FIELDS = ("edtf", "earliest", "latest", "basis")


def build_export(store: "Store") -> dict:
    docs = store.documents()
    entities = _entities(store)
    exported_entities = {e["id"] for e in entities}
    data = {
        "format": FORMAT,
        "generator": f"chronica {__version__}",
        "documents": [{"id": d["id"], "path": d["path"], "title": d["title"], "sha256": d["sha256"],
                       "chars": d["chars"]} for d in docs],
        "entities": entities,
        "events": _events(store, exported_entities),
        "conflicts": _conflicts(store),
        "relations": _relations(store, exported_entities),
    }
    _add_reading(data, store, docs)
    return data


def _entities(store: "Store") -> list[dict]:
    """The entities with at least one mention (no evidence, no fact), by id."""
    mentions = defaultdict(list)
    for m in sorted(store.rows("mentions"), key=lambda m: (m["document_id"], m["start"], m["end"])):
        mentions[m["entity_id"]].append(_span(m))
    entities = []
    for e in sorted(store.rows("entities"), key=lambda e: e["id"]):
        if not mentions[e["id"]]:
            continue
        out = {"id": e["id"], "type": e["type"], "name": e["name"],
               "aliases": json.loads(e["aliases"]), "mentions": mentions[e["id"]]}
        if e["type"] == "place" or e["lat"] is not None:
            out.update(lat=e["lat"], lon=e["lon"], gazetteer=e["gazetteer"], part_of=e["part_of"])
        entities.append(out)
    return entities


def _events(store: "Store", exported_entities: set[str]) -> list[dict]:
    """The events with evidence, naming only exported entities, by id."""
    evidence = defaultdict(list)
    for s in sorted(store.rows("evidence"), key=lambda s: (s["event_id"], s["ord"])):
        span = _span(s)
        w = _when(s["when"])
        if w is not None:
            span["when"] = w
        evidence[s["event_id"]].append(span)
    events = []
    for ev in sorted(store.rows("events"), key=lambda e: e["id"]):
        if not evidence[ev["id"]]:
            continue
        where = ev["where"] if ev["where"] in exported_entities else None
        events.append({
            "id": ev["id"], "kind": ev["kind"], "summary": ev["summary"], "when": _when(ev["when"]),
            "where": where, "who": [w for w in json.loads(ev["who"]) if w in exported_entities],
            "evidence": evidence[ev["id"]], "sources": json.loads(ev["sources"]),
            "confidence": round(float(ev["confidence"]), 3),
        })
    return events


def _conflicts(store: "Store") -> list[dict]:
    """The conflicts with at least two claims, by id."""
    claims = defaultdict(list)
    for s in sorted(store.rows("claims"), key=lambda s: (s["conflict_id"], s["ord"])):
        claims[s["conflict_id"]].append({**_span(s), "value": s["value"]})
    conflicts = []
    for k in sorted(store.rows("conflicts"), key=lambda k: k["id"]):
        if len(claims[k["id"]]) < 2:
            continue
        conflicts.append({"id": k["id"], "kind": k["kind"], "about": k["about"],
                          "severity": k["severity"], "claims": claims[k["id"]],
                          "events": json.loads(k["events"])})
    return conflicts


def _relations(store: "Store", exported_entities: set[str]) -> list[dict]:
    """The relations with evidence between exported entities, by id."""
    relations = []
    for r in sorted(store.rows("relations"), key=lambda r: r["id"]):
        ev = json.loads(r["evidence"])
        if not ev or r["source"] not in exported_entities or r["target"] not in exported_entities:
            continue
        rel = {"id": r["id"], "kind": r["kind"], "label": r["label"], "source": r["source"],
               "target": r["target"], "evidence": ev}
        w = _when(r["when"])
        if w is not None:
            rel["when"] = w
        relations.append(rel)
    return relations


def _add_reading(data: dict, store: "Store", docs: list[dict]) -> None:
    """How each document was read: its format, its text where that is not the file's
    own (HTML, PDF, subtitles…), its locator map and OCR confidence; and on every span
    its locator (page, timecode and speaker, chapter) where the document has one."""
    layouts = store.layouts()
    by_id = {d["id"]: d for d in docs}
    for out in data["documents"]:
        stored = by_id[out["id"]]
        out["format"] = contract_format(stored["format"])
        if stored["format"] not in FILE_IS_TEXT:
            out["text"] = store.document_text(out["id"])
        regions, meta = layouts.get(out["id"], ([], {}))
        if regions:
            out["locators"] = [r.to_dict() for r in regions]
        if meta.get("ocr"):
            out["ocr"] = meta["ocr"]
    for span in _spans(data):
        regions = layouts.get(span["document"], ([], {}))[0]
        loc = span_locator(regions, span["start"], span["end"]) if regions else None
        if loc:
            span["locator"] = loc


def _spans(data: dict):
    for e in data["entities"]:
        yield from e["mentions"]
    for ev in data["events"]:
        yield from ev["evidence"]
    for k in data["conflicts"]:
        yield from k["claims"]
    for r in data["relations"]:
        yield from r["evidence"]


def _span(row: dict) -> dict:
    return {"document": row["document_id"], "start": row["start"], "end": row["end"], "text": row["text"]}


def _when(raw: str | None) -> dict | None:
    if not raw:
        return None
    w = json.loads(raw)
    return {k: w.get(k) for k in WHEN_FIELDS}
