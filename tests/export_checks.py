"""The checks each export format must pass, shared by the format tests (tests/export/)
and the run over the reference texts: every format judged by its own tool or library."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import geojson
import jsonschema
import networkx as nx
import pandas as pd
import pytest
import shapely.geometry
from lxml import etree

from chronica.export import render, write
from chronica.export.tei import TEI_NS
from chronica.export.viewer import timelinejs_page

SCHEMAS = Path(__file__).parent / "export" / "schemas"

LPF_SCHEMA = json.loads((SCHEMAS / "lpf.schema.json").read_text("utf-8"))


def features(view) -> list[dict]:
    collection = geojson.loads(render("geojson", view)[0].decode("utf-8"))
    assert collection.is_valid, collection.errors()
    for f in collection["features"]:
        if f["geometry"] is not None:
            assert shapely.geometry.shape(f["geometry"]).is_valid
    return collection["features"]

PALLADIO = re.compile(r"^(-?\d{4}(-\d{2}-\d{2})?)?$")


def tables(view, tmp_path) -> dict[str, pd.DataFrame]:
    written = write("csv", view, tmp_path / "csv")
    out = {}
    for path in written:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        assert len(frame) == len(rows) and list(frame.columns) == list(rows[0].keys() if rows else frame.columns)
        out[path.stem] = frame
    return out


def assert_ids_resolve(t: dict[str, pd.DataFrame]) -> None:
    docs, events = set(t["documents"]["id"]), set(t["events"]["id"])
    people, places = set(t["people"]["id"]), set(t["places"]["id"])
    entities = people | places | set(t["other_entities"]["id"])
    assert set(t["event_people"]["event_id"]) <= events and set(t["event_people"]["person_id"]) <= people
    assert set(filter(None, t["events"]["place_id"])) <= places
    for ids in t["events"]["person_ids"]:
        assert set(filter(None, ids.split("; "))) <= entities
    for ids in t["events"]["document_ids"]:
        assert set(ids.split("; ")) <= docs
    assert set(t["relations"]["source_id"]) | set(t["relations"]["target_id"]) <= entities
    assert set(t["evidence"]["event_id"]) <= events and set(t["evidence"]["document_id"]) <= docs
    assert set(t["conflicts"]["document_id"]) <= docs
    assert set(t["mentions"]["entity_id"]) <= entities and set(t["mentions"]["document_id"]) <= docs
    assert set(filter(None, t["places"]["part_of_id"])) <= places

ANNOTATION = {
    "type": "object",
    "required": ["id", "type", "motivation", "body", "target"],
    "properties": {
        "type": {"const": "Annotation"},
        "motivation": {"enum": ["identifying", "describing", "tagging", "linking", "commenting"]},
        "body": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["type"]}},
        "target": {
            "type": "object", "required": ["source", "selector"],
            "properties": {"selector": {"type": "array", "prefixItems": [
                {"type": "object", "required": ["type", "exact"], "properties": {"type": {"const": "TextQuoteSelector"}}},
                {"type": "object", "required": ["type", "start", "end"],
                 "properties": {"type": {"const": "TextPositionSelector"},
                                "start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}}},
            ]}},
        },
    },
}

COLLECTION = {
    "type": "object", "required": ["@context", "type", "first"],
    "properties": {"@context": {"const": "http://www.w3.org/ns/anno.jsonld"}, "type": {"const": "AnnotationCollection"},
                   "first": {"type": "object", "required": ["type", "items"],
                             "properties": {"type": {"const": "AnnotationPage"},
                                            "items": {"type": "array", "items": ANNOTATION}}}},
}


def annotations(view) -> list[dict]:
    data = json.loads(render("annotations", view)[0])
    jsonschema.validate(data, COLLECTION)
    return data["first"]["items"]


def assert_selectors_resolve(view, items) -> None:
    texts_by_sha = {d["sha256"]: view.texts[d["id"]] for d in view.documents.values() if d["id"] in view.texts}
    for a in items:
        text = texts_by_sha[a["target"]["source"].removeprefix("urn:sha256:")]
        quote, position = a["target"]["selector"]
        assert text[position["start"]:position["end"]] == quote["exact"]
        found = text.find(quote["prefix"] + quote["exact"] + quote["suffix"])
        assert found == position["start"] - len(quote["prefix"])  # the quote selector finds the same place

ISO_DAY = re.compile(r"^-?\d{4}-\d{2}-\d{2}$")


def read_back(view, tmp_path):
    (path,) = write("gexf", view, tmp_path / "network.gexf")
    root = etree.parse(str(path)).getroot()
    graph_el = root.find("{*}graph")
    return nx.read_gexf(path), graph_el


def assert_dates_consistent(graph, graph_el) -> None:
    stamped = [d for _, d in graph.nodes(data=True) if "start" in d or "end" in d]
    stamped += [d for _, _, d in graph.edges(data=True) if "start" in d or "end" in d]
    if stamped:
        assert graph_el.get("mode") == "dynamic" and graph_el.get("timeformat") == "date"
    for d in stamped:
        for key in ("start", "end"):
            if key in d:
                assert ISO_DAY.match(str(d[key])), d

T = f"{{{TEI_NS}}}"

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

W3C_DATE = re.compile(r"^-?\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$")


def tei_files(view, tmp_path) -> dict[str, etree._Element]:
    written = write("tei", view, tmp_path / "tei")
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return {p.stem: etree.parse(str(p), parser).getroot() for p in written}


def check_structure(root: etree._Element) -> None:
    assert root.tag == T + "TEI"
    for path in ("teiHeader/fileDesc/titleStmt/title", "teiHeader/fileDesc/publicationStmt",
                 "teiHeader/fileDesc/sourceDesc", "text/body/ab"):
        assert root.find(path.replace("/", "/" + T).join((T, ""))) is not None, path
    ids = {el.get(XML_ID) for el in root.iter() if el.get(XML_ID)}
    for el in root.iter():
        for attr in ("ref", "where"):
            if el.get(attr):
                assert el.get(attr)[1:] in ids, f"{attr}={el.get(attr)} does not resolve"
        for attr in ("when", "notBefore", "notAfter", "from", "to"):
            if el.get(attr):
                assert W3C_DATE.match(el.get(attr)), (attr, el.get(attr))
    for lst in root.iter(T + "listPerson", T + "listPlace", T + "listOrg", T + "listEvent"):
        assert len(lst) > 0  # TEI lists may not be empty


def inline_offsets(ab: etree._Element) -> list[tuple[str, int, int, dict]]:
    out, pos = [], len(ab.text or "")
    for el in ab:
        out.append((etree.QName(el).localname, pos, pos + len(el.text or ""), dict(el.attrib)))
        pos += len(el.text or "") + len(el.tail or "")
    return out

TIMELINE_SCHEMA = json.loads((SCHEMAS / "timelinejs.schema.json").read_text("utf-8"))

VENDOR = Path(__file__).resolve().parents[1] / "src" / "chronica" / "web" / "static" / "vendor"



def timeline(view) -> dict:
    return json.loads(render("timelinejs", view)[0])


def render_in_chromium(browser, view, tmp_path: Path) -> tuple[list[str], list, list[str]]:
    """Load the export into TimelineJS from disk in the session's Chromium; (slide ids
    rendered, console errors, marker ids)."""
    if not (VENDOR / "timelinejs" / "js" / "timeline.js").exists():
        pytest.skip("needs the vendored TimelineJS (npm ci && python scripts/vendor_assets.py)")
    page_file = tmp_path / "timeline.html"
    page_file.write_text(timelinejs_page(render("timelinejs", view)[0].decode("utf-8"), VENDOR.as_uri()), "utf-8")
    errors: list = []
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    try:
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
        page.goto(page_file.as_uri())
        page.wait_for_selector(".tl-timemarker", state="attached", timeout=20000)
        ids = page.evaluate("Array.from(document.querySelectorAll('.tl-slide')).map(s => s.id)")
        markers = page.evaluate("Array.from(document.querySelectorAll('.tl-timemarker')).map(m => m.id)")
    finally:
        page.close()
    return ids, errors, markers


