"""Bare winters, season words naming a kind of thing, and day ranges written without a year."""
import pytest


def _values(tagger, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tagger.tag(text).timexes]


@pytest.mark.parametrize("text,expr,value", [
    # a bare winter is the one under way when the story is in January or February
    ("In January 1951 the front broke. The winter was harsh.", "The winter", "1950-WI"),
    ("In December 1950 the front broke. The winter was harsh.", "The winter", "1950-WI"),
    ("In October 1776 the army retreated. Over the winter, many deserted.", "the winter", "1776-WI"),
    # a season word before a noun of kind is no dated season
    ("In December 1776 the British entered winter quarters.", "winter", "XXXX-WI"),
    ("In 1779 they destroyed the winter food supplies.", "the winter", "XXXX-WI"),
])
def test_resolve_bare_winter(tagger, text, expr, value):
    assert (expr, value) in _values(tagger, text)


@pytest.mark.parametrize("text,expr,value", [
    ("In 1915 came the battles on April 6-7.", "April 6-7", "1915-04-06/1915-04-07"),
    ("In June 1950, on 12-14 July, the division embarked.", "12-14 July", "1950-07-12/1950-07-14"),
    ("The Ionian Revolt (499-493 BC) began.", "499-493 BC", "BC0499/BC0493"),
])
def test_resolve_yearless_range(tagger, text, expr, value):
    assert (expr, value) in _values(tagger, text)


@pytest.mark.parametrize("text,ends", [
    ("In June 1950, on 12-14 July, the division embarked.", [("12", "1950-07-12"), ("14 July", "1950-07-14")]),
    ("In 1865, on May 4 and 5 they surrendered.", [("May 4", "1865-05-04"), ("5", "1865-05-05")]),
    ("The Ionian Revolt (499-493 BC) began.", [("499", "BC0499"), ("493 BC", "BC0493")]),
])
def test_resolve_yearless_range_ends(tagger, text, ends):
    got = [(t.text, t.value) for t in tagger.tag(text).timex2()]
    assert all(e in got for e in ends), got


def test_resolve_day_range_does_not_swallow_a_count(tagger):
    assert _values(tagger, "In 1865, on May 4 and 5,000 men marched.") == [("1865", "1865"), ("May 4", "1865-05-04")]
