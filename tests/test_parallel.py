"""``chronica build --jobs N``: worker processes give the knowledge base one process gives;
sources stream through in bounded partitions."""
from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import psutil

from chronica.build import build
from chronica.config import Settings
from chronica.doc import Source
from chronica.parallel import partitions
from chronica.store import open_store
from corpus_paths import EXAMPLES


def _source(name: str, words: int) -> Source:
    text = " ".join(["word"] * words)
    return Source(name, text, hashlib.sha256((name + text).encode()).hexdigest(), "txt")


def test_partitions_keep_to_their_bounds_and_lose_nothing():
    sources = [_source(f"d{i}.txt", n) for i, n in enumerate([10, 10, 10, 50, 5, 200, 1, 1, 1])]
    parts = list(partitions(iter(sources), max_docs=3, max_words=40))
    assert [s.path for p in parts for s in p] == [s.path for s in sources]  # in order, all of them
    for p in parts:
        assert len(p) <= 3
        assert len(p) == 1 or sum(len(s.text.split()) for s in p) <= 40  # a big one goes alone
    assert [len(p) for p in parts] == [3, 1, 1, 1, 3]


def make_corpus(src: Path, n: int) -> Path:
    src.mkdir()
    base = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))] + \
           [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md"))]
    for i in range(n):
        (src / f"doc{i:02d}.txt").write_text(base[i % len(base)] + f"\nCopy {i} was bound in {1950 + i}.\n",
                                             encoding="utf-8")
    return src


def test_jobs_2_builds_the_same_knowledge_base_as_one_process(tmp_path):
    src = make_corpus(tmp_path / "src", 18)  # several partitions of batch_size documents
    (src / "empty.txt").write_bytes(b"")  # bad input: reported, the rest is built
    one_url, two_url = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    one = build([str(src)], Settings(db_url=one_url), open_store(one_url), jobs=1)
    two = build([str(src)], Settings(db_url=two_url), open_store(two_url), jobs=2)
    assert sorted(two.built) == sorted(one.built) and len(two.built) == 18
    assert [p for p, _ in two.failed] == [str(src / "empty.txt")]
    assert two.words == one.words
    exported = open_store(two_url).export_dict()
    assert exported == open_store(one_url).export_dict()
    assert exported["events"]
    again = build([str(src)], Settings(db_url=two_url), open_store(two_url), jobs=2)
    assert len(again.unchanged) == 18 and not again.built


def test_worker_process_killed_mid_run_partitions_sent_again(tmp_path):
    src = make_corpus(tmp_path / "src", 40)
    dbfile = tmp_path / "kb.db"
    url = f"sqlite:///{dbfile}"
    result: dict = {}
    runner = threading.Thread(target=lambda: result.update(
        report=build([str(src)], Settings(db_url=url), open_store(url), jobs=2)))
    runner.start()
    deadline = time.time() + 300
    while time.time() < deadline and runner.is_alive() and _stored(dbfile) < 1:
        time.sleep(0.1)
    workers = [p for p in psutil.Process().children(recursive=True)
               if any("spawn_main" in part for part in p.cmdline())]
    assert runner.is_alive() and workers, "build finished before a worker could be killed"
    os.kill(workers[0].pid, signal.SIGKILL)
    runner.join(timeout=600)
    report = result["report"]
    assert not report.failed, report.failed
    assert _stored(dbfile) == 40
    assert open_store(url).export_dict()["events"]


def _stored(dbfile: Path) -> int:
    try:
        with sqlite3.connect(dbfile, timeout=1) as c:
            return c.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or busy
        return 0
