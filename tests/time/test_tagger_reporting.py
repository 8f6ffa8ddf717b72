"""Example table: quarters in financial news, narrative anchors on durations and refs,
and the word classes that are not time expressions."""
import datetime as dt

import pytest

from chronica.time import TimeTagger

_TAGGER = TimeTagger.load()
DCT = dt.date(1989, 10, 25)

NEWS = [
    # text, expression, value (news, DCT 1989-10-25)
    ("Profit rose in the third quarter.", "the third quarter", "1989-Q3"),
    ("Third-quarter profit rose 5%.", "Third-quarter", "1989-Q3"),
    ("Net fell in the quarter.", "the quarter", "1989-Q3"),
    ("Sales in the third quarter of 1990 may fall.", "the third quarter of 1990", "1990-Q3"),
    ("Profit rose in the third quarter, up from $10 million a year ago.", "a year ago", "1988-Q3"),
    ("Profit rose in the third quarter versus year-earlier profit of $3 million.", "year-earlier", "1988-Q3"),
    ("Sales were flat in the year-ago quarter.", "the year-ago quarter", "1988-Q3"),
    ("It charged $4 million in the 1988 second quarter.", "the 1988 second quarter", "1988-Q2"),
    ("Orders should pick up next quarter.", "next quarter", "1990-Q1"),
    ("Sales fell 3% from a year ago.", "a year ago", "1988"),  # no quarter named: a year
    # a passive's tense is its auxiliary's: "will be paid" is future, "was paid" past
    ("The bonus will be distributed in January to every member.", "January", "1990-01"),
    ("The bonus was distributed in January to every member.", "January", "1989-01"),
    ("The new bridge would be opened in March, the mayor hoped.", "March", "1990-03"),
    # -eed verbs and un-...-ed adjectives carry no past tense
    ("Ms. Lane will succeed the founder Feb. 1, the board said.", "Feb. 1", "1990-02-01"),
    ("Shares go to holders of record on a still unannounced day in December.", "December", "1989-12"),
    # no tense word at all: the nearer December, not last year's
    ("The vote of Dec. 12 decides the merger.", "Dec. 12", "1989-12-12"),
    # "last"/"next" never name the day the report is written on (DCT 1989-10-25 is a Wednesday)
    ("The fund said last Wednesday that it would close.", "last Wednesday", "1989-10-18"),
    # a plan in the past perfect lies behind: "had been due to close Monday"
    ("The offer had been due to close Monday but was extended.", "Monday", "1989-10-23"),
]


@pytest.mark.parametrize("text,expr,value", NEWS)
def test_tagger_reporting_news_quarter(text, expr, value):
    res = _TAGGER.tag(text, anchor=DCT, genre="news")
    assert (expr, value) in [(t.text, t.value) for t in res.timexes]


def test_tagger_reporting_quarter_bounds():
    t = _TAGGER.tag("Profit rose in the fourth quarter.", anchor=dt.date(1998, 1, 26), genre="news").timexes[0]
    assert (t.value, t.edtf, t.earliest, t.latest) == ("1997-Q4", "1997-36", "1997-10-01", "1997-12-31")


NARRATIVE_ANCHORS = [
    # text, expression, value, anchor: a duration/ref carries the narrative date it runs in
    ("In April 1940 Germany invaded. Norway was conquered within two months.", "two months", "P2M", "1940-04"),
    ("On 10 May 1940 they struck and won in a few days.", "a few days", "PXD", "1940-05-10"),
    ("In 1903 he met the former president.", "former", "PAST_REF", "1903"),
    ("In 1915 the recruits were 18 years old.", "18 years", "P18Y", None),  # an age
    ("In 1862 came the Seven Days Battles.", "Seven Days", "P7D", None),  # a name
    ("In 1917 the mills made 500 tons a day.", "a day", "P1D", None),  # a rate
    # a speaker's stretch of time, inside a quotation
    ('In March 1965 Ho warned: "if they want to make war for twenty years, we shall." Then',
     "twenty years", "P20Y", None),
    ("In 1965 came “a war of ten years”, he said.", "ten years", "P10Y", None),
]


@pytest.mark.parametrize("text,expr,value,anchor", NARRATIVE_ANCHORS)
def test_tagger_reporting_narrative_anchor(text, expr, value, anchor):
    found = {t.text: t for t in _TAGGER.tag(text).timexes}
    assert (found[expr].value, found[expr].anchor) == (value, anchor)


NOT_TIME = [
    ("the March to Versailles began", "March"),
    ("after the 1917 October Revolution he led", "October"),
    ("the Commune sent gangs to butcher 1400 victims.", "1400"),
    ("three quarters of the vote went to him", "quarters"),
    ("Earlier, the council had voted to close the bridge.", "Earlier"),  # names no placeable time
    # a march, not a month: a name before it, or "the" and a destination or the phrase's end
    ("The weavers set off on the Great March from the valley.", "March"),
    ("There was no fighting along the March.", "March"),
    ("The veterans joined the Hunger March, which reached the capital.", "March"),
    ('He called it his "March to the Coast".', "March"),
    ("The miners' March on the capital failed.", "March"),
    ("A second column crossed the ford at dusk.", "second"),  # the ordinal
    ("They mounted a second assault on the gate.", "second"),
]


@pytest.mark.parametrize("text,expr", [("He paused for a second.", "a second"),
                                        ("It lasted a second or two.", "a second"),
                                        ("A second later the bell rang.", "A second later")])
def test_tagger_reporting_a_second_of_time_is_kept(text, expr):
    assert expr in [t.text for t in _TAGGER.tag("In 1790 it rained. " + text).timexes]

MONTH_MARCH = [
    ("The March offensive stalled in the mud.", "March"),
    ("The rains came in March and again in the March of the next year.", "March"),
    ("He came home on Friday March 3.", "Friday March 3"),
]


@pytest.mark.parametrize("text,expr", MONTH_MARCH)
def test_tagger_reporting_march_the_month_is_kept(text, expr):
    assert expr in [t.text for t in _TAGGER.tag("In 1790 it rained. " + text).timexes]


def test_tagger_reporting_earlier_with_an_amount_is_an_offset():
    res = _TAGGER.tag("The council met on 4 May 1790; two years earlier it had banned fairs.")
    assert [(t.text, t.value) for t in res.timexes][-1] == ("two years earlier", "1788")


@pytest.mark.parametrize("text,word", NOT_TIME)
def test_tagger_reporting_not_time(text, word):
    assert not [t for t in _TAGGER.tag("In 1790 it rained. " + text).timexes if word in t.text]
