"""How long / how many / how old: stated in the sources where they say it, else
computed from dates (and the answer says so); disagreements between sources first."""
from __future__ import annotations

import datetime as dt
import re

from ..resources.quantities import number_pattern, parse_number
from .base import Base, date_label
from .events import best_events
from .model import Answer, Question
from .parse import time_tagger
from .support import action_at
from .words import WORD, stem

_DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?$")
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER = r"(\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r"|hundreds|thousands|dozens)"
DURATION_REACH = 80  # a stated length answers for the happening whose word is this near
AGE = re.compile(r"\b(?:aged|age of)\s+(\d+)|\b(\d+)[- ]years?[- ]old\b|\bat (?:the age of )?(\d+)\b")


def duration_days(value: str) -> float | None:
    m = _DURATION.match(value or "")
    if not m or not any(m.groups()):
        return None
    y, mo, w, d = (float(x) if x else 0.0 for x in m.groups())
    return y * 365.25 + mo * 30.44 + w * 7 + d


def stated_durations(text: str) -> list[tuple[str, float, int]]:
    """Durations a span states, with their days and offset; "a year and fifteen days" and
    "2 years, 4 months, and 6 days" are one each."""
    found = [t for t in time_tagger().tag(text).timexes if t.type == "DURATION" and duration_days(t.value)]
    out: list[tuple[str, float, int, int]] = []
    last_part = 0.0
    for t in found:
        days = duration_days(t.value) or 0.0
        gap = text[out[-1][3]:t.start] if out else ""
        # "a year and fifteen days"; "2 years, 4 months, and 6 days" (a comma joins only smaller units)
        if out and (re.fullmatch(r"\s*,?\s*and\s+", gap) or (re.fullmatch(r"\s*,\s*", gap) and days < last_part)):
            _, prev, start, _ = out[-1]
            out[-1] = (text[start:t.end], prev + days, start, t.end)
        else:
            out.append((t.text, days, t.start, t.end))
        last_part = days
    return [(label, days, start) for label, days, start, _ in out]


def duration_told(text: str, q: Question) -> tuple[str, float] | None:
    """The duration the span states of the asked happening: written near the question's
    verb, or near one of its words when it has none ("in captivity"); a sentence that
    tells several lengths ("two years in jail and five more in exile") does
    not answer how long something else lasted."""
    stated = stated_durations(text)
    if not stated:
        return None
    if q.predicate:
        at = action_at(text, q)
        anchors = [at] if at is not None else []
    else:
        have = [m.start() for m in WORD.finditer(text) if stem(m.group()) in {stem(w) for w in q.words}]
        anchors = have if q.words else [0]
    near = [(label, days) for label, days, start in stated if any(abs(start - a) <= DURATION_REACH for a in anchors)]
    return near[0] if near else None


def length_label(days: float, years_from: float = 730) -> str:
    """A length of time in the largest unit that reads well: years, months or days."""
    if days >= years_from:
        return f"{days / 365.25:.0f} years"
    if days >= 60:
        return f"{days / 30.44:.0f} months"
    return f"{days:.0f} days"


def _days_label(days: float) -> str:
    label = length_label(days)
    return f"about {label}" if days >= 60 else label  # a count of days is exact


def _conflicts_of_kind(base: Base, q: Question, kinds: tuple[str, ...]) -> Answer | None:
    """A disagreement of these kinds about the question's subject (named in it, or about
    the events that fit it)."""
    words = {stem(w) for w in q.words}
    fitting = {s.event["id"] for s in best_events(base, q, limit=2)} if q.entities and q.predicate else set()
    for c in base.conflicts:
        if c.get("kind") not in kinds:
            continue
        about = c.get("about", "").casefold()
        involved = {w for eid in c.get("events", ()) if (ev := base.event_by_id.get(eid))
                    for w in list(ev.get("who", ())) + base.places_of(ev)}
        named = all(e in involved or base.name(e).casefold() in about for e in q.entities)
        said = words & {stem(w) for w in re.findall(r"\w+", about)}
        if named and (not words or said or fitting & set(c.get("events", ()))):
            claims = c.get("claims", ())
            says = " vs ".join(f"{base.labels.get(x['document'])} says “{x.get('value') or x['text']}”" for x in claims)
            return Answer(q, "disputed", f"The sources disagree ({c.get('about')}): {says}.",
                          [x.get("value") or x["text"] for x in claims], [base.cite(base.sentence(x), says=x.get("value")) for x in claims])
    return None


def answer_how_long(base: Base, q: Question) -> Answer | None:
    ans = _conflicts_of_kind(base, q, ("duration",))
    if ans:
        return ans
    found = [s for s in best_events(base, q, need_predicate=False) if _involves_all(base, s.event, q.entities)]
    for scored in found:
        for span in scored.event.get("evidence", ()):
            stated = duration_told(span.get("text", ""), q)
            if stated:
                label, days = stated
                return Answer(q, "answered", f"{label} — {scored.event['summary']}.", [f"{days:.0f}"], [base.cite(span)])
    for scored in found:
        w = scored.event.get("when") or {}
        if "/" in (w.get("edtf") or "") and w.get("earliest") and w.get("latest"):
            days = (_iso(w["latest"]) - _iso(w["earliest"])).days + 1
            return Answer(q, "answered", f"{_days_label(days)}, computed from the dates "
                          f"{date_label(w['edtf'])} — {scored.event['summary']}.", [f"{days}"],
                          base.cites(scored.event.get("evidence", ()), 8), computed=True,
                          dates=w["edtf"].split("/"))
    return None


def _involves_all(base: Base, ev: dict, entities: tuple[str, ...]) -> bool:
    """A stated quantity answers only for an event that takes in everything the question names
    ("how long in Lisbon" is not answered by a stay in Spain)."""
    involved = set(ev.get("who", ())) | set(base.places_of(ev))
    return all(e in involved or not base.by_entity.get(e) for e in entities)


def _iso(value: str) -> dt.date:
    y, m, d = value.lstrip("-").split("-")[:3]
    return dt.date(max(1, int(y)), int(m), int(d))


def answer_how_old(base: Base, q: Question) -> Answer | None:
    ans = _conflicts_of_kind(base, q, ("age",))
    if ans:
        return ans
    people = [e for e in q.entities if base.type(e) == "person"]
    if not people:
        return None
    found = best_events(base, q, need_predicate=bool(q.predicate))
    for scored in found:
        for span in scored.event.get("evidence", ()):
            m = AGE.search(span.get("text", ""))
            if m:
                age = next(g for g in m.groups() if g)
                return Answer(q, "answered", f"{age} — {scored.event['summary']}.", [age], [base.cite(span)])
    if not q.predicate:  # "how old was X?": an age the sources describe X by ("a 23-year-old surgeon")
        described = _described_age(base, q, people[0])
        if described:
            return described
    births = [ev for ev in base.by_entity.get(people[0], ()) if ev.get("kind") == "birth" and (ev.get("when") or {}).get("earliest")]
    # the occasion must be the question's own verb or event noun: a word shared by chance
    # ("painting" in "a house painter") would date some other event
    target = next((s.event for s in found if s.predicate_hit and s.event.get("kind") != "birth"
                   and (s.event.get("when") or {}).get("earliest")), None)
    if not births or target is None:
        return None
    b, t = births[0]["when"], target["when"]
    lo = int(t["earliest"][:4]) - int(b["latest"][:4]) - 1
    hi = int(t["latest"][:4]) - int(b["earliest"][:4])
    lo = max(lo, 0)
    age = f"{hi}" if hi - lo <= 1 and t["earliest"][4:] >= b["latest"][4:] else f"{lo}–{hi}" if hi > lo else f"{hi}"
    text = (f"{age}, computed from the dates: born {date_label(b['edtf'])}; {target['summary']} "
            f"{date_label(t['edtf'])}.")
    return Answer(q, "answered", text, [age], base.cites(births[0].get("evidence", ()), 1)
                  + base.cites(target.get("evidence", ()), 1), computed=True, dates=[b["edtf"], t["edtf"]])


def _described_age(base: Base, q: Question, person: str) -> Answer | None:
    ent = base.entities.get(person, {})
    for form in [m.get("text", "") for m in ent.get("mentions", ())] + list(ent.get("aliases", ())):
        m = AGE.search(form)
        if not m:
            continue
        spans = base.alias_spans(ent, form) or [x for x in ent.get("mentions", ()) if x.get("text") == form]
        if spans:
            age = next(g for g in m.groups() if g)
            return Answer(q, "answered", f"{age}: the sources describe {base.name(person)} as “{form}”.", [age],
                          [base.cite(s) for s in spans[:3]])
    return None


def count_in(text: str, noun: str, forms: tuple[str, ...] = ()) -> str | None:
    """A number written before the counted noun ("1,200 soldiers", "four iron pegs",
    "fifty thousand men")."""
    nouns = "|".join(re.escape(f) for f in (stem(noun), *forms))
    m = re.search(r"\b(" + number_pattern() + "|" + _NUMBER + r")\s+(?:[\w-]+\s+){0,2}?(?:" + nouns + r")\w*",
                  text, re.IGNORECASE)
    return m.group(1) if m else None


def figure(said: str) -> str:
    """A number as written ("12,000", "fifty thousand") as digits ("12000", "50000")."""
    value = parse_number(said)
    return f"{value:g}" if value is not None and value < 1e15 else said


def answer_how_many(base: Base, q: Question) -> Answer | None:
    ans = _conflicts_of_kind(base, q, ("count",))
    if ans or not q.role:
        return ans
    for scored in best_events(base, q, need_predicate=False, limit=10):
        if not _involves_all(base, scored.event, q.entities):
            continue
        for span in scored.event.get("evidence", ()):
            n = count_in(span.get("text", ""), q.role, q.role_forms)
            if n:
                return Answer(q, "answered", f"{n} {q.role} — {scored.event['summary']}.", [figure(n)], [base.cite(span)])
    return None
