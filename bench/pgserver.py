"""A throwaway PostgreSQL server for the benchmarks: the one the tests start too
(``chronica.store.throwaway_pg``), kept durable (fsync on, a clean stop) so timings are a
real server's. ``--pg URL`` in the benchmarks uses a server of yours instead."""
from __future__ import annotations

from contextlib import AbstractContextManager

from chronica.store.throwaway_pg import server_binaries, throwaway_postgres as _server


def throwaway_postgres() -> AbstractContextManager[str]:
    """``with throwaway_postgres() as url:`` a fresh server, removed on exit."""
    if server_binaries() is None:
        raise SystemExit("no PostgreSQL server binaries (apt-get install postgresql), or pass --pg URL")
    return _server(prefix="chronica-bench-pg-", durable=True)


def fresh_database(server_url: str, name: str) -> str:
    """Create (or recreate) database ``name`` on the server; its URL."""
    from sqlalchemy import create_engine, text
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server_url.rsplit("/", 1)[0] + "/" + name
