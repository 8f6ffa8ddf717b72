"""Research notes as a Word document. python-docx writes it; the citations are numbered
notes at the end (superscript marks in the text), since Word footnotes are outside
python-docx's API."""
from __future__ import annotations

import docx
from docx.shared import Pt

from .notes import Entry, build_notes
from .registry import exporter
from .view import ExportView


@exporter("docx", "research notes as a Word document",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "chronica-notes.docx")
def write_docx(view: ExportView, sink) -> None:
    notes = build_notes(view)
    document = docx.Document()
    styled = _Styler(document)
    document.add_heading(notes.title, level=0)
    document.add_paragraph(notes.intro)
    document.add_heading("Chronology", level=1)
    for entry in notes.entries:
        _docx_entry(styled, entry)
    if notes.undated:
        document.add_heading("Undated", level=1)
        for entry in notes.undated:
            _docx_entry(styled, entry)
    if notes.disagreements:
        document.add_heading("Where sources disagree", level=1)
        for d in notes.disagreements:
            styled("", "List Bullet").add_run(f"{d.about} ({d.severity})").bold = True
            for value, quote, n in d.claims:
                _note_mark(styled(f"{value}: “{quote}”", "List Bullet 2"), n)
    document.add_heading("Notes", level=1)
    for n, citation in enumerate(notes.citations, 1):
        p = document.add_paragraph(f"{n}. {citation}")
        p.paragraph_format.space_after = Pt(0)
    with sink.open("chronica-notes.docx") as out:
        document.save(out)


class _Styler:
    """Paragraphs in a named style, the style looked up once: python-docx looks a style
    name up anew for every paragraph, which grows with the document (minutes at 10k events)."""

    def __init__(self, document):
        self.document = document
        self.ids: dict[str, str] = {}

    def __call__(self, text: str, style: str):
        if style not in self.ids:
            self.ids[style] = self.document.styles[style].style_id
        paragraph = self.document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().style = self.ids[style]
        return paragraph


def _docx_entry(styled: _Styler, entry: Entry) -> None:
    p = styled("", "List Bullet")
    p.add_run(entry.date).bold = True
    p.add_run(f": {entry.summary}" + (f" ({entry.details})" if entry.details else ""))
    for quote, n in entry.quotes:
        _note_mark(styled(f"“{quote}”", "Quote"), n)


def _note_mark(paragraph, n: int) -> None:
    paragraph.add_run(str(n)).font.superscript = True
