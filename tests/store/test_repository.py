"""The store: one transaction per document, replace on change, same on SQLite and PostgreSQL."""
from __future__ import annotations

import hashlib

import pytest

from chronica.corpus import Corpus
from chronica.doc import Doc, Source
from chronica.model import DocSpan, Entity, Event, When
from chronica.store import open_store


def make_doc(path: str, text: str) -> Doc:
    return Doc(Source(path, text, hashlib.sha256(text.encode()).hexdigest(), "txt", title="T"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'kb.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    s = open_store(url)
    yield s
    if request.param == "postgres":  # one server per session: leave it empty
        from chronica.store import schema
        schema.metadata.drop_all(s.engine)
    s.close()


def test_store_saves_and_reloads_document(store):
    doc = make_doc("a.txt", "Napoleon landed at Golfe-Juan in 1815.")
    assert store.save_document(doc, "test") is False
    assert store.has_sha(doc.source.sha256)
    [row] = store.documents()
    assert row["id"] == doc.id and row["chars"] == len(doc.text) and row["words"] == 6
    assert store.document_text(doc.id) == doc.text
    [back] = store.load_docs()
    assert back.text == doc.text and back.source.sha256 == doc.source.sha256


def test_store_replaces_changed_file_with_same_path(store):
    store.save_document(make_doc("a.txt", "First version."), "test")
    assert store.save_document(make_doc("a.txt", "Second version."), "test") is True
    assert [d["path"] for d in store.documents()] == ["a.txt"]
    assert store.document_text(store.documents()[0]["id"]) == "Second version."


def test_store_kb_replaced_as_a_whole(store):
    doc = make_doc("a.txt", "Napoleon landed at Golfe-Juan in 1815.")
    store.save_document(doc, "test")
    span = DocSpan(doc.id, 0, 8, "Napoleon")
    corpus = Corpus([doc])
    corpus.entities = [Entity("ent_1", "person", "Napoleon", ["Napoleon"], [span])]
    when = When("1815", "1815-01-01", "1815-12-31", "explicit")
    corpus.events = [Event("evt_1", "movement", "Napoleon lands", when, None, ["ent_1"],
                           [DocSpan(doc.id, 0, 38, doc.text[:38], when)], [doc.id])]
    store.save_kb(corpus, "digest-1")
    assert store.kb_digest() == "digest-1"
    data = store.export_dict()
    assert [e["id"] for e in data["entities"]] == ["ent_1"]
    assert data["events"][0]["when"] == {"edtf": "1815", "earliest": "1815-01-01",
                                         "latest": "1815-12-31", "basis": "explicit"}
    assert data["events"][0]["evidence"][0]["when"]["edtf"] == "1815"
    corpus.events = []
    store.save_kb(corpus, "digest-2")
    assert store.counts()["events"] == 0 and store.counts()["entities"] == 1


def test_store_document_digest_follows_the_set_of_documents(store):
    d0 = store.document_digest()
    store.save_document(make_doc("a.txt", "One."), "test")
    d1 = store.document_digest()
    store.save_document(make_doc("b.txt", "Two."), "test")
    assert len({d0, d1, store.document_digest()}) == 3


def test_store_bad_url_is_a_clear_error():
    from chronica.errors import StoreError
    with pytest.raises(StoreError, match="cannot use database URL"):
        open_store("nosuchdialect://x")


def test_store_read_only_open_refuses_missing_sqlite_file(tmp_path):
    from chronica.errors import StoreError
    with pytest.raises(StoreError, match="no knowledge base at .*typo.db: run `chronica build"):
        open_store(f"sqlite:///{tmp_path / 'typo.db'}", create=False)
    assert not (tmp_path / "typo.db").exists()


def test_store_read_only_open_refuses_database_without_tables(tmp_path):
    import sqlite3
    from chronica.errors import StoreError
    sqlite3.connect(tmp_path / "other.db").execute("create table x (y)").connection.commit()
    with pytest.raises(StoreError, match="holds no Chronica knowledge base"):
        open_store(f"sqlite:///{tmp_path / 'other.db'}", create=False)


def test_store_knows_which_pipeline_analysed_a_document(store):
    doc = make_doc("a.txt", "One.")
    store.save_document(doc, "chronica 0.1.0: parse segment")
    assert store.has_sha(doc.source.sha256, "chronica 0.1.0: parse segment")
    assert not store.has_sha(doc.source.sha256, "chronica 0.2.0: parse segment tag_time")
    assert store.has_sha(doc.source.sha256)
