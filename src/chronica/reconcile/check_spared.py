"""Outcomes for places: one source says a town or land was sacked, plundered or burned,
another that it was spared ("the raiders looted the houses of Tarvo" / "they
burned the valley but spared Tarvo"). The place is read from the clause: the first place,
or its people through the demonym list, named after the verb, or the place just before
"was spared"; the two must be the same gazetteer place. Verbs are data
(``claims/sacking.yaml``). Two statements dated years apart are two happenings (a city
sacked in one war and spared in the next), never a conflict.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import DocSpan
from ..nlp.lexicon import load_lexicon
from ..resources.place_keys import normalise
from ..resolve.places import distance_km
from .view import Finding, View
from ..resources import load

WINDOW = 70  # characters after the verb in which its place must be named
SAME_PLACE_KM = 5.0  # two gazetteer rows this close (a people's state placed at its capital city): one place; a port 10 km off is not
NARRATIVE_CHARS = 400  # how far back a stated year still dates a sentence
YEARS_APART = 2  # statements dated further apart are about different happenings
_CLAUSE_END = re.compile(r"[;:.!?]|\bbut\b|\bwhile\b|\bwhereas\b|\band then\b")
_YEAR = re.compile(r"^-?\d{1,4}")
_WHERE = re.compile(r"\b(?:at|in|near|on|by|outside|before|from|to|into|towards?)\s", re.I)


@dataclass(frozen=True)
class PlaceFate:
    doc: str
    start: int
    end: int
    text: str
    place: str  # gazetteer id
    struck: bool  # True: sacked / plundered; False: spared
    year: int | None


@lru_cache(maxsize=1)
def _verbs() -> tuple[re.Pattern, re.Pattern]:
    data = load("claims/sacking.yaml")

    def alt(words):
        return r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])"
    verb = re.compile(f"(?P<struck>{alt(data['struck'])})|(?P<spared>{alt(data['spared'])})", re.I)
    weak = re.compile(alt(data["not_before"]) + r"\s*(?:\w+\s+)?$", re.I)
    return verb, weak


def _place_ids(doc, demonyms: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, gazetteer id) of every linked place mention and place demonym."""
    out = []
    for m in doc.mentions:
        if m.type == "place" and not m.cited:
            ref = doc.places.get(normalise(m.text))
            if ref is not None and ref.gazetteer:
                out.append((m.start, m.end, ref.gazetteer))
    pat = _people_pattern() if demonyms else None
    for m in pat.finditer(doc.text) if pat is not None else ():
        out.append((m.start(), m.end(), demonyms[m.group(0)]))  # the people: "the Athenians"
    return sorted(out)


def stated_year(doc, start: int, end: int) -> int | None:
    """The year the sentence gives, else the last one stated shortly before it (the
    narrative's current year)."""
    inside, before = None, None
    for t in doc.timexes:
        m = _YEAR.match(t.edtf or "") if t.basis == "explicit" else None
        if m is None:
            continue
        if start <= t.start < end and inside is None:
            inside = int(m.group(0))
        elif start - NARRATIVE_CHARS <= t.start < start:
            before = int(m.group(0))
    return inside if inside is not None else before


def fates(doc, demonyms: dict[str, str]) -> list[PlaceFate]:
    verb, weak = _verbs()
    places = _place_ids(doc, demonyms)
    out = []
    for m in verb.finditer(doc.text):
        if weak.search(doc.text[max(0, m.start() - 25):m.start()]):
            continue
        after = doc.text[m.end():m.end() + WINDOW]
        stop = _CLAUSE_END.search(after)
        limit = m.end() + (stop.start() if stop else len(after))
        target = next((p for p in places if m.end() <= p[0] and p[1] <= limit), None)
        if target is not None and _WHERE.search(doc.text[m.end():target[0]]):
            target = None  # "destroyed an army at Lake X": where it happened, not what was struck
        start, end = m.start(), (target[1] if target else m.end())
        if target is None:  # "Athens was spared"
            before = doc.text[max(0, m.start() - 30):m.start()]
            if re.search(r"\b(?:was|were)\s+$", before):
                target = next((p for p in reversed(places) if p[1] <= m.start() and m.start() - p[1] <= 30), None)
                start = target[0] if target else start
        if target is None:
            continue
        sent = doc.sentence_at(m.start())
        year = stated_year(doc, sent.start, sent.end) if sent is not None else None
        out.append(PlaceFate(doc.id, start, end, doc.text[start:end], target[2], bool(m["struck"]), year))
    return out


def _same_place(a: str, b: str) -> bool:
    """One gazetteer place, or two rows for it ("the Venetians": the republic; "Venice": the city)."""
    if a == b:
        return True
    d = distance_km(a, b)
    return d is not None and d <= SAME_PLACE_KM


def _claim(f: PlaceFate, label: str) -> DocSpan:
    return DocSpan(f.doc, f.start, f.end, f.text, value=label)


def find(view: View):
    demonyms = _demonym_map()
    all_fates = [f for doc in view.corpus.docs for f in fates(doc, demonyms)]
    struck = [f for f in all_fates if f.struck]
    spared = [f for f in all_fates if not f.struck]
    for s in spared:
        for k in struck:
            if not _same_place(k.place, s.place) or k.doc == s.doc and abs(k.start - s.start) < 400:
                continue  # one passage telling both: a list of places, not a disagreement
            if k.year is not None and s.year is not None and abs(k.year - s.year) > YEARS_APART:
                continue
            name = s.text.split()[-1] if s.text else "the place"
            yield Finding("outcome", "hard", f"whether {name} was sacked or spared",
                          (_claim(k, "sacked"), _claim(s, "spared")), topic=f"fate of {s.place}")


@lru_cache(maxsize=1)
def _demonym_map() -> dict[str, str]:
    return dict(load_lexicon().demonyms)


@lru_cache(maxsize=1)
def _people_pattern() -> re.Pattern | None:
    """The demonyms that name a people ("Athenians"), as one pattern."""
    people = sorted((d for d in _demonym_map() if d.endswith("s")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, people)) + r")\b") if people else None


__all__ = ["PlaceFate", "fates", "find"]
