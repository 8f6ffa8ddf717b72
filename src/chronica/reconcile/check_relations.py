"""Relations: two sources that name the same pair with labels that cannot both hold
("Colonel Penrose and his wife, Edith" / "Penrose and his fiancée Edith Marlow"). Which
labels stand apart is data (lang/en/reconcile/relations.yaml); a label the table does not
know is never compared, and labels of one standing ("wife" / "spouse") agree."""
from __future__ import annotations

from functools import lru_cache
from collections import defaultdict

from ..model import DocSpan, Relation
from .view import Finding, View
from ..resources import load


@lru_cache(maxsize=1)
def standings() -> dict[str, tuple[str, dict[str, str]]]:
    """kind -> (severity, label -> standing)."""
    out = {}
    for kind, spec in (load("reconcile/relations.yaml") or {}).items():
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


def _person_keys(view: View, entity: str) -> set[str]:
    """What ``view.same_person`` compares: the entity itself and its name words."""
    return {"e:" + entity} | {"w:" + w for w in view.name_words_of(entity)}


def _candidate_pairs(view: View, rels: list[Relation]):
    """The pairs (in the order of ``combinations``) of one kind whose first relation's
    source is the same person as either end of the second: the only pairs ``_same_pair``
    can accept. Blocking on those keys keeps an archive's relations from being compared
    all against all."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, r in enumerate(rels):
        for k in _person_keys(view, r.source) | _person_keys(view, r.target):
            index[(r.kind, k)].append(n)
    for n, a in enumerate(rels):
        partners: set[int] = set()
        for k in _person_keys(view, a.source):
            partners.update(m for m in index.get((a.kind, k), ()) if m > n)
        for m in sorted(partners):
            yield a, rels[m]


def find(view: View):
    rels = [r for r in view.corpus.relations if r.evidence and standing(r) and r.source and r.target]
    for a, b in _candidate_pairs(view, rels):
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
