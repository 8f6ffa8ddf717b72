"""Fixtures for the format tests: the invented KB (every kind of date) and the examples' KB."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from chronica.cli import main
from chronica.export import ExportView, view_from_store
from corpus_paths import EXAMPLES
from format_corpus import TEXTS, make_contract


@pytest.fixture(scope="session")
def contract() -> dict:
    return make_contract()


@pytest.fixture(scope="session")
def view(contract) -> ExportView:
    return ExportView(contract, dict(TEXTS))


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory) -> str:
    """The examples built once into a SQLite knowledge base (its URL)."""
    db = f"sqlite:///{tmp_path_factory.mktemp('examples') / 'kb.db'}"
    res = CliRunner().invoke(main, ["build", str(EXAMPLES), "--db", db], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return db


@pytest.fixture(scope="session")
def examples_view(examples_db) -> ExportView:
    from chronica.store import open_store
    store = open_store(examples_db, create=False)
    try:
        return view_from_store(store)
    finally:
        store.close()
