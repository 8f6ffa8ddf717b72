"""Outcomes: one source says someone was hurt or killed in an event, another (or the
same) says they, or everyone, came through unharmed."""
from __future__ import annotations

from collections import defaultdict

from .bounds import bounds_of
from .view import CClaim, Finding, View

ATTACK_KINDS = {"attack"}


def _opposed(pos: CClaim, neg: CClaim) -> bool:
    """A positive harm/killing claim against a negative one about the same people."""
    p, n = pos.claim, neg.claim
    if p.prop == "harmed" and n.prop == "killed":
        return False  # hurt, yet survived: both can be true
    if n.subject is None:  # "no one was hurt", "neither X nor his family"
        return True
    return pos.subject is not None and pos.subject == neg.subject


def _loose(when) -> bool:
    return when is not None and (when.basis != "explicit" or any(c in (when.edtf or "") for c in "~?%"))


def same_attack(view: View, a: str, b: str) -> bool:
    """Two attack events the matcher kept apart that a reader would still compare: at
    the same place (or one inside the other), on dates that meet within the slack a
    loose date deserves, with no participant named on both sides that differs."""
    ea, eb = view.events.get(a), view.events.get(b)
    if ea is None or eb is None or ea.kind not in ATTACK_KINDS or eb.kind not in ATTACK_KINDS:
        return False
    if set(ea.sources) & set(eb.sources):
        return False  # one source telling two attacks: they are two
    if not (ea.where and eb.where and view.same_place({ea.where}, {eb.where}, loose=True)):
        return False
    ba, bb = bounds_of(ea.when), bounds_of(eb.when)
    if ba is None or bb is None:
        return False
    slack = view.rules.loose_date_days if _loose(ea.when) or _loose(eb.when) else 0
    if not ba.overlaps(bb, slack):
        return False
    return not (ea.who and eb.who and not set(ea.who) & set(eb.who))


def _meeting_attacks(view: View, event_ids: list[str]) -> list[tuple[str, str]]:
    """The pairs of ``event_ids`` (in the order of ``combinations``) ``same_attack`` may
    accept: placed, dated attacks whose dates meet within the loosest slack. Swept by
    date, so an archive's attacks are not compared all against all."""
    dated = []
    for n, e in enumerate(event_ids):
        ev = view.events.get(e)
        b = bounds_of(ev.when) if ev is not None and ev.kind in ATTACK_KINDS and ev.where else None
        if b is not None:
            dated.append((b.lo, b.hi, n))
    dated.sort()
    slack = view.rules.loose_date_days
    pairs = []
    for x, (_, hi, n) in enumerate(dated):
        for lo2, _, m in dated[x + 1:]:
            if lo2 > hi + slack:
                break
            pairs.append((n, m) if n < m else (m, n))
    return [(event_ids[n], event_ids[m]) for n, m in sorted(pairs)]


def _groups(view: View) -> dict[str, list[CClaim]]:
    """Outcome claims per event; attacks told apart by the matcher but that are one
    happening to a reader (``same_attack``) are pooled."""
    by_event: dict[str, list[CClaim]] = defaultdict(list)
    for cc in view.claims:
        if cc.claim.kind == "outcome" and cc.event:
            by_event[cc.event].append(cc)
    root = {e: e for e in by_event}
    for a, b in _meeting_attacks(view, sorted(by_event)):
        if root[a] != root[b] and same_attack(view, a, b):
            old = root[b]
            for k, v in root.items():
                if v == old:
                    root[k] = root[a]
    pooled: dict[str, list[CClaim]] = defaultdict(list)
    for e, ccs in by_event.items():
        pooled[root[e]].extend(ccs)
    return pooled


def find(view: View):
    for eid, ccs in _groups(view).items():
        pos = [c for c in ccs if c.claim.polarity]
        neg = [c for c in ccs if not c.claim.polarity]
        for p in pos:
            for n in neg:
                if p.doc.id == n.doc.id and p.doc.sentence_at(p.span.start) == n.doc.sentence_at(n.span.start):
                    continue
                if not _opposed(p, n):
                    continue
                who = view.name(p.subject, "someone")
                what = "killed" if p.claim.prop == "killed" else "hurt"
                yield Finding("outcome", "hard",
                              f"whether {who} was {what} in {view.events[eid].summary[:70] if eid in view.events else 'the event'}",
                              (p.docspan(f"{who} {what}"), n.docspan("nobody " + what if n.subject is None else
                                                                      f"{view.name(n.subject)} not {what}")),
                              tuple(sorted({eid, p.event, n.event})))
