"""The ``extract_events`` component: one ``LocalEvent`` per happening a text tells.

For every body sentence: find trigger words (data/events/triggers.yaml), group them
into happenings (events_triggers), drop what did not happen (negated, modal,
intended, dramatised), then read each happening's clause for its participants and
place (events_roles) and its date (events_when). Section headings that are just a
place and a period ("Turkey, 1929-1933") become residences of the document's main
person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..doc import Doc
from ..model import LocalEvent, Span
from ..nlp.reparse import reparse_glued
from ..pipeline import Context, component
from .events_lexicon import Lexicon, load_lexicon
from .events_lifespan import Lifespan, birth_anchor, find_lifespan
from .events_roles import (
    AIMED_KINDS, MentionIndex, SentView, build_index, main_person, participants, place, roles, sentence_view, targets,
)
from .events_scenes import heading_place_period, in_any, opens_with_heading, paragraphs, staged_paragraphs
from .events_summary import summarise
from .events_triggers import (
    Happening, assign_clauses, find_triggers, group, has_place_child, journey_legs, named_reference,
)
from .events_when import (
    date_anchors, duration_of, from_timexes, inferred, lasting, open_after, same_day, span_until, tells_hour,
)

MERGE_KINDS = {"movement", "exile"}
SPAN_KINDS = {"residence", "exile", "illness"}
ARRIVAL_KINDS = {"movement", "exile"}  # a move that opens a period happens at its start  # happenings that last: "remained until ..."
DEPARTURE_PARTICLES = {"away", "off", "out"}
# happenings that tell where someone is (and so where the next untold-place clause is)
WHEREABOUTS_KINDS = {"movement", "residence", "exile", "arrest", "meeting", "death", "illness", "personal"}  # not a birth: a birthplace is not the place of all that follows
EDGE_DEPS = {"punct", "cc", "mark", "prep"}
EDGE_WORDS = {"and", "but", "or", "then", "while", "which", "that", ",", ";", ":", "—", "-"}


@component("extract_events", requires=("spacy", "reparsed", "sentences", "timexes", "narrative_time",
                                       "mentions", "entities"), assigns=("events",))
def extract_events(doc: Doc, ctx: Context) -> None:
    lex = ctx.resource("events.lexicon", load_lexicon)
    doc.events = find_events(doc, lex)  # the re-parsed sentences: by the ``reparse`` component


# ------------------------------------------------------------------ state --

@dataclass
class _Whereabouts:
    """Where the story is: per paragraph and per person, for clauses that name no place."""

    paragraph: int = -1
    trail: list[str] = field(default_factory=list)  # places named in this paragraph, latest first
    people: dict[str, str] = field(default_factory=dict)  # person -> latest place, this paragraph
    earlier: dict[str, str] = field(default_factory=dict)  # person -> latest place, before it
    last_place: str | None = None  # the last place named anywhere (for "there")
    story_place: str | None = None  # set by a heading or a scene-setting sentence

    def enter(self, para: int) -> None:
        if para != self.paragraph:
            self.earlier.update(self.people)
            self.paragraph, self.trail, self.people = para, [], {}

    def note(self, who: list[str], places: list[str]) -> None:
        if not places:
            return
        self.trail = places + [p for p in self.trail if p not in places]
        self.last_place = places[0]
        for w in who:
            self.people[w] = places[0]


@dataclass(frozen=True)
class _DocFrame:
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


def _frame(doc: Doc, lex: Lexicon) -> _DocFrame:
    index = build_index(doc, lex)
    countries = sorted(((n, k) for k, n in index.counts.items()
                        if index.entity_type.get(k) == "place" and _feature(doc, k) == "country"), reverse=True)
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
    return _DocFrame(index, staged_paragraphs(doc, lex), paras,
                     country, main_person(index), anchors, life, scene_of, clocked)


_DAY_EDTF = re.compile(r"^-?\d{4}-\d{2}-\d{2}$")


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
        here = {m.entity for m in doc.mentions if m.entity and not m.cited and a <= m.start < b
                and index.entity_type.get(m.entity) in ("person", "organization", "group")}
        opening = _words(doc.text[body[0].start:body[0].end].lower())
        own = [(o, w) for o, w in anchors if a <= o < b]
        clock = any(tells_hour(t, doc.text) for t in doc.timexes_in(a, b))
        if start is not None and (clocked or clock) and here & people \
                and not _passage(opening, lex, clocked=True):
            out[i] = start
            people |= here
            clocked = True
        elif not own:
            start = None
        if own:
            if _DAY_EDTF.match(own[-1][1].edtf or ""):
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


def _passage(words: list[str], lex: Lexicon, clocked: bool = False) -> bool:
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


def _words(text: str) -> list[str]:
    """Words, a hyphenated compound as one ("nineteen-year-old" is no passage of years)."""
    return re.findall(r"[a-z]+(?:-[a-z]+)*", text)


def _feature(doc: Doc, key: str) -> str | None:
    e = doc.entity(key)
    return e.place.feature if e is not None and e.place is not None else None


# ------------------------------------------------------------------ main --

def find_events(doc: Doc, lex: Lexicon, nlp=None) -> list[LocalEvent]:
    """Events of ``doc``, reading ``doc.reparsed`` for sentences whose parse in the whole
    text ran across their boundary; given ``nlp`` (the spaCy pipeline), those are
    re-parsed here instead (for callers outside the pipeline)."""
    if doc.spacy is None:
        return []
    frame = _frame(doc, lex)
    again = reparse_glued(doc, nlp) if nlp is not None else doc.reparsed
    where_now = _Whereabouts()
    events: list[LocalEvent] = []
    for sent in doc.sentences:
        if sent.kind in ("heading", "body"):
            _set_scene(doc, sent, lex, frame, where_now)
        if sent.kind == "heading":
            ev = _heading_residence(doc, sent, frame)
            if ev is not None:
                events.append(ev)
            continue
        if sent.kind != "body":
            continue
        para = next((i for i, (a, b) in enumerate(frame.paragraphs) if a <= sent.start < b), -1)
        where_now.enter(para)
        view = _view(doc, sent, frame, again)
        if view is None:
            continue
        found = _sentence_events(doc, sent, view, lex, frame, where_now)
        if in_any(sent.start, frame.staged):
            # a staged scene: its gestures are scenery, what it stages is kept
            found = [e for e in found if e.kind in lex.staged_kinds and e.who]
        events.extend(found)
    events = _drop_told_references(doc, lex, events)
    events.extend(_staged_blows(doc, lex, frame, events))
    events.sort(key=lambda e: (e.evidence.start, e.evidence.end))
    events = _fold_meetings_into_attacks(doc, frame, events)
    if frame.life is not None:
        events = _lifespan_events(doc, frame, frame.life, events)
    for i, ev in enumerate(events):
        ev.key = f"v{i}"
    return events


def _drop_told_references(doc: Doc, lex: Lexicon, events: list[LocalEvent]) -> list[LocalEvent]:
    """A happening named only to date another ("After Lenin's death, ...") is kept
    when the text tells it nowhere else: dropped when it names nobody, or when another
    event of its kind has one of its people."""
    out = []
    for ev in events:
        tok = _trigger_token(doc, ev)
        if tok is None or not named_reference(tok, lex) or tok.pos_ not in ("NOUN", "PROPN"):
            out.append(ev)
            continue
        dated = ev.when is not None and ev.when.basis != "inferred"  # "following the regent's death in 1871"
        told = any(o is not ev and o.kind == ev.kind and set(o.who) & set(ev.who) for o in events)
        if dated or (ev.who and not told):
            out.append(ev)
    return out


def _trigger_token(doc: Doc, ev: LocalEvent):
    if ev.trigger is None or doc.spacy is None:
        return None
    span = doc.spacy.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _staged_blows(doc: Doc, lex: Lexicon, frame: _DocFrame, events: list[LocalEvent]) -> list[LocalEvent]:
    """The attack a scene told in the present shows: a paragraph with a weapon and a
    harm cue ("a hot ache spreads through her shoulder ... has drawn a thin
    dagger") and no attack event of its own."""
    out = []
    for a, b in staged_paragraphs(doc, lex, cues_needed=False):
        if any(e.kind == "attack" and a <= e.evidence.start < b for e in events):
            continue
        sents = [s for s in doc.sentences if a <= s.start < b and s.kind == "body"]
        weapon = harm = None
        cued = []
        for s in sents:
            span = doc.spacy.char_span(s.start, s.end, alignment_mode="expand")
            if span is None:
                continue
            text = " " + " ".join(t.lower_ for t in span) + " "
            w = next((x for x in sorted(lex.weapons, key=len, reverse=True) if f" {x} " in text), None)
            h = next((t for t in span if t.lower_ in lex.harm_cues or t.lemma_.lower() in lex.harm_cues), None)
            if w or h:
                cued.append(s)
            weapon = weapon or w
            harm = harm if harm is not None else h
        if weapon is None or harm is None:
            continue
        evidence = _trimmed(doc, cued[0].start, cued[-1].end)
        who = []
        for m in doc.mentions:
            if (m.entity and not m.cited and evidence.start <= m.start < evidence.end
                    and frame.index.entity_type.get(m.entity) == "person" and m.entity not in who):
                who.append(m.entity)
        when = inferred(doc, harm.idx, frame.anchors, scene_start=a)
        names = [n for n in (_name(doc, k) for k in who[:1]) if n]
        summary = f"{names[0]} is attacked with {_article(weapon)}" if names else f"An attack with {_article(weapon)}"
        trigger = Span(harm.idx, harm.idx + len(harm), harm.text)
        out.append(LocalEvent(key="", kind="attack", summary=summary, evidence=evidence, trigger=trigger,
                              when=when, who=who, where=None, confidence=0.5))
    return out


def _fold_meetings_into_attacks(doc: Doc, frame: _DocFrame, events: list[LocalEvent]) -> list[LocalEvent]:
    """An assailant who "found him in the library" and stabbed him a moment later: the
    meeting is how the attack began, one happening (told apart, other sources that
    tell only the attack would not find it). The meeting must share a participant with
    the attack and lie in the same paragraph, in the same or the preceding sentence."""
    out: list[LocalEvent] = []
    k = 0
    while k < len(events):
        ev = events[k]
        nxt = events[k + 1] if k + 1 < len(events) else None
        if ev.kind == "meeting" and nxt is not None and nxt.kind == "attack" \
                and set(ev.who) & set(nxt.who) and _adjacent(doc, frame, ev.evidence, nxt.evidence):
            a, b = min(ev.evidence.start, nxt.evidence.start), max(ev.evidence.end, nxt.evidence.end)
            own = nxt.when is not None and nxt.when.basis != "inferred"
            out.append(replace(nxt, evidence=Span(a, b, doc.text[a:b]),
                               when=nxt.when if own or ev.when is None else ev.when,
                               who=nxt.who + [w for w in ev.who if w not in nxt.who],
                               where=nxt.where or ev.where, confidence=max(ev.confidence, nxt.confidence)))
            k += 2
            continue
        out.append(ev)
        k += 1
    return out


def _adjacent(doc: Doc, frame: _DocFrame, first: Span, second: Span) -> bool:
    para = lambda o: next((i for i, (a, b) in enumerate(frame.paragraphs) if a <= o < b), -1)  # noqa: E731
    if para(first.start) != para(second.start):
        return False
    between = [s for s in doc.sentences if first.end <= s.start and s.end <= second.start and s.kind == "body"]
    return not between


def _lifespan_events(doc: Doc, frame: _DocFrame, life: Lifespan, events: list[LocalEvent]) -> list[LocalEvent]:
    """The lead's lifespan dates the person's birth and death (their own clause's date
    wins); a birth or death the text does not tell otherwise is made from it."""
    person = life.person or frame.main_person
    if person is None:
        return events
    out = list(events)
    for kind, when, span, verb in (("birth", life.born, life.born_span, "is born"),
                                   ("death", life.died, life.died_span, "dies")):
        mine = [k for k, e in enumerate(out) if e.kind == kind and person in e.who]
        for k in mine:
            if out[k].when is None or out[k].when.basis == "inferred":
                out[k] = replace(out[k], when=replace(when, basis="inferred", anchor=when.edtf))
        if not mine:
            name = _name(doc, person) or "The main person"
            out.append(LocalEvent(key="", kind=kind, summary=f"{name} {verb}", evidence=span, trigger=None,
                                  when=when, who=[person], where=None, confidence=0.6))
    out.sort(key=lambda e: (e.evidence.start, e.evidence.end))
    return out


def _article(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _view(doc: Doc, sent, frame: _DocFrame, again: dict[int, tuple[int, object]]) -> SentView | None:
    if sent.start in again:
        shift, span = again[sent.start]
        return sentence_view(doc, span, shift, frame.index)
    span = doc.spacy.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return sentence_view(doc, span, 0, frame.index)


def _sentence_events(doc: Doc, sent, view: SentView, lex: Lexicon, frame: _DocFrame,
                     where_now: _Whereabouts) -> list[LocalEvent]:
    span = view.span
    timexes = doc.timexes_in(sent.start, sent.end)

    def has_date(tok) -> bool:
        sub = list(tok.subtree)
        a, b = view.offset(sub[0]), view.end_offset(sub[-1])
        return any(a <= t.start and t.end <= b for t in timexes if t.edtf)

    named = frozenset(i for i, k in view.token_entity.items()
                      if frame.index.entity_type.get(k) in ("person", "organization", "group", "work"))
    triggers = find_triggers(span, lex, set(view.place_tokens), named)
    if not triggers:
        return []
    happenings = group(span, triggers, lex, has_date)
    kept = [h for h in happenings if not (h.negated or h.hypothetical)]
    unreal = frozenset(t.i for h in happenings if h.negated or h.hypothetical for t in span.doc[h.anchor].subtree)
    has_verb_event = any(not h.standalone_noun for h in kept)
    kept = [h for h in kept if _noun_stands(h, view, lex, has_date, has_verb_event, timexes)]
    # a happening named only to pick out a spot: what the sentence tells is something
    # else (a plaque put up, a site marked), dated by its own clause
    backref = {id(h) for h in kept if _back_reference(span.doc[h.anchor], view, timexes)}
    if not kept:
        return []
    assign_clauses(span, kept)
    ranges = _evidence_ranges(span, kept)
    out: list[tuple[LocalEvent, bool]] = []
    places = {i for i, k in view.root_entity.items() if frame.index.entity_type.get(k) == "place"}
    told: list[tuple[Happening, LocalEvent, bool]] = []
    for h, (a, b) in zip(kept, ranges):
        others = frozenset(i for g in kept if g is not h for i in g.owned)
        legs = journey_legs(span, h.anchor, a, b, places) if h.kind in MERGE_KINDS else [(a, b)]
        for la, lb in legs:
            la, lb = _trim_edges(span.doc, la, lb) if len(legs) > 1 else (la, lb)
            ev, placed = _event(doc, sent, view, h, la, lb, lex, frame, where_now, timexes, unreal | others)
            told.append((h, replace(ev, kind="other") if id(h) in backref else ev, placed))
    out = _share_adjuncts(span.doc, told)
    return _merge_legs(doc, out)


def _share_adjuncts(sdoc, told: list[tuple[Happening, LocalEvent, bool]]) -> list[tuple[LocalEvent, bool]]:
    """Verbs coordinated with nothing after the first ("were arrested and tried in
    Lisbon in 1755"): the place and date at the end belong to both."""
    out = [(ev, placed) for _, ev, placed in told]
    for k in range(len(told) - 1):
        h, ev, placed = told[k]
        g, nxt, nxt_placed = told[k + 1]
        first, second = sdoc[h.anchor], sdoc[g.anchor]
        if second.dep_ != "conj" or second.head.i != first.i or g is h:
            continue
        if any(c.i > first.i and c.dep_ not in ("cc", "conj", "punct") for c in first.children):
            continue  # the first verb has adjuncts of its own
        if not placed and nxt_placed:
            ev = replace(ev, where=nxt.where)
            placed = True
        if nxt.when is not None and nxt.when.basis == "explicit" and (ev.when is None or ev.when.basis != "explicit"):
            ev = replace(ev, when=nxt.when)
        out[k] = (ev, placed)
    return out


def _back_reference(anchor, view: SentView, timexes) -> bool:
    """A happening named only to pick out a thing or a spot ("as of 1950 a plaque
    marks the corner where the duke was shot", "the site on which she stood to
    speak"): a restrictive relative clause on a common noun, or a "where"-clause
    under a verb, while the sentence's own date belongs to its main clause."""
    clause = next((c for c in [anchor, *anchor.ancestors] if _identifying_clause(c)), None)
    if clause is None:
        return False
    inside = {view.offset(t) for t in clause.subtree}
    lo, hi = min(inside), max(view.end_offset(t) for t in clause.subtree)
    dated_outside = [x for x in timexes if x.type == "DATE" and not (lo <= x.start < hi)]
    dated_inside = [x for x in timexes if lo <= x.start < hi]
    return bool(dated_outside) and not dated_inside


def _identifying_clause(tok) -> bool:
    if tok.dep_ == "relcl":
        return tok.head.pos_ == "NOUN" and not any(c.lower_ == "," for c in tok.head.rights if c.i < tok.i)
    return tok.dep_ in ("ccomp", "pcomp") and any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children)


def _departs(doc: Doc, ev: LocalEvent) -> bool:
    tail = doc.text[ev.trigger.end:ev.trigger.end + 24].split()
    return bool(tail) and tail[0].strip(",.;") in DEPARTURE_PARTICLES


def _merge_legs(doc: Doc, events: list[tuple[LocalEvent, bool]]) -> list[LocalEvent]:
    """Two clauses of one sentence that tell one journey ("they took her away; she went
    to Vienna"): a departure with no place or date of its own ("took away", "set off")
    joins the clause that says where it led."""
    out: list[LocalEvent] = []
    k = 0
    while k < len(events):
        ev, placed = events[k]
        if k + 1 < len(events):
            nxt, nxt_placed = events[k + 1]
            if (ev.kind == nxt.kind and ev.kind in MERGE_KINDS and not placed and nxt_placed
                    and ev.trigger is not None and _departs(doc, ev)
                    and (ev.when is None or ev.when.basis == "inferred")
                    and ev.evidence.end <= nxt.evidence.start):
                a, b = ev.evidence.start, nxt.evidence.end
                who = ev.who + [w for w in nxt.who if w not in ev.who]
                out.append(LocalEvent(key="", kind=ev.kind, summary=nxt.summary if nxt.who else ev.summary,
                                      evidence=Span(a, b, doc.text[a:b]), trigger=ev.trigger,
                                      when=nxt.when, who=who, where=nxt.where,
                                      confidence=max(ev.confidence, nxt.confidence)))
                k += 2
                continue
        out.append(ev)
        k += 1
    return out


def _noun_stands(h: Happening, view: SentView, lex: Lexicon, has_date, has_verb_event: bool, timexes) -> bool:
    """Does a noun trigger with no verb of its own make an event?"""
    if not h.standalone_noun:
        return True
    tok = view.doc[h.anchor]
    if any(c.dep_ == "det" and c.lower_ in lex.anaphoric_determiners for c in tok.children):
        return False
    if named_reference(tok, lex) and not h.main.rule.weak:
        return True
    if has_date(tok):
        return True
    if _occurs(tok, lex):
        return True  # "the siege happened late that autumn", "the hearings began"
    if has_verb_event:
        return False
    strong = any(not t.rule.weak for t in h.triggers)
    placed = has_place_child(tok, set(view.place_tokens))
    # "after Lenin's death", "at his trial": a possessor says whose happening it was
    return placed or (strong and (bool(timexes) or _possessed(tok, lex)))


def _occurs(tok, lex: Lexicon) -> bool:
    """The subject of a verb that only says a happening took place."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB" and \
        tok.head.lemma_.lower() in lex.occurrence_verbs


def _possessed(tok, lex: Lexicon) -> bool:
    """Not a time reference ("after his death" dates another clause by a happening
    told elsewhere)."""
    if tok.dep_ == "pobj" and tok.head.lower_ in lex.reference_preps:
        return False
    return any(c.dep_ == "poss" for c in tok.children)


def _evidence_ranges(span, kept: list[Happening]) -> list[tuple[int, int]]:
    """Token ranges [a, b) of each happening's clause (the whole sentence if alone)."""
    lo, hi = span.start, span.end
    if len(kept) == 1:
        # a semicolon parts two sentences in one: keep the happening's side
        anchor = kept[0].anchor
        semis = [t.i for t in span if t.text == ";"]
        a = max((i + 1 for i in semis if i < anchor), default=lo)
        b = min((i for i in semis if i > anchor), default=hi)
        return [(lo, hi)] if (a, b) == (lo, hi) else [_trim_edges(span.doc, a, b)]
    owner: dict[int, Happening] = {}
    for h in kept:
        for i in h.owned:
            owner[i] = h
    runs = []
    for h in kept:
        a = b = h.anchor
        while a - 1 >= lo and owner.get(a - 1) in (h, None):
            a -= 1
        while b + 1 < hi and owner.get(b + 1) in (h, None):
            b += 1
        runs.append([a, b + 1])
    order = sorted(range(len(kept)), key=lambda k: runs[k][0])
    for x, y in zip(order, order[1:]):
        if runs[x][1] > runs[y][0]:
            last_owned = max((i for i in kept[x].owned if i < runs[y][1]), default=runs[x][0])
            runs[y][0] = max(runs[y][0], min(last_owned + 1, kept[y].anchor))
            runs[x][1] = min(runs[x][1], runs[y][0])
    # a clause that resumes after a happening nested in it ("remained there until his
    # death in 1821, devoting himself to his memoirs") keeps its tail
    for k, h in enumerate(kept):
        # (the closing full stop hangs on the main verb: it makes no tail)
        tail = max((i for i in h.owned if not span.doc[i].is_punct), default=runs[k][1] - 1)
        if tail >= runs[k][1] and all(
                g is h or _descends(span.doc[g.anchor], h.anchor) for i in range(runs[k][1], tail + 1)
                if (g := owner.get(i)) is not None):
            runs[k][1] = tail + 1
    return [_trim_edges(span.doc, a, b) for a, b in runs]


def _trim_edges(doc, a: int, b: int) -> tuple[int, int]:
    """Drop joining words and punctuation at a clause's edges ("..., and")."""
    while a < b - 1 and (doc[a].dep_ in EDGE_DEPS and doc[a].lower_ in EDGE_WORDS or doc[a].is_punct):
        a += 1
    while b - 1 > a and (doc[b - 1].lower_ in EDGE_WORDS or doc[b - 1].is_punct and doc[b - 1].text not in ").»”'\""
                         or _dangling(doc[b - 1], a, b)):
        b -= 1
    return a, b


def _dangling(tok, a: int, b: int) -> bool:
    """A preposition or subordinator whose phrase lies outside the clause ("Norway,
    before" | "finally settling in ...")."""
    return tok.dep_ in ("prep", "mark") and tok.pos_ in ("ADP", "SCONJ") and not any(
        a <= c.i < b for c in tok.children)


def _descends(tok, ancestor: int) -> bool:
    for a in tok.ancestors:
        if a.i == ancestor:
            return True
    return False


def _char_span(doc: Doc, view: SentView, a: int, b: int) -> Span:
    sdoc = view.doc
    return _trimmed(doc, view.offset(sdoc[a]), view.end_offset(sdoc[b - 1]))


def _event(doc: Doc, sent, view: SentView, h: Happening, a: int, b: int, lex: Lexicon,
           frame: _DocFrame, where_now: _Whereabouts, timexes,
           skip: frozenset[int]) -> tuple[LocalEvent, bool]:
    """``skip``: tokens that belong to other happenings or to what did not happen."""
    span = view.span
    sdoc = span.doc
    anchor = sdoc[h.anchor]
    if a == span.start and b == span.end:
        evidence = Span(sent.start, sent.end, doc.text[sent.start:sent.end])
        evidence = _trimmed(doc, evidence.start, evidence.end)
    else:
        evidence = _char_span(doc, view, a, b)
    trig_tok = sdoc[h.main.i]
    trigger = Span(view.offset(trig_tok), view.end_offset(trig_tok), trig_tok.text)

    who = participants(h, view, frame.index)
    pick = place(h, view, a, b, frame.index, lex, skip)
    where, prep = _finer(doc, pick.key, pick.seen), pick.prep
    if where is None:
        where = _named_in(doc, trigger, frame)
    there = any(c.lower_ in ("there", "here") and c.dep_ == "advmod" for c in anchor.children)
    if there and where_now.last_place and pick.prep is None:
        where = None  # "There she stayed for a decade before moving on": the place told before
    explicit_place = where is not None
    if where is None:
        where = _carried_place(anchor, who, where_now, frame, doc, sent)
        prep = None
    if h.kind in WHEREABOUTS_KINDS and not _attempted(anchor, lex):
        where_now.note(who, pick.seen or ([where] if where and not explicit_place and where != frame.country else []))
    elif (opening := _opening_place(view)) is not None and opening in pick.seen:
        where_now.note(who, [opening])  # "In Lisbon, Vasek volunteered ...": he was in Lisbon

    skipped = {view.offset(sdoc[i]) for i in skip}
    in_clause = [t for t in timexes if evidence.start <= t.start and t.end <= evidence.end
                 and not any(t.start <= o < t.end for o in skipped)]
    when = from_timexes(in_clause, view.offset(anchor), doc)
    if when is not None and when.basis == "inferred":
        # the clause's own words date it ("that morning", "that afternoon"): resolved
        # against the story's date, but said by the text
        when = replace(when, basis="relative")
    if when is None:
        clause = evidence.text.lower()
        near = any(c in clause for c in lex.near_cues)
        k = next((i for i, (a, b) in enumerate(frame.paragraphs) if a <= sent.start < b), None)
        by_hour = k in frame.clocked
        passed = _passage(_words(clause), lex, clocked=by_hour)
        para = None if passed or k is None else frame.scene_of.get(k, frame.paragraphs[k][0])
        # "shortly after" keeps the day only in a scene told by the hour
        when = inferred(doc, view.offset(anchor), frame.anchors, near=near, scene_start=para,
                        same_day=by_hour and same_day(clause),
                        paragraph_start=None if k is None else frame.paragraphs[k][0])
        on_the_day = by_hour and para is not None and when is not None and bool(_DAY_EDTF.match(when.edtf or ""))
        if when is not None and not near and not on_the_day and _open_later(clause, lex):
            when = open_after(when)
        until = _until_date(view, anchor, timexes, lex) if h.kind in SPAN_KINDS else None
        if when is not None and until is not None:
            when = span_until(when, until) or when
        dur = duration_of(anchor) if until is None else None
        if when is not None and dur is None and h.kind in ARRIVAL_KINDS:
            when = _period_opening(doc, sent, view.offset(anchor), when, frame)
        if when is not None and dur is not None:
            # "remained there for four years": from the story's date, that long
            when = lasting(when, dur) or when

    names = [_name(doc, k) for k in who]
    place_name = _name(doc, where) if where else None
    by_noun = h.standalone_noun or (h.main.rule.pos == "noun" and anchor.lemma_.lower() in lex.occurrence_verbs)
    head = sdoc[h.main.i] if by_noun else anchor
    r = roles(h, view, frame.index)
    summary = summarise(head, [n for n in names if n], place_name, prep, by_noun,
                        agents=[_name(doc, k) for k in r.agents], patients=[_name(doc, k) for k in r.patients],
                        subject_words=r.subject_words, plural=r.plural, passive=r.passive)

    aimed = targets(h, view, frame.index, r, _harm_lemmas(lex))
    who = who + [k for k in aimed if k not in who]  # the targets are among the participants

    conf = 0.45 if h.standalone_noun else 0.6
    conf += 0.15 if when is not None and when.basis != "inferred" else 0.0
    conf += 0.1 if explicit_place else 0.0
    conf += 0.05 if who else 0.0
    return LocalEvent(key="", kind=h.kind, summary=summary, evidence=evidence, trigger=trigger,
                      when=when, who=who, where=where, confidence=round(min(conf, 0.95), 2),
                      targets=aimed), explicit_place


def _opening_place(view: SentView) -> str | None:
    """The place a sentence opens with ("In Lisbon, ..."), which sets its scene."""
    first = view.span[0]
    if first.dep_ != "prep" or first.lower_ not in ("in", "at"):
        return None
    return next((view.token_entity[t.i] for t in first.subtree if t.i in view.place_tokens), None)


def _period_opening(doc: Doc, sent, offset: int, when, frame: _DocFrame):
    """A move told in the first paragraph under a heading's period ("Turkey,
    1929-1933": "he was shipped to Turkey") happened as the period opened: its first
    year, not the whole period."""
    m = re.match(r"^(\d{4})/(\d{4})$", when.edtf or "")
    before = [(o, w) for o, w in frame.anchors if o <= offset]
    if not m or not before or before[-1][1].edtf != when.edtf:
        return when
    head = doc.sentence_at(before[-1][0])
    if head is None or head.kind != "heading":
        return when
    between = [a for a, _ in frame.paragraphs if head.end <= a <= sent.start]
    if len(between) > 1:
        return when
    y = m[1]
    return replace(when, edtf=y, earliest=f"{y}-01-01", latest=f"{y}-12-31")


def _harm_lemmas(lex: Lexicon) -> frozenset[str]:
    """Verbs that harm someone (the attack and death triggers): "killing X" names a target."""
    return frozenset(lemma for lemma, rules in lex.verbs.items() if any(r.kind in AIMED_KINDS for r in rules))


def _open_later(clause: str, lex: Lexicon) -> bool:
    """A bare "later" with no measure of how much ("two days later" is a time
    expression of its own, "years later" a passage of years)."""
    words = re.findall(r"[a-z]+", clause)
    return any(w in lex.open_cues and (i == 0 or words[i - 1] not in lex.passage_cues)
               for i, w in enumerate(words))


def _attempted(anchor, lex: Lexicon) -> bool:
    """Only tried ("She tried to reach Lisbon"): the person need not have got there."""
    return anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in lex.attempt_verbs


def _until_date(view: SentView, anchor, timexes, lex: Lexicon):
    """The date in the verb's own "until ..." phrase, if any."""
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ in ("until", "till"):
            sub = list(c.subtree)
            a, b = view.offset(sub[0]), view.end_offset(sub[-1])
            inside = [t for t in timexes if a <= t.start and t.end <= b and t.edtf]
            if inside:
                return inside[-1].when()
    return None


def _trimmed(doc: Doc, start: int, end: int) -> Span:
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


COARSE_FEATURES = {"country", "region", "state", "continent"}


def _finer(doc: Doc, key: str | None, seen: list[str]) -> str | None:
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


def _named_in(doc: Doc, trigger: Span, frame: _DocFrame) -> str | None:
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


def _carried_place(anchor, who: list[str], where_now: _Whereabouts, frame: _DocFrame,
                   doc: Doc, sent) -> str | None:
    """A clause that names no place happened where the story stands."""
    if any(c.lower_ in ("there", "here") and c.dep_ == "advmod" for c in anchor.children):
        if where_now.last_place:
            return where_now.last_place
    for w in who:
        if w in where_now.people:
            return where_now.people[w]
    if where_now.trail:
        return where_now.trail[0]
    if where_now.story_place or frame.country:
        return where_now.story_place or frame.country
    # no country the story is set in: where a participant was last told to be, in an
    # earlier paragraph ("moved to Strelsau" ... "In 1899, he was expelled from school")
    for w in who:
        if w in where_now.earlier:
            return where_now.earlier[w]
    return None


def _set_scene(doc: Doc, sent, lex: Lexicon, frame: _DocFrame, where_now: _Whereabouts) -> None:
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


def _name(doc: Doc, key: str | None) -> str | None:
    e = doc.entity(key) if key else None
    return e.name if e is not None else None


def _heading_residence(doc: Doc, sent, frame: _DocFrame) -> LocalEvent | None:
    places = [m for m in doc.mentions
              if m.entity and frame.index.entity_type.get(m.entity) == "place"
              and sent.start <= m.start and m.end <= sent.end]
    found = heading_place_period(doc, sent.start, sent.end, places)
    if found is None or frame.main_person is None:
        return None
    key, timex = found
    evidence = _trimmed(doc, sent.start, sent.end)
    person = _name(doc, frame.main_person) or "The main person"
    place_name = _name(doc, key) or doc.text[timex.start:timex.end]
    return LocalEvent(key="", kind="residence", summary=f"{person} lives in {place_name}",
                      evidence=evidence, trigger=None, when=timex.when(), who=[frame.main_person],
                      where=key, confidence=0.6)
