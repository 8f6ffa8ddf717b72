"""Answerers for when / where / who / what happened / whatever happened / disagreements.

Each takes the indexed base and a parsed question and returns an ``Answer`` that cites
its evidence, or None when the base holds nothing that fits (the caller then says so
and shows the nearest passages).
"""
from __future__ import annotations

import datetime as dt
import re

from ..time.edtf import parse_edtf_bounds
from ..whois import itinerary
from .base import Base, date_label, overlaps
from .events import best_events, in_period
from .lifespan import life_dates
from .model import Answer, Question
from .parse import rules
from .roles import plays, wanted
from .support import action_at, evidence_rules, hedged, located_at, narrow, only_attempted, plain_first, tells
from .verify import forms_of, verified
from .who_text import answer_who_in_text
from .words import stem, stems

MAX_LISTED = 8
PLACE_REACH = 60  # a place written this far after the question's verb, in its clause, is where it happened
_WORDS = re.compile(r"\w+")


def _versions(base: Base, ev: dict) -> list[tuple[str, list[dict]]]:
    """The dates the event's sources give, grouped: [(edtf, spans)], first-told first."""
    out: dict[str, list[dict]] = {}
    for s in ev.get("evidence", ()):
        w = s.get("when") or {}
        if w.get("edtf"):
            out.setdefault(w["edtf"], []).append(s)
    return list(out.items())


def _disagree(ev: dict) -> list[tuple[str, list[dict]]] | None:
    """Versions whose bounds cannot both be true ("21 Aug" vs "20 Aug"; not "1914" vs "June 1914")."""
    groups: dict[str, list[dict]] = {}
    bounds: dict[str, tuple] = {}
    for s in ev.get("evidence", ()):
        w = s.get("when") or {}
        if w.get("edtf"):
            groups.setdefault(w["edtf"], []).append(s)
            bounds[w["edtf"]] = (w.get("earliest"), w.get("latest"))
    keys = list(groups)
    clash = any(not overlaps(*bounds[a], *bounds[b]) for i, a in enumerate(keys) for b in keys[i + 1:])
    return [(k, groups[k]) for k in keys] if clash else None


def answer_when(base: Base, q: Question) -> Answer | None:
    found = [s for s in best_events(base, q, where=lambda ev: bool((ev.get("when") or {}).get("edtf")))
             if _tells_the_action(base, q, s.event)]
    if not found or (_life_asked(base, q) and found[0].event.get("kind") != q.event_kinds[0]):
        return answer_life(base, q) or (_dated(base, q, found[0].event) if found else None)
    return _dated(base, q, found[0].event)


def _life_asked(base: Base, q: Question) -> str | None:
    """The person whose birth or death the question asks about."""
    if not q.event_kinds or q.event_kinds[0] not in ("birth", "death"):
        return None
    return next((e for e in q.entities if base.type(e) == "person"), None)


def answer_life(base: Base, q: Question) -> Answer | None:
    """A birth or death from the life's dates the texts write (no stored event of that kind
    has the person as participant)."""
    person = _life_asked(base, q)
    if person is None:
        return None
    kind = q.event_kinds[0]
    found = life_dates(base, person, kind, q)
    if not found:
        return None
    versions: dict[str, list[dict]] = {}
    for d in found:
        versions.setdefault(d.edtf, []).append(d.span)
    verb = "born" if kind == "birth" else "died"
    name = base.name(person)
    if len(versions) > 1 and _apart(list(versions)):
        says = "; ".join(f"{base.labels.get(spans[0]['document'])} says {date_label(k)}" for k, spans in versions.items())
        return Answer(q, "disputed", f"The sources disagree on when {name} was {verb}: {says}.", list(versions),
                      [base.cite(spans[0], says=date_label(k)) for k, spans in versions.items()])
    edtf = max(versions, key=len)  # the most precise of dates that agree
    return Answer(q, "answered", f"{name} {'was born' if kind == 'birth' else 'died'}: {date_label(edtf)}.",
                  [edtf], base.cites([s for spans in versions.values() for s in spans]))


def _apart(edtfs: list[str]) -> bool:
    bounds = [parse_edtf_bounds(e) for e in edtfs]
    return any(not overlaps(*a, *b) for i, a in enumerate(bounds) for b in bounds[i + 1:])


def _dated(base: Base, q: Question, ev: dict) -> Answer | None:
    versions = _disagree(ev)
    clash = next((c for c in base.conflicts_of_event.get(ev["id"], ()) if c.get("kind") == "date"), None)
    if clash and not versions:  # the cross-check found the sources' dates at odds
        claims = clash.get("claims", ())
        says = "; ".join(f"{base.labels.get(x['document'])} says {date_label(x.get('value')) if x.get('value') else x['text']}"
                         for x in claims)
        return Answer(q, "disputed", f"The sources disagree on when: {ev['summary']}. {says}.",
                      [x.get("value") or x["text"] for x in claims],
                      [base.cite(base.sentence(x), says=x.get("value")) for x in claims])
    if versions:
        says = "; ".join(f"{base.labels.get(spans[0]['document'])} says {date_label(k)}" for k, spans in versions)
        cites = [base.cite(s, says=date_label(k)) for k, spans in versions for s in spans[:1]]
        return Answer(q, "disputed", f"The sources disagree on when: {ev['summary']}. {says}.",
                      [k for k, _ in versions], cites)
    edtf = ev["when"]["edtf"]
    basis = ev["when"].get("basis")
    note = {"relative": " (worked out from another date in the text)",
            "inferred": " (inferred from the text's context)"}.get(basis or "", "")
    spans = plain_first(_precise_first(ev))
    worded = _in_its_words(q, spans)
    ans = Answer(q, "answered", f"{ev['summary']}: {date_label(edtf)}{note}.", [edtf], base.cites(worded))
    if worded != spans and verified(base, ans) is None:  # no date for them: the event's other sentences
        # in their documents; a merged event's sentences in another source may tell another
        # happening ("he jumped into the carriage" beside "entered the box")
        docs = {s["document"] for s in worded}
        ans.cites = base.cites([s for s in spans if s["document"] in docs])
    return ans


def _in_its_words(q: Question, spans: list[dict]) -> list[dict]:
    """The spans that tell the happening in the question's words (its verb, or another of
    its words) when some do: an event merged from several sentences is proved by the one
    that says "entered the box", not by "jumped into the carriage" beside it."""
    asked = {stem(f) for f in (q.predicate, *q.predicate_forms, *q.words) if f}
    worded = [s for s in spans if asked & stems(s.get("text", ""))]
    return worded or spans


def _tells_the_action(base: Base, q: Question, ev: dict) -> bool:
    """Without a recognised predicate, the question's own words ("sack") carry what is asked:
    an event sharing none of them is merely about the same people and places. With one,
    an event of the predicate's kind that writes neither its verb nor any other word of the
    question ("when did he enter the box?": "he jumped into the carriage") is another
    happening of that kind."""
    have = base.stem_cache.get(ev["id"], set())
    if q.predicate:
        others = [w for w in q.words if w != q.predicate]
        return not others or any(stem(f) in have for f in (q.predicate, *q.predicate_forms) if f) \
            or any(stem(w) in have for w in others)
    return not q.words or any(stem(w) in have for w in q.words)


def _precise_first(ev: dict) -> list[dict]:
    """Evidence spans giving the event's own date first; spans dated otherwise left out."""
    w = ev.get("when") or {}
    spans = [s for s in ev.get("evidence", ()) if not (s.get("when") or {}).get("edtf")
             or overlaps((s["when"] or {}).get("earliest"), (s["when"] or {}).get("latest"), w.get("earliest"), w.get("latest"))]
    same = [s for s in spans if (s.get("when") or {}).get("edtf") == w.get("edtf")]
    return _stated_per_document(same or spans)  # the sources that give this very date, when some do


def _stated_per_document(spans: list[dict]) -> list[dict]:
    """Where a document states the date in its own words, that span proves it; the same
    document's mentions dated only by reference ("at the time of his death") are left out."""
    stated = {s["document"] for s in spans if (s.get("when") or {}).get("basis") == "explicit"}
    return [s for s in spans if s["document"] not in stated or (s.get("when") or {}).get("basis") == "explicit"]


def _naming(base: Base, spans, entity: str) -> list[dict]:
    """The spans that name the entity (by any of its names), else all of them."""
    forms = _forms(base, entity)
    named = [s for s in spans if any(f in s.get("text", "").casefold() for f in forms)]
    return named or list(spans)


def answer_where(base: Base, q: Question) -> Answer | None:
    people = [e for e in q.entities if base.type(e) == "person"]
    if q.period and people and not q.event_kinds:
        ans = _where_at(base, q, people[0])
        if ans:
            return ans
    found = best_events(base, q, where=lambda ev: ev.get("where") in base.entities or any(base.places_in(x) for x in ev.get("evidence", ())))
    found = [s for s in found if s.event.get("where") not in q.entities] or found
    if not found:
        return None
    best = [s.event for s in found if s.score == found[0].score]
    for ev in best:  # a span that puts the happening AT a place answers best ("died in Kessel")
        ans = _placed(base, q, ev)
        if ans:
            return ans
    for ev in sorted(best, key=lambda ev: not _located(base, ev)):
        if ev.get("where") not in base.entities:
            continue
        spans = [s for s in _naming(base, _telling(ev, q), ev["where"]) if not _only_on_the_way(base, s, ev["where"])]
        if spans:
            place = base.name(ev["where"])
            return Answer(q, "answered", f"{ev['summary']}: in {place}" + _when_suffix(ev) + ".",
                          [place], base.cites(plain_first(spans)))
    return None


def _telling(ev: dict, q: Question) -> list[dict]:
    """The event's spans that tell the asked happening; all of them when none does in words
    ("shot" is told by "fired") and the predicate is not narrower than its kind."""
    spans = [s for s in ev.get("evidence", ()) if not only_attempted(s, q)]  # "tried to shoot him" is no shooting
    told = [s for s in spans if tells(s, q)]
    if told:
        return told
    return [] if narrow(q) else spans


def _placed(base: Base, q: Question, ev: dict) -> Answer | None:
    """The place the event's spans put it at, with those spans; the event's own place first,
    unless the question's own verb is written with another place ("buried ... of the Busento")."""
    at_place, by_verb = _placed_at(base, q, ev), _placed_by_verb(base, q, ev)
    if by_verb and (at_place is None or set(by_verb.values) != set(at_place.values)):
        return by_verb
    return at_place


def _placed_at(base: Base, q: Question, ev: dict) -> Answer | None:
    at: dict[str, list[dict]] = {}
    for span in (s for s in ev.get("evidence", ()) if tells(s, q)):
        for pid, off in base.places_in(span):
            text = span.get("text", "")
            if pid not in q.entities and located_at(text, off) and not hedged(text, off):
                at.setdefault(pid, []).append(span)
    if not at:
        return None
    pid = ev.get("where") if ev.get("where") in at else max(at, key=lambda p: (len(at[p]), bool(base.entities[p].get("part_of"))))
    place = base.name(pid)
    return Answer(q, "answered", f"{ev['summary']}: in {place}" + _when_suffix(ev) + ".", [place], base.cites(at[pid]))


def _placed_by_verb(base: Base, q: Question, ev: dict) -> Answer | None:
    """"Where is he buried?" asked of a span telling two happenings ("died in Cosenza, and
    his body was buried under the riverbed of the Busento"): the place written after the
    question's own verb in its clause is its place, not the other happening's."""
    if not q.predicate or (ev.get("kind") in q.event_kinds[:1] and ev.get("kind") not in rules().generic_kinds):
        return None  # the event is the asked happening itself: its own place stands
    for span in plain_first([s for s in ev.get("evidence", ()) if tells(s, q)]):
        text = span.get("text", "")
        verb = action_at(text, q)
        after = [(off, pid) for pid, off in base.places_in(span) if verb is not None and verb < off <= verb + PLACE_REACH
                 and pid not in q.entities and not re.search(r"[,;:()]|\.\s", text[verb:off])
                 and not _only_on_the_way(base, span, pid) and _written_as_name(base, span, pid, off)]
        if after and not hedged(text, verb):
            off, pid = min(after)
            place = base.name(pid)
            told = " ".join(text[verb:off + len(place)].split())
            return Answer(q, "answered", f"In {place}: “{told}”.", [place], base.cites([span]))
    return None


def _written_as_name(base: Base, span: dict, place: str, off: int) -> bool:
    """The place is written by one of its names, not an adjective ("the French coast")."""
    text = span.get("text", "")[off:].casefold()
    return any(text.startswith(f) and not text[len(f):len(f) + 1].isalpha() for f in _forms(base, place))


def _only_on_the_way(base: Base, span: dict, place: str) -> bool:
    """The span names the place only as where someone was heading ("on his way to Sicily")."""
    offs = [off for pid, off in base.places_in(span) if pid == place]
    return bool(offs) and not any(_not_heading(span.get("text", ""), off) for off in offs)


def _not_heading(text: str, off: int) -> bool:
    before = " ".join(text[:off].casefold().split()[-6:])
    return not any(before.endswith(p) or before.endswith(p + " the") for p in evidence_rules().not_at)


def _located(base: Base, ev: dict) -> bool:
    forms = _forms(base, ev["where"])
    preps = rules().locative
    for span in ev.get("evidence", ()):
        words = span.get("text", "").casefold().split()
        for i, w in enumerate(words[:-1]):
            if w in preps and any(" ".join(words[i + 1:]).startswith(f) or " ".join(words[i + 1:]).startswith("the " + f)
                                  for f in forms):
                return True
    return False


def _forms(base: Base, entity: str) -> set[str]:
    ent = base.entities.get(entity, {})
    return {f.casefold() for f in [ent.get("name", "")] + list(ent.get("aliases", ())) if len(f) > 2}


def _when_suffix(ev: dict) -> str:
    edtf = (ev.get("when") or {}).get("edtf")
    return f" ({date_label(edtf)})" if edtf else ""


def _where_at(base: Base, q: Question, person: str) -> Answer | None:
    """A person's place at a date, from the dated itinerary."""
    around = [ev for ev in base.by_entity.get(person, []) if in_period(ev, q.period)]  # the itinerary of the period only
    same: dict[tuple, list[dict]] = {}  # events putting them at one place on one date: one stop, all their quotes
    for ev in around:
        w = ev.get("when") or {}
        same.setdefault((ev.get("where"), w.get("earliest"), w.get("latest")), []).append(ev)
    told = {evs[0]["id"]: evs for evs in same.values()}
    stops = [s for s in itinerary([evs[0] for evs in same.values()], base.entities)
             if overlaps(s.earliest, s.latest, *q.period)]
    inside = [s for s in stops if s.earliest and s.latest and q.period[0] <= s.earliest and s.latest <= q.period[1]]
    if not inside and stops:  # only stops that outlast the period: the most precise of them
        width = min(_days(s) for s in stops)
        inside = [s for s in stops if _days(s) == width]
    stops = inside
    if not stops:
        return None
    names = list(dict.fromkeys(s.place_name for s in stops))
    spans = [sp for s in stops for sp in _dated_in_period(
        [sp for eid in s.events for ev in told.get(eid, ()) for sp in ev.get("evidence", ())], q.period,
        forms_of(base, [s.place_name]))]
    period = " – ".join(dict.fromkeys(date_label(x) for x in (stops[0].start, stops[-1].end)))
    text = f"In {q.period_text}, {base.name(person)} was in {' and then '.join(names)} (the sources place them there {period})."
    return Answer(q, "answered", text, names, base.cites(spans))


def _dated_in_period(spans: list[dict], period: tuple[str, str], place_forms: set[str]) -> list[dict]:
    """A stop's quotes that name the place and write a date within the asked period
    themselves, when some do: "where was he in February 1815?" is proved by "sailed from
    the island on 26 February 1815", not by a sentence the itinerary dated from its
    context. A quote naming the place comes before a dated one that does not (a heading
    "Peru, 1850-1855" does not say the town), which the answer's check would refuse."""
    dated = [sp for sp in spans if (w := sp.get("when") or {}).get("basis") in ("explicit", "relative")
             and overlaps(w.get("earliest"), w.get("latest"), *period)]
    naming = [sp for sp in spans if any(f in (sp.get("text") or "").casefold() for f in place_forms)]
    return [sp for sp in dated if sp in naming] or naming or dated or spans


def _days(stop) -> int:
    try:
        return (dt.date.fromisoformat(stop.latest) - dt.date.fromisoformat(stop.earliest)).days
    except (TypeError, ValueError):
        return 10**6


def answer_who(base: Base, q: Question) -> Answer | None:
    # "which captain ...?": a person the texts describe so beside the name comes first;
    # otherwise the sentences are read only after the stored events and the grammar reading
    # (service.Asker.ask) have failed
    if q.person_noun:
        return answer_who_in_text(base, q) or _answer_who_stored(base, q)
    return _answer_who_stored(base, q)


def _answer_who_stored(base: Base, q: Question) -> Answer | None:
    if q.role and q.entities:
        ans = _who_by_relation(base, q)
        if ans:
            return ans
    if q.predicate:
        # the happening asked about involves all the question names: "who defeated X at
        # Zama?" is not answered by X's defeat elsewhere
        found = [s for s in best_events(base, q) if _tells_all(base, q, s.event)]
        # only the best-fitting events answer: a weaker one that merely shares the kind
        # (an offensive, for "who defeated") would name its own participants, not the answer
        for scored in [s for s in found if s.score >= found[0].score] if found else ():
            ans = _who_did(base, q, scored.event)
            if ans:
                return ans
        return None
    if q.words:
        return _who_described(base, q)
    if q.entities and base.type(q.entities[0]) == "person":
        return _who_is(base, q, q.entities[0])
    return None


def _tells_all(base: Base, q: Question, ev: dict) -> bool:
    """Every entity the question names takes part in the event (a place as its place or
    one enclosing it) or is written in its text."""
    involved = set(ev.get("who", ())) | set(base.places_of(ev))
    have = base.stem_cache.get(ev["id"], set())
    return all(e in involved or (words := [stem(w) for w in _WORDS.findall(base.name(e)) if len(w) > 2])
               and all(w in have for w in words) for e in q.entities)


def _who_did(base: Base, q: Question, ev: dict) -> Answer | None:
    """The event's other people, each named in a plain span that tells the asked happening
    (an appointment's spans do not tell who succeeded whom)."""
    if not all(plays(ev, e, wanted(q.part)) for e in q.entities[:1]):
        return None  # "who killed X?" asks of a happening X suffered, not one X did
    telling = plain_first(_telling(ev, q))
    forms = {o: _forms(base, o) for o in ev.get("who", ())
             if o not in q.entities and base.type(o) in ("person", "group", "organization")
             and plays(ev, o, wanted(q.answer_part))}  # "who killed": the doer, not a bystander
    spans = {o: [s for s in telling if any(f in s.get("text", "").casefold() for f in fs)] for o, fs in forms.items()}
    others = [o for o, ss in spans.items() if ss]
    if not others:
        return None
    names = [base.name(w) for w in others]
    cited = list({(s["document"], s["start"]): s for o in others for s in spans[o]}.values())
    return Answer(q, "answered", f"{', '.join(names)} — {ev['summary']}" + _when_suffix(ev) + ".", names, base.cites(cited))


def _who_described(base: Base, q: Question) -> Answer | None:
    """"Who was the director of the Uffizi?": the person the sources describe with all
    the question's words and names."""
    want = {stem(w) for w in q.words} | {stem(w) for e in q.entities for w in _WORDS.findall(base.name(e)) if len(w) > 2}
    found = [(ent, m["text"], base.with_name(m, ent) or base.cite(m))
             for ent, m, have in base.descriptions if want <= have]
    if not found:  # an alias that says it all, found again in the text beside the person's name
        found = [(ent, alias, base.cite(span)) for ent, alias, have in base.described_as if want <= have
                 for span in base.alias_spans(ent, alias)]
    people = list(dict.fromkeys(e["id"] for e, _, _ in found))
    if len(people) != 1:
        return None
    ent = base.entities[people[0]]
    cites = list({(c.document, c.start, c.end): c for _, _, c in found}.values())[:3]
    return Answer(q, "answered", f"{ent['name']}: {found[0][1]}.", [ent["name"]], cites)


def _relations(base: Base, person: str, role: str) -> list[tuple[bool, str, dict]]:
    """(reversed, the other person, relation) for relations of ``person`` labelled ``role``;
    "X's wife" reads source X -> target, so those come first."""
    matches = []
    for r in base.relations_of.get(person, ()):
        label = (r.get("label") or r.get("kind") or "").casefold()
        if label != role and label.split()[-1:] != [role]:
            continue
        other = r["target"] if r["source"] == person else r["source"]
        matches.append((r["source"] != person, other, r))
    matches.sort(key=lambda m: m[0])
    return matches


def relative(base: Base, person: str, role: str) -> str | None:
    """The person who is ``person``'s ``role`` ("wife"), if the sources say so."""
    matches = [m for m in _relations(base, person, role) if not m[0]]
    return matches[0][1] if matches else None


def _who_by_relation(base: Base, q: Question) -> Answer | None:
    role = q.role or ""
    matches = _relations(base, q.entities[0], role)
    if not matches:
        return None
    names = list(dict.fromkeys(base.name(o) for _, o, _ in matches))
    # a relation's evidence may be a phrase ("Orsolya's father"): its sentence names the relative too
    spans = [base.sentence(s) for _, _, r in matches for s in r.get("evidence", ())]
    return Answer(q, "answered", f"{base.name(q.entities[0])}'s {role}: {', '.join(names)}.", names, base.cites(spans))


def _who_is(base: Base, q: Question, pid: str) -> Answer | None:
    """"Who was X?": the descriptions the sources give, with their mentions."""
    ent = base.entities[pid]
    names = {ent["name"].casefold()}
    desc = [m for m in ent.get("mentions", ()) if m.get("text", "").casefold() not in names
            and len(m.get("text", "").split()) > 1]
    spans = desc or list(ent.get("mentions", ()))[:1]
    if not spans:
        return None
    forms = list(dict.fromkeys(m["text"] for m in desc))[:4]
    if not forms:
        return None
    return Answer(q, "answered", f"{ent['name']}: {'; '.join(forms)}.", [ent["name"]], base.cites(desc))


def answer_disputes(base: Base, q: Question) -> Answer | None:
    chosen, seen = [], set()
    for c in base.conflicts:
        if not _conflict_fits(base, q, c):
            continue
        key = (c.get("kind"), frozenset(x.get("value") or x.get("text") for x in c.get("claims", ())))
        if key in seen:
            continue
        seen.add(key)
        chosen.append(c)
    if not chosen:
        return None
    parts, cites = [], []
    for c in chosen[:MAX_LISTED]:
        claims = c.get("claims", ())
        parts.append(f"{c.get('about', c['kind'])}: " + " vs ".join(
            f"{base.labels.get(x['document'])} says “{x.get('value') or x.get('text')}”" for x in claims))
        cites.extend(base.cite(base.sentence(x), says=x.get("value") or None) for x in claims)
    n = len(chosen)
    text = f"The sources disagree on {n} point{'s' if n > 1 else ''}: " + "; ".join(parts) + "."
    return Answer(q, "disputed", text, [c.get("about", "") for c in chosen], cites,
                  items=[{"conflict": c["id"], "about": c.get("about", ""), "kind": c.get("kind")} for c in chosen])


def _conflict_fits(base: Base, q: Question, c: dict) -> bool:
    events = [base.event_by_id[e] for e in c.get("events", ()) if e in base.event_by_id] if (q.entities or q.period) else []
    if q.entities:
        names = [base.name(e).casefold() for e in q.entities]
        involved = {w for ev in events for w in list(ev.get("who", ())) + base.places_of(ev)}
        if not (set(q.entities) & involved or any(n in c.get("about", "").casefold() for n in names)):
            return False
    if q.period and events and not any(in_period(ev, q.period) for ev in events):
        return False
    return True

