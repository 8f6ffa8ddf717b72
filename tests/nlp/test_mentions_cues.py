"""find_mentions: publishers in bibliographies and works of art named like people."""
from __future__ import annotations

import hashlib

import pytest

from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(["parse", "segment", "find_mentions"], Settings())


def types_of(pipe, text: str, name: str) -> set[str]:
    doc = pipe(Doc(Source("<test>", text, hashlib.sha256(text.encode()).hexdigest(), "txt")))
    return {m.type for m in doc.mentions if m.text == name}


def test_mentions_cues_publisher_in_bibliography(pipe):
    text = ("The harbour town grew quickly after the railway came.\n\nBibliography\n\n"
            "Holm, Erik. A History of the Northern Railways. Oslo: Grey Owl Press, 1971.\n")
    assert types_of(pipe, text, "Grey Owl Press") == {"organization"}


@pytest.mark.parametrize("text, name, expected", [
    ("Visitors crowd around the Mona Lisa, the portrait painted by Leonardo.", "Mona Lisa", {"work"}),
    ("Visitors crowd around the Mona Lisa, the portrait painted by Leonardo.", "Leonardo", {"person"}),
    ("In 1890 Anna Weber moved to Zurich, where she painted landscapes.", "Anna Weber", {"person"}),
])
def test_mentions_cues_work_of_art(pipe, text, name, expected):
    assert types_of(pipe, text, name) == expected


def test_mentions_cues_exile_in_heading_is_no_place(pipe):
    text = "Years of Exile\n\nThe poet left his country in 1851 and never returned."
    assert "place" not in types_of(pipe, text, "Exile")


@pytest.mark.parametrize("text, name", [
    ("In Lisbon she offered to nurse for the Portuguese guerrilla bands holding the hills.",
     "Portuguese guerrilla bands"),
    ("The villages were burned by the Ottoman troops in the spring.", "Ottoman troops"),
    ("The Spanish exiles settled in the capital after the war.", "Spanish exiles"),
])
def test_mentions_cues_demonym_and_collective_noun(pipe, text, name):
    assert types_of(pipe, text, name) == {"organization"}
