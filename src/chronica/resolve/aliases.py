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
6. Explicit alias statements (``lang/en/aliases/cues.yaml``: pseudonyms, "known as",
   "née", "was in fact", "alias", "posing as" ...) join two people.
7. A one-word name spelled two ways ("Yusuf" / "Jusuf", consonant skeleton of
   ``lang/en/names/spelling_classes.tsv``) joins one person; a people's adjective used
   alone joins the people in the plural; "North X" the gazetteer lacks joins X; a
   historical person's names that share no word ("Hirohito" / "Emperor Shōwa",
   ``lang/en/aliases/person_names.tsv``) join (``resolve.joins``).

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
from dataclasses import replace
from collections import Counter, defaultdict
from functools import lru_cache

from ..doc import Doc
from ..model import LocalEntity, Mention, PlaceRef
from ..components import Context, component
from ..resources import load
from .alias_entities import build_entities
from .alias_runons import split_run_ons
from .alias_introductions import find_introductions, introduced_mentions, join_introductions
from .alias_people import absorb_first_names, chain_person
from .alias_records import (
    ChainMention, Cluster, doc_places, is_nominal, join_cluster, new_cluster, place_ref, sentence_bounds, stems,
)
from .alias_statements import apply_alias_cues, is_introduced_name
from .disjoint import DisjointSets
from .descriptions import find_descriptions, find_groups, group_concept, title_meaning
from .group_members import attach_group_members
from ..resources.gender import given_name_gender, pronoun_gender, role_gender, title_gender
from .nominals import find_nominals, title_statements
from .place_descriptions import LABEL as PLACE_LABEL, find_place_descriptions
from .roles import attach_roles
from .joins import join_compass_parts, join_known_people, join_people_adjectives, join_spelling_variants
from .places import qualified_name, same_place_refs
from ..resources.names import Name, epithet, parse_name
NOMINAL_LOOKBACK = 3  # sentences searched back for the holder of a title


# ------------------------------------------------------------------ resources --


@lru_cache(maxsize=1)
def kin_words() -> frozenset[str]:
    """Kinship nouns (labels of family relations in lang/en/relations/labels.tsv)."""
    words = set()
    for row in load("relations/labels.tsv"):
        if row["kind"] in ("spouse", "child", "parent", "sibling", "family"):
            words.add(row["label"].casefold())
    return frozenset(words)


@lru_cache(maxsize=1)
def kin_before() -> re.Pattern:
    alts = "|".join(sorted((re.escape(w) for w in kin_words()), key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\s*,?\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _generation_before() -> re.Pattern:
    words = load("names/lexicon.yaml").get("generation_words", [])
    return re.compile(rf"\b(?:the\s+)?({'|'.join(map(re.escape, words))})\s+$", re.IGNORECASE)


def _with_generation(name: Name, before: str) -> Name:
    """"the younger Lucas Brandt" is compared as "Lucas Brandt the Younger": a namesake
    of "Lucas Brandt the Elder", never joined to him."""
    g = _generation_before().search(before) if len(name.tokens) > 1 and not epithet(name) else None
    return replace(name, tokens=name.tokens + ("the", g.group(1).casefold())) if g else name


# ------------------------------------------------------------------ the component --

@component("chain_aliases", requires=("spacy", "sentences", "mentions", "places"),
           assigns=("mentions", "entities"))
def chain_aliases(doc: Doc, ctx: Context) -> None:
    doc.entities = chain(doc)
    attach_roles(doc)  # "the amiable Belgian": a role the text gave one person


def chain(doc: Doc) -> list[LocalEntity]:
    doc.mentions = split_run_ons(doc.text, doc.mentions)  # "Ragnar after Hastings": two names
    nominals = find_nominals(doc.text, doc.mentions) if doc.mentions else []
    descriptions = find_descriptions(doc.text, doc.mentions + nominals) if doc.mentions else []
    added = nominals + [d.mention for d in descriptions]
    added += find_groups(doc.text, doc.mentions + added) if doc.mentions else []
    place_descs = _place_descriptions(doc, doc.mentions + added) if doc.mentions else []
    added += [d for d, _ in place_descs]
    intros = find_introductions(doc, doc.mentions + added, sentence_bounds(doc)) if doc.mentions else []
    if intros:  # names a cue introduces; the non-person mentions they replace are dropped
        kept = doc.mentions + added
        added = introduced_mentions(doc, kept, intros) + [m for m in added if m in kept]
        doc.mentions = [m for m in doc.mentions if m in kept]
    if added:  # "The Emperor", "his son": descriptions as names (no component before us keeps indices)
        doc.mentions = sorted(doc.mentions + added, key=lambda m: (m.start, m.end))
    items = _prepare(doc)
    clusters, uf, joined = _chain_pass(doc, items, None)
    joined += join_introductions(intros, items, clusters, uf)
    if joined:
        # Alias statements can join people that chaining saw as two ("Samuel Clemens" is
        # "Mark Twain"); chain again knowing it, so that "their son Langdon" is kept
        # apart from everyone his possessor is.
        groups = {m.index: uf.find(c.id) for c in clusters for m in c.members}
        clusters, uf, _ = _chain_pass(doc, items, groups)
        join_introductions(intros, items, clusters, uf)
    _attach_nominals(doc, items, clusters, uf)
    _attach_descriptions(descriptions, items, clusters, uf)
    _attach_place_descriptions(place_descs, items, clusters, uf)
    entities = build_entities(doc, items, clusters, uf)
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


def _attach_place_descriptions(pairs, items: list[ChainMention], clusters: list[Cluster], uf: DisjointSets) -> None:
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


def _attach_descriptions(descriptions, items: list[ChainMention], clusters: list[Cluster], uf: DisjointSets) -> None:
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


def _attach_nominals(doc: Doc, items: list[ChainMention], clusters: list[Cluster], uf: DisjointSets) -> None:
    """A person known only as "the Emperor" is the one person the text says holds that
    title ("keep the style of King"); with several holders, or none, it stays apart."""
    cluster_of = {m.index: c for c in clusters for m in c.members}
    people = [it for it in items if it.type == "person" and not is_nominal(it)]
    holders: dict[str, set[int]] = defaultdict(set)
    for offset, title in title_statements(doc.text):
        holder = _nearest_person(people, offset, doc)
        if holder is not None:
            holders[title].add(uf.find(cluster_of[holder.index].id))
    for c in clusters:
        if c.type != "person" or not all(is_nominal(m) for m in c.members):
            continue
        heads = {m.name.tokens[-1] for m in c.members}
        found = set().union(*(holders.get(h, set()) for h in heads))
        if not found:
            found = _titled_holders(clusters, uf, {h.rstrip(".").casefold() for h in heads})
        if len(found) == 1:
            uf.union(c.id, next(iter(found)))


def _titled_holders(clusters: list[Cluster], uf: DisjointSets, heads: set[str]) -> set[int]:
    """The people the document itself names with one of these titles ("Duke
    Philippe" for "the Duke", also when "the Duke" comes first): the title as
    the whole of a name's title ("Vice President Y" does not hold "President")."""
    out = set()
    for c in clusters:
        if c.type != "person" or all(is_nominal(m) for m in c.members):
            continue
        for m in c.named():
            t = m.name.title
            if t and not is_nominal(m) and len(m.name.tokens) > 0 and \
                    " ".join(t).rstrip(".").casefold() in heads:
                out.add(uf.find(c.id))
    return out


def _nearest_person(people: list[ChainMention], offset: int, doc: Doc) -> ChainMention | None:
    sents = sentence_bounds(doc)
    si = max(bisect_right([s[0] for s in sents], offset) - 1, 0)
    # the statement's own sentence first, then up to NOMINAL_LOOKBACK sentences back
    before = [p for p in people if si - NOMINAL_LOOKBACK <= p.sentence <= si and p.mention.end <= offset]
    return before[-1] if before else None


def _chain_pass(doc: Doc, items: list[ChainMention], known: dict[int, int] | None):
    clusters: list[Cluster] = []
    by_type: dict[str, list[Cluster]] = defaultdict(list)
    for it in items:
        if it.type == "person":
            chain_person(it, by_type["person"], clusters, items, known)
        elif it.type == "place":
            _chain_place(it, by_type["place"], clusters, doc)
        else:
            _chain_by_name(it, by_type[it.type], clusters)
    uf = DisjointSets()
    absorb_first_names(by_type["person"], uf)
    join_spelling_variants(by_type["person"], uf)
    join_known_people(clusters, uf)
    join_people_adjectives(clusters, uf)
    join_compass_parts(by_type["place"], uf)
    joined = apply_alias_cues(doc, items, clusters, uf)
    return clusters, uf, joined


def _prepare(doc: Doc) -> list[ChainMention]:
    sents = sentence_bounds(doc)
    starts = [s[0] for s in sents]
    items = []
    for i, m in enumerate(doc.mentions):
        inverted = m.cited and "," in m.text and m.type == "person"
        name = parse_name(m.text, inverted=inverted)
        si = max(bisect_right(starts, m.start) - 1, 0)
        s_start = sents[si][0] if sents else 0
        before = doc.text[max(s_start, m.start - 40):m.start]
        name = _with_generation(name, before)
        kin = kin_before().search(before)
        items.append(ChainMention(i, m, name, m.type or "other", sents[si][2], si,
                        kin=kin is not None,
                        introduced=is_introduced_name(doc.text, m, name, before),
                        kin_word=kin.group().strip(" ,").casefold() if kin else None))
    _vote_types(items, _located(doc, items))
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


def _genders(doc: Doc, items: list[ChainMention], sents: list[tuple[int, int, int]]) -> None:
    """What each person mention says about its gender (see ``resources.gender``)."""
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


def _drop_leading_places(items: list[ChainMention]) -> None:
    """A person's name that starts with a place the document names elsewhere was run
    together by NER ("at Corfu Kapodistrias judged"): compare it without the place."""
    places = {it.name.key for it in items if it.type == "place" and len(it.name.tokens) == 1}
    for it in items:
        words = it.name.bare.split()
        if it.type == "person" and len(it.name.tokens) > 1 and it.name.tokens[0] in places and len(words) > 1:
            it.name = parse_name(" ".join(words[1:]))


_LOCATIVE = re.compile(r"\b(?:in|at|near|from|to|into|outside|around)\s+(?:the\s+)?$", re.IGNORECASE)


def _located(doc: Doc, items: list[ChainMention]) -> set[int]:
    """Place mentions the text itself locates something in ("the court moved to X",
    "today in X") and the gazetteer knows: they stay places whatever a namesake
    prince's title votes ("Prince X" is a person, the town X is not)."""
    places = doc_places(doc)
    out = set()
    for it in items:
        m = it.mention
        if it.type == "place" and _LOCATIVE.search(doc.text[max(0, m.start - 20):m.start]) \
                and place_ref(places, m, it.name) is not None:
            out.add(it.index)
    return out


def _vote_types(items: list[ChainMention], keep: set[int] = frozenset()) -> None:
    """One sense per document: mentions sharing a name share the type most of them
    (titled mentions count thrice) were given; ``keep`` holds mentions that keep their own."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for it in items:
        votes[it.name.key][it.type] += 0.5 if it.type == "other" else 1.0
        if it.name.title:  # "Captain X", "Tsar X": a person, whatever NER said
            votes[it.name.key]["person"] += 2.0
    for it in items:
        v = votes[it.name.key]
        if v and it.name.key and it.type != "vehicle" and it.index not in keep:  # a ship named after a person stays a ship
            it.type = v.most_common(1)[0][0]


# ----- places and named things

def _chain_place(it: ChainMention, pool: list[Cluster], clusters: list[Cluster], doc: Doc) -> None:
    if it.mention.label == PLACE_LABEL:  # joined to its place afterwards
        new_cluster(clusters, pool, it)
        return
    places = doc_places(doc)
    ref = place_ref(places, it.mention, it.name)
    it.gid = ref.gazetteer if ref else None
    for c in pool:
        for m in c.members:
            if (m.name.key and m.name.key == it.name.key) or (it.gid and m.gid == it.gid):
                join_cluster(c, it)
                return
    # "Serbia" / "Kingdom of Serbia", "Washington" / "Washington D.C.": the same name with a
    # state's qualifier, linked to gazetteer rows that are one place
    for c in pool:
        for m in c.members:
            if m.name.key and it.name.key and (qualified_name(m.name.key, it.name.key)
                                               or qualified_name(it.name.key, m.name.key)) \
                    and same_place_refs(ref, place_ref(places, m.mention, m.name)):
                join_cluster(c, it)
                return
    new_cluster(clusters, pool, it)


def _chain_by_name(it: ChainMention, pool: list[Cluster], clusters: list[Cluster]) -> None:
    if it.concept:
        same = [c for c in pool if any(m.concept == it.concept for m in c.members)]
        if same:
            join_cluster(same[-1], it)
        else:
            new_cluster(clusters, pool, it)
        return
    st = stems(it.name)
    if not st:
        new_cluster(clusters, pool, it)
        return
    exact = [c for c in pool if any(stems(m.name) == st for m in c.members)]
    if exact:
        join_cluster(max(exact, key=lambda c: c.last), it)
        return
    if len(st) == 1:
        longer = [c for c in pool if any(len(m.name.tokens) > 1 and st[0] in stems(m.name) for m in c.members)]
        if len(longer) == 1:
            join_cluster(longer[0], it)
            return
    else:
        shorter = [c for c in pool if all(len(m.name.tokens) == 1 for m in c.members)
                   and any(stems(m.name)[0] in st for m in c.members)]
        if len(shorter) == 1:
            join_cluster(shorter[0], it)
            return
    new_cluster(clusters, pool, it)
