"""The source reader's text: a document with every extracted span highlighted by kind.

Spans may nest or cross (a mention inside an event's sentence, two claims sharing a
clause), so the text is cut at every span boundary and tags are closed and reopened
to stay well-formed. Every piece of source text goes through `escape`.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..locators import Locator, short_time
from .kb import KnowledgeBase
from .records import DocumentRec

# layer order: outer first when two spans start together and end together
LAYERS = ("event", "claim", "relation", "mention")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    layer: str  # event | claim | relation | mention
    css: str  # extra classes: entity type, severity
    title: str
    href: str | None = None  # mentions link to their entity
    ref: str = ""  # the event, conflict, relation or entity id

    @property
    def anchor(self) -> str:
        return f"s-{self.start}-{self.end}"


def document_marks(kb: KnowledgeBase, doc_id: str, entity_url) -> list[Mark]:
    """Every highlight of one document: events, conflict claims, relations, mentions."""
    marks: list[Mark] = []
    for eid in kb.events_by_document.get(doc_id, ()):
        event = kb.events[eid]
        date = f" · {event.date.label}" if event.date else ""
        for span in event.evidence:
            if span.document == doc_id:
                css = "is-conflict" if event.conflicts else ""
                marks.append(Mark(span.start, span.end, "event", css, f"{event.kind}: {event.summary}{date}", ref=eid))
    for cid in kb.conflicts_by_document.get(doc_id, ()):
        conflict = kb.conflicts[cid]
        for claim in conflict.claims:
            if claim.document == doc_id:
                title = f"{conflict.severity} {conflict.kind} conflict: {conflict.about}"
                marks.append(Mark(claim.start, claim.end, "claim", f"sev-{conflict.severity}", title, ref=cid))
    for rel in kb.relations.values():
        for span in rel.evidence:
            if span.document == doc_id:
                title = f"{kb.entity_name(rel.source)} — {rel.label} — {kb.entity_name(rel.target)}"
                marks.append(Mark(span.start, span.end, "relation", "", title, ref=rel.id))
    for span, ent_id in kb.mentions_by_document.get(doc_id, ()):
        ent = kb.entities[ent_id]
        marks.append(Mark(span.start, span.end, "mention", f"t-{ent.type}", f"{ent.type}: {ent.name}",
                          href=entity_url(ent_id), ref=ent_id))
    return marks


def document_milestones(doc: DocumentRec, text: str) -> list[tuple[int, str]]:
    """Where the reader shows where it is in the original: "p. 3" where a page begins,
    "12:05 · Host" where a speaker's turn begins (a paragraph of a transcript)."""
    out: list[tuple[int, str]] = []
    last_page = None
    for raw in doc.locators:
        loc = Locator.from_dict(raw.get("locator", {}))
        start = int(raw["start"])
        if loc.page is not None and loc.page != last_page:
            out.append((start, f"p. {loc.page}"))
            last_page = loc.page
        elif loc.time and (start == 0 or text[max(0, start - 2):start] == "\n\n"):
            out.append((start, " · ".join(x for x in (short_time(loc.time), loc.speaker) if x)))
    return out


def _open_tag(mark: Mark, anchor_id: str | None, inside_link: bool) -> tuple[str, str]:
    classes = " ".join(c for c in ("hl", f"hl-{mark.layer}", mark.css) if c)
    attrs = [f'class="{classes}"', f'data-span="{mark.anchor}"',
             f'title="{escape(mark.title)}"', f'data-ref="{escape(mark.ref)}"']
    if anchor_id:
        attrs.append(f'id="{anchor_id}"')
    if mark.layer == "mention":
        if mark.href and not inside_link:
            attrs.append(f'href="{escape(mark.href)}"')
            return f"<a {' '.join(attrs)}>", "</a>"
        return f"<span {' '.join(attrs)}>", "</span>"
    attrs.append('data-testid="evidence"')
    return f"<mark {' '.join(attrs)}>", "</mark>"


def _milestone(label: str) -> str:
    # the label is drawn by CSS from the attribute, so it is no part of the text (a
    # highlighted quote's text stays the source's own)
    return f'<span class="milestone" data-testid="locator" data-label="{escape(label)}"></span>'


def render_text(text: str, marks: list[Mark], milestones: list[tuple[int, str]] = ()) -> Markup:
    """HTML of the whole text with nested, well-formed highlight tags, and the page or
    timecode labels of ``milestones`` (offset, label) where they fall."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    labels: dict[int, list[str]] = {}
    for offset, label in milestones:
        if 0 <= offset < len(text):
            labels.setdefault(offset, []).append(label)
    starts: dict[int, list[Mark]] = {}
    for m in valid:
        starts.setdefault(m.start, []).append(m)
    for group in starts.values():
        group.sort(key=lambda m: (-m.end, LAYERS.index(m.layer)))
    bounds = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid), *labels})
    out: list[str] = []
    stack: list[tuple[Mark, str]] = []  # open marks with their closing tags
    used_ids: set[str] = set()

    def links_open() -> bool:
        return any(close == "</a>" for _, close in stack)

    def open_mark(mark: Mark) -> None:
        anchor_id = None if mark.anchor in used_ids else mark.anchor
        if anchor_id:
            used_ids.add(anchor_id)
        tag, close = _open_tag(mark, anchor_id, links_open())
        out.append(tag)
        stack.append((mark, close))

    for i, pos in enumerate(bounds):
        if stack and any(m.end == pos for m, _ in stack):
            reopen: list[Mark] = []
            while any(m.end == pos for m, _ in stack):
                mark, close = stack.pop()
                out.append(close)
                if mark.end != pos:
                    reopen.append(mark)
            for mark in reversed(reopen):
                open_mark(mark)
        out.extend(_milestone(label) for label in labels.get(pos, ()))
        for mark in starts.get(pos, ()):
            open_mark(mark)
        if i + 1 < len(bounds):
            out.append(str(escape(text[pos:bounds[i + 1]])))
    for _, close in reversed(stack):
        out.append(close)
    return Markup("".join(out))
