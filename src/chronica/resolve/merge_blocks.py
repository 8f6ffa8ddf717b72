"""Candidate pairs for ``merge_entities`` that stay near-linear on a large archive.

Merging compares two local entities only when they share a block key (a name word, a
gazetteer id, a stem). In a handful of documents every block is small and each pair in
it is compared, in a fixed order. In an archive a famous name recurs in thousands of
documents, and comparing every pair of its block is quadratic. Two facts keep it near
linear without changing what merges:

* whether two locals are the same entity depends only on what the comparison reads of
  each (its name forms, its place reference, a few per-document facts): its
  *signature*. Locals with one signature behave alike, so a large block is compared
  signature against signature (memoised across blocks), not local against local;
* a large block with many distinct signatures (the surname "Smith" in a national
  archive) is split by a second key: a given name, its initial, a prefix. One-word
  names are compared with every signature of the block (they are few: one per word).

Blocks up to ``SMALL_BLOCK`` members keep the exact pairwise order of comparison, so
small corpora give the same result as before.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Hashable, Iterable, Sequence

SMALL_BLOCK = 48          # members up to which a block is compared pair by pair
COMMON_SHARE = 0.5        # a sub-key held by more of a large block's classes than this is no split

Same = Callable[[int, int], bool]


class BlockLinker:
    """Links the locals of each block into ``uf`` (a ``DisjointSets``), comparing
    with ``same(i, j)``. ``signature(i)`` says what the comparison reads of local
    ``i``; ``doc_of(i)`` its document (locals of one document are never compared:
    within a document alias chaining has decided); ``sub_keys(i)`` the keys a large
    block is split by (empty: a one-word name, compared with all)."""

    def __init__(self, uf, same: Same, signature: Callable[[int], Hashable], doc_of: Callable[[int], str],
                 sub_keys: Callable[[int], Iterable[str]]) -> None:
        self.uf, self.same, self.signature, self.doc_of, self.sub_keys = uf, same, signature, doc_of, sub_keys
        self.tried: set[tuple[int, int]] = set()
        self.memo: dict[tuple[Hashable, Hashable], bool] = {}

    def link(self, blocks: Iterable[Sequence[int]]) -> None:
        # blocks with the same members give only pairs tried already: each distinct one once
        for idx in dict.fromkeys(tuple(v) for v in blocks):
            if len(idx) <= SMALL_BLOCK:
                self._link_small(idx)
            else:
                self._link_large(idx)

    def _link_small(self, idx: Sequence[int]) -> None:
        uf, tried = self.uf, self.tried
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                i, j = idx[x], idx[y]
                if self.doc_of(i) == self.doc_of(j) or (i, j) in tried:
                    continue
                tried.add((i, j))
                if uf.find(i) != uf.find(j) and self.same(i, j):
                    uf.union(i, j)

    def _same_sig(self, i: int, j: int) -> bool:
        key = (self.signature(i), self.signature(j))
        if key not in self.memo:
            self.memo[key] = self.same(i, j)
        return self.memo[key]

    def _link_large(self, idx: Sequence[int]) -> None:
        """Signature classes: members of one class are linked to its first member from
        another document if the class matches itself; two classes are compared once,
        by one member each, and when they match every member joins the other class."""
        classes: dict[Hashable, list[int]] = defaultdict(list)
        for i in sorted(idx):
            classes[self.signature(i)].append(i)
        reps = [members[0] for members in classes.values()]
        for members in classes.values():
            self._link_class(members)
        for a, b in self._class_pairs(reps):
            ca, cb = classes[self.signature(a)], classes[self.signature(b)]
            i, j = self._cross_doc_pair(ca, cb)
            if i is None or self.uf.find(i) == self.uf.find(j) and len(ca) == len(cb) == 1:
                continue
            if self._same_sig(i, j):
                for m in ca:
                    self.uf.union(m, j)
                for m in cb:
                    self.uf.union(i, m)

    def _link_class(self, members: list[int]) -> None:
        if len(members) < 2:
            return
        first = members[0]
        other = next((m for m in members if self.doc_of(m) != self.doc_of(first)), None)
        if other is None or not self._same_sig(first, other):
            return
        for m in members[1:]:
            partner = first if self.doc_of(m) != self.doc_of(first) else other
            self.uf.union(partner, m)

    def _cross_doc_pair(self, ca: list[int], cb: list[int]) -> tuple[int | None, int | None]:
        """One member of each class from two different documents."""
        for i in ca[:2]:
            for j in cb[:2]:
                if self.doc_of(i) != self.doc_of(j):
                    return (i, j) if i < j else (j, i)
        return None, None

    def _class_pairs(self, reps: list[int]):
        """Pairs of class representatives to compare: all of them while few, else those
        sharing a sub-key, and every one-word class with every class."""
        if len(reps) <= SMALL_BLOCK:
            yield from ((reps[x], reps[y]) for x in range(len(reps)) for y in range(x + 1, len(reps)))
            return
        by_key: dict[str, list[int]] = defaultdict(list)
        for r in reps:
            for k in set(self.sub_keys(r)):
                by_key[k].append(r)
        # a key most of the block shares (the block's own word, its prefix) splits nothing
        common = {k for k, members in by_key.items() if len(members) > COMMON_SHARE * len(reps)}
        open_ = [r for r in reps if not set(self.sub_keys(r)) - common]
        for k in common:
            del by_key[k]
        seen: set[tuple[int, int]] = set()
        for group in by_key.values():
            for x in range(len(group)):
                for y in range(x + 1, len(group)):
                    seen.add((group[x], group[y]) if group[x] < group[y] else (group[y], group[x]))
        for o in open_:
            for r in reps:
                if r != o:
                    seen.add((o, r) if o < r else (r, o))
        yield from sorted(seen)
