"""find_mentions: run-in place + person names split; colour words and demonyms before a
person noun are no place mentions; a demonym before a landscape noun is."""
from __future__ import annotations

import hashlib

import pytest

from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(["parse", "segment", "find_mentions"], Settings())


def types(pipe, text: str) -> dict[str, set[str]]:
    doc = pipe(Doc(Source("<test>", text, hashlib.sha256(text.encode()).hexdigest(), "txt")))
    out: dict[str, set[str]] = {}
    for m in doc.mentions:
        out.setdefault(m.text, set()).add(m.type)
    return out


@pytest.mark.parametrize("text, name, expected", [
    # a place run into the next name, when the rest is a person the text names
    ("In 1849 Garibaldi fled to the island of Caprera. He lived at Caprera Garibaldi for many years.",
     "Caprera", {"place"}),
    ("In 1849 Garibaldi fled to the island of Caprera. He lived at Caprera Garibaldi for many years.",
     "Garibaldi", {"person"}),
    # a building's name is one name even when a word of it is a first name
    ("The king arrived at Drury Lane Theatre after the play had started.", "Drury Lane Theatre", {"place"}),
    # demonym + landscape noun: the place; demonym + person noun: where someone comes from
    ("The fleet sailed along the Genoese coast toward Nice.", "Genoese", {"place"}),
    # a heading that gives a place and a period
    ("Florence, 1913\n\nThe panel reached Florence by train.", "Florence", {"place"}),
    ("Turkey, 1929-1933\n\nHe wrote every morning.", "Turkey", {"place"}),
    ("Ada Lovelace, 1815-1852\n\nShe wrote notes on the engine.", "Ada Lovelace", {"person"}),
])
def test_mentions_attributive_found(pipe, text, name, expected):
    assert types(pipe, text).get(name) == expected


@pytest.mark.parametrize("text, name", [
    ("A Genoese merchant named Carlo Rossi met the banker in Lyon.", "Genoese"),
    ("In 1702 he wrote to the Florentine art dealer Piero Landi about the panel.", "Florentine"),
    ("She was dressed in White for the coronation at Reims.", "White"),
    ("He lived at Caprera Garibaldi for many years.", "Caprera Garibaldi"),
])
def test_mentions_attributive_no_place(pipe, text, name):
    assert "place" not in types(pipe, text).get(name, set())
