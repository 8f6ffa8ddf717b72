"""Happenings that befall a person once: a birth, a death.

Two sources that tell one person's death tell one happening, whatever date or place
each gives (a disagreement on those is a conflict to report, not a second death); a
death told three times in one text is one death too. After the evidence-based
linking, the clusters holding the birth (or the death) of one person -- the only
participant, an entity of the corpus -- are joined. (Namesakes are kept apart by
entity resolution before this: a son named after his father is another entity.)
"""
from __future__ import annotations

from collections import defaultdict
from typing import Protocol

ONCE_KINDS = ("birth", "death")


class _Item(Protocol):
    doc_id: str
    who: frozenset[str]

    @property
    def kind(self) -> str: ...


def once_groups(items: list[_Item]) -> list[list[int]]:
    """Per (kind, person): the indices of items that tell that person's birth or death,
    the person being the only participant and an entity of the corpus."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if it.kind in ONCE_KINDS and len(it.who) == 1:
            (person,) = it.who
            if not person.startswith(f"{it.doc_id}:"):  # a corpus entity, not a local stand-in
                groups[(it.kind, person)].append(i)
    return [ix for ix in groups.values() if len(ix) > 1]


def join_once(clusters, items: list[_Item]) -> None:
    """Join the clusters telling one person's birth (or death)."""
    for ix in once_groups(items):
        for i in ix[1:]:
            clusters.union(ix[0], i)
