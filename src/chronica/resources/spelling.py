"""Spelling variants of one name across sources ("Yusuf" / "Jusuf" / "Yousouf").

A person named by one word (or a ruler's name before its numeral) in one cluster and a
different one-word spelling in another cluster are the same person when the two
spellings share a consonant skeleton (``names/spelling_classes.tsv``: vowels
dropped, y/j, d/t, k/c/q, s/z, f/v/w folded), start with the same letter class, keep
at least three consonants, and are not two distinct given names of a name list
("Martin" / "Morton"). Genders stated by the text must agree and kin-introduced names
are left alone, so relatives with similar names stay apart.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import load
from .gender import given_name_gender
from .names import fold, same_given

MIN_CONSONANTS = 3
_ROMAN = re.compile(r"^[ivxl]+$")


@lru_cache(maxsize=1)
def _classes() -> tuple[tuple[str, str], ...]:
    rows = [(r["letters"], r["class"]) for r in load("names/spelling_classes.tsv")]
    # digraphs before single letters, so "ph" is read before "p" and "h"
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=2048)  # a text's name words (~40 in 2,600 words): small, so memory stays flat
def skeleton(word: str) -> str:
    """Consonant skeleton of a name: "Jusuf" and "Yousouf" -> "YSF"."""
    w = re.sub(r"[^a-z]", "", fold(word))
    out: list[str] = []
    i = 0
    table = _classes()
    while i < len(w):
        for letters, cls in table:
            if w.startswith(letters, i):
                i += len(letters)
                break
        else:
            cls = w[i]
            i += 1
        if cls and (not out or out[-1] != cls):
            out.append(cls)
    return "".join(out)


def _initial(word: str) -> str:
    w = re.sub(r"[^a-z]", "", fold(word))
    return "V" if w[:1] in "aeiou" else skeleton(w[:2])[:1]


def spelling_variants(a: str, b: str) -> bool:
    """Two different one-word spellings of one name."""
    if fold(a) == fold(b) or not a or not b:
        return False
    sa = skeleton(a)
    if len(sa) < MIN_CONSONANTS or sa != skeleton(b) or _initial(a) != _initial(b):
        return False
    if given_name_gender(a) and given_name_gender(b) and not same_given(fold(a), fold(b)):
        # both in the given-name list: only consonant spellings may differ ("Yusuf" /
        # "Jusuf"); other vowels make another name ("Martin" / "Morton")
        return _vowels(a) == _vowels(b)
    return True


def _vowels(word: str) -> str:
    """Vowel sequence with French "ou" read as u and e/i (often one sound) folded."""
    w = fold(word).replace("ou", "u").replace("e", "i")
    return re.sub(r"[^aiou]", "", w)


def name_word(tokens: tuple[str, ...]) -> str | None:
    """The word a person is called by: a mononym, or a ruler's name before its numeral."""
    if len(tokens) == 1:
        return tokens[0]
    if len(tokens) == 2 and _ROMAN.match(tokens[1]):
        return tokens[0]
    return None


@lru_cache(maxsize=1)
def _demonym_lines() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(f) for f in r["forms"].split("|")) for r in load("names/demonyms.tsv"))


def is_people_adjective(word: str) -> bool:
    """An adjective of a people the demonyms list knows ("ottoman", "roman"; not "gaul")."""
    return any(forms[0] == fold(word) for forms in _demonym_lines())


def people_forms(adjective: str) -> set[str]:
    """Plural names of the people an adjective may stand for (folded): "saxon" ->
    {"saxons"}, "celtic" -> {"celts"}, and the people forms of its demonyms.tsv line."""
    a = fold(adjective)
    if a.endswith("s"):
        return set()
    out = {a + "s"}
    if a.endswith("ic") and len(a) > 5:
        out.add(a[:-2] + "s")  # a people adjective in -ic names the people without it
    for forms in _demonym_lines():
        if forms[0] == a:
            out |= {f for f in forms[1:] if f.endswith("s")}
    return out
