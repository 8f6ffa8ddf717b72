"""Full-phrase (TIMEX2) extents: an expression runs on with the complement that completes it."""
import pytest

PHRASES = [
    ("In 1943 came two months of fierce battles.", "two months", "two months of fierce battles"),
    ("Fort Sumter fell in 1861. Liberty Arsenal was seized eight days after Fort Sumter.",
     "eight days after", "eight days after Fort Sumter"),
    ("In 1968 little progress was made by the time Johnson left office.", "the time",
     "the time Johnson left office"),
    ("In 1939, at the same time as the battle in Poland, Japan attacked.", "the same time",
     "the same time as the battle in Poland"),
    ("In 1918 he was 18 years old.", "18 years", "18 years old"),
    ("It was 1916. He served for all the time claiming otherwise.", "the time", "the time"),
    # an article after a noun opens the next phrase: the complement stops before it
    ("The strike began on 2 May 1926. On the first day of the strike the trams stood still.",
     "the first day", "the first day of the strike"),
    ("In 1850 they spoke of the time of the flood the elders remembered.", "the time", "the time of the flood"),
]


@pytest.mark.parametrize("text,core,phrase", PHRASES)
def test_extend_phrase_runs_to_the_end_of_the_noun_phrase(tagger, text, core, phrase):
    res = tagger.tag(text)
    assert core in [t.text for t in res.timex3()]
    assert phrase in [t.text for t in res.timex2()]


@pytest.mark.parametrize("text,phrase,value,mod,bounds,core", [
    # an edge of a period is the interval it covers; TimeML marks the stretch and the period
    ("It was 1914. For the first ten months of 1915, they waited.", "the first ten months of 1915",
     "1915-01/1915-10", "START", ("1915-01-01", "1915-10-31"), ("the first ten months", "1915")),
    ("It was 1918. During the last week of August the pressure grew.", "the last week of August",
     "1918-08-25/1918-08-31", "END", ("1918-08-25", "1918-08-31"), ("the last week", "August")),
])
def test_extend_edge_of_a_period_is_its_interval(tagger, text, phrase, value, mod, bounds, core):
    res = tagger.tag(text)
    hit = [t for t in res.timex2() if t.text == phrase]
    assert hit and (hit[0].value, hit[0].mod) == (value, mod)
    assert (hit[0].earliest, hit[0].latest) == bounds
    assert set(core) <= {t.text for t in res.timex3()}


def test_extend_clock_time_takes_the_date_later_in_its_sentence(tagger):
    res = tagger.tag("It was 1990. At 5:34 AM Baghdad time on March 20, 2003 the invasion began.")
    assert [t.value for t in res.timexes if t.text == "5:34 AM"] == ["2003-03-20T05:34"]


def test_extend_past_perfect_date_does_not_move_the_reader(tagger):
    res = tagger.tag("In May 1944 troops that had invaded Burma in late 1943 besieged the town. By June, it fell.")
    assert [t.value for t in res.timexes if t.text == "June"] == ["1944-06"]
