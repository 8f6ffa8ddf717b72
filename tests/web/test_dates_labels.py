import pytest

from chronica.web.dates import date_info, edtf_label, iso_key


@pytest.mark.parametrize("edtf,label", [
    ("1928-01-31", "31 Jan 1928"),
    ("1940-05", "May 1940"),
    ("1934", "1934"),
    ("1934~", "c. 1934"),
    ("1934?", "1934?"),
    ("1929/1933", "1929 – 1933"),
    ("192X", "1920s"),
    ("1918-24", "winter 1918"),
    ("1835-23", "autumn 1835"),
    ("../1917", "before 1917"),
    ("1962/..", "after 1962"),
    ("-0043-03-15", "15 Mar 44 BC"),
    ("", "undated"),
    ("not-a-date", "not-a-date"),
])
def test_dates_edtf_label(edtf, label):
    assert edtf_label(edtf) == label


def test_dates_negative_years_sort_before_positive():
    assert iso_key("-0043-03-15") < iso_key("0014-08-19") < iso_key("1934-09-01")


@pytest.mark.parametrize("when,period,overlaps", [
    ({"edtf": "1934-23", "earliest": "1934-09-01", "latest": "1934-11-30", "basis": "explicit"}, (1934, 1934), True),
    ({"edtf": "1929/1933", "earliest": "1929-01-01", "latest": "1933-12-31", "basis": "explicit"}, (1933, 1940), True),
    ({"edtf": "1929/1933", "earliest": "1929-01-01", "latest": "1933-12-31", "basis": "explicit"}, (1934, None), False),
    ({"edtf": "1940", "earliest": "1940-01-01", "latest": "1940-12-31", "basis": "inferred"}, (None, 1939), False),
])
def test_dates_overlap_period(when, period, overlaps):
    info = date_info(when)
    lo = (period[0], 1, 1) if period[0] is not None else None
    hi = (period[1], 12, 31) if period[1] is not None else None
    assert info.overlaps(lo, hi) is overlaps


def test_dates_range_and_guess_flags():
    season = date_info({"edtf": "1835-23", "earliest": "1835-09-01", "latest": "1835-11-30", "basis": "inferred"})
    day = date_info({"edtf": "1836-10-02", "earliest": "1836-10-02", "latest": "1836-10-02", "basis": "explicit"})
    assert season.is_range and season.guessed
    assert not day.is_range and not day.guessed
