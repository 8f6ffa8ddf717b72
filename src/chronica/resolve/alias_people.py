"""Chaining people by name (rules 1-5 of ``resolve.aliases``): full names, surnames,
bare given names by section and salience, nominals ("the Emperor"), names a kinship
noun introduces, and bare given names folded into the one full name that carries them."""
from __future__ import annotations

from .alias_records import (
    ChainMention, Cluster, gender_clash, is_description, is_nominal, join_cluster, members_index, new_cluster,
)
from .disjoint import DisjointSets
from ..resources.names import full_names_match, ruler_short, same_given, subset_match


def _excluded(it: ChainMention, items: list[ChainMention], clusters_of: dict[int, Cluster],
              known: dict[int, int] | None) -> set[int]:
    """Clusters a kinship-introduced name cannot join: the people named just before
    (and, on the second pass, everyone an alias statement made one with them)."""
    if not it.kin:
        return set()
    banned_m = [o for o in items if o.index < it.index and o.type == "person"
                and it.sentence - 1 <= o.sentence <= it.sentence]
    out = {clusters_of[o.index].id for o in banned_m if o.index in clusters_of}
    if len(it.name.tokens) > 1 and banned_m:
        # "King George sent his nephew ... his uncle, King George": the
        # same full name again is that person, unless they are the possessor just before
        nearest = clusters_of.get(banned_m[-1].index)
        out = {cid for cid in out if (nearest is not None and cid == nearest.id) or not any(
            full_names_match(it.name, m.name) and m.name.title == it.name.title
            for c in clusters_of.values() if c.id == cid for m in c.named())}
    if known:
        groups = {known[o.index] for o in banned_m if o.index in known}
        out |= {c.id for c in clusters_of.values()
                if any(known.get(m.index) in groups for m in c.members)}
    return out


def chain_person(it: ChainMention, pool: list[Cluster], clusters: list[Cluster], items: list[ChainMention],
                  known: dict[int, int] | None = None) -> None:
    n = it.name
    clusters_of = members_index(pool)  # {m.index: c for c in pool for m in c.members}, kept up to date
    banned = _excluded(it, items, clusters_of, known)
    live = [c for c in pool if c.id not in banned]
    if not n.tokens or is_description(it):
        new_cluster(clusters, pool, it)
    elif is_nominal(it):
        _chain_nominal(it, live, pool, clusters)
    elif len(n.tokens) > 1:
        _chain_full_name(it, live, pool, clusters)
    elif it.introduced:  # a signature is its own name: only the same name used alone joins it
        same = [c for c in live if n.single in c.singles()]
        if same:
            join_cluster(max(same, key=lambda c: c.last), it)
        else:
            new_cluster(clusters, pool, it)
    else:
        target = _surname_holder(it, live) or _single_word_holder(it, live, pool, items, clusters_of, banned)
        if target is None:
            new_cluster(clusters, pool, it)
        elif target is not _UNSURE:
            join_cluster(target, it)
        else:
            new_cluster(clusters, pool, it)  # "Johann" after "Johann Sebastian" and "Johann Christian": unsure


_UNSURE = object()  # several people the word may mean, none salient: it starts a person of its own


def _chain_full_name(it: ChainMention, live: list[Cluster], pool: list[Cluster], clusters: list[Cluster]) -> None:
    """Rule 1: a full name joins the latest person with a matching full name, else an
    earlier bare surname (or a ruler's short name: "Sven" for "Sven the Bold")."""
    n = it.name
    cands = [c for c in live if any(
        full_names_match(n, o) or subset_match(n, o) or subset_match(o, n) for o in c.multi())]
    if not cands:
        key = ruler_short(n) or n.surname
        cands = [c for c in live if not c.kin and key in c.singles() and not c.multi()
                 and not gender_clash(it, c)]
    if cands:
        join_cluster(max(cands, key=lambda c: c.last), it)
    else:
        new_cluster(clusters, pool, it)


def _surname_holder(it: ChainMention, live: list[Cluster]) -> Cluster | None:
    """Rule 2: a single word that is the surname of a known full name."""
    t = it.name.single
    cands = [c for c in live if t in c.surname_words()]  # "Cupara" of "Mihajlo Stevanović-Cupara"
    bare = [c for c in live if t in c.singles() and not c.multi()]
    if cands and bare and not any(t in c.singles() for c in cands):
        cands = bare  # the word already stands alone for someone the full name did not join
    used = [c for c in cands if t in c.singles()]
    if len(used) < len(cands):  # several people carry the surname: the one called by it
        cands = used or [c for c in cands if not gender_clash(it, c)] or cands
    return max(cands, key=lambda c: c.last) if cands else None


def _single_word_holder(it: ChainMention, live: list[Cluster], pool: list[Cluster], items: list[ChainMention],
                        clusters_of: dict[int, Cluster], banned: set[int]):
    """Rule 3: whom another single word (a first name, a mononym) means: a cluster,
    ``_UNSURE``, or None for a new person."""
    t = it.name.single
    # the person the last bare use of this word in the section meant
    same = [m for m in items if m.index < it.index and m.section == it.section
            and m.name.single == t and clusters_of.get(m.index) in live]
    if same:
        return clusters_of[same[-1].index]
    return _given_name_holder(it, live, pool, banned)


def _given_name_holder(it: ChainMention, live: list[Cluster], pool: list[Cluster], banned: set[int]):
    """A given name alone: the nearest full name in the section that carries it (the
    salient one of several, else ``_UNSURE``), a person already known by the bare word,
    or the only full name of the document that carries it."""
    t = it.name.single
    # the nearest preceding full name in the section with this given name
    cands = [c for c in live if t in c.given_words()]
    in_sec = [c for c in cands if any(m.section == it.section and m.index < it.index
                                      and t in m.name.given for m in c.members)]
    if len(in_sec) > 1 and len({tuple(o.tokens) for c in in_sec for o in c.multi()}) > 1:
        lead = None if it.kin else _salient(in_sec)
        # the person the text is about, named far more than the other
        return lead if lead is not None else _UNSURE
    if it.kin:  # "their son Lev" is not the Lev Brand the text is about
        in_sec = [c for c in in_sec if not _most_named(c, pool)]
        cands = [c for c in cands if not _most_named(c, pool)]
    if in_sec:
        return max(in_sec, key=lambda c: c.last)
    standalone = [c for c in live if t in c.singles() and not c.multi()]
    if standalone:
        return max(standalone, key=lambda c: c.last)
    if len(cands) == 1 and not any(t in c.singles() for c in pool if c.id in banned):
        return cands[0]
    return None


def _most_named(c: Cluster, pool: list[Cluster]) -> bool:
    """The person named most so far: the one "his"/"their" most likely means, so a
    kinship-introduced name ("their son Lev") is not them, whatever name they share."""
    return len(c.named()) >= max(len(o.named()) for o in pool)


SALIENT_SHARE = 2  # a bare given name shared by two people means the one named this many times more


SALIENT_MIN = 4


def _salient(cands: list[Cluster]) -> Cluster | None:
    """Of several people sharing a given name, the one named far more often so far."""
    counts = sorted(((len(c.named()), c.id) for c in cands), reverse=True)
    (top, cid), second = counts[0], counts[1][0]
    if top >= SALIENT_MIN and top >= SALIENT_SHARE * second:
        return next(c for c in cands if c.id == cid)
    return None


def _chain_nominal(it: ChainMention, live: list[Cluster], pool: list[Cluster], clusters: list[Cluster]) -> None:
    head = it.name.tokens[-1].rstrip(".")
    # "the President" is the one titled "President X", not "Vice President Y"
    titled = [c for c in live if any(m.name.title and m.name.title[-1].rstrip(".") == head
                                     and len(m.name.title) == 1 for m in c.members)]
    if titled:
        join_cluster(max(titled, key=lambda c: c.last), it)
        return
    same = [c for c in live if any(m.name.tokens[-1:] == (head,) and is_nominal(m) for m in c.members)]
    if same:
        join_cluster(max(same, key=lambda c: c.last), it)
        return
    new_cluster(clusters, pool, it)


def absorb_first_names(pool: list[Cluster], uf: DisjointSets) -> None:
    surnames_alone = {t for c in pool for t in c.singles()}
    for s in pool:
        if s.multi() or len(s.singles()) != 1 or any(is_nominal(m) or m.introduced for m in s.members):
            continue
        t = next(iter(s.singles()))
        full = [c for c in pool if c is not s and any(t in o.given for o in c.body_multi())]
        if not full and s.kin:  # "his sister Greta" ... "his sister, Margarethe Olsen"
            full = [c for c in pool if c is not s and any(
                same_given(t, g) for o in c.body_multi() for g in o.given)]
        if len(full) != 1:
            continue
        f = full[0]
        if s.kin and not _same_relative(s, f):
            continue
        if any(o.surname in surnames_alone for o in f.body_multi()):
            continue
        if any(t in c.singles() and not c.multi() for c in pool if c is not s):
            continue
        uf.union(s.id, f.id)


def _same_relative(s: Cluster, f: Cluster) -> bool:
    """"Anton's wife, Klara" ... "his wife, Countess Klara Weiss": a first name
    introduced by a kinship noun is the full name introduced by the same noun (a son
    who shares his father's given name is introduced as "his son", the father is not)."""
    words = {m.kin_word for m in s.members if m.kin}
    if len(words) != 1 or None in words:
        return False
    w = next(iter(words))
    gs, gf = s.gender(), f.gender()
    return not (gs and gf and gs != gf) and any(
        m.kin_word == w and len(m.name.tokens) > 1 for m in f.members)
