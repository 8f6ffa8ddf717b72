"""Numbers written in words compare with numerals (resources.quantities.parse_number)."""
from __future__ import annotations

import pytest

from chronica.resources.quantities import parse_number


@pytest.mark.parametrize("text, value", [
    ("three hundred and twelve", 312), ("312", 312), ("1,450", 1450),
    ("two thousand six hundred", 2600), ("forty-one", 41), ("eleven thousand", 11000),
    ("a dozen", 12), ("two dozen", 24), ("four score and seven", 87),
])
def test_parse_number_words_and_numerals(text, value):
    assert parse_number(text) == value


def test_parse_number_not_a_number():
    assert parse_number("several ships") is None
