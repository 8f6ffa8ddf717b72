"""How someone got away: two sources telling one person's escape by different means
("she climbed into a hired cab and drove off" / "she saddled a mule and rode
away"). An escape is a sentence with an escape phrase that names exactly one class of
conveyance; its subject is the person named before the phrase in the sentence, else the
person most named in the text just before it ("He ... sped off"). Two escapes are one
when told by different sources of the same person in the same year (one source telling
two getaways is telling a journey). Words are data (``claims/getaways.yaml``).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from ..model import DocSpan
from .check_spared import stated_year
from .view import Finding, View
from ..resources import load

CONTEXT_CHARS = 800  # how far back a pronoun's person is looked for
YEARS_APART = 1


@dataclass(frozen=True)
class Getaway:
    doc: str
    start: int
    end: int
    text: str
    means: str
    person: str  # corpus entity id
    year: int | None


def _alt(words) -> str:
    return r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, dict[str, re.Pattern]]:
    data = load("claims/getaways.yaml")
    return re.compile(_alt(data["cues"]), re.I), {k: re.compile(_alt(v), re.I) for k, v in data["means"].items()}


def _subject(view: View, doc, sent_start: int, cue_start: int) -> str | None:
    """The corpus person who got away: named before the escape phrase in its sentence,
    else the person most named just before the sentence."""
    persons = [m for m in doc.mentions if m.type == "person" and m.entity and not m.cited]
    inside = [m for m in persons if sent_start <= m.start and m.end <= cue_start]
    if inside:
        return view.entity_of(doc, inside[-1].entity)
    before = Counter(view.entity_of(doc, m.entity) for m in persons
                     if sent_start - CONTEXT_CHARS <= m.start < sent_start)
    before.pop(None, None)
    return before.most_common(1)[0][0] if before else None


def getaways(view: View, doc) -> list[Getaway]:
    cue, means = _patterns()
    out = []
    for s in doc.sentences:
        m = cue.search(doc.text, s.start, s.end)
        if m is None:
            continue
        text = doc.text[s.start:s.end]
        found = [k for k, pat in means.items() if pat.search(text)]
        if len(found) != 1:
            continue
        person = _subject(view, doc, s.start, m.start())
        if person is None:
            continue
        out.append(Getaway(doc.id, s.start, s.end, text, found[0], person, stated_year(doc, s.start, s.end)))
    return out


def find(view: View):
    items = [g for doc in view.corpus.docs for g in getaways(view, doc)]
    for a, b in combinations(items, 2):
        if a.doc == b.doc or a.means == b.means or a.person != b.person:
            continue
        if a.year is not None and b.year is not None and abs(a.year - b.year) > YEARS_APART:
            continue
        who = view.name(a.person)
        yield Finding("attribute", "hard", f"how {who} got away: by {a.means} or by {b.means}",
                      (DocSpan(a.doc, a.start, a.end, a.text, value=a.means),
                       DocSpan(b.doc, b.start, b.end, b.text, value=b.means)),
                      topic=f"getaway of {a.person}")


__all__ = ["Getaway", "getaways", "find"]
