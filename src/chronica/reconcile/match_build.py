"""One :class:`~chronica.model.Event` per cluster of tellings: its date, place, kind,
participants, evidence and confidence; and dates borrowed by an undated document from
a dated one that tells the same story."""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import replace

from ..match_settings import EventMatching
from ..model import ROLE_RANK, DocSpan, Event, When
from .bounds import bounds_of, edtf_bounds
from .geography import Geography
from .match_items import Item, inferred


# ------------------------------------------------------------------ building --

def _evidence_rank(it: Item) -> tuple:
    w = it.local.when
    basis = {"explicit": 0, "relative": 1, "inferred": 2}.get(w.basis, 3) if w else 4
    width = it.bounds.width if it.bounds else 10 ** 9
    return (basis, width, -it.local.confidence, it.doc_id, it.local.evidence.start)


def reconcile_when(members: list[Item]) -> When | None:
    """The tightest date consistent with every source, else the best-evidenced one."""
    dated = [m for m in members if m.bounds is not None]
    if not dated:
        return None
    stated = [m for m in dated if not inferred(m)]
    dated = stated or dated  # a date read in the text beats one inferred from context
    consistent = [m for m in dated if all(m.bounds.overlaps(o.bounds) for o in dated)]
    pool = consistent or dated
    best = min(pool, key=_evidence_rank)
    return best.local.when


def _pick_where(members: list[Item], geo: Geography) -> str | None:
    places = Counter(m.where for m in members if m.where)
    if not places:
        return None
    inner = [p for p in places if all(p == q or geo.within(p, q) for q in places)]
    if inner:
        return inner[0]  # one source names the region, another the spot: the spot
    # the most often named place; among equals the innermost (most specific)
    top = max(places.values())
    cands = sorted(p for p, n in places.items() if n == top)
    for p in cands:
        if all(p == q or geo.within(p, q) for q in cands):
            return p
    return cands[0]


def _pick_kind(members: list[Item]) -> str:
    kinds = Counter(m.kind for m in members)
    specific = {k: n for k, n in kinds.items() if k != "other"} or kinds
    top = max(specific.values())
    best = min(members, key=_evidence_rank)
    if best.kind in specific and specific[best.kind] == top:
        return best.kind
    return sorted(k for k, n in specific.items() if n == top)[0]


def event_id(members: list[Item]) -> str:
    first = min(members, key=lambda m: (m.doc_sha, m.local.evidence.start, m.local.evidence.end))
    raw = f"{first.doc_sha}:{first.local.evidence.start}:{first.local.evidence.end}"
    return "evt_" + hashlib.sha1(raw.encode()).hexdigest()[:16]


def support_confidence(members: list[Item]) -> float:
    """Best local confidence, raised for every further independent document."""
    docs = {m.doc_id for m in members}
    base = max(m.local.confidence for m in members)
    return round(min(0.99, base + 0.15 * (len(docs) - 1)), 3)


def evidence_when(m: Item, reconciled: When | None) -> When | None:
    """The date a source's evidence carries: its own. A clause its source leaves undated
    (or gives only a clock time, "at 10 p.m.") is read as telling the happening on the
    date the other sources give (basis inferred). A clause whose own text bounds it only
    by a year ("before 1815", an open interval) takes the other sources' year inside
    that bound, not their day: it claims no precision its own time-keeping lacks."""
    own = m.local.when
    if reconciled is None or bounds_of(reconciled) is None or m.bounds is not None:
        return own
    if own is None or (own.edtf and "T" in own.edtf):
        return replace(reconciled, basis="inferred", anchor=reconciled.anchor or reconciled.edtf)
    year = _year_of(reconciled)
    return year if _within_open(own, year) else own


def _year_of(when: When) -> When:
    """The year of a date within one year ("1815-02-26" -> "1815", basis inferred); a
    date of a year or wider stays as it is."""
    lo, hi = _year_part(when.earliest), _year_part(when.latest)
    if lo is None or lo != hi or _YEAR.match(when.edtf or ""):
        return replace(when, basis="inferred", anchor=when.anchor or when.edtf)
    return When(lo, f"{lo}-01-01", f"{lo}-12-31", "inferred", when.anchor or when.edtf)


_YEAR = re.compile(r"^-?\d{4}$")
_DAY_ISO = re.compile(r"^(-?\d{4})-\d{2}-\d{2}$")


def _year_part(iso: str | None) -> str | None:
    m = _DAY_ISO.match(iso or "")
    return m.group(1) if m else None


def _within_open(own: When, year: When) -> bool:
    """Does the year lie inside the open interval a clause gives ("../1815")?"""
    yb = bounds_of(year)
    lo, hi = (edtf_bounds(x) for x in (own.edtf or "").split("/", 1)) if "/" in (own.edtf or "") else (None, None)
    return yb is not None and (lo is None or lo.lo <= yb.hi) and (hi is None or yb.lo <= hi.hi)


def build_event(members: list[Item], geo: Geography) -> Event:
    best = min(members, key=_evidence_rank)
    when = reconcile_when(members)
    who: Counter[str] = Counter()
    for m in members:
        for e in m.who:
            who[e] += 1
    order = {e: i for i, e in enumerate(dict.fromkeys(
        e for m in sorted(members, key=_evidence_rank) for e in (m.who_order or sorted(m.who))))}
    evidence = sorted(
        (DocSpan(m.doc_id, m.local.evidence.start, m.local.evidence.end, m.local.evidence.text,
                 when=evidence_when(m, when))
         for m in members),
        key=lambda d: (d.document, d.start, d.end),
    )
    return Event(
        id=event_id(members),
        kind=_pick_kind(members),
        summary=best.local.summary,
        when=when,
        where=_pick_where(members, geo),
        who=sorted(who, key=lambda e: (-who[e], order[e])),
        evidence=evidence,
        sources=sorted({m.doc_id for m in members}),
        confidence=support_confidence(members),
        support=len({m.doc_id for m in members}),
        roles=merged_roles(members, set(who)),
    )


def merged_roles(members: list[Item], who: set[str]) -> dict[str, str]:
    """Each participant's part as the sources tell it; the strongest where they differ
    (one source's agent stays the agent though another only names him beside it), and
    none where a source names him without saying ("his death": done or suffered?)."""
    out: dict[str, str] = {}
    unsaid: set[str] = set()
    for m in members:
        parts = dict(m.roles)
        for entity in m.who & who:
            if entity not in parts:
                unsaid.add(entity)
            else:
                out[entity] = min(parts[entity], out.get(entity, parts[entity]), key=ROLE_RANK.index)
    return {e: p for e, p in sorted(out.items()) if e not in unsaid}


def borrow_dates(items: list[Item], groups: list[list[int]], s: EventMatching) -> list[Item]:
    """A document that gives no date at all, but tells several happenings another
    document dates, tells the same story: its unmatched happenings get the date most of
    the shared ones have (basis inferred). Matched ones get theirs through the event."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_doc[it.doc_id].append(i)
    group_of = {i: g for g in groups for i in g}
    out = list(items)
    for doc_id, idx in by_doc.items():
        if any(items[i].bounds is not None for i in idx):
            continue
        date = _story_date(items, idx, group_of, s)
        if date is None:
            continue
        for i in idx:
            if len(group_of[i]) == 1:
                out[i] = replace(items[i], local=replace(items[i].local, when=date), bounds=bounds_of(date))
    return out


def _story_date(items: list[Item], idx: list[int], group_of: dict[int, list[int]], s: EventMatching) -> When | None:
    """The date the dated documents give most of the happenings that the undated
    document ``idx`` shares with them (None when too few are shared or they disagree)."""
    doc_id = items[idx[0]].doc_id
    votes: Counter = Counter()  # by date (edtf), whatever basis the other source had
    seen: dict[str, list[When]] = defaultdict(list)
    shared = 0
    for i in idx:
        others = [items[j] for j in group_of[i] if items[j].doc_id != doc_id and items[j].bounds is not None]
        if others:
            shared += 1
            w = reconcile_when(others)
            votes[w.edtf] += 1
            seen[w.edtf].append(w)
    if shared < s.borrow_min or shared < s.borrow_share * len(idx) or not votes:
        return None
    edtf, n = votes.most_common(1)[0]
    if n < s.borrow_min or n < s.borrow_agree * shared:
        return None  # the shared happenings do not agree on one day: no single story date
    date = min(seen[edtf], key=lambda w: {"explicit": 0, "relative": 1}.get(w.basis, 2))
    return replace(date, basis="inferred", anchor=date.anchor or date.edtf)


def chronological(ev: Event) -> tuple:
    b = bounds_of(ev.when)
    return (b.lo if b else 10 ** 9, ev.id)
