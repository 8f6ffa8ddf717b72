"""A given name that is also a well-known place, right after a place preposition, is the
place ("a winter in Sofia Marco ..."); a weaker namesake place still starts a name
("toward Mary Aldine's farm"). A model span over a list of names ending in a place
tail ("Kai and Shinano Provinces") gives way to the tail's own last name."""
from __future__ import annotations

import hashlib

import pytest

from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.nlp.lexicon import load_lexicon
from chronica.nlp.mention_candidates import first_name_candidates
from chronica.nlp.mention_spans import MentionCandidate
from chronica.nlp.mentions import _merge
from chronica.pipeline import Pipeline
from chronica.resources import default


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(["parse", "segment", "tag_time", "find_mentions", "link_places"], Settings())


def run(pipe, text: str) -> Doc:
    return pipe(Doc(Source("<test>", text, hashlib.sha256(text.encode()).hexdigest(), "txt")))


def test_a_place_after_a_preposition_does_not_start_a_name(pipe):
    doc = run(pipe, "After a winter in Sofia Marco Petrov sailed home.")
    spans = {doc.text[c.start:c.end] for c in first_name_candidates(doc, load_lexicon(), default().gazetteer())}
    assert "Sofia Marco Petrov" not in spans and "Sofia Marco" not in spans
    assert {(m.text, m.type) for m in doc.mentions} >= {("Sofia", "place"), ("Marco Petrov", "person")}


def test_a_weak_namesake_place_still_starts_a_name(pipe):
    doc = run(pipe, "The envoys rode toward Mary Aldine's farm before dawn.")
    assert ("Mary Aldine", "person") in {(m.text, m.type) for m in doc.mentions}


def test_a_model_span_over_a_list_ending_in_a_place_tail_keeps_the_last_name():
    text = "They crossed Kai and Shinano Provinces."
    start = text.index("Kai")
    last = text.index("Shinano")
    end = text.index(".")
    kept = _merge([MentionCandidate(start, end, "ORG", "ner"), MentionCandidate(last, end, "GPE", "place_tail")])
    assert [(text[c.start:c.end], c.rule) for c in kept] == [("Shinano Provinces", "place_tail")]
    # a model span ending elsewhere keeps its words
    kept = _merge([MentionCandidate(start, last + 7, "ORG", "ner"), MentionCandidate(last, end, "GPE", "place_tail")])
    assert [c.rule for c in kept] == ["ner"]
