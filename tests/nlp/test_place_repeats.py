"""A place name the document reads as a place is that place wherever else it is
written, unless it is part of a longer name or the name is also typed otherwise
(``nlp/place_repeats.py``). Fresh examples."""
from __future__ import annotations

import hashlib

import pytest

from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.model import Mention
from chronica.nlp.lexicon import load_lexicon
from chronica.nlp.place_repeats import _place_names
from chronica.resources import default as default_resources
from chronica.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    s = Settings()
    return Pipeline(s.document_pipeline, s)


def run(pipe, text: str) -> Doc:
    return pipe(Doc(Source("<test>", text, hashlib.sha256(text.encode()).hexdigest(), "txt")))


def test_every_occurrence_of_a_place_name_is_a_mention(pipe):
    text = "The fleet sailed for Syracuse in 414 BC. Syracuse held out through the winter, and the siege failed."
    doc = run(pipe, text)
    starts = [m.start for m in doc.mentions if m.text == "Syracuse" and m.type == "place"]
    assert starts == [text.index("Syracuse"), text.rindex("Syracuse")]
    names = {e.key: e.name for e in doc.entities}
    held = next(ev for ev in doc.events if ev.evidence.text.startswith("Syracuse held out"))
    assert names.get(held.where) == "Syracuse"


def test_a_word_of_a_longer_name_is_left_alone(pipe):
    text = "The envoys rode to Syracuse in May. They lodged on Syracuse Street near the harbour."
    doc = run(pipe, text)
    street = text.index("Syracuse Street")
    assert not any(m.start == street and m.end == street + len("Syracuse") for m in doc.mentions)


def test_only_names_always_read_as_places_and_never_common_words_spread():
    lex, gaz = load_lexicon(), default_resources().gazetteer()
    found = [Mention(0, 7, "Jackson", "GPE", "place"), Mention(20, 27, "Jackson", "PERSON", "person"),
             Mention(30, 38, "Syracuse", "GPE", "place"), Mention(40, 46, "Empire", "GPE", "place")]
    assert _place_names(found, lex, gaz, lower={"empire"}) == {"Syracuse"}
