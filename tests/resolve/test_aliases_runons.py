"""Mentions NER ran together are split into their names (resolve.alias_runons)."""
from __future__ import annotations

import pytest

from chronica.model import Mention
from chronica.resolve.alias_runons import split_run_ons


def mention_of(text: str, part: str, label: str) -> Mention:
    a = text.index(part)
    return Mention(a, a + len(part), part, label, "organization")


@pytest.mark.parametrize("text, run_on, label, parts", [
    ("It was Ragnar after Hastings who sailed home.", "Ragnar after Hastings", "ORG", ["Ragnar", "Hastings"]),
    ("The realm of Otto included Tyrol by then.", "Otto included Tyrol", "ORG", ["Otto", "Tyrol"]),
    ("He met Brenner at Lindau in May.", "Brenner at Lindau", "PERSON", ["Brenner", "Lindau"]),
])
def test_run_on_mention_is_split(text, run_on, label, parts):
    out = split_run_ons(text, [mention_of(text, run_on, label)])
    assert [m.text for m in out] == parts
    assert all(text[m.start:m.end] == m.text for m in out)  # spans stay true to the text


@pytest.mark.parametrize("text, name, label", [
    ("The Order of the Garter met.", "Order of the Garter", "ORG"),
    ("They rode to Stratford upon Avon.", "Stratford upon Avon", "GPE"),
    ("She read Gone with the Wind twice.", "Gone with the Wind", "WORK_OF_ART"),  # a title stays whole
    ("The Society for the Care of Horses met.", "Society for the Care of Horses", "ORG"),
])
def test_names_with_inner_words_stay_whole(text, name, label):
    out = split_run_ons(text, [mention_of(text, name, label)])
    assert [m.text for m in out] == [name]
