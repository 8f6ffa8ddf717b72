"""Mentions in which NER ran two names together ("Ragnar after Hastings", "Otto
included Tyrol", "Brenner at Lindau"): split at the first lower-case word a name never
holds (``name_inner_words`` and ``name_particles`` of ``lang/en/names/lexicon.yaml``
are the words it may hold), so that each name is chained on its own. Both parts get
type "other": the type the rest of the document gives each name wins the vote in
``chain_aliases``. Titles of works, events and laws are left whole ("Gone with the
Wind", "Battle at the Ford")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Mention
from ..resources import load

_SPLIT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=1)
def _inner_words() -> frozenset[str]:
    lex = load("names/lexicon.yaml")
    return frozenset(w.casefold() for w in list(lex.get("name_inner_words", [])) + list(lex["name_particles"]))


def split_run_ons(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with every run-on name split in two (sorted as given)."""
    out: list[Mention] = []
    for m in mentions:
        parts = _parts(m) if m.label in _SPLIT_LABELS else None
        if parts is None:
            out.append(m)
            continue
        (a1, b1), (a2, b2) = parts
        out.append(Mention(a1, b1, text[a1:b1], m.label, "other", cited=m.cited))
        out.append(Mention(a2, b2, text[a2:b2], m.label, "other", cited=m.cited))
    return out


def _parts(m: Mention) -> tuple[tuple[int, int], tuple[int, int]] | None:
    words = list(_WORD.finditer(m.text))
    inner = _inner_words()
    for k, w in enumerate(words):
        word = w.group()
        if k == 0 or k == len(words) - 1 or not word[:1].islower() or word.casefold() in inner:
            continue
        left, right = words[k - 1], words[k + 1]
        if not (words[0].group()[:1].isupper() and right.group()[:1].isupper()):
            return None
        return (m.start, m.start + left.end()), (m.start + right.start(), m.end)
    return None
