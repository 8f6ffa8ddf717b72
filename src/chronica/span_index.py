"""Which of a document's spans overlap a stretch of its text, without scanning them all.

Rules that work sentence by sentence asked every mention of the document whether it lay
in the sentence: quadratic in a long document. ``SpanIndex`` sorts the spans by start once
and answers with the indices (in the list's own order, so callers see the spans in the
order they did) of every span that overlaps ``[lo, hi)``.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Sequence


class SpanIndex:
    """``spans``: (start, end) pairs; ``of``: the list they were taken from, so a caller
    can tell the index still describes it (``describes``)."""

    def __init__(self, spans: Sequence[tuple[int, int]], of: list | None = None):
        self.of, self.size = of, len(spans)
        order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self.starts = [spans[i][0] for i in order]
        self.order = order
        self.ends = [spans[i][1] for i in order]
        self.longest = max((e - s for s, e in spans), default=0)

    def describes(self, items: list) -> bool:
        return items is self.of and len(items) == self.size

    def overlapping(self, lo: int, hi: int) -> list[int]:
        """Indices, ascending, of the spans with ``end > lo`` and ``start < hi``."""
        first = bisect_left(self.starts, lo - self.longest)
        last = bisect_left(self.starts, hi)
        return sorted(self.order[k] for k in range(first, last) if self.ends[k] > lo)
