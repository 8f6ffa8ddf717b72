"""Greedy linking of candidate pairs into happenings: strong pairs first, then weak
cross-document pairs the order of telling supports, never a merge a member vetoes."""
from __future__ import annotations

from .geography import Geography
from .match_blocks import candidate_pairs
from .match_items import Item, inferred
from .match_once import join_once
from .match_order import same_gap, telling_order, continuations
from .match_score import (
    AIMED_KINDS, GENERIC_KINDS, MIN_SIGNALS, dates_meet, means_of, told_alike, clashing, pair_likeness,
    place_score, score_at, who_score, word_score,
)
from .match_cues import stative_kinds


THRESHOLD = 0.62          # pair score to be the same happening across documents
WITHIN_DOC = 0.80         # stricter: one document telling a happening twice

# ------------------------------------------------------------------ clustering --

class Clusters:
    def __init__(self, n: int):
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


def cluster(items: list[Item], geo: Geography, names: dict[str, frozenset[str]] | None = None) -> list[list[int]]:
    """Greedy linking, best pairs first: first the pairs with enough evidence of their
    own, then cross-document pairs with weaker evidence that sit in the same place of
    both documents' telling (between the same two already-matched happenings)."""
    strong: dict[tuple[int, int], float] = {}
    weak: dict[tuple[int, int], float] = {}
    for i, j in candidate_pairs(items, names, geo.place_names(), geo.region_keys()):
        li = pair_likeness(items[i], items[j], geo, names)
        if li is None:
            continue
        s = score_at(li, items[i], items[j])
        if s >= THRESHOLD:
            strong[(i, j)] = s
        elif items[i].doc_id != items[j].doc_id:
            w = score_at(li, items[i], items[j], min_signals=WEAK_SIGNALS)
            if (w >= WEAK_THRESHOLD and _same_actors(items[i], items[j], geo, names)
                    and told_alike(items[i], items[j]) and dates_meet(items[i], items[j])):
                weak[(i, j)] = w
    cl = Clusters(len(items))
    memo: dict = {}
    order = telling_order(items)
    for i, j in continuations(items, order, geo):
        cl.union(i, j)
    for (i, j), s in sorted(strong.items(), key=lambda kv: (-kv[1], kv[0])):
        ri, rj = cl.find(i), cl.find(j)
        if ri != rj and _may_merge(cl.members[ri], cl.members[rj], items, geo, strong, names, memo=memo):
            cl.union(ri, rj)
    for (i, j), s in sorted(weak.items(), key=lambda kv: (-kv[1], kv[0])):
        ri, rj = cl.find(i), cl.find(j)
        if ri == rj or _docs(cl.members[ri], items) | _docs(cl.members[rj], items) != {items[i].doc_id, items[j].doc_id} \
                or len(_docs(cl.members[ri], items)) > 1 or len(_docs(cl.members[rj], items)) > 1:
            continue  # only events matched with nobody in another document yet
        if same_gap(i, j, items, order, cl) and _may_merge(cl.members[ri], cl.members[rj], items, geo, weak,
                                                            names, WEAK_SIGNALS, memo=memo):
            cl.union(ri, rj)
    join_once(cl, items)  # one person's death told by two sources is one death
    return sorted((sorted(m) for m in cl.members.values()), key=lambda m: m[0])

def _docs(members: list[int], items: list[Item]) -> set[str]:
    return {items[m].doc_id for m in members}

def _same_actors(a: Item, b: Item, geo: Geography, names) -> bool:
    """A participant in common, or (one side naming nobody) a place that agrees, for a
    kind that says something on its own."""
    if who_score(a, b, names) >= 0.5:
        return True
    if a.who and b.who:
        return False
    place = place_score(a, b, geo)
    return a.kind == b.kind and a.kind not in GENERIC_KINDS and place is not None and place >= 0.6

WEAK_THRESHOLD = 0.5      # pair score for a match the order of telling supports
WEAK_SIGNALS = 1.0

def retold(a: Item, b: Item, geo: Geography) -> bool:
    """One document telling one happening twice: same kind and people, no other place,
    and the same stated date or much the same words."""
    if a.kind != b.kind or not (a.who & b.who):
        return False
    if a.where and b.where and geo.relation(a.where, b.where) not in ("same", "within", "contains"):
        return False
    same_date = (a.bounds is not None and b.bounds is not None and not inferred(a) and not inferred(b)
                 and a.bounds.overlaps(b.bounds) and max(a.bounds.width, b.bounds.width) <= 31)
    return same_date or word_score(a, b) >= 0.45


def same_blow(a: Item, b: Item) -> bool:
    """One document telling one blow twice (once in passing, once in full): the same
    kind aimed at the very same people (or at one of them by the same means), on dates
    that meet, and nothing that clashes."""
    if a.kind != b.kind or a.kind not in AIMED_KINDS or not a.targets & b.targets:
        return False
    ma, mb = means_of(a), means_of(b)
    alike = a.targets == b.targets or bool(ma & mb)  # the same victims, or a victim and the same means
    return alike and dates_meet(a, b) and not clashing(a, b)


def headed_stay(a: Item, b: Item, geo: Geography) -> bool:
    """A heading's stay ("Turkey, 1929-1933", no head word) and the body's telling of the
    same person's stay there ("she would live there for a decade"): one stay."""
    kinds = stative_kinds()
    if a.kind != b.kind or a.kind not in kinds or (a.local.trigger is None) == (b.local.trigger is None):
        return False
    if not a.who & b.who or not a.where or not b.where or a.bounds is None or b.bounds is None:
        return False
    return geo.relation(a.where, b.where) in ("same", "within", "contains") and a.bounds.overlaps(b.bounds)


def _may_merge(a: list[int], b: list[int], items: list[Item], geo: Geography,
               scores: dict[tuple[int, int], float], names: dict[str, frozenset[str]] | None = None,
               min_signals: float = MIN_SIGNALS, memo: dict | None = None) -> bool:
    memo = {} if memo is None else memo  # pairs scored for earlier merges: clusters grow, pairs recur

    def score(x: int, y: int) -> float:
        key = (x, y) if x < y else (y, x)
        s = scores.get(key)
        if s is None:
            if key not in memo:
                memo[key] = pair_likeness(items[key[0]], items[key[1]], geo, names)
            li = memo[key]
            s = 0.0 if li is None else score_at(li, items[key[0]], items[key[1]], min_signals)
        return s

    for x in a:
        for y in b:
            s = score(x, y)
            same_doc = items[x].doc_id == items[y].doc_id
            if same_doc and (s < WITHIN_DOC or not retold(items[x], items[y], geo)) \
                    and not same_blow(items[x], items[y]) and not headed_stay(items[x], items[y], geo):
                return False
            if s == 0.0 and not same_doc and not any(
                    _overlapping(items[y], items[z]) and score(x, z) > 0 for z in b if z != y):
                return False  # (a leg of a clause another member tells whole does not veto)
    return True


def _overlapping(a: Item, b: Item) -> bool:
    """Two items of one document whose evidence overlaps (a journey's leg and its clause)."""
    return (a.doc_id == b.doc_id and a.local.evidence.start < b.local.evidence.end
            and b.local.evidence.start < a.local.evidence.end)
