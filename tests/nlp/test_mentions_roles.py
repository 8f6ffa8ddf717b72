"""find_mentions: a capitalised name right after a lower-case role noun is a person's,
even where the NER model misses it; not a title, a building or an organisation."""
from __future__ import annotations

import hashlib

import pytest

from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(["parse", "segment", "tag_time", "find_mentions", "link_places", "chain_aliases"], Settings())


def run(pipe, text: str) -> Doc:
    return pipe(Doc(Source("<test>", text, hashlib.sha256(text.encode()).hexdigest(), "txt")))


def test_a_name_after_a_role_noun_is_a_person(pipe):
    doc = run(pipe, "In 388 the army of the east crushed the Frankish usurper Odovald at the river. "
                    "Later the tribune Gaius Varnus marched north.")
    people = {m.text for m in doc.mentions if m.type == "person"}
    assert "Odovald" in people
    assert "Gaius Varnus" in people


def test_a_building_after_a_role_noun_is_no_person(pipe):
    doc = run(pipe, "Visitors crowded the painter Van Dyck Museum all summer.")
    assert not any(m.type == "person" and "Museum" in m.text for m in doc.mentions)


def test_a_name_before_a_realm_title_is_a_person(pipe):
    doc = run(pipe, "The legions marched to the coast. Gratianus, the Emperor of the South, now made the "
                    "Goth a governor. Paris, the capital of France, was quiet.")
    people = {m.text for m in doc.mentions if m.type == "person"}
    assert "Gratianus" in people
    assert "Paris" not in people
    ent = next(e for e in doc.entities if "Gratianus" in e.aliases)
    assert any("Emperor of the South" in a for a in ent.aliases)
