"""Descriptions read through the document's own relations: "his wife" is Mary when
the text has said that Mary is his wife; "Caesar’s assassin" is Brutus when it has
said that Brutus stabbed Caesar; "the assassin" is the one killer the document names.

The ``fold_described`` component, run after ``extract_relations`` (relations are what
it reads). A person known
only by descriptions ("his wife", "her father") is folded into the named person every
one of its descriptions points to: the possessor ("his" / "her" / "their" by the
relations' pronoun rule, or "Caesar’s") and the noun's meaning
(``lang/en/relations/inverses.yaml``: "his father" is X of "Lev -parent-> X" or of
"X -child-> Lev") must give exactly one named person of a compatible gender. Otherwise
the description stays a person of its own ("his son", never named).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Doc
from ..model import ROLE_RANK, LocalEntity
from ..components import Context, component
from ..resources import load
from ..resources.gender import given_name_gender, gender_words
from .pronouns import GENDER_OF, resolve_plural, resolve_pronoun
from .relations import body_sentences, dedupe_relations

_POSS_NAME = re.compile(r"^(?P<name>.+?)['’]s?\s")


@dataclass(frozen=True)
class _Meaning:
    kinds: frozenset[str] = frozenset()
    inverse: frozenset[str] = frozenset()
    labels: frozenset[str] = frozenset()
    inverse_labels: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def meanings() -> dict[str, _Meaning]:
    raw = load("relations/inverses.yaml")
    return {noun: _Meaning(*(frozenset(spec.get(k, [])) for k in ("kinds", "inverse", "labels", "inverse_labels")))
            for noun, spec in raw["nouns"].items()}


# Folding one entity into another moves its mentions and rewrites every key that
# events, relations and claims hold (see fold_entity).
@component("fold_described", requires=("spacy", "sentences", "entities", "relations", "events"),
           assigns=("mentions.entity", "entities", "events.who", "events.where", "events.roles", "relations",
                    "claims.subject"))
def fold_described(doc: Doc, ctx: Context) -> None:
    resolve_described(doc, body_sentences(doc))
    doc.relations = dedupe_relations(doc.relations)  # a fold can make two relations one


def resolve_described(doc: Doc, sents: list[tuple[int, int]]) -> None:
    """Fold description-only people into the named person their descriptions mean."""
    for ent in list(doc.entities):
        if ent.type != "person" or not ent.mentions or any(
                doc.mentions[i].label != "DESCRIPTION" for i in ent.mentions):
            continue
        found = {referent(doc, i, ent.key, sents) for i in ent.mentions}
        if len(found) == 1 and None not in found:
            fold_entity(doc, ent.key, found.pop())


def referent(doc: Doc, index: int, self_key: str, sents: list[tuple[int, int]]) -> str | None:
    """The named person a description mention stands for, or None when unsure."""
    m = doc.mentions[index]
    words = m.text.split()
    noun = words[-1].casefold()
    meaning = meanings().get(noun)
    if meaning is None or len(words) < 2:
        return None
    first = words[0].casefold()
    si = max(bisect_right([s[0] for s in sents], m.start) - 1, 0)
    named = _named_people(doc)
    if first == "the":
        cands = {r.target for r in doc.relations if r.kind in meaning.kinds and "killer" in meaning.kinds}
    else:
        if first in ("his", "her"):
            p = _joint_possessor(doc, index) or resolve_pronoun(doc, m.start, si, sents, {self_key},
                                                                 GENDER_OF.get(first))
            possessors = [p] if p else []
        elif first == "their":
            possessors = resolve_plural(doc, m.start, si, sents, {self_key})
        else:
            possessors = _name_possessor(doc, index)
        cands = set()
        for p in possessors:
            cands |= _related(doc, p, meaning)
    want = gender_words().get(noun)
    cands = {k for k in cands if k in named and k != self_key and _gender_fits(named[k], want)}
    return cands.pop() if len(cands) == 1 else None


def _related(doc: Doc, possessor: str, meaning: _Meaning) -> set[str]:
    out = set()
    for r in doc.relations:
        label = r.label.casefold()
        if r.source == possessor and (r.kind in meaning.kinds or label in meaning.labels):
            out.add(r.target)
        elif r.target == possessor and (r.kind in meaning.inverse or label in meaning.inverse_labels):
            out.add(r.source)
    return out - {possessor}


def _joint_possessor(doc: Doc, index: int) -> str | None:
    """"greeted the mayor and his wife": "his" is the person named just before "and"."""
    m = doc.mentions[index]
    for o in doc.mentions:
        if o.entity and o.type == "person" and o.end <= m.start and re.fullmatch(
                r"\s+and\s+", doc.text[o.end:m.start]):
            return o.entity
    return None


def _name_possessor(doc: Doc, index: int) -> list[str]:
    """"Caesar’s assassin": the person whose name the description opens with."""
    m = doc.mentions[index]
    for j, o in enumerate(doc.mentions):
        if j != index and o.start == m.start and o.end < m.end and o.entity and o.type == "person":
            return [o.entity]
    return []


def _named_people(doc: Doc) -> dict[str, LocalEntity]:
    return {e.key: e for e in doc.entities if e.type == "person" and any(
        doc.mentions[i].label != "DESCRIPTION" for i in e.mentions)}


def _gender_fits(ent: LocalEntity, want: str | None) -> bool:
    if want is None:
        return True
    got = given_name_gender(ent.name.split()[0])
    return got is None or got == want


def fold_entity(doc: Doc, src: str, dst: str) -> None:
    """Make entity ``src`` part of ``dst``: mentions, aliases, and every key that
    events and relations hold."""
    s, d = doc.entity(src), doc.entity(dst)
    if s is None or d is None or s is d:
        return
    for i in s.mentions:
        doc.mentions[i].entity = dst
    d.mentions = sorted(set(d.mentions) | set(s.mentions))
    d.aliases += [a for a in s.aliases if a not in d.aliases]
    doc.entities.remove(s)
    for ev in doc.events:
        ev.who = list(dict.fromkeys(dst if k == src else k for k in ev.who))
        if src in ev.roles:  # the kept entity keeps the stronger part: agent, then patient
            part = ev.roles.pop(src)
            ev.roles[dst] = min(part, ev.roles.get(dst, part), key=ROLE_RANK.index)
        if ev.where == src:
            ev.where = dst
    for r in doc.relations:
        r.source = dst if r.source == src else r.source
        r.target = dst if r.target == src else r.target
    doc.relations = [r for r in doc.relations if r.source != r.target]
    for c in doc.claims:
        if c.subject == src:
            c.subject = dst
