"""Properties of the whole build on random recombinations of real sentences (issue 17):
every exported span equals the stored text at its offsets; ids are stable across a
forced rebuild; adding a document removes no evidence and no conflict claim."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronica.build import build
from chronica.config import Settings
from chronica.store import open_store
from corpus_paths import EXAMPLES


def _sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    text += " ".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md")))
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if 25 < len(s) < 400 and "#" not in s]


SENTENCES = _sentences()
document = st.lists(st.sampled_from(SENTENCES), min_size=3, max_size=9).map(
    lambda ss: "\n\n".join(" ".join(ss[i:i + 3]) for i in range(0, len(ss), 3)) + "\n")


def spans(data: dict):
    for e in data["entities"]:
        yield from e.get("mentions", [])
    for e in data["events"]:
        yield from e.get("evidence", [])
    for r in data.get("relations") or []:
        yield from r.get("evidence", [])
    for c in data["conflicts"]:
        yield from c.get("claims", [])


def key(s: dict) -> tuple:
    return (s["document"], s["start"], s["end"])


def export_of(folder: Path, db: str, force: bool = False) -> tuple[dict, dict[str, str]]:
    store = open_store(db)
    report = build([str(folder)], Settings(db_url=db), store, force=force)
    assert not report.failed, report.failed
    data = store.export_dict()
    texts = {d["id"]: store.document_text(d["id"]) for d in data["documents"]}
    store.close()
    return data, texts


def ids(data: dict) -> dict[str, set[str]]:
    return {part: {x["id"] for x in data[part]} for part in ("documents", "entities", "events", "conflicts")}


@settings(max_examples=int(os.environ.get("CHRONICA_BUILD_EXAMPLES", "3")), deadline=None, suppress_health_check=list(HealthCheck))
@given(docs=st.lists(document, min_size=2, max_size=3, unique=True), extra=document)
def test_build_properties_on_recombined_sentences(docs, extra):
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "src", f"sqlite:///{tmp}/kb.db"
        folder.mkdir()
        for i, text in enumerate(docs):
            (folder / f"d{i}.txt").write_text(text, encoding="utf-8")
        first, texts = export_of(folder, db)
        for s in spans(first):
            assert texts[s["document"]][s["start"]:s["end"]] == s["text"], s

        again, _ = export_of(folder, db, force=True)
        assert ids(again) == ids(first)

        if extra in docs:
            return
        (folder / "new.txt").write_text(extra, encoding="utf-8")
        grown, texts = export_of(folder, db)
        for s in spans(grown):
            assert texts[s["document"]][s["start"]:s["end"]] == s["text"], s
        evidence = {key(s) for e in grown["events"] for s in e["evidence"]}
        assert {key(s) for e in first["events"] for s in e["evidence"]} <= evidence
        claims = {key(s) for c in grown["conflicts"] for s in c["claims"]}
        assert {key(s) for c in first["conflicts"] for s in c["claims"]} <= claims
