"""Knowledge-base rows in units, so an incremental update rewrites only what changed.

A *unit* is one entity with its mentions, one event with its evidence and roles, one relation, or
one conflict with its claims: the rows that stand or fall together. Each stored unit
keeps a digest of its rows (``kb_digests``). When an island is computed again, a unit
whose id and digest are both unchanged keeps its stored rows untouched; only units that
are new, changed or gone are written or deleted. The result is row for row what
deleting the island and inserting it again would give (the export sorts every table).
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Column, String, Table, delete, insert, select
from sqlalchemy.engine import Connection

from ..corpus import Corpus
from . import schema as t
from .roles import event_roles
from .schema import metadata

kb_digests = Table(
    "kb_digests", metadata,
    Column("row_id", String(40), primary_key=True),  # entity, event, relation or conflict id
    Column("digest", String(40), nullable=False),
)

# unit kind -> (its table, the tables hanging off it and their id column)
UNIT_TABLES = {"entity": (t.entities, [(t.mentions, "entity_id")]),
               "event": (t.events, [(t.evidence, "event_id"), (event_roles, "event_id")]),
               "relation": (t.relations, []),
               "conflict": (t.conflicts, [(t.claims, "conflict_id")])}
_KIND_OF = {table.name: kind for kind, (table, _) in UNIT_TABLES.items()}
_PARENT_OF = {child.name: column for _, (_, children) in UNIT_TABLES.items() for child, column in children}
INSERT_ORDER = [t.entities, t.mentions, t.events, t.evidence, event_roles, t.relations, t.conflicts, t.claims]


@dataclass
class Unit:
    kind: str
    id: str
    rows: dict = field(default_factory=lambda: defaultdict(list))  # table -> rows, in insertion order
    digest: str = ""


def units_of(rows_by_table: dict) -> dict[str, Unit]:
    """The units (by id) of ``kb_rows``' output, each with the digest of its rows."""
    units: dict[str, Unit] = {}
    for table, rows in rows_by_table.items():
        for row in rows:
            if table.name in _KIND_OF:
                uid = row["id"]
                units.setdefault(uid, Unit(_KIND_OF[table.name], uid))
            else:
                uid = row[_PARENT_OF[table.name]]
            units[uid].rows[table].append(row)
    for u in units.values():
        payload = [[table.name, rows] for table, rows in sorted(u.rows.items(), key=lambda kv: kv[0].name)]
        u.digest = hashlib.sha1(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()
    return units


@dataclass
class UnitChanges:
    kept: int = 0
    written: int = 0
    deleted: int = 0


def replace_units(conn: Connection, old: dict[str, str], new: dict[str, Unit], chunks) -> UnitChanges:
    """Make the stored units ``old`` (id -> kind) into ``new``: keep those whose digest
    is the same, delete the rest, write the new and changed ones."""
    stored: dict[str, str] = {}
    for part in chunks(old):
        stored.update(conn.execute(select(kb_digests.c.row_id, kb_digests.c.digest)
                                   .where(kb_digests.c.row_id.in_(part))).all())
    same = {uid for uid, u in new.items() if stored.get(uid) == u.digest}
    gone = set(old) - same
    by_kind: dict[str, list[str]] = defaultdict(list)
    for uid in gone:
        by_kind[old[uid]].append(uid)
    for kind, ids in by_kind.items():
        table, children = UNIT_TABLES[kind]
        for part in chunks(ids):
            for child, column in children:
                conn.execute(delete(child).where(child.c[column].in_(part)))
            conn.execute(delete(table).where(table.c.id.in_(part)))
    for part in chunks(gone):
        conn.execute(delete(kb_digests).where(kb_digests.c.row_id.in_(part)))
    fresh = [u for uid, u in new.items() if uid not in same]
    write_units(conn, fresh)
    return UnitChanges(kept=len(same), written=len(fresh), deleted=len(gone - set(new)))


def write_units(conn: Connection, units: list[Unit]) -> None:
    for table in INSERT_ORDER:
        rows = [r for u in units for r in u.rows.get(table, ())]
        if rows:
            conn.execute(insert(table), rows)
    if units:
        conn.execute(insert(kb_digests), [dict(row_id=u.id, digest=u.digest) for u in units])
