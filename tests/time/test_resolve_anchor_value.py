"""Example tables: the value of the reference a relative expression was resolved against
(``Timex.anchor_value``), tense words that carry no tense, and what a report's "a year
earlier" compares with."""
import datetime as dt

import pytest

from chronica.time import TimeTagger

_TAGGER = TimeTagger.load()


def _find(res, expr):
    return next(t for t in res.timexes if t.text == expr)


ANCHOR_VALUES = [
    # text, expression, value, anchor_value (narrative, no DCT)
    ("On 9 July 1943 the Allies landed. Later that month the city fell.", "Later that month",
     "1943-07", "1943-07-09"),
    ("The siege began on 3 March 1861. Eight days later the fort surrendered.", "Eight days later",
     "1861-03-11", "1861-03-03"),
    ("In August 1918 the front broke. By October the army was in retreat.", "October",
     "1918-10", "1918-08"),
    ("In April 1940 Germany invaded. Norway was conquered within two months.", "two months",
     "P2M", "1940-04"),
    ("The war began in 1914.", "1914", "1914", None),  # explicit: resolved against nothing
]


@pytest.mark.parametrize("text,expr,value,anchor_value", ANCHOR_VALUES)
def test_resolve_anchor_value_narrative(text, expr, value, anchor_value):
    t = _find(_TAGGER.tag(text), expr)
    assert (t.value, t.anchor_value) == (value, anchor_value)


def test_resolve_anchor_value_news_is_dct():
    t = _find(_TAGGER.tag("Officials met yesterday.", anchor=dt.date(1998, 2, 6), genre="news"), "yesterday")
    assert (t.value, t.anchor_value) == ("1998-02-05", "1998-02-06")


WEEKDAYS = [
    # text, weekday, value (news; DCT given per row)
    ("More than 100 people were wounded in the blasts next to the embassies on Friday.",
     dt.date(1998, 8, 8), "Friday", "1998-08-07"),  # "next to" is no future
    ("Protesters planned a large rally in Little Havana on Saturday and were planning to drive "
     "around the airport on Monday.", dt.date(2000, 1, 7), "Monday", "2000-01-10"),
    ("The father would be traveling to the United States Thursday with his wife.",
     dt.date(2000, 4, 5), "Thursday", "2000-04-06"),  # "United" is no past verb
    ("The minister resigned on Tuesday.", dt.date(2000, 4, 5), "Tuesday", "2000-04-04"),
]


@pytest.mark.parametrize("text,dct,expr,value", WEEKDAYS)
def test_resolve_weekday_tense(text, dct, expr, value):
    assert _find(_TAGGER.tag(text, anchor=dct, genre="news"), expr).value == value


REPORT = [
    # text, expression, value (news, DCT 1989-10-26)
    ("Net rose in the third quarter from $5 million a year earlier.", "a year earlier", "1988-Q3"),
    ("Net rose in the third quarter. For the nine months, net was $9 million, compared with "
     "$7 million a year earlier.", "a year earlier", "1988"),
    ("Net rose in the third quarter. For the nine months, net rose from year-earlier profit "
     "of $2 million.", "year-earlier", "1988"),
    ("For the nine months, sales rose. In the third quarter, net rose from $5 million a year ago.",
     "a year ago", "1988-Q3"),  # the quarter named last governs again
]


@pytest.mark.parametrize("text,expr,value", REPORT)
def test_resolve_report_year_earlier(text, expr, value):
    assert _find(_TAGGER.tag(text, anchor=dt.date(1989, 10, 26), genre="news"), expr).value == value
