"""Definite descriptions of places: "the theater" is "Ford's Theatre".

A reader takes "the theater" (or "the bridge", "the island", "the hospital") for the
one place the document names with that head noun ("Ford's Theatre", "Latin Bridge") or,
for kinds a name need not say, the one place the gazetteer says is of that kind
("the island" -> Capri). With several such places in the document, the one named in
the description's section; otherwise the description names nothing and is dropped.
A description followed by what restricts it ("the house where Dickens lived", "the
island of Capri") or by a capitalised word is not taken. Word lists:
``lang/en/aliases/place_heads.yaml``.

"The city", "the town", "this capital" (``antecedent_heads`` in
``lang/en/places/place_words.yaml``) are read as a reader reads them: the town named
last before them, in the same section and not far back ("besieged Tarsus ... the town
fell"); none such, no place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from ..model import Mention, PlaceRef
from ..resources.names import clean_surface, fold
from ..resources import load

LABEL = "PLACE_DESCRIPTION"


@dataclass(frozen=True)
class _Heads:
    rx: re.Pattern
    head_of: dict[str, str]  # written form -> canonical head
    features: dict[str, frozenset[str]]  # canonical head -> gazetteer kinds


@lru_cache(maxsize=1)
def _heads() -> _Heads:
    raw = load("aliases/place_heads.yaml")
    head_of, features = {}, {}
    for key, h in raw["heads"].items():
        for f in h["forms"]:
            head_of[f] = key
        features[key] = frozenset(h.get("features", []))
    alts = "|".join(sorted(map(re.escape, head_of), key=len, reverse=True))
    stop = "|".join(map(re.escape, raw["restrictive_after"]))
    rx = re.compile(rf"(?<![\w-])(?P<span>[Tt]he\s+(?P<head>{alts}))(?![\w-])"
                    rf"(?!['’]s?\b)(?!\s+(?:{stop})\b)(?![ \t]+(?-i:[A-Z]))", re.IGNORECASE)
    return _Heads(rx, head_of, features)


def head_of_name(name: str) -> str | None:
    """The canonical head noun a place name ends in: "Ford’s Theatre" -> "theatre"."""
    h = _heads()
    words = fold(clean_surface(name)).split()
    for n in (2, 1):
        if len(words) > n - 1:
            key = h.head_of.get(" ".join(words[-n:]))
            if key is not None:
                return key
    return None


def find_place_descriptions(text: str, mentions: list[Mention], section_of: Callable[[int], int],
                            ref_of: Callable[[Mention], PlaceRef | None]) -> list[tuple[Mention, Mention]]:
    """(description mention, the named place mention it stands for) pairs."""
    h = _heads()
    taken = [(m.start, m.end) for m in mentions]
    places = [m for m in mentions if m.type == "place" and not m.cited]
    out = _antecedent_towns(text, places, taken, section_of, ref_of)
    taken += [(d.start, d.end) for d, _ in out]
    for d in h.rx.finditer(text):
        a, b = d.start("span"), d.end("span")
        if d["span"][4:5].isupper() or any(x < b and a < y for x, y in taken):
            continue  # "the Museum of ...": part of a name
        head = h.head_of[d["head"].casefold()]
        cands = [m for m in places if _fits(m, head, h, ref_of)]
        target = _one(cands, ref_of) or _one([m for m in cands if section_of(m.start) == section_of(a)], ref_of)
        if target is not None:
            out.append((Mention(a, b, text[a:b], LABEL, "place"), target))
    return out


def _fits(m: Mention, head: str, h: _Heads, ref_of) -> bool:
    if head_of_name(m.text) == head:
        return True
    ref = ref_of(m) if h.features.get(head) else None
    return bool(ref and ref.feature in h.features[head])


def _one(cands: list[Mention], ref_of) -> Mention | None:
    """The first mention when all name one place (same gazetteer id, or same name)."""
    keys = set()
    for m in cands:
        ref = ref_of(m)
        keys.add(ref.gazetteer if ref and ref.gazetteer else fold(clean_surface(m.text)))
    return cands[0] if len(keys) == 1 else None


ANTECEDENT_REACH = 1200  # characters back a bare "the town" still points to a named town


@lru_cache(maxsize=1)
def _town_rx() -> re.Pattern:
    raw = load("places/place_words.yaml")["antecedent_heads"]
    stop = "|".join(map(re.escape, load("aliases/place_heads.yaml")["restrictive_after"]))
    alts = "|".join(sorted(map(re.escape, raw), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<span>(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:{alts}))(?![\w-])(?!['’]s?\b)"
                      rf"(?!\s+(?:{stop})\b)(?![ \t]+(?-i:[A-Z]))")


def _antecedent_towns(text: str, places: list[Mention], taken: list[tuple[int, int]],
                      section_of: Callable[[int], int], ref_of) -> list[tuple[Mention, Mention]]:
    """"the town" -> the town named last before it (see the module's docstring)."""
    out = []
    for d in _town_rx().finditer(text):
        a, b = d.start("span"), d.end("span")
        if any(x < b and a < y for x, y in taken):
            continue
        before = [m for m in places if m.end <= a and a - m.start <= ANTECEDENT_REACH
                  and section_of(m.start) == section_of(a)]
        town = next((m for m in reversed(before) if _is_town(ref_of(m))), None)
        if town is not None:
            out.append((Mention(a, b, text[a:b], LABEL, "place"), town))
    return out


def _is_town(ref: PlaceRef | None) -> bool:
    return ref is not None and ref.feature == "city" and ref.lat is not None
