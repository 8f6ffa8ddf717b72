"""Whether a person mention is a man or a woman, as far as the text says.

Used by ``chain_aliases`` to keep apart two people who share a surname ("Roosevelt ...
his speech" is not "the first lady, Eleanor Roosevelt"). Evidence, strongest first: a
gendered title ("Mrs", "Major"), a gendered role noun just before the name ("the first
lady, X", "his wife, X"), the given name (gender-guesser's dictionary), and the first
personal pronoun after the mention in its sentence when no other person is named in
between. ``None`` when the text does not say.

Also the given names of gender-guesser's dictionary, which the mention finder reads as
first names (:func:`dictionary_first_names`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import gender_guesser.detector as gd

from . import load

_PRONOUN = re.compile(r"\b(?P<m>he|his|him|himself)\b|\b(?P<f>she|her|hers|herself)\b", re.IGNORECASE)
_ROLE_BEFORE = re.compile(r"\b(?:the|his|her|their|a|an)\s+(?P<np>(?:[a-z-]+\s+){0,3}?(?P<head>[a-z-]+))\s*,?\s*$")


@lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    raw = load("events/gender.yaml")
    out = {str(w).casefold(): "m" for w in raw.get("male", [])}
    out.update({str(w).casefold(): "f" for w in raw.get("female", [])})
    return out


@lru_cache(maxsize=1)
def detector() -> gd.Detector:
    """gender-guesser's given-name dictionary, loaded once. Its own loader reads the
    file through ``codecs`` line by line (most of its load time); this reads it whole
    and hands each line to the same parser, so the dictionary is the same."""
    d = gd.Detector.__new__(gd.Detector)
    d.case_sensitive, d.names = False, {}
    for line in (files("gender_guesser") / "data" / "nam_dict.txt").read_text(encoding="utf-8").splitlines():
        d._eat_name_line(line.strip())
    return d


@lru_cache(maxsize=4096)
def given_name_gender(word: str) -> str | None:
    d = detector()
    if not word or not word[0].isalpha():
        return None
    g = d.get_gender(word)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(g)


def title_gender(title: tuple[str, ...]) -> str | None:
    words = gender_words()
    for t in title:
        g = words.get(t.rstrip("."))
        if g:
            return g
    return None


def role_gender(text_before: str) -> str | None:
    """"the first lady, " / "his wife " right before a name."""
    m = _ROLE_BEFORE.search(text_before)
    return gender_words().get(m["head"]) if m else None


def pronoun_gender(text: str, end: int, stop: int) -> str | None:
    """The first he/she-type pronoun in ``text[end:stop]`` (the rest of the sentence up
    to the next person named)."""
    m = _PRONOUN.search(text, end, stop)
    if m is None:
        return None
    return "m" if m.group("m") else "f"


def dictionary_first_names() -> set[str]:
    """Given names from gender-guesser's nam_dict.txt (name column 3..29)."""
    try:
        raw = (files("gender_guesser") / "data" / "nam_dict.txt").read_bytes().decode("latin-1")
    except FileNotFoundError:
        return set()
    out = set()
    for line in raw.splitlines():
        if not line or line[0] in "#=":
            continue
        name = line[3:29].strip()
        if name and name.isalpha() and name[0].isupper():
            out.add(name)
    return out
