"""Spelling variants of one name across sources join one person; similar names of
different people stay apart."""
from __future__ import annotations

import pytest

from chronica.resolve.aliases import chain
from chronica.resolve.spelling import skeleton, spelling_variants

from resolve.marked import marked_doc, same


def chained(marked: str):
    doc = marked_doc(marked)
    doc.entities = chain(doc)
    return doc


@pytest.mark.parametrize("a, b", [
    ("Yusuf", "Jusuf"),          # j / y
    ("Kasimir", "Casimir"),      # k / c
    ("Suleiman", "Soliman"),     # vowels
    ("Murad", "Mourad"),         # French "ou"
    ("Ibrahim", "Ebrahim"),   # initial vowel
])
def test_spelling_variants_same_skeleton(a, b):
    assert spelling_variants(a, b), (skeleton(a), skeleton(b))


@pytest.mark.parametrize("a, b", [
    ("Martin", "Morton"),   # two names of a given-name list
    ("Omar", "Amir"),       # too short a skeleton
    ("Otto", "Otto"),       # the same spelling is not a variant
    ("Ismail", "Samuel"),   # different first letter class
])
def test_spelling_variants_kept_apart(a, b):
    assert not spelling_variants(a, b)


def test_chain_joins_a_ruler_spelled_two_ways():
    doc = chained("[Murad II] took the city. Later chroniclers called [Sultan Mourad] a builder.")
    assert same(doc, "Murad II", "Sultan Mourad")


def test_chain_keeps_a_kinsman_with_a_similar_name_apart():
    doc = chained("[Selim Aga] ruled the valley. His brother [Salim] ruled the hills.")
    assert not same(doc, "Selim Aga", "Salim")
