"""Relations: two sources that name the same pair with labels that cannot both hold
("Colonel Penrose and his wife, Edith" / "Penrose and his fiancée Edith Marlow"). Which
labels stand apart is data (data/reconcile/relations.yaml); a label the table does not
know is never compared, and labels of one standing ("wife" / "spouse") agree."""
from __future__ import annotations

from functools import lru_cache
from itertools import combinations

import yaml

from ..model import DocSpan, Relation
from .view import Finding, View
from chronica.resources import path as resource_path


@lru_cache(maxsize=1)
def standings() -> dict[str, tuple[str, dict[str, str]]]:
    """kind -> (severity, label -> standing)."""
    text = resource_path("reconcile/relations.yaml").read_text("utf-8")
    out = {}
    for kind, spec in (yaml.safe_load(text) or {}).items():
        labels = {str(label).casefold(): standing
                  for standing, words in spec["standings"].items() for label in words}
        out[kind] = (spec.get("severity", "soft"), labels)
    return out


def standing(r: Relation) -> str | None:
    table = standings().get(r.kind)
    return table[1].get(r.label.casefold()) if table else None


def _same_pair(view: View, a: Relation, b: Relation) -> bool:
    return (view.same_person(a.source, b.source) and view.same_person(a.target, b.target)) or \
        (view.same_person(a.source, b.target) and view.same_person(a.target, b.source))


def _claim(r: Relation) -> DocSpan:
    e = r.evidence[0]
    return DocSpan(e.document, e.start, e.end, e.text, value=r.label)


def find(view: View):
    rels = [r for r in view.corpus.relations if r.evidence and standing(r)]
    for a, b in combinations(rels, 2):
        if a.kind != b.kind or standing(a) == standing(b):
            continue
        if {e.document for e in a.evidence} & {e.document for e in b.evidence}:
            continue  # one source naming both: a change over time it tells, not a clash
        if not _same_pair(view, a, b):
            continue
        severity = standings()[a.kind][0]
        who = view.name(a.source)
        yield Finding("attribute", severity,
                      f"{who} and {view.name(a.target)}: {a.label} or {b.label}",
                      (_claim(a), _claim(b)))
