"""Descriptions read through the document's relations: "his wife" is the wife the text named."""
from __future__ import annotations

import pytest


def _entity_of(doc, text):
    m = next(m for m in doc.mentions if m.text == text)
    return doc.entity(m.entity)


@pytest.mark.parametrize("text, description, person", [
    ("Dickens sailed with his wife, Catherine. Years later his wife was still at his side.",
     "his wife", "Catherine"),
    ("Governor John Ellis was at home with his daughter Anne. The intruder burst in, "
     "and Anne saw her father stabbed.", "her father", "John Ellis"),
    ("Guiteau shot President Garfield in Washington. McKinley’s assassin had used a revolver too.",
     None, None),
    ("Minister Jean Moreau was at home that evening. Pierre Lambert managed to stab Moreau in "
     "the neck. Gendarmes searched for Duval and for Moreau’s attacker.", "Moreau’s attacker",
     "Pierre Lambert"),
    ("Tsar Alexander arrived with his wife Maria. The bomber struck the Tsar and his wife.",
     "his wife", "Maria"),
])
def test_relations_described_resolved(analyse, text, description, person):
    doc = analyse(text)
    if description is None:  # no killer of McKinley in this text: the description names nobody
        ent = _entity_of(doc, "McKinley’s assassin")
        assert ent.name == "McKinley’s assassin"
        return
    ent = _entity_of(doc, description)
    assert ent.name.endswith(person) or person in ent.aliases


@pytest.mark.parametrize("text, description", [
    # never named: a person of his own
    ("Mazzini was condemned to death in absentia. Later his son died in London.", "his son"),
    # two sons named: unsure which
    ("Darwin's son George lived in Cambridge and Darwin's son Francis in London. Darwin and his son were photographed.",
     "his son"),
])
def test_relations_described_left_apart_when_unsure(analyse, text, description):
    doc = analyse(text)
    mentions = [m for m in doc.mentions if m.text == description]
    assert mentions
    ent = doc.entity(mentions[-1].entity)
    assert all(doc.mentions[i].label == "DESCRIPTION" for i in ent.mentions)


def test_relations_joint_possessor(analyse):
    doc = analyse("Garfield, his wife Lucretia Garfield, and their guests Captain John Hale and "
                  "his fiancé Ellen Foster arrived at the station.")
    fiance = [(doc.entity(r.source).name, doc.entity(r.target).name) for r in doc.relations if r.label == "fiancé"]
    assert fiance == [("John Hale", "Ellen Foster")]
