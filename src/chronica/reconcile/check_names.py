"""Names: one source spelling the same name two ways ("Thomas Wolsey" and later "Thomas
Woolsey"): a soft conflict, an erratum for the author. Spellings across different
sources are aliases, not errors; accents dropped, possessives, a family named in the plural, and different persons of
one family (Louis XVI, Louis XVII) are not errata either."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from itertools import combinations

from rapidfuzz.distance import Levenshtein

from ..model import DocSpan
from .view import Finding, View

_ROMAN = re.compile(r"^[IVXLC]+$")
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)


def _fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).casefold()


_POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=16_384)  # every pair of a document's forms is compared: split each form once
def _tokens(name: str) -> tuple[str, ...]:
    return tuple(_POSSESSIVE.sub("", t) for t in _TOKEN.findall(name))


def misspelt(a: str, b: str) -> bool:
    """Two forms of one name that differ by a slip in one word of five letters or more."""
    ta, tb = _tokens(a), _tokens(b)
    if len(ta) != len(tb) or not ta:
        return False
    diffs = [(x, y) for x, y in zip(ta, tb) if x != y]
    if len(diffs) != 1:
        return False
    x, y = diffs[0]
    if _fold(x) == _fold(y) or _ROMAN.match(x) or _ROMAN.match(y):
        return False
    if min(len(x), len(y)) < 5 or x[0].casefold() != y[0].casefold():
        return False
    if _plural_of(x, y) or _plural_of(y, x):
        return False  # a family in the plural ("the Hartleys' guest"), not a slip
    return Levenshtein.distance(x.casefold(), y.casefold()) == 1


def _plural_of(word: str, other: str) -> bool:
    return other.casefold() in (word.casefold() + "s", word.casefold() + "es")


def find(view: View):
    for doc in view.corpus.docs:
        forms: dict[str, list] = defaultdict(list)
        for m in doc.mentions:
            if m.type != "person" or m.cited or not m.entity:
                continue
            s = doc.sentence_at(m.start)
            if s is not None and s.kind not in ("body", "heading", "title"):
                continue
            forms[m.text].append(m)
        for fa, fb in combinations(sorted(forms), 2):
            if not misspelt(fa, fb):
                continue
            ma, mb = forms[fa][0], forms[fb][0]
            ea, eb = view.entity_of(doc, ma.entity), view.entity_of(doc, mb.entity)
            if ea != eb and len(_tokens(fa)) < 2:
                continue  # single words of different entities: maybe two people
            yield Finding("name", "soft", f"one name spelt two ways in the same source: '{fa}' and '{fb}'",
                          (DocSpan(doc.id, ma.start, ma.end, ma.text, value=fa),
                           DocSpan(doc.id, mb.start, mb.end, mb.text, value=fb)))
