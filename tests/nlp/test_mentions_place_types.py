"""Place names against titles and first names: "Emperor of Japan" leaves "Japan" a
place, a shared plural tail ("Sagami and Kazusa Provinces") makes place names."""
from __future__ import annotations

import hashlib

import pytest

from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(["parse", "segment", "tag_time", "find_mentions", "link_places"], Settings())


def run(pipe, text: str) -> Doc:
    return pipe(Doc(Source("<test>", text, hashlib.sha256(text.encode()).hexdigest(), "txt")))


def type_of(doc: Doc, text: str) -> set[str]:
    return {m.type for m in doc.mentions if m.text == text}


@pytest.mark.parametrize("text, realm", [
    ("Mutsuhito was the 122nd Emperor of Japan. Japan opened its ports in 1854.", "Japan"),
    ("The Shah of Persia received the envoys. Persia had lost the war.", "Persia"),
    ("The Prince of Wales toured Wales in 1911.", "Wales"),
])
def test_realm_after_a_title_stays_a_place(pipe, text, realm):
    assert type_of(run(pipe, text), realm) == {"place"}


def test_title_of_a_town_still_names_the_person(pipe):
    doc = run(pipe, "The Duke of Wellington dined late. Wellington then rode to the front.")
    assert type_of(doc, "Wellington") == {"person"}


@pytest.mark.parametrize("text, name", [
    ("The rebels marched through Sagami, Izu and Kazusa Provinces in the spring.", "Kazusa Provinces"),
    ("Whalers wintered off the Kuril Islands that year.", "Kuril Islands"),
    ("The caravan crossed the Sinai Peninsula in nine days.", "Sinai Peninsula"),
])
def test_name_ending_in_a_place_word_is_a_place(pipe, text, name):
    assert type_of(run(pipe, text), name) == {"place"}


def test_plural_tail_links_the_last_name_of_the_list(pipe):
    doc = run(pipe, "The rebels marched through Sagami, Izu and Kazusa Provinces. They fought in the west of Kazusa.")
    ref = doc.places.get("Kazusa Provinces")
    assert ref is not None and ref.lat is not None and abs(ref.lat - 35.5) < 1.0
    assert type_of(doc, "Kazusa") == {"place"}


def test_surname_tail_after_a_first_name_stays_a_person(pipe):
    doc = run(pipe, "Ida Lake sang in Boston. Later Ida Lake retired.")
    assert type_of(doc, "Ida Lake") == {"person"}


def test_a_known_building_is_found_without_a_preposition(pipe):
    doc = run(pipe, "Events of the reign\n\n-   680 : Yakushi-ji was founded by the court.\n")
    assert type_of(doc, "Yakushi-ji") == {"place"}
    assert doc.places.get("Yakushi-ji") is not None and doc.places["Yakushi-ji"].lat is not None


def test_a_peoples_name_before_a_noun_for_people_is_no_place(pipe):
    doc = run(pipe, "The Ostrogoth elders raised a shout of joy. In 489 the Ostrogoths crossed the Alps.")
    assert "place" not in type_of(doc, "Ostrogoth")


def test_a_titled_name_ending_in_a_place_word_stays_a_person(pipe):
    doc = run(pipe, "In 1710 the pirates seized Commodore Alden Bay off the coast. Bay was later ransomed.")
    assert type_of(doc, "Commodore Alden Bay") == {"person"}
