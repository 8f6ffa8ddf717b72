"""Descriptions read through the document's relations: "his wife" is the wife the text named."""
from __future__ import annotations

import pytest


def _entity_of(doc, text):
    m = next(m for m in doc.mentions if m.text == text)
    return doc.entity(m.entity)


@pytest.mark.parametrize("text, description, person", [
    ("Trotsky was exiled with his wife, Natalia. Years later his wife was still at his side.",
     "his wife", "Natalia"),
    ("Secretary of State William Seward was at home with his daughter Fanny. The attacker burst in, "
     "and Fanny saw her father stabbed.", "her father", "William Seward"),
    ("Princip shot the Archduke Franz Ferdinand in Sarajevo. Lincoln’s assassin had used a pistol too.",
     None, None),
    ("Secretary of State William Seward was at home that night. Lewis Powell managed to stab Seward in "
     "the side of the face. Soldiers hunted for Booth and for Seward’s attacker.", "Seward’s attacker",
     "Lewis Powell"),
    ("Archduke Franz Ferdinand arrived with his wife Sophie. Princip shot the Archduke and his wife.",
     "his wife", "Sophie"),
])
def test_relations_described_resolved(analyse, text, description, person):
    doc = analyse(text)
    if description is None:  # no killer of Lincoln in this text: the description names nobody
        ent = _entity_of(doc, "Lincoln’s assassin")
        assert ent.name == "Lincoln’s assassin"
        return
    ent = _entity_of(doc, description)
    assert ent.name.endswith(person) or person in ent.aliases


@pytest.mark.parametrize("text, description", [
    # never named: a person of his own
    ("Trotsky was condemned to death in absentia. Later his son died in Paris.", "his son"),
    # two sons named: unsure which
    ("Trotsky's son Lev lived in Paris and Trotsky's son Sergei in Moscow. Trotsky and his son were condemned.",
     "his son"),
])
def test_relations_described_left_apart_when_unsure(analyse, text, description):
    doc = analyse(text)
    mentions = [m for m in doc.mentions if m.text == description]
    assert mentions
    ent = doc.entity(mentions[-1].entity)
    assert all(doc.mentions[i].label == "DESCRIPTION" for i in ent.mentions)


def test_relations_joint_possessor(analyse):
    doc = analyse("Lincoln, his wife Mary Todd Lincoln, and their guests Major Henry Rathbone and "
                  "his fiancé Clara Harris arrived at the theater.")
    fiance = [(doc.entity(r.source).name, doc.entity(r.target).name) for r in doc.relations if r.label == "fiancé"]
    assert fiance == [("Henry Rathbone", "Clara Harris")]
