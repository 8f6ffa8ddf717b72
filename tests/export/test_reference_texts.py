"""Every format exported from the reference texts (../shared/seeds), each passing its check."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from chronica.cli import main
from chronica.export import render, view_from_store
from corpus_paths import SEEDS, need_shared
from export_checks import (
    LPF_SCHEMA, TIMELINE_SCHEMA, annotations, assert_dates_consistent, assert_ids_resolve,
    assert_selectors_resolve, check_structure, features, read_back, render_in_chromium, tables, tei_files,
)

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seeds_view(tmp_path_factory):
    need_shared(SEEDS)
    db = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'kb.db'}"
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--db", db], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    from chronica.store import open_store
    store = open_store(db, create=False)
    try:
        return view_from_store(store)
    finally:
        store.close()


def test_reference_texts_in_every_format(seeds_view, tmp_path):
    import jsonschema
    from chronica.export.tei import text_content

    timeline = json.loads(render("timelinejs", seeds_view)[0])
    jsonschema.validate(timeline, TIMELINE_SCHEMA)
    assert features(seeds_view)
    jsonschema.validate(json.loads(render("lpf", seeds_view)[0]), LPF_SCHEMA)
    assert_ids_resolve(tables(seeds_view, tmp_path))
    assert_selectors_resolve(seeds_view, annotations(seeds_view))
    graph, graph_el = read_back(seeds_view, tmp_path)
    assert graph.number_of_edges() > 0
    assert_dates_consistent(graph, graph_el)
    for doc_id, root in tei_files(seeds_view, tmp_path).items():
        check_structure(root)
        assert text_content(root) == seeds_view.texts[doc_id]
    for fmt in ("jsonld", "markdown", "docx"):
        assert render(fmt, seeds_view)[0]


@pytest.mark.browser
def test_reference_texts_render_in_timelinejs(browser, seeds_view, tmp_path):
    ids, errors, _ = render_in_chromium(browser, seeds_view, tmp_path)
    assert errors == []
    assert {ev["id"] for ev in seeds_view.events if ev["when"]} <= set(ids)
