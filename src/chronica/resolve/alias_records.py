"""What alias chaining works on: a mention with what chaining needs to know about it
(``ChainMention``), a cluster of mentions that name one entity (``Cluster``), and the small
lookups every chaining rule shares (sentences, place links, stems, nominals)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Doc
from ..model import Mention, PlaceRef
from ..resources.names import Name, clean_surface, fold, titles
from .place_descriptions import LABEL as PLACE_LABEL


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset(t[0] for t in titles() if len(t) == 1)


@dataclass
class ChainMention:
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
class Cluster:
    id: int
    type: str
    members: list[ChainMention] = field(default_factory=list)  # only ever appended to (join_cluster)
    kin: bool = False
    # (members seen, last member, named, multi, singles, ...): chaining asks every cluster these for every
    # mention, so they are worked out again only when a member has joined
    _views: tuple = field(default=(), repr=False, compare=False)

    @property
    def last(self) -> int:
        return self.members[-1].mention.start

    def _view(self) -> tuple:
        views, members = self._views, self.members
        last = members[-1] if members else None
        if views and views[0] == len(members) and views[1] is last:
            return views
        named = tuple(m for m in members if m.mention.label != "DESCRIPTION")
        multi = tuple(m.name for m in named if len(m.name.tokens) > 1)
        surnames = {o.surname for o in multi}  # and each part of a double-barrelled one
        surnames.update(p for o in multi if o.surname and "-" in o.surname for p in o.surname.split("-"))
        self._views = (len(members), last, named, multi, frozenset(m.name.single for m in named if m.name.single),
                       frozenset(surnames), frozenset(g for o in multi for g in o.given))
        return self._views

    def named(self) -> tuple[ChainMention, ...]:
        return self._view()[2]

    def multi(self) -> tuple[Name, ...]:
        return self._view()[3]

    def body_multi(self) -> list[Name]:
        """Full names used in the running text (not in credits/bibliography)."""
        return [m.name for m in self.named() if len(m.name.tokens) > 1 and not m.mention.cited]

    def singles(self) -> frozenset[str]:
        return self._view()[4]

    def surname_words(self) -> frozenset[str]:
        """The surnames of its full names, and the parts of double-barrelled ones."""
        return self._view()[5]

    def given_words(self) -> frozenset[str]:
        """The given names of its full names."""
        return self._view()[6]

    def gender(self) -> str | None:
        gs = {m.gender for m in self.members if m.gender}
        return next(iter(gs)) if len(gs) == 1 else None


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


@lru_cache(maxsize=2048)  # a text's group words (~40 in 2,600 words): small, so memory stays flat
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


def stems(name: Name) -> tuple[str, ...]:
    return tuple(stem(t) for t in name.tokens)


def is_description(it: ChainMention) -> bool:
    return it.mention.label in ("DESCRIPTION", PLACE_LABEL)


def gender_clash(it: ChainMention, c: "Cluster") -> bool:
    g = c.gender()
    return bool(it.gender and g and it.gender != g)


def new_cluster(clusters: list[Cluster], pool: list[Cluster], it: ChainMention) -> Cluster:
    c = Cluster(len(clusters), it.type, [it], kin=it.kin)
    clusters.append(c)
    pool.append(c)
    return c


def join_cluster(c: Cluster, it: ChainMention) -> None:
    c.members.append(it)


@dataclass
class _MembersIndex:
    pool: list[Cluster]
    seen: list[int] = field(default_factory=list)  # members already indexed, per cluster
    index: dict[int, Cluster] = field(default_factory=dict)


_LAST_INDEX: list[_MembersIndex] = []  # the pool last asked about (chaining asks per mention)


def members_index(pool: list[Cluster]) -> dict[int, Cluster]:
    """Mention index -> its cluster in ``pool``, for reading. Chaining asks this for every
    mention; clusters and members are only ever added (``new_cluster``, ``join_cluster``),
    so only what was added since the last call is indexed, not the whole pool again."""
    ix = _LAST_INDEX[0] if _LAST_INDEX and _LAST_INDEX[0].pool is pool else None
    if ix is None:
        ix = _MembersIndex(pool)
        _LAST_INDEX[:] = [ix]
    for k, c in enumerate(pool):
        if k == len(ix.seen):
            ix.seen.append(0)
        if len(c.members) != ix.seen[k]:
            for m in c.members[ix.seen[k]:]:
                ix.index[m.index] = c
            ix.seen[k] = len(c.members)
    return ix.index


def is_nominal(it: ChainMention) -> bool:
    """A description rather than a name: "the Emperor", "the new king"."""
    words = it.name.tokens
    if is_description(it):
        return False
    return bool(words) and all(w.rstrip(".") in title_words() for w in words[-1:]) and (
        it.mention.text[:1].islower() or it.name.surface.casefold().startswith("the ")
        or len(words) == 1)
