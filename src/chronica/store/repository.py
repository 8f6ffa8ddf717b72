"""The one small interface the rest of Chronica uses to reach the database."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, event, func, insert, inspect, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from ..corpus import Corpus
from ..doc import Doc, Source
from ..errors import StoreError
from ..contract_json import build_export
from ..model import When
from . import build_state  # noqa: F401  (defines the builds table before the schema is made)
from . import islands  # defines the island tables before the schema is made
from . import likeness  # noqa: F401  (the matcher's stored pair likenesses, likewise)
from . import roles  # defines the event_roles table before the schema is made
from . import schema as t
from .layout import load_layouts, replace_layout
from .safety import (
    create_schema, read_only_message, set_sqlite_pragmas, sqlite_file, sqlite_read_only, url_with_scheme,
    write_errors,
)
from .concurrency import lock_keys, upsert

CORPUS_DIGEST = "corpus_digest"


def normalise_url(url: str) -> str:
    """Accept plain ``postgresql://`` URLs (use the psycopg 3 driver we ship) and plain
    paths (a SQLite file)."""
    url = url_with_scheme(url)
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def open_store(url: str = "sqlite:///chronica.db", create: bool = True) -> "Store":
    """The knowledge base at ``url``; ``create=False`` (for commands that only read)
    refuses to make a new, empty one where the user probably mistyped a path."""
    return Store(url, create=create)


class Store:
    def __init__(self, url: str, create: bool = True):
        self.url = normalise_url(url)
        try:
            make_url(self.url)
            self.engine: Engine = create_engine(self.url, future=True)
        except (ArgumentError, SQLAlchemyError, ImportError) as e:
            raise StoreError(f"cannot use database URL {url!r}: {e}") from None
        is_sqlite = self.engine.dialect.name == "sqlite"
        db_file = sqlite_file(self.engine.url) if is_sqlite else None
        if not create and db_file is not None and not Path(db_file).exists():
            raise StoreError(f"no knowledge base at {db_file}: run `chronica build SOURCES --db {url}` first")
        if create and is_sqlite and sqlite_read_only(self.engine.url):
            raise StoreError(read_only_message(url))
        if is_sqlite:
            event.listen(self.engine, "connect", set_sqlite_pragmas)
        try:
            if create:
                with write_errors(url):
                    create_schema(self.engine, t.metadata)
            elif not inspect(self.engine).has_table("documents"):
                raise StoreError(f"{url} holds no Chronica knowledge base: run `chronica build SOURCES --db {url}` first")
        except OperationalError as e:
            raise StoreError(f"cannot open database {url!r}: {e.orig}") from None

    # ---------------------------------------------------------------- documents --
    def has_sha(self, sha256: str, pipeline: str | None = None) -> bool:
        """Is this content stored (and, given ``pipeline``, analysed by that pipeline)?"""
        query = select(t.documents.c.pipeline).where(t.documents.c.sha256 == sha256)
        with self.engine.connect() as c:
            row = c.execute(query).first()
        return row is not None and (pipeline is None or row.pipeline == pipeline)

    def save_document(self, doc: Doc, pipeline: str) -> bool:
        """Store one analysed document in one transaction. A stored document with the
        same path but other content is replaced. Returns True if it replaced one."""
        return self.save_analysis(doc.source, json.dumps(doc.analysis(), ensure_ascii=False), pipeline)

    def save_analysis(self, src: Source, analysis: str, pipeline: str) -> bool:
        """``save_document`` for an analysis already made into JSON (by a worker process
        or a Dask worker). Safe when several processes write at once: on PostgreSQL the
        transaction first takes advisory locks on the path and the content, in a fixed
        order, then upserts the row, so re-runs and retried partitions are idempotent."""
        row = dict(id=src.id, path=src.path, sha256=src.sha256, title=src.title, format=src.format,
                   chars=len(src.text), words=len(src.text.split()), text=src.text,
                   analysis=analysis, pipeline=pipeline)
        with write_errors(self.url), self.engine.begin() as c:
            lock_keys(c, "doc:" + src.path, "sha:" + src.sha256)
            old = c.execute(select(t.documents.c.id).where(t.documents.c.path == src.path,
                                                           t.documents.c.sha256 != src.sha256)).all()
            c.execute(delete(t.documents).where(t.documents.c.path == src.path,
                                                t.documents.c.sha256 != src.sha256))
            upsert(c, t.documents, row, "sha256")
            replace_layout(c, [r.id for r in old], src)
        return bool(old)

    def documents(self) -> list[dict]:
        cols = [t.documents.c[n] for n in ("id", "path", "sha256", "title", "format", "chars", "words")]
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(select(*cols).order_by(t.documents.c.path))]

    def document_text(self, doc_id: str) -> str | None:
        with self.engine.connect() as c:
            return c.execute(select(t.documents.c.text).where(t.documents.c.id == doc_id)).scalar()

    def layouts(self) -> dict:
        """Document id -> (locator regions, reading metadata), for documents that have them."""
        return load_layouts(self.engine)

    def load_docs(self) -> list[Doc]:
        """Every stored document's analysis, rebuilt as Doc objects (no spaCy parse)."""
        out = []
        layouts = self.layouts()
        with self.engine.connect() as c:
            for r in c.execute(select(t.documents).order_by(t.documents.c.path)):
                regions, meta = layouts.get(r.id, ([], {}))
                src = Source(path=r.path, text=r.text, sha256=r.sha256, format=r.format, title=r.title,
                             regions=regions, meta=meta)
                out.append(Doc.from_analysis(src, json.loads(r.analysis)))
        return out

    def document_digest(self) -> str:
        with self.engine.connect() as c:
            shas = sorted(c.execute(select(t.documents.c.sha256)).scalars())
        return hashlib.sha256("\n".join(shas).encode()).hexdigest()

    # ------------------------------------------------------------ knowledge base --
    def kb_digest(self) -> str | None:
        with self.engine.connect() as c:
            return c.execute(select(t.meta.c.value).where(t.meta.c.key == CORPUS_DIGEST)).scalar()

    def save_kb(self, corpus: Corpus, digest: str) -> None:
        """Replace the knowledge base with the corpus stage's result, atomically."""
        with write_errors(self.url), self.engine.begin() as c:
            lock_keys(c, "kb")  # one corpus stage writes at a time
            c.execute(delete(roles.event_roles))
            for table in t.KB_TABLES:
                c.execute(delete(table))
            c.execute(delete(t.meta).where(t.meta.c.key == CORPUS_DIGEST))
            for table in islands.ISLAND_TABLES:  # a whole result knows no islands: the next update starts over
                c.execute(delete(table))
            write_kb_rows(c, corpus)
            c.execute(insert(t.meta).values(key=CORPUS_DIGEST, value=digest))

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as c:
            return {name: c.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in [("documents", t.documents), ("entities", t.entities),
                                        ("mentions", t.mentions), ("events", t.events),
                                        ("relations", t.relations), ("conflicts", t.conflicts)]}

    def rows(self, table_name: str) -> list[dict[str, Any]]:
        table = t.metadata.tables[table_name]
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(select(table))]

    def export_dict(self) -> dict:
        return build_export(self)

    def event_roles(self) -> dict[str, dict[str, str]]:
        """Event id -> {entity id: agent | subject | patient | other}; empty for a base built before parts were kept."""
        with self.engine.connect() as c:
            if not inspect(c).has_table(roles.event_roles.name):
                return {}
            return roles.read_roles(c)

    def close(self) -> None:
        self.engine.dispose()


def write_kb_rows(c, corpus: Corpus) -> None:
    """Insert the corpus stage's rows (entities, mentions, events, evidence, relations,
    conflicts, claims) in the caller's transaction; nothing is deleted."""
    for table, rows in kb_rows(corpus).items():
        _insert_many(c, table, rows)


def kb_rows(corpus: Corpus) -> dict:
    """The corpus stage's rows, table by table, in insertion order."""
    return {
        t.entities: [dict(
            id=e.id, type=e.type, name=e.name, aliases=json.dumps(e.aliases, ensure_ascii=False),
            lat=e.lat, lon=e.lon, gazetteer=e.gazetteer, part_of=e.part_of, cited_only=e.cited_only)
            for e in sorted(corpus.entities, key=lambda e: e.id)],  # fixed order
        t.mentions: [dict(entity_id=e.id, document_id=m.document, start=m.start, end=m.end, text=m.text)
                     for e in corpus.entities for m in e.mentions],
        t.events: [dict(
            id=e.id, kind=e.kind, summary=e.summary, when=_when_json(e.when), where=e.where,
            who=json.dumps(e.who), sources=json.dumps(e.sources), confidence=e.confidence)
            for e in corpus.events],
        t.evidence: [dict(event_id=e.id, ord=i, document_id=s.document, start=s.start,
                          end=s.end, text=s.text, when=_when_json(s.when))
                     for e in corpus.events for i, s in enumerate(e.evidence)],
        roles.event_roles: roles.role_rows(corpus),
        t.relations: [dict(
            id=r.id, kind=r.kind, label=r.label, source=r.source, target=r.target,
            when=_when_json(r.when),
            evidence=json.dumps([_span_dict(s) for s in r.evidence], ensure_ascii=False))
            for r in corpus.relations],
        t.conflicts: [dict(id=k.id, kind=k.kind, about=k.about, severity=k.severity,
                           events=json.dumps(k.events)) for k in corpus.conflicts],
        t.claims: [dict(conflict_id=k.id, ord=i, document_id=s.document, start=s.start,
                        end=s.end, text=s.text, value=s.value or "")
                   for k in corpus.conflicts for i, s in enumerate(k.claims)],
    }


def _insert_many(conn, table, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def _when_json(w: When | None) -> str | None:
    if w is None:
        return None
    return json.dumps(asdict(w), ensure_ascii=False)


def _span_dict(s) -> dict:
    return {"document": s.document, "start": s.start, "end": s.end, "text": s.text}
