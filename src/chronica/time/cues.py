"""The English cue words the time engine's code looks for (``lang/en/time/cues.yaml``).

Rules and their word tables are data already (rules.yaml, lexicon.yaml); this gives the
code's own cue words the same treatment, so a word list is edited in the data file and a
second language brings its own. :func:`alternation` turns a list into the regex piece the
modules build their patterns from (compiled through the rule cache, see :mod:`.recache`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from chronica.resources import load

from .lexicon import compile_pattern

NAME = "time/cues.yaml"
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=None)
def table(name: str) -> Any:
    """One entry of the file: a word list (tuple) or a word -> code table (dict)."""
    got = load(NAME)[name]
    return tuple(got) if isinstance(got, list) else dict(got)


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A word list as a set, lower-cased unless its name ends in ``_cased``."""
    items = table(name)
    return frozenset(items if name.endswith("_cased") else (w.lower() for w in items))


def alternation(name: str, longest_first: bool = True) -> str:
    """The list as a regex alternation: escaped, flexible spaces, ’ for '; longest first
    unless the file's order is the order to try them in."""
    items = list(table(name))
    if longest_first:
        items.sort(key=lambda w: (-len(w), w))
    return "|".join(_SPACE.sub(r"\\s+", re.escape(w).replace("\\ ", " ")).replace("'", "['’]") for w in items)


def whole_words(name: str, flags: int = 0) -> re.Pattern:
    """The list as one whole-word pattern (case-blind unless the name ends in ``_cased``)."""
    if not name.endswith("_cased"):
        flags |= re.IGNORECASE
    return compile_pattern(r"(?<!\w)(?:" + alternation(name) + r")(?!\w)", flags)
