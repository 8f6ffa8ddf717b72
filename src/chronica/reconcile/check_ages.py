"""Ages: two ages of one person that imply birth dates that cannot overlap, or an age
that does not fit a stated birth date (age arithmetic)."""
from __future__ import annotations

from itertools import combinations

from ..model import DocSpan
from .bounds import YEAR, Bounds, bounds_of
from .view import CClaim, Finding, View


def implied_birth(cc: CClaim) -> Bounds | None:
    """Aged n on a day in [lo, hi]: born after lo - (n+1) years and by hi - n years."""
    c = cc.claim
    ref = bounds_of(c.when)
    if ref is None or c.number is None or ref.width > 2 * YEAR:
        return None
    return Bounds(int(ref.lo - (c.number + 1) * YEAR) + 1, int(ref.hi - c.number * YEAR))


def _firm(cc: CClaim) -> bool:
    w = cc.claim.when
    return w is not None and w.basis == "explicit" and not any(ch in w.edtf for ch in "~?%")


def _slack(view: View, a: CClaim, b: CClaim | None = None) -> int:
    # a reference date taken from the narrative context may be off by a season
    weak = [x for x in (a, b) if x is not None and x.claim.when is not None and x.claim.when.basis == "inferred"]
    return view.rules.inferred_reference_days * len(weak)


def find(view: View):
    ages = [cc for cc in view.claims if cc.claim.kind == "age" and cc.subject]
    births = [cc for cc in view.claims if cc.claim.kind == "date" and cc.claim.prop == "born" and cc.subject]
    implied = [(cc, implied_birth(cc)) for cc in ages]
    implied = [(cc, b) for cc, b in implied if b is not None]
    yield from _ages_apart(view, implied)
    for a, ba in implied:
        yield from _age_vs_born(view, a, ba, births)
        yield from _age_vs_birth_events(view, a, ba)


def _aged(a: CClaim) -> str:
    return f"{a.claim.value} in {a.claim.when.edtf}"


def _ages_apart(view: View, implied: list[tuple[CClaim, Bounds]]):
    """Two ages of one person whose implied births cannot overlap."""
    for (a, ba), (b, bb) in combinations(implied, 2):
        if a.subject != b.subject:
            continue
        gap = ba.gap(bb)
        if gap > _slack(view, a, b):
            sev = "hard" if _firm(a) and _firm(b) else "soft"
            yield Finding("age", sev,
                          f"{view.name(a.subject)}'s age: {a.claim.value} ({a.claim.when.edtf}) vs "
                          f"{b.claim.value} ({b.claim.when.edtf})",
                          (a.docspan(_aged(a)), b.docspan(_aged(b))))


def _age_vs_born(view: View, a: CClaim, ba: Bounds, births: list[CClaim]):
    """An age that does not fit a stated birth date of the same person."""
    for bcc in births:
        if bcc.subject != a.subject:
            continue
        bb = bounds_of(bcc.claim.when)
        if bb is None or ba.gap(bb) <= _slack(view, a):
            continue
        yield Finding("age", "hard" if _firm(a) else "soft",
                      f"{view.name(a.subject)}'s age {_aged(a)} vs born {bcc.claim.value}",
                      (a.docspan(_aged(a)), bcc.docspan(f"born {bcc.claim.value}")))


def _age_vs_birth_events(view: View, a: CClaim, ba: Bounds):
    """An age that does not fit the date a source gives the person's birth event."""
    for ev in view.corpus.events:
        if ev.kind != "birth" or a.subject not in ev.who[:1] or ev.when is None:
            continue
        for s in ev.evidence:
            bb = bounds_of(s.when) if s.when else None
            if bb is None or s.when.basis == "inferred" or ba.gap(bb) <= _slack(view, a):
                continue
            yield Finding("age", "hard" if _firm(a) else "soft",
                          f"{view.name(a.subject)}'s age {_aged(a)} vs birth {s.when.edtf}",
                          (a.docspan(_aged(a)),
                           DocSpan(s.document, s.start, s.end, s.text, when=s.when, value=f"born {s.when.edtf}")),
                          (ev.id,))
