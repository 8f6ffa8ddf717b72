"""Each document's locator map and reading metadata (pages, timecodes, chapters, OCR
confidence), kept beside the ``documents`` row it belongs to.

A table of its own so the documents table stays as it was: a knowledge base made
before locators existed opens unchanged (its documents simply have no locators)."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Column, String, Table, Text, delete, insert, inspect, select
from sqlalchemy.engine import Connection, Engine

from ..doc import Source
from ..locators import Region
from .schema import metadata

document_layout = Table(
    "document_layout", metadata,
    Column("document_id", String(40), primary_key=True),
    Column("regions", Text, nullable=False),  # JSON list of {"start", "end", locator fields}
    Column("meta", Text, nullable=False),  # JSON object: how the document was read
)


def replace_layout(conn: Connection, old_ids: list[str], src: Source) -> None:
    """In the caller's transaction: drop the layouts of the documents being replaced,
    store this one's (if it has any)."""
    ids = list({*old_ids, src.id})
    conn.execute(delete(document_layout).where(document_layout.c.document_id.in_(ids)))
    if src.regions or src.meta:
        conn.execute(insert(document_layout).values(
            document_id=src.id, regions=json.dumps([r.to_dict() for r in src.regions], ensure_ascii=False),
            meta=json.dumps(src.meta, ensure_ascii=False)))


def load_layouts(engine: Engine) -> dict[str, tuple[list[Region], dict[str, Any]]]:
    """Document id -> (regions sorted by start, metadata)."""
    if not inspect(engine).has_table(document_layout.name):
        return {}  # a knowledge base opened read-only from before locators existed
    with engine.connect() as c:
        rows = c.execute(select(document_layout)).all()
    return {r.document_id: (sorted((Region.from_dict(x) for x in json.loads(r.regions)), key=lambda g: g.start),
                            json.loads(r.meta)) for r in rows}
