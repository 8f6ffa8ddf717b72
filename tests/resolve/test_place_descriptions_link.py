"""Definite descriptions of places ("the theater") join the one named place they mean."""
from __future__ import annotations

import pytest


def _entity_of(doc, text):
    m = next(m for m in doc.mentions if m.text == text)
    return doc.entity(m.entity) if m.entity else None


@pytest.mark.parametrize("text, description, place", [
    ("Lincoln and his wife arrived at Ford’s Theatre after the play had begun. After having a drink "
     "at a saloon, Booth entered the theater lobby at 10 p.m.", "the theater", "Ford’s Theatre"),
    ("After his defeat and abdication in 1814, Napoleon was sent into exile on the island of Elba, off "
     "the Tuscan coast. Surprisingly, the Allies granted him sovereignty over the island.", "the island", "Elba"),
    ("The wounded were taken to Sarajevo Hospital. The couple wanted to visit the hospital.",
     "the hospital", "Sarajevo Hospital"),
])
def test_place_descriptions_join_the_one_named_place(analyse, text, description, place):
    doc = analyse(text)
    ent = _entity_of(doc, description)
    assert ent is not None and ent.type == "place"
    assert place in ent.aliases or ent.name == place


@pytest.mark.parametrize("text, description", [
    # two theatres: which one is unclear
    ("He saw Ford's Theatre and Grover's Theatre in Washington. Booth entered the theater.", "the theater"),
    # restricted by what follows: another house
    ("They lived in the Blue House in Coyoacán. In Royan, the house where they stayed burned.", "the house"),
    # no named place of that kind
    ("Booth fled Washington. He hid in the tavern.", "the tavern"),
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
