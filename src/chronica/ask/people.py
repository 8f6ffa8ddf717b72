"""One person split across entities ("Mr. Hale" and "Tobias Hale" stored apart) is asked
about as one: the asker reads the base with such entities joined.

Two person entities are joined when one's name fits inside the other's by the name rules
the resolver uses (``resources.names``: "Hale" or "Mr. Hale" within "Tobias Hale", "T. Hale"
against "Tobias Hale") and nothing in the group clashes: a group holding two different
full names ("Tobias Hale", "Martha Hale") joins nobody, because its short forms could be
either of them. The stored base is not changed; only the asker's view of it.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from .roles import joined_roles
from ..resources.names import Name, full_names_match, is_name_form, parse_name, subset_match

# a token shared by more person entities than this is too common to pair them on
# (and pairing every one with every other would cost too much on a large base)
MAX_BUCKET = 40


def _names(entity: dict) -> list[Name]:
    forms = [entity.get("name", "")] + list(entity.get("aliases", ()))
    out = [parse_name(f) for f in dict.fromkeys(forms) if f and is_name_form(f)]
    return [n for n in out if n.tokens]


def _fits(a: list[Name], b: list[Name]) -> bool:
    """Some name of one is the other's, shortened or fuller."""
    return any(x.tokens == y.tokens or full_names_match(x, y) or subset_match(x, y) or subset_match(y, x)
               for x in a for y in b)


def _clash(a: list[Name], b: list[Name]) -> bool:
    """Both have full names (given name and surname) and none of them match."""
    fa, fb = [x for x in a if x.surname], [y for y in b if y.surname]
    return bool(fa and fb) and not any(x.tokens == y.tokens or full_names_match(x, y) for x in fa for y in fb)


def split_people(entities: list[dict]) -> dict[str, str]:
    """Entity id -> the id it is joined to (only ids that move are listed)."""
    people = [e for e in entities if e.get("type") == "person"]
    names = {e["id"]: _names(e) for e in people}
    bucket: dict[str, list[str]] = defaultdict(list)
    for pid, ns in names.items():
        for tok in {t for n in ns for t in n.tokens if len(t) > 1}:
            bucket[tok].append(pid)
    parent = {pid: pid for pid in names}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for ids in bucket.values():
        if len(ids) > MAX_BUCKET:
            continue
        for a, b in combinations(ids, 2):
            if root(a) != root(b) and _fits(names[a], names[b]):
                parent[root(a)] = root(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for pid in names:
        groups[root(pid)].append(pid)
    mentions = {e["id"]: len(e.get("mentions", ())) for e in people}
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2 or any(_clash(names[a], names[b]) for a, b in combinations(members, 2)):
            continue
        # the group is known by its fullest name, then by its most mentioned entity
        keep = max(members, key=lambda i: (max((len(n.tokens) for n in names[i]), default=0) > 1,
                                           max((len(n.key) for n in names[i]), default=0), mentions[i], i))
        out.update({m: keep for m in members if m != keep})
    return out


def join_people(export: dict) -> dict:
    """The export with each split person's entities joined (a new dict; the input is untouched)."""
    moved = split_people(list(export.get("entities", ())))
    if not moved:
        return export
    ents = {e["id"]: dict(e) for e in export.get("entities", ())}
    for old, new in moved.items():
        keep, gone = ents[new], ents.pop(old)
        keep["aliases"] = list(dict.fromkeys(list(keep.get("aliases", ())) + [gone.get("name", "")]
                                             + list(gone.get("aliases", ()))))
        keep["mentions"] = list(keep.get("mentions", ())) + list(gone.get("mentions", ()))
    to = lambda i: moved.get(i, i)  # noqa: E731
    events = [{**ev, "who": list(dict.fromkeys(to(w) for w in ev.get("who", ()))),
               **({"roles": joined_roles(ev["roles"], to)} if ev.get("roles") else {})} for ev in export.get("events", ())]
    relations = [{**r, "source": to(r["source"]), "target": to(r["target"])} for r in export.get("relations", ()) or ()
                 if to(r["source"]) != to(r["target"])]
    return {**export, "entities": list(ents.values()), "events": events, "relations": relations}
