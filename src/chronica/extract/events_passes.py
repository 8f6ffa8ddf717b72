"""Passes over a document's events once its sentences are read: references dropped,
blows a staged scene shows, a meeting folded into the attack it began, and the
birth and death a biography's lead dates."""
from __future__ import annotations

from dataclasses import replace

from ..doc import Doc
from ..model import LocalEvent, Span, When
from .events_clauses import trimmed_span
from .events_frame import DocFrame, entity_name
from .events_lexicon import Lexicon
from .events_lifespan import Lifespan
from .events_scenes import staged_paragraphs
from .events_triggers import named_reference
from .events_when import inferred, up_to, within


def drop_told_references(doc: Doc, lex: Lexicon, events: list[LocalEvent]) -> list[LocalEvent]:
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


def staged_blows(doc: Doc, lex: Lexicon, frame: DocFrame, events: list[LocalEvent]) -> list[LocalEvent]:
    """The attack a scene told in the present shows: a paragraph with a weapon and a
    harm cue ("a hot ache spreads through her shoulder ... has drawn a thin
    dagger") and no attack event of its own."""
    out = []
    for a, b in staged_paragraphs(doc, lex, cues_needed=False):
        if any(e.kind == "attack" and a <= e.evidence.start < b for e in events):
            continue
        sents = [s for s in doc.sentences if a <= s.start < b and s.kind == "body"]
        weapon, harm, cued = _weapon_and_harm(doc, lex, sents)
        if weapon is None or harm is None:
            continue
        evidence = trimmed_span(doc, cued[0].start, cued[-1].end)
        who = []
        for m in doc.mentions:
            if (m.entity and not m.cited and evidence.start <= m.start < evidence.end
                    and frame.index.entity_type.get(m.entity) == "person" and m.entity not in who):
                who.append(m.entity)
        when = inferred(doc, harm.idx, frame.anchors, scene_start=a)
        names = [n for n in (entity_name(doc, k) for k in who[:1]) if n]
        summary = f"{names[0]} is attacked with {_article(weapon)}" if names else f"An attack with {_article(weapon)}"
        trigger = Span(harm.idx, harm.idx + len(harm), harm.text)
        out.append(LocalEvent(key="", kind="attack", summary=summary, evidence=evidence, trigger=trigger,
                              when=when, who=who, where=None, confidence=0.5))
    return out


def _weapon_and_harm(doc: Doc, lex: Lexicon, sents: list) -> tuple[str | None, object, list]:
    """The first weapon and the first harm cue told in these sentences, and the
    sentences that tell either."""
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
    return weapon, harm, cued


def fold_meetings_into_attacks(doc: Doc, frame: DocFrame, events: list[LocalEvent]) -> list[LocalEvent]:
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


def _adjacent(doc: Doc, frame: DocFrame, first: Span, second: Span) -> bool:
    para = lambda o: next((i for i, (a, b) in enumerate(frame.paragraphs) if a <= o < b), -1)  # noqa: E731
    if para(first.start) != para(second.start):
        return False
    between = [s for s in doc.sentences if first.end <= s.start and s.end <= second.start and s.kind == "body"]
    return not between


def lifespan_events(doc: Doc, frame: DocFrame, life: Lifespan, events: list[LocalEvent]) -> list[LocalEvent]:
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
            own = out[k].when
            # "was freed in June 1788" after a lead's "14 June 1788": the clause's
            # own coarser date holds the lead's day, which says more and agrees with it
            if own is None or own.basis == "inferred" or narrower(when, own):
                out[k] = replace(out[k], when=replace(when, basis="inferred", anchor=when.edtf))
        if not mine:
            name = entity_name(doc, person) or "The main person"
            out.append(LocalEvent(key="", kind=kind, summary=f"{name} {verb}", evidence=span, trigger=None,
                                  when=when, who=[person], where=None, confidence=0.6))
    out.sort(key=lambda e: (e.evidence.start, e.evidence.end))
    return out


def narrower(inner: When, outer: When) -> bool:
    """``inner`` lies inside ``outer`` and says more (tighter bounds)."""
    return within(inner, outer) and (inner.earliest, inner.latest) != (outer.earliest, outer.latest)


def _article(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def undated_births(events: list[LocalEvent]) -> list[LocalEvent]:
    """A birth the text tells without a date ("Born in a mill by the river, she ...") is not on
    the story's current date (which is the grown man's): it was on or before it."""
    out = []
    for ev in events:
        if ev.kind == "birth" and ev.when is not None and ev.when.basis == "inferred" and ev.when.earliest:
            ev = replace(ev, when=up_to(ev.when))
        out.append(ev)
    return out
