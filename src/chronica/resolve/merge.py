"""The ``merge_entities`` corpus component: one entity across documents.

Two local entities are the same when their types agree and

* places: they link to the same gazetteer id, or (unlinked) share a name;
* people: they share a full name (compared as in a document: titles ignored, accents
  and transliterations folded, one slip of spelling allowed), or one's words are a
  subset of the other's and include a distinctive surname, or they share a single-word
  name that is a surname or mononym in BOTH documents (never a bare first name: a
  one-word person who is known in its document only by a given name merges nothing);
* groups, organisations, works: they share a name (plurals folded).

Merging is transitive (union-find) and ids are stable: ``ent_`` + sha1 of the type and
the normalised canonical name (the most complete, then most frequent, full form).
Local relations are mapped to global ids; identical ones keep all their evidence.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

from ..match_settings import EntityMerging
from ..model import DocSpan, Entity, LocalEntity, Relation
from ..components import Context, component
from .alias_records import stem
from .aliases import kin_before
from .descriptions import group_concept
from .group_members import LABEL as MEMBERS
from .joins import compass_base
from .roles import LABEL as ROLE
from .disjoint import DisjointSets
from ..resources.gazetteer import Gazetteer, distance_km
from ..resources.place_keys import normalise
from ..resources.names import country_nouns
from .merge_blocks import BlockLinker
from .merge_ties import merge_first_names_by_ties, relation_ties
from .places import place_ref, qualified_name, state_qualifiers
from ..resources.names import (
    Name, fold, full_names_match, is_name_form, known_person, parse_name, subset_match, tokens_compatible,
)


class _SurnameCount:
    """How many people of one document carry each surname: counted once per document
    (shared by its locals), not once per compared pair."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self._held: Counter | None = None

    def __call__(self) -> Counter:
        if self._held is None:
            held: Counter = Counter()
            for e in self.doc.entities:
                if e.type == "person":
                    held.update({parse_name(f).surname for f in [e.name] + list(e.aliases)} - {None})
            self._held = held
        return self._held


@dataclass
class _Local:
    doc_id: str
    doc: object
    ent: LocalEntity
    names: list[Name]  # every alias taken apart (person) or []
    surnames: _SurnameCount | None = None  # its document's (None: counted on demand)

    @cached_property
    def kin_named(self) -> bool:  # read once per local, not once per compared pair
        return _read_kin_named(self)

    def surname_holders(self) -> Counter:
        if self.surnames is None:
            self.surnames = _SurnameCount(self.doc)
        return self.surnames()

    @cached_property
    def full(self) -> list[Name]:
        # one Name per token tuple: every comparison reads only the tokens, and a name a
        # document repeats in every mention would be compared again and again
        seen: dict[tuple[str, ...], Name] = {}
        for n in self.names:
            if len(n.tokens) > 1:
                seen.setdefault(n.tokens, n)
        return list(seen.values())

    @cached_property
    def singles(self) -> set[str]:
        return {n.single for n in self.names if n.single}

    @cached_property
    def known(self) -> set[int]:
        """Lines of ``aliases/person_names.tsv`` its names are on (one historical person's
        names that share no word: "Hirohito" / "Emperor Shōwa")."""
        return {r for n in self.names if (r := known_person(n)) is not None}


class _UF(DisjointSets):
    """Refuses to put two people with clashing full names in one group ("Roosevelt" may
    join "Franklin Roosevelt" or "Eleanor Roosevelt", not both)."""

    def __init__(self, n: int, full: list[list[Name]] | None = None) -> None:
        super().__init__()
        self.full = {i: list({n.tokens: n for n in f}.values()) for i, f in enumerate(full or [])}

    def may_join(self, root_a: int, root_b: int) -> bool:
        return not _clash(self.full.get(root_a, []), self.full.get(root_b, []))

    def joined(self, root: int, absorbed: int) -> None:
        # _clash reads only the tokens: one Name per token tuple keeps a large group cheap
        merged = {n.tokens: n for n in self.full.pop(absorbed, [])}
        merged.update({n.tokens: n for n in self.full.get(root, [])})
        self.full[root] = list(merged.values())


def _clash(a: list[Name], b: list[Name]) -> bool:
    """Two full names with one surname that cannot be one person."""
    for x in a:
        for y in b:
            if x.surname and y.surname and tokens_compatible(x.surname, y.surname) and not (
                    full_names_match(x, y) or subset_match(x, y) or subset_match(y, x)):
                return True
    return False


def _sha(s: str, n: int = 12) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:n]


def name_key(name: str) -> str:
    return " ".join(fold(name).split())


@component("merge_entities", requires=("docs",), assigns=("entities", "entity_of", "relations"), level="corpus")
def merge_entities(corpus, ctx: Context) -> None:
    locals_ = _collect(corpus)
    gaz = ctx.resources.gazetteer()
    rules = ctx.settings.match.entities
    consistent_places(locals_, gaz, rules)
    groups = _group(locals_, rules, gaz)
    entities, entity_of = _build(groups, locals_)
    corpus.entities = entities
    corpus.entity_of = entity_of
    corpus.relations = _relations(corpus, entity_of)


def _person_name(form: str, places: set[str]) -> Name:
    """As chain_aliases reads it: a leading place run into the name is dropped."""
    n = parse_name(form)
    words = n.bare.split()
    if len(n.tokens) > 1 and n.tokens[0] in places and len(words) > 1:
        return parse_name(" ".join(words[1:]))
    return n


def _collect(corpus) -> list[_Local]:
    out = []
    for doc in corpus.docs:
        places = {fold(e.name) for e in doc.entities if e.type == "place" and " " not in e.name}
        surnames = _SurnameCount(doc)
        for e in doc.entities:
            # credits and bibliographies garble names ("Churchill Says"): compare people by
            # what the running text calls them when it names them at all
            ms = [doc.mentions[i] for i in e.mentions if i < len(doc.mentions)]
            # "his son", "the royal couple", "the emperor" name nobody: in another
            # document they stand for someone else
            described = {m.text for m in ms if m.label in ("DESCRIPTION", MEMBERS, ROLE)}
            body = [m.text for m in ms if not m.cited and m.label not in ("DESCRIPTION", MEMBERS, ROLE)]
            forms = [f for f in [e.name] + (body or list(e.aliases)) if f not in described]
            if ms and all(m.label == ROLE for m in ms):
                forms = []  # "the servant": an unnamed person of one document merges nothing
            names = [_person_name(f, places) for f in forms] if e.type == "person" else []
            out.append(_Local(doc.id, doc, e, names, surnames))
    return out


# ------------------------------------------------------------------ matching --

def _surname_like(loc: _Local, word: str) -> bool:
    """``word`` is used in its document as a surname or as a mononym that never
    stands before a surname (Napoleon, Lenin): then it may carry a merge."""
    if any(n.surname == word for n in loc.full):
        return True
    return not any(word in n.given for n in loc.full) and not _kin_named(loc)


def _kin_named(loc: _Local) -> bool:
    return loc.kin_named


def _read_kin_named(loc: _Local) -> bool:
    # a person the document only ever names by a first name after "his son" & co.
    text = loc.doc.text
    for i in loc.ent.mentions:
        m = loc.doc.mentions[i]
        if kin_before().search(text[max(0, m.start - 40):m.start]):
            return True
    return False


def _same_person(a: _Local, b: _Local) -> bool:
    if len(a.known) == 1 and a.known == b.known and not (a.kin_named or b.kin_named):
        return True  # two names of one listed historical person (not a child named after one)
    for x in a.full:
        for y in b.full:
            if full_names_match(x, y) or subset_match(x, y) or subset_match(y, x):
                return True
    # one word shared: a surname/mononym in both documents, never a bare first name
    for w in a.singles & b.singles:
        if _surname_like(a, w) and _surname_like(b, w) and _first_name_free(w, a, b):
            return True
    # one side only known by a single word that is the other's surname
    for x, y in ((a, b), (b, a)):
        if not x.full:
            for w in x.singles:
                if any(n.surname == w for n in y.full) and _surname_like(x, w) and (
                        w in y.singles or _surname_holders(y, w) == 1):
                    return True
    return False


def _surname_holders(loc: _Local, word: str) -> int:
    """How many people of ``loc``'s document carry ``word`` as their surname."""
    return loc.surname_holders()[word]


def _first_name_free(word: str, a: _Local, b: _Local) -> bool:
    """A shared single word merges only if neither side uses it as a given name."""
    return not any(word in n.given for n in a.full + b.full)


def _same(a: _Local, b: _Local, rules: EntityMerging, gaz: Gazetteer | None = None) -> bool:
    if a.ent.type != b.ent.type:
        return False
    t = a.ent.type
    if t == "person":
        return _same_person(a, b)
    if t == "place":
        ga = a.ent.place.gazetteer if a.ent.place else None
        gb = b.ent.place.gazetteer if b.ent.place else None
        if ga and gb:
            if ga == gb:
                return True
            if _forms(a) & _forms(b):
                return _close(a.ent.place, b.ent.place, rules.same_place_km, gaz)
            return _forms_overlap(a, b) and _close(a.ent.place, b.ent.place, rules.same_place_km, None)
        if _compass_part(a, b) or _compass_part(b, a):
            return True
        return bool(_forms(a) & _forms(b))
    return bool(_stem_forms(a) & _stem_forms(b))




def _compass_part(part: _Local, whole: _Local) -> bool:
    """"North Italy" or "Eastern Illyricum" that the gazetteer lacks, told of in one
    document, and the place it qualifies, linked in another: one entity, as within a
    document (``resolve.joins.join_compass_parts``)."""
    if (part.ent.place and part.ent.place.gazetteer) or not (whole.ent.place and whole.ent.place.gazetteer):
        return False
    bases = {compass_base(f) for f in _forms(part)} - {None}
    return bool(bases & _forms(whole))


def _forms_overlap(a: _Local, b: _Local) -> bool:
    """A shared name, or one name that is the other with a state's qualifier words
    ("Washington" / "Washington D.C.", "Serbia" / "Kingdom of Serbia"); not "Mexico" /
    "Mexico City"'s neighbour "Washington Navy Yard" (a building is its own place)."""
    fa, fb = _forms(a), _forms(b)
    if fa & fb:
        return True

    return any(qualified_name(x, y) or qualified_name(y, x) for x in fa for y in fb)


def _close(pa, pb, same_km: float, gaz: Gazetteer | None) -> bool:
    """Two references to one place: nearby (within ``same_km``), or one inside the other."""
    if None not in (pa.lat, pb.lat) and distance_km((pa.lat, pa.lon), (pb.lat, pb.lon)) <= same_km:
        return True
    return gaz is not None and (gaz.is_within(pa.gazetteer, pb.gazetteer) or gaz.is_within(pb.gazetteer, pa.gazetteer))


def consistent_places(locals_: list[_Local], gaz: Gazetteer, rules: EntityMerging) -> None:
    """One name, one place across the corpus: when documents linked the same place name
    to different gazetteer rows ("London" in England and in Kentucky), every document
    takes the row that fits the corpus best — named by more mentions, close to more of
    the corpus's other places, inside a country the corpus names."""
    by_name: dict[str, list[_Local]] = defaultdict(list)
    for loc in locals_:
        if loc.ent.type == "place" and loc.ent.place is not None and loc.ent.place.gazetteer:
            by_name[normalise(loc.ent.name)].append(loc)
    frame = _CorpusFrame.of(locals_, rules.corpus_near_km)
    for key, locs in by_name.items():
        ids = {loc.ent.place.gazetteer for loc in locs}
        if len(ids) < 2:
            continue
        best = max(ids, key=lambda gid: frame.fit(key, gid, locs))
        cand = gaz.get(best)
        ref = place_ref(cand) if cand is not None else next(
            loc.ent.place for loc in locs if loc.ent.place.gazetteer == best)
        for loc in locs:
            if loc.ent.place.gazetteer != best:
                loc.ent.place = ref


@dataclass(frozen=True)
class _CorpusFrame:
    """The corpus's located places (not the large frames) and the countries it names:
    what a namesake's gazetteer row should fit."""

    points: list[tuple[float, float, str]]
    countries: set[str]
    near_km: float

    @classmethod
    def of(cls, locals_: list[_Local], near_km: float) -> "_CorpusFrame":
        places = [loc.ent.place for loc in locals_ if loc.ent.type == "place" and loc.ent.place is not None]
        points = [(loc.ent.place.lat, loc.ent.place.lon, normalise(loc.ent.name)) for loc in locals_
                  if loc.ent.type == "place" and loc.ent.place is not None and loc.ent.place.lat is not None
                  and loc.ent.place.feature not in ("continent", "ocean", "country", "state")]
        return cls(points, {p.country for p in places if p.feature == "country"}, near_km)

    def fit(self, key: str, gid: str, locs: list[_Local]) -> tuple:
        """How well the row ``gid`` of the name ``key`` fits the corpus (higher is better)."""
        ref = next(loc.ent.place for loc in locs if loc.ent.place.gazetteer == gid)
        mentions = sum(len(loc.ent.mentions) for loc in locs if loc.ent.place.gazetteer == gid)
        near = 0 if ref.lat is None else sum(
            1 for lat, lon, k in self.points if k != key and distance_km((lat, lon), (ref.lat, ref.lon)) < self.near_km)
        return (near + (2 if ref.country in self.countries else 0), mentions, gid)


def _forms(loc: _Local) -> set[str]:
    # "the theater" names its place only within its document (resolve.place_descriptions)
    return {name_key(parse_name(f, person=False).bare) for f in [loc.ent.name] + loc.ent.aliases
            if not re.match(r"[Tt]he\s+[a-z]", f)} - {""}


def _stem_forms(loc: _Local) -> set[str]:
    out = set()
    for f in [loc.ent.name] + loc.ent.aliases:
        concept = group_concept(f)
        if concept is not None:
            out.add("group:" + concept[0])  # "Allies" ~ "Allied Powers"
        n = parse_name(f, person=False)
        if n.tokens:
            out.add(" ".join(stem(t) for t in n.tokens))
    return out


def _blocks(loc: _Local) -> set[tuple[str, str]]:
    """Keys two entities must share to be compared at all (keeps merging near-linear)."""
    t = loc.ent.type
    if t == "person":
        keys = {w for n in loc.names for w in n.canon_tokens}
        keys |= {w[:4] for n in loc.names for w in n.tokens if len(w) >= 4}  # spelling slips
        keys |= {f"known:{r}" for r in loc.known}
    elif t == "place":
        keys = _forms(loc) | ({loc.ent.place.gazetteer} if loc.ent.place and loc.ent.place.gazetteer else set())
        keys |= {"word:" + w for f in _forms(loc) for w in f.split() if w not in state_qualifiers()}  # "Washington D.C."
    else:
        keys = _stem_forms(loc)
    return {(t, k) for k in keys}


def _group(locals_: list[_Local], rules: EntityMerging, gaz: Gazetteer | None = None) -> list[list[int]]:
    uf = _UF(len(locals_), [loc.full for loc in locals_])
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, loc in enumerate(locals_):
        for k in _blocks(loc):
            index[k].append(i)
    signatures = _Signatures(locals_)
    BlockLinker(uf, lambda i, j: _same(locals_[i], locals_[j], rules, gaz), signatures.of,
                lambda i: locals_[i].doc_id, lambda i: _sub_keys(locals_[i])).link(index.values())
    _merge_by_context(locals_, uf, rules.min_shared_neighbours)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(locals_)):
        groups[uf.find(i)].append(i)
    return list(groups.values())


class _Signatures:
    """What ``_same`` reads of a local entity, as a hashable value: two locals with one
    signature compare alike with any third (see merge_blocks)."""

    def __init__(self, locals_: list[_Local]) -> None:
        self.locals_ = locals_
        self.cache: dict[int, tuple] = {}

    def of(self, i: int) -> tuple:
        if i not in self.cache:
            self.cache[i] = self._make(self.locals_[i])
        return self.cache[i]

    def _make(self, loc: _Local) -> tuple:
        t = loc.ent.type
        if t == "person":
            full = tuple(sorted({n.tokens for n in loc.full}))
            singles = tuple(sorted((w, _surname_like(loc, w)) for w in loc.singles))
            held = self._holders(loc)
            surnames = tuple(sorted((n.surname, held[n.surname]) for n in loc.full))
            return (t, full, singles, surnames, bool(loc.known) and loc.kin_named)
        if t == "place":
            p = loc.ent.place
            ref = (p.gazetteer, p.lat, p.lon) if p is not None else (None, None, None)
            return (t, ref, frozenset(_forms(loc)))
        return (t, frozenset(_stem_forms(loc)))

    def _holders(self, loc: _Local) -> Counter:
        """How many people of the local's document carry each surname (_surname_holders)."""
        return loc.surname_holders()


def _sub_keys(loc: _Local) -> set[str]:
    """Keys a large block is split by: the name words beside the shared one, their
    initials and prefixes (a one-word person has none: compared with the whole block)."""
    if loc.ent.type != "person":
        return _blocks_keys(loc)
    full = loc.full
    keys = {w for n in full for w in n.canon_tokens}
    keys |= {"i:" + w[0] for n in full for w in n.given if w}
    keys |= {w[:4] for n in full for w in n.tokens if len(w) >= 4}
    return keys


def _blocks_keys(loc: _Local) -> set[str]:
    return {k for _, k in _blocks(loc)}


# ----- second pass: one shared word, backed by context

def _merge_by_context(locals_: list[_Local], uf: _UF, min_shared: int) -> None:
    """People that share only one word merge when the context agrees:

    * "Napoleon" (a document that never gives a surname) and "Napoleon Bonaparte"
      (a document that also calls him plain "Napoleon"), when the two are named in
      sentences with at least ``min_shared`` of the same other entities;
    * two people known only by one and the same first name ("his wife, Sofia"),
      when each document relates them in the same way to the same entity (both are the
      wife of the same merged person).
    """
    neighbours = _neighbours(locals_, uf)
    ties = relation_ties(locals_, uf)
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, loc in enumerate(locals_):
        if loc.ent.type == "person":
            for w in loc.singles:
                by_word[w].append(i)
    for w, idx in by_word.items():
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                i, j = idx[x], idx[y]
                a, b = locals_[i], locals_[j]
                if a.doc_id == b.doc_id or uf.find(i) == uf.find(j):
                    continue
                if _byname_pair(a, b, w) or _byname_pair(b, a, w):
                    if len(neighbours[i] & neighbours[j]) >= min_shared:
                        uf.union(i, j)
                elif not a.full and not b.full and ties[i] & ties[j]:
                    uf.union(i, j)
    merge_first_names_by_ties(locals_, uf, ties)


def _byname_pair(one: _Local, full: _Local, word: str) -> bool:
    """``one`` is known only by ``word`` (not after a kinship noun); ``full`` has a full
    name with ``word`` as its given name and is also called plain ``word``."""
    return (not one.full and not _kin_named(one)
            and any(word in n.given for n in full.full) and word in full.singles)


def _neighbours(locals_: list[_Local], uf: _UF) -> list[set[int]]:
    """For each local entity, the (first-pass) groups of the entities named in the
    same sentences."""
    out: list[set[int]] = [set() for _ in locals_]
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, loc in enumerate(locals_):
        by_doc[loc.doc_id].append(i)
    for idx in by_doc.values():
        doc = locals_[idx[0]].doc
        in_sent: dict[int, set[int]] = defaultdict(set)
        for i in idx:
            for mi in locals_[i].ent.mentions:
                s = doc.sentence_at(doc.mentions[mi].start)
                in_sent[s.start if s else -1].add(i)
        for members in in_sent.values():
            for i in members:
                out[i] |= {uf.find(j) for j in members if j != i}
    return out


# ------------------------------------------------------------------ output --

def canonical(locs: list[_Local]) -> str:
    """The most complete form (most name words), then the most frequent."""
    counts: Counter = Counter()
    for loc in locs:
        counts[loc.ent.name] += len(loc.ent.mentions)
    non_cited = [l for l in locs if not l.ent.cited] or locs
    # a place is named as the gazetteer knows it, not by a part told with it ("North Italy")
    non_cited = [l for l in non_cited if _linked(l)] or non_cited
    return max((l.ent.name for l in non_cited),
               key=lambda n: (n.split()[-1].casefold() not in country_nouns(), len(parse_name(n).tokens), counts[n], n))


def _linked(loc: _Local) -> bool:
    return loc.ent.place is not None and bool(loc.ent.place.gazetteer)


def entity_id(type_: str, name: str) -> str:
    return "ent_" + _sha(f"{type_}|{name_key(name)}")


def _build(groups: list[list[int]], locals_: list[_Local]):
    entities: list[Entity] = []
    entity_of: dict[tuple[str, str], str] = {}
    gaz_to_id: dict[str, str] = {}
    seen_ids: Counter = Counter()
    for g in sorted(groups, key=lambda g: min(g)):
        locs = [locals_[i] for i in g]
        t = locs[0].ent.type
        name = canonical(locs)
        eid = entity_id(t, name)
        seen_ids[eid] += 1
        if seen_ids[eid] > 1:  # two unmerged entities with one name: keep both, stably
            eid = entity_id(t, f"{name}|{sorted((l.doc_id, l.ent.key) for l in locs)[0]}")
        aliases: list[str] = []
        mentions: list[DocSpan] = []
        for loc in locs:
            for a in [loc.ent.name] + loc.ent.aliases:
                # "his nephew", "the young king" refer to the person: mentions, not names
                if a not in aliases and (a == name or is_name_form(a)):
                    aliases.append(a)
            for i in loc.ent.mentions:
                m = loc.doc.mentions[i]
                if m.label != MEMBERS:  # "the royal couple" stands for them, it does not name them
                    mentions.append(DocSpan(loc.doc_id, m.start, m.end, m.text))
            entity_of[(loc.doc_id, loc.ent.key)] = eid
        ref = next((l.ent.place for l in locs if _linked(l)), None) or next(
            (l.ent.place for l in locs if l.ent.place is not None), None)
        ent = Entity(id=eid, type=t, name=name, aliases=aliases, mentions=mentions,
                     cited_only=all(l.ent.cited for l in locs))
        if ref is not None:
            ent.lat, ent.lon, ent.gazetteer = ref.lat, ref.lon, ref.gazetteer
            ent.part_of = ref.part_of  # a gazetteer id for now; mapped below
            if ref.gazetteer:
                gaz_to_id.setdefault(ref.gazetteer, eid)
        entities.append(ent)
    for ent in entities:  # part_of: the enclosing place's ENTITY id, if it is one
        if ent.part_of is not None:
            ent.part_of = gaz_to_id.get(ent.part_of)
    return entities, entity_of


def _relations(corpus, entity_of: dict) -> list[Relation]:
    merged: dict[tuple, Relation] = {}
    for doc in corpus.docs:
        for r in doc.relations:
            s, t = entity_of.get((doc.id, r.source)), entity_of.get((doc.id, r.target))
            if s is None or t is None or s == t:
                continue
            key = (r.kind, r.label.casefold(), s, t)
            span = DocSpan(doc.id, r.evidence.start, r.evidence.end, r.evidence.text, r.when)
            if key not in merged:
                rid = "rel_" + _sha("|".join(key))
                merged[key] = Relation(rid, r.kind, r.label, s, t, [span], r.when)
            elif span not in merged[key].evidence:
                merged[key].evidence.append(span)
                if merged[key].when is None:
                    merged[key].when = r.when
    return list(merged.values())
