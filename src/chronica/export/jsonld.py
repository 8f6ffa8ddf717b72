"""schema.org JSON-LD: Events, People, Places and sources as one linked-data graph.

The context ships with the package (`data/jsonld-context.json`) and is copied inline,
so expanding the file needs no network. Every event cites its evidence as a
schema:Quotation whose id is the passage itself (`urn:sha256:<file hash>#char=a,b`,
RFC 5147). Dates: `startDate`/`endDate` at source precision (ISO 8601, negative years BC,
open ends left out), the EDTF beside them, and `temporalCoverage` as an ISO interval.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files

from .registry import exporter, text_stream
from .view import ExportView

BASE = "chronica:"
SCHEMA_TYPES = {"person": "Person", "place": "Place", "organization": "Organization", "group": "Organization",
                "vehicle": "Vehicle", "work": "CreativeWork", "other": "Thing"}


@lru_cache(maxsize=1)
def context() -> dict:
    return json.loads(files("chronica.export").joinpath("data/jsonld-context.json").read_text("utf-8"))["@context"]


@exporter("jsonld", "schema.org JSON-LD (Event, Person, Place)", "application/ld+json", "chronica.jsonld")
def write_jsonld(view: ExportView, sink) -> None:
    with text_stream(sink, "chronica.jsonld") as out:
        out.write('{"@context": ' + json.dumps(context()) + ',\n"@graph": [')
        for i, node in enumerate(_nodes(view)):
            out.write(",\n" if i else "\n")
            out.write(json.dumps(node, ensure_ascii=False))
        out.write("\n]}\n")


def _nodes(view: ExportView):
    for d in view.documents.values():
        yield {"@id": doc_uri(d), "@type": "CreativeWork", "name": view.doc_label(d["id"]),
               "identifier": d["id"], "sha256": d["sha256"], "url": d["path"]}
    for e in view.entities.values():
        yield entity_node(view, e)
    for ev in view.events:
        yield event_node(view, ev)


def doc_uri(doc: dict) -> str:
    return f"urn:sha256:{doc['sha256']}"


def span_node(view: ExportView, span: dict) -> dict:
    doc = view.documents.get(span["document"]) or {"sha256": span["document"]}
    return {"@id": f"{doc_uri(doc)}#char={span['start']},{span['end']}", "@type": "Quotation",
            "text": span["text"], "isPartOf": doc_uri(doc), "startOffset": span["start"],
            "endOffset": span["end"], "description": view.citation(span)}


def entity_node(view: ExportView, e: dict) -> dict:
    node = {"@id": BASE + e["id"], "@type": SCHEMA_TYPES.get(e["type"], "Thing"), "name": e["name"]}
    aliases = [a for a in e["aliases"] if a != e["name"]]
    if aliases:
        node["alternateName"] = aliases
    if e.get("lat") is not None and e.get("lon") is not None:
        node["geo"] = {"@type": "GeoCoordinates", "latitude": e["lat"], "longitude": e["lon"]}
    if e.get("part_of") in view.entities:
        node["containedInPlace"] = BASE + e["part_of"]
    if (e.get("gazetteer") or "").startswith("geonames:"):
        node["sameAs"] = f"https://sws.geonames.org/{e['gazetteer'].split(':', 1)[1]}/"
    for r in view.relations_by_source.get(e["id"], ()):
        key = "memberOf" if r["kind"] == "member_of" else "knows"
        node.setdefault(key, []).append(BASE + r["target"])
    return node


def event_node(view: ExportView, ev: dict) -> dict:
    node = {"@id": BASE + ev["id"], "@type": "Event", "name": ev["summary"], "eventKind": ev["kind"]}
    date = view.dates[ev["id"]]
    if date is not None:
        if date.start is not None:
            node["startDate"] = date.start.iso()
        if date.end is not None and date.end != date.start:
            node["endDate"] = date.end.iso()
        node["temporalCoverage"] = _coverage(date)
        node["edtf"] = date.edtf
        node["dateBasis"] = date.basis
    if ev["where"]:
        node["location"] = BASE + ev["where"]
    if ev["who"]:
        node["performer"] = BASE + ev["who"][0]
        if ev["who"][1:]:
            node["attendee"] = [BASE + w for w in ev["who"][1:]]
    node["citation"] = [span_node(view, s) for s in ev["evidence"]]
    if ev.get("confidence") is not None:
        node["confidence"] = ev["confidence"]
    return node


def _coverage(date) -> str:
    """ISO 8601 interval as schema.org's temporalCoverage reads it ('..' for an open end)."""
    start = date.start.iso() if date.start else ".."
    end = date.end.iso() if date.end else ".."
    return start if date.is_point else f"{start}/{end}"
