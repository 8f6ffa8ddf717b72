"""The list answers: "what happened (to X, at PLACE, in PERIOD)?" and "whatever happened
to X?".

A listed event must be about what was asked: every entity the question names takes part
in it (a person or group among its participants, a place as its place or a place inside
it), the first in the part the question asks (``roles``: "what did X do" X did it or a
passive clause tells of X; "what happened to X" anything but a bystander's), its date
fits the question's period, and a place named but not resolved ("at Velmora") is
written in its text. Each event is cited by a plain quote naming the
asked entity (by any of its names) when one does. A fate lists the last dated events of
the entity, one per happening (a happening told twice, or as several events on one day,
is listed once).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..resources import load
from ..time.edtf import parse_edtf_bounds
from .base import Base, date_label
from .events import best_events, in_period
from .lifespan import death_told
from .model import Answer, Cite, Question
from .parse import rules
from .roles import INVOLVED, plays, wanted
from .support import plain
from .same_name import another_of_the_name
from .verify import PARAGRAPH_REACH, anchor, iso_key, names_it
from .words import stem

MAX_LISTED = 8
_WORD = re.compile(r"[^\W\d_]+")
FATE_LISTED = 3
_DAY = re.compile(r"^-?\d{4}-\d{2}-\d{2}$")


def involves(base: Base, ev: dict, entity: str) -> bool:
    """Does the entity take part in the event: a place as its place (or one enclosing it),
    anything else among its participants?"""
    if base.type(entity) == "place":
        return entity in base.places_of(ev)
    return entity in ev.get("who", ())


def _forms(base: Base, entity: str) -> set[str]:
    ent = base.entities.get(entity, {})
    return {f.casefold() for f in [ent.get("name", "")] + list(ent.get("aliases", ())) if len(f) > 2}


def _quote(base: Base, ev: dict, entities: tuple[str, ...]) -> dict | None:
    """The event's plain quote that names the asked entities (the most of them), else its
    first plain one; None when none states the event of them (``_states``)."""
    spans = plain(ev.get("evidence", ()))
    if not spans:
        return None
    forms = [_forms(base, e) for e in entities]

    def named(s: dict) -> int:
        low = s.get("text", "").casefold()
        return sum(1 for fs in forms if any(f in low for f in fs))
    best = max(spans, key=named)
    return best if _states(base, best, entities) else None


def _states(base: Base, span: dict, entities: tuple[str, ...]) -> bool:
    """Does the quote tell the event of the asked people and groups: name each (by any
    name), or a pronoun the extraction took for them ("He was taken to ..."), or stand for
    them in a paragraph that names them before the quote? A bare date or a sentence about
    someone else does not. (A place is left to the event's place: a scene is often set
    paragraphs before.)"""
    text = span.get("text", "")
    pronoun = bool(_pronouns() & {w.casefold() for w in _WORD.findall(text)})
    for e in entities:
        if base.type(e) == "place":
            continue
        forms = _forms(base, e)  # its own names only: a person has no places inside
        if names_it(text, forms) or pronoun:
            continue
        if anchor(base, base.cite(span), lambda t: names_it(t, forms), PARAGRAPH_REACH, paragraph=True) is None:
            return False
    return True


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    words = load("events/clause_words.yaml")
    return frozenset(w for key in ("male_pronouns", "female_pronouns", "plural_pronouns") for w in words[key])


def _fits(base: Base, q: Question, ev: dict) -> bool:
    """The event involves every asked entity, the first in the part the question asks
    ("what did X do": X did it); its date and place words fit."""
    named = _listable(base, q)
    if not all(involves(base, ev, e) for e in named):
        return False
    if named and not plays(ev, named[0], wanted(q.part)):
        return False
    if another_of_the_name(base, q, ev):  # "his son-in-law Konrad" is not the brother asked about
        return False
    if not in_period(ev, q.period):
        return False
    have = base.stem_cache.get(ev["id"], set())
    return all(stem(w) in have for w in q.place_words)


def _listable(base: Base, q: Question) -> tuple[str, ...]:
    """The asked entities that take part in events (a painting named in a question is a word)."""
    return tuple(e for e in q.entities if base.by_entity.get(e) or base.type(e) == "person")


def _events_of(base: Base, q: Question) -> list[dict]:
    named = _listable(base, q)
    if not (q.period or named):
        return []
    pool = base.by_entity.get(named[0], ()) if named else base.events
    # the events in which the entity plays the asked part (or one the sources did not say):
    # "what did X do?" is not answered by what others did to X
    pool = [ev for ev in pool if _fits(base, q, ev)]
    if q.period:  # events dated within the period, before those that merely overlap it
        inside = [ev for ev in pool if q.period[0] <= (ev.get("when") or {}).get("earliest", "")
                  and (ev.get("when") or {}).get("latest", "~") <= q.period[1]]
        pool = inside or pool
    return pool


def listing(base: Base, q: Question, events: list[dict], intro: str) -> Answer:
    about = _listable(base, q)
    items, cites = [], []
    for ev in events:
        items.append({"event": ev["id"], "summary": ev.get("summary", ""), "when": (ev.get("when") or {}).get("edtf"),
                      "where": base.name(ev.get("where")) if ev.get("where") else None})
        span = _quote(base, ev, about)
        if span is not None:
            cites.append(_who_it_is(base, base.cite(span), about))
    lines = "; ".join(f"{date_label(i['when']) if i['when'] else 'undated'}: {i['summary']}" for i in items)
    return Answer(q, "answered", f"{intro} {lines}.", [i["when"] or "" for i in items], cites, items=items)


def _who_it_is(base: Base, cite: Cite, about: tuple[str, ...]) -> Cite:
    """A quote telling the happening with a pronoun ("He threw his knife down and rode
    away") widened back to the sentence of its paragraph that names the asked person
    ("Powell finally fled. He threw ..."): the evidence then says whose happening it is."""
    people = [e for e in about if base.type(e) != "place"]
    text = (base.texts or {}).get(cite.document)
    if not people or text is None or all(names_it(cite.text, _forms(base, e)) for e in people):
        return cite
    forms = set().union(*(_forms(base, e) for e in people))
    before = anchor(base, cite, lambda t: names_it(t, forms), PARAGRAPH_REACH, paragraph=True)
    if before is None:
        return cite
    return replace(cite, start=before.start, text=text[before.start:cite.end])


def answer_what(base: Base, q: Question) -> Answer | None:
    events = _events_of(base, q)
    if q.predicate and events:
        found = [s.event for s in best_events(base, q, limit=MAX_LISTED) if _fits(base, q, s.event)]
        events = found or events
    about = _listable(base, q)
    # a legend told is not what happened; an event no quote states of the asked entities is not cited
    events = [ev for ev in events if _quote(base, ev, about) is not None]
    if not events:
        return None
    order = {ev["id"]: i for i, ev in enumerate(base.events)}
    events = _one_per_happening(base, q, sorted(events, key=lambda ev: order.get(ev["id"], 0)), MAX_LISTED)
    about = " and ".join(base.name(e) for e in q.entities)
    when = f" in {q.period_text}" if q.period_text else ""
    intro = f"What the sources tell of {about}{when}:" if about else f"What happened{when}, as the sources tell it:"
    return listing(base, q, events, intro)


def _one_per_happening(base: Base, q: Question, events: list[dict], limit: int, per_date: bool = False) -> list[dict]:
    """Up to ``limit`` events, one per happening: per (kind, date, place, people), and per
    quote (two events the base left apart but told by one sentence are one happening); the
    first in order. ``per_date``: one per day too (a fate's last day, "he fled, threw his
    knife down, rode away", is one episode; a month or a year may hold several)."""
    about = _listable(base, q)
    seen, out = set(), []
    for ev in events:
        if len(out) == limit:
            break
        w = ev.get("when") or {}
        span = _quote(base, ev, about) or {}
        keys = {("event", ev.get("kind"), w.get("edtf"), ev.get("where"), frozenset(ev.get("who", ()))),
                ("quote", span.get("document"), span.get("start"), span.get("end"))}
        if per_date and _DAY.match(w.get("edtf") or ""):  # one day's happenings are one episode
            keys.add(("date", w.get("edtf")))
        if keys & seen:
            continue
        seen |= keys
        out.append(ev)
    return out


def answer_fate(base: Base, q: Question) -> Answer | None:
    named = _listable(base, q)
    if not named:
        return None
    who = named[0]
    # what the person did or underwent (not what others did beside them), told of them
    dated = sorted((ev for ev in base.by_entity.get(who, ()) if (ev.get("when") or {}).get("earliest")
                    and involves(base, ev, who) and plays(ev, who, INVOLVED) and _quote(base, ev, (who,)) is not None
                    and not another_of_the_name(base, q, ev)),
                   key=lambda ev: iso_key(ev["when"]["earliest"]))  # "228 BC" before "218 BC"
    since = _measured_from(base, q, who)
    if since == "":  # "after ..." names a happening the base does not date: what came after is unknown
        return None
    if since:
        dated = [ev for ev in dated if iso_key(ev["when"]["earliest"]) > iso_key(since)]
    deaths = [i for i, ev in enumerate(dated) if ev.get("kind") == "death" and who in ev.get("who", ())]
    if deaths:  # a life ends at its death: later events naming the person are about the dead
        dated = dated[:deaths[-1] + 1]
    death = None if deaths or base.type(who) != "person" else death_told(base, who, q)
    if death is not None and since and iso_key(parse_edtf_bounds(death.edtf)[1] or since) <= iso_key(since):
        death = None
    if not dated and death is None:
        return None
    if death is not None:  # a death the texts write though no stored event names the person
        end = parse_edtf_bounds(death.edtf)[1]
        dated = [ev for ev in dated if end and iso_key(ev["when"]["earliest"]) <= iso_key(end)]
    last = _one_per_happening(base, q, dated[::-1], FATE_LISTED - (1 if death else 0), per_date=True)
    ans = listing(base, q, last, f"The last the sources tell of {base.name(who)}:")
    ans.values = [(last[0].get("when") or {}).get("edtf", "")] + ([base.name(last[0]["where"])] if last[0].get("where") else []) \
        if last else []
    if death is not None:
        ans.text = ans.text.replace(":", f": {date_label(death.edtf)}: {base.name(who)} dies;", 1)
        ans.values = [death.edtf] + ans.values
        ans.cites.insert(0, base.cite(_naming_death(base, who, death.span)))
        ans.items.insert(0, {"event": None, "summary": f"{base.name(who)} dies", "when": death.edtf, "where": None})
    return ans


def _measured_from(base: Base, q: Question, who: str) -> str | None:
    """Where "what happened to X after he was arrested / after Zama" starts: the latest
    bound of X's happening the clause names (by its verb; else X's last happening at the
    place or with the people it names); None for a fate asked without "after", "" when the happening is not dated."""
    if not rules().later & {w.casefold() for w in _WORD.findall(q.text)}:
        return None
    others = [e for e in q.entities if e != who]
    if q.predicate:
        found = [s.event for s in best_events(base, q, limit=5) if involves(base, s.event, who)]
    elif others:
        found = [ev for ev in base.by_entity.get(who, ()) if all(involves(base, ev, e) for e in others)]
    else:
        return None
    ends = [end for ev in found if (end := (ev.get("when") or {}).get("latest"))]
    if not ends:
        return ""
    return ends[0] if q.predicate else max(ends, key=iso_key)  # the best-fitting happening; else the last there


def _naming_death(base: Base, who: str, span: dict) -> dict:
    """The death's quote; a bare date ("8 March 1403") widened to the sentence that
    says whose death it is, when that names the person."""
    forms = _forms(base, who)
    if names_it(span.get("text", ""), forms):
        return span
    wide = base.sentence(span)
    return wide if names_it(wide.get("text", ""), forms) else span
