"""Relations that tie people across documents, for ``merge_entities``'s second pass: who
is the wife, son or killer of whom in each document, in the first pass's groups. Two
people each document relates in the same way to one person are one person when their
names allow it. ``locals_`` are ``merge._Local`` records (document, local entity, names)."""
from __future__ import annotations

from collections import defaultdict

from .disjoint import DisjointSets


def relation_ties(locals_: list, uf: DisjointSets) -> list[set[tuple]]:
    """For each local entity, (relation kind, side, group of the other end)."""
    key_of = {(loc.doc_id, loc.ent.key): i for i, loc in enumerate(locals_)}
    out: list[set[tuple]] = [set() for _ in locals_]
    seen_docs = set()
    for loc in locals_:
        if loc.doc_id in seen_docs:
            continue
        seen_docs.add(loc.doc_id)
        for r in getattr(loc.doc, "relations", []) or []:
            s, t = key_of.get((loc.doc_id, r.source)), key_of.get((loc.doc_id, r.target))
            if s is None or t is None:
                continue
            out[t].add((r.kind, "target", uf.find(s)))
            out[s].add((r.kind, "source", uf.find(t)))
    return out


def merge_first_names_by_ties(locals_: list, uf: DisjointSets, ties: list[set[tuple]]) -> None:
    """A person one document knows only by a first name ("his wife, Clara") and one
    another document names in full with that first name ("his fiancée Clara Weber"),
    when both documents relate them in the same way to the same entity: one person."""
    by_given: dict[str, list[int]] = defaultdict(list)
    for i, loc in enumerate(locals_):
        if loc.ent.type == "person" and ties[i]:
            for w in {n.tokens[0] for n in loc.full}:
                by_given[w].append(i)
    for i, loc in enumerate(locals_):
        if loc.ent.type != "person" or loc.full or len(loc.singles) != 1 or not ties[i]:
            continue
        w = next(iter(loc.singles))
        found = {uf.find(j) for j in by_given.get(w, []) if locals_[j].doc_id != loc.doc_id and ties[i] & ties[j]}
        if len(found) == 1:  # two such namesakes: the first name alone cannot tell which
            uf.union(i, found.pop())
