"""Definite descriptions of places ("the theater") join the one named place they mean."""
from __future__ import annotations

import pytest


def _entity_of(doc, text):
    m = next(m for m in doc.mentions if m.text == text)
    return doc.entity(m.entity) if m.entity else None


@pytest.mark.parametrize("text, description, place", [
    ("The mayor and her aide reached Wallack’s Theatre during the interval. Later, "
     "the critic slipped into the theater foyer at 9 p.m.", "the theater", "Wallack’s Theatre"),
    ("The bishop and his nephew came to Drury Lane Theatre before the overture. After supper "
     "at a chophouse, the reporter walked into the theater gallery at 8 p.m.", "the theater", "Drury Lane Theatre"),
    ("In 1860 Garibaldi landed on the island of Sicily, off the Calabrian coast. Within weeks, "
     "his volunteers held most of the island.", "the island", "Sicily"),
    ("The miners were taken to Bergen Hospital. Their wives hurried to the hospital.",
     "the hospital", "Bergen Hospital"),
    ("In 1480 the duke camped beside the Loire. In the autumn the stream was dammed by his engineers.",
     "the stream", "Loire"),
])
def test_place_descriptions_join_the_one_named_place(analyse, text, description, place):
    doc = analyse(text)
    ent = _entity_of(doc, description)
    assert ent is not None and ent.type == "place"
    assert place in ent.aliases or ent.name == place


@pytest.mark.parametrize("text, description", [
    # two theatres: which one is unclear
    ("He saw Wallack's Theatre and Niblo's Theatre in New York. Guiteau entered the theater.", "the theater"),
    # restricted by what follows: another house
    ("They lived in the Red House in Bexleyheath. In Kelmscott, the house where they stayed flooded.", "the house"),
    # no named place of that kind
    ("The smuggler fled Porto. He hid in the tavern.", "the tavern"),
])
def test_place_descriptions_left_alone_when_unsure(analyse, text, description):
    doc = analyse(text)
    assert not any(m.text == description for m in doc.mentions)


def test_place_descriptions_head_of_name():
    from chronica.resolve.place_descriptions import head_of_name
    assert head_of_name("Ford’s Theatre") == "theatre"
    assert head_of_name("Ford Theater") == "theatre"
    assert head_of_name("Latin Bridge") == "bridge"
    assert head_of_name("Sarajevo") is None


@pytest.mark.parametrize("text, a, b", [
    ("Serbia mobilised. The Kingdom of Serbia had been independent since 1878.", "Serbia", "Kingdom of Serbia"),
])
def test_place_descriptions_state_qualifier_joins_within_document(analyse, text, a, b):
    doc = analyse(text)
    assert _entity_of(doc, a).key == _entity_of(doc, b).key
