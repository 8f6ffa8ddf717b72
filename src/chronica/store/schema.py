"""Database tables (SQLAlchemy Core). Rows stay here; domain types live in model.py.

Two layers: ``documents`` holds each source's text and its per-document analysis (one
transaction per document); the knowledge-base tables hold what the corpus stage derived
from all documents together and are replaced as a whole in one transaction.
"""
from __future__ import annotations

from sqlalchemy import (
    Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, Boolean,
)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(40), primary_key=True),
    Column("path", Text, nullable=False),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("format", String(8), nullable=False),
    Column("chars", Integer, nullable=False),
    Column("words", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("analysis", Text, nullable=False),  # JSON: Doc.analysis()
    Column("pipeline", Text, nullable=False),  # names of the components that made it
)
Index("ix_documents_path", documents.c.path)

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

entities = Table(
    "entities", metadata,
    Column("id", String(40), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", Text, nullable=False),  # JSON list
    Column("lat", Float),
    Column("lon", Float),
    Column("gazetteer", Text),
    Column("part_of", String(40)),
    Column("cited_only", Boolean, nullable=False, default=False),
)

mentions = Table(
    "mentions", metadata,
    Column("entity_id", String(40), ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", String(40), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
Index("ix_mentions_entity", mentions.c.entity_id)

events = Table(
    "events", metadata,
    Column("id", String(40), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("summary", Text, nullable=False),
    Column("when", Text),  # JSON When or null
    Column("where", String(40)),
    Column("who", Text, nullable=False),  # JSON list of entity ids
    Column("sources", Text, nullable=False),  # JSON list of document ids
    Column("confidence", Float, nullable=False, default=0.5),
)

evidence = Table(
    "evidence", metadata,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("document_id", String(40), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("when", Text),
)
Index("ix_evidence_event", evidence.c.event_id)

relations = Table(
    "relations", metadata,
    Column("id", String(40), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("label", Text, nullable=False),
    Column("source", String(40), nullable=False),
    Column("target", String(40), nullable=False),
    Column("when", Text),
    Column("evidence", Text, nullable=False),  # JSON list of spans
)

conflicts = Table(
    "conflicts", metadata,
    Column("id", String(40), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("about", Text, nullable=False),
    Column("severity", String(8), nullable=False),
    Column("events", Text, nullable=False),  # JSON list of event ids
)

claims = Table(
    "claims", metadata,
    Column("conflict_id", String(40), ForeignKey("conflicts.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("document_id", String(40), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Text, nullable=False),
)
Index("ix_claims_conflict", claims.c.conflict_id)

KB_TABLES = [claims, conflicts, relations, evidence, events, mentions, entities]  # delete order
