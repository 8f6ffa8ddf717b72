"""W3C Web Annotations: the shape of the model, and every selector re-resolves."""
from __future__ import annotations
from export_checks import annotations, assert_selectors_resolve


# The parts of the W3C Web Annotation Data Model these annotations use (www.w3.org/TR/annotation-model)


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
