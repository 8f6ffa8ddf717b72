"""Views of one tagging result as an annotation scheme asks for it.

The engine resolves each expression once (``TagResult.timexes``: what a reader wants,
EDTF with bounds, "now" in a story = the story's date). Annotated benchmarks follow
guidelines that mark and value some things differently; those differences are tagger
behaviour, so they live here and ``chronica time --scheme`` prints them:

* ``chronica`` (default): the resolved expressions as the export stores them.
* both: named periods ("during the Second World War") are Chronica's reading of an
  event name, which neither guideline marks; they are left out.
* timex2: "the past decade", "the last three years" are stretches reaching the present
  (P1DE, P3Y), not the calendar decade or years.
* both: a clock time on a day ("11 a.m. on 11 November 1918") is two expressions.
* ``timex2`` (TIDES 2005 TIMEX2 guidelines, WikiWars): the full noun phrase is the extent
  ("two months of fierce fighting"); a range is two expressions; a winter the context
  dates is written with its January's year; "this period" is marked without a value; "now" and, in a
  narrative, "today" name the writer's present (PRESENT_REF); a recurrence of a calendar
  unit ("daily", "every week") is valued by the unit it repeats in (XXXX-XX-XX, SET=YES),
  the first or last stretch of a period ("the last week of August") is that stretch (P1W),
  a rate ("per day") stays a period; durations keep the unit the text uses (P18M).
* ``timex3`` (TimeML/TempEval-3): the core expression is the extent; a range is two
  expressions, an edge of a period ("the last week of May") its stretch and its period;
  ages ("a 40-year-old", "18 years old") and the adjectives "former"/"once" are not marked.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Timex
from . import cues
from .lexicon import compile_pattern
from .periods import is_named_period
from .tagger import TagResult

SCHEMES = ("chronica", "timex2", "timex3")

# TIMEX2 §5 (sets): a recurrence is valued by the calendar grain it repeats in
SET_GRAIN = {"P1D": "XXXX-XX-XX", "P1W": "XXXX-WXX", "P1M": "XXXX-XX", "P1Y": "XXXX"}
# the words below are data (lang/en/time/cues.yaml)
RATE = compile_pattern(r"(?:" + cues.alternation("rate_articles") + r")\s", re.I)  # "per day": a rate, no set
PRESENT_WORDS = cues.words("present_words")
UNVALUED_TIMEX2 = cues.words("timex2_unvalued")
TODAY_WORDS = cues.words("today_words")
AGE = compile_pattern(r"[\s-]*(?:" + cues.alternation("age_words") + r")\b")
UNMARKED_TIMEX3 = cues.words("timex3_unmarked")
ATTRIBUTIVE_TIMEX3 = cues.words("timex3_attributive")
ATTRIBUTIVE_NOUN = compile_pattern(r" (?!(?:" + cues.alternation("not_nouns") + r")\b)[a-z][a-z-]+")
STRETCH_UNIT = cues.table("stretch_units")
NUMBER_WORDS = cues.table("stretch_counts")
PAST_STRETCH = compile_pattern(
    r"(?:" + cues.alternation("stretch_openers") + r")\s+(?:(\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")\s+)?(" + "|".join(sorted(STRETCH_UNIT, key=len, reverse=True)) + r")s?$", re.I)
LATEST_YEAR = compile_pattern(r"(-?\d+)-")
CLOCK_ON_DAY = compile_pattern(r"(.*?(?:" + cues.alternation("clock_words") + r"))\s*,?\s+(?:"
                               + cues.alternation("day_joiners") + r")\s+(.+)$", re.I | re.S)


def view(res: TagResult, text: str, scheme: str = "chronica", genre: str = "narrative") -> list[Timex]:
    """The expressions of ``res`` as ``scheme`` marks and values them."""
    if scheme == "chronica":
        return list(res.timexes)
    if scheme == "timex2":
        edges = {s: dur.value for (s, _), (dur, _) in res.edge_parts.items()}
        return [past_stretch(timex2(x, genre, edges)) for t in res.timex2() if not is_named_period(t)
                for x in clock_and_day(t)]
    if scheme == "timex3":
        return [x for t in res.timex3() if timeml_marks(t, text) and not is_named_period(t)
                for x in clock_and_day(t)]
    raise ValueError(f"unknown scheme {scheme!r} (choose from {', '.join(SCHEMES)})")


def clock_and_day(t: Timex) -> tuple[Timex, ...]:
    """ "11 a.m. on 11 November 1918": both schemes mark the hour and the day apart."""
    m = CLOCK_ON_DAY.match(t.text) if t.type == "TIME" and "T" in t.value else None
    if m is None:
        return (t,)
    day_at = t.start + m.start(2)
    day = t.value.split("T")[0]
    return (replace(t, end=t.start + m.end(1), text=m[1]),
            replace(t, start=day_at, text=m[2], type="DATE", value=day, edtf=t.edtf.split("T")[0] if t.edtf else None))


def timex2(t: Timex, genre: str, edges: dict[int, str] | None = None) -> Timex:
    """One expression valued as TIMEX2 writes it."""
    word = t.text.lower()
    if edges and t.start in edges:  # "the last week of August": the stretch, anchored on August
        return replace(t, value=edges[t.start])
    if t.type == "DATE" and (word in PRESENT_WORDS or (genre != "news" and word in TODAY_WORDS)):
        return replace(t, value="PRESENT_REF")
    if word in UNVALUED_TIMEX2:  # "during this period": marked, not valued
        return replace(t, value=None)
    if t.type == "SET" and t.value in SET_GRAIN and not RATE.match(t.text):
        return replace(t, value=SET_GRAIN[t.value])
    return january_winter(t)


def january_winter(t: Timex) -> Timex:
    """A winter the context dates ("in December 1914 ... in winter") is written with the year
    of its January in TIMEX2 (1915-WI); a winter the text dates itself keeps the text's year."""
    if t.basis == "explicit" or not t.value.endswith("-WI") or not t.latest:
        return t
    m = LATEST_YEAR.match(t.latest)
    if m is None:
        return t
    year = int(m[1])  # astronomical: 0 is 1 BC
    return replace(t, value=(f"{year:04d}" if year > 0 else f"BC{1 - year:04d}") + "-WI")


def past_stretch(t: Timex) -> Timex:
    """ "the past decade", "the last three years": a stretch reaching the present (a duration)."""
    m = PAST_STRETCH.match(t.text) if t.type == "DATE" else None
    if m is None:
        return t
    n = NUMBER_WORDS.get(m[1].lower(), m[1]) if m[1] else "1"
    return replace(t, type="DURATION", value=f"P{n}{STRETCH_UNIT[m[2].lower()]}")


def timeml_marks(t: Timex, text: str) -> bool:
    """TimeML leaves ages, the adjectives "former"/"once", and "future"/"recent" before a
    noun ("future payments", "the recent talks": about four in five unmarked in TBAQ) alone."""
    if t.type == "DURATION" and AGE.match(text, t.end):
        return False
    word = t.text.lower()
    if word in ATTRIBUTIVE_TIMEX3 and ATTRIBUTIVE_NOUN.match(text, t.end):
        return False
    return word not in UNMARKED_TIMEX3
