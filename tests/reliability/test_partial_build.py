"""Issue 17, item 5: a base left half-built by a killed build says so. `info`, `export`,
`conflicts`, `serve`/`report` warn with the command that completes it; `export` exits 4
unless `--partial` is given; the next build finishes the job and the warning goes."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from corpus_paths import EXAMPLES

CHRONICA = [sys.executable, "-m", "chronica.cli"]
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def chronica(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(CHRONICA + list(args), env=ENV, capture_output=True, text=True, timeout=600)


def kill_after_first_document(src, dbfile) -> None:
    # one process: documents are stored one by one, so there is always a moment to kill it
    proc = subprocess.Popen(CHRONICA + ["build", str(src), "--db", f"sqlite:///{dbfile}", "--jobs", "1"], env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 180
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.1)
        try:
            with sqlite3.connect(dbfile, timeout=1) as c:
                if c.execute("select count(*) from documents").fetchone()[0] >= 1:
                    break
        except sqlite3.OperationalError:
            continue  # not made yet
    assert proc.poll() is None, "build finished before it could be killed; make the corpus larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_killed_build_is_reported_as_incomplete_until_finished(tmp_path):
    src = tmp_path / "sources"
    src.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for i in range(16):
        (src / f"doc{i:02d}.txt").write_text(texts[i % len(texts)] + f"\nCopy {i} was made in {1900 + i}.\n",
                                            encoding="utf-8")
    dbfile = tmp_path / "kb.db"
    db = f"sqlite:///{dbfile}"
    kill_after_first_document(src, dbfile)

    info = chronica("info", "--db", db)
    assert info.returncode == 0
    assert "did not finish" in info.stderr and "of 16 documents analysed" in info.stderr
    assert f"chronica build {src} --db {db}" in " ".join(info.stderr.split())
    export = chronica("export", "--db", db)
    assert export.returncode == 4 and export.stdout == ""
    assert "--partial" in export.stderr
    partial = chronica("export", "--db", db, "--partial")
    assert partial.returncode == 0 and json.loads(partial.stdout)["documents"]
    assert "did not finish" in chronica("conflicts", "--db", db).stderr
    report = chronica("report", "--db", db, "--out", str(tmp_path / "report"))
    assert "did not finish" in report.stderr

    assert chronica("build", str(src), "--db", db).returncode == 0
    info = chronica("info", "--db", db)
    assert "warning" not in info.stderr
    whole = chronica("export", "--db", db)
    assert whole.returncode == 0 and len(json.loads(whole.stdout)["documents"]) == 16


def test_stale_cross_document_stage_is_incomplete_without_a_build_record(tmp_path):
    """A base from before builds were recorded: stored documents newer than the
    cross-document result also count as incomplete."""
    (tmp_path / "a.txt").write_text("Rosa Vidal sang in Seville in 1931.\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    assert chronica("build", str(tmp_path / "a.txt"), "--db", db).returncode == 0
    with sqlite3.connect(tmp_path / "kb.db") as c:
        c.execute("drop table builds")
        c.execute("delete from meta")
    export = chronica("export", "--db", db)
    assert export.returncode == 4
    assert "cross-document stage is older than the stored documents" in export.stderr


def test_web_pages_say_the_knowledge_base_is_incomplete(tmp_path):
    from fastapi.testclient import TestClient

    from chronica.store import open_store
    from chronica.web.app import create_app
    from chronica.web.commands import load_knowledge_base

    (tmp_path / "a.txt").write_text("Rosa Vidal sang in Seville in 1931.\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    assert chronica("build", str(tmp_path / "a.txt"), "--db", db).returncode == 0
    page = TestClient(create_app(load_knowledge_base(db))).get("/")
    assert "Incomplete knowledge base" not in page.text
    store = open_store(db)
    with store.engine.begin() as c:  # what a build killed after its documents leaves
        c.exec_driver_sql("update builds set stage = 'cross-document', finished = null")
    store.close()
    page = TestClient(create_app(load_knowledge_base(db))).get("/")
    assert page.status_code == 200
    assert "Incomplete knowledge base" in page.text and "all documents analysed" in page.text
