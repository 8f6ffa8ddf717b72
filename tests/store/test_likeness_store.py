"""The stored pair likenesses (chronica.store.likeness): read back as written, changed
by difference, and never read when another settings/code version scored them."""
from __future__ import annotations

from sqlalchemy import create_engine, select

from chronica.store.likeness import load, match_likeness, save
from chronica.store.schema import metadata

ROW = ("isl-1", 1.0, 0.75, None, 0.4, 1.0, 3.5)
NEVER = ("isl-1",) + (None,) * 6  # a pair that can never be one happening


def _engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    metadata.create_all(engine)
    return engine


def test_written_pairs_read_back_by_their_version_only(tmp_path):
    engine = _engine(tmp_path)
    with engine.begin() as c:
        save(c, "v1", (), set(), {("a1", "b1"): ROW, ("a1", "c1"): NEVER})
    with engine.connect() as c:
        assert load(c, "v1") == {("a1", "b1"): ROW, ("a1", "c1"): NEVER}
        assert load(c, "v1", ["isl-1"]) == load(c, "v1")
        assert load(c, "v1", ["isl-2"]) == {}
        assert load(c, "v2") == {}  # scored by other settings or code: not trusted


def test_an_update_keeps_met_pairs_drops_the_rest_and_moves_islands(tmp_path):
    engine = _engine(tmp_path)
    with engine.begin() as c:
        save(c, "v1", (), set(), {("a", "b"): ROW, ("a", "c"): ROW, ("b", "c"): NEVER})
    with engine.begin() as c:
        loaded = load(c, "v1", ["isl-1"])
        # (a, b) met again, (a, c) gone, (b, c) met in another island, (c, d) new
        save(c, "v1", loaded, {("a", "b"), ("b", "c")}, {("b", "c"): ("isl-2",) + NEVER[1:], ("c", "d"): ROW})
    with engine.connect() as c:
        assert load(c, "v1") == {("a", "b"): ROW, ("b", "c"): ("isl-2",) + NEVER[1:], ("c", "d"): ROW}


def test_a_new_version_replaces_every_stored_pair(tmp_path):
    engine = _engine(tmp_path)
    with engine.begin() as c:
        save(c, "v1", (), set(), {("a", "b"): ROW})
    with engine.begin() as c:
        save(c, "v2", load(c, "v2"), set(), {("c", "d"): ROW})
    with engine.connect() as c:
        assert [tuple(r) for r in c.execute(select(match_likeness.c.a, match_likeness.c.b))] == [("c", "d")]
