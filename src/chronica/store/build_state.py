"""Each build's progress, recorded as it goes (started, documents done, cross-document
stage done), so a knowledge base left half-built by a killed or failed build says so
instead of passing for whole. Readers ask :func:`incomplete_reason`."""
from __future__ import annotations

import json
import os
import shlex
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Column, Integer, String, Table, Text, insert, inspect, select, update

from .schema import metadata

builds = Table(
    "builds", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started", String(32), nullable=False),  # ISO time, UTC
    Column("finished", String(32)),  # null until the whole build is done
    Column("stage", String(16), nullable=False),  # documents | cross-document | finished
    Column("paths", Text, nullable=False),  # JSON list of the absolute paths asked for
    Column("documents_total", Integer, nullable=False),
    Column("documents_done", Integer, nullable=False),
)


FLUSH_SECONDS = 0.5


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


class BuildRecord:
    """One build's row, updated as the build goes."""

    def __init__(self, store, paths: list[str], total: int):
        self.store = store
        with store.engine.begin() as c:
            self.id = c.execute(insert(builds).values(
                started=_now(), stage="documents", paths=json.dumps([os.path.abspath(p) for p in paths]),
                documents_total=total, documents_done=0)).inserted_primary_key[0]
        self.pending, self.flushed = 0, time.monotonic()

    def _set(self, **values) -> None:
        with self.store.engine.begin() as c:
            c.execute(update(builds).where(builds.c.id == self.id).values(**values))

    def document_done(self) -> None:
        # written at most every FLUSH_SECONDS: a rebuild passing over thousands of
        # unchanged files should not make a transaction for each (the count only says how
        # far a killed build got)
        self.pending += 1
        if time.monotonic() - self.flushed >= FLUSH_SECONDS:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self._set(documents_done=builds.c.documents_done + self.pending)
        self.pending, self.flushed = 0, time.monotonic()

    def cross_document_started(self) -> None:
        self._flush()
        self._set(stage="cross-document")

    def finished(self) -> None:
        self._flush()
        self._set(stage="finished", finished=_now())

    def watching(self, progress):
        return _RecordingProgress(progress, self)


class _RecordingProgress:
    """Passes progress on to whoever watches and records each finished document."""

    def __init__(self, inner, record: BuildRecord):
        self.inner, self.record = inner, record

    def start(self, total: int) -> None:
        self.inner.start(total)

    def advance(self, path: str, words: int) -> None:
        self.record.document_done()
        self.inner.advance(path, words)

    def stage(self, name: str) -> None:
        self.record.cross_document_started()
        self.inner.stage(name)

    def problem(self, path: str, message: str) -> None:
        self.inner.problem(path, message)

    def page(self, path: str, done: int, total: int) -> None:
        self.inner.page(path, done, total)


@dataclass(frozen=True)
class LastBuild:
    started: str
    stage: str
    paths: list[str]
    documents_total: int
    documents_done: int

    @property
    def finished(self) -> bool:
        return self.stage == "finished"


def last_build(store) -> LastBuild | None:
    if not inspect(store.engine).has_table("builds"):
        return None  # made before builds were recorded
    with store.engine.connect() as c:
        row = c.execute(select(builds).order_by(builds.c.id.desc()).limit(1)).first()
    if row is None:
        return None
    return LastBuild(row.started, row.stage, json.loads(row.paths), row.documents_total, row.documents_done)


def incomplete_reason(store, db_url: str) -> str | None:
    """Why the stored knowledge base is not the result of a finished build, with the
    command that completes it; None when it is whole."""
    last = last_build(store)
    stale = store.counts()["documents"] > 0 and store.document_digest() != store.kb_digest()
    if (last is None or last.finished) and not stale:
        return None
    if last is not None and not last.finished:
        done = (f"{min(last.documents_done, last.documents_total)} of {last.documents_total} documents "
                f"analysed" if last.stage == "documents" else "all documents analysed")
        what = f"the last build (started {last.started}) did not finish: {done}, cross-document stage not done"
        again = shlex.join(["chronica", "build", *last.paths, "--db", db_url])
    else:
        what = "the cross-document stage is older than the stored documents"
        again = f"chronica build SOURCES --db {shlex.quote(db_url)}"
    return f"{what}; the knowledge base is incomplete. Complete it with: {again}"
