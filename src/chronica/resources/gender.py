"""Whether a person mention is a man or a woman, as far as the text says.

Used by ``chain_aliases`` to keep apart two people who share a surname ("Roosevelt ...
his speech" is not "the first lady, Eleanor Roosevelt"). Evidence, strongest first: a
gendered title ("Mrs", "Major"), a gendered role noun just before the name ("the first
lady, X", "his wife, X"), the given name, and the first personal pronoun after the
mention in its sentence when no other person is named in between. ``None`` when the
text does not say.

Given names come from the installed Faker package (MIT): the men's and women's first
names of each of its locales, some eighty countries and languages. A name's gender is
the share of the locale lists that give it as a man's (or a woman's) name; the
cut-offs are in ``lang/en/names/given_name_gender.yaml``. The same names, plus
``names/first_names_extra.txt``, are what the mention finder reads as first names
(:func:`dictionary_first_names`). The package is read, never copied into this repo.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import lru_cache

from . import load

_PRONOUN = re.compile(r"\b(?P<m>he|his|him|himself)\b|\b(?P<f>she|her|hers|herself)\b", re.IGNORECASE)
_ROLE_BEFORE = re.compile(r"\b(?:the|his|her|their|a|an)\s+(?P<np>(?:[a-z-]+\s+){0,3}?(?P<head>[a-z-]+))\s*,?\s*$")


@lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    raw = load("events/gender.yaml")
    out = {str(w).casefold(): "m" for w in raw.get("male", [])}
    out.update({str(w).casefold(): "f" for w in raw.get("female", [])})
    return out


@dataclass(frozen=True)
class GivenNames:
    """Given names as a name-list package has them: how many of its locale lists call
    each one a man's name and how many a woman's (keys casefolded)."""
    male: dict[str, int]
    female: dict[str, int]
    names: frozenset[str]  # every given name as written ("Anna", "Joachim")
    min_share: float  # the share of locale lists that makes a name a man's or a woman's
    clear_share: float  # at or above it the name is clearly, not mostly, one or the other

    def male_share(self, name: str) -> float | None:
        key = name.casefold()
        m, f = self.male.get(key, 0), self.female.get(key, 0)
        return m / (m + f) if m + f else None

    def get_gender(self, name: str) -> str:
        """gender-guesser's vocabulary ("male", "mostly_male", "andy", "unknown", ...),
        which older callers read."""
        share = self.male_share(name)
        if share is None:
            return "unknown"
        for side, s in (("male", share), ("female", 1 - share)):
            if s >= self.clear_share:
                return side
            if s >= self.min_share:
                return "mostly_" + side
        return "andy"


@lru_cache(maxsize=1)
def detector() -> GivenNames:
    """The given names of the name-list package named in ``given_name_gender.yaml``, loaded once."""
    conf = load("names/given_name_gender.yaml")
    male: dict[str, int] = {}
    female: dict[str, int] = {}
    names: set[str] = set()
    for provider in _locale_providers(conf["package"], set(conf["skip_locales"])):
        for attr, counts in ((conf["male_lists"], male), (conf["female_lists"], female)):
            for name in _name_list(provider, attr):
                counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
                names.add(name)
        names.update(_name_list(provider, conf["other_lists"]))
    return GivenNames(male, female, frozenset(n for n in names if n.isalpha() and n[0].isupper()),
                      float(conf["min_share"]), float(conf["clear_share"]))


def _locale_providers(package: str, skip: set[str]) -> list[type]:
    """The person-name provider class of each locale module under ``package`` but ``skip``."""
    base = importlib.import_module(package)
    out = []
    for mod in pkgutil.iter_modules(base.__path__):
        if mod.name in skip:
            continue
        provider = getattr(importlib.import_module(f"{package}.{mod.name}"), "Provider", None)
        if provider is not None:
            out.append(provider)
    return out


def _name_list(provider: type, attr: str) -> set[str]:
    """A provider's name list (a tuple, or a dict of name -> weight); a computed one
    (a property) merges the others and is skipped."""
    value = getattr(provider, attr, ())
    return {str(n) for n in value} if isinstance(value, (list, tuple, dict)) else set()


@lru_cache(maxsize=4096)
def given_name_gender(word: str) -> str | None:
    if not word or not word[0].isalpha():
        return None
    g = detector().get_gender(word)
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
    """Every given name of the name-list package, as written (capitalised, letters only)."""
    return set(detector().names)
