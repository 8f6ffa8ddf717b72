"""The document stage on a real Dask LocalCluster writing into a real PostgreSQL
server: the same knowledge base as one process, idempotent re-runs, and a consistent
base that the next run completes after a worker — or the whole build — is SIGKILLed."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from chronica.build import build
from chronica.config import Settings
from chronica.store import open_store
from corpus_paths import EXAMPLES

pytestmark = pytest.mark.postgres
CHRONICA = [sys.executable, "-m", "chronica.cli"]


@pytest.fixture()
def pg_kb(postgres_url):
    """A fresh database of its own on the session's PostgreSQL server."""
    name = "kb_" + uuid.uuid4().hex[:12]
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    yield postgres_url.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def make_corpus(folder: Path, n: int) -> Path:
    """``n`` different documents: the examples, each copy with a sentence of its own."""
    folder.mkdir()
    base = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))] + \
           [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md"))]
    for i in range(n):
        (folder / f"doc{i:02d}.txt").write_text(
            base[i % len(base)] + f"\nCopy {i} was printed in {1900 + i}.\n", encoding="utf-8")
    return folder


def stored_documents(url: str) -> list[tuple[str, str]]:
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return [tuple(r) for r in c.execute(text("select path, analysis from documents"))]
    except Exception:  # the table may not exist yet
        return []
    finally:
        engine.dispose()


def test_local_cluster_into_postgresql_equals_one_process_and_reruns_idempotently(tmp_path, pg_kb):
    src = make_corpus(tmp_path / "src", 10)
    settings = Settings(db_url=pg_kb, partition_words=600)  # several partitions
    first = build([str(src)], settings, open_store(pg_kb), dask="local:2")
    assert not first.failed and len(first.built) == 10 and first.corpus_rebuilt
    sqlite_url = f"sqlite:///{tmp_path / 'one.db'}"
    one = build([str(src)], Settings(db_url=sqlite_url), open_store(sqlite_url))
    assert len(one.built) == 10
    on_cluster = open_store(pg_kb).export_dict()
    assert on_cluster == open_store(sqlite_url).export_dict()
    assert on_cluster["events"] and on_cluster["entities"]

    again = build([str(src)], settings, open_store(pg_kb), dask="local:2")
    assert len(again.unchanged) == 10 and not again.built and not again.corpus_rebuilt
    assert open_store(pg_kb).export_dict() == on_cluster


def test_worker_killed_mid_run_partition_retried_and_build_completes(tmp_path, pg_kb):
    from distributed import Client, LocalCluster

    src = make_corpus(tmp_path / "src", 16)
    settings = Settings(db_url=pg_kb, partition_words=500)
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster, \
            Client(cluster) as watcher:
        result: dict = {}
        runner = threading.Thread(target=lambda: result.update(report=build(
            [str(src)], settings, open_store(pg_kb), dask=cluster.scheduler_address)))
        runner.start()
        deadline = time.time() + 300
        while time.time() < deadline and len(stored_documents(pg_kb)) < 2:
            time.sleep(0.2)
        assert runner.is_alive(), "build finished before a worker could be killed; make the corpus larger"
        victim = next(iter(watcher.run(os.getpid).values()))
        os.kill(victim, signal.SIGKILL)
        runner.join(timeout=600)
        assert victim not in watcher.run(os.getpid).values()  # it died; the nanny started another
    report = result["report"]
    assert not report.failed, report.failed
    rows = stored_documents(pg_kb)
    assert len(rows) == 16
    for _, analysis in rows:
        json.loads(analysis)
    assert open_store(pg_kb).export_dict()["events"]


def test_whole_build_killed_leaves_consistent_base_next_run_completes(tmp_path, pg_kb):
    src = make_corpus(tmp_path / "src", 24)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = CHRONICA + ["build", str(src), "--db", pg_kb, "--dask", "local:2", "--partition-words", "500"]
    # its own session: the kill reaches the build, the cluster it started and its workers
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None and len(stored_documents(pg_kb)) < 3:
        time.sleep(0.2)
    assert proc.poll() is None, "build finished before it could be killed; make the corpus larger"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    rows = stored_documents(pg_kb)
    assert 3 <= len(rows) < 24
    assert _group_gone(proc.pid), "a worker outlived the killed build"
    for _, analysis in rows:
        json.loads(analysis)  # every stored document is whole
    res = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    unchanged = re.search(r"unchanged\s*│\s*(\d+)", res.stdout)
    assert unchanged and int(unchanged.group(1)) == len(rows)  # only the rest was analysed
    data = open_store(pg_kb).export_dict()
    assert len(data["documents"]) == 24 and data["events"]
    assert len(stored_documents(pg_kb)) == 24


def _group_gone(pgid: int, wait: float = 15) -> bool:
    deadline = time.time() + wait
    while time.time() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False
