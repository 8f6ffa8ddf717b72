"""What an incremental cross-document update needs to find again: each document's
island and block keys, and which knowledge-base rows each island produced.

``island_docs``: document -> island; ``island_keys``: (key, document), looked up by key
to find the stored documents a new one shares a block with; ``island_rows``: island ->
the ids of its entities, events, relations and conflicts (their mentions, evidence and
claims hang off those ids). An island's rows are replaced in the same transaction as
the knowledge-base rows, so a killed build leaves both as they were. Every table is
changed by difference: what an update leaves as it was is not written again.
"""
from __future__ import annotations

import json
from typing import Iterable

from sqlalchemy import Column, Index, String, Table, Text, delete, insert, select
from sqlalchemy.engine import Connection

from ..doc import Doc, Source
from . import schema as t
from .kb_units import kb_digests
from .layout import load_layouts
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

ISLAND_TABLES = [island_rows, island_keys, island_docs, kb_digests]
CHUNK = 500  # ids per IN (...) list: well below every engine's parameter limit
def chunks(values: Iterable[str]) -> Iterable[list[str]]:
    values = sorted(set(values))
    for i in range(0, len(values), CHUNK):
        yield values[i:i + CHUNK]


def stored_islands(conn: Connection) -> dict[str, str]:
    """Document id -> island id, for every document the last cross-document run saw."""
    return {r.doc_id: r.island for r in conn.execute(select(island_docs))}


def documents_sharing(conn: Connection, keys: Iterable[str]) -> set[str]:
    """Stored documents holding any of ``keys``."""
    out: set[str] = set()
    for part in chunks(keys):
        out.update(conn.execute(select(island_keys.c.doc_id).where(island_keys.c.key.in_(part))).scalars())
    return out


def keys_of(conn: Connection, doc_ids: Iterable[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {d: set() for d in doc_ids}
    for part in chunks(out):
        for r in conn.execute(select(island_keys).where(island_keys.c.doc_id.in_(part))):
            out[r.doc_id].add(r.key)
    return out


def load_docs(engine, doc_ids: Iterable[str]) -> list[Doc]:
    """Some stored documents' analyses as Doc objects, in path order (as ``Store.load_docs``)."""
    layouts = load_layouts(engine)
    rows = []
    with engine.connect() as c:
        for part in chunks(doc_ids):
            rows.extend(c.execute(select(t.documents).where(t.documents.c.id.in_(part))))
    out = []
    for r in sorted(rows, key=lambda r: r.path):
        regions, meta = layouts.get(r.id, ([], {}))
        src = Source(path=r.path, text=r.text, sha256=r.sha256, format=r.format, title=r.title,
                     regions=regions, meta=meta)
        out.append(Doc.from_analysis(src, json.loads(r.analysis)))
    return out


def rows_of_islands(conn: Connection, islands: Iterable[str]) -> dict[str, tuple[str, str]]:
    """The knowledge-base units ``islands`` hold: id -> (island, kind)."""
    out: dict[str, tuple[str, str]] = {}
    for part in chunks(islands):
        for r in conn.execute(select(island_rows).where(island_rows.c.island.in_(part))):
            out[r.row_id] = (r.island, r.kind)
    return out


def replace_island_rows(conn: Connection, old: dict[str, tuple[str, str]], new: dict[str, tuple[str, str]]) -> None:
    """Which island holds which unit, changed by difference."""
    stale = [uid for uid, where in old.items() if new.get(uid) != where]
    for part in chunks(stale):
        conn.execute(delete(island_rows).where(island_rows.c.row_id.in_(part)))
    added = [dict(island=i, kind=k, row_id=uid) for uid, (i, k) in sorted(new.items()) if old.get(uid) != (i, k)]
    if added:
        conn.execute(insert(island_rows), added)


def replace_island_docs(conn: Connection, old_docs: set[str], island_of: dict[str, str],
                        fresh: dict[str, set[str]]) -> None:
    """Each document's island (``island_of``, for the documents still there among
    ``old_docs`` and the fresh ones) and the keys of the ``fresh`` (new or re-analysed)
    documents; the keys of documents kept as they were stay stored."""
    stored = {}
    for part in chunks(old_docs | set(island_of)):
        stored.update(conn.execute(select(island_docs.c.doc_id, island_docs.c.island)
                                   .where(island_docs.c.doc_id.in_(part))).all())
    stale = [d for d, i in stored.items() if island_of.get(d) != i]
    for part in chunks(stale):
        conn.execute(delete(island_docs).where(island_docs.c.doc_id.in_(part)))
    added = [dict(doc_id=d, island=i) for d, i in sorted(island_of.items()) if stored.get(d) != i]
    if added:
        conn.execute(insert(island_docs), added)
    rekeyed = (old_docs - set(island_of)) | set(fresh)  # gone, new or re-analysed
    for part in chunks(rekeyed):
        conn.execute(delete(island_keys).where(island_keys.c.doc_id.in_(part)))
    key_rows = [dict(key=k, doc_id=d) for d in sorted(fresh) for k in sorted(fresh[d])]
    if key_rows:
        conn.execute(insert(island_keys), key_rows)

