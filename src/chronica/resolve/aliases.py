"""The ``chain_aliases`` component: group a document's mentions into local entities.

People are chained by name as a reader does it (rules applied in this order):

1. A full name ("Captain James Cook") joins the most recent person with a matching
   full name (same surname and compatible given names, titles ignored, accents and
   given-name transliterations folded, one slip of spelling allowed) or, failing that,
   an earlier bare surname ("Tolstoy" ... "Leo Tolstoy").
2. A single word that is the surname of a known full name joins the most recent one.
3. Any other single word (a first name or a mononym) joins, in order of preference:
   the person its last bare use in the same section meant; the nearest preceding full
   name in the same section with that given name; a person already known by that
   bare word elsewhere in the document; the only full name in the document with that
   given name. Otherwise it starts a new person. This keeps a son apart from his
   father when each section is clear about whom it means. When two full names of the
   section share the given name, it means the one named at least twice as often
   ("Karl" for the much-named "Karl Weber", not "Karl Braun"), else nobody.
4. A name introduced by a kinship noun ("their son Ilya", "his wife, Sofia") never
   joins the people named in the same or the previous sentence (a man is not his own
   son), nor, by given name alone, the document's most-named person.
5. A bare word that started its own person is folded into a full name later when
   exactly one full name carries it as a given name, the bare word was not
   introduced by a kinship noun (or both were, by the same one: "Anton's wife,
   Klara" ... "his wife, Countess Klara Weiss", given-name variants allowed), and
   the text never uses that full name's surname alone (if it does, the bare first
   name is probably someone else).
6. Explicit alias statements (``data/aliases/cues.yaml``: pseudonyms, "known as",
   "née", "was in fact", "alias", "posing as" ...) join two people.
7. A one-word name spelled two ways ("Yusuf" / "Jusuf", consonant skeleton of
   ``data/names/spelling_classes.tsv``) joins one person; a people's adjective used
   alone joins the people in the plural; "North X" the gazetteer lacks joins X
   (``resolve.joins``).

Descriptions written next to a person's or organisation's name ("X, the mayor of Y",
"his elder brother X", see ``resolve.appositions``) and a group's name with its article
("the Webers") become further aliases; "X (NKVD)" joins an organisation to its
abbreviation.

Places join by gazetteer id when ``link_places`` found one, else by name. Groups,
organisations and works join by name with plural and "-ied/-ies" endings folded, and a
single word joins the only longer name that contains it ("Congress" / "Congress of
Vienna"). When unsure, mentions are kept apart.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from ..doc import Doc
from ..model import LocalEntity, Mention, PlaceRef
from ..pipeline import Context, component
from .disjoint import DisjointSets
from .descriptions import find_descriptions, find_groups, group_concept, title_meaning
from .group_members import attach_group_members
from .gender import given_name_gender, pronoun_gender, role_gender, title_gender
from .nominals import find_nominals, title_statements
from .name_phrases import name_phrases
from .appositions import Spans, appositions
from .place_descriptions import LABEL as PLACE_LABEL, find_place_descriptions
from .roles import attach_roles
from .joins import join_compass_parts, join_people_adjectives, join_spelling_variants
from .places import COUNTRY_NOUNS, qualified_name, same_place_refs
from .names import (
    Name, clean_surface, fold, full_names_match, parse_name, ruler_short, same_given, subset_match, titles,
)
from chronica.resources import path as resource_path

DATA = resource_path("")
_PLACEHOLDER = r"[“\"'‘«]?(?P<{g}>⟨-?\d+⟩)[”\"'’»]?"
NOMINAL_LOOKBACK = 3  # sentences searched back for the holder of a title


# ------------------------------------------------------------------ resources --

@dataclass(frozen=True)
class AliasCue:
    name: str
    regex: re.Pattern
    persons_only: bool = False
    prefer: str | None = None  # "a" | "b": the side that names the entity
    acronym: bool = False  # the b side must be an abbreviation of a group ("(NKVD)")


@lru_cache(maxsize=1)
def alias_cues() -> tuple[AliasCue, ...]:
    raw = yaml.safe_load((DATA / "aliases" / "cues.yaml").read_text(encoding="utf-8"))
    out = []
    for c in raw["cues"]:
        pat = c["pattern"].replace("{A}", _PLACEHOLDER.format(g="a")).replace(
            "{B}", _PLACEHOLDER.format(g="b"))
        out.append(AliasCue(c["name"], re.compile(pat, re.IGNORECASE), bool(c.get("persons_only")),
                            c.get("prefer"), bool(c.get("acronym"))))
    return tuple(out)


@lru_cache(maxsize=1)
def introduced_name() -> re.Pattern:
    raw = yaml.safe_load((DATA / "aliases" / "cues.yaml").read_text(encoding="utf-8"))
    return re.compile(raw["introduced_name"], re.IGNORECASE)


def _introduced(text: str, m: Mention, name: Name, before: str) -> bool:
    """A one-word name in quotes right after a signature/pen-name cue ('signing it "Marcus"')."""
    quoted = text[m.start - 1:m.start] in _OPEN_QUOTES and text[m.end:m.end + 1] in _CLOSE_QUOTES
    return (quoted and len(name.tokens) == 1
            and bool(introduced_name().search(before[:-1] if before.endswith(tuple(_OPEN_QUOTES)) else before)))


_OPEN_QUOTES = frozenset("\"“‘'«")
_CLOSE_QUOTES = frozenset("\"”’'»")


@lru_cache(maxsize=1)
def kin_words() -> frozenset[str]:
    """Kinship nouns (labels of family relations in data/relations/labels.tsv)."""
    words = set()
    for line in (DATA / "relations" / "labels.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, kind = line.split("\t")[:2]
        if kind.strip() in ("spouse", "child", "parent", "sibling", "family"):
            words.add(label.strip().casefold())
    return frozenset(words)


@lru_cache(maxsize=1)
def kin_before() -> re.Pattern:
    alts = "|".join(sorted((re.escape(w) for w in kin_words()), key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\s*,?\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(t[0] for t in titles() if len(t) == 1)


# ------------------------------------------------------------------ records --

@dataclass
class _M:
    """A mention with what chaining needs to know about it."""

    index: int
    mention: Mention
    name: Name
    type: str
    section: int
    sentence: int
    kin: bool = False  # introduced by a kinship noun
    gid: str | None = None  # gazetteer id of a place
    preferred: bool = False  # an alias statement says this is the name it is known by
    gender: str | None = None  # "m" | "f" when the text says
    concept: str | None = None  # a common-noun group ("allies") all of whose forms are one
    introduced: bool = False  # a quoted signature / pen name: never chained by first name
    kin_word: str | None = None  # the kinship noun that introduced it ("wife")


@dataclass
class _Cluster:
    id: int
    type: str
    members: list[_M] = field(default_factory=list)
    kin: bool = False

    @property
    def last(self) -> int:
        return self.members[-1].mention.start

    def named(self) -> list[_M]:
        return [m for m in self.members if m.mention.label != "DESCRIPTION"]

    def multi(self) -> list[Name]:
        return [m.name for m in self.named() if len(m.name.tokens) > 1]

    def body_multi(self) -> list[Name]:
        """Full names used in the running text (not in credits/bibliography)."""
        return [m.name for m in self.named() if len(m.name.tokens) > 1 and not m.mention.cited]

    def singles(self) -> set[str]:
        return {m.name.single for m in self.named() if m.name.single}

    def gender(self) -> str | None:
        gs = {m.gender for m in self.members if m.gender}
        return next(iter(gs)) if len(gs) == 1 else None


# ------------------------------------------------------------------ helpers --

def sentence_bounds(doc: Doc) -> list[tuple[int, int, int]]:
    """(start, end, section) for each sentence: from ``segment``, else spaCy, else one."""
    if doc.sentences:
        return [(s.start, s.end, s.section if s.section is not None else -1) for s in doc.sentences]
    if doc.spacy is not None:
        return [(s.start_char, s.end_char, 0) for s in doc.spacy.sents]
    return [(0, len(doc.text), 0)]


def doc_places(doc: Doc) -> dict:
    places = getattr(doc, "places", None)
    if places is None:
        places = doc.__dict__.get("places")
    return places or {}


def place_ref(places: dict, m: Mention, name: Name) -> PlaceRef | None:
    """Look a mention up in ``doc.places`` under the keys ``link_places`` may use."""
    if not places:
        return None
    for k in (m.text, clean_surface(m.text), name.bare, name.surface):
        for v in (k, k.casefold(), fold(k), " ".join(fold(k).split())):
            ref = places.get(v)
            if ref is not None:
                return ref
    return None


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """Fold plural and adjectival endings of group names: Allies/Allied -> ally,
    Bourbons -> bourbon, Congresses -> congress."""
    w = fold(word)
    if len(w) > 4 and (w.endswith("ies") or w.endswith("ied")):
        return w[:-3] + "y"
    if len(w) > 4 and re.search(r"(?:ss|x|ch|sh)es$", w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _stems(name: Name) -> tuple[str, ...]:
    return tuple(stem(t) for t in name.tokens)


# ------------------------------------------------------------------ the component --

@component("chain_aliases", requires=("spacy", "sentences", "mentions", "places"),
           assigns=("mentions", "entities"))
def chain_aliases(doc: Doc, ctx: Context) -> None:
    doc.entities = chain(doc)
    attach_roles(doc)  # "the amiable Belgian": a role the text gave one person


def chain(doc: Doc) -> list[LocalEntity]:
    nominals = find_nominals(doc.text, doc.mentions) if doc.mentions else []
    descriptions = find_descriptions(doc.text, doc.mentions + nominals) if doc.mentions else []
    added = nominals + [d.mention for d in descriptions]
    added += find_groups(doc.text, doc.mentions + added) if doc.mentions else []
    place_descs = _place_descriptions(doc, doc.mentions + added) if doc.mentions else []
    added += [d for d, _ in place_descs]
    if added:  # "The Emperor", "his son": descriptions as names (no component before us keeps indices)
        doc.mentions = sorted(doc.mentions + added, key=lambda m: (m.start, m.end))
    items = _prepare(doc)
    clusters, uf, joined = _chain_pass(doc, items, None)
    if joined:
        # Alias statements can join people that chaining saw as two ("Samuel Clemens" is
        # "Mark Twain"); chain again knowing it, so that "their son Langdon" is kept
        # apart from everyone his possessor is.
        groups = {m.index: uf.find(c.id) for c in clusters for m in c.members}
        clusters, uf, _ = _chain_pass(doc, items, groups)
    _attach_nominals(doc, items, clusters, uf)
    _attach_descriptions(descriptions, items, clusters, uf)
    _attach_place_descriptions(place_descs, items, clusters, uf)
    entities = _build_entities(doc, items, clusters, uf)
    doc.entities = entities
    # "the royal couple", "the family": mentions of members, added after chaining
    attach_group_members(doc, sentence_bounds(doc))
    return entities


def _place_descriptions(doc: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    sents = sentence_bounds(doc)
    starts = [s[0] for s in sents]
    places = doc_places(doc)

    def section_of(offset: int) -> int:
        return sents[max(bisect_right(starts, offset) - 1, 0)][2]

    def ref_of(m: Mention) -> PlaceRef | None:
        return place_ref(places, m, parse_name(m.text, person=False))

    return find_place_descriptions(doc.text, mentions, section_of, ref_of)


def _attach_place_descriptions(pairs, items: list[_M], clusters: list[_Cluster], uf: DisjointSets) -> None:
    """"the theater" joins the place it stands for (see ``resolve.place_descriptions``)."""
    cluster_of = {m.index: c for c in clusters for m in c.members}
    at = {(it.mention.start, it.mention.end): it for it in items}
    for d, target in pairs:
        a, b = at.get((d.start, d.end)), at.get((target.start, target.end))
        if a is None or b is None or a.index not in cluster_of or b.index not in cluster_of:
            continue
        if b.type == "place":
            a.type = "place"
            uf.union(cluster_of[a.index].id, cluster_of[b.index].id)


def _is_description(it: _M) -> bool:
    return it.mention.label in ("DESCRIPTION", PLACE_LABEL)


def _attach_descriptions(descriptions, items: list[_M], clusters: list[_Cluster], uf: DisjointSets) -> None:
    """"his young cousin (Henry VI)" is Henry VI; "the Russian emperor" is the one
    person whose title means emperor of Russia ("Tsar Peter"); else it stays apart."""
    cluster_of = {m.index: c for c in clusters for m in c.members}
    at = {(it.mention.start, it.mention.end): it for it in items}
    for d in descriptions:
        it = at.get((d.mention.start, d.mention.end))
        if it is None or it.type != "person" or it.index not in cluster_of:
            continue
        target = None
        if d.names is not None and d.names in at and at[d.names].type == "person":
            target = cluster_of.get(at[d.names].index)
        elif d.title is not None:
            holders = {uf.find(c.id) for c in clusters if c.type == "person" and any(
                title_meaning(t) == (d.title, d.country) for m in c.members for t in m.name.title)}
            if len(holders) == 1:
                target = next(c for c in clusters if c.id == next(iter(holders)))
        if target is not None:
            uf.union(cluster_of[it.index].id, target.id)


def _attach_nominals(doc: Doc, items: list[_M], clusters: list[_Cluster], uf: DisjointSets) -> None:
    """A person known only as "the Emperor" is the one person the text says holds that
    title ("keep the style of King"); with several holders, or none, it stays apart."""
    cluster_of = {m.index: c for c in clusters for m in c.members}
    people = [it for it in items if it.type == "person" and not _is_nominal(it)]
    holders: dict[str, set[int]] = defaultdict(set)
    for offset, title in title_statements(doc.text):
        holder = _nearest_person(people, offset, doc)
        if holder is not None:
            holders[title].add(uf.find(cluster_of[holder.index].id))
    for c in clusters:
        if c.type != "person" or not all(_is_nominal(m) for m in c.members):
            continue
        heads = {m.name.tokens[-1] for m in c.members}
        found = set().union(*(holders.get(h, set()) for h in heads))
        if not found:
            found = _titled_holders(clusters, uf, {h.rstrip(".").casefold() for h in heads})
        if len(found) == 1:
            uf.union(c.id, next(iter(found)))


def _titled_holders(clusters: list[_Cluster], uf: DisjointSets, heads: set[str]) -> set[int]:
    """The people the document itself names with one of these titles ("Duke
    Philippe" for "the Duke", also when "the Duke" comes first): the title as
    the whole of a name's title ("Vice President Y" does not hold "President")."""
    out = set()
    for c in clusters:
        if c.type != "person" or all(_is_nominal(m) for m in c.members):
            continue
        for m in c.named():
            t = m.name.title
            if t and not _is_nominal(m) and len(m.name.tokens) > 0 and \
                    " ".join(t).rstrip(".").casefold() in heads:
                out.add(uf.find(c.id))
    return out


def _nearest_person(people: list[_M], offset: int, doc: Doc) -> _M | None:
    sents = sentence_bounds(doc)
    si = max(bisect_right([s[0] for s in sents], offset) - 1, 0)
    # the statement's own sentence first, then up to NOMINAL_LOOKBACK sentences back
    before = [p for p in people if si - NOMINAL_LOOKBACK <= p.sentence <= si and p.mention.end <= offset]
    return before[-1] if before else None


def _chain_pass(doc: Doc, items: list[_M], known: dict[int, int] | None):
    clusters: list[_Cluster] = []
    by_type: dict[str, list[_Cluster]] = defaultdict(list)
    for it in items:
        if it.type == "person":
            _chain_person(it, by_type["person"], clusters, items, known)
        elif it.type == "place":
            _chain_place(it, by_type["place"], clusters, doc)
        else:
            _chain_by_name(it, by_type[it.type], clusters)
    uf = DisjointSets()
    _absorb_first_names(by_type["person"], uf)
    join_spelling_variants(by_type["person"], uf)
    join_people_adjectives(clusters, uf)
    join_compass_parts(by_type["place"], uf)
    joined = _apply_alias_cues(doc, items, clusters, uf)
    return clusters, uf, joined


def _prepare(doc: Doc) -> list[_M]:
    sents = sentence_bounds(doc)
    starts = [s[0] for s in sents]
    items = []
    for i, m in enumerate(doc.mentions):
        inverted = m.cited and "," in m.text and m.type == "person"
        name = parse_name(m.text, inverted=inverted)
        si = max(bisect_right(starts, m.start) - 1, 0)
        s_start = sents[si][0] if sents else 0
        before = doc.text[max(s_start, m.start - 40):m.start]
        kin = kin_before().search(before)
        items.append(_M(i, m, name, m.type or "other", sents[si][2], si,
                        kin=kin is not None,
                        introduced=_introduced(doc.text, m, name, before),
                        kin_word=kin.group().strip(" ,").casefold() if kin else None))
    _vote_types(items)
    for it in items:
        concept = group_concept(it.mention.text)
        if concept is not None:
            it.concept, it.type = concept
    for it in items:  # titles are stripped from people only
        if it.type != "person":
            it.name = parse_name(it.mention.text, person=False)
    _drop_leading_places(items)
    _genders(doc, items, sents)
    return items


def _genders(doc: Doc, items: list[_M], sents: list[tuple[int, int, int]]) -> None:
    """What each person mention says about its gender (see ``resolve.gender``)."""
    people = [it for it in items if it.type == "person"]
    for k, it in enumerate(people):
        m = it.mention
        g = title_gender(it.name.title)
        if g is None:
            s_start = sents[it.sentence][0] if sents else 0
            g = role_gender(doc.text[max(s_start, m.start - 40):m.start])
        if g is None and len(it.name.tokens) > 1:
            g = given_name_gender(it.name.bare.split()[0])
        if g is None:
            s_end = sents[it.sentence][1] if sents else len(doc.text)
            nxt = people[k + 1].mention.start if k + 1 < len(people) else s_end
            g = pronoun_gender(doc.text, m.end, min(s_end, nxt))
        it.gender = g


def _gender_clash(it: _M, c: "_Cluster") -> bool:
    g = c.gender()
    return bool(it.gender and g and it.gender != g)


def _drop_leading_places(items: list[_M]) -> None:
    """A person's name that starts with a place the document names elsewhere was run
    together by NER ("at Corfu Kapodistrias judged"): compare it without the place."""
    places = {it.name.key for it in items if it.type == "place" and len(it.name.tokens) == 1}
    for it in items:
        words = it.name.bare.split()
        if it.type == "person" and len(it.name.tokens) > 1 and it.name.tokens[0] in places and len(words) > 1:
            it.name = parse_name(" ".join(words[1:]))


def _vote_types(items: list[_M]) -> None:
    """One sense per document: mentions sharing a name share the type most of them
    (titled mentions count thrice) were given."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for it in items:
        votes[it.name.key][it.type] += 0.5 if it.type == "other" else 1.0
        if it.name.title:  # "Captain X", "Tsar X": a person, whatever NER said
            votes[it.name.key]["person"] += 2.0
    for it in items:
        v = votes[it.name.key]
        if v and it.name.key and it.type != "vehicle":  # a ship named after a person stays a ship
            it.type = v.most_common(1)[0][0]


def _new(clusters: list[_Cluster], pool: list[_Cluster], it: _M) -> _Cluster:
    c = _Cluster(len(clusters), it.type, [it], kin=it.kin)
    clusters.append(c)
    pool.append(c)
    return c


def _join(c: _Cluster, it: _M) -> None:
    c.members.append(it)


# ----- people

def _excluded(it: _M, items: list[_M], clusters_of: dict[int, _Cluster],
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


def _chain_person(it: _M, pool: list[_Cluster], clusters: list[_Cluster], items: list[_M],
                  known: dict[int, int] | None = None) -> None:
    n = it.name
    clusters_of = {m.index: c for c in pool for m in c.members}
    banned = _excluded(it, items, clusters_of, known)
    live = [c for c in pool if c.id not in banned]
    if not n.tokens or _is_description(it):
        _new(clusters, pool, it)
        return
    if _is_nominal(it):
        _chain_nominal(it, live, pool, clusters)
        return
    if len(n.tokens) > 1:
        cands = [c for c in live if any(
            full_names_match(n, o) or subset_match(n, o) or subset_match(o, n) for o in c.multi())]
        if not cands:  # a surname, or a ruler's short name ("Sven" for "Sven the Bold"), used alone before
            key = ruler_short(n) or n.surname
            cands = [c for c in live if not c.kin and key in c.singles() and not c.multi()
                     and not _gender_clash(it, c)]
        if cands:
            _join(max(cands, key=lambda c: c.last), it)
        else:
            _new(clusters, pool, it)
        return
    t = n.single
    if it.introduced:  # a signature is its own name: only the same name used alone joins it
        same = [c for c in live if t in c.singles()]
        if same:
            _join(max(same, key=lambda c: c.last), it)
        else:
            _new(clusters, pool, it)
        return
    # a surname of a known full name
    cands = [c for c in live if any(o.surname == t or (o.surname and "-" in o.surname and t in o.surname.split("-"))
                                    for o in c.multi())]  # "Cupara" of "Mihajlo Stevanović-Cupara"
    bare = [c for c in live if t in c.singles() and not c.multi()]
    if cands and bare and not any(t in c.singles() for c in cands):
        cands = bare  # the word already stands alone for someone the full name did not join
    used = [c for c in cands if t in c.singles()]
    if len(used) < len(cands):  # several people carry the surname: the one called by it
        cands = used or [c for c in cands if not _gender_clash(it, c)] or cands
    if cands:
        _join(max(cands, key=lambda c: c.last), it)
        return
    # the person the last bare use of this word in the section meant
    same = [m for m in items if m.index < it.index and m.section == it.section
            and m.name.single == t and clusters_of.get(m.index) in live]
    if same:
        _join(clusters_of[same[-1].index], it)
        return
    # the nearest preceding full name in the section with this given name
    cands = [c for c in live if any(t in o.given for o in c.multi())]
    in_sec = [c for c in cands if any(m.section == it.section and m.index < it.index
                                      and t in m.name.given for m in c.members)]
    if len(in_sec) > 1 and len({tuple(o.tokens) for c in in_sec for o in c.multi()}) > 1:
        lead = None if it.kin else _salient(in_sec)
        if lead is not None:  # the person the text is about, named far more than the other
            _join(lead, it)
        else:
            _new(clusters, pool, it)  # "Johann" after "Johann Sebastian" and "Johann Christian": unsure
        return
    if it.kin:  # "their son Lev" is not the Lev Brand the text is about
        in_sec = [c for c in in_sec if not _most_named(c, pool)]
        cands = [c for c in cands if not _most_named(c, pool)]
    if in_sec:
        _join(max(in_sec, key=lambda c: c.last), it)
        return
    standalone = [c for c in live if t in c.singles() and not c.multi()]
    if standalone:
        _join(max(standalone, key=lambda c: c.last), it)
        return
    if len(cands) == 1 and not any(t in c.singles() for c in pool if c.id in banned):
        _join(cands[0], it)
        return
    _new(clusters, pool, it)


def _most_named(c: _Cluster, pool: list[_Cluster]) -> bool:
    """The person named most so far: the one "his"/"their" most likely means, so a
    kinship-introduced name ("their son Lev") is not them, whatever name they share."""
    return len(c.named()) >= max(len(o.named()) for o in pool)


SALIENT_SHARE = 2  # a bare given name shared by two people means the one named this many times more
SALIENT_MIN = 4


def _salient(cands: list[_Cluster]) -> _Cluster | None:
    """Of several people sharing a given name, the one named far more often so far."""
    counts = sorted(((len(c.named()), c.id) for c in cands), reverse=True)
    (top, cid), second = counts[0], counts[1][0]
    if top >= SALIENT_MIN and top >= SALIENT_SHARE * second:
        return next(c for c in cands if c.id == cid)
    return None


def _is_nominal(it: _M) -> bool:
    """A description rather than a name: "the Emperor", "the new king"."""
    words = it.name.tokens
    if _is_description(it):
        return False
    return bool(words) and all(w.rstrip(".") in _title_words() for w in words[-1:]) and (
        it.mention.text[:1].islower() or it.name.surface.casefold().startswith("the ")
        or len(words) == 1)


def _chain_nominal(it: _M, live: list[_Cluster], pool: list[_Cluster], clusters: list[_Cluster]) -> None:
    head = it.name.tokens[-1].rstrip(".")
    # "the President" is the one titled "President X", not "Vice President Y"
    titled = [c for c in live if any(m.name.title and m.name.title[-1].rstrip(".") == head
                                     and len(m.name.title) == 1 for m in c.members)]
    if titled:
        _join(max(titled, key=lambda c: c.last), it)
        return
    same = [c for c in live if any(m.name.tokens[-1:] == (head,) and _is_nominal(m) for m in c.members)]
    if same:
        _join(max(same, key=lambda c: c.last), it)
        return
    _new(clusters, pool, it)


def _absorb_first_names(pool: list[_Cluster], uf: DisjointSets) -> None:
    surnames_alone = {t for c in pool for t in c.singles()}
    for s in pool:
        if s.multi() or len(s.singles()) != 1 or any(_is_nominal(m) or m.introduced for m in s.members):
            continue
        t = next(iter(s.singles()))
        full = [c for c in pool if c is not s and any(t in o.given for o in c.body_multi())]
        if not full and s.kin:  # "his wife Sofia" ... "his wife, Sophie Chotek"
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


def _same_relative(s: _Cluster, f: _Cluster) -> bool:
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


# ----- places and named things

def _chain_place(it: _M, pool: list[_Cluster], clusters: list[_Cluster], doc: Doc) -> None:
    if it.mention.label == PLACE_LABEL:  # joined to its place afterwards
        _new(clusters, pool, it)
        return
    places = doc_places(doc)
    ref = place_ref(places, it.mention, it.name)
    it.gid = ref.gazetteer if ref else None
    for c in pool:
        for m in c.members:
            if (m.name.key and m.name.key == it.name.key) or (it.gid and m.gid == it.gid):
                _join(c, it)
                return
    # "Serbia" / "Kingdom of Serbia", "Washington" / "Washington D.C.": the same name with a
    # state's qualifier, linked to gazetteer rows that are one place
    for c in pool:
        for m in c.members:
            if m.name.key and it.name.key and (qualified_name(m.name.key, it.name.key)
                                               or qualified_name(it.name.key, m.name.key)) \
                    and same_place_refs(ref, place_ref(places, m.mention, m.name)):
                _join(c, it)
                return
    _new(clusters, pool, it)


def _chain_by_name(it: _M, pool: list[_Cluster], clusters: list[_Cluster]) -> None:
    if it.concept:
        same = [c for c in pool if any(m.concept == it.concept for m in c.members)]
        if same:
            _join(same[-1], it)
        else:
            _new(clusters, pool, it)
        return
    st = _stems(it.name)
    if not st:
        _new(clusters, pool, it)
        return
    exact = [c for c in pool if any(_stems(m.name) == st for m in c.members)]
    if exact:
        _join(max(exact, key=lambda c: c.last), it)
        return
    if len(st) == 1:
        longer = [c for c in pool if any(len(m.name.tokens) > 1 and st[0] in _stems(m.name) for m in c.members)]
        if len(longer) == 1:
            _join(longer[0], it)
            return
    else:
        shorter = [c for c in pool if all(len(m.name.tokens) == 1 for m in c.members)
                   and any(_stems(m.name)[0] in st for m in c.members)]
        if len(shorter) == 1:
            _join(shorter[0], it)
            return
    _new(clusters, pool, it)


# ----- explicit alias statements

def _apply_alias_cues(doc: Doc, items: list[_M], clusters: list[_Cluster], uf: DisjointSets) -> int:
    """Join the people explicit alias statements name; return how many joins."""
    joined = 0
    cluster_of = {m.index: c for c in clusters for m in c.members}
    by_sentence: dict[int, list[_M]] = defaultdict(list)
    for it in items:
        by_sentence[it.sentence].append(it)
    sents = sentence_bounds(doc)
    for si, its in by_sentence.items():
        start, end = sents[si][0], sents[si][1]
        its = its + _unmarked_names(doc.text, start, end, its, items, cluster_of)
        if len(its) < 2:
            continue
        template, pos = _template(doc.text, start, end, its)
        for cue in alias_cues():
            for m in cue.regex.finditer(template):
                a, b = pos[m.group("a")], pos[m.group("b")]
                if not _compatible(a, b, cue.persons_only):
                    continue
                if cue.acronym and not _abbreviates(a, b):
                    continue
                if cue.prefer:
                    pos[m.group(cue.prefer)].preferred = True
                ca, cb = cluster_of[a.index].id, cluster_of[b.index].id
                if uf.find(ca) != uf.find(cb):
                    uf.union(ca, cb)
                    joined += 1
    return joined


_CAP_WORD = re.compile(r"\b[A-Z][\w-]+")


def _unmarked_names(text: str, start: int, end: int, its: list[_M], items: list[_M],
                    cluster_of: dict[int, "_Cluster"]) -> list[_M]:
    """Capitalised words NER missed in this sentence that are a single-word name of a
    person already met ("Samuel" in "- Samuel's pseudonym"): each stands for the person most
    recently named that way before it. Returned with negative indices, registered in
    ``cluster_of`` so cues can join them."""
    taken = [(it.mention.start, it.mention.end) for it in its]
    out = []
    for w in _CAP_WORD.finditer(text, start, end):
        a, b = w.start(), w.end()
        if any(x < b and a < y for x, y in taken):
            continue
        word = fold(w.group())
        prior = [m for m in _people_by_word(items).get(word, ()) if m.mention.end <= a]
        if not prior:
            continue
        anchor = prior[-1]
        idx = -1 - len(cluster_of)
        m = Mention(a, b, w.group(), "PERSON", "person")
        it = _M(idx, m, parse_name(w.group()), "person", anchor.section, anchor.sentence)
        cluster_of[idx] = cluster_of[anchor.index]
        out.append(it)
    return out


_BY_WORD: dict = {}  # the last document's people by single and given names


def _people_by_word(items: list[_M]) -> dict[str, list[_M]]:
    """Person items by each word that names them alone, in the items' order."""
    key = (id(items), len(items))
    if key not in _BY_WORD:
        index: dict[str, list[_M]] = {}
        for m in items:
            if m.type != "person":
                continue
            for word in {m.name.single, *m.name.given} - {None, ""}:
                index.setdefault(word, []).append(m)
        _BY_WORD.clear()
        _BY_WORD[key] = index
    return _BY_WORD[key]


def _template(text: str, start: int, end: int, its: list[_M]) -> tuple[str, dict[str, _M]]:
    parts, pos, cur = [], {}, start
    for it in sorted(its, key=lambda x: x.mention.start):
        m = it.mention
        if m.start < cur or m.end > max(end, m.end):
            continue
        parts.append(text[cur:m.start])
        ph = f"⟨{it.index}⟩"
        parts.append(ph)
        pos[ph] = it
        cur = m.end
    parts.append(text[cur:max(end, cur)])
    return "".join(parts), pos


_ACRONYM = re.compile(r"[A-ZÀ-Þ]{2,8}")
_GROUP_TYPES = frozenset({"organization", "group"})


def _abbreviates(a: _M, b: _M) -> bool:
    """"Federal Criminal Police Office (BKA)": a name of several words and
    an all-capitals word, both groups or organisations."""
    return (a.type in _GROUP_TYPES and b.type in _GROUP_TYPES and len(a.name.tokens) > 1
            and _ACRONYM.fullmatch(b.mention.text) is not None)


def _compatible(a: _M, b: _M, persons_only: bool) -> bool:
    if persons_only:
        return a.type == b.type == "person"
    return a.type == b.type or "person" in (a.type, b.type) and "other" in (a.type, b.type)


# ----- output

def _build_entities(doc: Doc, items: list[_M], clusters: list[_Cluster], uf: DisjointSets) -> list[LocalEntity]:
    groups: dict[int, list[_M]] = defaultdict(list)
    for c in clusters:
        groups[uf.find(c.id)].extend(c.members)
    places = doc_places(doc)
    place_spans = {(it.mention.start, it.mention.end) for it in items if it.type == "place"}
    ordered = sorted(groups.values(), key=lambda ms: min(m.mention.start for m in ms))
    entities = []
    for k, members in enumerate(ordered):
        members.sort(key=lambda m: m.index)
        key = f"e{k}"
        etype = Counter(m.type for m in members).most_common(1)[0][0]
        ent = LocalEntity(
            key=key, type=etype, name=_best_name(members),
            aliases=_aliases(members) + _articled(doc.text, members, etype) + _phrases(doc, members, etype, place_spans),
            mentions=[m.index for m in members],
            cited=all(m.mention.cited for m in members),
        )
        if etype == "place":
            ent.place = _first_ref(places, members)
        for m in members:
            m.mention.entity = key
        entities.append(ent)
    return entities


def _best_name(members: list[_M]) -> str:
    """The fullest form: most name words, then most frequent, then first."""
    counts = Counter(m.name.bare for m in members)
    uncited = [m for m in members if not m.mention.cited] or members
    named = [m for m in uncited if m.preferred] or uncited
    best = max(named, key=lambda m: (not _is_description(m), not _is_nominal(m),
                                     not set(m.name.tokens[-1:]) & COUNTRY_NOUNS,  # not "French mainland"
                                     len(m.name.tokens),
                                     counts[m.name.bare], -m.index))
    return best.name.bare


def _aliases(members: list[_M]) -> list[str]:
    out: list[str] = []
    for m in members:
        # a place description is kept as written ("the theater"), not as its bare noun
        for form in (clean_surface(m.mention.text),) + (() if m.mention.label == PLACE_LABEL else (m.name.bare,)):
            if form and form not in out:
                out.append(form)
    return out


_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=\s))[Tt]he\s+$")


def _articled(text: str, members: list[_M], etype: str) -> list[str]:
    """"the Webers", "the commission": a group or organisation as the text writes it,
    with its article (a mention is cut to the bare name)."""
    if etype not in ("organization", "group"):
        return []
    out: list[str] = []
    for m in members:
        a = m.mention.start
        if etype == "group" and not m.mention.text.endswith("s"):
            continue  # "the Canadian" is one person, not the Canadians
        if _ARTICLE_BEFORE.search(text[max(0, a - 5):a]):
            form = "the " + clean_surface(m.mention.text)
            if form not in out:
                out.append(form)
    return out


def _phrases(doc: Doc, members: list[_M], etype: str, place_spans: set[tuple[int, int]]) -> list[str]:
    """Phrases around the entity's names ("the Austrian Archduke X") as further aliases."""
    if doc.spacy is None:
        return []
    seen = {clean_surface(m.mention.text) for m in members} | {m.name.bare for m in members}
    out: list[str] = []
    taken, people, others = _mention_spans(doc)
    for m in members:
        if _is_description(m) or _is_nominal(m) or m.mention.cited:
            continue
        forms = name_phrases(doc.spacy, doc.text, m.mention.start, m.mention.end, etype, place_spans,
                             taken.without((m.mention.start, m.mention.end)))
        # "X, the mayor of Graz", "his elder brother X", "Y, a secret society"
        forms = forms + appositions(doc.spacy, doc.text, m.mention.start, m.mention.end, people, others, etype)
        for form in forms:
            if form not in seen:
                seen.add(form)
                out.append(form)
    return out


_UNNAMED = frozenset({"DESCRIPTION", "NOMINAL", PLACE_LABEL, "GROUP"})
_SPANS: dict = {}  # the last document's mention spans, indexed once for all its entities


def _mention_spans(doc: Doc) -> tuple[Spans, Spans, Spans]:
    """All mentions, named people, and the rest, as indexed span sets."""
    key = (doc.source.sha256, id(doc.mentions), len(doc.mentions))
    if key not in _SPANS:
        _SPANS.clear()
        _SPANS[key] = (Spans((x.start, x.end) for x in doc.mentions),
                       Spans((x.start, x.end) for x in doc.mentions if x.type == "person" and x.label not in _UNNAMED),
                       Spans((x.start, x.end) for x in doc.mentions if x.type != "person"))
    return _SPANS[key]


def _first_ref(places: dict, members: list[_M]) -> PlaceRef | None:
    for m in members:
        ref = place_ref(places, m.mention, m.name)
        if ref is not None:
            return ref
    return None
