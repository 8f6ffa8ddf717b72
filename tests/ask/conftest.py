from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

from web_corpus import TEXTS, make_export  # noqa: E402


@pytest.fixture(scope="session")
def nlp(settings):
    from chronica.nlp.parse import load_spacy
    return load_spacy(settings.spacy_model)


@pytest.fixture(scope="session")
def asker(nlp):
    """The asking service over the hand-made voyage knowledge base (passages in memory)."""
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    return Asker(make_export(), MemoryPassages(dict(TEXTS)), nlp, texts=dict(TEXTS))


@pytest.fixture(scope="session")
def texts():
    return dict(TEXTS)
