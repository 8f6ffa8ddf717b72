"""The ``extract_events`` component: one ``LocalEvent`` per happening a text tells.

For every body sentence: find trigger words (lang/en/events/triggers.yaml), group them
into happenings (events_triggers), drop what did not happen (negated, modal,
intended, dramatised), then read each happening's clause for its participants and
place (events_roles) and its date (events_when). Section headings that are just a
place and a period ("Turkey, 1929-1933") become residences of the document's main
person.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..doc import Doc
from ..model import LocalEvent, Span, When
from ..components import Context, component
from ..nlp.reparse import reparse_glued
from ..resources import load
from .events_clauses import clause_ranges, clause_span, trim_edges, trimmed_span
from .events_frame import DAY_EDTF, DocFrame, Whereabouts, doc_frame, entity_name, tells_passage, words_of
from .events_index import SentView, sentence_view
from .events_journeys import journey_legs
from .events_lexicon import Lexicon, load_lexicon
from .events_passes import (
    drop_told_references, fold_meetings_into_attacks, lifespan_events, staged_blows, undated_births,
)
from .events_roles import AIMED_KINDS, Roles, participants, place, role_map, roles, targets
from .events_scenes import in_any
from .events_summary import summarise
from .events_triggers import (
    Happening, assign_clauses, find_triggers, group, has_place_child, named_reference,
)
from .events_when import (
    duration_of, from_timexes, inferred, lasting, open_after, same_day, span_until, up_to, usable,
    year_of,
)
from .events_where import (
    carried_place, finer_place, finest_first, heading_residence, opening_place, place_in_name, set_scene,
    unnamed_destination, year_bound,
)

MERGE_KINDS = {"movement", "exile"}
SPAN_KINDS = {"residence", "exile", "illness"}
ARRIVAL_KINDS = {"movement", "exile"}  # a move that opens a period happens at its start  # happenings that last: "remained until ..."
_WORDS = load("events/clause_words.yaml")
DEPARTURE_PARTICLES = frozenset(_WORDS["departure_particles"])
PLACE_ADVERBS = frozenset(_WORDS["place_adverbs"])
UNTIL_PREPS = frozenset(_WORDS["until_preps"])
# happenings that tell where someone is (and so where the next untold-place clause is)
LASTING_KINDS = {"movement", "residence", "exile"}  # a place they stay at after the happening
WHEREABOUTS_KINDS = {"movement", "residence", "exile", "arrest", "meeting", "death", "illness", "personal"}  # not a birth: a birthplace is not the place of all that follows


@component("extract_events", requires=("spacy", "reparsed", "sentences", "timexes", "narrative_time",
                                       "mentions", "entities"), assigns=("events",))
def extract_events(doc: Doc, ctx: Context) -> None:
    lex = ctx.resource("events.lexicon", load_lexicon)
    doc.events = find_events(doc, lex)  # the re-parsed sentences: by the ``reparse`` component


# ------------------------------------------------------------------ main --

def find_events(doc: Doc, lex: Lexicon, nlp=None) -> list[LocalEvent]:
    """Events of ``doc``, reading ``doc.reparsed`` for sentences whose parse in the whole
    text ran across their boundary; given ``nlp`` (the spaCy pipeline), those are
    re-parsed here instead (for callers outside the pipeline)."""
    if doc.spacy is None:
        return []
    frame = doc_frame(doc, lex)
    again = reparse_glued(doc, nlp) if nlp is not None else doc.reparsed
    where_now = Whereabouts()
    events: list[LocalEvent] = []
    for sent in doc.sentences:
        if sent.kind in ("heading", "body"):
            set_scene(doc, sent, lex, frame, where_now)
        if sent.kind == "heading":
            ev = heading_residence(doc, sent, frame)
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
    events = drop_told_references(doc, lex, events)
    events.extend(staged_blows(doc, lex, frame, events))
    events.sort(key=lambda e: (e.evidence.start, e.evidence.end))
    events = fold_meetings_into_attacks(doc, frame, events)
    events = undated_births(events)
    if frame.life is not None:  # the lead's lifespan dates the birth and death it tells
        events = lifespan_events(doc, frame, frame.life, events)
    for i, ev in enumerate(events):
        ev.key = f"v{i}"
    return events


def _view(doc: Doc, sent, frame: DocFrame, again: dict[int, tuple[int, object]]) -> SentView | None:
    if sent.start in again:
        shift, span = again[sent.start]
        return sentence_view(doc, span, shift, frame.index)
    span = doc.spacy.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return sentence_view(doc, span, 0, frame.index)


def _sentence_events(doc: Doc, sent, view: SentView, lex: Lexicon, frame: DocFrame,
                     where_now: Whereabouts) -> list[LocalEvent]:
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
    ranges = clause_ranges(span, kept)
    out: list[tuple[LocalEvent, bool]] = []
    places = {i for i, k in view.root_entity.items() if frame.index.entity_type.get(k) == "place"}
    told: list[tuple[Happening, LocalEvent, bool]] = []
    for h, (a, b) in zip(kept, ranges):
        others = frozenset(i for g in kept if g is not h for i in g.owned)
        legs = journey_legs(span, h.anchor, a, b, places) if h.kind in MERGE_KINDS else [(a, b)]
        for la, lb in legs:
            la, lb = trim_edges(span.doc, la, lb) if len(legs) > 1 else (la, lb)
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
    """The subject of a verb that only says a happening took place ("the siege began"),
    or the noun of "the work of destruction began"; an inverted one ("then began the
    work of destruction") is parsed as an object with no subject."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head
    verb = tok.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.occurrence_verbs:
        return False
    inverted = tok.dep_ == "dobj" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    return tok.dep_ in ("nsubj", "nsubjpass") or inverted


def _possessed(tok, lex: Lexicon) -> bool:
    """Not a time reference ("after his death" dates another clause by a happening
    told elsewhere)."""
    if tok.dep_ == "pobj" and tok.head.lower_ in lex.reference_preps:
        return False
    return any(c.dep_ == "poss" for c in tok.children)


def _event(doc: Doc, sent, view: SentView, h: Happening, a: int, b: int, lex: Lexicon,
           frame: DocFrame, where_now: Whereabouts, timexes,
           skip: frozenset[int]) -> tuple[LocalEvent, bool]:
    """``skip``: tokens that belong to other happenings or to what did not happen."""
    span = view.span
    sdoc = span.doc
    if a == span.start and b == span.end:
        evidence = Span(sent.start, sent.end, doc.text[sent.start:sent.end])
        evidence = trimmed_span(doc, evidence.start, evidence.end)
    else:
        evidence = clause_span(doc, view, a, b)
    trig_tok = sdoc[h.main.i]
    trigger = Span(view.offset(trig_tok), view.end_offset(trig_tok), trig_tok.text)

    who = participants(h, view, frame.index)
    when = _event_when(doc, sent, view, h, evidence, lex, frame, timexes, skip)
    where, prep, explicit_place = _event_place(doc, sent, view, h, a, b, lex, frame, where_now, skip,
                                               trigger, who, when)
    summary, aimed, r = _summary_and_targets(doc, view, h, lex, frame, who, where, prep)
    who = who + [k for k in aimed if k not in who]  # the targets are among the participants

    conf = 0.45 if h.standalone_noun else 0.6
    conf += 0.15 if when is not None and when.basis != "inferred" else 0.0
    conf += 0.1 if explicit_place else 0.0
    conf += 0.05 if who else 0.0
    return LocalEvent(key="", kind=h.kind, summary=summary, evidence=evidence, trigger=trigger,
                      when=when, who=who, where=where, confidence=round(min(conf, 0.95), 2),
                      targets=aimed, roles=role_map(h, view, r, who, aimed)), explicit_place


def _event_place(doc: Doc, sent, view: SentView, h: Happening, a: int, b: int, lex: Lexicon,
                 frame: DocFrame, where_now: Whereabouts, skip: frozenset[int], trigger: Span,
                 who: list[str], when: When | None) -> tuple[str | None, str | None, bool]:
    """Where the happening took place (its clause's place, else where the story stands),
    the preposition that placed it, and whether the clause named the place; notes where
    its people now are."""
    anchor = view.span.doc[h.anchor]
    pick = place(h, view, a, b, frame.index, lex, skip)
    where, prep = finer_place(doc, pick.key, pick.seen), pick.prep
    if where is None:
        where = place_in_name(doc, trigger, frame)
    there = any(c.lower_ in PLACE_ADVERBS and c.dep_ == "advmod" for c in anchor.children)
    if there and where_now.last_place and pick.prep is None:
        where = None  # "There she stayed for a decade before moving on": the place told before
    explicit_place = where is not None
    if where is None and unnamed_destination(anchor, view):
        where_now.leave(who)  # "carried down the lane to an inn": a place not named
    elif where is None:
        dated_from = year_bound(when.earliest) if when is not None and when.basis == "explicit" else None
        where = carried_place(anchor, who, where_now, frame, doc, sent, dated_from)
        prep = None
    # a move or a stay lasts ("moved to Tarnow in 1881 ... in 1885 she left the convent
    # school"); being at a battle or a meeting holds only for its year
    until = year_bound(when.latest) if when is not None and h.kind not in LASTING_KINDS else None
    if h.kind in WHEREABOUTS_KINDS and not _attempted(anchor, lex):
        where_now.note(who, finest_first(doc, pick.seen) or (
            [where] if where and not explicit_place and where != frame.country else []), until)
    elif (opening := opening_place(view)) is not None and opening in pick.seen:
        where_now.note(who, [opening], until)  # "In Genoa, Maren enlisted ...": she was in Genoa
    return where, prep, explicit_place


def _event_when(doc: Doc, sent, view: SentView, h: Happening, evidence: Span, lex: Lexicon,
                frame: DocFrame, timexes, skip: frozenset[int]):
    """The happening's date: a time expression in its own clause, else the story's date
    where it is told (narrowed by "until ...", "for four years", a period's opening)."""
    anchor = view.span.doc[h.anchor]
    skipped = {view.offset(view.span.doc[i]) for i in skip}
    in_clause = [t for t in timexes if evidence.start <= t.start and t.end <= evidence.end
                 and not any(t.start <= o < t.end for o in skipped)]
    until = _bare_until(view, anchor, in_clause)
    if until is not None:
        # "held captive in the fortress until 1405": the date ends the happening, which
        # began at the story's date: the span between them (or up to it, if that is later)
        since = _inferred_when(doc, sent, view, h, anchor, evidence, lex, frame, timexes)
        if since is not None and re.fullmatch(r"-?\d{4}", until.edtf or ""):
            since = year_of(since)  # a span told to the year at its end starts at a year too
        return (since and span_until(since, until)) or up_to(until)
    when = from_timexes(in_clause, view.offset(anchor), doc)
    if when is not None and when.basis == "inferred":
        # the clause's own words date it ("that morning", "that afternoon"): resolved
        # against the story's date, but said by the text
        when = replace(when, basis="relative")
    if when is None:
        when = _inferred_when(doc, sent, view, h, anchor, evidence, lex, frame, timexes)
    after = _measured_back(anchor, lex)
    if when is not None and after is not None and not _dated_inside(anchor, after, view, in_clause):
        when = up_to(when)  # "twelve years after X": X is that long before the date given
    return when


def _measured_back(verb, lex: Lexicon):
    """The "after" a clause is measured back by from the sentence's date ("(twelve years |
    long) after X"), or None."""
    after = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in lex.earlier_marks), None)
    if after is None and verb.dep_ == "pcomp" and verb.head.lower_ in lex.earlier_marks:
        after = verb.head  # parsed as a preposition over the clause
    if after is None or not any(c.dep_ in ("npadvmod", "advmod") and c.lemma_.lower() in lex.earlier_measures
                                for c in [*verb.children, *after.children]):
        return None
    return after


def _dated_inside(verb, after, view: SentView, timexes) -> bool:
    """A date written inside the clause itself ("two years after he married in 1850"). A
    time expression over the "after" ("twelve years after the exile", resolved from it)
    dates the other clause, not this one."""
    lo, hi = view.offset(verb.left_edge), view.end_offset(verb.right_edge)
    at = view.offset(after)
    return any(lo <= t.start and t.end <= hi and not t.start <= at < t.end for t in timexes)


def _inferred_when(doc: Doc, sent, view: SentView, h: Happening, anchor, evidence: Span, lex: Lexicon,
                   frame: DocFrame, timexes):
    """The date of a clause that gives none: the story's date at that point of the text."""
    clause = evidence.text.lower()
    near = any(c in clause for c in lex.near_cues)
    k = next((i for i, (a, b) in enumerate(frame.paragraphs) if a <= sent.start < b), None)
    by_hour = k in frame.clocked
    passed = tells_passage(words_of(clause), lex, clocked=by_hour)
    para = None if passed or k is None else frame.scene_of.get(k, frame.paragraphs[k][0])
    # "shortly after" keeps the day only in a scene told by the hour
    when = inferred(doc, view.offset(anchor), frame.anchors, near=near, scene_start=para,
                    same_day=by_hour and same_day(clause),
                    paragraph_start=None if k is None else frame.paragraphs[k][0])
    on_the_day = by_hour and para is not None and when is not None and bool(DAY_EDTF.match(when.edtf or ""))
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
    return when


def _summary_and_targets(doc: Doc, view: SentView, h: Happening, lex: Lexicon, frame: DocFrame,
                         who: list[str], where: str | None, prep: str | None) -> tuple[str, list[str], Roles]:
    """The event's one-line summary, the people its harm is aimed at, and who did what."""
    sdoc = view.span.doc
    anchor = sdoc[h.anchor]
    names = [entity_name(doc, k) for k in who]
    place_name = entity_name(doc, where) if where else None
    by_noun = h.standalone_noun or (h.main.rule.pos == "noun" and anchor.lemma_.lower() in lex.occurrence_verbs)
    head = sdoc[h.main.i] if by_noun else anchor
    r = roles(h, view, frame.index)
    summary = summarise(head, [n for n in names if n], place_name, prep, by_noun,
                        agents=[entity_name(doc, k) for k in r.agents], patients=[entity_name(doc, k) for k in r.patients],
                        subject_words=r.subject_words, plural=r.plural, passive=r.passive)
    return summary, targets(h, view, frame.index, r, _harm_lemmas(lex)), r


def _period_opening(doc: Doc, sent, offset: int, when, frame: DocFrame):
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


_HARM: dict[int, tuple[Lexicon, frozenset[str]]] = {}  # id(lexicon) -> (it, its harm lemmas)


def _harm_lemmas(lex: Lexicon) -> frozenset[str]:
    """Verbs that harm someone (the attack and death triggers): "killing X" names a target.
    Worked out once per lexicon, not per event (the lexicon is not hashable: by id)."""
    hit = _HARM.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = _HARM[id(lex)] = (lex, frozenset(lemma for lemma, rules in lex.verbs.items()
                                               if any(r.kind in AIMED_KINDS for r in rules)))
    return hit[1]


def _open_later(clause: str, lex: Lexicon) -> bool:
    """A bare "later" with no measure of how much ("two days later" is a time
    expression of its own, "years later" a passage of years)."""
    words = re.findall(r"[a-z]+", clause)
    return any(w in lex.open_cues and (i == 0 or words[i - 1] not in lex.passage_cues)
               for i, w in enumerate(words))


def _attempted(anchor, lex: Lexicon) -> bool:
    """Only tried ("She tried to reach Lisbon"): the person need not have got there."""
    return anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in lex.attempt_verbs


def _bare_until(view: SentView, anchor, in_clause):
    """The date of the verb's own "until <date>" phrase when that is the clause's only
    date ("remained in Lisbon until 1821"; not "until his death in 1821", a happening
    of its own)."""
    dated = [t for t in in_clause if usable(t)]
    verbs = [anchor, *(v for v in anchor.children if v.dep_ == "conj" and v.pos_ in ("VERB", "AUX"))]
    for c in (c for v in verbs for c in v.children):  # "was captured and held there until 1405"
        if c.dep_ != "prep" or c.lower_ not in UNTIL_PREPS:
            continue
        sub = [t for t in c.subtree if t.i != c.i and not t.is_punct]
        inside = [t for t in dated if any(t.start <= view.offset(w) < t.end for w in sub)]
        if sub and inside and len(inside) == len(dated) and all(
                any(t.start <= view.offset(w) < t.end for t in inside) for w in sub):
            return inside[-1].when()
    return None


def _until_date(view: SentView, anchor, timexes, lex: Lexicon):
    """The date in the verb's own "until ..." phrase, if any."""
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ in UNTIL_PREPS:
            sub = list(c.subtree)
            a, b = view.offset(sub[0]), view.end_offset(sub[-1])
            inside = [t for t in timexes if a <= t.start and t.end <= b and t.edtf]
            if inside:
                return inside[-1].when()
    return None

