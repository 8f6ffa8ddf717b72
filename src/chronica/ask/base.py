"""The knowledge base as the answerers read it: the export contract, indexed once.

Built from the export dict (``chronica-export/1``) that ``whois``, the web app and the
static report also read, so every face answers from the same facts.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..time.labels import MONTHS_LONG, edtf_label
from ..whois import _is_name
from .model import Cite
from .people import join_people
from .words import stems


def date_label(edtf: str | None) -> str:
    """'21 August 1911', 'August 1911', 'autumn 1911', 'c. 1934', 'March 1815 – June 1815'."""
    return edtf_label(edtf, MONTHS_LONG, "an unknown date")


def overlaps(lo1: str | None, hi1: str | None, lo2: str | None, hi2: str | None) -> bool:
    """Do two ISO-bounded periods meet? (A missing bound is open.)"""
    return (lo1 is None or hi2 is None or lo1 <= hi2) and (lo2 is None or hi1 is None or lo2 <= hi1)


@dataclass
class Base:
    """Entities, events, relations and conflicts with the look-ups answers need."""

    export: dict
    texts: dict[str, str] | None = None  # document id -> text, to widen a quote to a name beside it

    def __post_init__(self) -> None:
        data = join_people(self.export)  # one person stored as two entities is asked about as one
        self.entities: dict[str, dict] = {e["id"]: e for e in data.get("entities", ())}
        self.events: list[dict] = sorted(data.get("events", ()), key=_event_order)
        self.event_by_id: dict[str, dict] = {ev["id"]: ev for ev in self.events}
        self.relations: list[dict] = list(data.get("relations", ()) or ())
        self.conflicts: list[dict] = list(data.get("conflicts", ()) or ())
        self.labels = {d["id"]: d.get("title") or PurePosixPath(d.get("path", "")).name or d["id"]
                       for d in data.get("documents", ())}
        self.paths = {d["id"]: PurePosixPath(d.get("path", "")).name for d in data.get("documents", ())}
        self.by_entity: dict[str, list[dict]] = defaultdict(list)
        for ev in self.events:
            for who in dict.fromkeys(ev.get("who", ())):
                self.by_entity[who].append(ev)
            for place in self.places_of(ev):
                self.by_entity[place].append(ev)
        self.relations_of: dict[str, list[dict]] = defaultdict(list)
        for r in self.relations:
            self.relations_of[r["source"]].append(r)
            self.relations_of[r["target"]].append(r)
        self.mentions = {e["id"]: len(e.get("mentions", ())) for e in self.entities.values()}
        self.stem_cache: dict[str, set[str]] = {}  # event id -> word stems of its summary and evidence
        self.by_stem: dict[str, list[dict]] = defaultdict(list)  # word stem -> events that use it
        for ev in self.events:
            have = stems(" ".join([ev.get("summary", "")] + [s.get("text", "") for s in ev.get("evidence", ())]))
            self.stem_cache[ev["id"]] = have
            for st in have:
                self.by_stem[st].append(ev)
        # (person, mention, its stems) for mentions that describe rather than name ("the director of …")
        self.descriptions = [(e, m, stems(m.get("text", ""))) for e in self.entities.values() if e.get("type") == "person"
                             for m in e.get("mentions", ()) if not _is_name(m.get("text", ""))]
        # aliases that describe ("the director of the Uffizi Gallery"), to be found again in the texts
        self.described_as = [(e, a, stems(a)) for e in self.entities.values() if e.get("type") == "person"
                             for a in e.get("aliases", ()) if not _is_name(a)]
        self.by_name: dict[str, list[dict]] = defaultdict(list)  # folded name -> entities, to check a quote names one
        for e in self.entities.values():
            self.by_name[e.get("name", "").casefold()].append(e)
        self._span_when = {(s["document"], s["start"], s["end"]): s.get("when") or {}
                           for ev in self.events for s in ev.get("evidence", ())}
        self.conflicts_of_event: dict[str, list[dict]] = defaultdict(list)
        for c in self.conflicts:
            for eid in c.get("events", ()):
                self.conflicts_of_event[eid].append(c)

    def when_basis(self, cite) -> str | None:
        """How the stored evidence span quoted by ``cite`` got its date (explicit, relative, inferred)."""
        return self._span_when.get((cite.document, cite.start, cite.end), {}).get("basis")

    def places_in(self, span: dict) -> list[tuple[str, int]]:
        """The places named inside a span: (entity id, offset of the name within the span)."""
        return self.named_in(span, ("place",))

    def named_in(self, span: dict, types: tuple[str, ...]) -> list[tuple[str, int]]:
        """Entities of the given types named inside a span: (entity id, offset within the span)."""
        return [(eid, a) for eid, a, _ in self.mentions_in(span, types)]

    def mentions_in(self, span: dict, types: tuple[str, ...]) -> list[tuple[str, int, int]]:
        """Entities of the given types mentioned inside a span: (entity id, start, end within the span)."""
        if not hasattr(self, "_mentions_by_doc"):
            index: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
            for e in self.entities.values():
                for m in e.get("mentions", ()):
                    index[m["document"]].append((m["start"], m["end"], e["id"], e.get("type", "other")))
            for spans in index.values():
                spans.sort()
            self._mentions_by_doc = index
        found = self._mentions_by_doc.get(span["document"], ())
        i = bisect.bisect_left(found, (span["start"],))
        out = []
        while i < len(found) and found[i][0] < span["end"]:
            a, b, eid, t = found[i]
            if t in types and b <= span["end"]:
                out.append((eid, a - span["start"], b - span["start"]))
            i += 1
        return out

    def places_of(self, ev: dict) -> list[str]:
        """The event's place and every place enclosing it."""
        out, cur = [], ev.get("where")
        while cur and cur in self.entities and cur not in out:
            out.append(cur)
            cur = self.entities[cur].get("part_of")
        return out

    def name(self, entity_id: str | None) -> str:
        return self.entities.get(entity_id or "", {}).get("name", entity_id or "")

    def type(self, entity_id: str) -> str:
        return self.entities.get(entity_id, {}).get("type", "other")

    def cite(self, span: dict, says: str | None = None) -> Cite:
        return Cite(span["document"], span["start"], span["end"], span.get("text", ""),
                    self.labels.get(span["document"], span["document"]), span.get("locator"), says)

    def with_name(self, mention: dict, entity: dict, reach: int = 80) -> Cite | None:
        """A description's mention widened to the entity's name written beside it
        ("Giovanni Poggi, the director of the Uffizi"), when the text is at hand."""
        text = (self.texts or {}).get(mention["document"])
        if text is None:
            return None
        near = [m for m in entity.get("mentions", ()) if m["document"] == mention["document"] and m is not mention
                and abs(m["start"] - mention["start"]) <= reach and _is_name(m.get("text", ""))]
        if not near:
            return None
        other = min(near, key=lambda m: abs(m["start"] - mention["start"]))
        a, b = min(other["start"], mention["start"]), max(other["end"], mention["end"])
        if "\n" in text[a:b] or any(ch in text[a:b] for ch in ".!?") and b - a > reach:
            return None
        return self.cite({"document": mention["document"], "start": a, "end": b, "text": text[a:b]})

    def alias_spans(self, entity: dict, alias: str, reach: int = 80) -> list[dict]:
        """Where the texts write ``alias`` next to one of the entity's mentions: the span from
        the mention to the alias ("Giovanni Poggi, the director of the Uffizi Gallery")."""
        out = []
        for m in entity.get("mentions", ()):
            text = (self.texts or {}).get(m["document"])
            if text is None:
                continue
            lo = max(0, m["start"] - reach)
            at = text.find(alias, lo, m["end"] + reach + len(alias))
            if at < 0:
                continue
            a, b = min(at, m["start"]), max(at + len(alias), m["end"])
            if "\n" not in text[a:b]:
                out.append({"document": m["document"], "start": a, "end": b, "text": text[a:b]})
        return list({(x["document"], x["start"], x["end"]): x for x in out}.values())

    def sentence(self, span: dict) -> dict:
        """A short claim ("five days") widened to the sentence that says it, when the text is at hand."""
        text = (self.texts or {}).get(span["document"])
        if text is None or len(span.get("text", "")) > 60:
            return span
        a, b = span["start"], span["end"]
        while a > 0 and text[a - 1] != "\n" and not (text[a - 1] == " " and text[a - 2:a - 1] in ".!?"):
            a -= 1
        while b < len(text) and text[b] != "\n" and not (text[b] in ".!?" and text[b + 1:b + 2] in (" ", "\n", "")):
            b += 1
        b = min(len(text), b + 1) if b < len(text) and text[b] in ".!?" else b
        return {**span, "start": a, "end": b, "text": text[a:b]}

    def cites(self, spans, limit: int = 4) -> list[Cite]:
        """Spans as citations, one per document first (different sources before repeats)."""
        spans = list(spans)
        seen, first, rest = set(), [], []
        for s in spans:
            (rest if s["document"] in seen else first).append(s)
            seen.add(s["document"])
        return [self.cite(s) for s in (first + rest)[:limit]]


def _event_order(ev: dict) -> tuple:
    w = ev.get("when") or {}
    return (w.get("earliest") is None, w.get("earliest") or "", w.get("latest") or "", ev["id"])
