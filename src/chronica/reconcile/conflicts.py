"""Disagreements between sources, and of one source with itself (corpus component
``find_conflicts``).

Each check is a small module with a ``find(view)`` generator of ``Finding``s; this
module runs them, drops duplicates and gives every conflict a stable id. A conflict is
hard when the claims cannot all be true and soft when they differ beyond rounding or
loose wording; differences that are not contradictions are never reported.
"""
from __future__ import annotations

import hashlib

from ..match_settings import ConflictChecking
from ..model import Conflict
from ..components import component
from . import (check_ages, check_dates, check_durations, check_names, check_outcomes, check_relations,
               check_terms, check_values)
from . import check_alternatives, check_getaways, check_marriages, check_spared, check_states, check_times
from . import check_activities
from .view import Finding, View

CHECKS = (check_dates, check_durations, check_terms, check_ages, check_outcomes, check_values, check_names,
          check_relations, check_alternatives, check_spared, check_marriages, check_getaways, check_states,
          check_times, check_activities)


def conflict_id(f: Finding) -> str:
    fact = _fact(f)
    if fact is not None:  # named by the disputed fact: a source joining a side keeps the id
        return "cfl_" + hashlib.sha1("|".join(fact).encode()).hexdigest()[:16]
    keys = sorted(f"{c.document}:{c.start}:{c.end}" for c in f.claims)
    return "cfl_" + hashlib.sha1(f"{f.kind}|{'|'.join(keys)}".encode()).hexdigest()[:16]


def to_conflict(f: Finding) -> Conflict:
    claims = sorted(f.claims, key=lambda c: (c.document, c.start, c.end))
    return Conflict(conflict_id(f), f.kind, f.about, f.severity, claims, sorted(set(f.events)))


def _fact(f: Finding) -> tuple[str, ...] | None:
    """What is disputed, when a finding says: its kind, events and topic. Findings tied
    to no event keep one conflict per pair of claims."""
    if not f.events:
        return None
    topic = f.topic or f.about.split(":", 1)[0]
    return (f.kind, *sorted(set(f.events)), topic)


def _span_key(c) -> tuple[str, int, int]:
    return (c.document, c.start, c.end)


def dedupe(findings: list[Finding]) -> list[Conflict]:
    """One conflict per disputed fact, holding every claim on either side (a hard
    reading wins over a soft one); findings without a fact, one per set of claim spans.
    Findings of one kind and topic are one fact when they share an event or a quoted
    span: two event clusters that both hold the same sentence dispute the same thing."""
    facts: dict[object, object] = {}  # union-find over (kind, topic, event or span)

    def root(node):
        while facts.setdefault(node, node) != node:
            facts[node] = facts[facts[node]]
            node = facts[node]
        return node

    keyed: list[tuple[object, Finding]] = []
    for f in findings:
        spans = {_span_key(c) for c in f.claims}
        if len(spans) < 2:
            continue
        fact = _fact(f)
        if fact is None:
            keyed.append((frozenset(spans), f))
            continue
        kind_topic = (fact[0], fact[-1])
        nodes = [(*kind_topic, "event", e) for e in f.events] + [(*kind_topic, "span", sp) for sp in spans]
        first = root(nodes[0])
        for n in nodes[1:]:
            facts[root(n)] = first
        keyed.append((nodes[0], f))
    groups: dict[object, list[Finding]] = {}
    for key, f in keyed:
        groups.setdefault(root(key) if isinstance(key, tuple) else key, []).append(f)
    return sorted((to_conflict(_merge(g)) for g in groups.values()), key=lambda c: (c.kind, c.id))


def _merge(group: list[Finding]) -> Finding:
    first = next((f for f in group if f.severity == "hard"), group[0])
    if len(group) == 1:
        return first
    claims: dict[tuple[str, int, int], object] = {}
    for f in group:
        for c in f.claims:
            claims.setdefault(_span_key(c), c)
    values = list(dict.fromkeys(c.value for c in claims.values() if c.value))
    topic = first.topic or first.about.split(":", 1)[0]
    about = f"{topic}: " + " vs ".join(f"'{v}'" for v in values) if len(values) > 1 else first.about
    events = tuple(sorted({e for f in group for e in f.events}))
    return Finding(first.kind, first.severity, about, tuple(claims.values()), events, first.topic)


def find_all(corpus, rules: ConflictChecking) -> list[Conflict]:
    view = View.build(corpus, rules)
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check.find(view))
    return dedupe(findings)


@component("find_conflicts", requires=("entities", "entity_of", "relations", "events", "event_of"),
           assigns=("conflicts",), level="corpus")
def find_conflicts(corpus, ctx) -> None:
    corpus.conflicts = find_all(corpus, ctx.settings.match.conflicts)
