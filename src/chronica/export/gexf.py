"""GEXF for Gephi: who appears with whom, and what the sources say links them.

Nodes are people, organisations and groups; an edge joins two of them when they take
part in the same event (weight = shared events) or a source states a relation between
them (kind and wording kept). Nodes and edges carry `start`/`end` as ISO days
(timeformat "date") from the dated events behind them, so Gephi's timeline can play the
network through time; an element with no dated event carries no interval (always shown).
networkx writes the XML.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from .dates import iso_day
from .registry import exporter
from .view import ExportView

NODE_TYPES = ("person", "organization", "group")


@exporter("gexf", "GEXF network for Gephi (dynamic)", "application/gexf+xml", "chronica.gexf")
def write_gexf(view: ExportView, sink) -> None:
    graph = build_graph(view)
    with sink.open("chronica.gexf") as out:
        nx.write_gexf(graph, out, encoding="utf-8", prettyprint=True, version="1.2draft")


def build_graph(view: ExportView) -> nx.Graph:
    graph = nx.Graph(name="Chronica network" + (f": {view.selection}" if view.selection else ""))
    nodes = {e["id"]: e for e in view.entities.values() if e["type"] in NODE_TYPES}
    spans: dict = defaultdict(list)  # node or edge -> [(first day, last day)] of its dated events
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ev in view.events:
        date = view.dates[ev["id"]]
        days = (date.first_day(), date.last_day()) if date else None
        members = sorted({w for w in ev["who"] if w in nodes})
        for m in members:
            if days:
                spans[m].append(days)
        for pair in combinations(members, 2):
            shared[pair] += 1
            if days:
                spans[pair].append(days)
    for eid, e in nodes.items():
        graph.add_node(eid, label=e["name"], type=e["type"], events=len(view.events_by_entity.get(eid, ())),
                       mentions=len(e["mentions"]), **_interval(spans.get(eid)))
    for (a, b), n in shared.items():
        graph.add_edge(a, b, weight=float(n), shared_events=n, relation="", **_interval(spans.get((a, b))))
    for r in view.relations:
        a, b = r["source"], r["target"]
        if a not in nodes or b not in nodes or a == b:
            continue
        wording = f"{r['kind']} ({r['label']})" if r.get("label") else r["kind"]
        if graph.has_edge(a, b):
            data = graph.edges[a, b]
            data["weight"] += 1.0
            data["relation"] = "; ".join(filter(None, (data["relation"], wording)))
        else:
            graph.add_edge(a, b, weight=1.0, shared_events=0, relation=wording)
    return graph


def _interval(days: list | None) -> dict:
    """`start`/`end` from the first and last days known; an open side is left out."""
    if not days:
        return {}
    starts = [d[0] for d in days if d[0] is not None]
    ends = [d[1] for d in days if d[1] is not None]
    out = {}
    if starts:
        out["start"] = iso_day(min(starts))
    if ends:
        out["end"] = iso_day(max(ends))
    return out
