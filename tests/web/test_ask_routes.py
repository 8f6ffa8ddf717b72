"""/ask and /api/ask over the hand-made knowledge base; the ask box on every page."""
from __future__ import annotations


def test_api_ask_answers_with_cites(client):
    r = client.get("/api/ask", params={"q": "When did Darwin die?"})
    assert r.status_code == 200
    data = r.json()
    assert data["status"] == "answered" and data["values"] == ["1882-04"]
    assert data["cites"] and all(c["document"] in ("doc_voyage", "doc_letters") for c in data["cites"])


def test_api_ask_needs_a_question(client):
    assert client.get("/api/ask").status_code == 400


def test_ask_page_links_evidence_and_escapes(client):
    r = client.get("/ask", params={"q": "When did the Beagle come home to Falmouth?"})
    assert r.status_code == 200
    assert 'data-status="disputed"' in r.text and "/documents/doc_letters#s-" in r.text
    r = client.get("/ask", params={"q": "Where did <script>alert(1)</script> Smith go?"})
    assert "<script>alert(1)</script>" not in r.text


def test_ask_box_on_every_page(client):
    for path in ("/", "/timeline", "/conflicts", "/documents/doc_voyage"):
        assert 'data-testid="ask-box"' in client.get(path).text
