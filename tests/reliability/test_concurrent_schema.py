"""Issue 17, item 4: two builds at once on a new database. Creating the schema is
serialised (SQLite: BEGIN IMMEDIATE and a busy timeout; PostgreSQL: an advisory lock)."""
from __future__ import annotations

import subprocess
import sys
import threading
import uuid

import pytest
from sqlalchemy import create_engine, text

from chronica.store import open_store

OPENERS = 6


def open_all_at_once(url: str) -> list[str]:
    """Open the store from several threads released together; the errors they met."""
    barrier = threading.Barrier(OPENERS)
    errors: list[str] = []

    def open_one() -> None:
        barrier.wait()
        try:
            open_store(url).close()
        except Exception as e:  # what the test is about: nothing may fail here
            errors.append(f"{type(e).__name__}: {e}")

    threads = [threading.Thread(target=open_one) for _ in range(OPENERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_new_sqlite_database_opened_by_many_at_once(tmp_path):
    for trial in range(5):  # the race was lost in most rounds before the fix
        url = f"sqlite:///{tmp_path / f'kb{trial}.db'}"
        assert open_all_at_once(url) == []
        assert open_store(url, create=False).counts()["documents"] == 0


@pytest.mark.postgres
def test_new_postgresql_database_opened_by_many_at_once(postgres_url):
    name = f"kb_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}"))
    try:
        url = postgres_url.rsplit("/", 1)[0] + f"/{name}"
        for _ in range(3):
            assert open_all_at_once(url) == []
            from chronica.store import schema
            schema.metadata.drop_all(create_engine(url))
    finally:
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()


def test_two_builds_at_once_on_a_new_database_both_succeed(tmp_path):
    for name, line in [("a.txt", "Olga Berg taught in Riga from 1925."),
                       ("b.txt", "Tomas Hale left Dublin for Boston in 1912.")]:
        (tmp_path / name).write_text(line + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    cmd = [sys.executable, "-m", "chronica.cli", "build", "--db", db]
    procs = [subprocess.Popen(cmd + [str(tmp_path / n)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n in ("a.txt", "b.txt")]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for rc, stderr in results:
        assert rc == 0, stderr
    assert open_store(db, create=False).counts()["documents"] == 2
