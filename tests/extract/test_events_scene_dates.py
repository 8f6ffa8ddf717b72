"""Dates and places of clauses told in a scene (extract_events on small hand-made documents)."""
from __future__ import annotations

import hashlib
import re

import pytest

from chronica.doc import Doc, Source
from chronica.extract.events import find_events
from chronica.extract.events_lexicon import load_lexicon
from chronica.extract.events_when import date_anchors, same_day, tells_hour
from chronica.model import LocalEntity, Mention, PlaceRef, Sentence, Timex

FEATURES = {"Ruritania": ("country", "RU", "country:RU"), "Strelsau": ("city", "RU", "geo:1"),
            "Zenda": ("city", "RU", "geo:2"), "Lyon": ("city", "FR", "geo:3"),
            "Leipzig": ("city", "DE", "geo:4"), "Prague": ("city", "CZ", "geo:5")}


def make_doc(nlp, text: str, people=(), places=(), others=(), timexes=()) -> Doc:
    """A Doc with spaCy's parse and sentences, a mention for each occurrence of the
    names, and the given time expressions: (text, type, value, edtf, basis)."""
    doc = Doc(Source("t.txt", text, hashlib.sha256(text.encode()).hexdigest(), "txt"))
    doc.spacy = nlp(text)
    for s in doc.spacy.sents:
        a, b = s.start_char, s.end_char
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            doc.sentences.append(Sentence(a, b, "body"))
    for typ, names in (("person", people), ("place", places), ("other", others)):
        for name in names:
            key = "k_" + name.lower().replace(" ", "_")
            ent = LocalEntity(key, typ, name, [name])
            if typ == "place":
                feature, country, gid = FEATURES[name]
                ent.place = PlaceRef(gid, name, None, None, country=country, feature=feature,
                                     part_of=None if feature == "country" else f"country:{country}")
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
                ent.mentions.append(len(doc.mentions))
                doc.mentions.append(Mention(m.start(), m.end(), name, "X", typ, key))
            doc.entities.append(ent)
    doc.mentions.sort(key=lambda m: m.start)
    for ttext, typ, value, edtf, basis in timexes:
        for m in re.finditer(re.escape(ttext), text):
            lo, hi = _bounds(edtf)
            doc.timexes.append(Timex(m.start(), m.end(), ttext, typ, value, edtf, lo, hi, basis))
    doc.timexes.sort(key=lambda t: t.start)
    return doc


def _bounds(edtf: str) -> tuple[str, str]:
    if len(edtf) == 4:
        return f"{edtf}-01-01", f"{edtf}-12-31"
    if re.fullmatch(r"\d{4}-2[1-4]", edtf):  # a season
        return f"{edtf[:4]}-06-21", f"{edtf[:4]}-09-22"
    return edtf, edtf


def events_of(nlp, text, **kw):
    doc = make_doc(nlp, text, **kw)
    return doc, find_events(doc, load_lexicon(), nlp=nlp)


def _at(doc, events, words: str):
    i = doc.text.index(words)
    return next(e for e in events if e.evidence.start <= i < e.evidence.end)


# ---------------------------------------------------------------- scenes --

SCENE = ("On the evening of May 3, 1871, Rudolf entered the opera house in Strelsau. "
         "Rudolf sat down in the royal box.\n\n"
         "Rudolf jumped into a carriage and fled. Nine days later, Rudolf was arrested in Zenda.\n\n"
         "Rudolf was exiled to Lyon.")
SCENE_DATES = [("the evening of May 3, 1871", "TIME", "1871-05-03TEV", "1871-05-03", "explicit"),
               ("Nine days later", "DATE", "1871-05-12", "1871-05-12", "relative")]


@pytest.mark.parametrize("words, expected", [
    ("Rudolf jumped", "1871-05-03"),   # the next paragraph goes on with the evening's scene
    ("Nine days later", "1871-05-12"),
    ("Rudolf was exiled", "1871"),     # the scene ended with the new day: only the year is known
])
def test_events_scene_a_new_day_ends_the_scene(nlp, words, expected):
    doc, events = events_of(nlp, SCENE, people=["Rudolf"], places=["Strelsau", "Zenda", "Lyon"], timexes=SCENE_DATES)
    assert _at(doc, events, words).when.edtf == expected


HOURS = ("On 4 July 1899, Rudolf reached Strelsau. On that summer morning, Rudolf met the envoy.\n\n"
         "Rudolf later rode to the palace. Rudolf was wounded by a shot. Rudolf died shortly after.")


@pytest.mark.parametrize("words, expected", [
    ("Rudolf later rode", "1899-07-04"),   # a bare "later" in a scene told by the hour
    ("Rudolf died", "1899-07-04"),          # "shortly after" in such a scene: the same day
])
def test_events_scene_told_by_the_hour_keeps_its_day(nlp, words, expected):
    dates = [("4 July 1899", "DATE", "1899-07-04", "1899-07-04", "explicit"),
             ("that summer", "DATE", "1899-SU", "1899-22", "inferred")]
    doc, events = events_of(nlp, HOURS, people=["Rudolf"], places=["Strelsau"], timexes=dates)
    assert _at(doc, events, words).when.edtf == expected


def test_events_scene_shortly_after_outside_an_hourly_scene_is_the_month(nlp):
    text = "On 4 July 1899, Rudolf abdicated in Strelsau. Rudolf left Strelsau shortly after."
    doc, events = events_of(nlp, text, people=["Rudolf"], places=["Strelsau"],
                            timexes=[("4 July 1899", "DATE", "1899-07-04", "1899-07-04", "explicit")])
    assert _at(doc, events, "Rudolf left").when.edtf == "1899-07"


def test_events_scene_heading_line_glued_to_a_paragraph_ends_the_scene(nlp):
    text = ("At 9 a.m. on 4 July 1899, Rudolf reached Strelsau.\n\n"
            "The Aftermath\nRudolf was tried in Strelsau.")
    doc, events = events_of(nlp, text, people=["Rudolf"], places=["Strelsau"],
                            timexes=[("9 a.m. on 4 July 1899", "TIME", "1899-07-04T09:00", "1899-07-04", "explicit")])
    assert _at(doc, events, "Rudolf was tried").when.edtf == "1899"


@pytest.mark.parametrize("ttext, typ, value, after, expected", [
    ("that summer", "DATE", "1899-SU", " morning", True),   # the noun after the expression names an hour
    ("that summer", "DATE", "1899-SU", " the king", False),
    ("Earlier that day", "DATE", "1899-07-04", ",", True),
    ("10 a.m.", "TIME", "1899-07-04T10:00", "", True),
    ("1899", "DATE", "1899", "", False),
])
def test_events_scene_tells_hour(ttext, typ, value, after, expected):
    text = ttext + after
    t = Timex(0, len(ttext), ttext, typ, value, None, None, None)
    assert tells_hour(t, text) is expected


@pytest.mark.parametrize("clause, expected", [
    ("The twins both fell ill shortly after.", True),
    ("At once, the major leapt at him.", True),
    ("He left a year later.", False),
    ("The nightshade grew.", False),
])
def test_events_scene_same_day_cues(clause, expected):
    assert same_day(clause) is expected


def test_events_scene_stale_restatement_is_no_anchor(nlp):
    """"at the time" resolved against a stale year does not move the story back."""
    text = "On 4 July 1899, Rudolf reached Strelsau. He was young at the time. Nine days later he left."
    doc = make_doc(nlp, text, timexes=[("4 July 1899", "DATE", "1899-07-04", "1899-07-04", "explicit"),
                                       ("the time", "DATE", "1890", "1890", "inferred"),
                                       ("Nine days later", "DATE", "1899-07-13", "1899-07-13", "relative")])
    assert [w.edtf for _, w in date_anchors(doc)] == ["1899-07-04", "1899-07-13"]


def test_events_scene_now_after_a_flashback_is_an_anchor(nlp):
    text = "Years ago, Rudolf was a clerk. Now, Rudolf rides to Zenda."
    doc = make_doc(nlp, text, timexes=[("Years ago", "DATE", "1890", "1890", "relative"),
                                       ("Now", "DATE", "1899-07-04", "1899-07-04", "inferred")])
    assert [w.edtf for _, w in date_anchors(doc)] == ["1890", "1899-07-04"]


# ---------------------------------------------------------------- places --

@pytest.mark.parametrize("text, places, words, expected", [
    # a clause describing a noun tells what that thing wanted, not where the joining was
    ("Rudolf moved to Strelsau. In 1899, Rudolf joined the League, a club that hoped to liberate Ruritania.",
     ["Strelsau", "Ruritania"], "Rudolf joined", "Strelsau"),
    # ... but a clause describing the happening's own place locates it
    ("Rudolf lived in a small cottage, which still stands in Zenda.", ["Zenda"], "Rudolf lived", "Zenda"),
    # the goal of another verb, down a subordinate clause, is not the happening's goal
    ("Rudolf was arrested in Zenda. Rudolf was arrested, leading the king to send a note to Ruritania.",
     ["Zenda", "Ruritania"], "leading the king", "Zenda"),
    # a country and a city in it: the city
    ("Rudolf returned to Ruritania and found work with his uncle in Strelsau.", ["Ruritania", "Strelsau"],
     "Rudolf returned", "Strelsau"),
    # a country and a city elsewhere: the country stays
    ("Rudolf returned to Ruritania and wrote to his brother in Lyon.", ["Ruritania", "Lyon"],
     "Rudolf returned", "Ruritania"),
])
def test_events_place_of_the_happenings_own_clause(nlp, text, places, words, expected):
    doc, events = events_of(nlp, text, people=["Rudolf"], places=places)
    ev = _at(doc, events, words)
    assert (doc.entity(ev.where).name if ev.where else None) == expected


def test_events_place_named_in_the_happenings_name(nlp):
    text = "Rudolf was in Prague that year. Elsewhere, the Leipzig Trials began in 1921."
    doc, events = events_of(nlp, text, people=["Rudolf"], places=["Prague", "Leipzig"], others=["Leipzig Trials"],
                            timexes=[("1921", "DATE", "1921", "1921", "explicit")])
    ev = _at(doc, events, "Trials began")
    assert doc.entity(ev.where).name == "Leipzig"


def test_events_place_participant_whereabouts_carry_to_the_next_paragraph(nlp):
    text = "In 1907, Rudolf moved to Strelsau.\n\nIn 1912, Rudolf was expelled from school."
    doc, events = events_of(nlp, text, people=["Rudolf"], places=["Strelsau"],
                            timexes=[("1907", "DATE", "1907", "1907", "explicit"),
                                     ("1912", "DATE", "1912", "1912", "explicit")])
    ev = _at(doc, events, "expelled")
    assert doc.entity(ev.where).name == "Strelsau"
