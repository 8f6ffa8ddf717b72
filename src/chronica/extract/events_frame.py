"""What a whole document tells once, before its sentences are read for events: its
mentions indexed (events_roles), paragraphs, dominant country, main person, lifespan,
dated anchors and the scenes told by the hour -- and, while reading, where the story
stands (``Whereabouts``)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..doc import Doc
from .events_index import MentionIndex, build_index, is_demonym, main_person
from .events_lexicon import Lexicon
from .events_lifespan import Lifespan, birth_anchor, find_lifespan
from ..resources.text import paragraphs
from .events_scenes import opens_with_heading, staged_paragraphs
from .events_when import date_anchors, tells_hour


@dataclass
class Whereabouts:
    """Where the story is: per paragraph and per person, for clauses that name no place."""

    paragraph: int = -1
    trail: list[str] = field(default_factory=list)  # places named in this paragraph, latest first
    people: dict[str, str] = field(default_factory=dict)  # person -> latest place, this paragraph
    earlier: dict[str, str] = field(default_factory=dict)  # person -> latest place, before it
    last_place: str | None = None  # the last place named anywhere (for "there")
    story_place: str | None = None  # set by a heading or a scene-setting sentence
    scene: str | None = None  # where the last paragraph left the story, until a heading
    # the latest year of the happening that put a person (or the story) at a place
    placed_by: dict[str, int] = field(default_factory=dict)
    scene_by: int | None = None
    trail_by: int | None = None

    def enter(self, para: int) -> None:
        if para != self.paragraph:
            self.earlier.update(self.people)
            if self.trail:
                self.scene, self.scene_by = self.trail[0], self.trail_by
            self.paragraph, self.trail, self.people = para, [], {}

    def leave(self, who: list[str]) -> None:
        """They went somewhere the text does not name: the story's place is unknown."""
        self.trail, self.scene = [], None
        for w in who:
            self.people.pop(w, None)
            self.earlier.pop(w, None)

    def note(self, who: list[str], places: list[str], year: int | None = None) -> None:
        """``year``: the latest year the happening that put them there may fall in."""
        if not places:
            return
        self.trail = places + [p for p in self.trail if p not in places]
        self.last_place, self.trail_by = places[0], year
        for w in who:
            self.people[w] = places[0]
            self.placed_by[w] = year


@dataclass(frozen=True)
class DocFrame:
    index: MentionIndex
    staged: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    country: str | None  # the document's dominant country
    main_person: str | None
    anchors: list  # (offset, When): where the story's date is known
    life: Lifespan | None = None  # the lifespan a biography's lead gives
    # paragraph index -> start of the paragraph whose day-precise date it still tells
    scene_of: dict[int, int] = field(default_factory=dict)
    clocked: frozenset[int] = frozenset()  # paragraphs of a scene told by the hour


def doc_frame(doc: Doc, lex: Lexicon) -> DocFrame:
    index = build_index(doc, lex)
    countries = sorted(((n, k) for k, n in _country_counts(doc, index).items()), reverse=True)
    total = sum(n for n, _ in countries)
    # the country the story is set in: named often, and most of the time
    country = countries[0][1] if countries and countries[0][0] >= 2 and countries[0][0] >= 0.5 * total else None
    paras = paragraphs(doc.text)
    people = {k for k, t in index.entity_type.items() if t == "person"}
    life = find_lifespan(doc, paras, people)
    anchors = date_anchors(doc, lex.later_preps)
    born_at = birth_anchor(doc, life) if life is not None else None
    if born_at is not None:
        # the chronology starts at the birth, not at the last date the lead gave
        anchors = sorted(anchors + [born_at], key=lambda p: p[0])
    scene_of, clocked = _scenes(doc, lex, index, paras, anchors)
    return DocFrame(index, staged_paragraphs(doc, lex), paras,
                     country, main_person(index), anchors, life, scene_of, clocked)


def _country_counts(doc: Doc, index: MentionIndex) -> dict[str, int]:
    """How often each country is named as a place: "the British" and "Danish ships"
    name a people, not where the story is set."""
    out: dict[str, int] = {}
    for m in doc.mentions:
        k = m.entity
        if k is None or m.cited or index.entity_type.get(k) != "place" or is_demonym(m.text):
            continue
        if place_feature(doc, k) == "country":
            out[k] = out.get(k, 0) + 1
    return out


DAY_EDTF = re.compile(r"^-?\d{4}-\d{2}-\d{2}$")


def _scenes(doc: Doc, lex: Lexicon, index: MentionIndex, paras: list[tuple[int, int]],
            anchors: list) -> tuple[dict[int, int], frozenset[int]]:
    """Paragraphs that go on with the scene of a day-precise date told before ("On 28
    June ..." then, next paragraph, "Just before ten on Sunday, the couple arrived"):
    the next paragraph, no heading between, no passage of time at its start, some of
    the same people -- and a scene told by the hour (a clock time or a time of day in
    it), not a summary that names one day and moves on. A paragraph that names
    another day starts a scene of its own ("12 days later, he was found"). Also
    returns the paragraphs of scenes told by the hour."""
    out: dict[int, int] = {}
    clocked_paras: set[int] = set()
    start: int | None = None
    day: str | None = None
    people: set[str] = set()
    clocked = False
    for i, (a, b) in enumerate(paras):
        sents = [x for x in doc.sentences if a <= x.start < b]
        body = [x for x in sents if x.kind == "body"]
        if not body:
            if any(x.kind == "heading" for x in sents):
                start = None
            continue
        if opens_with_heading(doc.text, a, b):
            start = None
        here = _actors_in(doc, index, a, b)
        opening = words_of(doc.text[body[0].start:body[0].end].lower())
        own = [(o, w) for o, w in anchors if a <= o < b]
        clock = any(tells_hour(t, doc.text) for t in doc.timexes_in(a, b))
        if start is not None and (clocked or clock) and here & people \
                and not tells_passage(opening, lex, clocked=True):
            out[i] = start
            people |= here
            clocked = True
        elif not own:
            start = None
        if own:
            if DAY_EDTF.match(own[-1][1].edtf or ""):
                if i not in out:
                    start, day, people, clocked = a, own[-1][1].edtf, here, clock
                elif own[-1][1].edtf != day:
                    # the scene goes on up to the new day, which starts one of its own
                    start, day, people, clocked = own[-1][0], own[-1][1].edtf, here, clock
            else:
                start = None
        if start is not None and clocked:
            clocked_paras.add(i)
    return out, frozenset(clocked_paras)


def _actors_in(doc: Doc, index: MentionIndex, a: int, b: int) -> set[str]:
    """The people, organisations and groups named in ``[a, b)``."""
    return {m.entity for m in doc.mentions if m.entity and not m.cited and a <= m.start < b
            and index.entity_type.get(m.entity) in ("person", "organization", "group")}


def tells_passage(words: list[str], lex: Lexicon, clocked: bool = False) -> bool:
    """Words that say time has passed since the date last given. In a scene told by
    the hour, a bare "later" (no measure: "the duke later decided") stays in the
    scene; "years later" does not."""
    for i, w in enumerate(words):
        if w not in lex.passage_cues:
            continue
        bare = w in lex.open_cues and (i == 0 or words[i - 1] not in lex.passage_cues) \
            and (i + 1 == len(words) or words[i + 1] not in lex.passage_cues)
        if not (clocked and bare):
            return True
    return False


def words_of(text: str) -> list[str]:
    """Words, a hyphenated compound as one ("nineteen-year-old" is no passage of years)."""
    return re.findall(r"[a-z]+(?:-[a-z]+)*", text)


def place_feature(doc: Doc, key: str) -> str | None:
    e = doc.entity(key)
    return e.place.feature if e is not None and e.place is not None else None


def entity_name(doc: Doc, key: str | None) -> str | None:
    e = doc.entity(key) if key else None
    return e.name if e is not None else None
