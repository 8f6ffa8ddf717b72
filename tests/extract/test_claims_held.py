"""Durations that measure a prison term or a detention, compound figures ("a year and
fifteen days") and figures written with an article ("a week")."""
import hashlib

import pytest

from chronica.doc import Doc, Source
from chronica.extract import claims as C

YEAR = 365.2425
MONTH = YEAR / 12


def make_doc(text: str) -> Doc:
    return Doc(Source("t.txt", text, hashlib.sha256(text.encode()).hexdigest(), "txt"))


@pytest.mark.parametrize("text, value, prop, days, approximate", [
    ("In June 1914 a court in Florence sentenced Peruggia to a year and fifteen days in prison.",
     "a year and fifteen days", "term", YEAR + 15, False),
    ("The court later gave him eight months in prison.", "eight months", "term", 8 * MONTH, False),
    ("The judges sentence him to two years and a half.", "two years and a half", "term", 2.5 * YEAR, False),
    ("The poet is taken to prison and held for a week.", "a week", "detention", 7, True),
    ("Apollinaire spent five days in the Santé prison before he was released.", "five days", "detention", 5, False),
    ("He is released after about seven months.", "about seven months", "stay", 7 * MONTH, True),  # time served: not a term
    ("The museum closed for a week while police searched.", "a week", "duration", 7, True),
])
def test_claims_held_durations(text, value, prop, days, approximate):
    (c,) = [c for c in C.duration_claims(make_doc(text)) if c.value == value]
    assert (c.prop, c.approximate) == (prop, approximate)
    assert c.number == pytest.approx(days, rel=1e-3)
    assert c.low <= c.number <= c.high


@pytest.mark.parametrize("text", [
    "A Century On: The Summer the Mona Lisa Disappeared",  # a title, not a measured century
    "The council met twice a year in the capital.",  # a rate
    "A year later he was back in Paris.",  # a relative date
])
def test_claims_held_not_a_duration(text):
    assert C.duration_claims(make_doc(text)) == []
