"""The people graph: people joined by the events they share and by stated relations.

An edge is either 'shared' (the events two people both take part in) or one stated
relation (family, ally, rival, author of ...). Each keeps its evidence so that the
view can open it. Large corpora are cut to the best-connected people.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from .dates import span_label
from .filters import Selection
from .kb import KnowledgeBase
from .records import EventRec, RelationRec

MAX_NODES = 60
NODE_TYPES = ("person",)


@dataclass(frozen=True, slots=True)
class Edge:
    id: str
    source: str
    target: str
    kind: str  # 'shared' or a relation kind
    label: str
    events: tuple[EventRec, ...] = ()
    relation: RelationRec | None = None


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: tuple[str, ...]
    edges: tuple[Edge, ...]
    degree: dict[str, int]
    truncated: int  # people left out to keep the graph readable


def shared_pairs(kb: KnowledgeBase, events: list[EventRec]) -> dict[tuple[str, str], list[EventRec]]:
    pairs: dict[tuple[str, str], list[EventRec]] = defaultdict(list)
    for event in events:
        people = sorted({w for w in event.who if w in kb.entities and kb.entities[w].type in NODE_TYPES})
        for a, b in combinations(people, 2):
            pairs[(a, b)].append(event)
    return pairs


def _relation_label(rel: RelationRec) -> str:
    label = rel.label or rel.kind.replace("_", " ")
    return f"{label} · {rel.date.label}" if rel.date else label


def _shared_label(events: list[EventRec]) -> str:
    count = f"{len(events)} shared event" + ("" if len(events) == 1 else "s")
    years = span_label([e.date for e in events if e.date])
    return f"{count} · {years}" if years else count


def _relations_in(kb: KnowledgeBase, selection: Selection) -> list[RelationRec]:
    lo, hi = selection.bounds
    out = []
    for rel in kb.relations.values():
        if rel.source not in kb.entities or rel.target not in kb.entities or rel.source == rel.target:
            continue
        if selection.has_period and rel.date is not None and not rel.date.overlaps(lo, hi):
            continue
        out.append(rel)
    return out


def build_graph(kb: KnowledgeBase, selection: Selection, max_nodes: int = MAX_NODES) -> Graph:
    context = Selection((), selection.place, selection.year_from, selection.year_to)
    if context.empty:
        pairs = _all_pairs(kb)
    else:
        pairs = shared_pairs(kb, kb.events_for(context))
    relations = _relations_in(kb, selection)
    degree: dict[str, int] = defaultdict(int)
    for (a, b), events in pairs.items():
        degree[a] += len(events)
        degree[b] += len(events)
    for rel in relations:
        degree[rel.source] += 1
        degree[rel.target] += 1
    if selection.people:
        chosen_people = set(p for p in selection.people if p in kb.entities)
        keep = set(chosen_people)  # the chosen people and their direct neighbours only
        for a, b in pairs:
            if a in chosen_people or b in chosen_people:
                keep |= {a, b}
        for rel in relations:
            if rel.source in chosen_people or rel.target in chosen_people:
                keep |= {rel.source, rel.target}
        # the selected people first, then their best-connected neighbours
        ranked = sorted(keep, key=lambda n: (n not in selection.people, -degree[n], kb.entity_name(n)))
    else:
        ranked = sorted(degree, key=lambda n: (-degree[n], kb.entity_name(n)))
    nodes = ranked[:max_nodes]
    chosen = set(nodes)
    edges: list[Edge] = []
    for (a, b), events in sorted(pairs.items()):
        if a in chosen and b in chosen:
            edges.append(Edge(f"shared-{a}-{b}", a, b, "shared", _shared_label(events), tuple(events)))
    for rel in relations:
        if rel.source in chosen and rel.target in chosen:
            edges.append(Edge(rel.id, rel.source, rel.target, rel.kind, _relation_label(rel), relation=rel))
    return Graph(tuple(nodes), tuple(edges), dict(degree), max(0, len(ranked) - len(nodes)))


def _all_pairs(kb: KnowledgeBase) -> dict[tuple[str, str], list[EventRec]]:
    """Shared events over the whole corpus, computed once per knowledge base."""
    cached = getattr(kb, "_shared_pairs", None)
    if cached is None:
        cached = shared_pairs(kb, [kb.events[e] for e in kb.chronology])
        kb._shared_pairs = cached  # the knowledge base never changes once loaded
    return cached
