"""Disjoint sets (union-find) for grouping mentions and entities.

The smaller root always wins, so groups and the names derived from them do not depend
on the order in which links are found. Subclasses may veto a join (``may_join``) and
keep per-group data up to date (``joined``).
"""
from __future__ import annotations

from typing import Hashable


class DisjointSets:
    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]  # path halving
            x = self.parent[x]
        return x

    def union(self, a, b) -> bool:
        """Join the groups of ``a`` and ``b``; False if a subclass refused."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.may_join(ra, rb):
            return False
        lo, hi = (ra, rb) if ra < rb else (rb, ra)
        self.parent[hi] = lo
        self.joined(lo, hi)
        return True

    def may_join(self, root_a, root_b) -> bool:
        return True

    def joined(self, root, absorbed) -> None:
        """Called after ``absorbed``'s group became part of ``root``'s."""
