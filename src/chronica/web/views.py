"""What each page shows, as plain data: shared by the HTML pages, their JSON twins
under /api/ and the static report, so the three never disagree."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from .filters import Selection
from .itinerary import itinerary, itinerary_json, located_place
from .kb import KnowledgeBase
from .links import Links
from .network import build_graph
from .reader import document_marks, document_milestones, render_text
from .records import ConflictRec, EntityRec, EventRec
from .search import SearchIndex, snippet
from .templates import environment

PAGE_SIZE = 100  # events per timeline page on the server
REPORT_PAGE_SIZE = 5000  # the static report filters in the browser: one long page
OVERVIEW_EVENTS = 120
PICKER_SIZE = 60  # people / places offered by the selection bar
MAP_PLACES = 200
SEARCH_LIMIT = 25
PALETTE = ("#b5452c", "#2f6f8f", "#6d8a2b", "#8a4f9e", "#c08a1e", "#2a7f62", "#9c3d62", "#4c5fa8")


def _years(event: EventRec) -> tuple[int | None, int | None]:
    if not event.date:
        return None, None
    lo = event.date.lo or event.date.hi
    hi = event.date.hi or event.date.lo
    return lo[0], hi[0]


def event_json(kb: KnowledgeBase, links: Links, event: EventRec) -> dict:
    """One event as the timeline/map scripts need it (they filter on who/places/years)."""
    lo, hi = _years(event)
    date = event.date
    return {
        "id": event.id, "summary": event.summary, "kind": event.kind,
        "date": date.label if date else "undated",
        "start": list(date.lo or date.hi) if date and (date.lo or date.hi) else None,
        "end": list(date.hi) if date and date.is_range and date.hi else None,
        "guessed": bool(date and date.guessed), "support": event.support,
        "conflict": bool(event.conflicts), "who": list(event.who), "places": list(event.places),
        "names": [kb.entity_name(w) for w in event.who], "place": kb.entity_name(event.where),
        "lo": lo, "hi": hi, "url": links.evidence(event.evidence[0]) if event.evidence else None,
    }


class Fragments:
    """Per-event pieces (list item HTML, chart JSON) rendered once per knowledge base and
    link style: events never change once loaded, and long pages are mostly these."""

    def __init__(self, kb: KnowledgeBase, links: Links):
        self.kb, self.links = kb, links
        self.macros = environment().get_template("_macros.html").make_module({"kb": kb, "links": links})
        self.html: dict[tuple[str, str], Markup] = {}
        self.data: dict[str, dict] = {}
        self.text: dict[str, str] = {}
        self.options: dict[str, Markup] = {}

    def event_html(self, event: EventRec, testid: str = "timeline-item") -> Markup:
        key = (event.id, testid)
        hit = self.html.get(key)
        if hit is None:
            hit = self.html[key] = Markup(self.macros.event_item(event, testid))
        return hit

    def event_json(self, event: EventRec) -> dict:
        hit = self.data.get(event.id)
        if hit is None:
            hit = self.data[event.id] = event_json(self.kb, self.links, event)
        return hit

    def chart(self, events: list[EventRec]) -> Markup:
        """The chart's data as HTML-safe JSON, joined from per-event pieces serialised once."""
        pieces = []
        for event in events:
            hit = self.text.get(event.id)
            if hit is None:
                hit = self.text[event.id] = htmlsafe_json_dumps(self.event_json(event), dumps=_compact)
            pieces.append(hit)
        return Markup("[" + ",".join(pieces) + "]")

    def option(self, entity: EntityRec, count: bool) -> Markup:
        """One <option> of the selection bar (names escaped)."""
        key = entity.id + ("#n" if count else "")
        hit = self.options.get(key)
        if hit is None:
            label = f"{entity.name} ({len(entity.events)})" if count else entity.name
            hit = self.options[key] = Markup('<option value="{}">{}</option>').format(entity.id, label)
        return hit

    def warm(self) -> None:
        """Render every event's pieces now (before serving, or before forking workers)."""
        for event in self.kb.all_events:
            self.event_html(event)
        self.chart(self.kb.all_events)


def _compact(obj, **kwargs) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), **kwargs)


def fragments(kb: KnowledgeBase, links: Links) -> Fragments:
    key = (links.mode, links.prefix)
    if key not in kb.fragments:
        kb.fragments[key] = Fragments(kb, links)
    return kb.fragments[key]


def event_url(links: Links):
    return lambda e: links.evidence(e.evidence[0]) if e.evidence else links.page("timeline")


# ------------------------------------------------------------------ selection bar --

@dataclass(frozen=True)
class Picker:
    people: list[EntityRec]
    places: list[EntityRec]
    year_span: tuple[int | None, int | None]
    names: dict[str, str]
    people_options: Markup  # <option>s of people not yet chosen
    place_options: Markup  # <option>s of places, the chosen one selected


def picker(kb: KnowledgeBase, selection: Selection, links: Links) -> Picker:
    size = None if links.static_mode else PICKER_SIZE
    people = kb.pickable_people[:size]
    places = kb.pickable_places[:size]
    shown = {e.id for e in (*people, *places)}
    for extra in (*selection.people, selection.place):
        if extra and extra in kb.entities and extra not in shown:
            (people if kb.entities[extra].type == "person" else places).append(kb.entities[extra])
    names = {e.id: e.name for e in (*people, *places)}
    pieces = fragments(kb, links)
    people_options = Markup("").join(pieces.option(p, True) for p in people if p.id not in selection.people)
    place_options = Markup("").join(
        Markup('<option value="{}" selected>{}</option>').format(p.id, p.name) if p.id == selection.place
        else pieces.option(p, False) for p in places)
    return Picker(people, places, kb.year_span, names, people_options, place_options)


def base_context(kb: KnowledgeBase, links: Links, selection: Selection, page: str) -> dict:
    return {"kb": kb, "links": links, "sel": selection, "page": page,
            "event_html": fragments(kb, links).event_html,
            "picker": picker(kb, selection, links) if page in ("timeline", "map", "graph", "conflicts", "index") else None}


# ------------------------------------------------------------------------ pages --

def overview(kb: KnowledgeBase, links: Links) -> dict:
    ranked = sorted(kb.events.values(), key=_prominence)
    chosen = sorted(ranked[:OVERVIEW_EVENTS], key=lambda e: e.order)
    highlights = sorted(ranked[:12], key=lambda e: e.order)
    return {
        "counts": kb.counts(),
        "events": highlights,
        "chart": fragments(kb, links).chart(chosen),
        "people": kb.pickable_people[:12],
        "places": kb.pickable_places[:12],
        "documents": sorted(kb.documents.values(), key=lambda d: d.label)[:20],
        "conflicts": list(kb.conflicts.values())[:4],
    }


def _prominence(event: EventRec) -> tuple:
    """Most-supported, contested and crowded events first (for short overviews)."""
    return (-event.support, -len(event.conflicts), -len(event.who), event.date is None, event.order)


def timeline(kb: KnowledgeBase, links: Links, selection: Selection, page: int = 1) -> dict:
    events = kb.events_for(selection)
    size = REPORT_PAGE_SIZE if links.static_mode else PAGE_SIZE
    pages = max(1, (len(events) + size - 1) // size)
    page = min(max(1, page), pages)
    shown = events[(page - 1) * size: page * size]
    return {
        "total": len(events), "page_no": page, "pages": pages, "events": shown,
        "chart": [fragments(kb, links).event_json(e) for e in shown],
        "chart_json": fragments(kb, links).chart(shown),
        "groups": _by_year(shown),
    }


def _by_year(events: list[EventRec]) -> list[tuple[str, list[EventRec]]]:
    groups: dict[str, list[EventRec]] = {}
    for event in events:
        lo, hi = _years(event)
        key = "Undated" if lo is None else (str(lo) if lo == hi else f"{lo}–{hi}")
        groups.setdefault(key, []).append(event)
    return list(groups.items())


def map_view(kb: KnowledgeBase, links: Links, selection: Selection) -> dict:
    url = event_url(links)
    people = list(selection.people)
    if links.static_mode:  # the browser picks itineraries from the URL: ship them all
        people = [p.id for p in kb.pickable_people]
    colours = {pid: PALETTE[i % len(PALETTE)] for i, pid in enumerate(people)}
    trips = []
    for pid in people:
        it = itinerary(kb, pid, selection)
        if it is not None and it.stops:
            trips.append((it, colours[pid]))
    context = Selection((), selection.place, selection.year_from, selection.year_to)
    # with itineraries to draw, the per-place markers are not shown: skip them on the server
    places = [] if trips and not links.static_mode else _places_with_events(kb, links, context)
    return {
        "trips": [t for t, _ in trips if t.person.id in selection.people] if links.static_mode else [t for t, _ in trips],
        "data": {"places": places, "itineraries": [itinerary_json(t, url, c) for t, c in trips],
                 "selected": list(selection.people)},
        "colours": colours,
    }


def _places_with_events(kb: KnowledgeBase, links: Links, context: Selection) -> list[dict]:
    """Located places with their event counts (the whole corpus's answer is kept)."""
    key = ("places", links.mode, links.prefix, context)
    if key in kb.fragments:
        return kb.fragments[key]
    url = event_url(links)
    counts: Counter[str] = Counter()
    events_at: dict[str, list[EventRec]] = defaultdict(list)
    for event in kb.events_for(context):
        place = located_place(kb, event.where)
        if place is not None:
            counts[place.id] += 1
            if len(events_at[place.id]) < 4:
                events_at[place.id].append(event)
    places = [
        {"id": pid, "name": kb.entities[pid].name, "lat": kb.entities[pid].lat, "lon": kb.entities[pid].lon,
         "count": n, "url": links.entity(pid), "places": [pid, *kb.ancestors.get(pid, ())],
         "events": [{"id": e.id, "summary": e.summary, "date": e.date.label if e.date else "", "url": url(e),
                     "who": list(e.who)} for e in events_at[pid]]}
        for pid, n in counts.most_common(MAP_PLACES)
    ]
    if context.empty:
        kb.fragments[key] = places
    return places


def graph_view(kb: KnowledgeBase, links: Links, selection: Selection) -> dict:
    graph = build_graph(kb, selection)
    nodes = [kb.entities[n] for n in graph.nodes]
    url = event_url(links)
    edges_json = []
    for edge in graph.edges:
        if edge.relation is not None:
            evidence = [{"summary": edge.relation.label, "date": edge.relation.date.label if edge.relation.date else "",
                         "url": links.evidence(s), "quote": s.text} for s in edge.relation.evidence]
        else:
            evidence = [{"summary": e.summary, "date": e.date.label if e.date else "", "url": url(e),
                         "quote": e.evidence[0].text if e.evidence else "", "lo": _years(e)[0],
                         "hi": _years(e)[1], "places": list(e.places)} for e in edge.events]
        edges_json.append({"id": edge.id, "source": edge.source, "target": edge.target, "kind": edge.kind,
                           "label": edge.label, "evidence": evidence})
    return {
        "graph": graph, "nodes": nodes,
        "data": {
            "nodes": [{"id": n.id, "name": n.name, "type": n.type, "degree": graph.degree.get(n.id, 0),
                       "url": links.entity(n.id), "selected": n.id in selection.people} for n in nodes],
            "edges": edges_json,
        },
    }


def conflicts_view(kb: KnowledgeBase, selection: Selection) -> dict:
    items = kb.conflicts_for(selection)
    items.sort(key=lambda c: (c.severity != "hard", c.kind, c.about))
    return {"conflicts": items, "events_of": {c.id: [kb.events[e] for e in _conflict_events(kb, c)] for c in items}}


def _conflict_events(kb: KnowledgeBase, conflict: ConflictRec) -> list[str]:
    return [eid for eid, cids in kb.conflicts_by_event.items() if conflict.id in cids] if not conflict.events \
        else [e for e in conflict.events if e in kb.events]


def document_view(kb: KnowledgeBase, links: Links, doc_id: str) -> dict:
    doc = kb.documents[doc_id]
    text = kb.texts.get(doc_id)
    html = (render_text(text, document_marks(kb, doc_id, links.entity), document_milestones(doc, text))
            if text is not None else Markup(""))
    facts = []
    for eid in kb.events_by_document.get(doc_id, ()):
        event = kb.events[eid]
        for span in event.evidence:
            if span.document == doc_id:
                facts.append((span, event))
                break
    facts.sort(key=lambda f: f[0].start)
    mentioned = Counter(ent for _, ent in kb.mentions_by_document.get(doc_id, ()))
    return {
        "doc": doc, "html": html, "has_text": text is not None, "facts": facts,
        "conflicts": [kb.conflicts[c] for c in kb.conflicts_by_document.get(doc_id, ())],
        "entities": [(kb.entities[e], n) for e, n in mentioned.most_common(40)],
    }


def entity_view(kb: KnowledgeBase, links: Links, entity_id: str) -> dict:
    ent = kb.entities[entity_id]
    events = [kb.events[e] for e in ent.events]
    url = event_url(links)
    trip = itinerary(kb, entity_id) if ent.type == "person" else None
    by_source: dict[str, list[EventRec]] = defaultdict(list)
    for event in events:
        for span in event.evidence:
            by_source[span.document].append(event)
    mentions_by_doc = Counter(m.document for m in ent.mentions)
    sources = [(kb.documents.get(d), by_source.get(d, []), mentions_by_doc.get(d, 0))
               for d in dict.fromkeys([*ent.documents, *by_source]) if d in kb.documents]
    conflict_ids = dict.fromkeys(c for e in events for c in e.conflicts)
    if ent.type == "place":
        place_data = [{"id": ent.id, "name": ent.name, "lat": ent.lat, "lon": ent.lon, "count": len(events),
                       "url": links.entity(ent.id), "events": []}] if ent.located else []
        map_data = {"places": place_data, "itineraries": [], "selected": []}
    else:
        map_data = {"places": [], "itineraries": [itinerary_json(trip, url, PALETTE[0])] if trip and trip.stops else [],
                    "selected": [entity_id]}
    return {
        "ent": ent, "events": events, "trip": trip, "sources": sources,
        "relations": [kb.relations[r] for r in kb.relations_by_entity.get(entity_id, ())],
        "conflicts": [kb.conflicts[c] for c in conflict_ids],
        "chart": fragments(kb, links).chart(events[:REPORT_PAGE_SIZE]) if events else None,
        "map": map_data, "part_of": [kb.entities[a] for a in kb.ancestors.get(entity_id, ())],
        "contains": kb.parts.get(entity_id, []) if ent.type == "place" else [],
    }


def search_view(kb: KnowledgeBase, index: SearchIndex, query: str) -> dict:
    found = index.search(query) if query.strip() else {"entity": [], "event": [], "document": []}
    docs = []
    for doc_id in found["document"][:SEARCH_LIMIT]:
        docs.append((kb.documents[doc_id], snippet(kb.texts.get(doc_id, ""), query)))
    return {
        "q": query,
        "entities": [kb.entities[e] for e in found["entity"][:SEARCH_LIMIT]],
        "events": [kb.events[e] for e in found["event"][:SEARCH_LIMIT]],
        "documents": docs,
        "totals": {k: len(v) for k, v in found.items()},
    }
