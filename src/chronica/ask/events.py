"""Which stored events a question is about: scored by the entities, predicate and words
they share with it, and the question's period."""
from __future__ import annotations

from dataclasses import dataclass

from .base import Base, overlaps
from .model import Question
from .parse import rules
from .words import WORD as _WORD
from .words import stem


@dataclass(frozen=True)
class Scored:
    event: dict
    score: float
    predicate_hit: bool


@dataclass(frozen=True)
class Wanted:
    """The question's stems, worked out once per question rather than once per event."""

    predicate: frozenset[str]  # stems of the predicate and its irregular forms
    words: tuple[str, ...]
    names: dict[str, tuple[str, ...]]  # entity id -> stems of its name's words


def wanted(base: Base, q: Question, named: tuple[str, ...]) -> Wanted:
    return Wanted(frozenset(stem(f) for f in (q.predicate, *q.predicate_forms) if f),
                  tuple(stem(w) for w in q.words if w != q.predicate),
                  {e: tuple(stem(w) for w in _WORD.findall(base.name(e)) if len(w) > 2) for e in named})


def in_period(ev: dict, period: tuple[str, str] | None) -> bool:
    if period is None:
        return True
    w = ev.get("when") or {}
    if not w.get("earliest") and not w.get("latest"):
        return False
    return overlaps(w.get("earliest"), w.get("latest"), *period)


def score_event(base: Base, q: Question, ev: dict, entities: tuple[str, ...],
                named: tuple[str, ...] = (), want: Wanted | None = None) -> Scored | None:
    involved = set(ev.get("who", ())) | set(base.places_of(ev))
    shared = set(entities) & involved
    if entities and not shared:
        return None
    if not in_period(ev, q.period):
        return None
    want = want or wanted(base, q, named or entities)
    have = base.stem_cache.get(ev["id"], set())
    if any(stem(w) not in have for w in q.place_words):  # "at Velmora": another battle will not do
        return None
    s = 2.0 * len(shared)
    hit = False
    told = 0  # question words and names the event's text shares, beyond its predicate
    if q.event_kinds and ev.get("kind") in q.event_kinds and ev.get("kind") not in rules().generic_kinds:
        # the predicate's own kind first, related kinds less; a kind as broad as "other" proves nothing
        s, hit = s + (2.0 if ev.get("kind") == q.event_kinds[0] else 1.0), True
    if want.predicate & have:
        s, hit = s + 1.5, True
    told = sum(1 for w in want.words if w in have)
    s += 0.5 * told
    for e, words in want.names.items():  # a named thing the event does not involve but its words tell
        if e not in shared and words and all(w in have for w in words):
            s, told = s + 1.0, told + 1
    if not entities and not told:  # with nothing named, the predicate alone picks any such event
        return None
    if q.predicate and not hit:
        s -= 2.0
    return Scored(ev, s, hit)


def best_events(base: Base, q: Question, need_predicate: bool = True, limit: int = 5,
                where=None) -> list[Scored]:
    """Events best fitting the question, best first. Without any named entity the words
    alone must carry it; with a predicate, it must match (kind or word)."""
    # names of things that take part in no event (a painting, a treaty) count as words only
    entities = tuple(e for e in q.entities if base.by_entity.get(e) or base.type(e) == "person")
    want = wanted(base, q, q.entities)
    pool = _pool(base, entities) if entities else _told(base, want)
    found = [s for ev in pool if (where is None or where(ev))
             and (s := score_event(base, q, ev, entities, q.entities, want)) is not None]
    if need_predicate and q.predicate:
        found = [s for s in found if s.predicate_hit]
    if not entities:  # the words must say something
        found = [s for s in found if s.score >= 1.5]
    found.sort(key=lambda s: -s.score)
    return found[:limit]


def _told(base: Base, want: Wanted) -> list[dict]:
    """With nothing named, the events whose text shares a question word or name (the others
    could not be chosen anyway)."""
    seen: dict[str, dict] = {}
    for st in list(want.words) + [w for ws in want.names.values() for w in ws]:
        for ev in base.by_stem.get(st, ()):
            seen.setdefault(ev["id"], ev)
    return list(seen.values())


def _pool(base: Base, entities: tuple[str, ...]) -> list[dict]:
    if not entities:
        return base.events
    seen: dict[str, dict] = {}
    for e in entities:
        for ev in base.by_entity.get(e, ()):
            seen.setdefault(ev["id"], ev)
    return list(seen.values())
