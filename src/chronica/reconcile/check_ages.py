"""Ages: two ages of one person that imply birth dates that cannot overlap, or an age
that does not fit a stated birth date (age arithmetic)."""
from __future__ import annotations

from collections import defaultdict

from ..model import DocSpan, Event
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
    births_of = _by_subject(births)
    birth_events = _birth_events(view)
    for a, ba in implied:
        yield from _age_vs_born(view, a, ba, births_of.get(a.subject, []))
        yield from _age_vs_birth_events(view, a, ba, birth_events.get(a.subject, []))


def _by_subject(claims: list[CClaim]) -> dict[str, list[CClaim]]:
    """Claims by the person they are about, in their order: an age is compared with its
    own person's births only (an archive's births are not read once per age)."""
    out: dict[str, list[CClaim]] = defaultdict(list)
    for cc in claims:
        out[cc.subject].append(cc)
    return out


def _birth_events(view: View) -> dict[str, list[Event]]:
    """Dated birth events by the person born (the first participant), in corpus order."""
    out: dict[str, list[Event]] = defaultdict(list)
    for ev in view.corpus.events:
        if ev.kind == "birth" and ev.who and ev.when is not None:
            out[ev.who[0]].append(ev)
    return out


def _aged(a: CClaim) -> str:
    return f"{a.claim.value} in {a.claim.when.edtf}"


def _ages_apart(view: View, implied: list[tuple[CClaim, Bounds]]):
    """Two ages of one person whose implied births cannot overlap (each pair once, in
    the order of the claims; only ages of one person are paired)."""
    at: dict[str, list[int]] = defaultdict(list)
    for n, (cc, _) in enumerate(implied):
        at[cc.subject].append(n)
    for n, (a, ba) in enumerate(implied):
        for m in at[a.subject]:
            if m <= n:
                continue
            b, bb = implied[m]
            yield from _apart(view, a, ba, b, bb)


def _apart(view: View, a: CClaim, ba: Bounds, b: CClaim, bb: Bounds):
    if ba.gap(bb) > _slack(view, a, b):
        sev = "hard" if _firm(a) and _firm(b) else "soft"
        yield Finding("age", sev,
                      f"{view.name(a.subject)}'s age: {a.claim.value} ({a.claim.when.edtf}) vs "
                      f"{b.claim.value} ({b.claim.when.edtf})",
                      (a.docspan(_aged(a)), b.docspan(_aged(b))))


def _age_vs_born(view: View, a: CClaim, ba: Bounds, births: list[CClaim]):
    """An age that does not fit a stated birth date of the same person (``births``: that
    person's)."""
    for bcc in births:
        bb = bounds_of(bcc.claim.when)
        if bb is None or ba.gap(bb) <= _slack(view, a):
            continue
        yield Finding("age", "hard" if _firm(a) else "soft",
                      f"{view.name(a.subject)}'s age {_aged(a)} vs born {bcc.claim.value}",
                      (a.docspan(_aged(a)), bcc.docspan(f"born {bcc.claim.value}")))


def _age_vs_birth_events(view: View, a: CClaim, ba: Bounds, births: list[Event]):
    """An age that does not fit the date a source gives the person's birth event
    (``births``: that person's dated birth events)."""
    for ev in births:
        for s in ev.evidence:
            bb = bounds_of(s.when) if s.when else None
            if bb is None or s.when.basis == "inferred" or ba.gap(bb) <= _slack(view, a):
                continue
            yield Finding("age", "hard" if _firm(a) else "soft",
                          f"{view.name(a.subject)}'s age {_aged(a)} vs birth {s.when.edtf}",
                          (a.docspan(_aged(a)),
                           DocSpan(s.document, s.start, s.end, s.text, when=s.when, value=f"born {s.when.edtf}")),
                          (ev.id,))
