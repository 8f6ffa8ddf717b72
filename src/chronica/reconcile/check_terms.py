"""Prison terms and detentions: how long one person was sentenced to, or held.

* a sentence ("sentenced to a year and fifteen days" / "gave him eight months in
  prison"): the claims of one corpus event (the trial) compared source against source;
* a detention ("spent five days in the Santé prison" / "held for a week"): the claims
  about one person whose events' dates can meet, compared source against source.

Figures agree when they differ by no more than a quarter of the coarser unit ("a week"
against "six days" passes, against "five days" does not). The disagreement is hard when
not even the wordings' widest readings meet, else soft ("a week" is said loosely).
Time served ("released after about seven months") is neither, and never compared.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from .bounds import bounds_of
from .view import CClaim, Finding, View



def _tolerance(cc: CClaim) -> float:
    c = cc.claim
    return max(0.25, (c.high - c.low) / 4)


def _differ(a: CClaim, b: CClaim) -> str | None:
    ca, cb = a.claim, b.claim
    if abs(ca.number - cb.number) <= max(_tolerance(a), _tolerance(b)):
        return None
    if ca.high < cb.low or cb.high < ca.low:
        return "soft" if ca.approximate or cb.approximate else "hard"
    return "soft"


def _claims(view: View, prop: str) -> list[CClaim]:
    return [cc for cc in view.claims
            if cc.claim.kind == "duration" and cc.claim.prop == prop and cc.claim.number is not None
            and not view.context(cc.doc).refuted(cc.claim.span.start)]


def _terms(view: View):
    by_event: dict[str, list[CClaim]] = defaultdict(list)
    for cc in _claims(view, "term"):
        if cc.event:
            by_event[cc.event].append(cc)
    for eid, ccs in by_event.items():
        for a, b in combinations(ccs, 2):
            if a.doc.id == b.doc.id and a.claim.span == b.claim.span:
                continue
            sev = _differ(a, b)
            if sev:
                who = view.name(a.subject or b.subject, "the accused")
                yield Finding("duration", sev, f"the sentence of {who}: '{a.claim.value}' vs '{b.claim.value}'",
                              (a.docspan(), b.docspan()), (eid,))


def _dates_meet(view: View, a: CClaim, b: CClaim) -> bool:
    ea, eb = view.events.get(a.event or ""), view.events.get(b.event or "")
    ba = bounds_of(ea.when) if ea else None
    bb = bounds_of(eb.when) if eb else None
    if ea is not None and ea is eb:
        return True
    if ba is None or bb is None:
        return False  # no date to tell one detention from another: don't compare
    return ba.overlaps(bb, view.rules.same_detention_days)


def _detentions(view: View):
    ccs = [cc for cc in _claims(view, "detention") if cc.subject]
    for a, b in combinations(ccs, 2):
        if a.doc.id == b.doc.id or not view.same_person(a.subject, b.subject):
            continue
        if not _dates_meet(view, a, b):
            continue
        sev = _differ(a, b)
        if sev:
            yield Finding("duration", sev,
                          f"how long {view.name(a.subject)} was held: '{a.claim.value}' vs '{b.claim.value}'",
                          (a.docspan(), b.docspan()), tuple(e for e in (a.event, b.event) if e))


def find(view: View):
    yield from _terms(view)
    yield from _detentions(view)
