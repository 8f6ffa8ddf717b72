"""Web views are registered by name: the built-in pages, and a plug-in view found
through the ``chronica.views`` entry-point group, served by the same app."""
from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest
from fastapi.testclient import TestClient

from chronica import plugins
from chronica.web import view_registry
from chronica.web.app import create_app

BUILT_IN = ["favicon", "overview", "timeline", "map", "graph", "conflicts", "documents", "entities",
            "search", "export", "ask"]


@pytest.fixture
def fresh_registry(monkeypatch):
    """A copy of the registry, with plug-ins looked up again, forgotten after the test."""
    view_registry.registered()
    monkeypatch.setattr(view_registry, "_VIEWS", dict(view_registry._VIEWS))
    plugins.forget(view_registry.ENTRY_POINT_GROUP)
    yield
    plugins.forget(view_registry.ENTRY_POINT_GROUP)


def _entry_points(*found: EntryPoint):
    def lookup(group: str):
        return [ep for ep in found if ep.group == group]
    return lookup


def test_built_in_views_are_registered_in_order():
    assert view_registry.names()[:len(BUILT_IN)] == BUILT_IN
    assert all(v.description for v in view_registry.registered())


def test_a_view_from_an_entry_point_is_served(fresh_registry, monkeypatch, kb):
    plugin = EntryPoint("people-count", "view_plugin_example", "chronica.views")
    monkeypatch.setattr(plugins, "entry_points", _entry_points(plugin))
    assert "people-count" in view_registry.names()
    client = TestClient(create_app(kb, cache_pages=False))
    people = sum(1 for e in kb.raw["entities"].values() if e["type"] == "person")
    assert client.get("/api/people-count").json() == {"people": people}
    assert client.get("/").status_code == 200  # the built-in pages are still there


def test_a_broken_plug_in_leaves_the_built_in_views(fresh_registry, monkeypatch, caplog, kb):
    broken = EntryPoint("broken", "no_such_module_for_chronica_views", "chronica.views")
    monkeypatch.setattr(plugins, "entry_points", _entry_points(broken))
    assert view_registry.names()[:len(BUILT_IN)] == BUILT_IN
    assert "web view plug-in 'broken'" in caplog.text
    client = TestClient(create_app(kb, cache_pages=False))
    assert client.get("/timeline").status_code == 200
    assert client.get("/api/people-count").status_code == 404
