"""Greedy linking of candidate pairs into happenings: strong pairs first, then weak
cross-document pairs the order of telling supports, never a merge a member vetoes."""
from __future__ import annotations

from ..match_settings import EventMatching
from .geography import Geography
from .match_blocks import candidate_pairs
from .match_items import Item, inferred
from .match_once import join_once
from .match_order import continuations, legs_told_whole, same_gap, telling_order
from .match_score import (
    AIMED_KINDS, GENERIC_KINDS, dates_meet, means_of, told_alike, clashing,
    place_score, score_at, who_score, word_score,
)
from .match_cues import stative_kinds
from .match_memo import LikenessMemo, PairScorer


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


def cluster(items: list[Item], geo: Geography, s: EventMatching,
            names: dict[str, frozenset[str]] | None = None, memo: LikenessMemo | None = None) -> list[list[int]]:
    """Greedy linking, best pairs first: first the pairs with enough evidence of their
    own, then cross-document pairs with weaker evidence that sit in the same place of
    both documents' telling (between the same two already-matched happenings). ``memo``:
    likenesses kept from the last build (see :mod:`.match_memo`)."""
    likeness = PairScorer(items, geo, s, names, memo)
    strong, weak = _scored_pairs(items, geo, s, names, likeness)
    cl = Clusters(len(items))
    memo: dict = {}
    order = telling_order(items)
    for i, j in continuations(items, order, geo, s) + legs_told_whole(items, order, strong):
        cl.union(i, j)
    for (i, j), _ in sorted(strong.items(), key=lambda kv: (-kv[1], kv[0])):
        ri, rj = cl.find(i), cl.find(j)
        if ri != rj and _may_merge(cl.members[ri], cl.members[rj], items, geo, strong, s, names, memo=memo,
                                   likeness=likeness):
            cl.union(ri, rj)
    join_once(cl, items)  # one person's death told by two sources is one death (an anchor too)
    for _ in range(WEAK_PASSES):  # a weak link is an anchor too: it can close a gap for the next
        if not _weak_links(cl, weak, items, order, geo, s, names, memo, likeness):
            break
    return sorted((sorted(m) for m in cl.members.values()), key=lambda m: m[0])


Scores = dict[tuple[int, int], float]
WEAK_PASSES = 4  # rounds of weak linking: each round's links may put later pairs in one gap


def _weak_links(cl: Clusters, weak: Scores, items: list[Item], order, geo: Geography, s: EventMatching,
                names, memo: dict, likeness: PairScorer) -> int:
    """One round of weak links, best first: pairs of events matched with nobody in
    another document yet, between the same two matched happenings of both tellings."""
    made = 0
    for (i, j), _ in sorted(weak.items(), key=lambda kv: (-kv[1], kv[0])):
        ri, rj = cl.find(i), cl.find(j)
        if not _unmatched_pair(cl.members[ri], cl.members[rj], items) or ri == rj:
            continue  # only events matched with nobody in another document yet
        if same_gap(i, j, items, order, cl, s.gap_reach) and _may_merge(
                cl.members[ri], cl.members[rj], items, geo, weak, s, names, s.weak_signals, memo=memo,
                likeness=likeness):
            cl.union(ri, rj)
            made += 1
    return made


def _scored_pairs(items: list[Item], geo: Geography, s: EventMatching,
                  names: dict[str, frozenset[str]] | None, likeness: PairScorer) -> tuple[Scores, Scores]:
    """The candidate pairs with enough evidence of their own (strong), and the
    cross-document ones the order of telling may yet support (weak), with their scores."""
    strong: Scores = {}
    weak: Scores = {}
    for i, j in candidate_pairs(items, s, names, geo.place_names(), geo.region_keys()):
        a, b = items[i], items[j]
        li = likeness(i, j)
        if li is None:
            continue
        score = score_at(li, a, b, s)
        if score >= s.threshold:
            strong[(i, j)] = score
        elif a.doc_id != b.doc_id:
            w = score_at(li, a, b, s, min_signals=s.weak_signals)
            if (w >= s.weak_threshold and _same_actors(a, b, geo, names)
                    and told_alike(a, b, s) and dates_meet(a, b, s)):
                weak[(i, j)] = w
    return strong, weak


def _unmatched_pair(a: list[int], b: list[int], items: list[Item]) -> bool:
    """Two clusters each of one document only, the two documents different."""
    da, db = _docs(a, items), _docs(b, items)
    return len(da) == 1 and len(db) == 1 and da != db


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


def retold(a: Item, b: Item, geo: Geography, s: EventMatching) -> bool:
    """One document telling one happening twice: same kind and people, no other place,
    and the same stated date or much the same words."""
    if a.kind != b.kind or not (a.who & b.who):
        return False
    if a.where and b.where and geo.relation(a.where, b.where) not in ("same", "within", "contains"):
        return False
    same_date = (a.bounds is not None and b.bounds is not None and not inferred(a) and not inferred(b)
                 and a.bounds.overlaps(b.bounds) and max(a.bounds.width, b.bounds.width) <= s.same_date_days)
    return same_date or word_score(a, b, s) >= s.retold_words


def same_blow(a: Item, b: Item, s: EventMatching) -> bool:
    """One document telling one blow twice (once in passing, once in full): the same
    kind aimed at the very same people (or at one of them by the same means), on dates
    that meet, and nothing that clashes."""
    if a.kind != b.kind or a.kind not in AIMED_KINDS or not a.targets & b.targets:
        return False
    ma, mb = means_of(a), means_of(b)
    alike = a.targets == b.targets or bool(ma & mb)  # the same victims, or a victim and the same means
    return alike and dates_meet(a, b, s) and not clashing(a, b)


def headed_stay(a: Item, b: Item, geo: Geography) -> bool:
    """A heading's stay ("Turkey, 1929-1933", no head word) and the body's telling of the
    same person's stay there ("she would live there for a decade"): one stay."""
    kinds = stative_kinds()
    if a.kind != b.kind or a.kind not in kinds or (a.local.trigger is None) == (b.local.trigger is None):
        return False
    if not a.who & b.who or not a.where or not b.where or a.bounds is None or b.bounds is None:
        return False
    return geo.relation(a.where, b.where) in ("same", "within", "contains") and a.bounds.overlaps(b.bounds)


def _may_merge(a: list[int], b: list[int], items: list[Item], geo: Geography, scores: Scores,
               s: EventMatching, names: dict[str, frozenset[str]] | None = None,
               min_signals: float | None = None, memo: dict | None = None,
               likeness: PairScorer | None = None) -> bool:
    """May clusters ``a`` and ``b`` become one? Not when two members of one document
    are not one telling told twice, nor when a cross-document pair cannot be one
    happening (unless a member telling its whole clause agrees)."""
    memo = {} if memo is None else memo  # pairs scored for earlier merges: clusters grow, pairs recur
    likeness = likeness or PairScorer(items, geo, s, names, None)

    def score(x: int, y: int) -> float:
        key = (x, y) if x < y else (y, x)
        known = scores.get(key)
        if known is None:
            if key not in memo:
                memo[key] = likeness(*key)
            li = memo[key]
            known = 0.0 if li is None else score_at(li, items[key[0]], items[key[1]], s, min_signals)
        return known

    for x in a:
        for y in b:
            pair = score(x, y)
            same_doc = items[x].doc_id == items[y].doc_id
            if same_doc and not _told_twice(items[x], items[y], pair, geo, s):
                return False
            if pair == 0.0 and not same_doc and not any(
                    _overlapping(items[y], items[z]) and score(x, z) > 0 for z in b if z != y):
                return False  # (a leg of a clause another member tells whole does not veto)
    return True


def _told_twice(a: Item, b: Item, score: float, geo: Geography, s: EventMatching) -> bool:
    """Two items of one document that tell one happening twice."""
    return ((score >= s.within_document and retold(a, b, geo, s)) or same_blow(a, b, s)
            or headed_stay(a, b, geo))


def _overlapping(a: Item, b: Item) -> bool:
    """Two items of one document whose evidence overlaps (a journey's leg and its clause)."""
    return (a.doc_id == b.doc_id and a.local.evidence.start < b.local.evidence.end
            and b.local.evidence.start < a.local.evidence.end)
