"""The local entities alias chaining yields: one per cluster, named by its fullest
form, with its aliases (the text's spellings, "the Webers", phrases and appositions
around its names) and, for a place, its gazetteer link."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..doc import Doc
from ..model import LocalEntity, PlaceRef
from .alias_introductions import LABEL as INTRODUCED
from .alias_records import ChainMention, Cluster, doc_places, is_description, is_nominal, place_ref
from .appositions import Spans, appositions
from .disjoint import DisjointSets
from .name_phrases import name_phrases
from ..resources.names import clean_surface
from .place_descriptions import LABEL as PLACE_LABEL
from ..resources.names import country_nouns
from ..nlp.lexicon import load_lexicon as names_lexicon
from ..nlp.mention_types import demonym_of_place


def build_entities(doc: Doc, items: list[ChainMention], clusters: list[Cluster], uf: DisjointSets) -> list[LocalEntity]:
    groups: dict[int, list[ChainMention]] = defaultdict(list)
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
        if etype == "place" and _only_a_people(doc, members):
            etype = "group"  # "the English", "Danish ships": a people, not a place
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


def _only_a_people(doc: Doc, members: list[ChainMention]) -> bool:
    """Every mention is a demonym ("British", "the Danes"), none an adjective that names
    the place ("the Korean peninsula", "the Egyptian campaign"): the entity is the people."""
    lex = names_lexicon()
    for m in members:
        text = clean_surface(m.mention.text)
        if text.startswith(("the ", "The ")):
            text = text[4:]
        if text not in lex.demonyms:
            return False
        span = doc.spacy.char_span(m.mention.start, m.mention.end, alignment_mode="expand") \
            if doc.spacy is not None else None
        if span is not None and len(span) and demonym_of_place(text, span.root, lex):
            return False
    return True


def _best_name(members: list[ChainMention]) -> str:
    """The fullest form: most name words, then most frequent, then first."""
    counts = Counter(m.name.bare for m in members)
    uncited = [m for m in members if not m.mention.cited] or members
    named = [m for m in uncited if m.preferred] or uncited
    best = max(named, key=lambda m: (not is_description(m), not is_nominal(m),
                                     m.mention.label != INTRODUCED,  # a nickname, a birth name: not the name
                                     not set(m.name.tokens[-1:]) & country_nouns(),  # not "French mainland"
                                     len(m.name.tokens),
                                     counts[m.name.bare], -m.index))
    return best.name.bare


def _aliases(members: list[ChainMention]) -> list[str]:
    out: list[str] = []
    for m in members:
        # a place description is kept as written ("the theater"), not as its bare noun
        for form in (clean_surface(m.mention.text),) + (() if m.mention.label == PLACE_LABEL else (m.name.bare,)):
            if form and form not in out:
                out.append(form)
    return out


_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=\s))[Tt]he\s+$")


def _articled(text: str, members: list[ChainMention], etype: str) -> list[str]:
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


def _phrases(doc: Doc, members: list[ChainMention], etype: str, place_spans: set[tuple[int, int]]) -> list[str]:
    """Phrases around the entity's names ("the Austrian Archduke X") as further aliases."""
    if doc.spacy is None:
        return []
    seen = {clean_surface(m.mention.text) for m in members} | {m.name.bare for m in members}
    out: list[str] = []
    taken, people, others = _mention_spans(doc)
    for m in members:
        if is_description(m) or is_nominal(m) or m.mention.cited:
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
    # the cache holds the mention list itself, so its id cannot be reused by another document's
    if _SPANS.get("mentions") is not doc.mentions or _SPANS.get("length") != len(doc.mentions):
        spans = (Spans((x.start, x.end) for x in doc.mentions),
                 Spans((x.start, x.end) for x in doc.mentions if x.type == "person" and x.label not in _UNNAMED),
                 Spans((x.start, x.end) for x in doc.mentions if x.type != "person"))
        _SPANS.update(mentions=doc.mentions, length=len(doc.mentions), spans=spans)
    return _SPANS["spans"]


def _first_ref(places: dict, members: list[ChainMention]) -> PlaceRef | None:
    for m in members:
        ref = place_ref(places, m.mention, m.name)
        if ref is not None:
            return ref
    return None
