"""Durations: a stated length of stay or journey against
* the interval between the same person's arrival at and departure from that place
  (in any source: "nine months at Avignon" against arrival 2 May 1340 and departure
  5 April 1341);
* the span a section heading gives ("three years" under "Turkey, 1929-1933");
* another stated length of the same stay.
A figure inside the interval, even rounded, is no conflict."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from ..model import DocSpan, Event
from .bounds import MONTH, YEAR, Bounds, bounds_of, day_number
from ..resources.quantities import durations
from .view import CClaim, Finding, View

_HEADING_YEARS = re.compile(r"(?<!\d)(?P<a>\d{4})\s*(?:[-–—]|to|until)\s*(?P<b>\d{2,4})(?!\d)")


@lru_cache(maxsize=1)
def _direction_res() -> tuple[re.Pattern, re.Pattern]:
    d = durations()
    def alt(ws):
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) + r")(?!\w)", re.I)
    return alt(d["departure_words"]), alt(d["arrival_words"])


@lru_cache(maxsize=8192)
def direction(text: str) -> str | None:
    # asked of every evidence span once per stay claim: remembered, so a long sentence
    # (a 10,000-character line) is scanned once, not once per claim
    dep, arr = _direction_res()
    if dep.search(text):
        return "departure"
    if arr.search(text):
        return "arrival"
    return None


def _fmt_days(days: float) -> str:
    if days >= 2 * YEAR:
        return f"{days / YEAR:.1f} years"
    if days >= 60:
        return f"{days / MONTH:.1f} months"
    return f"{days:.0f} days"


def _stays(view: View) -> list[tuple[CClaim, set[str], bool]]:
    out = []
    for cc in view.claims:
        c = cc.claim
        if c.kind != "duration" or c.prop != "stay" or c.low is None:
            continue
        if view.context(cc.doc).refuted(c.span.start):
            continue
        places, explicit = view.claim_places(cc)
        if places:
            out.append((cc, places, explicit))
    return out


def _compare(claim_lo: float, claim_hi: float, lo: float, hi: float, approximate: bool) -> str | None:
    """hard / soft / None for a claimed range against an interval's possible lengths."""
    if claim_hi < lo or claim_lo > hi:
        gap = max(lo - claim_hi, claim_lo - hi)
        return "soft" if approximate or gap < 0.05 * max(claim_hi, 1) else "hard"
    return None


# ------------------------------------------------------------------ vs events --

def _events_at(view: View, person: str, places: set[str]) -> list[tuple[str, Event, DocSpan, Bounds, bool]]:
    """(direction, event, evidence span, bounds, is-the-person) of dated comings and goings
    at the place."""
    found = _moves_at(view, frozenset(places))
    return [(d, ev, s, b, any(view.same_person(person, x) for x in ev.who[:3])) for _, d, ev, s, b in found]


def _moves_at(view: View, places: frozenset[str]) -> list[tuple[int, str, Event, DocSpan, Bounds]]:
    """The dated comings and goings at or near ``places``, in the events' order: each
    set of places judged once per view (an archive's claims name the same places)."""
    moves = _moves(view)
    at_cache = _MOVES[id(view)][2]
    if places not in at_cache:
        # each distinct place judged once (an archive has far fewer places than events)
        at = {w for w in moves if any(view.geo.relation(w, p) in ("same", "within", "near") for p in places)}
        at_cache[places] = sorted((m for w in at for m in moves[w]), key=lambda m: m[0])
    return at_cache[places]


_MOVES: dict[int, tuple[View, dict, dict]] = {}  # the view's moves by place, and by the places asked


def _moves(view: View) -> dict[str, list[tuple[int, str, Event, DocSpan, Bounds]]]:
    """Every dated coming or going, by place: read once per view, not once per claim."""
    cached = _MOVES.get(id(view))
    if cached is not None and cached[0] is view:
        return cached[1]
    by_place: dict[str, list] = {}
    for n, ev in enumerate(view.corpus.events):
        if not ev.where:
            continue
        for s in ev.evidence:
            b = bounds_of(s.when) if s.when else None
            d = direction(s.text)
            if b is not None and d and b.width <= 62:
                by_place.setdefault(ev.where, []).append((n, d, ev, s, b))
    _MOVES.clear()
    _MOVES[id(view)] = (view, by_place, {})
    return by_place


def _vs_events(view: View, cc: CClaim, places: set[str]):
    c = cc.claim
    if not cc.subject:
        return
    moves = _events_at(view, cc.subject, places)
    arrivals = [m for m in moves if m[0] == "arrival"]
    departures: dict[str, list] = {}  # by the document telling them, in order
    for m in moves:
        if m[0] == "departure":
            departures.setdefault(m[2].document, []).append(m)
    for _, aev, aspan, ab, amine in arrivals:
        # both ends told by one source, at least one of them naming the person
        later = [m for m in departures.get(aspan.document, ()) if m[3].lo >= ab.lo and m[1].id != aev.id
                 and (amine or m[4])]
        if not later:
            continue
        _, dev, dspan, db, _ = min(later, key=lambda m: m[3].lo)
        lo, hi = max(0, db.lo - ab.hi), db.hi - ab.lo
        sev = _compare(c.low, c.high, lo, hi, c.approximate)
        if sev:
            stated = _fmt_days((lo + hi) / 2)
            yield Finding(
                "duration", sev,
                f"how long {view.name(cc.subject)} stayed: '{c.value}' vs {stated} between the dated arrival and departure",
                (cc.docspan(c.value), _ev_span(aspan, "arrived " + aspan.when.edtf),
                 _ev_span(dspan, "left " + dspan.when.edtf)),
                (aev.id, dev.id),
            )


def _ev_span(s: DocSpan, value: str) -> DocSpan:
    return DocSpan(s.document, s.start, s.end, s.text, when=s.when, value=value)


# ------------------------------------------------------------------ vs heading --

def heading_interval(view: View, cc: CClaim) -> tuple[DocSpan, Bounds, Bounds] | None:
    h = view.section_heading(cc.doc, cc.claim.span.start)
    if h is None:
        return None
    m = _HEADING_YEARS.search(h.text)
    if not m:
        return None
    a, b = int(m["a"]), m["b"]
    b = int(str(a)[: 4 - len(b)] + b) if len(b) < 4 else int(b)
    if not a < b <= a + 200:
        return None
    span = DocSpan(cc.doc.id, h.start, h.end, h.text, value=f"{a}-{b}")
    return span, Bounds(day_number(a, 1, 1), day_number(a, 12, 31)), Bounds(day_number(b, 1, 1), day_number(b, 12, 31))


def _vs_heading(view: View, cc: CClaim, places: set[str]):
    c = cc.claim
    got = heading_interval(view, cc)
    if got is None:
        return
    hspan, start, end = got
    hplace = view.heading_place(cc.doc, c.span.start)
    if hplace is None or hplace not in places:
        return
    lo, hi = max(0, end.lo - start.hi), end.hi - start.lo
    nominal = end.mid - start.mid
    sev = _compare(c.low, c.high, lo, hi, c.approximate)
    if sev is None and not c.approximate and not c.low <= nominal <= c.high:
        sev = "soft"  # within the heading's widest reading, but not its plain span
    if sev:
        yield Finding(
            "duration", sev,
            f"how long {view.name(cc.subject, 'the subject')} stayed in {view.name(hplace, 'the place')}: "
            f"'{c.value}' vs the heading's {hspan.value}",
            (cc.docspan(c.value), hspan),
        )


# ------------------------------------------------------------------ vs each other --

def _vs_each_other(view: View, stays):
    for (a, pa, _), (b, pb, _) in combinations(stays, 2):
        ca, cb = a.claim, b.claim
        if not a.subject or a.subject != b.subject or ca.approximate or cb.approximate:
            continue
        if not (pa & pb):
            continue
        if a.doc.id == b.doc.id and abs(ca.span.start - cb.span.start) < 40:
            continue
        # the stated figures, read with a quarter-unit tolerance
        unit_a = (ca.high - ca.low) or 1
        unit_b = (cb.high - cb.low) or 1
        ra = (ca.number - unit_a / 4, ca.number + unit_a / 4)
        rb = (cb.number - unit_b / 4, cb.number + unit_b / 4)
        if ra[1] >= rb[0] and rb[1] >= ra[0]:
            continue
        sev = "hard" if (ca.high < cb.low or cb.high < ca.low) else "soft"
        place = view.name(next(iter(pa & pb)), "the place")
        yield Finding("duration", "hard" if sev == "hard" else "soft",
                      f"how long {view.name(a.subject)} stayed in {place}: '{ca.value}' vs '{cb.value}'",
                      (a.docspan(), b.docspan()))


def find(view: View):
    stays = _stays(view)
    for cc, places, _ in stays:
        yield from _vs_events(view, cc, places)
        yield from _vs_heading(view, cc, places)
    yield from _vs_each_other(view, stays)
