"""The export keeps to the contract: schema-valid, every span exact, ids stable."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronica.cli import main
from corpus_paths import CONTRACT_SCHEMA, EVAL_TEXTS, EXAMPLES, SEEDS, need_shared

# the contract as this repository keeps it: the shared schema plus optional properties
# (span locators, a document's locator map and OCR confidence); see test below
REPO_SCHEMA = Path(__file__).with_name("export.schema.json")


def build_and_export(tmp_path: Path, *paths: Path) -> dict:
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    runner = CliRunner()
    res = runner.invoke(main, ["build", *map(str, paths), "--db", db], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    out = tmp_path / "export.json"
    res = runner.invoke(main, ["export", "--db", db, "--format", "json", "--out", str(out)])
    assert res.exit_code == 0, res.output
    return json.loads(out.read_text(encoding="utf-8"))


def document_texts(data: dict) -> dict[str, str]:
    """Every exported document's text: re-read from disk (matched by the SHA-256 of its
    bytes), or, for one that is not plain text or Markdown, the text the export carries."""
    texts = {}
    for d in data["documents"]:
        raw = Path(d["path"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == d["sha256"]
        if d.get("format") in ("text", "markdown"):
            assert "text" not in d
            texts[d["id"]] = raw.decode("utf-8-sig")
        else:
            assert len(d["text"]) == d["chars"], d["path"]
            texts[d["id"]] = d["text"]
    return texts


def all_spans(data: dict):
    for e in data["entities"]:
        yield from e["mentions"]
    for ev in data["events"]:
        yield from ev["evidence"]
    for k in data["conflicts"]:
        yield from k["claims"]
    for r in data.get("relations", []):
        yield from r["evidence"]


def assert_spans_exact(data: dict, texts: dict[str, str]) -> int:
    n = 0
    for s in all_spans(data):
        if s["document"] in texts:
            assert texts[s["document"]][s["start"]:s["end"]] == s["text"], s
            n += 1
    return n


def assert_references_resolve(data: dict) -> None:
    docs = {d["id"] for d in data["documents"]}
    ents = {e["id"] for e in data["entities"]}
    evs = {e["id"] for e in data["events"]}
    for e in data["entities"]:
        assert e.get("part_of") in (None, *ents)
    for ev in data["events"]:
        assert ev["where"] in (None, *ents)
        assert set(ev["who"]) <= ents
        assert set(ev["sources"]) <= docs and ev["sources"]
        assert {s["document"] for s in ev["evidence"]} <= set(ev["sources"])
    for k in data["conflicts"]:
        assert set(k.get("events", [])) <= evs
    for r in data.get("relations", []):
        assert r["source"] in ents and r["target"] in ents


def validate_schema(data: dict) -> None:
    import jsonschema
    for path in (REPO_SCHEMA, CONTRACT_SCHEMA):
        if path.exists():
            schema = json.loads(path.read_text(encoding="utf-8"))
            jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())


def _subsumes(shared, ours, where="schema") -> None:
    """Everything the shared schema says, ours says too: the same required lists, the
    same constraints; ours may only add optional properties."""
    if isinstance(shared, dict):
        assert isinstance(ours, dict), where
        for k, v in shared.items():
            if k == "description":
                continue
            assert k in ours, f"{where}.{k} is missing"
            _subsumes(v, ours[k], f"{where}.{k}")
        if "required" in shared or "required" in ours:
            assert ours.get("required") == shared.get("required"), f"{where}.required changed"
    else:
        assert shared == ours, where


def test_repo_schema_extends_the_shared_contract_backward_compatibly():
    need_shared(CONTRACT_SCHEMA)
    shared = json.loads(CONTRACT_SCHEMA.read_text(encoding="utf-8"))
    ours = json.loads(REPO_SCHEMA.read_text(encoding="utf-8"))
    _subsumes(shared, ours)
    assert "locator" in ours["$defs"]["span"]["properties"]


def test_export_examples_spans_exact_and_references_resolve(tmp_path):
    data = build_and_export(tmp_path, EXAMPLES)
    assert data["format"] == "chronica-export/1"
    assert assert_spans_exact(data, document_texts(data)) > 20
    assert_references_resolve(data)
    ids = [x["id"] for k in ("documents", "entities", "events", "conflicts") for x in data[k]]
    assert len(ids) == len(set(ids))


def test_export_html_spans_match_stored_extracted_text(tmp_path):
    data = build_and_export(tmp_path, EXAMPLES / "retrospective.html")
    from chronica.store import open_store
    store = open_store(f"sqlite:///{tmp_path / 'kb.db'}")
    doc = data["documents"][0]
    text = store.document_text(doc["id"])
    assert "<p>" not in text and "not part of the text" not in text
    assert doc["format"] == "html" and doc["text"] == text  # a reader can check the spans from the export
    assert assert_spans_exact(data, {doc["id"]: text}) > 0


def test_export_examples_validates_against_schema(tmp_path):
    validate_schema(build_and_export(tmp_path, EXAMPLES))


@pytest.mark.shared
def test_export_reference_and_evaluation_texts_keep_the_contract(tmp_path):
    need_shared(SEEDS)
    need_shared(EVAL_TEXTS)
    data = build_and_export(tmp_path, SEEDS, EVAL_TEXTS)
    validate_schema(data)
    assert len(data["documents"]) == len(list(SEEDS.glob("*.txt"))) + len(list(EVAL_TEXTS.glob("*.txt")))
    assert assert_spans_exact(data, document_texts(data)) > 500
    assert_references_resolve(data)
