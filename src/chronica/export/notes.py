"""Research notes as a writer keeps them: a dated chronology with quotes and numbered
citations, and where the sources disagree. Markdown and Word (.docx) render the same
`Notes`, built once here.

A citation names the source and, where the input reader recorded one, the page or
timecode of the passage; otherwise its character offsets, which always resolve.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .dates import read_when
from .view import ExportView


@dataclass
class Entry:
    date: str
    summary: str
    details: str                      # who and where
    quotes: list[tuple[str, int]]     # (quoted text, note number)


@dataclass
class Disagreement:
    about: str
    severity: str
    claims: list[tuple[str, str, int]]  # (value, quoted text, note number)


@dataclass
class Notes:
    title: str
    intro: str
    entries: list[Entry] = field(default_factory=list)
    undated: list[Entry] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)  # note n is citations[n - 1]

    def cite(self, text: str) -> int:
        self.citations.append(text)
        return len(self.citations)


def build_notes(view: ExportView) -> Notes:
    title = "Chronology" + (f": {view.selection}" if view.selection else " of the knowledge base")
    sources = "; ".join(view.doc_label(d) for d in view.documents)
    notes = Notes(title, f"{len(view.events)} events from {len(view.documents)} sources: {sources}.")
    for ev in view.chronology():
        date = view.dates[ev["id"]]
        who = ", ".join(view.name(w) for w in ev["who"])
        details = "; ".join(filter(None, (who, view.name(ev["where"]) if ev["where"] else "")))
        quotes = [(s["text"], notes.cite(_citation(view, s))) for s in ev["evidence"]]
        entry = Entry(date.label if date else "undated", ev["summary"], details, quotes)
        (notes.entries if date else notes.undated).append(entry)
    for k in view.conflicts:
        claims = [(c["value"], c["text"], notes.cite(view.citation(c))) for c in k["claims"]]
        notes.disagreements.append(Disagreement(k["about"], k["severity"], claims))
    return notes


def _citation(view: ExportView, span: dict) -> str:
    own = read_when(span.get("when"))
    return view.citation(span) + (f" (dated there: {own.label})" if own else "")
