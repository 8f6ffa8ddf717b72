"""W3C Web Annotations: the shape of the model, and every selector re-resolves."""
from __future__ import annotations

import json

import jsonschema

from chronica.export import render

# The parts of the W3C Web Annotation Data Model these annotations use (www.w3.org/TR/annotation-model)
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


def test_one_annotation_per_mention_and_per_evidence_span(view):
    items = annotations(view)
    mentions = sum(len(e["mentions"]) for e in view.entities.values())
    evidence = sum(len(ev["evidence"]) for ev in view.events)
    assert len(items) == mentions + evidence
    assert_selectors_resolve(view, items)
    sail = [a for a in items if a["body"][0]["source"] == "urn:chronica:evt_sail"]
    assert len(sail) == 2 and sail[0]["body"][1]["value"].endswith("[14 March 44 BC]")
    home = [a for a in items if a["body"][0]["source"] == "urn:chronica:evt_home"]
    assert home[0]["body"][1]["value"].endswith("[undated]")


def test_examples_selectors_resolve(examples_view):
    items = annotations(examples_view)
    assert len(items) > 50
    assert_selectors_resolve(examples_view, items)
