"""schema.org JSON-LD expanded by pyld to N-Quads with no network at all."""
from __future__ import annotations

import json

import pytest
from pyld import jsonld

from chronica.export import render

S = "https://schema.org/"


def no_network(url, options=None):
    raise AssertionError(f"JSON-LD processing tried to fetch {url}")


def nquads(view) -> str:
    doc = json.loads(render("jsonld", view)[0])
    return jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": no_network})


def test_jsonld_expands_offline_to_schema_org_triples(view):
    quads = nquads(view)
    assert f"<urn:chronica:evt_sail> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{S}Event>" in quads
    assert f'<urn:chronica:evt_sail> <{S}startDate> "-0043-03-14"' in quads
    assert f"<urn:chronica:evt_sail> <{S}location> <urn:chronica:ent_calmere>" in quads
    assert f"<urn:chronica:evt_found> <{S}performer> <urn:chronica:ent_ivo>" in quads
    assert f"<urn:chronica:evt_found> <{S}attendee> <urn:chronica:ent_guild>" in quads
    assert f'<urn:chronica:evt_live> <{S}temporalCoverage> "../1391"' in quads
    assert f'<urn:chronica:evt_trade> <{S}temporalCoverage> "1962/.."' in quads
    assert f'<urn:chronica:evt_dark> <{S}startDate> "1911-05-02T23:40"' in quads
    assert f"<urn:chronica:evt_home> <{S}startDate>" not in quads  # undated: no date invented
    assert f"<urn:chronica:ent_calmere> <{S}containedInPlace> <urn:chronica:ent_ossen>" in quads
    assert f"<urn:chronica:ent_ivo> <{S}knows> <urn:chronica:ent_tavia>" in quads


def test_every_citation_is_an_exact_passage(view):
    doc = json.loads(render("jsonld", view)[0])
    expanded = jsonld.expand(doc, {"documentLoader": no_network})
    shas = {d["sha256"]: d["id"] for d in view.documents.values()}
    quotations = [n for n in expanded if f"{S}Event" in n.get("@type", [])]
    assert len(quotations) == len(view.events)
    for event in quotations:
        for q in event[f"{S}citation"]:
            sha, frag = q["@id"].removeprefix("urn:sha256:").split("#char=")
            start, end = map(int, frag.split(","))
            assert view.texts[shas[sha]][start:end] == q[f"{S}text"][0]["@value"]


@pytest.mark.parametrize("fmt", ["jsonld"])
def test_examples_expand(examples_view, fmt):
    assert nquads(examples_view).count(f"<{S}Event>") == len(examples_view.events)
