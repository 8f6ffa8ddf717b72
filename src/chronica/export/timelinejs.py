"""TimelineJS 3 (Knight Lab) JSON: one slide per dated event, evidence quoted on the slide.

Dates are only as precise as the source: a year-only event gets `{"year": 1911}`, never
an invented 1 January. TimelineJS counts BC years as negative historical years (it shows
`-44` as "44 BCE"), so astronomical EDTF years are shifted (`-0043` -> -44). Approximate,
uncertain, seasonal and open-ended dates carry a `display_date` with their wording.
TimelineJS cannot place an undated event, so those are listed on the title slide.
"""
from __future__ import annotations

import json
from html import escape

from .dates import Dated, Moment, read_when
from .registry import exporter, text_stream
from .view import ExportView

MAX_QUOTES = 3  # evidence quotes shown per slide; the rest are counted


@exporter("timelinejs", "TimelineJS 3 (Knight Lab) timeline JSON", "application/json", "timeline.json")
def write_timelinejs(view: ExportView, sink) -> None:
    dated, undated = [], []
    for ev in view.chronology():
        (dated if view.dates[ev["id"]] else undated).append(ev)
    by_document = _one_person(view, dated)
    with text_stream(sink, "timeline.json") as out:
        out.write('{"scale": "human",\n"title": ')
        out.write(json.dumps(title_slide(view, len(dated), undated), ensure_ascii=False))
        out.write(',\n"events": [')
        for i, ev in enumerate(dated):
            out.write(",\n" if i else "\n")
            out.write(json.dumps(slide(view, ev, by_document), ensure_ascii=False))
        out.write("\n]}\n")


def slide(view: ExportView, ev: dict, group_by_document: bool) -> dict:
    date: Dated = view.dates[ev["id"]]
    first = date.start or date.end  # an open start (`../1917`) is shown at its known end
    out = {"unique_id": ev["id"], "start_date": tl_date(first),
           "text": {"headline": escape(ev["summary"]), "text": slide_text(view, ev, date)}}
    if date.start and date.end and date.end != date.start:
        out["end_date"] = tl_date(date.end)
    if date.qualified or date.start is None or date.end is None:
        out["display_date"] = date.label
    group = _group(view, ev, group_by_document)
    if group:
        out["group"] = group
    return out


def tl_date(m: Moment) -> dict:
    out = {"year": m.historical_year}
    for key in ("month", "day", "hour", "minute"):
        value = getattr(m, key)
        if value is not None:
            out[key] = value
    return out


def slide_text(view: ExportView, ev: dict, date: Dated) -> str:
    parts = []
    who = [view.name(w) for w in ev["who"]]
    facts = []
    if who:
        facts.append("Who: " + ", ".join(escape(w) for w in who))
    if ev["where"]:
        facts.append("Where: " + escape(view.name(ev["where"])))
    facts.append(f"When: {escape(date.label)} <small>(EDTF {escape(date.edtf)}, {escape(date.basis or '')})</small>")
    parts.append("<p>" + "<br>".join(facts) + "</p>")
    for span in ev["evidence"][:MAX_QUOTES]:
        parts.append(quote_html(view, span))
    extra = len(ev["evidence"]) - MAX_QUOTES
    if extra > 0:
        parts.append(f"<p><small>and {extra} more passage{'s' if extra > 1 else ''}</small></p>")
    return "".join(parts)


def quote_html(view: ExportView, span: dict) -> str:
    own = read_when(span.get("when"))
    dated = f" (this source: {escape(own.label)})" if own else ""
    return (f"<blockquote>“{escape(span['text'])}”</blockquote>"
            f"<p><small>— {escape(view.citation(span))}{dated}</small></p>")


def title_slide(view: ExportView, placed: int, undated: list[dict]) -> dict:
    docs = [escape(view.doc_label(d)) for d in view.documents]
    headline = "Chronica timeline" + (f": {escape(view.selection)}" if view.selection else "")
    text = (f"<p>{placed} dated events from {len(docs)} source{'s' if len(docs) != 1 else ''}: "
            f"{'; '.join(docs)}.</p>")
    if undated:
        names = "".join(f"<li>{escape(ev['summary'])} <small>({escape(view.citation(ev['evidence'][0]))})"
                        f"</small></li>" for ev in undated)
        text += f"<p>{len(undated)} undated event{'s' if len(undated) > 1 else ''} (not placed):</p><ul>{names}</ul>"
    return {"text": {"headline": headline, "text": text}}


def _one_person(view: ExportView, events: list[dict]) -> bool:
    """A one-person timeline is grouped by source; any other by person."""
    people = {w for ev in events for w in ev["who"] if view.entities.get(w, {}).get("type") == "person"}
    return len(people) <= 1


def _group(view: ExportView, ev: dict, by_document: bool) -> str | None:
    if not by_document:
        people = [w for w in ev["who"] if view.entities.get(w, {}).get("type") == "person"]
        if people:
            return view.name(people[0])
    return view.doc_label(ev["sources"][0]) if ev["sources"] else None
