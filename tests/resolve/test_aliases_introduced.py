"""chain_aliases: a quoted signature or pen name is its own name: it does not join a
different, fully named person who merely has it as a first name."""
from __future__ import annotations

import pytest


def entity_of(doc, text: str, quoted: bool):
    for m in doc.mentions:
        opened = m.start > 0 and doc.text[m.start - 1] in "\"“"
        if m.text == text and opened == quoted:
            return m.entity
    return None


@pytest.mark.parametrize("text, full, signature", [
    ("The forger admired Sandro Botticelli above all painters. In 1920 he offered a panel to a "
     "dealer in Ghent, signing his letter \"Sandro\".", "Sandro Botticelli", "Sandro"),
    ("Nobody in Lyon had heard of Honoré Lantier. The threats to the banker came under the "
     "name \"Honoré\" and were posted in Dijon.", "Honoré Lantier", "Honoré"),
])
def test_aliases_introduced_signature_kept_apart(analyse, text, full, signature):
    doc = analyse(text)
    a, b = entity_of(doc, full, False), entity_of(doc, signature, True)
    assert a is not None and b is not None and a != b


def test_aliases_introduced_first_name_still_chains(analyse):
    doc = analyse("Sandro Botticelli painted for the Medici. Later Sandro worked in Rome.")
    assert entity_of(doc, "Sandro Botticelli", False) == entity_of(doc, "Sandro", False) is not None
