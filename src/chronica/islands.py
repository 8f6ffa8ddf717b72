"""Islands: the parts of a corpus the cross-document stage can never connect.

Merging, matching and the conflict checks only ever compare what shares a block key
(a name word, a place's name or gazetteer id, an enclosing place, an event's head word
when it names nobody or no place). Two documents that share no such key, directly or
through a chain of other documents, end in no common entity, event or conflict. Each
such group of documents is an *island*; the corpus stage runs on each island alone and
their results are put side by side.

That makes an added document cheap (:func:`chronica.incremental.update`): it touches
only the islands it shares a key with; the others keep their stored result, which is
what a full rebuild would give them again (``tests/test_incremental.py`` checks it).

The keys of a document are a superset of every block key the corpus stage uses for its
entities and events (``resolve.merge`` blocks, ``reconcile.match_blocks`` blocks, the
namesake and id keys). The corpus-wide statistics follow the island: the rare-word
document frequencies of the matcher and the frame ``consistent_places`` fits a
namesake's gazetteer row to are counted over the island's documents (a corpus of one
story is one island, so nothing changes there).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Iterable

from .corpus import Corpus
from .doc import Doc
from .reconcile.geography import Geography
from .reconcile.match_cues import cue_of
from .reconcile.match_items import name_words, word_families
from .resolve.disjoint import DisjointSets
from .resolve.merge import _blocks, _collect, name_key  # the merge's own block keys, not a copy
from .resources.place_keys import normalise


def document_keys(doc: Doc) -> set[str]:
    """Every key through which the corpus stage can tie ``doc`` to another document."""
    keys: set[str] = set()
    for loc in _collect(Corpus([doc])):
        e = loc.ent
        keys.update(f"m|{t}|{k}" for t, k in _blocks(loc))
        keys.add(f"n|{e.type}|{name_key(e.name)}")  # two groups named alike: ids made unique together
        if e.type == "place":
            keys.update(_place_keys(e))
        else:
            shim = SimpleNamespace(id="x", type=e.type, name=e.name, aliases=list(e.aliases))
            keys.update("w|" + w for w in name_words([shim]).get("x", ()))
    fam = word_families()
    for ev in doc.events:
        if ev.staged or ev.negated or (ev.who and ev.where):
            continue
        cue = cue_of(ev.trigger.text if ev.trigger else None, fam)
        if cue:
            keys.add("c|" + cue)  # an event naming nobody or no place is blocked by its head word
    return keys


def _place_keys(e) -> set[str]:
    """A place's namesake key (consistent_places), its normalised names (the matcher's
    place-name blocks) and the gazetteer ids of it and its enclosing place (the region
    blocks and ``part_of``)."""
    keys = {"pn|" + normalise(e.name)}
    shim = SimpleNamespace(id="x", type="place", name=e.name, aliases=list(e.aliases),
                           gazetteer=e.place.gazetteer if e.place else None, part_of=None)
    keys.update("p|" + n for n in Geography([shim]).place_names().get("x", ()))
    if e.place is not None:
        keys.update("g|" + g for g in (e.place.gazetteer, e.place.part_of) if g)
    return keys


@dataclass(frozen=True)
class Island:
    id: str  # the smallest document id in it: stable while its documents stay
    docs: tuple[str, ...]


def partition(keys_of: dict[str, Iterable[str]]) -> list[Island]:
    """The islands of documents (id -> keys): documents sharing a key, transitively."""
    uf = DisjointSets()
    first_with: dict[str, str] = {}
    for doc_id in sorted(keys_of):
        uf.find(doc_id)
        for k in keys_of[doc_id]:
            other = first_with.setdefault(k, doc_id)
            if other != doc_id:
                uf.union(other, doc_id)
    members: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(keys_of):
        members[uf.find(doc_id)].append(doc_id)
    return sorted((Island(m[0], tuple(m)) for m in members.values()), key=lambda i: i.id)
