"""Narrative time: bare dates take the year the story is in; relative ones are computed."""
from pathlib import Path

import pytest

from chronica.model import Timex

SCRIPT = (
    "Today is March 3rd, 1921: the exile begins.\n\n"
    "It's June 1906 in a tavern near Geneva. Ivo deals the cards.\n\n"
    "It's the winter of 1911; ten years before he will be exiled. Four years after he gives this lecture, "
    "the war ends.\n\n"
    "It's the morning of February 14th, 1921 in Lisbon. The household must leave "
    "tomorrow morning. As expected, two days later, soldiers knock at the gate. "
    "The voyage lasts fourteen days. On March 3rd, 1921, they land.\n\n"
    "It's May 9th, 1933 in Buenos Aires; twelve years after the council sent him into exile. "
    "Just a few weeks ago, a storm flooded the harbour. He will sail the following day.\n\n"
    "Next time: October 1st, 1927."
)


def _by_text(res, text: str) -> Timex:
    hits = [t for t in res.timexes if t.text == text]
    assert hits, [(t.text, t.value) for t in res.timexes]
    return hits[0]


@pytest.mark.parametrize("expr,value,basis", [
    ("June 1906", "1906-06", "explicit"),
    ("the winter of 1911", "1911-WI", "explicit"),
    ("ten years before", "1911", "relative"),
    ("Four years after", "1915", "relative"),
    ("the morning of February 14th, 1921", "1921-02-14TMO", "explicit"),
    ("tomorrow morning", "1921-02-15TMO", "relative"),
    ("two days later", "1921-02-17", "relative"),
    ("fourteen days", "P14D", "explicit"),
    ("twelve years after", "1933", "relative"),
    ("the following day", "1933-05-10", "relative"),
    ("October 1st, 1927", "1927-10-01", "explicit"),
])
def test_narrative_script_dates(tagger, expr, value, basis):
    t = _by_text(tagger.tag(SCRIPT), expr)
    assert (t.value, t.basis) == (value, basis)


def test_narrative_event_anchor_is_recorded(tagger):
    t = _by_text(tagger.tag(SCRIPT), "ten years before")
    assert "March 3rd, 1921" in t.anchor


def test_narrative_flashback_is_approximate_and_does_not_move_the_present(tagger):
    res = tagger.tag(SCRIPT)
    ago = _by_text(res, "Just a few weeks ago")
    assert ago.mod == "APPROX" and ago.edtf.endswith("~")
    assert "1933-03-25" <= ago.earliest <= ago.latest <= "1933-04-25"
    assert _by_text(res, "the following day").value == "1933-05-10"


def test_narrative_bare_date_takes_the_current_year_not_a_later_one(tagger):
    text = "In June 1906 he was in Geneva. On October 12th he left. In 1910 came the revolution."
    assert _by_text(tagger.tag(text), "October 12th").value == "1906-10-12"
    assert _by_text(tagger.tag(text), "October 12th").basis == "inferred"


def test_narrative_heading_scopes_the_section(tagger):
    text = "Sicily, 1860-1862\n\nHe landed in February. That autumn he rested.\n\nCaprera, 1862-64\n\nIn July he sailed."
    res = tagger.tag(text)
    assert _by_text(res, "February").value == "1860-02"
    assert _by_text(res, "That autumn").value == "1860-FA"
    assert _by_text(res, "July").value == "1862-07"
    starts = [o for o, _ in res.narrative_time]
    assert starts == sorted(starts) and 0 in starts
    assert res.narrative_time[0][1].edtf == "1860/1862" and res.narrative_time[0][1].basis == "inferred"


def test_narrative_explicit_headings_are_used(tagger):
    text = "Rome, 1848-1849\n\nIn May the French attacked."
    res = tagger.tag(text, headings=[(0, 15)])
    assert _by_text(res, "May").value == "1848-05"


def test_narrative_news_genre_anchors_on_dct(tagger):
    import datetime as dt
    res = tagger.tag("Officials said on Tuesday that last year was bad; two weeks ago it rained.",
                     anchor=dt.date(2013, 3, 21), genre="news")
    assert _by_text(res, "Tuesday").value == "2013-03-19"
    assert _by_text(res, "last year").value == "2012"
    assert _by_text(res, "two weeks ago").value == "2013-03-07"


SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


@pytest.mark.shared
@pytest.mark.parametrize("name,expr,value", [
    ("001_bf42027c87447ce1.txt", "the winter of 1918", "1918-WI"),
])
def test_narrative_seed_podcast(tagger, name, expr, value):
    path = SEEDS / name
    if not path.exists():
        pytest.skip("../shared/seeds not available")
    text = path.read_text(encoding="utf-8")
    res = tagger.tag(text)
    got = {t.text: t.value for t in res.timexes}
    assert got[expr] == value
    assert got["ten years before"] == "1918"
    assert got["Four years after"] == "1922"
    # "due to leave tomorrow morning" is a plan: the scene stays on the 16th, so the
    # police come two days after it
    assert got["tomorrow morning"] == "1928-01-17TMO"
    assert got["This morning"] == "1928-01-16TMO"
    assert got["two days later"] == "1928-01-18"
    assert got["twelve years after"] == "1940"
    assert got["the following day"] == "1940-08-21"
    for t in res.timexes:
        assert text[t.start:t.end] == t.text


def test_narrative_seed_blog(tagger):
    path = SEEDS / "000_5ca56a9655264278.txt"
    if not path.exists():
        pytest.skip("../shared/seeds not available")
    text = path.read_text(encoding="utf-8")
    res = tagger.tag(text)
    got = {t.text: t for t in res.timexes}
    assert got["late 1934"].edtf == "1934-09/1934-12"
    assert got["just over a day later"].value == "1940-08-21"
    assert got["the end of the 1920s"].edtf == "1927/1929"
    assert got["1929-1933"].edtf == "1929/1933"
    assert got["1926-2023"].edtf == "1926/2023"


@pytest.mark.parametrize("text,expr,value", [
    # a date in a relative clause describes a noun, it does not move the story
    ("In 1919 the treaty was signed. The League of Nations, which Germany joined in 1926, kept the peace. "
     "In June the delegates sailed.", "June", "1919-06"),
    # an attributive year ("the 1614 rules") or a comparison ("as in 1614") neither
    ("In 1789 the Estates met as in 1614. The 1614 rules differed. In June they met.", "June", "1789-06"),
    # with no date yet, a bracketed year dates the story
    ("He was beaten at Poltava (1709). In June he fled south.", "June", "1709-06"),
    # "that year" is the year last mentioned, even one that did not move the story
    ("On May 11, 1941, the raids ended. The war was stalemated by 1940. In August of that year, "
     "the communists attacked.", "August of that year", "1940-08"),
    # "now" in the writer's present vs the story's
    ("In March 1776 they went through what is now Maine.", "now", "PRESENT_REF"),
    ("In March 1776 the artillery now overlooked the harbour.", "now", "1776-03"),
    ("In June 1775 they took the now-famous hill.", "now", "PRESENT_REF"),
    # the story's weekday may be the day it is on; a long past-perfect aside does not move it
    ("The fleet sailed on 7 December 1941. Shortly before 8 a.m. on Sunday, the planes struck.",
     "8 a.m. on Sunday", "1941-12-07T08:00"),
    ("The envoy landed at the port on 3 May 1852. His brother had been the target of a failed "
     "ambush by a band of rebels in 1849. At 9:40 a.m. the envoy rode inland.",
     "9:40 a.m.", "1852-05-03T09:40"),
    # an offset set off after a written date restates it; a compound offset counts in the
    # finer unit from the event it names; a model's name holds no year
    ("On 2 March 1790 the fortress fell. In 1791 he was tried. He died on 9 July 1792, "
     "two years and four months after the surrender of the fortress.", "two years and four months after",
     "1792-07-09"),
    ("On 2 March 1790 the fortress surrendered. Years passed.[3] He died two years and four "
     "months after the surrender.", "two years and four months after", "1792-07"),
    ("On 2 March 1790 she raised her rifle, a Mark 1785, and fired. She was twenty at the time.",
     "the time", "1790-03-02"),
    ("On 2 March 1790 the ships docked. On that winter morning, crowds lined the quay.",
     "that winter morning", "1790-03-02TMO"),
    # "the next spring" after December is the spring of the new year
    ("In December 1777 the army camped. The next spring, it marched.", "The next spring", "1778-SP"),
    ("In March 1777 they camped. The previous winter had been hard.", "The previous winter", "1776-WI"),
    # a staged present ("It's ...") makes a present-tense "now" the scene's time, but a
    # naming ("what is now ...") stays the writer's present
    ("It's May 3rd, 1821 on the island. The now ailing emperor stays in bed.", "now", "1821-05-03"),
    ("It's May 3rd, 1821. His room is now full of doctors.", "now", "1821-05-03"),
    ("It's May 3rd, 1821. He sails for what is now Ghana.", "now", "PRESENT_REF"),
    ("On May 3rd, 1821 the emperor died. The now famous house is a museum.", "now", "PRESENT_REF"),
    # "of 1915" after a stretch of time is the story's year
    ("Serbia held out to the end of 1914. For the first ten months of 1915, Austria fought Italy. "
     "The attack began in October.", "October", "1915-10"),
    # a backward look ("the previous year") does not move the story
    ("In early January 1942 Japan won at Changsha. They kept the gains of the previous year. "
     "In January, the Germans attacked.", "January", "1942-01"),
    # a bare season or month takes the year written a few words on in its clause
    ("In 1941 they rested. Both sides spent the spring and early summer of 1943 preparing.",
     "the spring", "1943-SP"),
    ("In 1941 they rested. They launched their summer offensive in June 1942, to seize the oil.",
     "summer", "1942-SU"),
    ("In 2009 the toll fell to its lowest level in November since the 2003 invasion.", "November", "2009-11"),
    # a comma-set preposition belongs to the past-perfect clause before it
    ("In 1788 the King agreed. On the last occasion the Estates had met, in 1614, each voted. "
     "On 27 December he yielded.", "27 December", "1788-12-27"),
    # a dated noun names a thing ("the May 2007 high"); an open stretch is no point
    ("In late April 2008 bombings rose, surpassing the May 2007 high. In early May, they fled.",
     "early May", "2008-05"),
    ("In December 2008 Gates predicted that after 2011 he would expect peace. In March they voted.",
     "March", "2008-03"),
    # a dated aside that steps back does not pull the story's next yearless date back with it
    ("The siege began on 2 March 1855. The forts fell on 9 March. A truce was signed at a "
     "congress on 5 November 1854. The relief army arrived on 12 July.", "12 July", "1855-07-12"),
    ("The siege began on 2 March 1855. A treaty was signed on 5 November 1854. The envoys met on "
     "9 December.", "9 December", "1854-12-09"),
    # a new section's heading ends the aside
    ("The siege began on 2 March 1855. A treaty was signed on 5 November 1854.\n\n1853\n\n"
     "In July the envoys met.", "July", "1853-07"),
])
def test_narrative_reader_present(tagger, text, expr, value):
    assert _by_text(tagger.tag(text), expr).value == value


@pytest.mark.parametrize("text,dct,expr,value", [
    # past-tense reporting: the weekday before the document date, even with "would" after it
    ("The ambassador said on Tuesday that Iraq would retaliate.", (1990, 8, 16), "Tuesday", "1990-08-14"),
    # the future: the next such weekday
    ("The monarch will meet Bush on Thursday in Maine.", (1990, 8, 8), "Thursday", "1990-08-09"),
    ("The store was robbed at 10 p.m. Wednesday, police said.", (1998, 2, 12), "10 p.m. Wednesday", "1998-02-11T22:00"),
    ("Talks broke off at noon Thursday.", (1998, 2, 13), "noon Thursday", "1998-02-12T12:00"),
    # the tense marker nearest the expression decides, not any marker in the sentence
    ("Since the decision was announced Wednesday, they have said they will appeal.", (2000, 1, 7),
     "Wednesday", "2000-01-05"),
    ("The father could come to the U.S. from Cuba as early as Tuesday.", (2000, 4, 3), "Tuesday", "2000-04-04"),
    # a month after the document date: forward when payable/effective/expected
    ("The board declared a dividend payable Dec. 7 to holders of record.", (1989, 10, 26), "Dec. 7", "1989-12-07"),
    ("The company said it had acquired the bank in March.", (1990, 8, 13), "March", "1990-03"),
])
def test_narrative_news_weekday_follows_tense(tagger, text, dct, expr, value):
    import datetime as dt
    res = tagger.tag(text, anchor=dt.date(*dct), genre="news")
    assert _by_text(res, expr).value == value


def test_narrative_napoleon_present_is_not_a_later_development(tagger):
    path = SEEDS.parent / "eval" / "texts" / "02_napoleon-hundred-days-wells.txt"
    if not path.exists():
        pytest.skip("../shared/eval not available")
    text = path.read_text(encoding="utf-8")
    res = tagger.tag(text)
    years = {w.edtf for _, w in res.narrative_time}
    assert "1818" not in years and "1822" not in years
    assert res.narrative_time and res.narrative_time[0][1].edtf == "1815"
