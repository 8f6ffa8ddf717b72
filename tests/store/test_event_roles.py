"""The participants' parts are stored beside the events, read back, replaced with the
knowledge base, and left out of the export (same on SQLite and PostgreSQL)."""
from __future__ import annotations

import json

import pytest

from chronica.corpus import Corpus
from chronica.model import DocSpan, Entity, Event, When
from chronica.store import open_store

from .test_repository import make_doc


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.db'}" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    s = open_store(url)
    yield s
    if request.param == "postgres":  # one server per session: leave it empty
        from chronica.store import schema
        schema.metadata.drop_all(s.engine)
    s.close()


def _corpus(doc) -> Corpus:
    corpus = Corpus([doc])
    corpus.entities = [Entity("ent_fenn", "person", "Oda Fenn", [], [DocSpan(doc.id, 0, 8, "Oda Fenn")]),
                       Entity("ent_brede", "person", "Brede", [], [DocSpan(doc.id, 15, 20, "Brede")])]
    when = When("1643", "1643-01-01", "1643-12-31", "explicit")
    corpus.events = [Event("evt_fine", "punishment", "Oda Fenn fines Brede", when, None, ["ent_fenn", "ent_brede"],
                           [DocSpan(doc.id, 0, len(doc.text), doc.text, when)], [doc.id],
                           roles={"ent_fenn": "agent", "ent_brede": "patient"})]
    return corpus


def test_parts_are_stored_read_back_and_replaced(store):
    doc = make_doc("fine.txt", "Oda Fenn fined Brede in 1643.")
    store.save_document(doc, "test")
    corpus = _corpus(doc)
    store.save_kb(corpus, "digest-1")
    assert store.event_roles() == {"evt_fine": {"ent_fenn": "agent", "ent_brede": "patient"}}
    assert "roles" not in json.dumps(store.export_dict()["events"])  # the export contract is unchanged
    corpus.events = []
    store.save_kb(corpus, "digest-2")
    assert store.event_roles() == {}


def test_a_base_without_the_parts_table_reads_none(tmp_path):
    from chronica.store.roles import event_roles
    url = f"sqlite:///{tmp_path / 'old.db'}"
    s = open_store(url)
    event_roles.drop(s.engine)  # as a base built before parts were kept
    s.close()
    old = open_store(url, create=False)
    assert old.event_roles() == {}
    old.close()
