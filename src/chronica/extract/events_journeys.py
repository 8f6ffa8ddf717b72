"""A journey told in one clause with several legs ("fled to Vienna, then on to
Prague"): the token ranges of its legs, each going to a place of its own."""
from __future__ import annotations

from ..resources import load

_WORDS = load("events/clause_words.yaml")
LEG_PREPS = frozenset(_WORDS["leg_preps"])


def journey_legs(sent, anchor: int, a: int, b: int, place_roots: set[int]) -> list[tuple[int, int]]:
    """Split one movement clause into its legs ("was carried to Dover, and from
    Dover to Calais"; "deported to Malta and then to Egypt"): token ranges,
    one per prepositional phrase of the verb that names a place, in text order."""
    doc = sent.doc
    heads: list[int] = []
    for i in sorted(place_roots):
        if not (a <= i < b):
            continue
        cur = doc[i]
        leg = None
        # a place coordinated with the leg's place ("moving on to Peru, then Chile")
        listed = (cur.dep_ == "conj" and cur.head.i in place_roots) or (
            cur.dep_ in ("npadvmod", "appos") and cur.head.i == anchor)
        while cur.i != anchor and cur.head.i != cur.i and a <= cur.head.i < b:
            if cur.pos_ == "ADP" and cur.lower_ in LEG_PREPS and (
                    cur.head.i == anchor or (cur.dep_ == "conj" and cur.head.pos_ == "ADP")):
                leg = cur.i
            cur = cur.head
        if listed and (leg is not None or doc[i].head.i == anchor) and _sequenced(doc[i]):
            leg = i
        if cur.i == anchor and leg is not None and leg not in heads:
            heads.append(leg)
    if len(heads) < 2:
        return [(a, b)]
    heads.sort()
    out = []
    starts = [a] + [_leg_start(doc, h) for h in heads[1:]]
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else b
        out.append((s, e))
    return out


SEQUENCE_WORDS = frozenset(_WORDS["sequence_words"])


def _sequenced(place) -> bool:
    """A listed place told as a later stop ("to France, then Norway"), not a pair
    visited together ("to France and Belgium")."""
    before = [t for t in place.doc[max(place.head.i + 1, place.i - 3):place.i]]
    return any(t.lower_ in SEQUENCE_WORDS for t in before) or any(
        c.lower_ in SEQUENCE_WORDS for c in place.children)


def _leg_start(doc, prep: int) -> int:
    """The first token of a leg: its preposition, or an adverb before it ("then to")."""
    sub = [t.i for t in doc[prep].subtree if t.dep_ != "conj" or t.i == prep]
    start = prep
    for t in doc[prep].children:
        if t.dep_ == "advmod" and t.i < prep:
            start = min(start, t.i)
    start = min([start] + [i for i in sub if i <= prep])
    while start > 0 and doc[start - 1].lower_ in SEQUENCE_WORDS:
        start -= 1  # "..., then Norway"
    return start
