"""Disagreements between sources, and of one source with itself (corpus component
``find_conflicts``).

Each check is a small module with a ``find(view)`` generator of ``Finding``s; this
module runs them, drops duplicates and gives every conflict a stable id. A conflict is
hard when the claims cannot all be true and soft when they differ beyond rounding or
loose wording; differences that are not contradictions are never reported.
"""
from __future__ import annotations

import hashlib

from ..model import Conflict
from ..pipeline import component
from . import (check_ages, check_dates, check_durations, check_names, check_outcomes, check_relations,
               check_terms, check_values)
from .view import Finding, View

CHECKS = (check_dates, check_durations, check_terms, check_ages, check_outcomes, check_values, check_names,
          check_relations)


def conflict_id(f: Finding) -> str:
    keys = sorted(f"{c.document}:{c.start}:{c.end}" for c in f.claims)
    return "cfl_" + hashlib.sha1(f"{f.kind}|{'|'.join(keys)}".encode()).hexdigest()[:16]


def to_conflict(f: Finding) -> Conflict:
    claims = sorted(f.claims, key=lambda c: (c.document, c.start, c.end))
    return Conflict(conflict_id(f), f.kind, f.about, f.severity, claims, sorted(set(f.events)))


def dedupe(findings: list[Finding]) -> list[Conflict]:
    """One conflict per set of claim spans; a hard reading wins over a soft one."""
    best: dict[frozenset, Finding] = {}
    for f in findings:
        if len({(c.document, c.start, c.end) for c in f.claims}) < 2:
            continue
        key = frozenset((c.document, c.start, c.end) for c in f.claims)
        old = best.get(key)
        if old is None or (old.severity == "soft" and f.severity == "hard"):
            best[key] = f
    return sorted((to_conflict(f) for f in best.values()), key=lambda c: (c.kind, c.id))


def find_all(corpus) -> list[Conflict]:
    view = View.build(corpus)
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check.find(view))
    return dedupe(findings)


@component("find_conflicts", requires=("events",), assigns=("conflicts",), level="corpus")
def find_conflicts(corpus, ctx) -> None:
    corpus.conflicts = find_all(corpus)
