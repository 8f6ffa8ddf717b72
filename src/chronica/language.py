"""Which language a source is written in, well enough to say "Chronica reads English".

Two cheap signals, no model: the script most letters are written in (Cyrillic, Greek,
Arabic, CJK ...), then, for Latin script, which language's function words are most
frequent (the word lists are in ``lang/en/language/function_words.yaml``).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .resources import load

SAMPLE_CHARS = 60_000  # letters are counted over at most this much of the text
MIN_WORDS = 20  # below this, too little to tell: taken as English
LATIN_SHARE = 0.5  # a text needs this share of Latin letters to be read as English
NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
         "pt": "Portuguese", "nl": "Dutch"}
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Language:
    code: str  # "en", "fr", ... or the script in lower case ("cyrillic") when not Latin
    name: str  # for messages: "English", "Cyrillic script"

    @property
    def english(self) -> bool:
        return self.code == "en"


ENGLISH = Language("en", "English")


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    lists = load("language/function_words.yaml")
    return {code: frozenset(w.casefold() for w in words) for code, words in lists.items()}


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    third = SAMPLE_CHARS // 3  # beginning, middle and end: a preface in another language misleads less
    mid = len(text) // 2
    return text[:third] + " " + text[mid - third // 2: mid + third // 2] + " " + text[-third:]


@lru_cache(maxsize=8192)
def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def detect(text: str) -> Language:
    """The language of ``text``; English when in doubt (short texts, no clear signal)."""
    sample = _sample(text)
    letters = Counter(ch for ch in sample if ch.isalpha())  # a script per distinct letter, not per letter
    if not letters:
        return ENGLISH
    scripts: dict[str, int] = {}
    for ch, n in letters.items():
        s = _script(ch)
        scripts[s] = scripts.get(s, 0) + n
    if scripts.get("LATIN", 0) < LATIN_SHARE * letters.total():
        main = max(scripts, key=scripts.get)
        return Language(main.lower(), f"{main.title()} script")
    words = [w.casefold() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return ENGLISH
    hits = {code: sum(1 for w in words if w in vocab) for code, vocab in _function_words().items()}
    best = max(hits, key=hits.get)
    if best == "en" or hits[best] <= hits["en"] * 1.5 or hits[best] < 0.05 * len(words):
        return ENGLISH  # other languages' words must clearly dominate
    return Language(best, NAMES.get(best, best))
