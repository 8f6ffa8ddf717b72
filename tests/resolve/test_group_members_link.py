"""Group descriptions ("the royal couple", "the family") as mentions of their members."""
from __future__ import annotations

import pytest

from chronica.resolve.aliases import chain
from chronica.resolve.group_members import LABEL

from resolve.marked import marked_doc


def members(marked: str, group: str) -> list[str]:
    doc = marked_doc(marked)
    doc.entities = chain(doc)
    name = {e.key: e.name for e in doc.entities}
    return [name[m.entity] for m in doc.mentions if m.label == LABEL and m.text == group]


@pytest.mark.parametrize("marked, group, expected", [
    # "X and his wife, Y": principal last
    ("The mayor welcomed [Karl Weber] and his wife, [Greta]. The young couple left at noon.",
     "The young couple", ["Greta", "Karl Weber"]),
    # "his wife, Y" with "his" the person before it in the sentence
    ("[Count Otto Brenner] toured Lisbon with his wife, [Clara]. Later the royal couple sailed home.",
     "the royal couple", ["Clara", "Otto Brenner"]),
    # "X and his family", "the family" a sentence later
    ("[Pavel Orlov] and his family moved to Riga. The family stayed there for a decade.",
     "family", ["Pavel Orlov"]),
    ("[Pavel Orlov] and his family moved to Riga. The family stayed there for a decade.",
     "The family", ["Pavel Orlov"]),
    # "the Xs'" names the family of the one person with that surname
    ("[Pavel Orlov] wrote letters. The Orlovs' house was sold, and the family left.",
     "the family", ["Pavel Orlov"]),
])
def test_group_members_link(marked, group, expected):
    assert members(marked, group) == expected


@pytest.mark.parametrize("marked, group", [
    # no spouses named: the couple stays unlinked
    ("[Karl Weber] met [Greta Holm] in Bern. The couple walked on.", "The couple"),
    # no anchor for "the family" nearby
    ("[Pavel Orlov] wrote letters. He was tired. It rained. Snow fell. The family slept.", "The family"),
])
def test_group_members_unlinked(marked, group):
    assert members(marked, group) == []


def test_group_members_keep_indices():
    doc = marked_doc("[Karl Weber] and his wife, [Greta], sailed. The couple landed in Oslo.")
    doc.entities = chain(doc)
    for e in doc.entities:
        assert all(doc.mentions[i].entity == e.key for i in e.mentions)
    assert [m.start for m in doc.mentions] == sorted(m.start for m in doc.mentions)
    assert all(LABEL not in a for e in doc.entities for a in e.aliases)
