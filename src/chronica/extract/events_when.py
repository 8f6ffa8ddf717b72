"""When a happening took place: the sentence's own time expressions, else the
narrative's current time."""
from __future__ import annotations

import calendar
import re
from dataclasses import replace

from ..doc import Doc
from ..model import Timex, When

_DAY = re.compile(r"^(?P<y>-?\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")


def month_of(when: When) -> When:
    """A day-precise date widened to its month."""
    m = _DAY.match(when.edtf or "")
    if not m:
        return when
    y, mo = m["y"], m["m"]
    last = calendar.monthrange(int(y), int(mo))[1]
    return When(edtf=f"{y}-{mo}", earliest=f"{y}-{mo}-01", latest=f"{y}-{mo}-{last:02d}",
                basis="relative", anchor=when.anchor or when.edtf)


def span_until(start: When, end: When) -> When | None:
    """"remained there (from the story's date) until his death in 1821" -> 1815/1821."""
    if not (start.earliest and end.latest) or start.earliest > end.latest:
        return None
    a = start.edtf.split("/")[0]
    b = end.edtf.split("/")[-1]
    if a == b:
        return None
    return When(edtf=f"{a}/{b}", earliest=start.earliest, latest=end.latest,
                basis="relative", anchor=end.anchor or end.edtf)


def year_of(when: When) -> When | None:
    """A day-precise narrative date says only which year a following happening is
    in: "he arrived on 30 May 1814 ... a few months later, she died" -> 1814."""
    m = _DAY.match(when.edtf or "")
    if not m:
        return when
    y = m["y"]
    return When(edtf=y, earliest=f"{y}-01-01", latest=f"{y}-12-31", basis="inferred",
                anchor=when.anchor or when.edtf)


def usable(t: Timex) -> bool:
    return t.type in ("DATE", "TIME") and t.edtf is not None and t.when() is not None


def from_timexes(timexes: list[Timex], anchor_offset: int) -> When | None:
    """The time expression nearest the trigger."""
    cands = [t for t in timexes if usable(t)]
    if not cands:
        return None
    best = min(cands, key=lambda t: (abs((t.start + t.end) // 2 - anchor_offset), t.start))
    return best.when()


def date_anchors(doc: Doc, later_preps: frozenset[str] = frozenset()) -> list[tuple[int, When]]:
    """Points where the story's date is known: the narrative time the time tagger set,
    and every dated expression in the body of the text (not a dateline or credit, nor
    the end of a span: "remained there until his death in 1821")."""
    pts = [(o, w) for o, w in doc.narrative_time if w is not None]
    for t in doc.timexes:
        if not usable(t):
            continue
        s = doc.sentence_at(t.start)
        if s is None or s.kind not in ("body", "heading"):
            continue
        if later_preps and _under_prep(doc, t, later_preps):
            pts = [(o, w) for o, w in pts if o != t.start]
            continue
        pts.append((t.start, t.when()))
    pts.sort(key=lambda p: p[0])
    return pts


def _under_prep(doc: Doc, t: Timex, preps: frozenset[str]) -> bool:
    if doc.spacy is None:
        return False
    span = doc.spacy.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return any(a.pos_ == "ADP" and a.lower_ in preps for a in span.root.ancestors)


def inferred(doc: Doc, offset: int, anchors: list[tuple[int, When]] | None = None,
             near: bool = False, scene_start: int | None = None) -> When | None:
    """The story's current date at ``offset`` (basis inferred): the latest date given
    before it; before the first, the first date the text gives (it frames the story).
    Day-precise dates are widened to their year (to their month when the clause says
    it followed closely: ``near``) -- unless the day was given in the same paragraph
    (``scene_start``): a scene told right after "On the evening of April 14, 1865" is
    that evening."""
    pts = date_anchors(doc) if anchors is None else anchors
    before = [(o, w) for o, w in pts if o <= offset]
    if before and not near and scene_start is not None and before[-1][0] >= scene_start and _DAY.match(before[-1][1].edtf or ""):
        ref = before[-1][1]
        return replace(ref, basis="inferred", anchor=ref.anchor or ref.edtf)
    before = [w for _, w in before]
    if before:
        ref = before[-1]
    else:
        after = [w for o, w in pts if o > offset]
        if not after:
            return None
        ref = after[0]
    if near and before:
        return month_of(ref)
    w = year_of(ref)
    if w is None:
        return None
    return replace(w, basis="inferred", anchor=w.anchor or ref.edtf)
