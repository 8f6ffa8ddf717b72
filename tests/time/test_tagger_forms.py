"""Example table: every form the engine must read, with value, EDTF, bounds and mod."""
import pytest

FORMS = [
    # text, expression, type, value, edtf, earliest, latest, mod
    ("It happened on January 31st, 1928.", "January 31st, 1928", "DATE", "1928-01-31", "1928-01-31", "1928-01-31", "1928-01-31", None),
    ("He left on 31 January 1928.", "31 January 1928", "DATE", "1928-01-31", "1928-01-31", "1928-01-31", "1928-01-31", None),
    ("The treaty was sealed on 4 July, 1776, in the hall.", "4 July, 1776", "DATE", "1776-07-04", "1776-07-04", "1776-07-04", "1776-07-04", None),
    ("Filed 1928-01-31.", "1928-01-31", "DATE", "1928-01-31", "1928-01-31", "1928-01-31", "1928-01-31", None),
    ("In May 1940 the panzers advanced.", "May 1940", "DATE", "1940-05", "1940-05", "1940-05-01", "1940-05-31", None),
    ("He was exiled in 1929.", "1929", "DATE", "1929", "1929", "1929-01-01", "1929-12-31", None),
    ("Rome fell in 146 BC.", "146 BC", "DATE", "BC0146", "-0145", "-0145-01-01", "-0145-12-31", None),
    ("Augustus died in AD 14.", "AD 14", "DATE", "0014", "0014", "0014-01-01", "0014-12-31", None),
    ("Born in 480 BCE.", "480 BCE", "DATE", "BC0480", "-0479", "-0479-01-01", "-0479-12-31", None),
    ("the 1920s were loud", "the 1920s", "DATE", "192", "192X", "1920-01-01", "1929-12-31", None),
    ("in the late 1920s", "the late 1920s", "DATE", "192", "1927/1929", "1927-01-01", "1929-12-31", "END"),
    ("By the end of the 1880s, Van Gogh", "the end of the 1880s", "DATE", "188", "1887/1889", "1887-01-01", "1889-12-31", "END"),
    ("in the early 1800s", "the early 1800s", "DATE", "18", "1800/1833", "1800-01-01", "1833-12-31", "START"),
    ("in the 19th century", "the 19th century", "DATE", "18", "18XX", "1800-01-01", "1899-12-31", None),
    ("in the winter of 1909 it snowed", "the winter of 1909", "DATE", "1909-WI", "1909-24", "1909-12-01", "1910-02-28", None),
    ("murdered in late 1934.", "late 1934", "DATE", "1934", "1934-09/1934-12", "1934-09-01", "1934-12-31", "END"),
    ("by mid-1937 it was over", "mid-1937", "DATE", "1937", "1937-05/1937-08", "1937-05-01", "1937-08-31", "MID"),
    ("married at the end of 1840.", "the end of 1840", "DATE", "1840", "1840-09/1840-12", "1840-09-01", "1840-12-31", "END"),
    ("He lived there 1929-1933.", "1929-1933", "DATE", "1929/1933", "1929/1933", "1929-01-01", "1933-12-31", None),
    ("France, 1929–33", "1929–33", "DATE", "1929/1933", "1929/1933", "1929-01-01", "1933-12-31", None),
    ("from 1929 to 1933 he wrote", "from 1929 to 1933", "DATE", "1929/1933", "1929/1933", "1929-01-01", "1933-12-31", None),
    ("It was quiet between May and July 1940.", "between May and July 1940", "DATE", "1940-05/1940-07", "1940-05/1940-07", "1940-05-01", "1940-07-31", None),
    ("the Battle of Triangle Hill (14 October - 25 November 1952)", "14 October - 25 November 1952", "DATE", "1952-10-14/1952-11-25", "1952-10-14/1952-11-25", "1952-10-14", "1952-11-25", None),
    ("in the invasion phase (March 19-April 30, 2003)", "March 19-April 30, 2003", "DATE", "2003-03-19/2003-04-30", "2003-03-19/2003-04-30", "2003-03-19", "2003-04-30", None),
    ("her nephew Oskar (1926-2023) ran it", "1926-2023", "DATE", "1926/2023", "1926/2023", "1926-01-01", "2023-12-31", None),
    ("He stayed for three years.", "three years", "DURATION", "P3Y", None, None, None, None),
    ("The journey lasts twelve days.", "twelve days", "DURATION", "P12D", None, None, None, None),
    ("He spent nineteen years in prison.", "nineteen years", "DURATION", "P19Y", None, None, None, None),
    ("It happens every day.", "every day", "SET", "P1D", None, None, None, None),
    ("It was 10 p.m. in Moscow.", "10 p.m.", "TIME", "XXXX-XX-XXT22:00", None, None, None, None),
    ("It was dated before 1917.", "1917", "DATE", "1917", "../1917", None, "1917-12-31", "BEFORE"),
    ("It was about 1934.", "about 1934", "DATE", "1934", "1934~", "1934-01-01", "1934-12-31", "APPROX"),
]


@pytest.mark.parametrize("text,expr,typ,value,edtf,earliest,latest,mod", FORMS, ids=[f[1] for f in FORMS])
def test_tagger_form(tagger, text, expr, typ, value, edtf, earliest, latest, mod):
    res = tagger.tag(text)
    hits = [t for t in res.timexes if t.text == expr]
    assert len(hits) == 1, [(t.text, t.value) for t in res.timexes]
    t = hits[0]
    assert text[t.start:t.end] == t.text
    assert (t.type, t.value, t.edtf, t.earliest, t.latest, t.mod) == (typ, value, edtf, earliest, latest, mod)
    assert t.basis == "explicit"


NOT_YEARS = [
    "The army had 1500 men and 2000 horses.",
    "See page 1934 of the report.",
    "It cost $1929 in all.",
    "They lived at No. 1917 Main Street.",
    "About 1,940 soldiers died.",
    "The shell weighed 1930 kg.",
    "The score was 19:30 at the end.",
]

NOT_TIMES = [
    ("Necker convened a Second Assembly of the Notables.", "a Second"),
    ("At once, Captain Howard sprang to his feet.", "once"),
    ("It was once a fortress.", "once"),
    ("The rebels soon took the fort.", "soon"),
    ("As previously agreed, the troops withdrew.", "previously"),
]


@pytest.mark.parametrize("text,words", NOT_TIMES)
def test_tagger_names_and_idioms_are_not_times(tagger, text, words):
    assert words not in [t.text for t in tagger.tag(text).timexes]


@pytest.mark.parametrize("text", NOT_YEARS)
def test_tagger_counts_are_not_years(tagger, text):
    years = [t for t in tagger.tag(text).timexes if t.type == "DATE" and t.value[:2] in ("19", "15", "20")]
    assert years == [] or all(t.value.startswith("XXXX") for t in years), [(t.text, t.value) for t in years]


def test_tagger_offsets_are_code_points(tagger):
    text = "The poet’s “exile” — it began on January 31st, 1908 — ended in 1917."
    for t in tagger.tag(text).timexes:
        assert text[t.start:t.end] == t.text
    assert [t.value for t in tagger.tag(text).timexes] == ["1908-01-31", "1917"]


def test_tagger_range_splits_into_timex_ends(tagger):
    res = tagger.tag("Norway, 1935-37")
    assert [(t.text, t.value) for t in res.timex3()] == [("1935", "1935"), ("37", "1937")]
