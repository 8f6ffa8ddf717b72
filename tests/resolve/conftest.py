"""Shared fixture for the place-linking tests: the pipeline up to ``link_places``."""
from __future__ import annotations

import hashlib

import pytest

from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.pipeline import Pipeline


@pytest.fixture(scope="module")
def places():
    """Run parse, segment, mentions and place linking on a string; return ``doc.places``."""
    pipe = Pipeline(["parse", "segment", "tag_time", "find_mentions", "link_places"], Settings())

    def run(text: str) -> dict:
        doc = pipe(Doc(Source("<test>", text, hashlib.sha256(text.encode()).hexdigest(), "txt")))
        return doc.places

    return run
