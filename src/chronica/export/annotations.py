"""W3C Web Annotations (Recogito, Hypothesis): every mention and every event's evidence.

Each annotation targets its document (by the SHA-256 of the file's bytes, so any copy of
the file matches) with two selectors that both re-resolve against the document text: a
TextQuoteSelector (exact text plus up to 32 characters either side) and a
TextPositionSelector in Unicode code points, the contract's offsets. The body names
the entity or event (its id) and carries its label as a tag.
"""
from __future__ import annotations

import json

from .registry import exporter, text_stream
from .view import ExportView

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32


@exporter("annotations", "W3C Web Annotations (Recogito, Hypothesis)", "application/ld+json",
          "chronica.annotations.jsonld")
def write_annotations(view: ExportView, sink) -> None:
    with text_stream(sink, "chronica.annotations.jsonld") as out:
        title = "Chronica annotations" + (f": {view.selection}" if view.selection else "")
        out.write('{"@context": ' + json.dumps(ANNO_CONTEXT) + ', "type": "AnnotationCollection", '
                  f'"label": {json.dumps(title)}, "first": {{"type": "AnnotationPage", "items": [')
        for i, anno in enumerate(_annotations(view)):
            out.write(",\n" if i else "\n")
            out.write(json.dumps(anno, ensure_ascii=False))
        out.write("\n]}}\n")


def _annotations(view: ExportView):
    for e in view.entities.values():
        for m in e["mentions"]:
            yield annotation(view, m, f"urn:chronica:{e['id']}", f"{e['name']} ({e['type']})", "identifying")
    for ev in view.events:
        date = view.dates[ev["id"]]
        label = ev["summary"] + (f" [{date.label}]" if date else " [undated]")
        for s in ev["evidence"]:
            yield annotation(view, s, f"urn:chronica:{ev['id']}", label, "describing")


def annotation(view: ExportView, span: dict, about: str, label: str, motivation: str) -> dict:
    doc = view.documents.get(span["document"]) or {}
    quote = {"type": "TextQuoteSelector", "exact": span["text"]}
    text = view.texts.get(span["document"])
    if text is not None:
        quote["prefix"] = text[max(0, span["start"] - CONTEXT_CHARS):span["start"]]
        quote["suffix"] = text[span["end"]:span["end"] + CONTEXT_CHARS]
    return {
        "id": f"{about}/{span['document']}/{span['start']}-{span['end']}",
        "type": "Annotation",
        "motivation": motivation,
        "body": [{"type": "SpecificResource", "source": about, "purpose": motivation},
                 {"type": "TextualBody", "value": label, "purpose": "tagging", "format": "text/plain"}],
        "target": {"source": f"urn:sha256:{doc.get('sha256', span['document'])}",
                   "selector": [quote, {"type": "TextPositionSelector", "start": span["start"], "end": span["end"]}]},
    }
