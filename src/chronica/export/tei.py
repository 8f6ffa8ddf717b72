"""TEI P5 XML, one file per source: the text marked up where Chronica read it.

The body holds the document text unchanged (its text content equals the stored text,
character for character) with `<persName ref>`, `<placeName ref>`, `<orgName ref>`,
`<name ref>` and `<date when|notBefore|notAfter>` inline at the exact offsets. The
`<standOff>` lists the people, places (with `<geo>`), organisations and events the
source tells of. Where two marked spans cross, the earlier (longer) one wins: XML cannot
hold crossing elements and the text must stay whole. lxml writes the XML.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from .. import __version__
from ..time import TimeTagger
from .dates import Dated, read_when
from .registry import exporter
from .view import ExportView

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NAME_ELEMENTS = {"person": "persName", "place": "placeName", "organization": "orgName", "group": "orgName"}
_FILE_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


@exporter("tei", "TEI P5 XML, one file per source, names and dates inline", "application/tei+xml",
          "chronica-tei", folder=True)
def write_tei(view: ExportView, sink) -> None:
    for doc_id, doc in view.documents.items():
        text = view.texts.get(doc_id)
        if text is None:
            continue  # no stored text: nothing to mark up (the contract JSON still lists it)
        root = document_tei(view, doc, text)
        with sink.open(_FILE_SAFE.sub("_", doc_id) + ".xml") as out:
            etree.ElementTree(root).write(out, xml_declaration=True, encoding="UTF-8")


def document_tei(view: ExportView, doc: dict, text: str) -> etree._Element:
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
    root.append(_header(view, doc))
    body = etree.SubElement(etree.SubElement(root, tei("text")), tei("body"))
    ab = etree.SubElement(body, tei("ab"))
    ab.set(f"{{{XML_NS}}}space", "preserve")
    _mark_up(ab, text, _spans(view, doc["id"], text))
    root.append(_standoff(view, doc["id"]))
    return root


def text_content(root: etree._Element) -> str:
    """The marked-up text of a TEI file written here (what must equal the source)."""
    ab = root.find(f"{tei('text')}/{tei('body')}/{tei('ab')}")
    return "".join(ab.itertext())


# ------------------------------------------------------------------- header --

def _header(view: ExportView, doc: dict) -> etree._Element:
    header = etree.Element(tei("teiHeader"))
    desc = etree.SubElement(header, tei("fileDesc"))
    etree.SubElement(etree.SubElement(desc, tei("titleStmt")), tei("title")).text = view.doc_label(doc["id"])
    pub = etree.SubElement(desc, tei("publicationStmt"))
    etree.SubElement(pub, tei("p")).text = f"Marked up by chronica {__version__} from its knowledge base."
    source = etree.SubElement(etree.SubElement(desc, tei("sourceDesc")), tei("p"))
    source.text = f"{doc['path']} (SHA-256 {doc['sha256']}, {doc['chars']} characters)"
    return header


# ------------------------------------------------------------------- inline --

def _spans(view: ExportView, doc_id: str, text: str) -> list[tuple[int, int, str, dict]]:
    """(start, end, element, attributes) of every name and date in this document."""
    spans = []
    for e, m in view.mentions_by_document.get(doc_id, ()):
        element = NAME_ELEMENTS.get(e["type"], "name")
        attrs = {"ref": "#" + e["id"]} if element != "name" else {"ref": "#" + e["id"], "type": e["type"]}
        if text[m["start"]:m["end"]] == m["text"]:
            spans.append((m["start"], m["end"], element, attrs))
    for t in _time_spans(view, doc_id, text):
        attrs = date_attributes(read_when(t))
        if attrs:
            spans.append((t["start"], t["end"], "date", attrs))
    return spans


def _mark_up(parent: etree._Element, text: str, spans) -> None:
    """Text with non-crossing spans wrapped; every character lands in .text/.tail once."""
    kept, last_end = [], 0
    for start, end, element, attrs in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start >= last_end and end > start:
            kept.append((start, end, element, attrs))
            last_end = end
    parent.text = text[:kept[0][0]] if kept else text
    for i, (start, end, element, attrs) in enumerate(kept):
        el = etree.SubElement(parent, tei(element), {k: v for k, v in attrs.items() if v})
        el.text = text[start:end]
        el.tail = text[end:kept[i + 1][0] if i + 1 < len(kept) else len(text)]


def date_attributes(date: Dated | None) -> dict[str, str]:
    """TEI att.datable.w3c: `when` for an exact point, `from`/`to` for an interval, else bounds."""
    if date is None:
        return {}
    if date.is_point and not date.approximate:
        attrs = {"when": date.start.iso()}
        if date.uncertain:
            attrs["cert"] = "low"
        return attrs
    if date.start and date.end and not date.approximate and not date.is_point and date.edtf.count("/") == 1:
        return {"from": date.start.iso(), "to": date.end.iso()}
    attrs = {}
    if date.earliest or date.start:
        attrs["notBefore"] = date.earliest or date.start.iso()
    if date.latest or date.end:
        attrs["notAfter"] = date.latest or date.end.iso()
    if date.uncertain:
        attrs["cert"] = "low"
    return attrs


def _time_spans(view: ExportView, doc_id: str, text: str) -> list[dict]:
    stored = view.time_spans.get(doc_id)
    if stored is None:  # no stored analysis (a view built from a contract file): tag the text now
        stored = [{k: getattr(t, k) for k in ("start", "end", "text", "edtf", "earliest", "latest", "basis")}
                  for t in _tagger().tag(text).timexes if t.edtf]
    return [t for t in stored if t.get("edtf") and text[t["start"]:t["end"]] == t["text"]]


@lru_cache(maxsize=1)
def _tagger() -> TimeTagger:
    return TimeTagger.load()  # the rule tables load once, and only when a text needs tagging


# ------------------------------------------------------------------ standOff --

def _standoff(view: ExportView, doc_id: str) -> etree._Element:
    standoff = etree.Element(tei("standOff"))
    told = [ev for ev in view.chronology() if doc_id in ev["sources"]]
    # the entities named here, and those the told events name from other sources (so every ref resolves)
    cited = {w for ev in told for w in (*ev["who"], ev["where"]) if w}
    named = {e["id"] for e, _ in view.mentions_by_document.get(doc_id, ())}
    here = [e for e in view.entities.values() if e["id"] in cited or e["id"] in named]
    people = etree.SubElement(standoff, tei("listPerson"))
    places = etree.SubElement(standoff, tei("listPlace"))
    orgs = etree.SubElement(standoff, tei("listOrg"))
    others = etree.SubElement(standoff, tei("list"))
    for e in here:
        if e["type"] == "person":
            _entry(people, "person", "persName", e)
        elif e["type"] == "place":
            place = _entry(places, "place", "placeName", e)
            if e.get("lat") is not None and e.get("lon") is not None:
                loc = etree.SubElement(place, tei("location"))
                etree.SubElement(loc, tei("geo")).text = f"{e['lat']:.6f} {e['lon']:.6f}"
        elif e["type"] in ("organization", "group"):
            _entry(orgs, "org", "orgName", e)
        else:
            item = etree.SubElement(others, tei("item"), {f"{{{XML_NS}}}id": e["id"], "n": e["type"]})
            etree.SubElement(item, tei("name")).text = e["name"]
    events = etree.SubElement(standoff, tei("listEvent"))
    for ev in told:
        _event(view, events, ev, doc_id)
    for empty in [el for el in standoff if len(el) == 0]:
        standoff.remove(empty)  # TEI lists may not be empty
    return standoff


def _entry(parent, element: str, name_element: str, e: dict) -> etree._Element:
    entry = etree.SubElement(parent, tei(element), {f"{{{XML_NS}}}id": e["id"]})
    etree.SubElement(entry, tei(name_element), {"type": "main"}).text = e["name"]
    for alias in e["aliases"]:
        if alias != e["name"]:
            etree.SubElement(entry, tei(name_element), {"type": "variant"}).text = alias
    return entry


def _event(view: ExportView, parent, ev: dict, doc_id: str) -> None:
    attrs = {f"{{{XML_NS}}}id": ev["id"], "type": ev["kind"], **date_attributes(view.dates[ev["id"]])}
    if ev["where"]:
        attrs["where"] = "#" + ev["where"]
    event = etree.SubElement(parent, tei("event"), attrs)
    etree.SubElement(event, tei("label")).text = ev["summary"]
    if ev["who"]:
        who = etree.SubElement(event, tei("desc"), {"type": "participants"})
        for i, w in enumerate(ev["who"]):
            element = NAME_ELEMENTS.get(view.entities.get(w, {}).get("type"), "name")
            etree.SubElement(who, tei(element), {"ref": "#" + w}).text = view.name(w)
            if i + 1 < len(ev["who"]):
                who[-1].tail = "; "
    for span in ev["evidence"]:
        if span["document"] == doc_id:
            desc = etree.SubElement(event, tei("desc"))
            etree.SubElement(desc, tei("quote"), {"n": f"{span['start']}-{span['end']}"}).text = span["text"]
