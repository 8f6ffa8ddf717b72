"""Counts and attributes of one happening that differ: "700 men" against "1,100 men";
the weapon of an attack ("a dagger" against "a pistol"). A rounded figure inside a
stated range is no conflict; a document naming several weapons for one event is not
compared (an attack may use more than one)."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from itertools import combinations

from ..resources import load
from .view import CClaim, Finding, View


def _count_conflicts(view: View):
    groups: dict[tuple[str, str], list[CClaim]] = defaultdict(list)
    for cc in view.claims:
        c = cc.claim
        if c.kind == "count" and cc.event and c.low is not None:
            groups[(cc.event, c.prop)].append(cc)
    for (eid, prop), ccs in groups.items():
        for a, b in combinations(ccs, 2):
            ca, cb = a.claim, b.claim
            if a.doc.id == b.doc.id and ca.span == cb.span:
                continue
            if ca.high < cb.low or cb.high < ca.low:
                sev = "soft" if (ca.approximate or cb.approximate) else "hard"
                yield Finding("count", sev, f"how many {_noun(ca.value, prop)}: '{ca.value}' vs '{cb.value}'",
                              (a.docspan(), b.docspan()), (eid,), topic=f"how many {_plural(prop)}")


def _noun(value: str, prop: str) -> str:
    """The counted noun as the source writes it ("men", not "mans"; "pounds of gold")."""
    last = value.split()[-1] if value.split() else ""
    of = prop.partition(" of ")[2]
    if last.isalpha() and last.casefold() != prop.casefold():
        return f"{last} of {of}" if of else last
    return _plural(prop)


def _plural(prop: str) -> str:
    """The plural of a counted thing: "ship" -> "ships", "pound of gold" -> "pounds of gold"."""
    head, sep, rest = prop.partition(" of ")
    return f"{head}s{sep}{rest}"


@lru_cache(maxsize=1)
def _weapons() -> tuple[dict[str, str], dict[str, int]]:
    data = load("claims/attributes.yaml")
    cls = {w.casefold(): c for c, ws in data["weapons"].items() for w in ws}
    syn = {w.casefold(): i for i, group in enumerate(data["synonyms"]) for w in group}
    return cls, syn


def _same_word(a: str, b: str) -> bool:
    cls, syn = _weapons()
    if cls.get(a) == cls.get(b) and (a in _generic() or b in _generic()):
        return True  # "bullets" against "machine guns": the class's general word
    return a == b or (a in syn and syn.get(a) == syn.get(b)) or a.rstrip("s") == b.rstrip("s")


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(w.casefold() for w in load("claims/attributes.yaml").get("generic") or ())


def _weapon_conflicts(view: View):
    cls, _ = _weapons()
    groups: dict[str, dict[str, list[CClaim]]] = defaultdict(lambda: defaultdict(list))
    for cc in view.claims:
        if cc.claim.kind == "attribute" and cc.claim.prop == "weapon" and cc.event:
            groups[cc.event][cc.doc.id].append(cc)
    for eid, by_doc in groups.items():
        single = {}
        for doc_id, ccs in by_doc.items():
            classes = {cls.get(c.claim.value) for c in ccs}
            if len(classes) == 1:
                single[doc_id] = ccs[0]
        for (da, a), (db, b) in combinations(sorted(single.items()), 2):
            wa, wb = a.claim.value, b.claim.value
            if _same_word(wa, wb):
                continue
            sev = "hard" if cls.get(wa) != cls.get(wb) else "soft"
            yield Finding("attribute", sev, f"the weapon: '{wa}' vs '{wb}'", (a.docspan(), b.docspan()), (eid,),
                          topic="the weapon")


def find(view: View):
    yield from _count_conflicts(view)
    yield from _weapon_conflicts(view)
