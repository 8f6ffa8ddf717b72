"""Definite descriptions of places: "the theater" is "Ford's Theatre".

A reader takes "the theater" (or "the bridge", "the island", "the hospital") for the
one place the document names with that head noun ("Ford's Theatre", "Latin Bridge") or,
for kinds a name need not say, the one place the gazetteer says is of that kind
("the island" -> Capri). With several such places in the document, the one named in
the description's section; otherwise the description names nothing and is dropped.
A description followed by what restricts it ("the house where Dickens lived", "the
island of Capri") or by a capitalised word is not taken. Word lists:
``data/aliases/place_heads.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import yaml

from ..model import Mention, PlaceRef
from .names import clean_surface, fold
from chronica.resources import path as resource_path

DATA = resource_path("aliases")
LABEL = "PLACE_DESCRIPTION"


@dataclass(frozen=True)
class _Heads:
    rx: re.Pattern
    head_of: dict[str, str]  # written form -> canonical head
    features: dict[str, frozenset[str]]  # canonical head -> gazetteer kinds


@lru_cache(maxsize=1)
def _heads() -> _Heads:
    raw = yaml.safe_load((DATA / "place_heads.yaml").read_text(encoding="utf-8"))
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
    out = []
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
