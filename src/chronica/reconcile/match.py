"""One event per happening: match the documents' local events within and across
documents (corpus component ``match_events``).

Two local events are the same happening when their kinds are compatible, their dates
can overlap, they share participants or places (through merged entities and place
containment) and their evidence is worded alike. Candidate pairs come from blocking
on participants/places and year, never from all pairs.

The matcher's rooms: ``match_items`` (an event as the matcher sees it, its words),
``match_score`` (how alike two are), ``match_blocks`` (which pairs are compared),
``match_order`` (the order of telling), ``match_cluster`` (linking pairs into
happenings), ``match_build`` (one Event per happening), ``match_cues`` and
``match_once``. Thresholds and weights come from ``ctx.settings.match.events``
(:mod:`chronica.match_settings`).
"""
from __future__ import annotations

from ..components import component
from .geography import Geography
from .match_build import borrow_dates, build_event, chronological
from .match_cluster import cluster
from .match_items import name_words, prepare
from .match_memo import MEMO_KEY


@component("match_events", requires=("entities", "entity_of"), assigns=("events", "event_of"), level="corpus")
def match_events(corpus, ctx) -> None:
    s = ctx.settings.match.events
    geo = Geography(corpus.entities)
    items = prepare(corpus, s)
    groups = cluster(items, geo, s, name_words(corpus.entities), ctx.cache.get(MEMO_KEY))
    items = borrow_dates(items, groups, s)
    events, event_of = [], {}
    for group in groups:
        members = [items[i] for i in group]
        ev = build_event(members, geo)
        events.append(ev)
        for m in members:
            event_of[(m.doc_id, m.local.key)] = ev.id
    events.sort(key=chronological)
    corpus.events = events
    corpus.event_of = event_of
