"""Research notes as Markdown, footnotes in the `[^n]` form most renderers read."""
from __future__ import annotations

import re

from .notes import Entry, build_notes
from .registry import exporter, text_stream
from .view import ExportView

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """Text as literal Markdown: special characters escaped, line breaks folded."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


@exporter("markdown", "research notes in Markdown: chronology, quotes, footnotes, disagreements",
          "text/markdown", "chronica-notes.md")
def write_markdown(view: ExportView, sink) -> None:
    notes = build_notes(view)
    with text_stream(sink, "chronica-notes.md") as out:
        out.write(f"# {md(notes.title)}\n\n{md(notes.intro)}\n\n")
        out.write("## Chronology\n\n")
        for entry in notes.entries:
            out.write(_md_entry(entry))
        if notes.undated:
            out.write("## Undated\n\n")
            for entry in notes.undated:
                out.write(_md_entry(entry))
        if notes.disagreements:
            out.write("## Where sources disagree\n\n")
            for d in notes.disagreements:
                out.write(f"- **{md(d.about)}** ({d.severity})\n")
                for value, quote, n in d.claims:
                    out.write(f"  - {md(value)}: “{md(quote)}”[^{n}]\n")
            out.write("\n")
        for n, citation in enumerate(notes.citations, 1):
            out.write(f"[^{n}]: {md(citation)}\n")


def _md_entry(entry: Entry) -> str:
    head = f"- **{md(entry.date)}**: {md(entry.summary)}"
    if entry.details:
        head += f" ({md(entry.details)})"
    lines = [head] + [f"  > “{md(quote)}”[^{n}]" for quote, n in entry.quotes]
    return "\n".join(lines) + "\n\n"
