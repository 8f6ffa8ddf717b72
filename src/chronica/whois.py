""""Whatever happened to …?": a person's life as the sources tell it.

``whois(export, name)`` works on the export-contract dict (``chronica-export/1``) so the
CLI and the web app share it; ``render_whois(report, console)`` draws it with rich.
The report: the best-matching person, their aliases, a dated itinerary (date range ->
place, with evidence), the events they take part in, the people linked to them by
relations and by shared events, and the documents that say so.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from rapidfuzz import fuzz
from rich.table import Table

from .locators import locator_label
from .resources.names import clean_surface, fold, particles, titles
from .resources import default as default_resources
from .resources import load

FUZZY_MIN = 85.0  # a near spelling ("Kowalsky" for "Kowalski", 87.5) counts from here; "Halina"/"Hala" is 80
PART_SCORE = 95.0  # the query's words are words of a name ("Kowalska" for "Irena Kowalska")
AMBIGUOUS_WITHIN = 0.5  # candidates this close to the best are listed, not chosen between


@dataclass(frozen=True)
class Evidence:
    document: str
    start: int
    end: int
    text: str
    where: str = ""  # "p. 12", "at 12:05 (Host)": where in the source, if known


@dataclass(frozen=True)
class Stop:
    """A stay or a passage: from a date to a date at one place."""

    place: str  # entity id
    place_name: str
    start: str | None  # EDTF of the first event there (None: undated)
    end: str | None  # EDTF of the last event there in this run
    earliest: str | None
    latest: str | None
    lat: float | None
    lon: float | None
    events: list[str]
    evidence: list[Evidence]


@dataclass(frozen=True)
class EventRow:
    id: str
    kind: str
    summary: str
    when: str | None
    earliest: str | None
    where: str | None  # place name
    others: list[str]  # names of the other participants
    evidence: list[Evidence]


@dataclass(frozen=True)
class Link:
    entity: str
    name: str
    how: str  # "wife", "son of", "shared events"
    kind: str  # relation kind, or "event"
    evidence: list[Evidence]
    count: int = 1


@dataclass(frozen=True)
class DocumentRow:
    id: str
    title: str | None
    path: str | None
    mentions: int
    events: int
    ocr: bool = False  # read by OCR: evidence with a caveat


@dataclass
class PersonReport:
    query: str
    id: str
    name: str
    score: float
    aliases: list[str]  # names, most used first
    match: str = "exact"  # exact | part (a word of a name) | closest (a near spelling)
    itinerary: list[Stop] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    people: list[Link] = field(default_factory=list)
    documents: list[DocumentRow] = field(default_factory=list)
    other_matches: list[tuple[str, str, float]] = field(default_factory=list)  # (id, name, score)
    descriptions: list[str] = field(default_factory=list)  # "the revolutionary", "Caesar’s assassin"

    def to_dict(self) -> dict:
        return asdict(self)


# ------------------------------------------------------------------ look-up --

def _tokens(form: str) -> list[str]:
    return [t for t in re.split(r"[\s\-’']+", form) if t]


def _score(query: str, forms: list[str]) -> tuple[float, str]:
    """How well ``query`` names someone with these forms, and how: an exact name or
    alias; every word of the query a word of one name ("Ostrow" for "Karl Ostrow");
    else a near spelling (fuzzy, only above FUZZY_MIN: "Halina" is not "Hala")."""
    q = fold(query).strip()
    q_words = _tokens(q)
    best, how = 0.0, "closest"
    for f in forms:
        f2 = fold(f).strip()
        if not f2:
            continue
        if f2 == q:
            return 100.0, "exact"
        words = _tokens(f2)
        if q_words and all(w in words for w in q_words):
            if PART_SCORE > best:
                best, how = PART_SCORE, "part"
            continue
        near = fuzz.ratio(q, f2)
        if len(q_words) == 1:  # one word: also spell-check it against each word of a name
            near = max([near] + [fuzz.ratio(q, w) for w in words if len(w) >= 3])
        if near >= FUZZY_MIN and near > best:
            best, how = near, "closest"
    return best, how


def find_person(export: dict, name: str) -> list[tuple[dict, float, str]]:
    """Person entities ranked by how well ``name`` matches their name or an alias, with
    how it matched (ties: the one the sources mention most)."""
    ranked = []
    for e in export.get("entities", []):
        if e.get("type") != "person":
            continue
        s, how = _score(name, [e.get("name", "")] + list(e.get("aliases", [])))
        if s >= FUZZY_MIN:
            ranked.append((e, s, how))
    ranked.sort(key=lambda x: (-x[1], -len(x[0].get("mentions", [])), x[0]["id"]))
    return ranked


def candidates(export: dict, name: str) -> list[tuple[str, str]]:
    """The people ``name`` could equally mean, (id, name), when it is ambiguous; else []."""
    ranked = find_person(export, name)
    if len(ranked) < 2:
        return []
    top = ranked[0][1]
    close = [(e["id"], e["name"]) for e, s, _ in ranked if top - s <= AMBIGUOUS_WITHIN]
    return close if len(close) > 1 else []


def whois(export: dict, name: str) -> PersonReport | None:
    """The report for the person best matching ``name``, or None if nobody matches."""
    ranked = find_person(export, name)
    if not ranked:
        return None
    person, score, how = ranked[0]
    ents = {e["id"]: e for e in export.get("entities", [])}
    pid = person["id"]
    mine = [ev for ev in export.get("events", []) if pid in ev.get("who", [])]
    mine.sort(key=_event_order)
    report = PersonReport(
        query=name, id=pid, name=person["name"], score=round(score, 1), match=how,
        aliases=_aliases(person),
        descriptions=_descriptions(person),
        itinerary=itinerary(mine, ents),
        events=[_event_row(ev, pid, ents) for ev in mine],
        people=_people(export, pid, mine, ents),
        documents=_documents(export, person, mine),
        other_matches=[(e["id"], e["name"], round(s, 1)) for e, s, _ in ranked[1:6]],
    )
    return report


_AGE = re.compile(r"\b[\w-]*-year-old\b|\d", re.IGNORECASE)


def _determiners() -> frozenset[str]:
    """"his", "that": a form starting with one refers to a person without naming them."""
    return frozenset(load("names/determiners.txt"))


def _form_key(form: str) -> str:
    """Case, accents, possessive and a leading "the" folded: "The Emperor" ~ "emperor"."""
    return re.sub(r"^the\s+", "", fold(clean_surface(form)))


def _usage(person: dict) -> Counter:
    return Counter(_form_key(m.get("text", "")) for m in person.get("mentions", []))


def _is_name(form: str) -> bool:
    """Every word capitalised but particles and "of" ("Count Otto of
    Tyrol"), and not a bare title ("Emperor", "The Emperor")."""
    words = form.split()
    if not words or words[0].casefold() == "the":
        return False
    if tuple(w.casefold().strip(".") for w in words) in set(titles()):
        return False
    small = particles() | {"of"}
    return all(w[:1].isupper() or _caseless(w) or w.casefold() in small or _particle_prefixed(w) for w in words) \
        and (words[0][:1].isupper() or _caseless(words[0]) or _particle_prefixed(words[0]))


_PARTICLE_PREFIXED = re.compile(r"^[a-z]{1,3}[-'’][A-Z]")


def _particle_prefixed(word: str) -> bool:
    """"al-Sahili", "ad-Din", "d'Arc": a lower-case particle joined to a capitalised name."""
    return bool(_PARTICLE_PREFIXED.match(word))


def _caseless(word: str) -> bool:
    """A word of a script without capitals ("李伟"): a name whatever its case."""
    return bool(word) and word[0].isalpha() and word[0].upper() == word[0].lower()


def _clean_forms(person: dict) -> list[str]:
    """Aliases without junk: appositive fragments ("his exile, Napoleon"), ages
    ("48-year-old Victor Hugo"), forms relative to someone else ("his father")."""
    out = []
    for a in [person["name"]] + list(person.get("aliases", [])):
        a = clean_surface(a)
        if not a or "," in a or _AGE.search(a) or a.split()[0].casefold() in _determiners():
            continue
        out.append(a)
    return out


def _ranked(forms: list[str], person: dict) -> list[str]:
    """One form per folded key (the one written most, else the first), most used first."""
    written = Counter(clean_surface(m.get("text", "")) for m in person.get("mentions", []))
    usage = _usage(person)
    best: dict[str, str] = {}
    for f in forms:
        k = _form_key(f)
        if k not in best or written[f] > written[best[k]]:
            best[k] = f
    order = sorted(best, key=lambda k: -usage[k])  # stable: ties keep the document order
    return [best[k] for k in order]


def _aliases(person: dict) -> list[str]:
    """The names a person goes by, most used first (descriptions apart)."""
    names = [f for f in _clean_forms(person) if _is_name(f)]
    ranked = _ranked(names, person)
    main = _form_key(person["name"])
    return [person["name"]] + [f for f in ranked if _form_key(f) != main]


def _descriptions(person: dict, limit: int = 5) -> list[str]:
    """Descriptions the sources use for the person ("the actor"), not those that wrap a
    name already listed ("philosopher Jean-Paul Sartre")."""
    forms = _clean_forms(person)
    names = {_form_key(f) for f in forms if _is_name(f)}
    descs = [f for f in forms if not _is_name(f)
             and not any(_form_key(f).endswith(" " + n) for n in names)]
    return _ranked(descs, person)[:limit]


# ------------------------------------------------------------------ parts --

def _event_order(ev: dict) -> tuple:
    w = ev.get("when") or {}
    return (w.get("earliest") is None, w.get("earliest") or "", w.get("latest") or "", ev["id"])


def _evidence(spans: list[dict]) -> list[Evidence]:
    return [Evidence(s["document"], s["start"], s["end"], s["text"], locator_label(s.get("locator")))
            for s in spans]


def itinerary(events: list[dict], ents: dict[str, dict]) -> list[Stop]:
    """Dated events with a place, in date order; consecutive events at one place form
    one stop from the first date to the last. A place that contains another place of
    the itinerary given for the same period (a country and its city) is left out."""
    stops: list[Stop] = []
    for ev in _finest(events, ents):
        where = ev.get("where")
        w = ev.get("when")
        if not where or where not in ents or not w:
            continue
        place = ents[where]
        ev_spans = _evidence(ev.get("evidence", []))
        if stops and stops[-1].place == where:
            prev = stops[-1]
            stops[-1] = Stop(where, prev.place_name, prev.start, w.get("edtf"), prev.earliest,
                             max(filter(None, [prev.latest, w.get("latest")]), default=None),
                             prev.lat, prev.lon, prev.events + [ev["id"]], prev.evidence + ev_spans)
            continue
        stops.append(Stop(where, place.get("name", where), w.get("edtf"), w.get("edtf"),
                          w.get("earliest"), w.get("latest"), place.get("lat"), place.get("lon"),
                          [ev["id"]], ev_spans))
    return stops


def _period(ev: dict) -> tuple[str, str] | None:
    w = ev.get("when") or {}
    return (w["earliest"], w["latest"]) if w.get("earliest") and w.get("latest") else None


def _finest(events: list[dict], ents: dict[str, dict]) -> list[dict]:
    """Events without those whose place encloses the place of other events whose dates
    cover theirs: "Italy, 1848-1849" goes when "Rome, 1848-1849" is there; a
    country the text gives alone for a period stays."""
    placed = [(ev, _period(ev)) for ev in events if ev.get("where") in ents and _period(ev)]
    out = []
    for ev in events:
        p = _period(ev)
        where = ev.get("where")
        if p is None or where not in ents:
            out.append(ev)
            continue
        inner = [q for o, q in placed if o.get("where") != where and _encloses(ents, where, o["where"])
                 and q[0] <= p[1] and p[0] <= q[1]]
        covered = inner and min(q[0] for q in inner) <= p[0] and max(q[1] for q in inner) >= p[1]
        if not covered:
            out.append(ev)
    return out


def _encloses(ents: dict[str, dict], outer: str, inner: str) -> bool:
    """``inner`` lies within ``outer``: by the export's part_of chain, else by the
    gazetteer (a curated island in its country)."""
    cur, seen = ents.get(inner, {}).get("part_of"), set()
    while cur and cur not in seen:
        if cur == outer:
            return True
        seen.add(cur)
        cur = ents.get(cur, {}).get("part_of")
    a, b = ents[inner].get("gazetteer"), ents[outer].get("gazetteer")
    if not a or not b or a == b:
        return False
    try:
        return bool(default_resources().gazetteer().is_within(a, b))
    except Exception:  # no gazetteer built here: the part_of chain is all we know
        return False


def _event_row(ev: dict, pid: str, ents: dict[str, dict]) -> EventRow:
    w = ev.get("when") or {}
    where = ev.get("where")
    return EventRow(
        id=ev["id"], kind=ev.get("kind", "other"), summary=ev.get("summary", ""),
        when=w.get("edtf"), earliest=w.get("earliest"),
        where=ents[where]["name"] if where in ents else None,
        others=[ents[o]["name"] for o in ev.get("who", []) if o != pid and o in ents],
        evidence=_evidence(ev.get("evidence", [])),
    )


def _people(export: dict, pid: str, events: list[dict], ents: dict[str, dict]) -> list[Link]:
    links: list[Link] = []
    for r in export.get("relations", []) or []:
        label = r.get("label") or r.get("kind", "")
        if r["source"] == pid and r["target"] in ents:
            other, how = r["target"], label  # the other is this person's <label>
        elif r["target"] == pid and r["source"] in ents:
            other, how = r["source"], f"{label} of"  # this person is the other's <label>
        else:
            continue
        links.append(Link(other, ents[other]["name"], how, r.get("kind", "other"),
                          _evidence(r.get("evidence", []))))
    shared: dict[str, list[dict]] = defaultdict(list)
    for ev in events:
        for o in ev.get("who", []):
            if o != pid and o in ents and ents[o].get("type") == "person":
                shared[o].append(ev)
    for o, evs in sorted(shared.items(), key=lambda x: (-len(x[1]), ents[x[0]]["name"])):
        spans = [s for ev in evs for s in ev.get("evidence", [])[:1]]
        links.append(Link(o, ents[o]["name"], "shared events", "event", _evidence(spans), len(evs)))
    return links


def _documents(export: dict, person: dict, events: list[dict]) -> list[DocumentRow]:
    mentions = Counter(m["document"] for m in person.get("mentions", []))
    ev_count: Counter = Counter()
    for ev in events:
        for d in set(ev.get("sources", [])):
            ev_count[d] += 1
    docs = {d["id"]: d for d in export.get("documents", [])}
    ids = sorted(set(mentions) | set(ev_count), key=lambda d: (-mentions[d] - ev_count[d], d))
    return [DocumentRow(d, docs.get(d, {}).get("title"), docs.get(d, {}).get("path"),
                        mentions[d], ev_count[d], bool(docs.get(d, {}).get("ocr"))) for d in ids]


# ------------------------------------------------------------------ rendering --

def _quote(ev: list[Evidence], width: int = 90) -> str:
    if not ev:
        return ""
    t = " ".join(ev[0].text.split())
    t = (t[: width - 1] + "…") if len(t) > width else t
    return f"{t} ({ev[0].where})" if ev[0].where else t


def render_whois(report: PersonReport | None, console) -> None:
    """Draw a report with rich tables on ``console`` (a ``rich.console.Console``)."""
    if report is None:
        console.print("[yellow]No person in the knowledge base matches that name.[/yellow]")
        return
    _render_header(report, console)
    itinerary = [(s.start or "?", s.end if s.end != s.start else "", s.place_name, _quote(s.evidence))
                 for s in report.itinerary]
    console.print(_table("Itinerary", ("From", "To", "Place", "Evidence"), itinerary, show_lines=False)
                  if itinerary else "[dim]No dated places.[/dim]")
    events = [(e.when or "", e.kind, e.summary, e.where or "", ", ".join(e.others[:4])) for e in report.events]
    console.print(_table("Events", ("When", "Kind", "What", "Where", "With"), events)
                  if events else "[dim]No events.[/dim]")
    people = [(p.name, p.how if p.kind != "event" else f"{p.count} shared event(s)", _quote(p.evidence))
              for p in report.people]
    console.print(_table("People", ("Who", "Link", "Evidence"), people) if people else "[dim]No linked people.[/dim]")
    documents = [((d.title or d.path or d.id) + (" [OCR]" if d.ocr else ""), str(d.mentions), str(d.events))
                 for d in report.documents]
    console.print(_table("Documents", ("Document", "Mentions", "Events"), documents))
    if report.other_matches:
        console.print("[dim]Other matches: " + "; ".join(f"{n} ({i})" for i, n, _ in report.other_matches) + "[/dim]")


def _render_header(report: PersonReport, console) -> None:
    if report.match == "closest":
        console.print(f"[yellow]No one is called {report.query!r}; closest match "
                      f"(similarity {report.score:g}):[/yellow]", highlight=False)
    console.print(f"[bold]{report.name}[/bold]  [dim]{report.id} ({report.match} match)[/dim]")
    if report.aliases:
        console.print("Also known as: " + ", ".join(a for a in report.aliases if a != report.name))
    if report.descriptions:
        console.print("[dim]Described as: " + ", ".join(report.descriptions) + "[/dim]")


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]], **options) -> Table:
    t = Table(title=title, **options)
    for col in columns:
        t.add_column(col)
    for row in rows:
        t.add_row(*row)
    return t
