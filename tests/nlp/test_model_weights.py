"""The spaCy model comes from an anonymous re-upload: pin its weights by SHA-256."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

EXPECTED = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
}


@pytest.mark.parametrize("part, digest", sorted(EXPECTED.items()))
def test_model_weights_match_official_release(part, digest):
    import spacy

    from chronica.config import Settings

    nlp_path = Path(spacy.util.get_package_path(Settings().spacy_model))
    candidates = list(nlp_path.glob(f"*/{part}")) + [nlp_path / part]
    files = [p for p in candidates if p.is_file()]
    assert files, f"{part} not found under {nlp_path}"
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == digest
