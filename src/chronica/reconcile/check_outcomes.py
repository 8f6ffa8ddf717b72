"""Outcomes: one source says someone was hurt or killed in an event, another (or the
same) says they, or everyone, came through unharmed."""
from __future__ import annotations

from collections import defaultdict

from .view import CClaim, Finding, View


def _opposed(pos: CClaim, neg: CClaim) -> bool:
    """A positive harm/killing claim against a negative one about the same people."""
    p, n = pos.claim, neg.claim
    if p.prop == "harmed" and n.prop == "killed":
        return False  # hurt, yet survived: both can be true
    if n.subject is None:  # "no one was hurt", "neither X nor his family"
        return True
    return pos.subject is not None and pos.subject == neg.subject


def find(view: View):
    by_event: dict[str, list[CClaim]] = defaultdict(list)
    for cc in view.claims:
        if cc.claim.kind == "outcome" and cc.event:
            by_event[cc.event].append(cc)
    for eid, ccs in by_event.items():
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
                              (eid,))
