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
    document.add_heading(notes.title, level=0)
    document.add_paragraph(notes.intro)
    document.add_heading("Chronology", level=1)
    for entry in notes.entries:
        _docx_entry(document, entry)
    if notes.undated:
        document.add_heading("Undated", level=1)
        for entry in notes.undated:
            _docx_entry(document, entry)
    if notes.disagreements:
        document.add_heading("Where sources disagree", level=1)
        for d in notes.disagreements:
            document.add_paragraph(style="List Bullet").add_run(f"{d.about} ({d.severity})").bold = True
            for value, quote, n in d.claims:
                p = document.add_paragraph(f"{value}: “{quote}”", style="List Bullet 2")
                _note_mark(p, n)
    document.add_heading("Notes", level=1)
    for n, citation in enumerate(notes.citations, 1):
        p = document.add_paragraph(f"{n}. {citation}")
        p.paragraph_format.space_after = Pt(0)
    with sink.open("chronica-notes.docx") as out:
        document.save(out)


def _docx_entry(document, entry: Entry) -> None:
    p = document.add_paragraph(style="List Bullet")
    p.add_run(entry.date).bold = True
    p.add_run(f": {entry.summary}" + (f" ({entry.details})" if entry.details else ""))
    for quote, n in entry.quotes:
        q = document.add_paragraph(f"“{quote}”", style="Quote")
        _note_mark(q, n)


def _note_mark(paragraph, n: int) -> None:
    paragraph.add_run(str(n)).font.superscript = True
