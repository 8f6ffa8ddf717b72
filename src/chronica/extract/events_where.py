"""Where a happening took place when its clause does not say so plainly: a city
inside the country it names, a place in a named happening ("the Paris Commune"),
the place the story stands in, scenes set by headings, and the residence a
"Place, years" heading tells."""
from __future__ import annotations

import re

from ..doc import Doc
from ..model import LocalEvent, Span
from ..resources import load
from .events_clauses import trimmed_span
from .events_frame import DocFrame, Whereabouts, entity_name
from .events_index import SentView
from .events_lexicon import Lexicon
from .events_scenes import heading_place_period

PLACE_ADVERBS = frozenset(load("events/clause_words.yaml")["place_adverbs"])


def opening_place(view: SentView) -> str | None:
    """The place a sentence opens with ("In Lisbon, ..."), which sets its scene."""
    first = view.span[0]
    if first.dep_ != "prep" or first.lower_ not in ("in", "at"):
        return None
    return next((view.token_entity[t.i] for t in first.subtree if t.i in view.place_tokens), None)


COARSE_FEATURES = {"country", "region", "state", "continent"}
COARSENESS = {"region": 1, "state": 1, "country": 2, "continent": 3}  # a region lies inside a country


def finer_place(doc: Doc, key: str | None, seen: list[str]) -> str | None:
    """A clause that names a country and a city in it ("returned to Ruritania and found
    work with his uncle in Strelsau") happened in the city."""
    outer = doc.entity(key) if key else None
    if outer is None or outer.place is None or outer.place.feature not in COARSE_FEATURES:
        return key
    for k in seen:
        inner = doc.entity(k)
        ref = inner.place if inner is not None else None
        if k == key or ref is None or ref.feature in COARSE_FEATURES:
            continue
        if (outer.place.gazetteer and ref.part_of == outer.place.gazetteer) or (
                outer.place.country and ref.country == outer.place.country):
            return k
    return key


DESTINATION_PREPS = frozenset(load("places/place_words.yaml")["destination_preps"])


def unnamed_destination(anchor, view: SentView) -> bool:
    """A move to a new place the text does not name ("carried to a boarding house", "went
    back to his own lodgings"): neither where the story stood nor any place it named. A
    definite goal may be part of where the story stands ("ran to the altar")."""
    places = set(view.place_tokens)
    head = anchor.head
    if anchor.dep_ == "relcl" and head.pos_ == "NOUN" and _new_place(head) and head.i not in places \
            and any(c.lower_ in ("where", "which", "that") for c in anchor.children):
        return True  # "to a boarding house where the doctors arrived", "her house, which he had visited"
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ in DESTINATION_PREPS:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and all(o.pos_ == "NOUN" and _new_place(o) and not any(t.i in places for t in o.subtree)
                            for o in objs):
                return True
    return False


def _new_place(noun) -> bool:
    """"a farm", "his own room": an indefinite or possessed goal, somewhere else."""
    return any((c.dep_ == "det" and c.lower_ in ("a", "an", "another", "some"))
               or c.dep_ == "poss" for c in noun.children)


def finest_first(doc: Doc, seen: list[str]) -> list[str]:
    """The places a clause puts someone at, the finest first: "marched to the state of
    Elis, in the south-western part of Greece" leaves them in Elis, not all of Greece."""
    def coarseness(k: str) -> int:
        e = doc.entity(k)
        feature = e.place.feature if e is not None and e.place is not None else None
        return COARSENESS.get(feature, 0)
    return sorted(seen, key=coarseness)  # stable: the latest first among equals


def place_in_name(doc: Doc, trigger: Span, frame: DocFrame) -> str | None:
    """A named happening whose name starts with a place the text names ("the Moscow
    Trials began", "the Paris Commune") took place there."""
    name = next((m for m in doc.mentions if m.start <= trigger.start < m.end and m.entity
                 and frame.index.entity_type.get(m.entity) not in ("place", "person")), None)
    if name is None:
        return None
    words = name.text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    for e in doc.entities:
        if frame.index.entity_type.get(e.key) != "place" or e.place is None:
            continue
        for alias in [e.name, *e.aliases]:
            n = len(alias.split())
            if 0 < n < len(words) and " ".join(words[:n]) == alias:
                return e.key
    return None


def year_bound(iso: str | None) -> int | None:
    """The year of an ISO date bound ("-0216-08-02" -> -216)."""
    m = re.match(r"(-?)(\d+)", iso or "")
    return (-1 if m[1] else 1) * int(m[2]) if m else None


def _outdated(dated_from: int | None, placed_until: int | None) -> bool:
    """A clause dated after the year of the happening that put someone at a place: the
    text has moved on ("fought at Varrow in 1604." ... "In 1606, he married ...")."""
    return dated_from is not None and placed_until is not None and dated_from > placed_until


def carried_place(anchor, who: list[str], where_now: Whereabouts, frame: DocFrame,
                   doc: Doc, sent, dated_from: int | None = None) -> str | None:
    """A clause that names no place happened where the story stands; a place told in an
    earlier paragraph is not carried to a clause dated by its own words after it
    (``dated_from``: the first year the clause's own date allows)."""
    if any(c.lower_ in PLACE_ADVERBS and c.dep_ == "advmod" for c in anchor.children):
        if where_now.last_place:
            return where_now.last_place
    for w in who:
        if w in where_now.people:
            return where_now.people[w]
    if where_now.trail:
        owners = {p for p, k in where_now.people.items() if k == where_now.trail[0]}
        persons = all(frame.index.entity_type.get(k) == "person" for k in (*owners, *who))
        if owners and who and persons and not owners & set(who):
            # "his wife had died in Paris. He shut himself away": Paris is where she was;
            # he is where the text last put him
            return next((where_now.earlier[w] for w in who if w in where_now.earlier), where_now.trail[0])
        return where_now.trail[0]
    if where_now.story_place:
        return where_now.story_place
    if frame.country:
        return None if _abroad(doc, sent, frame) else frame.country
    # no country the story is set in: where a participant was last told to be, in an
    # earlier paragraph ("moved to Strelsau" ... "In 1899, he was expelled from school"),
    # else where the last paragraph of this section left the story
    for w in who:
        if w in where_now.earlier:
            return None if _outdated(dated_from, where_now.placed_by.get(w)) else where_now.earlier[w]
    return None if _outdated(dated_from, where_now.scene_by) else where_now.scene


def _abroad(doc: Doc, sent, frame: DocFrame) -> bool:
    """The paragraph, up to this sentence, names places and the last of them lies
    outside the story's country ("Corvin began to govern the Banat ... He died in
    1402"): the story is abroad, the country is no place of the clause."""
    para = next(((a, b) for a, b in frame.paragraphs if a <= sent.start < b), None)
    outer = doc.entity(frame.country)
    home = outer.place.country if outer is not None and outer.place is not None else None
    if para is None or home is None:
        return False
    named = [m for m in doc.mentions if m.entity and para[0] <= m.start and m.end <= sent.end
             and frame.index.entity_type.get(m.entity) == "place"]
    refs = [e.place for m in named if (e := doc.entity(m.entity)) is not None and e.place is not None
            and e.place.country and e.place.feature != "continent"]
    return bool(refs) and refs[-1].country != home


def set_scene(doc: Doc, sent, lex: Lexicon, frame: DocFrame, where_now: Whereabouts) -> None:
    """A heading starts a new scene (at the place it names, if any); so does a sentence
    like "It's March 1848 in a crowded tavern in Milan"."""
    text = doc.text[sent.start:sent.end]
    if sent.kind == "body" and not any(p.match(text) for p in lex.scene_setters):
        return
    places = [m.entity for m in doc.mentions
              if m.entity and sent.start <= m.start and m.end <= sent.end
              and frame.index.entity_type.get(m.entity) == "place"]
    if sent.kind == "heading" or places:
        where_now.story_place = places[-1] if places else None
        where_now.scene, where_now.trail = None, []  # a new scene: the last paragraph's places are behind


def heading_residence(doc: Doc, sent, frame: DocFrame) -> LocalEvent | None:
    places = [m for m in doc.mentions
              if m.entity and frame.index.entity_type.get(m.entity) == "place"
              and sent.start <= m.start and m.end <= sent.end]
    found = heading_place_period(doc, sent.start, sent.end, places)
    if found is None or frame.main_person is None:
        return None
    key, timex = found
    evidence = trimmed_span(doc, sent.start, sent.end)
    person = entity_name(doc, frame.main_person) or "The main person"
    place_name = entity_name(doc, key) or doc.text[timex.start:timex.end]
    return LocalEvent(key="", kind="residence", summary=f"{person} lives in {place_name}",
                      evidence=evidence, trigger=None, when=timex.when(), who=[frame.main_person],
                      where=key, confidence=0.6)
