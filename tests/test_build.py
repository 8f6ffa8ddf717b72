"""`chronica build` end to end: idempotent, safe to kill, honest about bad input."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from chronica.build import source_paths
from chronica.cli import main
from corpus_paths import EXAMPLES

CHRONICA = [sys.executable, "-m", "chronica.cli"]


def run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


@pytest.fixture()
def corpus(tmp_path):
    src = tmp_path / "sources"
    shutil.copytree(EXAMPLES, src)
    return src


def db_of(tmp_path):
    return f"sqlite:///{tmp_path / 'kb.db'}"


def test_build_examples_then_rebuild_is_idempotent(tmp_path, corpus):
    db = db_of(tmp_path)
    first = run("build", str(corpus), "--db", db)
    assert first.exit_code == 0, first.output
    assert "built" in first.output
    export1 = run("export", "--db", db).output
    second = run("build", str(corpus), "--db", db)
    assert second.exit_code == 0
    assert "unchanged" in second.output
    assert run("export", "--db", db).output == export1  # same ids, same content
    data = json.loads(export1)
    assert len(data["documents"]) == len(source_paths([str(EXAMPLES)]))
    assert data["events"] and data["entities"]


def test_build_changed_file_replaces_previous_version(tmp_path, corpus):
    db = db_of(tmp_path)
    run("build", str(corpus), "--db", db)
    f = corpus / "podcast-script.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\nIn 1919 he went home to Italy.\n", encoding="utf-8")
    res = run("build", str(corpus), "--db", db)
    assert res.exit_code == 0
    data = json.loads(run("export", "--db", db).output)
    assert len(data["documents"]) == len(source_paths([str(EXAMPLES)]))
    doc = next(d for d in data["documents"] if d["path"].endswith("podcast-script.txt"))
    import hashlib
    assert doc["sha256"] == hashlib.sha256(f.read_bytes()).hexdigest()


def test_build_bad_inputs_reported_and_rest_built(tmp_path, corpus):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (corpus / "latin1.txt").write_bytes("Caf\xe9 Central, 1913.".encode("latin-1"))
    (corpus / "clip.mp3").write_bytes(b"ID3\x03\x00")
    db = db_of(tmp_path)
    res = run("build", str(corpus), str(tmp_path / "missing.txt"), str(corpus / "podcast-script.txt"),
              "--db", db)
    assert res.exit_code == 1
    out = res.output
    assert "empty.txt: file is empty" in out
    assert "binary.txt: looks like a binary file" in out
    assert "latin1.txt: not valid UTF-8 at byte 3" in out
    assert "missing.txt: no such file" in out
    assert "clip.mp3: not a source format" in out
    assert "given more than once" in out
    assert "Traceback" not in out
    data = json.loads(run("export", "--db", db).output)
    assert len(data["documents"]) == len(source_paths([str(EXAMPLES)]))  # the good files were built


def test_build_missing_path_only_exits_1(tmp_path):
    res = run("build", str(tmp_path / "nothing-here"), "--db", db_of(tmp_path))
    assert res.exit_code == 1
    assert "no such file or directory" in res.output


def test_build_unreadable_file_reported(tmp_path, corpus):
    p = corpus / "secret.txt"
    p.write_text("Hidden 1900.", encoding="utf-8")
    p.chmod(0)
    cmd = CHRONICA + ["build", str(p), str(corpus / "podcast-script.txt"), "--db", db_of(tmp_path)]
    if os.geteuid() == 0:
        # root reads any file; drop the capabilities that let it, so the denial is real
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: a permission error cannot be produced")
        cmd = [setpriv, "--inh-caps=-dac_override,-dac_read_search",
               "--bounding-set=-dac_override,-dac_read_search"] + cmd
    res = subprocess.run(cmd, capture_output=True, text=True)
    assert res.returncode == 1, res.stderr
    assert f"{p}: permission denied; make the file readable" in res.stderr
    assert "Traceback" not in res.stderr
    assert "built" in res.stdout  # the readable file was still built


def test_build_killed_midway_leaves_consistent_db_and_next_run_finishes(tmp_path):
    src = tmp_path / "many"
    src.mkdir()
    base = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))] + \
           [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md"))]
    for i in range(40):
        (src / f"doc{i:02d}.txt").write_text(base[i % len(base)] + f"\nCopy {i} was made in {1900 + i}.\n",
                                             encoding="utf-8")
    dbfile = tmp_path / "kb.db"
    db = f"sqlite:///{dbfile}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(CHRONICA + ["build", str(src), "--db", db], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if dbfile.exists():
            try:
                with sqlite3.connect(dbfile, timeout=1) as c:
                    stored = c.execute("select count(*) from documents").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 3:
                break
    assert proc.poll() is None, "build finished before it could be killed; make the corpus larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(dbfile) as c:
        assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
        rows = c.execute("select analysis from documents").fetchall()
    assert 3 <= len(rows) < 40
    for (analysis,) in rows:
        json.loads(analysis)  # every stored document is whole
    res = subprocess.run(CHRONICA + ["build", str(src), "--db", db], env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    data = json.loads(subprocess.run(CHRONICA + ["export", "--db", db], capture_output=True, text=True).stdout)
    assert len(data["documents"]) == 40
    assert data["events"]


@pytest.mark.postgres
def test_build_into_postgresql_matches_sqlite(tmp_path, corpus, postgres_url):
    from chronica.store import open_store, schema
    pg = open_store(postgres_url)
    schema.metadata.drop_all(pg.engine)  # a clean knowledge base on the shared server
    pg.close()
    res = run("build", str(corpus), "--db", postgres_url)
    assert res.exit_code == 0, res.output
    assert run("build", str(corpus), "--db", db_of(tmp_path)).exit_code == 0
    from_pg = json.loads(run("export", "--db", postgres_url).output)
    from_sqlite = json.loads(run("export", "--db", db_of(tmp_path)).output)
    assert from_pg == from_sqlite
    schema.metadata.drop_all(open_store(postgres_url).engine)
