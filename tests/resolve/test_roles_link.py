"""Role descriptions: a role the text gives one person, used later as a name."""
from __future__ import annotations

import pytest

from chronica.resolve.aliases import chain
from chronica.resolve.roles import attach_roles, descriptors, prefix

from resolve.marked import marked_doc


def linked(marked: str):
    doc = marked_doc(marked)
    doc.entities = chain(doc)
    attach_roles(doc)
    return doc


def entity_of(doc, text: str) -> str | None:
    return next((m.entity for m in doc.mentions if m.text == text), None)


@pytest.mark.parametrize("marked, description, name", [
    # apposition, then a definite description with the nationality as its head
    ("[Jean Dupont], a 31-year-old Belgian engraver, rented a room. Later the quiet Belgian left.",
     "the quiet Belgian", "Jean Dupont"),
    # the occupation noun of the apposition
    ("[Jean Dupont], a 31-year-old Belgian engraver, rented a room. Years later the engraver died.",
     "the engraver", "Jean Dupont"),
    # predicate nominal
    ("[Maria Oswald] was a celebrated architect. Many admired this architect.",
     "this architect", "Maria Oswald"),
    # a role written before the name
    ("The bridge was opened by sculptor [Ines Varga] in May. The sculptor spoke briefly.",
     "The sculptor", "Ines Varga"),
    # a description right before the name it introduces
    ("At dinner sat the ambassador, [Piet Hollander]. Nobody spoke.", "the ambassador", "Piet Hollander"),
])
def test_roles_link_description(marked, description, name):
    doc = linked(marked)
    assert entity_of(doc, description) is not None
    assert entity_of(doc, description) == entity_of(doc, name)


@pytest.mark.parametrize("marked, description", [
    # two people share the role: unsure, nothing linked
    ("[Ada Marsh] was a painter. [Bea Stone] was a painter too. The painter left.", "The painter"),
    # an adjective, not a noun: "the revolutionary calendar"
    ("[Ada Marsh] was a revolutionary. She kept the revolutionary Calendar.", "the revolutionary"),
    # a role nobody was given and no main person just named
    ("[Ada Marsh] sang. The driver waited.", "The driver"),
])
def test_roles_link_keeps_apart(marked, description):
    doc = linked(marked)
    assert entity_of(doc, description) is None


def test_roles_link_epithet_to_main_person():
    marked = ("[Ada Marsh] wrote. [Ada Marsh] spoke. [Marsh] left. [Marsh] returned. [Marsh] slept. "
              "[Bea Stone] visited. Crowds cheered [Marsh]. They greeted the tireless dissident.")
    doc = linked(marked)
    assert entity_of(doc, "the tireless dissident") == entity_of(doc, "Ada Marsh")


@pytest.mark.parametrize("description", ["the old chief", "the Swedish commander"])
def test_roles_link_ruler_epithet_to_main_person(description):
    marked = ("[Gunnar] led the fleet. [Gunnar] burned the towns. [Gunnar] took the isle. "
              f"[Gunnar] crossed the sea. [Gunnar] came home in 1062. Later {description} made peace.")
    doc = linked(marked)
    assert entity_of(doc, description) == entity_of(doc, "Gunnar")


def test_roles_link_epithet_as_a_role_given_is_not_the_main_person():
    marked = ("[Gunnar] led the fleet. [Gunnar] burned the towns. [Gunnar] took the isle. "
              "[Gunnar] crossed the sea. [Gunnar] recognised [Ulf] as the new Swedish leader.")
    doc = linked(marked)
    assert entity_of(doc, "the new Swedish leader") is None


def test_roles_link_epithet_needs_main_person_named_just_before():
    marked = ("[Ada Marsh] wrote. [Ada Marsh] spoke. [Marsh] left. [Marsh] returned. [Marsh] slept. "
              "Rain fell. [Bea Stone] stood up and they greeted the tireless dissident.")
    doc = linked(marked)
    assert entity_of(doc, "the tireless dissident") is None


def test_roles_link_epithet_after_only_a_possessor():
    # a new paragraph opens with a possessor only: the description is the main person
    marked = ("[Ada Marsh] wrote. [Ada Marsh] spoke. [Marsh] left. [Marsh] returned. [Marsh] slept.\n"
              "== Exile\n"
              "[Bea Stone]’s rival was sent abroad, and Turkey took in the ageing dissident.")
    doc = linked(marked)
    assert entity_of(doc, "the ageing dissident") == entity_of(doc, "Ada Marsh")


@pytest.mark.parametrize("marked, description, name", [
    # a title that is a role: "Vice President X" is the vice president
    ("[Vice President Tom Hale] slept. [Ann Roe] watched the door of the vice president.",
     "the vice president", "Vice President Tom Hale"),
])
def test_roles_link_title_holder(marked, description, name):
    doc = linked(marked)
    assert entity_of(doc, description) is not None
    assert entity_of(doc, description) == entity_of(doc, name)


def test_roles_link_title_holder_named_just_before():
    # several sultans in the text; only one named in the sentences before the description
    doc = linked("[Sultan Orhan] built a mosque. It burned. Rain fell. Weeks passed. Nobody came. "
                 "[Sultan Selim] rode out in spring. The sultan reached the river.")
    assert entity_of(doc, "The sultan") == entity_of(doc, "Sultan Selim")


def test_roles_link_title_holders_two():
    doc = linked("[President Tom Hale] met [President Ann Roe]. Later the president left.")
    assert entity_of(doc, "the president") is None


@pytest.mark.parametrize("marked, name, alias", [
    ("The hall was opened by sculptor [Ines Varga] in May.", "Ines Varga", "sculptor Ines Varga"),
    ("He wrote to his niece, [Odile] at once.", "Odile", "his niece, Odile"),
    ("He wrote to his niece [Odile] at once.", "Odile", "niece Odile"),
    ("The mural praised [Ines Varga] greatly.", "Ines Varga", None),
    # a role closing a clause before a comma is no phrase of the name after it
    ("Soon after he became king, [Teodric] dreamt of the sea.", "Teodric", None),
])
def test_roles_prefixed_alias(marked, name, alias):
    # "niece, Odile" without its possessive reads as no name: only the comma-less form is kept
    doc = linked(marked)
    ent = next(e for e in doc.entities if name in e.aliases)
    extra = [a for a in ent.aliases if a != name]
    assert (alias in extra) if alias else not extra


@pytest.mark.parametrize("text, name, expected", [
    ("Ines Varga, a Hungarian sculptor, came.", "Ines Varga", {"Hungarian", "sculptor"}),
    ("Ines Varga was an engraver.", "Ines Varga", {"engraver"}),
    ("Ines Varga, a friend of the engraver, came.", "Ines Varga", set()),
    ("We met sculptor Ines Varga.", "Ines Varga", {"sculptor"}),
])
def test_roles_descriptors(text, name, expected):
    from chronica.model import Mention
    a = text.index(name)
    assert descriptors(text, Mention(a, a + len(name), name, "PERSON", "person")) == expected


def test_roles_prefix_skips_verbs():
    text = "The stone was unveiled by painter Ines Varga."
    p = prefix(text, text.index("Ines"))
    assert p is not None and p.head == "painter" and p.mods == () and p.det is None


def test_roles_prefixed_alias_drops_bare_role_with_comma():
    doc = linked("He wrote to his niece, [Odile] at once.")
    ent = next(e for e in doc.entities if "Odile" in e.aliases)
    assert "niece, Odile" not in ent.aliases


def _unnamed(doc) -> list[set[str]]:
    return [{doc.mentions[i].text for i in e.mentions} for e in doc.entities
            if e.mentions and all(doc.mentions[i].label == "ROLE" for i in e.mentions)]


def test_roles_unnamed_person_the_text_returns_to():
    doc = linked("[Ada Marsh] knocked and the servant opened. [Ada Marsh] pushed past the frightened servant.")
    assert _unnamed(doc) == [{"the servant", "the frightened servant"}]


@pytest.mark.parametrize("marked", [
    "[Ada Marsh] knocked and the servant opened. [Ada Marsh] went upstairs.",  # used once only
    "[Ada Marsh] shot the president. Doctors carried the president out.",  # a title: a named person
    "[Ada Marsh] was a servant. The servant opened. The servant bowed.",  # held by a named person
    "The British advanced. [Ada Marsh] watched the British retreat.",  # a people
])
def test_roles_unnamed_person_not_made(marked):
    assert _unnamed(linked(marked)) == []


def test_roles_title_apposition_without_article():
    # "X, Emperor of the South," gives X the role though no article opens the phrase
    doc = linked("[Marcian], Emperor of the South, feared the fleet. [Dagobert] hid. "
                 "[Marcian] wrote letters. The timid emperor fled to the hills.")
    assert entity_of(doc, "The timid emperor") == entity_of(doc, "Marcian")


def test_roles_peoples_adjective_of_the_document_is_a_modifier():
    # "Vandalic" is tagged a people's word in this text; the demonym list need not know it
    doc = marked_doc("[Gunderic] was a bold chief of the band. He raided the [Vandalic|organization] coast. "
                     "In the spring [Gunderic] sailed south. The Vandalic chief then burned the harbour.")
    for m in doc.mentions:
        if m.text == "Vandalic":
            m.label = "NORP"
    doc.entities = chain(doc)
    attach_roles(doc)
    assert entity_of(doc, "The Vandalic chief") == entity_of(doc, "Gunderic")


def test_roles_new_holder_is_not_the_one_named_before():
    # two emperors in the text; "this new emperor" comes after the one just named
    doc = linked("[Olybrius], Emperor of the North, died. [Marcian], Emperor of the South, ruled well. "
                 "The harvest failed. The city starved. "
                 "The rebels set up another ruler in place of [Marcian]. This new emperor ruled badly.")
    assert entity_of(doc, "This new emperor") not in (entity_of(doc, "Marcian"), entity_of(doc, "Olybrius"))


def test_roles_peoples_adjective_alone_is_the_main_person():
    # "the Vendian" told right after the main person, who is named far more than anyone
    doc = marked_doc("[Orm Vendel] crossed the hills. [Orm Vendel] took the fort. [Orm] burned the granary. "
                     "[Orm] met [Tova] at the ford. [Orm] rode on, and [Orm] waited there. "
                     "[Orm] stayed in the valley. The [Vendian|organization] soldiers were no match for the "
                     "Vendian, and they fled.")
    for m in doc.mentions:
        if m.text == "Vendian":
            m.label = "NORP"
    doc.entities = chain(doc)
    attach_roles(doc)
    assert entity_of(doc, "the Vendian") == entity_of(doc, "Orm Vendel")
