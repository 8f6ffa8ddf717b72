"""Claims read from single sentences (no parse needed): the figure, its tolerance, the
polarity of an outcome."""
import hashlib
import re

import pytest

from chronica.doc import Doc, Source
from chronica.extract import claims as C
from chronica.model import Mention

YEAR = 365.2425


def make_doc(text: str, people: tuple[str, ...] = ()) -> Doc:
    doc = Doc(Source("t.txt", text, hashlib.sha256(text.encode()).hexdigest(), "txt"))
    for name in people:
        for m in re.finditer(re.escape(name), text):
            doc.mentions.append(Mention(m.start(), m.end(), name, "PERSON", "person", entity=name.lower()))
    doc.mentions.sort(key=lambda m: m.start)
    return doc


@pytest.mark.parametrize("text, value, prop, days, approximate", [
    ("After nine months at Avignon Petrarch decided that the papal court had worn him out.", "nine months",
     "stay", 9 * YEAR / 12, False),
    ("Garibaldi would reside on the farm for three years.", "three years", "stay", 3 * YEAR, False),
    ("The journey to Tangier lasts twelve days.", "twelve days", "journey", 12, False),
    ("It was a voyage of ten days.", "ten days", "journey", 10, False),
    ("She died just over a week later at the clinic.", None, None, None, None),  # "later": a relative date
    ("Two days later, she sailed.", None, None, None, None),
    ("A few months into her captivity, she fell ill.", None, None, None, None),
    ("The revolt in Milan is remembered as the Five Days.", None, None, None, None),
    ("They lived with her for a couple years in the house.", "a couple years", "stay", 2.5 * YEAR, True),
    ("He stayed there for about six months.", "about six months", "stay", 6 * YEAR / 12, True),
])
def test_claims_duration(text, value, prop, days, approximate):
    found = C.duration_claims(make_doc(text))
    if value is None:
        assert found == []
        return
    (c,) = found
    assert (c.value, c.prop, c.approximate) == (value, prop, approximate)
    assert c.number == pytest.approx(days, rel=1e-3)
    assert c.low < c.number < c.high


def test_claims_duration_span_takes_the_place():
    text = "After nine months at Avignon Petrarch decided that the papal court had worn him out."
    doc = make_doc(text, ("Petrarch",))
    start = text.index("Avignon")
    doc.mentions.append(Mention(start, start + len("Avignon"), "Avignon", "LOC", "place", entity="avignon"))
    doc.mentions.sort(key=lambda m: m.start)
    (c,) = C.duration_claims(doc)
    assert c.span.text == "nine months at Avignon" and c.subject == "petrarch"


@pytest.mark.parametrize("text, person, age", [
    ("From the quarterdeck, forty-two-year-old Horatio Nelson reads the signal.", "Horatio Nelson", 42),
    ("His crew rests below deck, but the 51-year-old Magellan cannot rest.", "Magellan", 51),
    ("He is waving at Anna Weber - a 31-year-old Swiss printer.", "Anna Weber", 31),
    ("Darwin is in his greenhouse. Work has gone well for the now 55-year-old.", "Darwin", 55),
    ("At the age of 23, Bolivar joined the society.", "Bolivar", 23),
])
def test_claims_age(text, person, age):
    (c,) = C.age_claims(make_doc(text, (person,)))
    assert c.number == age and c.subject == person.lower()


@pytest.mark.parametrize("text, prop, number, low, high", [
    ("The captain rode out accompanied by 700 hired riders.", "rider", 700, 650, 750),
    ("The valley town, with its 12,000 residents, guarded the pass.", "resident", 12000, 11500, 12500),
    ("Danton, Desmoulins, and fourteen defendants stood trial.", "defendant", 14, 14, 14),
    ("An army of between 600 and 800 soldiers marched.", "soldier", 800, 600, 800),
])
def test_claims_count(text, prop, number, low, high):
    (c,) = C.count_claims(make_doc(text))
    assert (c.prop, c.number, c.low, c.high) == (prop, number, low, high)


@pytest.mark.parametrize("text, people, prop, polarity, subject", [
    ("Luckily, neither Mazzini nor his companions were harmed in the raid.", ("Mazzini",), "harmed", False, None),
    ("The convoy escaped lightly – only Bertha sustained an injury: a cut to the hand.", ("Bertha",),
     "harmed", True, "bertha"),
    ("None of the crew was hurt.", (), "harmed", False, None),
    ("Happily, the poison had lost its strength, and Mithridates survived.", ("Mithridates",), "killed", False,
     "mithridates"),
    ("The fever and exhaustion were too much for Byron to survive.", ("Byron",), "killed", True, "byron"),
])
def test_claims_outcome_polarity(text, people, prop, polarity, subject):
    found = [c for c in C.outcome_claims(make_doc(text, people)) if c.prop == prop]
    assert [(c.polarity, c.subject) for c in found] == [(polarity, subject)]


@pytest.mark.parametrize("text", [
    "Corday drove a knife into his chest, but failed to kill him outright.",
    "Tolstoy was survived by his wife, Sophia.",
    "Royal dragoons had orders to bring him back dead or alive.",
])
def test_claims_outcome_not_asserted(text):
    assert [c for c in C.outcome_claims(make_doc(text, ("Tolstoy", "Corday"))) if not c.polarity] == []


def test_claims_lifespan_gives_birth_year():
    doc = make_doc("He was survived by his granddaughter Clara (1931-2019), who kept the archive.", ("Clara",))
    born = [c for c in C.lifespan_claims(doc) if c.prop == "born"]
    assert [(c.value, c.subject) for c in born] == [("1931", "clara")]


def test_claims_in_refuted_myth_are_left_out():
    text = ("You may have heard the tale: Newton sat under a tree with 40 apples falling. "
            "But the apple part isn't true.\n\nNewton worked with 2 assistants.")
    counts = C.count_claims(make_doc(text))
    assert [c.number for c in counts] == [2]
