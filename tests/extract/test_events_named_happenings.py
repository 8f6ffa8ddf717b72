"""A happening named like a proper noun ("the Second Siege of Antioch") is a happening,
even where the model calls the name an organisation or a work."""
from __future__ import annotations

import pytest

from chronica.build import analyse_text
from chronica.config import Settings


def events_of(text: str):
    return [(e.kind, e.when.edtf if e.when else None, e.trigger.text if e.trigger else None)
            for e in analyse_text(text, Settings()).events]


@pytest.mark.parametrize("text, expected", [
    ("A tower was built as part of preparations for the Second Siege of Antioch, which took place in 1121.",
     ("attack", "1121", "Siege")),
    ("Two new walls were raised ahead of the Great Siege of Messina, which began in 1282.",
     ("attack", "1282", "Siege")),
])
def test_a_named_siege_is_a_happening(text, expected):
    assert expected in events_of(text)


def test_a_name_without_an_event_noun_stays_a_name():
    assert all(kind != "attack" for kind, _, _ in events_of("He joined the Order of the Garter in 1402."))
