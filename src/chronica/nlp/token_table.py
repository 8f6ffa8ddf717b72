"""A parse's words as plain strings, made once per document.

Rule passes scan every word of a document for a few spellings (titles, first names,
"the" of "Sven the Bold", prepositions before a place). Making a spaCy ``Token`` for
each word is most of such a scan's cost, so they test these strings first and make a
token only where one matches. The lists live in the spaCy doc's own ``user_data``, so
they last exactly as long as the parse they were read from.
"""
from __future__ import annotations

_WORDS = "chronica.words"
_LOWERS = "chronica.lowers"


def words(sd) -> list[str]:
    """``[t.text for t in sd]``, read once per spaCy doc."""
    got = sd.user_data.get(_WORDS)
    if got is None:
        got = sd.user_data[_WORDS] = [t.text for t in sd]
    return got


def lowers(sd) -> list[str]:
    """``[t.lower_ for t in sd]``, read once per spaCy doc."""
    got = sd.user_data.get(_LOWERS)
    if got is None:
        got = sd.user_data[_LOWERS] = [t.lower_ for t in sd]
    return got
