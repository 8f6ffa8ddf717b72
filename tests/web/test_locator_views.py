"""Views say where a quote sits in its source: "p. 2", "at 12:05 (Host)"; the reader
labels pages and speakers' turns; OCR'd text carries a caveat."""
from __future__ import annotations

import io
import re
import shutil

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from rich.console import Console

from chronica.cli import main
from chronica.reconcile.render import render_conflicts
from chronica.store import open_store
from chronica.web.app import create_app
from chronica.web.kb import KnowledgeBase
from chronica.web.reader import Mark, render_text
from chronica.whois import render_whois, whois
from corpus_paths import EXAMPLES

PAGE = "The guard found the frame on the stairs."
CUE = "I saw him leave at dawn."


def _export() -> dict:
    """Two sources in the contract: a scanned page (OCR) and a transcript, disagreeing."""
    docs = [
        {"id": "doc_scan", "path": "scan.pdf", "title": "Guard's report", "sha256": "a" * 64, "chars": len(PAGE),
         "format": "pdf", "text": PAGE, "ocr": {"engine": "tesseract", "pages": [{"page": 2, "confidence": 71.4}]},
         "locators": [{"start": 0, "end": len(PAGE), "locator": {"page": 2}}]},
        {"id": "doc_tape", "path": "tape.vtt", "title": "Interview", "sha256": "b" * 64, "chars": len(CUE),
         "format": "vtt", "text": CUE,
         "locators": [{"start": 0, "end": len(CUE), "locator": {"time": "00:12:05.120", "end": "00:12:31.000",
                                                                 "speaker": "Host"}}]},
    ]
    guard = {"document": "doc_scan", "start": 4, "end": 9, "text": "guard", "locator": {"page": 2}}
    him = {"document": "doc_tape", "start": 6, "end": 9, "text": "him",
           "locator": {"time": "00:12:05.120", "end": "00:12:31.000", "speaker": "Host"}}
    claims = [{**guard, "start": 0, "end": len(PAGE), "text": PAGE, "value": "stairs"},
              {**him, "start": 0, "end": len(CUE), "text": CUE, "value": "dawn"}]
    return {"format": "chronica-export/1", "generator": "test", "documents": docs,
            "entities": [{"id": "ent_guard", "type": "person", "name": "Pierre Lenoir", "aliases": [],
                          "mentions": [guard, him]}],
            "events": [{"id": "evt_1", "kind": "movement", "summary": "Pierre Lenoir leaves", "when": None,
                        "where": None, "who": ["ent_guard"], "evidence": [him, guard],
                        "sources": ["doc_tape", "doc_scan"], "confidence": 0.5}],
            "conflicts": [{"id": "con_1", "kind": "other", "about": "what the guard saw", "severity": "soft",
                           "claims": claims, "events": ["evt_1"]}],
            "relations": []}


def test_conflicts_and_whois_print_page_and_timecode_beside_quotes():
    buf = io.StringIO()
    render_conflicts(_export(), Console(file=buf, width=220))
    out = " ".join(buf.getvalue().split())
    assert "scan.pdf [OCR], p. 2" in out and "tape.vtt, at 12:05 (Host)" in out
    report = whois(_export(), "Pierre Lenoir")
    assert report.events[0].evidence[0].where == "at 12:05 (Host)"
    buf = io.StringIO()
    render_whois(report, Console(file=buf, width=220))
    assert "Guard's report [OCR]" in buf.getvalue()


def test_web_quotes_name_the_page_and_mark_ocr():
    client = TestClient(create_app(KnowledgeBase.from_export(_export())))
    page = client.get("/conflicts").text
    assert re.search(r'data-testid="where">p\. 2<', page)
    assert re.search(r'data-testid="where">at 12:05 \(Host\)<', page)
    assert 'class="tag ocr"' in page
    reader = client.get("/documents/doc_scan").text
    assert 'data-testid="ocr-caveat"' in reader and "p. 2 71%" in reader
    assert 'data-label="p. 2"' in reader  # the text comes from the export's documents[].text


def test_milestone_labels_are_no_part_of_highlighted_text():
    html = str(render_text("One two three.", [Mark(0, 13, "event", "", "e")], [(4, "p. 2")]))
    assert html.count('data-label="p. 2"') == 1
    assert re.sub(r"<[^>]+>", "", html) == "One two three."


@pytest.fixture(scope="module")
def examples_kb(tmp_path_factory):
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed (CI installs tesseract-ocr)")
    db = f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.db'}"
    res = CliRunner().invoke(main, ["build", str(EXAMPLES), "--db", db], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return KnowledgeBase.from_store(open_store(db, create=False))


def _doc_page(kb: KnowledgeBase, name: str) -> str:
    doc = next(d for d in kb.documents.values() if d.path.endswith(name))
    return TestClient(create_app(kb)).get(f"/documents/{doc.id}").text


def test_reader_labels_pages_of_a_pdf(examples_kb):
    page = _doc_page(examples_kb, "gallery-guide.pdf")
    assert 'data-label="p. 1"' in page and 'data-label="p. 2"' in page
    assert "ocr-caveat" not in page


def test_reader_labels_each_speakers_turn_in_a_transcript(examples_kb):
    page = _doc_page(examples_kb, "oral-history-transcript.txt")
    labels = re.findall(r'data-label="([^"]+)"', page)
    assert labels[:2] == ["00:04 · Interviewer", "00:09 · Marcel"]


def test_reader_of_a_scan_carries_the_ocr_caveat(examples_kb):
    page = _doc_page(examples_kb, "scanned-clipping.png")
    assert 'data-testid="ocr-caveat"' in page and 'data-label="p. 1"' in page
