"""A large block compared signature by signature links the same groups as comparing
every pair (for a comparison that depends only on the signature)."""
from __future__ import annotations

import random

from chronica.resolve.disjoint import DisjointSets
from chronica.resolve.merge_blocks import SMALL_BLOCK, BlockLinker

# (surname, given name or "" for a one-word name): made-up people of an archive
PEOPLE = [("Varnek", "Odile"), ("Varnek", "Piet"), ("Varnek", ""), ("Tollis", "Mara"), ("Tollis", ""),
          ("Varnek", "O.")]


def same(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Full names equal (an initial stands for its name), or a one-word surname with anything."""
    if a[0] != b[0]:
        return False
    if not a[1] or not b[1]:
        return True
    return a[1] == b[1] or a[1][0] == b[1][0] and (a[1].endswith(".") or b[1].endswith("."))


def groups(uf: DisjointSets, n: int) -> set[frozenset[int]]:
    out: dict = {}
    for i in range(n):
        out.setdefault(uf.find(i), set()).add(i)
    return {frozenset(g) for g in out.values()}


def link(items, docs, block) -> set[frozenset[int]]:
    uf = DisjointSets()
    linker = BlockLinker(uf, lambda i, j: same(items[i], items[j]), lambda i: items[i], lambda i: docs[i],
                         lambda i: {"g:" + items[i][1][:1]} if items[i][1] else set())
    linker.link([block])
    return groups(uf, len(items))


def test_large_block_links_like_every_pair():
    rnd = random.Random(7)
    n = 4 * SMALL_BLOCK
    # no one-word surname: "Varnek" alone would join everyone (as pairwise would too)
    items = [rnd.choice([p for p in PEOPLE if p[1]]) for _ in range(n)]
    docs = [f"doc{i // 3}" for i in range(n)]
    got = link(items, docs, list(range(n)))
    uf = DisjointSets()
    for i in range(n):
        for j in range(i + 1, n):
            if docs[i] != docs[j] and same(items[i], items[j]):
                uf.union(i, j)
    want = groups(uf, n)
    assert got == want
    assert len(got) < n  # something did merge


def test_small_block_compares_every_pair_across_documents_only():
    items = [("Tollis", "Mara"), ("Tollis", "Mara"), ("Tollis", "Mara")]
    got = link(items, ["a", "a", "b"], [0, 1, 2])
    assert got == {frozenset({0, 1, 2})}
    got = link(items, ["a", "a", "a"], [0, 1, 2])  # one document: its own chaining decided
    assert got == {frozenset({0}), frozenset({1}), frozenset({2})}


def test_large_block_of_many_signatures_splits_by_sub_key_and_keeps_the_links():
    rnd = random.Random(11)
    givens = [f"{c}{k}" for c in "OPM" for k in range(SMALL_BLOCK)] + ["O.", "P."]
    n = 6 * SMALL_BLOCK
    items = [("Varnek", rnd.choice(givens)) for _ in range(n)] + [("Varnek", "Odile"), ("Varnek", "Odile")]
    docs = [f"doc{i // 2}" for i in range(len(items))]
    got = link(items, docs, list(range(len(items))))
    uf = DisjointSets()
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if docs[i] != docs[j] and same(items[i], items[j]):
                uf.union(i, j)
    assert got == groups(uf, len(items))
    assert any(len(g) > 2 for g in got) and len(got) > 1
