"""Read-only records the web views use, built once from the export contract.

They mirror the export's objects (same ids and fields) plus what every page needs
precomputed: parsed dates, the places an event falls in, the conflicts it takes part in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..locators import locator_label
from .dates import DateInfo, date_info


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of one document (an event's evidence, a mention, a conflict claim)."""

    document: str
    start: int
    end: int
    text: str
    date: DateInfo | None = None
    value: str | None = None
    where: str = ""  # where in the source: "p. 12", "at 12:05 (Host)"; "" if unknown

    @property
    def anchor(self) -> str:
        return f"s-{self.start}-{self.end}"


def read_span(raw: dict) -> Evidence:
    return Evidence(
        document=raw["document"], start=int(raw["start"]), end=int(raw["end"]),
        text=raw.get("text", ""), date=date_info(raw.get("when")), value=raw.get("value"),
        where=locator_label(raw.get("locator")),
    )


@dataclass(frozen=True, slots=True)
class DocumentRec:
    id: str
    path: str
    title: str | None
    sha256: str
    chars: int
    format: str = ""  # as the export names it: text, html, pdf, vtt, transcript…
    locators: tuple[dict, ...] = ()  # the export's locator map: {"start", "end", "locator"}
    ocr: tuple[tuple[int, float], ...] = ()  # (page, confidence 0-100) for OCR'd pages

    @property
    def label(self) -> str:
        return self.title or PurePosixPath(self.path.replace("\\", "/")).name or self.id


@dataclass(slots=True)
class EntityRec:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    mentions: tuple[Evidence, ...]
    lat: float | None = None
    lon: float | None = None
    gazetteer: str | None = None
    part_of: str | None = None
    documents: tuple[str, ...] = ()
    events: list[str] = field(default_factory=list)  # ids, chronological

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(slots=True)
class EventRec:
    id: str
    kind: str
    summary: str
    date: DateInfo | None
    where: str | None
    who: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    sources: tuple[str, ...]
    confidence: float | None
    places: tuple[str, ...] = ()  # where and every place enclosing it
    conflicts: list[str] = field(default_factory=list)
    order: int = 0  # position in the chronological order of the whole corpus

    @property
    def support(self) -> int:
        return len(self.sources)


@dataclass(frozen=True, slots=True)
class RelationRec:
    id: str
    kind: str
    label: str
    source: str
    target: str
    date: DateInfo | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class ConflictRec:
    id: str
    kind: str
    about: str
    severity: str
    claims: tuple[Evidence, ...]
    events: tuple[str, ...]


def read_document(raw: dict) -> DocumentRec:
    ocr = (raw.get("ocr") or {}).get("pages") or ()
    return DocumentRec(
        id=raw["id"], path=raw.get("path", ""), title=raw.get("title"),
        sha256=raw.get("sha256", ""), chars=int(raw.get("chars", 0)), format=raw.get("format", ""),
        locators=tuple(raw.get("locators") or ()),
        ocr=tuple((int(p["page"]), float(p["confidence"])) for p in ocr),
    )


def read_entity(raw: dict) -> EntityRec:
    mentions = tuple(read_span(m) for m in raw.get("mentions", ()))
    docs = tuple(dict.fromkeys(m.document for m in mentions))
    return EntityRec(
        id=raw["id"], type=raw.get("type", "other"), name=raw.get("name", raw["id"]),
        aliases=tuple(raw.get("aliases", ())), mentions=mentions,
        lat=raw.get("lat"), lon=raw.get("lon"), gazetteer=raw.get("gazetteer"),
        part_of=raw.get("part_of"), documents=docs,
    )


def read_event(raw: dict) -> EventRec:
    return EventRec(
        id=raw["id"], kind=raw.get("kind", "other"), summary=raw.get("summary", ""),
        date=date_info(raw.get("when")), where=raw.get("where"),
        who=tuple(raw.get("who", ())), evidence=tuple(read_span(s) for s in raw.get("evidence", ())),
        sources=tuple(raw.get("sources", ())), confidence=raw.get("confidence"),
    )


def read_relation(raw: dict) -> RelationRec:
    return RelationRec(
        id=raw["id"], kind=raw.get("kind", "other"), label=raw.get("label") or raw.get("kind", ""),
        source=raw["source"], target=raw["target"], date=date_info(raw.get("when")),
        evidence=tuple(read_span(s) for s in raw.get("evidence", ())),
    )


def read_conflict(raw: dict) -> ConflictRec:
    return ConflictRec(
        id=raw["id"], kind=raw.get("kind", "other"), about=raw.get("about", ""),
        severity=raw.get("severity", "soft"), claims=tuple(read_span(c) for c in raw.get("claims", ())),
        events=tuple(raw.get("events", ())),
    )
