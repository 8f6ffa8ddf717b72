"""Locator maps are stored with their document, replaced with it, and loaded back."""
from __future__ import annotations

import hashlib

import pytest

from chronica.doc import Doc, Source
from chronica.locators import Locator, Region
from chronica.store import open_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.db'}" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    s = open_store(url)
    yield s
    if request.param == "postgres":
        from chronica.store import schema
        schema.metadata.drop_all(s.engine)
    s.close()


def paged(path: str, text: str, pages: int) -> Doc:
    step = len(text) // pages
    regions = [Region(i * step, (i + 1) * step, Locator(page=i + 1)) for i in range(pages)]
    meta = {"ocr": {"engine": "tesseract", "pages": [{"page": 1, "confidence": 88.0}]}}
    return Doc(Source(path, text, hashlib.sha256(text.encode()).hexdigest(), "pdf", regions=regions, meta=meta))


def test_layout_saved_loaded_and_replaced_with_its_document(store):
    first = paged("scan.pdf", "Page one text. Page two text.", 2)
    store.save_document(first, "test")
    regions, meta = store.layouts()[first.id]
    assert regions == first.source.regions and meta["ocr"]["pages"][0]["confidence"] == 88.0
    [back] = store.load_docs()
    assert back.source.locator_at(20) == Locator(page=2)
    second = paged("scan.pdf", "A new scan, three pages long, of one letter.", 3)
    assert store.save_document(second, "test") is True
    assert list(store.layouts()) == [second.id]  # the replaced document's map went with it


def test_plain_text_has_no_layout_row(store):
    text = "Just words."
    store.save_document(Doc(Source("a.txt", text, hashlib.sha256(text.encode()).hexdigest(), "txt")), "test")
    assert store.layouts() == {}
