"""Full-text search over stored passages: SQLite FTS5 and PostgreSQL tsvector behind one
interface, offsets exact, rebuilt when the documents change."""
from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import insert

from chronica.ask.passages import PassageIndex, PostgresPassages, SqlitePassages, split_passages
from chronica.store import open_store
from chronica.store import schema as t


def _add(store, doc_id: str, text: str) -> None:
    with store.engine.begin() as c:
        c.execute(insert(t.documents).values(
            id=doc_id, path=f"{doc_id}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), title=None,
            format="txt", chars=len(text), words=len(text.split()), text=text, analysis=json.dumps({}),
            pipeline="test"))


def test_split_passages_keeps_offsets(texts):
    for text in texts.values():
        spans = split_passages(text)
        assert spans and all(text[a:b].strip() == text[a:b] and text[a:b] for a, b in spans)
        assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))


def _check(store, texts):
    for doc_id, text in texts.items():
        _add(store, doc_id, text)
    index = PassageIndex.for_store(store)
    hits = index.search(["finches", "collected"])
    assert hits and hits[0].document == "doc_voyage" and "finches" in hits[0].text
    for h in hits:
        assert texts[h.document][h.start:h.end] == h.text
    assert index.search(["Galapagos"])  # accents folded (SQLite) / stemmed (PostgreSQL)
    assert index.search(["zebra"]) == []
    # a new document: the next look-up indexes it (the digest changed)
    _add(store, "doc_new", "The brig sighted a zebra off the cape.")
    index = PassageIndex.for_store(store)
    assert [h.document for h in index.search(["zebra"])] == ["doc_new"]
    return index


def test_sqlite_fts5(tmp_path, texts):
    store = open_store(f"sqlite:///{tmp_path / 'kb.db'}")
    assert isinstance(_check(store, texts), SqlitePassages)


def test_postgresql_tsvector(postgres_url, texts):
    from sqlalchemy import text as sql
    store = open_store(postgres_url)
    try:
        assert isinstance(_check(store, texts), PostgresPassages)
    finally:  # one server per session: leave it empty for the other tests
        with store.engine.begin() as c:
            c.execute(sql("DROP TABLE IF EXISTS ask_passages"))
        t.metadata.drop_all(store.engine)
        store.close()


def test_wordllama_reranks_by_meaning():
    pytest.importorskip("wordllama")
    from chronica.ask.model import Passage
    from chronica.ask.rerank import WordLlamaReranker
    found = [Passage("d", 0, 10, "The harbour froze over in the hard winter.", 3.0),
             Passage("d", 20, 30, "The crew mutinied because the captain cut their rations.", 2.0)]
    ranked = WordLlamaReranker()("Why did the sailors rebel against the captain?", found)
    assert [p.start for p in ranked] == [20, 0]
