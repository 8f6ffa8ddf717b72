"""Group descriptions as mentions of their members: "the royal couple" stands for the
two people the text joins as spouses, "X and his family" and a later "the family" for X.

Each member gets its own mention (label ``MEMBERS``) over the group's span, so that a
group of two gives two mentions on one span; the principal person (the possessor in
"X and his wife, Y", the X of "X and his family") comes last. They are added after
chaining: they never name an entity and never become aliases.

Spouses are read from the text: "X and his wife, Y", "X's wife Y", and "his wife, Y"
with "his" taken as the nearest person before it in the same sentence. A couple is
the pair with both members mentioned most recently before it; with no such pair it
stays unlinked. "The family" needs an anchor in the last few sentences ("X and his
family", "X's family", "the Xs'" with X a person's surname).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import yaml

from ..doc import Doc
from ..model import LocalEntity, Mention
from chronica.resources import path as resource_path

DATA = resource_path("")
LABEL = "MEMBERS"


@dataclass(frozen=True)
class _Words:
    couple: re.Pattern
    spouse_before: re.Pattern  # end of text right before a named spouse
    family_after: re.Pattern  # right after a person: " and his family", "'s family"
    the_family: re.Pattern
    plural_name: re.Pattern
    lookback: int


def _alts(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = yaml.safe_load((DATA / "aliases" / "group_members.yaml").read_text(encoding="utf-8"))
    mods, couple = _alts(raw["couple_modifiers"]), _alts(raw["couple_nouns"])
    spouse, family = _alts(raw["spouse_nouns"]), _alts(raw["family_nouns"])
    return _Words(
        couple=re.compile(rf"(?<![\w-])[Tt]he\s+(?:(?:{mods})\s+){{0,2}}(?:{couple})(?![\w-])"),
        spouse_before=re.compile(
            rf"(?:(?P<and>\s+and\s+(?:his|her))|(?P<poss>['’]s?|(?<=['’]s))|(?<![\w-])(?:[Hh]is|[Hh]er))"
            rf"\s+(?:{spouse}),?\s+$"),
        family_after=re.compile(
            rf"(?:\s+and\s+(?:his|her)\s+(?:whole\s+|entire\s+|young\s+)?|['’]s?\s+|(?<=['’]s)\s+)(?P<span>(?:{family}))(?![\w-])"),
        the_family=re.compile(rf"(?<![\w-])[Tt]he\s+(?:{family})(?![\w-])"),
        plural_name=re.compile(r"(?<![\w-])[Tt]he\s+(?P<name>[A-Z][a-z]+)s['’]?(?![\w-])"),
        lookback=int(raw.get("family_lookback", 3)),
    )


@dataclass(frozen=True)
class _Member:
    start: int
    end: int
    entities: tuple[str, ...]  # principal last


def attach_group_members(doc: Doc, sentences: list[tuple[int, int, int]]) -> None:
    """Add ``MEMBERS`` mentions for group descriptions and register them with their
    entities (``doc.mentions`` stays sorted; entity indices are renumbered)."""
    people = sorted((m for m in doc.mentions if m.entity and m.type == "person" and not m.cited
                     and m.label != "DESCRIPTION"), key=lambda m: m.start)
    if not people:
        return
    starts = [s[0] for s in sentences]
    found = _couples(doc, people, starts) + _families(doc, people, starts, sentences)
    taken = {(m.start, m.end) for m in doc.mentions}
    added = [Mention(g.start, g.end, doc.text[g.start:g.end], LABEL, "person", k)
             for g in found if (g.start, g.end) not in taken for k in g.entities]
    if added:
        _insert(doc, added)


def _insert(doc: Doc, added: list[Mention]) -> None:
    old = list(enumerate(doc.mentions)) + [(None, m) for m in added]
    # stable: a group's members keep their order (principal last) on the same span
    old.sort(key=lambda x: (x[1].start, x[1].end))
    new_index = {i: j for j, (i, _) in enumerate(old) if i is not None}
    doc.mentions = [m for _, m in old]
    by_key: dict[str, LocalEntity] = {e.key: e for e in doc.entities}
    for e in doc.entities:
        e.mentions = [new_index[i] for i in e.mentions if i in new_index]
    for j, (i, m) in enumerate(old):
        if i is None and m.entity in by_key:
            by_key[m.entity].mentions.append(j)
    for e in doc.entities:
        e.mentions.sort()


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(bisect_right(starts, offset) - 1, 0)


def spouse_pairs(doc: Doc, people: list[Mention], starts: list[int]) -> list[tuple[int, str, str]]:
    """(offset, principal, spouse) for each place the text names a spouse."""
    w = _words()
    out = []
    for i, p in enumerate(people):
        m = w.spouse_before.search(doc.text, max(0, p.start - 40), p.start)
        if m is None:
            continue
        a = m.start()
        owner = None
        if m["and"] or m["poss"]:  # "X and his wife, Y" / "X's wife Y": X right before
            owner = next((q for q in people[:i] if q.end == a), None)
        else:  # "his wife, Y": the nearest other person before it in the sentence
            s = starts[_sentence_of(starts, p.start)]
            owner = next((q for q in reversed(people[:i]) if q.start >= s and q.end <= a
                          and q.entity != p.entity), None)
        if owner is not None and owner.entity != p.entity:
            out.append((p.start, owner.entity, p.entity))
    return out


def _couples(doc: Doc, people: list[Mention], starts: list[int]) -> list[_Member]:
    pairs = spouse_pairs(doc, people, starts)
    if not pairs:
        return []
    out = []
    for m in _words().couple.finditer(doc.text):
        last = {}
        for p in people:
            if p.start >= m.start():
                break
            last[p.entity] = p.start
        best = None
        for at, a, b in pairs:
            if at > m.start() or a not in last or b not in last:
                continue
            score = min(last[a], last[b])
            if best is None or score > best[0]:
                best = (score, a, b)
        if best is not None:
            out.append(_Member(m.start(), m.end(), (best[2], best[1])))
    return out


def _families(doc: Doc, people: list[Mention], starts: list[int],
              sentences: list[tuple[int, int, int]]) -> list[_Member]:
    w = _words()
    anchors: list[tuple[int, str]] = []  # (offset, person)
    out = []
    for p in people:
        m = w.family_after.match(doc.text, p.end)
        if m is not None:
            anchors.append((p.start, p.entity))
            out.append(_Member(m.start("span"), m.end("span"), (p.entity,)))
    surnames: dict[str, set[str]] = {}
    for p in people:
        words = p.text.replace("’s", "").replace("'s", "").split()
        if len(words) >= 2:
            surnames.setdefault(words[-1], set()).add(p.entity)
    for m in w.plural_name.finditer(doc.text):
        owners = surnames.get(m["name"], set())
        if len(owners) == 1:
            anchors.append((m.start(), next(iter(owners))))
    anchors.sort()
    for m in w.the_family.finditer(doc.text):
        si = _sentence_of(starts, m.start())
        lo = starts[max(si - w.lookback + 1, 0)]
        near = [k for at, k in anchors if lo <= at < m.start()]
        if near:
            out.append(_Member(m.start(), m.end(), (near[-1],)))
    return out
