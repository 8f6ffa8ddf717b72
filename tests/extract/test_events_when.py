"""The story's current date for a clause with no date of its own (events_when.inferred)."""
import pytest

from chronica.extract.events_when import duration_of, inferred, lasting
from chronica.model import When

DAY = When("1789-07-14", "1789-07-14", "1789-07-14", "explicit")
ANCHORS = [(100, DAY)]


@pytest.mark.parametrize("offset, near, scene_start, expected", [
    (300, False, 50, "1789-07-14"),   # same paragraph as a clause dated "that night, July 14, 1789": that day
    (300, False, 200, "1789"),        # a later paragraph: only the year is known
    (300, False, None, "1789"),       # time has passed ("Years later, ..."): the caller gives no scene
    (300, True, 50, "1789-07"),       # "shortly after": the month
])
def test_events_when_inferred_scene_keeps_the_day(offset, near, scene_start, expected):
    w = inferred(None, offset, ANCHORS, near=near, scene_start=scene_start)
    assert w.edtf == expected
    assert w.basis in ("inferred", "relative")


# ------------------------------------------------------------ durations --

@pytest.mark.parametrize("sentence, verb, start, expected", [
    ("The weaver would stay in Ghent for three years.", "stay", "1702", "1702/1705"),
    ("They spent the next year in a mountain village.", "spent", "1811", "1811/1812"),
    ("The abbot lived there for six months.", "lived", "1650", "1650/1651"),
    ("After hiding in a hayloft for two nights, the courier rode on.", "hiding", "1799-03-02",
     "1799-03-02/1799-03-04"),
    ("The rebels held the bridge for three days.", "held", "1799-03-02", "1799-03-02/1799-03-04"),
    ("The rebels held the bridge for a day.", "held", "1799-03-02", "1799-03-02"),
    ("The clerk waited for the coach.", "waited", "1760", None),
])
def test_events_when_duration_spans_from_story_date(nlp, sentence, verb, start, expected):
    tok = next(t for t in nlp(sentence) if t.text == verb)
    d = duration_of(tok)
    w = When(edtf=start, earliest=start if "-" in start else f"{start}-01-01",
             latest=start if "-" in start else f"{start}-12-31", basis="inferred")
    got = lasting(w, d).edtf if d else None
    assert got == expected


# ------------------------------------------------- untold years between --

Y1650 = When("1650", "1650-01-01", "1650-12-31", "explicit")
Y1651 = When("1651", "1651-01-01", "1651-12-31", "explicit")
Y1662 = When("1662", "1662-01-01", "1662-12-31", "explicit")


@pytest.mark.parametrize("anchors, para, expected", [
    ([(100, Y1650), (900, Y1662)], 400, "1650/1662"),  # a later paragraph, twelve years untold: both bounds
    ([(100, Y1650), (900, Y1662)], 50, "1650"),        # the paragraph that gave the year keeps it
    ([(100, Y1650), (900, Y1651)], 400, "1650"),       # a story told year by year keeps its year
    ([(100, Y1662), (900, Y1650)], 400, "1662"),       # the next date goes back: no bounds from it
    ([(100, Y1650)], 400, "1650"),                     # nothing named after it
])
def test_events_when_inferred_bounds_to_the_next_year(anchors, para, expected):
    w = inferred(None, 500, anchors, paragraph_start=para)
    assert w.edtf == expected
    assert w.basis == "inferred"


# ------------------------------------------------------------- BC days --

def test_events_when_bc_days_order_by_number_not_by_string():
    from chronica.extract.events_when import before, day_key
    assert day_key("-0310-12-31") == (-310, 12, 31)
    assert before("-0310-12-31", "-0299-01-01")  # 311 BC before 300 BC
    assert not before("-0299-01-01", "-0310-12-31")
    assert before("-0001-12-31", "0001-01-01") and not before(None, "0001-01-01")


def test_events_when_bc_duration_counts_years_forward():
    w = When("-0310", "-0310-01-01", "-0310-12-31", "inferred")
    from chronica.extract.events_when import Duration
    assert lasting(w, Duration(36, "months")).edtf == "-0310/-0307"


def test_events_when_bc_story_does_not_go_back_on_a_stale_restatement():
    from chronica.extract.events_when import _without_restatements
    from chronica.model import Timex
    from types import SimpleNamespace
    early = When("-0310", "-0310-01-01", "-0310-12-31", "explicit")
    later = When("-0299", "-0299-01-01", "-0299-12-31", "explicit")
    stale = When("-0310", "-0310-01-01", "-0310-12-31", "inferred")
    doc = SimpleNamespace(timexes=[Timex(900, 903, "now", "DATE", "BC0311", "-0310", "-0310-01-01",
                                         "-0310-12-31", "inferred", None, None)])
    pts = _without_restatements(doc, [(100, early), (500, later), (900, stale)])
    assert [w.edtf for _, w in pts] == ["-0310", "-0299"]


# ------------------------------------------- asides and the first date --

def _doc(text: str):
    import hashlib
    from chronica.doc import Doc, Source
    return Doc(Source("t.txt", text, hashlib.sha256(text.encode()).hexdigest(), "txt"))


def _timex(text: str, phrase: str, edtf: str):
    from chronica.model import Timex
    a = text.index(phrase)
    lo, hi = (f"{edtf}-01-01", f"{edtf}-12-31") if len(edtf) == 4 else (edtf, edtf)
    return Timex(a, a + len(phrase), phrase, "DATE", edtf, edtf, lo, hi, "explicit", None, None)


@pytest.mark.parametrize("text, expected", [
    # an alternative in brackets: the date outside them
    ("The fort fell on 3 May 1502 (or 9 June 1503), after a long siege.", "1502-05-03"),
    # a later title's date in brackets, nearer the verb than the clause's own date
    ("In 1466 the regent (crowned king in 1471) was routed at the ford.", "1466"),
    # only a bracketed date: it is the clause's date
    ("The town surrendered (1502) to the duke.", "1502"),
])
def test_events_when_bracketed_date_is_an_aside(text, expected):
    from chronica.extract.events_when import from_timexes
    import re
    found = [m.group(0) for m in re.finditer(r"\d{1,2} [A-Z][a-z]+ \d{4}|\b\d{4}\b", text)]
    found = [f for i, f in enumerate(found) if not any(f != g and f in g for g in found)]
    tx = [_timex(text, f, _iso(f)) for f in found]
    verb = re.search(r"fell|routed|surrendered", text).start()
    assert from_timexes(tx, verb, _doc(text)).edtf == expected


def _iso(phrase: str) -> str:
    import datetime as dt
    if len(phrase) == 4:
        return phrase
    return dt.datetime.strptime(phrase, "%d %B %Y").date().isoformat()


def test_events_when_before_the_first_date_is_on_or_before_it():
    text = "The envoys had quarrelled for months.\n\nAt last the treaty was signed in 1648."
    pts = [(text.index("1648"), Y1648)]
    w = inferred(_doc(text), 10, pts)
    assert (w.edtf, w.earliest, w.latest) == ("../1648", None, "1648-12-31")
    # the same paragraph as the first date: that year
    assert inferred(_doc(text), text.index("At last") + 2, pts).edtf == "1648"


Y1648 = When("1648", "1648-01-01", "1648-12-31", "explicit")


# ------------------------------------- how far the text carries a date --

Y1702 = When("1702", "1702-01-01", "1702-12-31", "explicit")
Y1716 = When("1716", "1716-01-01", "1716-12-31", "explicit")
NOW1702 = When("1702", "1702-01-01", "1702-12-31", "inferred")  # "now", resolved against 1702

STORY = ("In 1702 the guild elected a new master.\n\n"
         "He was a careful man.\n\n"
         "The weavers now marched on the town hall.\n\n"
         "In 1716 the hall burned.")


def test_events_when_date_carries_to_the_next_paragraph_only():
    doc = _doc(STORY)
    pts = [(STORY.index("1702"), Y1702), (STORY.index("1716"), Y1716)]
    careful = STORY.index("careful")
    para2 = STORY.index("He was")
    assert inferred(doc, careful, pts, paragraph_start=para2).edtf == "1702"
    marched = STORY.index("marched")
    para3 = STORY.index("The weavers")
    assert inferred(doc, marched, pts, paragraph_start=para3).edtf == "1702/1716"


def test_events_when_a_restating_now_does_not_renew_the_date():
    doc = _doc(STORY)
    now = STORY.index("now")
    pts = [(STORY.index("1702"), Y1702), (now, NOW1702), (STORY.index("1716"), Y1716)]
    marched = STORY.index("marched")
    assert inferred(doc, marched, pts, paragraph_start=STORY.index("The weavers")).edtf == "1702/1716"


def test_events_when_story_now_words_give_no_date_of_their_own():
    from chronica.extract.events_when import from_timexes
    from chronica.model import Timex
    text = "The weavers now marched on the town hall."
    now = Timex(12, 15, "now", "DATE", "1702", "1702", "1702-01-01", "1702-12-31", "inferred", None, None)
    assert from_timexes([now], 16, _doc(text)) is None
    that_year = Timex(0, 13, "That same year", "DATE", "1702", "1702", "1702-01-01", "1702-12-31",
                      "inferred", None, None)
    assert from_timexes([that_year], 16, _doc(text)).edtf == "1702"


def test_events_when_title_period_bounds_the_story_after_its_last_date():
    from chronica.model import Sentence
    text = ("THE GUILD WARS, 1702-1716\n\n"
            "In 1702 the guild elected a new master.\n\n"
            "He was a careful man.\n\n"
            "The weavers marched on the town hall.")
    doc = _doc(text)
    doc.sentences += [Sentence(0, 25, "heading"), Sentence(27, 66, "body")]
    period = When("1702/1716", "1702-01-01", "1716-12-31", "inferred")
    pts = [(16, period), (text.index("In 1702") + 3, Y1702)]
    marched = text.index("marched")
    assert inferred(doc, marched, pts, paragraph_start=text.index("The weavers")).edtf == "1702/1716"


def test_events_when_two_untold_years_widen_one_does_not():
    y1704 = When("1704", "1704-01-01", "1704-12-31", "explicit")
    y1703 = When("1703", "1703-01-01", "1703-12-31", "explicit")
    assert inferred(None, 500, [(100, Y1702), (900, y1704)], paragraph_start=400).edtf == "1702/1704"
    assert inferred(None, 500, [(100, Y1702), (900, y1703)], paragraph_start=400).edtf == "1702"


def test_events_when_a_far_date_the_story_does_not_follow_is_an_aside():
    from chronica.extract.events_when import _without_asides
    y1520 = When("1520", "1520-01-01", "1520-12-31", "explicit")
    c19 = When("18XX", "1800-01-01", "1899-12-31", "explicit")  # "a 19th-century painter"
    y1521 = When("1521", "1521-01-01", "1521-12-31", "explicit")
    after = When("1523", "1523-01-01", "1523-12-31", "relative")  # "two years later", from 1521
    kept = _without_asides([(10, y1520), (50, c19), (90, y1521), (120, after)])
    assert [w.edtf for _, w in kept] == ["1520", "1521", "1523"]
    # the story moves on to the far date: it is no aside
    y1580 = When("1580", "1580-01-01", "1580-12-31", "explicit")
    y1583 = When("1583", "1583-01-01", "1583-12-31", "explicit")
    assert len(_without_asides([(10, y1520), (50, y1580), (90, y1583)])) == 3
    # a far date near the end, counted on from ("buried in 106 AD ... three years later")
    y1106 = When("1106", "1106-01-01", "1106-12-31", "explicit")
    rel = When("1109", "1109-01-01", "1109-12-31", "relative")
    assert [w.edtf for _, w in _without_asides([(10, y1520), (50, y1106), (60, rel)])] == ["1520"]


def test_events_undated_birth_is_on_or_before_the_story_date():
    from chronica.extract.events_passes import undated_births
    from chronica.model import LocalEvent, Span
    story = When("1431", "1431-01-01", "1431-12-31", "inferred")
    own = When("1412", "1412-01-01", "1412-12-31", "explicit")
    born = LocalEvent("v0", "birth", "born", Span(0, 4, "Born"), None, story, [], None, 0.6)
    dated = LocalEvent("v1", "birth", "born", Span(0, 4, "Born"), None, own, [], None, 0.6)
    fought = LocalEvent("v2", "attack", "fought", Span(5, 9, "rode"), None, story, [], None, 0.6)
    out = undated_births([born, dated, fought])
    assert [e.when.edtf for e in out] == ["../1431", "1412", "1431"]


def test_events_when_immediately_after_a_year_is_bounded_like_any_undated_clause():
    # "immediately" narrows a stated day to its month; after a year told two
    # paragraphs back it says no more than an undated clause: bounds to the next year
    text = ("In 1702 the guild elected a new master.\n\n"
            "He was a careful man.\n\n"
            "The weavers immediately marched on the town hall.\n\n"
            "In 1716 the hall burned.")
    pts = [(3, Y1702), (text.index("1716"), Y1716)]
    marched = text.index("marched")
    w = inferred(_doc(text), marched, pts, near=True, paragraph_start=text.index("The weavers"))
    assert (w.edtf, w.basis) == ("1702/1716", "inferred")
    near_day = inferred(None, 300, ANCHORS, near=True)
    assert near_day.edtf == "1789-07"


def test_events_when_a_written_date_outweighs_a_counted_one():
    from dataclasses import replace as _r
    from chronica.extract.events_when import from_timexes
    text = "In the 3rd month (742), in the 5th year of her reign, the queen named an heir."
    written = _timex(text, "742", "0742")
    counted = _r(_timex(text, "in the 5th year of her reign", "0746"), basis="relative")
    named = text.index("named")
    assert from_timexes([written, counted], named, _doc(text)).edtf == "0742"
    assert from_timexes([counted], named, _doc(text)).edtf == "0746"
