"""Movable feasts: their day in a given year (Easter by the Gregorian computus)."""
import pytest

from chronica.time.moment import movable_day


@pytest.mark.parametrize("year,month,rule,expected", [
    (1916, None, "easter", "1916-04-23"),
    (2000, None, "easter", "2000-04-23"),
    (1998, None, "easter-2", "1998-04-10"),
    (1999, 11, "4 thu", "1999-11-25"),
    (1930, 5, "-1 mon", "1930-05-26"),
    (2024, 9, "1 mon", "2024-09-02"),
    (1998, 11, "1 tue+1mon", "1998-11-03"),
    (2022, 11, "1 tue+1mon", "2022-11-08"),
])
def test_moment_movable_feast_days(year, month, rule, expected):
    assert movable_day(year, month, rule).isoformat() == expected
