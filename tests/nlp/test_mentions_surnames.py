"""Bare surnames NER missed become mentions of the person they name."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, word, person", [
    ("Anna Maria Keller entered the hall. The crowd cheered, and Keller fired. "
     "Keller then slipped out by the side door.", "Keller", "Anna Maria Keller"),
    ("Charlotte Corday came to the house in July 1793. While Marat sat in his bath, "
     "Corday drove a kitchen knife into his chest.", "Corday", "Charlotte Corday"),
    ("Charles Guiteau waited at the station. The crowd parted, and Guiteau fired. "
     "Guiteau then ran for the door.", "Guiteau", "Charles Guiteau"),
])
def test_mentions_surnames_found(analyse, text, word, person):
    doc = analyse(text)
    hits = [m for m in doc.mentions if m.text == word]
    assert len(hits) == text.count(word) - person.count(word)
    assert all(doc.entity(m.entity).name == doc.entity(hits[0].entity).name for m in hits)
    assert person.split()[-1] in doc.entity(hits[0].entity).name


@pytest.mark.parametrize("text, word", [
    # an ordinary word the text also writes in lower case
    ("Charles Young arrived in Paris. Young men marched down the street; the young cheered.", "Young"),
    # glued to another capitalised word: another person
    ("John Wilkes Booth fled. His brother Edwin Booth was an actor too.", None),
])
def test_mentions_surnames_not_taken(analyse, text, word):
    doc = analyse(text)
    if word is not None:
        starts = [m.start for m in doc.mentions if m.text == word]
        assert text.index("Young men") not in starts
    else:
        edwin = text.index("Edwin Booth") + len("Edwin ")
        assert not any(m.start == edwin and m.text == "Booth" for m in doc.mentions)
