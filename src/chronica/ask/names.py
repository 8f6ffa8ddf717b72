"""Names in a question -> entities, through every alias the sources use.

The question's words are matched against each entity's name and aliases (case and
accents folded, possessives dropped), longest first; a surname alone finds the person
who bears it. Descriptions ("the poet") are left out: they are ambiguous. Words that
match nothing exactly get a fuzzy look-up when they look like a name.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..resources.names import clean_surface, fold, particles
from ..whois import _is_name
from .base import Base

_WORD = re.compile(r"[\w'’-]+")
MAX_WORDS = 6
FUZZY_MIN = 88.0


@dataclass(frozen=True)
class NameHit:
    start: int  # character offsets in the question
    end: int
    entity: str
    exact: bool


def _key(text: str) -> str:
    """Folded, with full stops dropped: "Dr. Charles Leale" and "Dr Charles Leale" are one key."""
    return " ".join(fold(clean_surface(text)).replace("’", "'").replace(".", " ").split())


class NameIndex:
    """Folded name forms -> entity ids (most mentioned first)."""

    def __init__(self, base: Base):
        self.base = base
        forms: dict[str, set[str]] = defaultdict(set)
        surnames: dict[str, set[str]] = defaultdict(set)
        small = particles() | {"of", "the"}
        for e in base.entities.values():
            for form in [e.get("name", "")] + list(e.get("aliases", ())):
                form = clean_surface(form)
                if not form or not _is_name(form):
                    continue
                forms[_key(form)].add(e["id"])
                words = form.split()
                if e.get("type") == "person" and len(words) > 1 and words[-1].casefold() not in small:
                    surnames[_key(words[-1])].add(e["id"])
        for k, ids in surnames.items():
            forms.setdefault(k, ids)
        rank = lambda i: (-base.mentions.get(i, 0), i)  # noqa: E731
        self.forms = {k: sorted(v, key=rank) for k, v in forms.items() if k}
        self.longest = max((len(k.split()) for k in self.forms), default=1)
        self.choices = list(self.forms)

    def find(self, question: str) -> list[NameHit]:
        """Entity names in the question, left to right, longest match first."""
        words = [(m.start(), m.end(), _key(m.group())) for m in _WORD.finditer(question)]
        hits: list[NameHit] = []
        i = 0
        while i < len(words):
            found = None
            for n in range(min(MAX_WORDS, self.longest, len(words) - i), 0, -1):
                key = " ".join(w for _, _, w in words[i:i + n])
                ids = self.forms.get(key)
                if ids and (n > 1 or question[words[i][0]].isupper()):
                    found = (n, ids[0])
                    break
            if found:
                n, ent = found
                hits.append(NameHit(words[i][0], words[i + n - 1][1], ent, True))
                i += n
            else:
                i += 1
        return hits

    def fuzzy(self, phrase: str) -> str | None:
        """The entity whose name is closest to a phrase that matched nothing exactly."""
        if not self.choices:
            return None
        best = process.extractOne(_key(phrase), self.choices, scorer=fuzz.WRatio, score_cutoff=FUZZY_MIN)
        return self.forms[best[0]][0] if best else None
