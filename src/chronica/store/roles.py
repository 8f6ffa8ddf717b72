"""Who did what in each stored event: the participants' parts (agent, subject, patient,
other: ``model.ROLE_RANK``).

Kept beside the ``events`` table rather than in it, so the export contract stays as it
is: ``ask`` reads the parts to tell "what did X do" (X the agent) from "what happened
to X" (any part but a bystander's) and to leave out events X merely stands beside ("a guard
leapt into his path"). A participant with no row has no part the sources said.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Column, ForeignKey, Index, String, Table, select
from sqlalchemy.engine import Connection

from ..corpus import Corpus
from .schema import metadata

event_roles = Table(
    "event_roles", metadata,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", String(40), nullable=False),
    Column("role", String(16), nullable=False),  # agent | subject | patient | other
)
Index("ix_event_roles_event", event_roles.c.event_id)


def role_rows(corpus: Corpus) -> list[dict]:
    return [dict(event_id=e.id, entity_id=entity, role=part)
            for e in corpus.events for entity, part in sorted(e.roles.items())]


def read_roles(conn: Connection) -> dict[str, dict[str, str]]:
    """Event id -> {entity id: part}."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for r in conn.execute(select(event_roles)):
        out[r.event_id][r.entity_id] = r.role
    return dict(out)
