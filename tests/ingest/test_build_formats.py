"""A folder holding one source of every format builds in one run, and the export keeps
the contract: every span equals its document's text at its offsets, every span from a
page has its page, every span from a transcript its timecode and speaker, and no
timestamp or speaker label becomes a name, a place or part of an event."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from chronica.cli import main
from corpus_paths import EXAMPLES
from format_makers import make_scanned_pdf

REPO_SCHEMA = Path(__file__).resolve().parents[1] / "export" / "export.schema.json"
TIMED = {"vtt", "srt", "transcript"}
PAGED = {"pdf", "image"}
TIMECODE = re.compile(r"\d{1,2}:\d{2}|-->")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed (CI installs tesseract-ocr)")
    tmp = tmp_path_factory.mktemp("mixed")
    folder = tmp / "sources"
    shutil.copytree(EXAMPLES, folder)
    make_scanned_pdf(folder / "archive-scan.pdf", [
        ["Report of the museum guard, 23 August 1911.", "", "The frame was found on a back staircase."]])
    db = f"sqlite:///{tmp / 'kb.db'}"
    runner = CliRunner()
    res = runner.invoke(main, ["build", str(folder), "--db", db], catch_exceptions=False)
    out = tmp / "export.json"
    runner.invoke(main, ["export", "--db", db, "--out", str(out)], catch_exceptions=False)
    return res, json.loads(out.read_text(encoding="utf-8")), folder


def spans(data):
    for e in data["entities"]:
        yield from e["mentions"]
    for ev in data["events"]:
        yield from ev["evidence"]
    for k in data["conflicts"]:
        yield from k["claims"]
    for r in data["relations"]:
        yield from r["evidence"]


def test_one_of_each_format_builds_in_one_run(built):
    res, data, folder = built
    assert res.exit_code == 0, res.output
    assert len(data["documents"]) == len(list(folder.iterdir()))
    formats = {d["format"] for d in data["documents"]}
    assert formats >= {"text", "markdown", "html", "pdf", "image", "epub", "docx", "vtt", "srt", "transcript"}
    scan = next(d for d in data["documents"] if d["path"].endswith("archive-scan.pdf"))
    assert scan["ocr"]["pages"][0]["confidence"] > 50


def test_every_span_is_exact_and_located(built):
    _, data, _ = built
    docs = {d["id"]: d for d in data["documents"]}
    n = 0
    for s in spans(data):
        doc = docs[s["document"]]
        text = doc.get("text")
        if text is None:
            text = Path(doc["path"]).read_bytes().decode("utf-8-sig")
        assert text[s["start"]:s["end"]] == s["text"], s
        if doc["format"] in PAGED:
            assert isinstance(s["locator"]["page"], int), s
        if doc["format"] in TIMED:
            assert s["locator"]["time"] and s["locator"]["speaker"], s
        if doc["format"] in {"epub", "docx"}:
            assert s["locator"].get("chapter"), s
        n += 1
    located = {docs[s["document"]]["format"] for s in spans(data) if s.get("locator")}
    assert located >= PAGED | TIMED | {"epub", "docx"}
    assert n > 100


def test_timestamps_and_speaker_labels_never_reach_the_analysis(built):
    _, data, _ = built
    names = {e["id"]: e["name"] for e in data["entities"]}
    for ev in data["events"]:
        assert not TIMECODE.search(ev["summary"]), ev["summary"]
        assert not TIMECODE.search(names.get(ev["where"]) or ""), ev
    for e in data["entities"]:
        for form in [e["name"], *e["aliases"]]:
            assert not TIMECODE.search(form), form
            assert form.casefold() not in {"host", "guest", "narrator", "curator", "interviewer"}, form


def test_export_validates_against_the_extended_contract(built):
    _, data, _ = built
    schema = json.loads(REPO_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    doc = next(d for d in data["documents"] if d["format"] == "vtt")
    assert doc["locators"][0]["locator"]["speaker"] == "Narrator"
