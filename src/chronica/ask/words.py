"""Word stems shared by the event index and the answerers: crude on purpose (no
stemmer dependency), enough to meet "arrest"/"arrested", "land"/"landed"."""
from __future__ import annotations

import re

from ..resources.names import fold

WORD = re.compile(r"\w+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude shared stem: "arrest"/"arrested", "land"/"landed", "abdicate"/"abdication"."""
    w = fold(word)
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w[:5]


def stems(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text)}


