"""The component pipeline checks names, levels and order when it is built."""
from __future__ import annotations

import pytest

from chronica.config import CORPUS_PIPELINE, DOCUMENT_PIPELINE, Settings
from chronica.errors import ConfigError
from chronica.pipeline import Pipeline, registered


def test_pipeline_default_configuration_is_complete_and_ordered():
    reg = registered()
    assert set(DOCUMENT_PIPELINE) | set(CORPUS_PIPELINE) <= set(reg)
    assert Pipeline(DOCUMENT_PIPELINE, Settings()).names == DOCUMENT_PIPELINE
    assert Pipeline(CORPUS_PIPELINE, Settings(), level="corpus").names == CORPUS_PIPELINE


def test_pipeline_unknown_component_is_named():
    with pytest.raises(ConfigError, match="unknown pipeline component 'tag_weather'"):
        Pipeline(["parse", "tag_weather"], Settings())


def test_pipeline_order_is_checked():
    with pytest.raises(ConfigError, match="needs sentences"):
        Pipeline(["parse", "tag_time", "segment"], Settings())


def test_pipeline_level_is_checked():
    with pytest.raises(ConfigError, match="works on a corpus"):
        Pipeline(["merge_entities"], Settings())


def test_pipeline_runs_on_a_real_text(analyse):
    doc = analyse("On 12 June 1846 Darwin arrived at Falmouth on the coast of Cornwall. "
                  "Two days later he inspected the tin mines.")
    assert [doc.text[s.start:s.end] for s in doc.sentences][0].startswith("On 12 June 1846")
    assert any(t.text == "12 June 1846" and t.edtf == "1846-06-12" for t in doc.timexes)
    assert any(m.text == "Darwin" and m.type == "person" for m in doc.mentions)
    assert any(m.text == "Falmouth" and m.type == "place" for m in doc.mentions)
    assert doc.events and all(doc.text[e.evidence.start:e.evidence.end] == e.evidence.text for e in doc.events)
