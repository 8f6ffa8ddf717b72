"""How two place entities relate: the same, one inside the other, or close by.

Containment comes from the gazetteer (``part_of`` chains of the corpus entities, and
the language resources' gazetteer); closeness from coordinates.
"""
from __future__ import annotations

import math
import unicodedata

from ..model import Entity
from ..resources import default as default_resources

NEAR_KM = 30.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def _gazetteer_is_within(a: str, b: str) -> bool:
    # opened on the first question, not when a corpus is loaded
    return default_resources().gazetteer().is_within(a, b)


def _norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in s if c.isalnum() or c.isspace()).split())


class Geography:
    """Place relations over one corpus's entities (built once per corpus run)."""

    def __init__(self, entities: list[Entity]):
        self.by_id = {e.id: e for e in entities}
        self.by_gaz: dict[str, str] = {}
        for e in entities:
            if e.gazetteer:
                self.by_gaz.setdefault(e.gazetteer, e.id)
        self._is_within = _gazetteer_is_within
        self._names = {e.id: frozenset(_norm(n) for n in [e.name, *e.aliases] if n) for e in entities
                       if e.type == "place"}
        self._cache: dict[tuple[str, str], bool] = {}

    def place_names(self) -> dict[str, frozenset[str]]:
        """Normalised names of each place entity (to block on a name two geocodings split)."""
        return self._names

    def region_keys(self) -> dict[str, frozenset[str]]:
        """Gazetteer ids of each place and of what encloses it: places in one country
        share a key (to block a city against its country)."""
        return {eid: frozenset([eid] + ([e.gazetteer] if e.gazetteer else []) + self._parents(eid))
                for eid, e in self.by_id.items() if e.type == "place"}

    def _parents(self, eid: str) -> list[str]:
        """Ids enclosing the entity, innermost first: ``part_of`` holds a gazetteer id
        or a corpus entity id; both are listed (with the entity's gazetteer id)."""
        out, seen = [], set()
        e = self.by_id.get(eid)
        gid = e.part_of if e else None
        while gid and gid not in seen and len(out) < 12:
            seen.add(gid)
            out.append(gid)
            parent = gid if gid in self.by_id else self.by_gaz.get(gid)
            if parent and parent != gid:
                out.append(parent)
            pe = self.by_id.get(parent) if parent else None
            if pe is not None and pe.gazetteer and pe.gazetteer not in out and pe.gazetteer != gid:
                out.append(pe.gazetteer)
            gid = pe.part_of if pe else None
        return out

    def within(self, inner: str, outer: str) -> bool:
        """True when place ``inner`` lies inside place ``outer`` (not equal)."""
        if inner == outer:
            return False
        key = (inner, outer)
        if key in self._cache:
            return self._cache[key]
        a, b = self.by_id.get(inner), self.by_id.get(outer)
        res = False
        if a is not None and b is not None:
            if b.gazetteer and b.gazetteer in self._parents(inner):
                res = True
            elif self._is_within and a.gazetteer and b.gazetteer:
                try:
                    res = bool(self._is_within(a.gazetteer, b.gazetteer))
                except Exception:
                    res = False
        self._cache[key] = res
        return res

    def near(self, a: str, b: str, limit_km: float = NEAR_KM) -> bool:
        ea, eb = self.by_id.get(a), self.by_id.get(b)
        if not ea or not eb or None in (ea.lat, ea.lon, eb.lat, eb.lon):
            return False
        return km(ea.lat, ea.lon, eb.lat, eb.lon) <= limit_km

    def relation(self, a: str | None, b: str | None) -> str | None:
        """"same", "within" (a in b), "contains" (b in a), "near", or None."""
        if not a or not b:
            return None
        if a == b or self._names.get(a, frozenset()) & self._names.get(b, frozenset()):
            return "same"  # one name geocoded two ways ("Waterloo", Belgium / Texas)
        if self.within(a, b):
            return "within"
        if self.within(b, a):
            return "contains"
        if self.near(a, b):
            return "near"
        return None

    def compatible(self, a: str | None, b: str | None) -> bool:
        return self.relation(a, b) is not None
