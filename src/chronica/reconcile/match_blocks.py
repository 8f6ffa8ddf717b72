"""Candidate pairs for the matcher: blocking on participants, name words, places,
regions and year, never all pairs."""
from __future__ import annotations

from collections import defaultdict

from ..match_settings import EventMatching
from .bounds import YEAR
from .match_items import Item, inferred


def _year(it: Item) -> int | None:
    if it.bounds is None or it.bounds.width > 3 * YEAR or inferred(it):
        return None  # undated, or dated only by a guess: compare with every year
    return int(it.bounds.mid // YEAR)


def candidate_pairs(items: list[Item], s: EventMatching, names: dict[str, frozenset[str]] | None = None,
                    place_names: dict[str, frozenset[str]] | None = None,
                    regions: dict[str, frozenset[str]] | None = None) -> set[tuple[int, int]]:
    """Pairs sharing a participant (or a participant's name word) or a place (or one
    place inside the other), in the same or a neighbouring year."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        keys = set(it.who)
        for e in it.who:
            keys.update("w:" + w for w in (names or {}).get(e, ()))
        if it.cue and not (it.who and it.where):
            keys.add("c:" + it.cue)  # nobody or no place to block on: the head word
        for e in keys:
            blocks[e].append(i)
        if it.where:
            blocks[it.where].append(i)
            for n in (place_names or {}).get(it.where, ()):
                blocks["p:" + n].append(i)
            for g in (regions or {}).get(it.where, ()):
                blocks["g:" + g].append(i)
    pairs: set[tuple[int, int]] = set()
    # blocks with the same members (a person's id and each word of their names) give
    # the same pairs: each distinct block once
    for members in dict.fromkeys(tuple(m) for m in blocks.values()):
        pairs.update(_block_pairs(list(members), items, s.max_block))
    return {p for p in pairs if p[0] != p[1]}


def _block_pairs(members: list[int], items: list[Item], max_block: int):
    """The pairs of one block: same or neighbouring year, or one side undated. A block
    past ``max_block`` members (a name or place a large archive tells again and again) is
    split further by head word, and what is still too big is left to the other, smaller
    blocks its events are in: the pairs per event stay bounded, so the cost grows with
    the archive, not with its square."""
    by_year: dict[int | None, list[int]] = defaultdict(list)
    for i in members:
        by_year[_year(items[i])].append(i)
    undated = by_year.pop(None, [])
    for y in sorted(by_year):
        near = by_year[y] + by_year.get(y + 1, [])
        if len(near) <= max_block:
            yield from _ordered(by_year[y], near)
        else:
            yield from _by_cue(by_year[y], near, items, max_block)
    if len(members) <= max_block or len(undated) <= 20:
        yield from _ordered(undated, members)
    elif undated:
        yield from _by_cue(undated, members, items, max_block)


def _by_cue(xs: list[int], ys: list[int], items: list[Item], max_block: int):
    """Pairs of ``xs`` and ``ys`` with the same head word, in sub-blocks of bounded size."""
    cue_of: dict[str, list[int]] = defaultdict(list)
    for y in ys:
        cue_of[items[y].cue].append(y)
    for x in xs:
        same = cue_of.get(items[x].cue, ())
        if items[x].cue and len(same) <= max_block:
            yield from _ordered([x], same)


def _ordered(xs: list[int], ys: list[int]):
    for x in xs:
        for y in ys:
            if x != y:
                yield (x, y) if x < y else (y, x)
