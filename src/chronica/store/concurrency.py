"""Writing from many processes at once: per-document advisory locks and upserts.

PostgreSQL serialises writers on transaction-scoped advisory locks (released at commit
or rollback, also when the writer is killed), so two workers storing the same path or
the same content one after the other never interleave. SQLite serialises every write
transaction already; there the lock is a no-op.
"""
from __future__ import annotations

import hashlib

from sqlalchemy import Table, delete, insert, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

_DIALECT_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_advisory_xact_lock``."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


def lock_keys(conn: Connection, *names: str) -> None:
    """Take the advisory locks for ``names`` in ascending key order (a fixed order, so
    two transactions wanting the same locks cannot deadlock)."""
    if conn.dialect.name != "postgresql":
        return
    for key in sorted({lock_key(n) for n in names}):
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


def upsert(conn: Connection, table: Table, row: dict, key: str) -> None:
    """INSERT ... ON CONFLICT (key) DO UPDATE; delete-then-insert where the dialect
    lacks it (inside the caller's transaction, so still all or nothing)."""
    dialect_insert = _DIALECT_INSERT.get(conn.dialect.name)
    if dialect_insert is None:
        conn.execute(delete(table).where(table.c[key] == row[key]))
        conn.execute(insert(table).values(**row))
        return
    stmt = dialect_insert(table).values(**row)
    conn.execute(stmt.on_conflict_do_update(index_elements=[key],
                                            set_={c: stmt.excluded[c] for c in row if c != key}))
