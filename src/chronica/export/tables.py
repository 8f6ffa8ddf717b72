"""A folder of linked CSV tables for Palladio, OpenRefine and spreadsheets.

Every table has an `id` or `*_id` columns that resolve in another table (events ->
places, event_people -> events + people, ...). Dates come twice: `start`/`end` in the
forms Palladio reads (`YYYY` or `YYYY-MM-DD`, at source precision; empty where open or
undated) and the EDTF string beside them. Places carry "lat,lon" in one `coordinates`
column, as Palladio's map wants.
"""
from __future__ import annotations

import csv
from typing import Iterable

from .registry import exporter, text_stream
from .view import ExportView

OTHER_TYPES = ("organization", "group", "vehicle", "work", "other")


@exporter("csv", "linked CSV tables (Palladio, OpenRefine)", "text/csv", "chronica-csv", folder=True)
def write_csv(view: ExportView, sink) -> None:
    _table(sink, "documents.csv", ["id", "title", "path", "sha256", "chars"],
           ([d["id"], view.doc_label(d["id"]), d["path"], d["sha256"], d["chars"]] for d in view.documents.values()))
    _table(sink, "events.csv", EVENT_COLUMNS, (_event_row(view, ev) for ev in view.chronology()))
    _table(sink, "people.csv", ["id", "name", "aliases", "events", "mentions"],
           ([p["id"], p["name"], "; ".join(p["aliases"]), len(view.events_by_entity.get(p["id"], ())),
             len(p["mentions"])] for p in view.people()))
    _table(sink, "places.csv", ["id", "name", "aliases", "coordinates", "lat", "lon", "gazetteer", "part_of_id"],
           (_place_row(p) for p in view.places()))
    _table(sink, "other_entities.csv", ["id", "type", "name", "aliases", "mentions"],
           ([e["id"], e["type"], e["name"], "; ".join(e["aliases"]), len(e["mentions"])]
            for e in view.entities.values() if e["type"] in OTHER_TYPES))
    _table(sink, "event_people.csv", ["event_id", "person_id", "person", "event", "start", "end", "edtf",
                                      "place_id", "place", "coordinates"], _event_people(view))
    _table(sink, "relations.csv", ["id", "kind", "label", "source_id", "source", "target_id", "target", "edtf",
                                   "quote", "document_id", "start_char", "end_char"], _relations(view))
    _table(sink, "conflicts.csv", ["conflict_id", "kind", "severity", "about", "claim", "value", "quote",
                                   "document_id", "start_char", "end_char", "citation", "event_ids"], _conflicts(view))
    _table(sink, "evidence.csv", ["event_id", "n", "document_id", "start_char", "end_char", "quote", "edtf",
                                  "citation"], _evidence(view))
    _table(sink, "mentions.csv", ["entity_id", "document_id", "start_char", "end_char", "text"],
           ([e["id"], m["document"], m["start"], m["end"], m["text"]]
            for e in view.entities.values() for m in e["mentions"]))


EVENT_COLUMNS = ["id", "kind", "summary", "date", "start", "end", "edtf", "earliest", "latest", "basis",
                 "place_id", "place", "coordinates", "people", "person_ids", "document_ids", "confidence",
                 "quote", "citation"]


def _table(sink, name: str, header: list[str], rows: Iterable[list]) -> None:
    with text_stream(sink, name) as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])


def _event_row(view: ExportView, ev: dict) -> list:
    date = view.dates[ev["id"]]
    start, end = date.palladio() if date else ("", "")
    place = view.entities.get(ev["where"] or "")
    span = ev["evidence"][0]
    return [ev["id"], ev["kind"], ev["summary"], date.label if date else "undated", start, end,
            date.edtf if date else "", date.earliest if date else "", date.latest if date else "",
            date.basis if date else "", ev["where"], place["name"] if place else "",
            _coordinates(place), "; ".join(view.name(w) for w in ev["who"]), "; ".join(ev["who"]),
            "; ".join(ev["sources"]), ev.get("confidence"), span["text"], view.citation(span)]


def _place_row(p: dict) -> list:
    return [p["id"], p["name"], "; ".join(p["aliases"]), _coordinates(p), p.get("lat"), p.get("lon"),
            p.get("gazetteer"), p.get("part_of")]


def _coordinates(place: dict | None) -> str:
    if not place or place.get("lat") is None or place.get("lon") is None:
        return ""
    return f"{place['lat']:.6f},{place['lon']:.6f}"


def _event_people(view: ExportView):
    for ev in view.chronology():
        date = view.dates[ev["id"]]
        start, end = date.palladio() if date else ("", "")
        place = view.entities.get(ev["where"] or "")
        for who in ev["who"]:
            if view.entities.get(who, {}).get("type") != "person":
                continue
            yield [ev["id"], who, view.name(who), ev["summary"], start, end, date.edtf if date else "",
                   ev["where"], place["name"] if place else "", _coordinates(place)]


def _relations(view: ExportView):
    for r in view.relations:
        span = r["evidence"][0]
        yield [r["id"], r["kind"], r.get("label"), r["source"], view.name(r["source"]), r["target"],
               view.name(r["target"]), (r.get("when") or {}).get("edtf"), span["text"], span["document"],
               span["start"], span["end"]]


def _conflicts(view: ExportView):
    for k in view.conflicts:
        for i, c in enumerate(k["claims"], 1):
            yield [k["id"], k["kind"], k["severity"], k["about"], i, c["value"], c["text"], c["document"],
                   c["start"], c["end"], view.citation(c), "; ".join(k.get("events") or ())]


def _evidence(view: ExportView):
    for ev in view.events:
        for i, s in enumerate(ev["evidence"], 1):
            yield [ev["id"], i, s["document"], s["start"], s["end"], s["text"],
                   (s.get("when") or {}).get("edtf"), view.citation(s)]
