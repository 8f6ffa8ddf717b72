"""The ``link_places`` component: one gazetteer entry per place name in a document.

Place mentions are grouped by normalised name; each name is resolved once, by context:
countries and other large units first (they are what the text's towns lie in), then the
rest, preferring candidates inside the countries the document names, close to the
document's other places, and with a large population. What the text says right after a
name narrows its namesakes ("Paris, Texas", "Ligny, near Waterloo") and places a name the
gazetteer lacks ("the hamlet of X, near Y"); "central Asia" with a lower-case qualifier
is the region when the text never says plain "Asia". Demonyms used as places ("the
Tuscan coast") resolve through the demonym list.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from ..doc import Doc
from ..model import PlaceRef
from ..components import Context, component
from ..nlp.lexicon import load_lexicon
from ..resources import default as default_resources
from ..resources import load
from ..resources.gazetteer import Candidate, Gazetteer
from ..resources.place_keys import normalise
from ..resources.gazetteer import distance_km as _points_km
from ..resources.names import country_nouns
from .place_context import by_era, document_era, outliers

# Kinds of place that frame the others: resolved first, used as context.
FRAME_FEATURES = {"country", "continent", "state"}
NEAR_KM = 400.0  # "close to the document's other places"
WORLD_CITY = 1_000_000


def _lexicon(ctx: Context):
    return ctx.resource("names.lexicon", load_lexicon)


def _gazetteer(ctx: Context) -> Gazetteer:
    return ctx.resources.gazetteer()


def place_ref(c: Candidate) -> PlaceRef:
    return PlaceRef(c.id, c.name, c.lat, c.lon, c.country, c.feature, c.part_of)


def _prior(c: Candidate) -> float:
    """Context-free plausibility: big, well-known kinds of place and main names first."""
    if c.feature in FRAME_FEATURES or c.feature in ("ocean", "sea"):
        base = 9.0
    elif c.feature != "city":
        base = 7.5  # curated region, island, river, building
    else:
        base = math.log10(max(c.population, 10))  # 1 (hamlet) .. 7 (metropolis)
        if c.primary and c.population >= WORLD_CITY:
            base += 1.5  # "London" means the metropolis unless the text says otherwise
    return base + (0.0 if c.primary else -0.8)


def _countries_of(c: Candidate) -> set[str]:
    out = set(x for x in c.covers if len(x) == 2)
    if c.country:
        out.add(c.country)
    return out


def _score(c: Candidate, countries: Counter, anchors: list[Candidate]) -> float:
    s = _prior(c)
    if _countries_of(c) & set(countries):
        s += 2.5 + 0.3 * min(3, max(countries[k] for k in _countries_of(c) if k in countries))
    near = [_points_km(c, a) for a in anchors if a.id != c.id and a.lat is not None and c.lat is not None
            and a.feature not in ("continent", "ocean")]
    if near:
        d = min(near)
        if d < NEAR_KM:
            s += 2.0 * (1 - d / NEAR_KM)
    return s


def choose(cands: list[Candidate], countries: Counter, anchors: list[Candidate]) -> Candidate | None:
    """The candidate that best fits the document's other places."""
    cands = [c for c in cands if c.lat is not None]
    if not cands:
        return None
    return max(cands, key=lambda c: _score(c, countries, anchors))


def _near(c: Candidate, anchors: list[Candidate]) -> bool:
    return any(a.lat is not None and a.feature not in ("continent", "ocean", "country", "state")
               and _points_km(c, a) < NEAR_KM for a in anchors if a.id != c.id)


def has_building_cue(words: list[str], building_cues: frozenset[str]) -> bool:
    """A name that opens or ends with a building or room word ("Santé prison", "Salon
    Carré", "Museum of London"): a site inside a town, not a town."""
    cues = {w.casefold() for w in building_cues}
    return len(words) > 1 and (words[-1].casefold() in cues or words[0].casefold() in cues)


def _inside_known(text: str, gaz: Gazetteer, chosen: dict[str, Candidate], countries: Counter,
                  anchors: list[Candidate], building_cues: frozenset[str],
                  first_names: frozenset[str] = frozenset(),
                  local: list[Candidate] = (), home: Candidate | None = None) -> PlaceRef | None:
    """A name the gazetteer lacks, placed by what it contains or where the text is.

    "East London", "London Hospital", "Museum of London": inside the place named in
    it (for a building, only a place the document itself names: the "Carré" of a
    "Salon Carré" is no village of that name). A street or building with no known
    place in its name ("Nevsky Prospekt"): in the city of its sentence, else ``home``
    (the city of its section or the document's most-named city). The reference has no
    gazetteer id of its own.
    """
    words = text.split()
    building = has_building_cue(words, building_cues)
    named = {c.id for c in chosen.values()}
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            sub = " ".join(words[i:i + n])
            if not sub[:1].isupper() or sub in building_cues or words[i] in first_names:
                continue
            # by a main name only: "Gulf" in "Gulf of Corinth" is no nickname of the Persian Gulf
            c = choose([x for x in gaz.lookup(sub) if x.primary], countries, anchors)
            if c is None or (building and c.id not in named):
                continue
            if c.feature != "city" or _near(c, anchors):
                return PlaceRef(None, text, c.lat, c.lon, c.country, "area", c.id)
    if building:
        near = [c for c in local if c.feature == "city"]  # "... Street in Leeds"
        c = near[0] if near else home
        if c is not None:
            return PlaceRef(None, text, c.lat, c.lon, c.country, "building", c.id)
    return None


def _home_city(doc: Doc, key: str, chosen: dict[str, Candidate]) -> Candidate | None:
    """The city a site named ``key`` most likely stands in: the most-named city of the
    section of its first mention, else the last city named before it, else the
    document's most-named city."""
    def section(offset: int) -> int | None:
        s = doc.sentence_at(offset)
        return s.section if s is not None else None

    first = next((m for m in doc.mentions if m.type == "place" and normalise(m.text) == key), None)
    sec = section(first.start) if first is not None else None
    in_sec: Counter = Counter()
    anywhere: Counter = Counter()
    before: Counter = Counter()
    for m in doc.mentions:
        c = chosen.get(normalise(m.text)) if m.type == "place" else None
        if c is None or c.feature != "city":
            continue
        anywhere[c.id] += 1
        if sec is not None and section(m.start) == sec:
            in_sec[c.id] += 1
        if first is not None and m.start < first.start:
            before = Counter({c.id: 1})
    best = (in_sec or before or anywhere).most_common(1)
    return next((c for c in chosen.values() if c.id == best[0][0]), None) if best else None


def _unknown_feature(doc: Doc, key: str, place_nouns: dict[str, str]) -> str | None:
    """"the island of Caprera": the kind of place a name the gazetteer lacks is, from the
    noun the text puts before it."""
    for m in doc.mentions:
        if m.type != "place" or normalise(m.text) != key:
            continue
        before = re.search(r"\b(?P<noun>[a-z]+)\s+of\s+(?:the\s+)?$", doc.text[max(0, m.start - 30):m.start])
        if before and before["noun"] in place_nouns:
            return place_nouns[before["noun"]]
    return None


def _local_places(doc: Doc, key: str, chosen: dict[str, Candidate]) -> list[Candidate]:
    """Linked places named in the sentences of the mentions of ``key``."""
    sents = doc.sentences
    idx = {s.start: i for i, s in enumerate(sents)}
    at: dict[int, list[Candidate]] = {}
    mine: list[int] = []
    for m in doc.mentions:
        if m.type != "place":
            continue
        s = doc.sentence_at(m.start)
        if s is None:
            continue
        k = normalise(m.text)
        if k == key:
            mine.append(idx.get(s.start, -1))
        elif k in chosen:
            at.setdefault(idx.get(s.start, -1), []).append(chosen[k])
    out: list[Candidate] = []
    for i in mine:
        out.extend(at.get(i, []) if i >= 0 else [])
    return out


# "X, Y" / "X in Y" / "X, a town in Y": Y contains X. "X, near Y" / "X, south of Y": Y is close by.
_IN_GAP = re.compile(r"\s*,\s*|\s+in\s+(?:the\s+)?|,?\s+(?:an?|the)\s+(?:[a-z][a-z\-]*\s+){0,3}?(?:in|of)\s+(?:the\s+)?")
_NEAR_GAP = re.compile(r",?\s+(?:(?:an?|the)\s+(?:[a-z][a-z\-]*\s+){0,3}?)?"
                       r"(?:near|outside(?:\s+of)?|close\s+to|not\s+far\s+from|"
                       r"(?:some\s+)?(?:\d+|a\s+few|several)?\s*(?:[a-z]+\s+)?(?:miles|kilometres|kilometers|km)?\s*"
                       r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+(?:the\s+)?")
CONTAINER_FEATURES = {"country", "state", "region", "island", "city", "continent"}
IN_CITY_KM = 30.0  # "Trastevere, Rome": a quarter or suburb lies this close to its city
IN_REGION_KM = 250.0  # a region the gazetteer gives no extent for: about this wide
NEAR_KM_CLOSE = 120.0  # "Ligny, near Waterloo"
SMALL_FEATURES = {"city", "island", "building", "area"}  # precise enough to stand in for a place it holds

# how fine a kind of place is: a place lies in one of a smaller number
_FEATURE_SIZE = {"continent": 0, "ocean": 0, "country": 1, "state": 1, "sea": 1, "region": 2,
                 "mountains": 2, "river": 2, "lake": 2, "island": 2, "city": 3, "area": 4, "building": 5}


def place_relations(doc: Doc) -> dict[str, list[tuple[str, str]]]:
    """Name key -> [(relation, other key)] from what the text says right after a place name:
    "Nome, Alaska" (in), "Obljaj, near Bosansko Grahovo" (near)."""
    places = sorted((m for m in doc.mentions if m.type == "place"), key=lambda m: m.start)
    out: dict[str, list[tuple[str, str]]] = {}
    for a, b in zip(places, places[1:]):
        gap = doc.text[a.end:b.start]
        if len(gap) > 60 or "\n" in gap:
            continue
        rel = "near" if _NEAR_GAP.fullmatch(gap) else "in" if _IN_GAP.fullmatch(gap) else None
        ka, kb = normalise(a.text), normalise(b.text)
        if rel is not None and ka != kb:
            out.setdefault(ka, []).append((rel, kb))
    return out


def fits_relation(c: Candidate, rel: str, y: Candidate, gaz: Gazetteer) -> bool:
    """Can place ``c`` stand in relation ``rel`` ("in" / "near") to place ``y``?"""
    if c.id == y.id or c.lat is None or y.lat is None:
        return False
    d = _points_km(c, y)
    if rel == "near":
        return d <= NEAR_KM_CLOSE and _FEATURE_SIZE.get(c.feature, 3) >= _FEATURE_SIZE.get(y.feature, 3)
    if y.feature not in CONTAINER_FEATURES or _FEATURE_SIZE.get(c.feature, 3) < _FEATURE_SIZE.get(y.feature, 3):
        return False
    if gaz.is_within(c.id, y.id) or (y.feature == "country" and y.country and c.country == y.country):
        return True
    if y.feature == "city":  # a quarter or suburb, smaller than its city ("Paris, London" is a list)
        return d <= IN_CITY_KM and (c.feature != "city" or c.population < y.population)
    return y.feature in ("region", "island", "state") and not y.covers and d <= IN_REGION_KM


def _related(key: str, relations: dict, chosen: dict[str, Candidate]) -> list[tuple[str, Candidate]]:
    return [(rel, chosen[k]) for rel, k in relations.get(key, ()) if k in chosen]


def _by_relation(cands: list[Candidate], related: list[tuple[str, Candidate]], gaz: Gazetteer) -> list[Candidate]:
    """The candidates that fit what the text says the place is in or near ("Paris, Texas"),
    or all of them when none does (then "Paris, London" was a list)."""
    for rel, y in related:
        fit = [c for c in cands if fits_relation(c, rel, y, gaz)]
        if fit:
            return fit
    return cands


def _pin_containers(lookups: dict[str, list[Candidate]], relations: dict, chosen: dict[str, Candidate],
                    gaz: Gazetteer) -> dict[str, Candidate]:
    """Containers read the way that lets the name before them lie inside: "Brunswick,
    Georgia" is the US state, though "Georgia" alone would be the country. Only when the
    first reading of the container holds none of the name's candidates and another does."""
    pinned: dict[str, Candidate] = {}
    for key, rels in relations.items():
        xs = lookups.get(key) or []
        for rel, ykey in rels:
            first = pinned.get(ykey) or chosen.get(ykey)
            if not xs or first is None or any(fits_relation(x, rel, first, gaz) for x in xs):
                continue
            for y in sorted(lookups.get(ykey) or [], key=_prior, reverse=True):
                if y.id != first.id and any(fits_relation(x, rel, y, gaz) for x in xs):
                    pinned[ykey] = y
                    break
    return pinned


def _placed_by_relation(text: str, related: list[tuple[str, Candidate]],
                        building_cues: frozenset[str] = frozenset()) -> PlaceRef | None:
    """A name the gazetteer lacks, placed at the town or island the text says it is in or
    near ("the hamlet of Grobljani, near Knin"). A country or region is too
    coarse to stand in for it."""
    for rel, y in related:
        if y.feature in SMALL_FEATURES and y.lat is not None:
            kind = "building" if has_building_cue(text.split(), building_cues) else "city"
            return PlaceRef(None, text, y.lat, y.lon, y.country, kind, y.id)
    return None


def _place_words() -> dict:
    return load("places/place_words.yaml")  # parsed, checked and cached by the resources layer


@lru_cache(maxsize=1)
def _qualifier() -> re.Pattern:
    """A region qualifier ("central", "north-eastern") just before a name."""
    words = sorted(_place_words()["region_qualifiers"], key=lambda w: (-len(w), w))
    return re.compile(r"(?<![\w-])(?P<q>" + "|".join(map(re.escape, words)) + r")\s+$")


def state_qualifiers() -> frozenset[str]:
    """Words a state's name adds to a place's ("Kingdom of Serbia" / "Serbia")."""
    return _frozen("state_qualifiers")


@lru_cache(maxsize=None)
def _frozen(name: str) -> frozenset[str]:
    return frozenset(_place_words()[name])


def _qualified_lookup(doc: Doc, key: str, text: str, gaz: Gazetteer) -> list[Candidate]:
    """"central Asia", "eastern Europe" written with a lower-case qualifier that the mention
    leaves out: the region the gazetteer has under the whole phrase, when every mention
    of the name carries the same qualifier (a text that also says plain "Asia" means Asia)."""
    quals = set()
    for m in doc.mentions:
        if m.type == "place" and normalise(m.text) == key:
            q = _qualifier().search(doc.text[max(0, m.start - 20):m.start])
            quals.add(q["q"] if q else None)
    if len(quals) != 1 or None in quals:
        return []
    q = quals.pop()
    for form in dict.fromkeys((q, _place_words()["bare_directions"].get(q, q))):
        cands = [c for c in gaz.lookup(f"{form} {text}") if c.feature not in ("city", "building")]
        if cands:
            return cands
    return []


def link(doc: Doc, gaz: Gazetteer, demonyms: dict[str, str],
         building_cues: frozenset[str] = frozenset(),
         first_names: frozenset[str] = frozenset(),
         place_nouns: dict[str, str] | None = None) -> dict[str, PlaceRef]:
    names, surfaces, counts = _place_names(doc)
    lookups, sites = _lookups(doc, names, gaz, demonyms, building_cues)
    # pass 1: names whose best reading is a country or other frame
    chosen, countries = _frames(lookups, counts)
    # pass 2: the rest, in context; then once more with the first choices as anchors
    relations = place_relations(doc)
    pinned = _pin_containers(lookups, relations, chosen, gaz)
    for key, y in pinned.items():
        old = chosen.get(key)
        if old is not None and old.feature == "country":  # no longer a country the text names
            for cc in _countries_of(old):
                countries[cc] -= counts[key]
        chosen[key] = y
    countries = +countries
    for _ in range(2):
        _choose_in_context(lookups, chosen, countries, pinned, relations, sites, gaz)
    far = outliers(chosen, countries, set(pinned) | {k for k in chosen if _related(k, relations, chosen)})
    for key in far:  # a far-off namesake: no place rather than a wrong one
        del chosen[key]
    refs = {k: place_ref(c) for k, c in chosen.items()}
    for key in lookups:
        if key not in chosen and key not in far:
            ref = _unlinked_ref(doc, key, names[key], gaz, chosen, countries, relations, building_cues,
                                first_names, place_nouns or {})
            if ref is not None:
                refs[key] = ref
    out: dict[str, PlaceRef] = {}
    for key, ref in refs.items():
        out[key] = ref
        for text in surfaces[key]:  # also as written, for readers that do not normalise
            out.setdefault(text, ref)
            out.setdefault(text.casefold(), ref)
    return out


def _place_names(doc: Doc) -> tuple[dict[str, str], dict[str, set[str]], Counter]:
    """Per normalised place name: a surface form, every surface form, the mentions."""
    names: dict[str, str] = {}  # key -> a surface form
    surfaces: dict[str, set[str]] = {}
    counts: Counter = Counter()
    for m in doc.mentions:
        if m.type == "place":
            key = normalise(m.text)
            names.setdefault(key, m.text)
            surfaces.setdefault(key, set()).add(m.text)
            counts[key] += 1
    return names, surfaces, counts


def _lookups(doc: Doc, names: dict[str, str], gaz: Gazetteer, demonyms: dict[str, str],
             building_cues: frozenset[str]) -> tuple[dict[str, list[Candidate]], set[str]]:
    """The gazetteer's candidates for each name, and the names of buildings whose only
    candidates are towns (kept only when near the document's other places)."""
    lookups: dict[str, list[Candidate]] = {}
    era = document_era(doc.timexes)
    sites: set[str] = set()
    for key, text in names.items():
        words = text.split()
        cands = [] if text in demonyms else gaz.lookup(text)  # "German" is Germany, not San Germán
        if not cands and len(words) > 1 and words[-1].islower():
            cands = gaz.lookup(" ".join(words[:-1]))  # "the Danube river", "Spandau fortress"
        if not cands and len(words) > 1 and words[-1].endswith("s") and words[-1][:-1] in _frozen_tails():
            # a tail shared by a list ("Sagami, Izu and Kazusa Provinces"): the last one's own name
            cands = gaz.lookup(" ".join(words[:-1] + [words[-1][:-1]])) or gaz.lookup(" ".join(words[:-1]))
        if cands and has_building_cue(words, building_cues) and all(c.feature == "city" for c in cands):
            sites.add(key)  # "Santé prison" is not Xanten
        if not cands and (text in demonyms or (len(words) == 2 and words[0] in demonyms
                                               and words[1].casefold() in country_nouns())):
            got = gaz.get(demonyms[words[0] if len(words) == 2 else text])  # "the French mainland"
            cands = [got] if got else []
        lookups[key] = by_era(_qualified_lookup(doc, key, text, gaz) or cands, era)
    return lookups, sites


def _frames(lookups: dict[str, list[Candidate]], counts: Counter) -> tuple[dict[str, Candidate], Counter]:
    """The names whose best reading is a country or other frame, and the countries
    the text names (weighed by mentions)."""
    chosen: dict[str, Candidate] = {}
    countries: Counter = Counter()
    for key, cands in lookups.items():
        top = max(cands, key=_prior) if cands else None
        if top is not None and top.feature in FRAME_FEATURES:
            chosen[key] = top
            for cc in _countries_of(top) if top.feature == "country" else ():
                countries[cc] += counts[key]
    return chosen, countries


def _choose_in_context(lookups: dict[str, list[Candidate]], chosen: dict[str, Candidate], countries: Counter,
                       pinned: dict[str, Candidate], relations, sites: set[str], gaz: Gazetteer) -> None:
    """One pass choosing each name's candidate in the context of the choices so far
    (``chosen`` is updated in place)."""
    anchors = list(chosen.values())
    for key, cands in lookups.items():
        if key in pinned:
            continue
        related = _related(key, relations, chosen)
        if related:
            cands = _by_relation(cands, related, gaz)  # "Paris, Texas"; "Georgia, USA"
        if key in chosen and chosen[key].feature in FRAME_FEATURES and chosen[key] in cands:
            continue
        if key in sites:
            named = {a.id for k, a in chosen.items() if k != key}
            cands = [c for c in cands if c.id in named or _near(c, anchors)]
        best = choose(cands, countries, anchors)
        if best is not None:
            chosen[key] = best
        elif key in chosen:
            del chosen[key]


def _unlinked_ref(doc: Doc, key: str, name: str, gaz: Gazetteer, chosen: dict[str, Candidate],
                  countries: Counter, relations, building_cues: frozenset[str], first_names: frozenset[str],
                  place_nouns: dict[str, str]) -> PlaceRef | None:
    """A place for a name the gazetteer did not settle: where the text puts it, else
    inside a known place it names, else only the kind of place it is."""
    # what the text says it is near or in outranks a word of the name ("Grobljani, outside Knin")
    ref = _placed_by_relation(name, _related(key, relations, chosen), building_cues)
    if ref is None:
        ref = _inside_known(name, gaz, chosen, countries, list(chosen.values()), building_cues,
                            first_names, _local_places(doc, key, chosen), _home_city(doc, key, chosen))
    if ref is None:
        feature = _unknown_feature(doc, key, place_nouns)
        if feature is not None:  # "the island of Caprera": an island, whereabouts unknown
            ref = PlaceRef(None, name, None, None, None, feature, None)
    return ref


def _store(doc: Doc, refs: dict[str, PlaceRef]) -> None:
    doc.places = refs


@component("link_places", requires=("sentences", "timexes", "mentions"), assigns=("places",))
def link_places(doc: Doc, ctx: Context) -> None:
    lex = _lexicon(ctx)
    _store(doc, link(doc, _gazetteer(ctx), lex.demonyms, lex.building_cues, lex.first_names,
                     _place_words()["place_nouns"]))


# ----------------------------------------------------- helpers for reconciliation --

SAME_PLACE_KM = 25.0  # one name, two gazetteer rows this close: one place


def qualified_name(x: str, y: str) -> bool:
    """Name key ``y`` is ``x`` with a state's qualifier words ("serbia" / "kingdom of
    serbia", "washington" / "washington d.c.")."""
    return x != y and f" {x} " in f" {y} " and set(y.split()) - set(x.split()) <= state_qualifiers()


def same_place_refs(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    """Two gazetteer rows for one place: both located, and this close."""
    if a is None or b is None or None in (a.lat, b.lat):
        return False
    return _points_km((a.lat, a.lon), (b.lat, b.lon)) <= SAME_PLACE_KM


def is_within(a: str | None, b: str | None, gaz: Gazetteer | None = None) -> bool:
    """Is gazetteer id ``a`` inside ``b`` (transitively), or the same place?"""
    return (gaz or default_resources().gazetteer()).is_within(a, b)


def distance_km(a, b, gaz: Gazetteer | None = None) -> float | None:
    """Distance between two places given as gazetteer ids, candidates or (lat, lon)."""
    def point(x):
        if isinstance(x, str):
            x = (gaz or default_resources().gazetteer()).get(x)
        if isinstance(x, Candidate):
            return None if x.lat is None else (x.lat, x.lon)
        return x

    pa, pb = point(a), point(b)
    if pa is None or pb is None:
        return None
    return _points_km(pa, pb)


__all__ = ["link_places", "link", "choose", "is_within", "distance_km", "place_ref", "qualified_name",
           "same_place_refs", "state_qualifiers", "SAME_PLACE_KM"]


@lru_cache(maxsize=1)
def _frozen_tails() -> frozenset[str]:
    """Capitalised last words of place names ("Province", "Island"), see place_words.yaml."""
    tails = _place_words()["name_tails"]
    return frozenset(tails["always"]) | frozenset(tails["unless_person"])
