"""Pair likenesses kept from one build to the next, so an incremental update scores only
the pairs its new events take part in.

Scoring candidate pairs (:func:`match_score.pair_likeness`) is most of the matcher's
cost, and it is a function of the two items alone: the item (its document, local event,
corpus ids, words, rare words, date, scene), the name words of its participants, what
the geography knows of its place (names, gazetteer id, coordinates, enclosing places),
and the matching settings and data files. An item's *fingerprint* hashes all of that,
so a pair of fingerprints seen in the last build has the very likeness it had then; a
changed input (a re-merged participant, a word that stopped being rare, a new enclosing
place) gives a new fingerprint and the pair is scored again. The result is therefore
exactly a full build's, whatever was kept (``tests/test_incremental.py``).

The memo is optional: the matcher scores everything when ``ctx.cache`` holds none
(a plain pipeline run, the benches' cross-document stage). Stored by
:mod:`chronica.store.likeness`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Callable

from .. import __version__
from ..match_settings import EventMatching
from .geography import Geography
from .match_items import Item
from .match_score import Likeness, pair_likeness

MEMO_KEY = "match_likeness_memo"  # where the incremental update puts a memo in ctx.cache

PairKey = tuple[str, str]


Stored = tuple  # (island, kind, who, place, words, date, signals); kind None: the pair can never match


@dataclass
class LikenessMemo:
    """Likenesses by (fingerprint, fingerprint): ``known`` from the last build (as
    stored rows, made into a Likeness only when asked for), and what this build used:
    the known pairs it met again (``met``; ``moved`` when now in another island) and
    the pairs it scored (``scored``, with their island)."""

    known: dict[PairKey, Stored] = field(default_factory=dict)
    met: set[PairKey] = field(default_factory=set)
    moved: dict[PairKey, Stored] = field(default_factory=dict)
    scored: dict[PairKey, Stored] = field(default_factory=dict)
    island: str = ""  # the island being computed (set by the caller before each run)

    def get(self, key: PairKey, compute: Callable[[], Likeness | None]) -> Likeness | None:
        row = self.known.get(key)
        if row is None:
            li = compute()
            self.scored[key] = (self.island,) + _values(li)
            return li
        self.met.add(key)
        if row[0] != self.island:
            self.moved[key] = (self.island,) + row[1:]
        return None if row[1] is None else Likeness(*row[1:])


def _values(li: Likeness | None) -> tuple:
    if li is None:
        return (None,) * 6
    return (li.kind, li.who, li.place, li.words, li.date, li.signals)


class PairScorer:
    """``pair_likeness`` of items ``i`` and ``j`` (``i < j``), through the memo if any."""

    def __init__(self, items: list[Item], geo: Geography, s: EventMatching,
                 names: dict[str, frozenset[str]] | None, memo: LikenessMemo | None):
        self.items, self.geo, self.s, self.names, self.memo = items, geo, s, names, memo
        self._prints: dict[int, str] = {}

    def __call__(self, i: int, j: int) -> Likeness | None:
        a, b = self.items[i], self.items[j]
        if self.memo is None:
            return pair_likeness(a, b, self.geo, self.s, self.names)
        return self.memo.get((self._print(i), self._print(j)),
                             lambda: pair_likeness(a, b, self.geo, self.s, self.names))

    def _print(self, i: int) -> str:
        if i not in self._prints:
            self._prints[i] = fingerprint(self.items[i], self.geo, self.names)
        return self._prints[i]


def fingerprint(it: Item, geo: Geography, names: dict[str, frozenset[str]] | None) -> str:
    """Everything ``pair_likeness`` reads of one side of a pair, hashed."""
    parts = (_fields(it), [(e, sorted((names or {}).get(e, ()))) for e in sorted(it.who)],
             _place_profile(it.where, geo))
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:24]


def _place_profile(eid: str | None, geo: Geography) -> tuple:
    """What ``Geography.relation`` reads of one place."""
    if not eid:
        return ()
    e = geo.by_id.get(eid)
    names = sorted(geo.place_names().get(eid, frozenset()))
    if e is None:
        return (eid, names)
    return (eid, names, e.gazetteer, e.lat, e.lon, tuple(geo._parents(eid)))


def _fields(it: Item) -> tuple:
    """The item's fields, its sets sorted (a set's order changes with the string hash
    seed, from one process to the next); the local event's ``repr`` holds no set."""
    return tuple(sorted(v) if isinstance(v, (set, frozenset)) else v
                 for v in (getattr(it, f.name) for f in fields(it)))


def scoring_version(s: EventMatching) -> str:
    """What pair scoring depends on besides the items: the settings, the code of the
    matcher and the language data (any change drops every stored likeness)."""
    h = hashlib.sha1(f"{__version__} {s!r}".encode())
    root = Path(__file__).resolve().parents[1]
    for folder, pattern in ((root / "reconcile", "*.py"), (root / "lang", "**/*")):
        for p in sorted(folder.glob(pattern)):
            if p.is_file() and p.suffix != ".pyc":
                h.update(str(p.relative_to(root)).encode())
                h.update(p.read_bytes())
    return h.hexdigest()

