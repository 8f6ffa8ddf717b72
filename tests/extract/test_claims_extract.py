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
    ("After eleven months at Elba Napoleon judged that France had had enough.", "eleven months", "stay",
     11 * YEAR / 12, False),
    ("Trotsky would reside here for three years in a villa.", "three years", "stay", 3 * YEAR, False),
    ("The journey to Kazakhstan lasts twelve days.", "twelve days", "journey", 12, False),
    ("It was a voyage of ten days.", "ten days", "journey", 10, False),
    ("He died just over a day later in hospital.", None, None, None, None),  # "later": a relative date
    ("Two days later, he landed.", None, None, None, None),
    ("A few months into his exile, he fell ill.", None, None, None, None),
    ("Napoleon's return ignited a new period known as the Hundred Days.", None, None, None, None),
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
    text = "After eleven months at Elba Napoleon judged that France had had enough."
    doc = make_doc(text, ("Napoleon",))
    doc.mentions.append(Mention(23, 27, "Elba", "LOC", "place", entity="elba"))
    doc.mentions.sort(key=lambda m: m.start)
    (c,) = C.duration_claims(doc)
    assert c.span.text == "eleven months at Elba" and c.subject == "napoleon"


@pytest.mark.parametrize("text, person, age", [
    ("From his office on board, thirty-eight-year-old Leon Trotsky reads the speech.", "Leon Trotsky", 38),
    ("His wife sleeps soundly beside him, but the 48-year-old Trotsky can't sleep.", "Trotsky", 48),
    ("He is smiling at Frank Jacson - a 26-year-old Canadian socialist.", "Frank Jacson", 26),
    ("Trotsky is in his study. Life has been pleasant for the now 60-year-old.", "Trotsky", 60),
    ("At the age of 19, Princip joined the group.", "Princip", 19),
])
def test_claims_age(text, person, age):
    (c,) = C.age_claims(make_doc(text, (person,)))
    assert c.number == age and c.subject == person.lower()


@pytest.mark.parametrize("text, prop, number, low, high", [
    ("He escaped accompanied by 700 loyal men.", "man", 700, 650, 750),
    ("The island, with its 12,000 inhabitants, lay off the coast.", "inhabitant", 12000, 11500, 12500),
    ("Himself, Lev, and fourteen defendants were accused.", "defendant", 14, 14, 14),
    ("An army of between 600 and 800 soldiers marched.", "soldier", 800, 600, 800),
])
def test_claims_count(text, prop, number, low, high):
    (c,) = C.count_claims(make_doc(text))
    assert (c.prop, c.number, c.low, c.high) == (prop, number, low, high)


@pytest.mark.parametrize("text, people, prop, polarity, subject", [
    ("Fortunately, neither Trotsky nor his family were harmed in the attack.", ("Trotsky",), "harmed", False, None),
    ("The family were lucky this time – only Seva sustained an injury: a shot to the foot.", ("Seva",),
     "harmed", True, "seva"),
    ("None of the crew was hurt.", (), "harmed", False, None),
    ("Fortunately, the pill's potency had weakened, and Napoleon survived.", ("Napoleon",), "killed", False,
     "napoleon"),
    ("The blood loss and shock was too much for Trotsky to survive.", ("Trotsky",), "killed", True, "trotsky"),
])
def test_claims_outcome_polarity(text, people, prop, polarity, subject):
    found = [c for c in C.outcome_claims(make_doc(text, people)) if c.prop == prop]
    assert [(c.polarity, c.subject) for c in found] == [(polarity, subject)]


@pytest.mark.parametrize("text", [
    "Mercader plunged an ice axe into his head, but failed to kill him instantly.",
    "Trotsky was survived by his wife, Natalia.",
    "Prussian troops had orders to capture him dead or alive.",
])
def test_claims_outcome_not_asserted(text):
    assert [c for c in C.outcome_claims(make_doc(text, ("Trotsky", "Mercader"))) if not c.polarity] == []


def test_claims_lifespan_gives_birth_year():
    doc = make_doc("He was survived by his grandson Seva (1926-2023), who kept the house.", ("Seva",))
    born = [c for c in C.lifespan_claims(doc) if c.prop == "born"]
    assert [(c.value, c.subject) for c in born] == [("1926", "seva")]


def test_claims_in_refuted_myth_are_left_out():
    text = ("You've probably heard the story: Princip was eating a sandwich with 300 friends. "
            "But the sandwich part isn't true.\n\nPrincip fired with 2 companions.")
    counts = C.count_claims(make_doc(text))
    assert [c.number for c in counts] == [2]
