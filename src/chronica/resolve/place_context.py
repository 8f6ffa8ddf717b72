"""What a document's own time and geography say about which namesake a place name means.

Two checks the place linker (``resolve.places``) runs on top of its scoring:

* **Names in use in the document's era.** The gazetteer knows when some names were in
  use ("Macedonia" for today's North Macedonia 1991-2019, "Africa" for the Roman
  province, "Byzantium" for the Greek city). The document's era is read from its own
  explicit dates; a candidate matched by a name whose years lie well outside that era
  is dropped, and when a candidate's name is dated *inside* the era it outranks the
  timeless readings ("Africa" in a text about Hannibal is the Roman province).
* **Far-off namesakes.** A small town chosen only for its name, in a country the
  document never names and far from every other place the document names (an "Elis"
  in Kansas in a history of Greece), is more likely a wrong reading than a right one:
  it is left unlinked ("say less rather than say wrong").
"""
from __future__ import annotations

import re
from collections import Counter

from ..resources.gazetteer import Candidate
from ..resources.gazetteer import distance_km as _km

ERA_SLACK_YEARS = 30  # a name in use this close to the era still counts
OUTLIER_KM = 1500.0  # farther than this from every other place the document names
MIN_CONTEXT_PLACES = 3  # the document's geography needs this many other located places
OUTLIER_MAX_POPULATION = 500_000  # a world city may be named in any story
_BROAD = {"continent", "ocean"}  # too large to say where a document is
_YEAR = re.compile(r"^(?P<y>-?\d{1,4})")


def document_era(timexes) -> tuple[int, int] | None:
    """The years a document is mostly about: the 10th to 90th percentile of the years of
    its explicit dates (None when it gives fewer than two)."""
    years = []
    for t in timexes:
        if getattr(t, "basis", None) != "explicit" or not t.edtf:
            continue
        m = _YEAR.match(t.edtf)
        if m:
            years.append(int(m["y"]))
    if len(years) < 2:
        return None
    years.sort()
    lo = years[int(0.1 * (len(years) - 1))]
    hi = years[int(round(0.9 * (len(years) - 1)))]
    return lo, hi


def _name_years(years: str | None) -> tuple[int, int] | None:
    """'1991-2019' -> (1991, 2019); '-264-698' -> (-264, 698); '-1945' -> (None..1945)."""
    if not years:
        return None
    m = re.fullmatch(r"\s*(?P<a>-?\d{1,4})?\s*-\s*(?P<b>-?\d{1,4})?\s*", years)
    if not m:
        return None
    a = int(m["a"]) if m["a"] else -10_000
    b = int(m["b"]) if m["b"] else 10_000
    return (a, b) if a <= b else None


def by_era(cands: list[Candidate], era: tuple[int, int] | None) -> list[Candidate]:
    """The candidates whose matched name was in use in the document's era: names dated
    inside the era first (then only they), names dated outside it dropped, timeless
    names kept. All of them when the era is unknown or nothing would remain."""
    if era is None or not cands:
        return cands
    lo, hi = era[0] - ERA_SLACK_YEARS, era[1] + ERA_SLACK_YEARS
    inside, timeless = [], []
    for c in cands:
        span = _name_years(c.years)
        if span is None:
            timeless.append(c)
        elif span[0] <= hi and lo <= span[1]:
            inside.append(c)
    return inside or timeless or cands


def outliers(chosen: dict[str, Candidate], countries: Counter, pinned: set[str] = frozenset()) -> set[str]:
    """Keys of chosen towns that are far-off namesakes: a city or site (not a world city),
    in no country the document names, farther than ``OUTLIER_KM`` from every other located
    place it names, when it names at least ``MIN_CONTEXT_PLACES`` others."""
    located = {k: c for k, c in chosen.items() if c.lat is not None and c.feature not in _BROAD}

    def suspect(key: str, c: Candidate) -> bool:
        return (key not in pinned and c.feature in ("city", "building") and c.population < OUTLIER_MAX_POPULATION
                and not (c.country and countries.get(c.country, 0) > 0))

    suspects = {k for k, c in located.items() if suspect(k, c)}
    # the document's geography: the places no doubt hangs over (suspects may cluster together)
    core = [c for k, c in located.items() if k not in suspects]
    out = set()
    for key in suspects:
        c = located[key]
        others = [o for o in core if o.id != c.id]
        if len(others) >= MIN_CONTEXT_PLACES and min(_km(c, o) for o in others) > OUTLIER_KM:
            out.add(key)
    return out
