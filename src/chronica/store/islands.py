"""What an incremental cross-document update needs to find again: each document's
island and block keys, and which knowledge-base rows each island produced.

``island_docs``: document -> island; ``island_keys``: (key, document), looked up by key
to find the stored documents a new one shares a block with; ``island_rows``: island ->
the ids of its entities, events, relations and conflicts (their mentions, evidence and
claims hang off those ids). An island's rows are replaced in the same transaction as
the knowledge-base rows, so a killed build leaves both as they were.
"""
from __future__ import annotations

import json
from typing import Iterable

from sqlalchemy import Column, Index, String, Table, Text, delete, insert, select
from sqlalchemy.engine import Connection

from ..corpus import Corpus
from ..doc import Doc, Source
from . import schema as t
from .layout import load_layouts
from .roles import event_roles
from .schema import metadata

island_docs = Table(
    "island_docs", metadata,
    Column("doc_id", String(40), primary_key=True),
    Column("island", String(40), nullable=False),
)
Index("ix_island_docs_island", island_docs.c.island)

island_keys = Table(
    "island_keys", metadata,
    Column("key", Text, nullable=False),
    Column("doc_id", String(40), nullable=False),
)
Index("ix_island_keys_key", island_keys.c.key)
Index("ix_island_keys_doc", island_keys.c.doc_id)

island_rows = Table(
    "island_rows", metadata,
    Column("island", String(40), nullable=False),
    Column("kind", String(16), nullable=False),  # entity | event | relation | conflict
    Column("row_id", String(40), nullable=False),
)
Index("ix_island_rows_island", island_rows.c.island)

ISLAND_TABLES = [island_rows, island_keys, island_docs]
CHUNK = 500  # ids per IN (...) list: well below every engine's parameter limit
# (table, its id column, the tables hanging off it by that id)
_OWNED = {"entity": (t.entities, [(t.mentions, "entity_id")]),
          "event": (t.events, [(t.evidence, "event_id"), (event_roles, "event_id")]),
          "relation": (t.relations, []),
          "conflict": (t.conflicts, [(t.claims, "conflict_id")])}


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    values = sorted(set(values))
    for i in range(0, len(values), CHUNK):
        yield values[i:i + CHUNK]


def stored_islands(conn: Connection) -> dict[str, str]:
    """Document id -> island id, for every document the last cross-document run saw."""
    return {r.doc_id: r.island for r in conn.execute(select(island_docs))}


def documents_sharing(conn: Connection, keys: Iterable[str]) -> set[str]:
    """Stored documents holding any of ``keys``."""
    out: set[str] = set()
    for part in _chunks(keys):
        out.update(conn.execute(select(island_keys.c.doc_id).where(island_keys.c.key.in_(part))).scalars())
    return out


def keys_of(conn: Connection, doc_ids: Iterable[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {d: set() for d in doc_ids}
    for part in _chunks(out):
        for r in conn.execute(select(island_keys).where(island_keys.c.doc_id.in_(part))):
            out[r.doc_id].add(r.key)
    return out


def load_docs(engine, doc_ids: Iterable[str]) -> list[Doc]:
    """Some stored documents' analyses as Doc objects, in path order (as ``Store.load_docs``)."""
    layouts = load_layouts(engine)
    rows = []
    with engine.connect() as c:
        for part in _chunks(doc_ids):
            rows.extend(c.execute(select(t.documents).where(t.documents.c.id.in_(part))))
    out = []
    for r in sorted(rows, key=lambda r: r.path):
        regions, meta = layouts.get(r.id, ([], {}))
        src = Source(path=r.path, text=r.text, sha256=r.sha256, format=r.format, title=r.title,
                     regions=regions, meta=meta)
        out.append(Doc.from_analysis(src, json.loads(r.analysis)))
    return out


def drop_islands(conn: Connection, islands: Iterable[str], docs: Iterable[str]) -> None:
    """Delete the knowledge-base rows of ``islands`` and what is stored of ``docs``."""
    islands = list(islands)
    by_kind: dict[str, list[str]] = {k: [] for k in _OWNED}
    for part in _chunks(islands):
        for r in conn.execute(select(island_rows).where(island_rows.c.island.in_(part))):
            by_kind[r.kind].append(r.row_id)
    for kind, ids in by_kind.items():
        table, children = _OWNED[kind]
        for part in _chunks(ids):
            for child, column in children:
                conn.execute(delete(child).where(child.c[column].in_(part)))
            conn.execute(delete(table).where(table.c.id.in_(part)))
    for part in _chunks(islands):
        conn.execute(delete(island_rows).where(island_rows.c.island.in_(part)))
    for part in _chunks(docs):
        conn.execute(delete(island_keys).where(island_keys.c.doc_id.in_(part)))
        conn.execute(delete(island_docs).where(island_docs.c.doc_id.in_(part)))


def record_island(conn: Connection, island: str, corpus: Corpus, keys: dict[str, set[str]]) -> None:
    """Remember which documents, keys and knowledge-base rows ``island`` has."""
    rows = ([("entity", e.id) for e in corpus.entities] + [("event", e.id) for e in corpus.events]
            + [("relation", r.id) for r in corpus.relations] + [("conflict", k.id) for k in corpus.conflicts])
    if rows:
        conn.execute(insert(island_rows), [dict(island=island, kind=k, row_id=i) for k, i in rows])
    conn.execute(insert(island_docs), [dict(doc_id=d.id, island=island) for d in corpus.docs])
    key_rows = [dict(key=k, doc_id=d.id) for d in corpus.docs for k in sorted(keys.get(d.id, ()))]
    if key_rows:
        conn.execute(insert(island_keys), key_rows)
