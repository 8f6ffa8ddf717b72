"""The one date reading every format shares: precision kept, BC, times, open ends."""
from __future__ import annotations

import pytest

from chronica.export.dates import Moment, parse_bound, read_when


def w(edtf, earliest=None, latest=None):
    return {"edtf": edtf, "earliest": earliest, "latest": latest, "basis": "explicit"}


def test_a_year_stays_a_year_and_a_day_a_day():
    year = read_when(w("1911", "1911-01-01", "1911-12-31"))
    assert year.start == year.end == Moment(1911) and year.is_point and not year.qualified
    assert year.palladio() == ("1911", "1911")
    day = read_when(w("1928-01-31"))
    assert day.start == Moment(1928, 1, 31) and day.label == "31 January 1928"
    assert day.palladio() == ("1928-01-31", "1928-01-31")


def test_bc_years_are_astronomical_in_iso_and_historical_in_words():
    d = read_when(w("-0043-03-15"))
    assert d.start.year == -43 and d.start.historical_year == -44
    assert d.start.iso() == "-0043-03-15" and d.label == "15 March 44 BC"
    assert d.palladio() == ("-0043-03-15", "-0043-03-15")
    assert read_when(w("0000")).label == "1 BC"


def test_a_time_of_day_is_kept():
    d = read_when(w("1912-04-14T23:40"))
    assert d.start == Moment(1912, 4, 14, 23, 40) and d.start.precision == "minute"
    assert d.start.iso() == "1912-04-14T23:40" and d.label == "14 April 1912, 23:40"


@pytest.mark.parametrize("edtf, start, end, label", [
    ("../1917", None, Moment(1917), "until 1917"),
    ("1962/..", Moment(1962), None, "from 1962"),
    ("1929/1933", Moment(1929), Moment(1933), "1929 – 1933"),
    ("192X", Moment(1920), Moment(1929), "1920s"),
    ("1918-24", Moment(1918, 12), Moment(1919, 2), "winter 1918"),
])
def test_intervals_open_ends_decades_and_seasons(edtf, start, end, label):
    d = read_when(w(edtf))
    assert (d.start, d.end, d.label) == (start, end, label)
    assert d.qualified


def test_qualifiers_and_undated():
    approx = read_when(w("1934~"))
    assert approx.approximate and not approx.uncertain and approx.label == "c. 1934" and approx.qualified
    assert read_when(w("1934?")).uncertain
    assert read_when(None) is None and read_when({"edtf": ""}) is None


def test_unknown_forms_fall_back_on_the_contract_bounds():
    d = read_when(w("1934-XX-XX~weird", "1934-01-01", "1934-12-31"))
    assert d.start == Moment(1934, 1, 1) and d.end == Moment(1934, 12, 31)


def test_sort_keys_put_bc_first_and_undated_last():
    keys = [read_when(w(e)).sort_key() for e in ("-0043", "0044", "1911-05-02T23:40", "1911-05-03")]
    assert keys == sorted(keys)
    assert keys[-1] < (1,)


def test_filter_bounds():
    assert parse_bound("1911") == (1911, 1, 1) and parse_bound("1911", last=True) == (1911, 12, 31)
    assert parse_bound("1912-02", last=True) == (1912, 2, 29) and parse_bound("-0043") == (-43, 1, 1)
    with pytest.raises(ValueError):
        parse_bound("last spring")
