"""Whether a person mention is a man or a woman, as far as the text says.

Used by ``chain_aliases`` to keep apart two people who share a surname ("Roosevelt ...
his speech" is not "the first lady, Eleanor Roosevelt"). Evidence, strongest first: a
gendered title ("Mrs", "Major"), a gendered role noun just before the name ("the first
lady, X", "his wife, X"), the given name (gender-guesser's dictionary), and the first
personal pronoun after the mention in its sentence when no other person is named in
between. ``None`` when the text does not say.
"""
from __future__ import annotations

import re
from functools import lru_cache

import yaml
from chronica.resources import path as resource_path

DATA = resource_path("")
_PRONOUN = re.compile(r"\b(?P<m>he|his|him|himself)\b|\b(?P<f>she|her|hers|herself)\b", re.IGNORECASE)
_ROLE_BEFORE = re.compile(r"\b(?:the|his|her|their|a|an)\s+(?P<np>(?:[a-z-]+\s+){0,3}?(?P<head>[a-z-]+))\s*,?\s*$")


@lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    raw = yaml.safe_load((DATA / "events" / "gender.yaml").read_text(encoding="utf-8"))
    out = {str(w).casefold(): "m" for w in raw.get("male", [])}
    out.update({str(w).casefold(): "f" for w in raw.get("female", [])})
    return out


@lru_cache(maxsize=1)
def _detector():
    try:
        import gender_guesser.detector as gd
    except ModuleNotFoundError:  # the dictionary is optional evidence
        return None
    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def given_name_gender(word: str) -> str | None:
    d = _detector()
    if d is None or not word or not word[0].isalpha():
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
