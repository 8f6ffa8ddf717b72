"""The matcher's pair likenesses as the last build used them (see
:mod:`chronica.reconcile.match_memo`): an incremental update reads the rerun islands'
rows, scores only the pairs they lack, and writes back the difference.

``match_likeness``: (fingerprint, fingerprint) -> the island the pair was scored in and
its likeness's six measures (``kind`` NULL: a pair that can never be one happening).
The ``meta`` row ``match_likeness_version`` says which settings, matcher code and
language data scored them; rows of another version are never read. Rows are replaced
in the same transaction as the knowledge base, so they always describe the stored result.
"""
from __future__ import annotations

from typing import Iterable

from sqlalchemy import Column, Float, String, Table, and_, bindparam, delete, insert, select
from sqlalchemy.engine import Connection

from . import schema as t
from .schema import metadata

MEASURES = ("kind", "who", "place", "words", "date", "signals")  # Likeness's fields, in order
match_likeness = Table(
    "match_likeness", metadata,
    Column("a", String(24), primary_key=True),
    Column("b", String(24), primary_key=True),
    Column("island", String(40), nullable=False, index=True),
    *(Column(m, Float, nullable=True) for m in MEASURES),
)

VERSION_KEY = "match_likeness_version"
CHUNK = 500

Pairs = dict[tuple[str, str], tuple]  # (a, b) -> (island, *measures)


def _version(conn: Connection) -> str | None:
    return conn.execute(select(t.meta.c.value).where(t.meta.c.key == VERSION_KEY)).scalar()


def load(conn: Connection, version: str, islands: Iterable[str] | None = None) -> Pairs:
    """The stored pairs of ``islands`` (every island: None), when scored by ``version``."""
    if _version(conn) != version:
        return {}
    q = select(match_likeness)
    if islands is None:
        return {(r[0], r[1]): tuple(r[2:]) for r in conn.execute(q)}
    out: Pairs = {}
    wanted = sorted(set(islands))
    for i in range(0, len(wanted), CHUNK):
        rows = conn.execute(q.where(match_likeness.c.island.in_(wanted[i:i + CHUNK])))
        out.update({(r[0], r[1]): tuple(r[2:]) for r in rows})
    return out


def save(conn: Connection, version: str, loaded: Iterable[tuple[str, str]], met: set[tuple[str, str]],
         written: Pairs) -> None:
    """Make the stored rows of the rerun islands (the keys ``loaded``, read by this
    ``version``) into those ``met`` again (left as stored) and ``written`` (scored now,
    or met in another island)."""
    if _version(conn) != version:
        conn.execute(delete(match_likeness))  # another version's, never read: all stale
        loaded = ()
    stale = [dict(ka=a, kb=b) for a, b in sorted((set(loaded) - met) | (set(written) & set(loaded)))]
    if stale:
        conn.execute(delete(match_likeness).where(and_(match_likeness.c.a == bindparam("ka"),
                                                       match_likeness.c.b == bindparam("kb"))), stale)
    rows = [dict(zip(("a", "b", "island") + MEASURES, (a, b) + v)) for (a, b), v in sorted(written.items())]
    if rows:
        conn.execute(insert(match_likeness), rows)
    conn.execute(delete(t.meta).where(t.meta.c.key == VERSION_KEY))
    conn.execute(insert(t.meta).values(key=VERSION_KEY, value=version))
