"""Spelling variants of one name across sources join one person; similar names of
different people stay apart."""
from __future__ import annotations

import pytest

from chronica.resolve.aliases import chain
from chronica.resources.spelling import skeleton, spelling_variants

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


def test_people_forms_of_adjectives():
    from chronica.resources.spelling import people_forms
    assert "saxons" in people_forms("Saxon")
    assert "celts" in people_forms("Celtic")
    assert people_forms("Saxons") == set()


def test_chain_joins_a_people_adjective_to_the_people():
    doc = chained("The [Saxons] crossed the river at dawn. The [Saxon] host then camped on the hill.")
    assert same(doc, "Saxons", "Saxon")


def test_chain_keeps_a_titled_person_apart_from_a_plural():
    doc = chained("The [Normans] landed. [Duke Norman] watched from the cliff.")
    assert not same(doc, "Normans", "Duke Norman")


def test_chain_joins_an_unlinked_compass_part_to_its_place():
    from chronica.model import PlaceRef
    ref = PlaceRef("country:PT", "Portugal", 39.6, -8.0, "PT", "country")
    doc = marked_doc("The fleet left [Portugal|place]. Rain fell on [North Portugal|place]. "
                     "Ships came from [West Lisbonia|place].")
    doc.places = {"portugal": ref}
    doc.entities = chain(doc)
    assert same(doc, "Portugal", "North Portugal")
    assert not same(doc, "Portugal", "West Lisbonia")


def test_chain_strips_an_older_state_office():
    doc = chained("[Prefect Gaius Livius] marched north. [Livius] camped by the river.")
    assert same(doc, "Prefect Gaius Livius", "Livius")
