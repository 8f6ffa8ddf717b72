"""What keeps the store honest when it is used in ways a single careful user would not:
a plain path for ``--db``, a read-only SQLite URI, two builds creating one schema at once.
"""
from __future__ import annotations

import re
import sqlite3
import time
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import parse_qs

from sqlalchemy import MetaData, create_engine, event, text
from sqlalchemy.engine import Engine, URL
from sqlalchemy.exc import OperationalError

from ..errors import StoreError

SQLITE_BUSY_MS = 60_000  # a second writer waits this long for the first, then says so
SCHEMA_LOCK_KEY = 0x43_68_72_6F  # PostgreSQL advisory-lock key ("Chro"): one schema maker at once
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def url_with_scheme(url: str) -> str:
    """A ``--db`` value without a scheme (``kb.db``, ``/data/kb.db``) is a SQLite file."""
    if _SCHEME.match(url):
        return url
    return "sqlite:///" + url


def sqlite_file(url: URL) -> str | None:
    """The file a SQLite URL opens, also in the URI form ``file:kb.db?mode=ro&uri=true``;
    None for an in-memory database."""
    database = url.database or ""
    if database in ("", ":memory:"):
        return None
    if url.query.get("uri") in ("true", "1") and database.startswith("file:"):
        path = database[len("file:"):]
        if path.startswith("//"):  # file:///abs/path
            path = path[2:]
        path = path.split("?", 1)[0]
        return None if path in ("", ":memory:") else path
    return database


def sqlite_read_only(url: URL) -> bool:
    """Does the URL ask SQLite for a read-only connection (``mode=ro``, ``immutable=1``)?"""
    mode = url.query.get("mode")
    if mode is None and "?" in (url.database or ""):
        inner = parse_qs((url.database or "").split("?", 1)[1])
        mode = (inner.get("mode") or [None])[0]
    return mode == "ro" or url.query.get("immutable") in ("1", "true")


def set_sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")  # first: the others may need to wait
    _switch_to_wal(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _switch_to_wal(cur) -> None:
    # Changing the journal mode of a new file does not wait on the busy handler: when
    # several processes open it at once, the losers retry until the first one has done it.
    deadline = time.monotonic() + SQLITE_BUSY_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def create_schema(engine: Engine, metadata: MetaData) -> None:
    """Create the missing tables with only one process at a time doing it, so a second
    build on a new database waits for the first instead of failing."""
    if engine.dialect.name == "sqlite":
        _create_sqlite_schema(engine, metadata)
        return
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SCHEMA_LOCK_KEY})
        metadata.create_all(conn)


def _create_sqlite_schema(engine: Engine, metadata: MetaData) -> None:
    # pysqlite opens transactions lazily and never for DDL; a separate engine with
    # SQLAlchemy's documented recipe takes the write lock (BEGIN IMMEDIATE) first.
    locking = create_engine(engine.url)
    event.listen(locking, "connect", _autocommit_with_pragmas)
    event.listen(locking, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    try:
        with locking.begin() as conn:
            metadata.create_all(conn)
    finally:
        locking.dispose()


def _autocommit_with_pragmas(dbapi_conn, record) -> None:
    dbapi_conn.isolation_level = None
    set_sqlite_pragmas(dbapi_conn, record)


def read_only_message(url: str) -> str:
    return (f"the database {url!r} is read-only, and building writes to it; "
            f"give a writable --db (drop mode=ro) or make the file writable")


@contextmanager
def write_errors(url: str) -> Iterator[None]:
    """Turn a database's refusal to write into one actionable line."""
    try:
        yield
    except OperationalError as e:
        message = str(e.orig)
        if "readonly" in message or "read-only" in message:
            raise StoreError(read_only_message(url)) from None
        if "locked" in message:
            raise StoreError(f"the database {url!r} stayed locked by another process for "
                             f"{SQLITE_BUSY_MS // 1000} s; try again when it is done") from None
        raise StoreError(f"cannot write to the database {url!r}: {message}") from None
