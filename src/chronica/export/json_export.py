"""The export contract (``chronica-export/1``): the stable public view of the KB."""
from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING

from .. import __version__

if TYPE_CHECKING:
    from ..store import Store

FORMAT = "chronica-export/1"
WHEN_FIELDS = ("edtf", "earliest", "latest", "basis")


def build_export(store: "Store") -> dict:
    docs = store.documents()
    ents = store.rows("entities")
    mentions = defaultdict(list)
    for m in sorted(store.rows("mentions"), key=lambda m: (m["document_id"], m["start"], m["end"])):
        mentions[m["entity_id"]].append(_span(m))
    evidence = defaultdict(list)
    for s in sorted(store.rows("evidence"), key=lambda s: (s["event_id"], s["ord"])):
        span = _span(s)
        w = _when(s["when"])
        if w is not None:
            span["when"] = w
        evidence[s["event_id"]].append(span)
    claims = defaultdict(list)
    for s in sorted(store.rows("claims"), key=lambda s: (s["conflict_id"], s["ord"])):
        claims[s["conflict_id"]].append({**_span(s), "value": s["value"]})

    entities = []
    for e in sorted(ents, key=lambda e: e["id"]):
        if not mentions[e["id"]]:
            continue  # no evidence, no fact
        out = {"id": e["id"], "type": e["type"], "name": e["name"],
               "aliases": json.loads(e["aliases"]), "mentions": mentions[e["id"]]}
        if e["type"] == "place" or e["lat"] is not None:
            out.update(lat=e["lat"], lon=e["lon"], gazetteer=e["gazetteer"], part_of=e["part_of"])
        entities.append(out)
    exported_entities = {e["id"] for e in entities}

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

    conflicts = []
    for k in sorted(store.rows("conflicts"), key=lambda k: k["id"]):
        if len(claims[k["id"]]) < 2:
            continue
        conflicts.append({"id": k["id"], "kind": k["kind"], "about": k["about"],
                          "severity": k["severity"], "claims": claims[k["id"]],
                          "events": json.loads(k["events"])})

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

    return {
        "format": FORMAT,
        "generator": f"chronica {__version__}",
        "documents": [{"id": d["id"], "path": d["path"], "title": d["title"], "sha256": d["sha256"],
                       "chars": d["chars"]} for d in docs],
        "entities": entities,
        "events": events,
        "conflicts": conflicts,
        "relations": relations,
    }


def _span(row: dict) -> dict:
    return {"document": row["document_id"], "start": row["start"], "end": row["end"], "text": row["text"]}


def _when(raw: str | None) -> dict | None:
    if not raw:
        return None
    w = json.loads(raw)
    return {k: w.get(k) for k in WHEN_FIELDS}
