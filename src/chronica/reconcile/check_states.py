"""Opposed states of one person: one source says the prisoner was mistreated, another
that he was treated well; one that the captive was executed, another that he was spared;
one that the victim lay lifeless, another that his breathing
resumed. The phrases of each state are data (``claims/states.yaml``); the person is the
one the sentence names before the phrase (else just after it).

Said less rather than wrong: a sentence telling stages of a story ("at first ...,
later ...") is a change, not a disagreement; within one text two states disagree only
where the text reports both as accounts ("many writers claim ...", "historians
reported ...") in one paragraph; two sources are compared only where both tell the
time of the statement (the paragraph's last dated event, or a year stated near it) and
the two times meet.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..model import DocSpan
from ..resources import load
from .bounds import Bounds, bounds_of, day_number
from .check_spared import stated_year
from .view import Finding, View

NEGATION_CHARS = 25  # how far before a phrase a negation still governs it


@dataclass(frozen=True)
class StateClaim:
    doc: str
    start: int
    end: int
    text: str
    person: str  # corpus entity id
    state: str  # the data file's name of the pair of states
    side: bool  # True: the `one` list; False: the `other`
    reported: bool  # its sentence reports it as an account
    staged: bool  # its sentence tells stages of a story in time
    paragraph: tuple[int, int]
    sentence: int
    dated: Bounds | None  # the sentence's time: its paragraph's last dated event, else the year stated near it


def _alt(words) -> str:
    return r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])"


@lru_cache(maxsize=1)
def _data() -> tuple[dict, re.Pattern, re.Pattern, re.Pattern, list[tuple[str, bool, re.Pattern]]]:
    data = load("claims/states.yaml")
    phrases = [(name, side, re.compile(_alt(st["one" if side else "other"]), re.I))
               for name, st in data["states"].items() for side in (True, False)]
    return (data["states"], re.compile(_alt(data["negation"]) + r"[^.;,]*$", re.I),
            re.compile(_alt(data["stages"]), re.I), re.compile(_alt(data["reports"]), re.I), phrases)


def state_claims(view: View, doc) -> list[StateClaim]:
    _, negation, stages, reports, phrases = _data()
    context = view.context(doc)
    out = []
    for name, side, pat in phrases:
        for m in pat.finditer(doc.text):
            sent = doc.sentence_at(m.start())
            if sent is None or sent.kind != "body":
                continue
            person = _person(view, doc, sent.start, sent.end, m.start(), m.end())
            if person is None:
                continue
            pid, p0, p1 = person
            before = doc.text[max(sent.start, m.start() - NEGATION_CHARS):m.start()]
            sentence = doc.text[sent.start:sent.end]
            start, end = min(p0, m.start()), max(p1, m.end())
            out.append(StateClaim(doc.id, start, end, doc.text[start:end], pid, name,
                                  side != bool(negation.search(before)), bool(reports.search(sentence)),
                                  bool(stages.search(sentence)), context.paragraph(m.start()), sent.start,
                                  _dated(view, doc, context.paragraph(m.start())[0], sent.start, sent.end)))
    return out


def _dated(view: View, doc, p0: int, s0: int, s1: int) -> Bounds | None:
    """The sentence's time: the date of the last dated event told in its paragraph up to
    its end (the narrative's current day; a document that dates nothing takes the date
    its happenings got from other sources), else the year stated in or shortly before it."""
    told = [(ev.evidence.start, b) for ev in doc.events if p0 <= ev.evidence.start < s1
            and (b := bounds_of(ev.when) or _corpus_date(view, doc, ev.key)) is not None]
    if told:
        return max(told, key=lambda x: x[0])[1]
    year = stated_year(doc, s0, s1)
    return None if year is None else Bounds(day_number(year, 1, 1), day_number(year, 12, 31))


def _corpus_date(view: View, doc, key: str) -> Bounds | None:
    eid = view.corpus.event_of.get((doc.id, key))
    ev = view.events.get(eid) if eid else None
    return bounds_of(ev.when) if ev is not None else None


def _person(view: View, doc, s0: int, s1: int, start: int, end: int) -> tuple[str, int, int] | None:
    """The person the sentence names last before the phrase, else first after it."""
    people = [m for m in doc.mentions if m.type == "person" and m.entity and s0 <= m.start and m.end <= s1
              and not m.cited]
    before = [m for m in people if m.end <= start]
    after = [m for m in people if m.start >= end]
    m = before[-1] if before else (after[0] if after else None)
    pid = view.entity_of(doc, m.entity) if m is not None else None
    return (pid, m.start, m.end) if pid else None


def _disagree(a: StateClaim, b: StateClaim) -> bool:
    if a.state != b.state or a.side == b.side or a.person != b.person or a.staged or b.staged:
        return False
    if a.doc == b.doc:  # one text weighing two accounts, side by side
        return a.reported and b.reported and a.paragraph == b.paragraph and a.sentence != b.sentence
    # two sources on one time: dates told for the two sentences that meet
    return a.dated is not None and b.dated is not None and a.dated.overlaps(b.dated)


def find(view: View):
    states = _data()[0]
    claims = [c for doc in view.corpus.docs for c in state_claims(view, doc)]
    sides: dict[tuple[str, str], dict[tuple[str, int, int], StateClaim]] = defaultdict(dict)
    # only claims on one person's one state can disagree: each is paired within its own
    # (in the claims' order, as all against all would find them)
    same: dict[tuple[str, str], list[StateClaim]] = defaultdict(list)
    for c in claims:
        same[(c.person, c.state)].append(c)
    for a in claims:
        for b in same[(a.person, a.state)] if a.side else ():
            if _disagree(a, b):
                for c in (a, b):
                    sides[(c.person, c.state)].setdefault((c.doc, c.start, c.end), c)
    for (person, state), held in sides.items():
        st = states[state]
        spans = tuple(DocSpan(c.doc, c.start, c.end, c.text, value=("one" if c.side else "other"))
                      for c in sorted(held.values(), key=lambda c: (c.doc, c.start)))
        topic = f"{st['topic']}: {view.name(person)}"
        yield Finding(st["kind"], st["severity"], topic, spans, topic=topic)
