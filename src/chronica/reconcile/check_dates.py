"""Dates: two sources (or one source twice) dating one happening to days that cannot
overlap. A coarser date containing a finer one overlaps, so it is never reported; a
relative or approximate date gets slack; a date only inferred from context is too weak
to accuse a source of error."""
from __future__ import annotations

import re
from itertools import combinations

from ..model import DocSpan
from .bounds import bounds_of
from .view import Finding, View

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _quality(s: DocSpan) -> str:
    w = s.when
    if w is None or w.basis == "inferred":
        return "weak"
    if any(c in w.edtf for c in "~?%"):
        return "vague"
    if w.basis == "relative":
        # "that morning", "the next day": a day the text names relative to a stated
        # one is as precise as the stated one; a looser relative date is vague
        return "firm" if _DAY.match(w.edtf) and w.anchor else "vague"
    return "firm"


def find(view: View):
    for ev in view.corpus.events:
        spans = [s for s in ev.evidence if s.when is not None and bounds_of(s.when) is not None]
        for a, b in combinations(spans, 2):
            qa, qb = _quality(a), _quality(b)
            if "weak" in (qa, qb):
                continue
            ba, bb = bounds_of(a.when), bounds_of(b.when)
            gap = ba.gap(bb)
            firm = qa == qb == "firm"
            if gap == 0 or (not firm and gap <= view.rules.vague_date_days):
                continue
            # every disagreeing pair: the conflict assembly makes one conflict of them
            yield Finding(
                "date", "hard" if firm else "soft",
                f"when: {ev.summary[:80]} ({a.when.edtf} vs {b.when.edtf})",
                (_claim(a), _claim(b)), (ev.id,), topic=f"when: {ev.summary[:80]}",
            )


def _claim(s: DocSpan) -> DocSpan:
    return DocSpan(s.document, s.start, s.end, s.text, when=s.when, value=s.when.edtf)
