"""The order of telling: sources retell a story in much the same order, so an event
between two matched happenings of one telling matches its like between the same two of
another; and a sentence that goes on telling the happening of the one before is one
happening with it."""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..match_settings import EventMatching
from .geography import Geography
from .match_items import Item, inferred
from .match_score import GENERIC_KINDS, word_score

if TYPE_CHECKING:
    from .match_cluster import Clusters


def continuations(items: list[Item], order: dict[int, tuple[str, int]], geo: Geography,
                  s: EventMatching) -> list[tuple[int, int]]:
    """A sentence that goes on telling the happening the one before told ("raiders
    broke into the manor. They set fire to the stables"): the next
    event in a document's telling, of the same specific kind, with no date, place or
    participant of its own, worded alike."""
    at = {v: i for i, v in order.items()}
    out = []
    for i, (doc_id, r) in order.items():
        j = at.get((doc_id, r + 1))
        if j is None:
            continue
        a, b = items[i], items[j]
        if a.kind != b.kind or a.kind in GENERIC_KINDS or a.local.trigger is None or b.local.trigger is None:
            continue
        if not inferred(b) or (b.bounds is not None and a.bounds is not None and not a.bounds.overlaps(b.bounds)):
            continue
        if not b.who <= a.who or (b.placed and b.where != a.where):
            continue
        if not 0 <= b.local.evidence.start - a.local.evidence.end <= 1:
            continue  # the very next sentence of the same paragraph
        if word_score(a, b, s) >= s.continue_words:
            out.append((i, j))
    return out


def legs_told_whole(items: list[Item], order: dict[int, tuple[str, int]],
                    strong: dict[tuple[int, int], float], max_gap: int = 6) -> list[tuple[int, int]]:
    """Two legs of one sentence ("climbed over the rail and jumped to the floor") that
    another source tells as one movement ("clambered over and dropped down"): when one
    item of another document matches both legs on strong evidence, the legs are one
    happening, so that the whole telling is not split between them and another event
    takes the second leg. Legs: the next event of the same document and kind, in the
    same sentence (only a joining word between the two evidences), nobody new in it."""
    partners: dict[int, set[int]] = defaultdict(set)
    for i, j in strong:
        if items[i].doc_id != items[j].doc_id:
            partners[i].add(j)
            partners[j].add(i)
    at = {v: i for i, v in order.items()}
    out = []
    for i, (doc_id, r) in order.items():
        j = at.get((doc_id, r + 1))
        if j is None or not partners[i] & partners[j]:
            continue
        a, b = items[i], items[j]
        if a.kind != b.kind or not b.who <= a.who or a.sentence < 0 or a.sentence != b.sentence:
            continue
        if 0 < b.local.evidence.start - a.local.evidence.end <= max_gap:
            out.append((i, j))
    return out


def telling_order(items: list[Item]) -> dict[int, tuple[str, int]]:
    """Each item's telling (its document, or a document's summary lead: see
    ``match_items.telling_of``) and rank in that telling's order."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_doc[it.telling or it.doc_id].append(i)
    out = {}
    for doc_id, idx in by_doc.items():
        idx.sort(key=lambda i: (items[i].local.evidence.start, items[i].local.evidence.end))
        for r, i in enumerate(idx):
            out[i] = (doc_id, r)
    return out


_DOC_INDEX: dict[int, tuple[dict, dict[str, list[int]]]] = {}


def _in_doc(order: dict[int, tuple[str, int]], doc_id: str) -> list[int]:
    """The items of one document (an index built once per telling order)."""
    cached = _DOC_INDEX.get(id(order))
    if cached is None or cached[0] is not order:
        by_doc: dict[str, list[int]] = defaultdict(list)
        for i, (d, _) in order.items():
            by_doc[d].append(i)
        _DOC_INDEX.clear()
        _DOC_INDEX[id(order)] = cached = (order, by_doc)
    return cached[1].get(doc_id, [])


def same_gap(i: int, j: int, items: list[Item], order: dict[int, tuple[str, int]], cl: Clusters,
             gap_reach: int) -> bool:
    """Do ``i`` and ``j`` (two documents) sit between the same two matched happenings of
    their documents' telling? Sources retell a story in much the same order, so an event
    between "fled the capital" and "the siege" in one telling matches its like
    between the same two in the other."""
    da, ra = order[i]
    db, rb = order[j]
    anchors = in_order(_anchors(da, db, order, cl))
    if not anchors:
        return False
    prev_a, next_a = _around(anchors, ra, side=0)
    prev_b, next_b = _around(anchors, rb, side=1)
    if prev_a != prev_b or next_a != next_b:
        return False
    if prev_a is None and next_a is None:
        return False
    if prev_a is None or next_a is None:  # an open end: stay close to the matched neighbour
        x, y = prev_a or next_a
        return abs(ra - x) <= gap_reach and abs(rb - y) <= gap_reach
    return True


def _anchors(da: str, db: str, order: dict[int, tuple[str, int]], cl: Clusters) -> list[tuple[int, int]]:
    """(rank in ``da``, rank in ``db``) of each happening both documents tell."""
    anchors = []
    for m in _in_doc(order, da):  # the clusters of a's document only: not all clusters
        ys = [order[n][1] for n in cl.members[cl.find(m)] if order[n][0] == db]
        anchors.extend((order[m][1], y) for y in ys)
    return anchors


def _around(anchors: list[tuple[int, int]], rank: int, side: int):
    """The matched happenings just before and just after ``rank`` in one document's
    telling (``side`` 0 or 1 of the anchors), ties broken by the other side."""
    def key(p: tuple[int, int]) -> tuple[int, int]:
        return (p[side], p[1 - side])
    before = [p for p in anchors if p[side] < rank]
    after = [p for p in anchors if p[side] > rank]
    return max(before, key=key, default=None), min(after, key=key, default=None)


def in_order(anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of anchors told in the same order by both documents: an
    anchor that crosses the others (a flashback, or a doubtful match) must not shift
    the gaps of everything told after it."""
    anchors = sorted(set(anchors))
    best: list[list[tuple[int, int]]] = []
    for k, (x, y) in enumerate(anchors):
        prev = [best[i] for i in range(k) if anchors[i][0] <= x and anchors[i][1] <= y]
        best.append(max(prev, key=len, default=[]) + [(x, y)])
    return max(best, key=len, default=[])
