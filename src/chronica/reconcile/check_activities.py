"""How long one lasting activity went on (a siege, a sack, a battle): two sources'
stated lengths of it at one place, at dates that meet ("a siege of four months" /
"the town held out through six weeks of siege"). The activity is the word family
(``claims/word_families.yaml``, its ``lasting`` list) named beside the length ("six
days of pillage", "for three days the troops sacked the town"), so the two lengths
need not belong to one matched event: sources hang them on different clauses."""
from __future__ import annotations

from functools import lru_cache
from itertools import combinations

from ..resources import load
from .bounds import bounds_of
from .match_items import content_words
from .view import CClaim, Finding, View

BEFORE, AFTER = 30, 50  # characters either side of the length read for the activity's word


@lru_cache(maxsize=1)
def _lasting() -> frozenset[str]:
    return frozenset("~" + str(f) for f in load("claims/word_families.yaml").get("lasting") or ())


def _activity(view: View, cc: CClaim) -> frozenset[str]:
    """The lasting activities named beside a length, within its sentence."""
    doc, span = cc.doc, cc.claim.span
    sent = doc.sentence_at(span.start)
    lo, hi = (sent.start, sent.end) if sent else (span.start, span.end)
    window = doc.text[max(lo, span.start - BEFORE):min(hi, span.end + AFTER)]
    return frozenset(content_words(window).split()) & _lasting()


def _lengths(view: View) -> list[tuple[CClaim, frozenset[str], set[str]]]:
    out = []
    for cc in view.claims:
        c = cc.claim
        if c.kind != "duration" or c.low is None or view.context(cc.doc).refuted(c.span.start):
            continue
        what = _activity(view, cc)
        places, _ = view.claim_places(cc)
        if what and places:
            out.append((cc, what, places))
    return out


def _dates_meet(view: View, a: CClaim, b: CClaim) -> bool:
    ea, eb = view.events.get(a.event or ""), view.events.get(b.event or "")
    ba, bb = bounds_of(ea.when) if ea else None, bounds_of(eb.when) if eb else None
    return ba is None or bb is None or ba.overlaps(bb)


def _same_place(view: View, pa: set[str], pb: set[str]) -> str | None:
    for x in pa:
        for y in pb:
            if x == y or view.geo.relation(x, y) in ("within", "contains"):
                return x
    return None


def find(view: View):
    for (a, wa, pa), (b, wb, pb) in combinations(_lengths(view), 2):
        ca, cb = a.claim, b.claim
        if a.doc.id == b.doc.id or not wa & wb or not (ca.high < cb.low or cb.high < ca.low):
            continue  # one source's own lengths, other activities, or lengths that agree
        place = _same_place(view, pa, pb)
        if place is None or not _dates_meet(view, a, b):
            continue
        what = sorted(wa & wb)[0].lstrip("~")
        sev = "soft" if ca.approximate or cb.approximate else "hard"
        where = view.name(place, "the place")
        events = tuple(e for e in (a.event, b.event) if e)
        yield Finding("duration", sev, f"how long the {what} at {where} lasted: '{ca.value}' vs '{cb.value}'",
                      (a.docspan(), b.docspan()), events, topic=f"how long the {what} at {where} lasted")
