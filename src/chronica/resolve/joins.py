"""Joins made after chaining, across clusters that name one thing in two written forms:
a name spelled two ways, a people's adjective and its plural, a compass-qualified part
of a place the gazetteer lacks, a historical person's names that share no word. Called by ``resolve.aliases`` on its clusters
(``alias_records.Cluster``)."""
from __future__ import annotations

from collections import defaultdict

from .alias_records import Cluster
from .disjoint import DisjointSets
from ..resources import load
from ..resources.names import known_person
from ..resources.spelling import is_people_adjective, name_word, people_forms, spelling_variants


def join_spelling_variants(pool: list[Cluster], uf: DisjointSets) -> None:
    """One person whose name the text spells two ways (see ``resources.spelling``)."""
    words: list[tuple[Cluster, set[str]]] = []
    for c in pool:
        if c.kin or any(m.introduced for m in c.members):
            continue
        own = {w for m in c.named() if (w := name_word(m.name.tokens))}
        if own:
            words.append((c, own))
    for i, (a, wa) in enumerate(words):
        for b, wb in words[i + 1:]:
            if _gender_conflict(a, b):
                continue
            if any(spelling_variants(x, y) for x in wa for y in wb):
                uf.union(a.id, b.id)


def join_people_adjectives(clusters: list[Cluster], uf: DisjointSets) -> None:
    """A people's adjective used alone ("the Frankish", "Saxon" raids) joins the people
    named in the plural ("the Franks", "the Saxons"): one group, written two ways. So does
    an adjective read as a place the text names by no other name ("Ottoman" beside "the
    Ottomans"): the people, not a place."""
    plural_owner: dict[str, set[int]] = defaultdict(set)
    by_id = {c.id: c for c in clusters}
    for c in clusters:
        for m in c.named():
            w = m.name.single
            if w and w.endswith("s") and m.mention.text[:1].isupper():
                plural_owner[w].add(c.id)
    for c in clusters:
        words = {m.name.single for m in c.named()}
        if not words or None in words or any(m.name.title for m in c.members):
            continue
        if c.type == "place" and (len(words) > 1 or not is_people_adjective(next(iter(words)))):
            continue  # a named place ("Gaul"), or its adjective beside its name ("Russia", "Russian")
        owners = set().union(*(plural_owner.get(p, set()) for w in words for p in people_forms(w)))
        owners.discard(c.id)
        if len({uf.find(o) for o in owners}) == 1:
            owner = next(iter(owners))
            if c.type == "place":  # "Ottoman" read as a place, "the Ottomans": one people, no place
                kind = by_id[owner].type
                c.type = kind
                for m in c.members:
                    m.type = kind
            uf.union(c.id, owner)


def join_known_people(clusters: list[Cluster], uf: DisjointSets) -> None:
    """Names that share no word but name one historical person ("Hirohito" / "Emperor Shōwa",
    "Avicenna" / "Ibn Sina", a line of ``aliases/person_names.tsv``) join;
    a "place" the gazetteer does not know that is so named joins them as that person
    (never on its own: "Wellington" alone may be a town). A name introduced by a
    kinship noun ("his grandson Saladin") is left alone: a child named after a forebear
    is not the forebear."""
    by_row: dict[int, list[Cluster]] = defaultdict(list)
    for c in clusters:
        if c.kin or c.type not in ("person", "place") or any(m.introduced or m.gid for m in c.members):
            continue
        rows = {r for m in c.named() if (r := known_person(m.name)) is not None}
        if len(rows) == 1:  # none, or names of two listed people: not for this list to say
            by_row[rows.pop()].append(c)
    for group in by_row.values():
        if all(c.type == "place" for c in group):
            continue
        for c in group:
            if c.type == "place":
                c.type = "person"
                for m in c.members:
                    m.type = "person"
        for a, b in zip(group, group[1:]):
            if not _gender_conflict(a, b):
                uf.union(a.id, b.id)


_COMPASS = frozenset(load("places/place_words.yaml")["compass_parts"])  # "North", "Western" ...


def compass_base(key: str) -> str | None:
    """"north italy" -> "italy": the place a compass-qualified name is a part of (None
    when the name does not open with a compass word)."""
    words = key.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in _COMPASS else None


def join_compass_parts(pool: list[Cluster], uf: DisjointSets) -> None:
    """"North Africa", "Western Thrace" that the gazetteer does not know as places of
    their own are told as parts of the place they qualify: one entity with it."""
    linked: dict[str, set[int]] = defaultdict(set)
    for c in pool:
        for m in c.members:
            if m.gid and m.name.key:
                linked[m.name.key].add(c.id)
    for c in pool:
        if any(m.gid for m in c.members):
            continue
        for m in c.named():
            base = compass_base(m.name.key)
            owners = linked.get(base, set()) if base else set()
            if len({uf.find(o) for o in owners}) == 1:
                uf.union(c.id, next(iter(owners)))
                break


def _gender_conflict(a: Cluster, b: Cluster) -> bool:
    ga, gb = a.gender(), b.gender()
    return bool(ga and gb and ga != gb)
