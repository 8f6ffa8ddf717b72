"""Research notes as a Word document. python-docx writes it; the citations are numbered
notes at the end (superscript marks in the text), since Word footnotes are outside
python-docx's API."""
from __future__ import annotations

import docx
from docx.oxml.parser import OxmlElement
from docx.shared import Pt
from docx.text.paragraph import Paragraph

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
            run(styled("", "List Bullet"), f"{d.about} ({d.severity})").bold = True
            for value, quote, n in d.claims:
                _note_mark(styled(f"{value}: “{quote}”", "List Bullet 2"), n)
    document.add_heading("Notes", level=1)
    for n, citation in enumerate(notes.citations, 1):
        styled(f"{n}. {citation}").paragraph_format.space_after = Pt(0)
    with sink.open("chronica-notes.docx") as out:
        document.save(out)


class _Styler:
    """Appends paragraphs in linear time. python-docx's `add_paragraph` scans the whole
    body for the section properties and looks the style name up again on every call, so
    a long chronology took minutes; here each new paragraph goes straight before the
    section properties (found once) and each style's id is looked up once."""

    def __init__(self, document):
        self.document = document
        self.ids: dict[str, str] = {}
        self.section = document.element.body.sectPr

    def __call__(self, text: str, style: str | None = None) -> Paragraph:
        element = OxmlElement("w:p")
        self.section.addprevious(element)
        paragraph = Paragraph(element, self.document._body)
        if text:
            run(paragraph, text)
        if style:
            if style not in self.ids:
                self.ids[style] = self.document.styles[style].style_id
            element.get_or_add_pPr().style = self.ids[style]
        return paragraph


def _docx_entry(styled: _Styler, entry: Entry) -> None:
    p = styled("", "List Bullet")
    run(p, entry.date).bold = True
    run(p, f": {entry.summary}" + (f" ({entry.details})" if entry.details else ""))
    for quote, n in entry.quotes:
        _note_mark(styled(f"“{quote}”", "Quote"), n)


def _note_mark(paragraph, n: int) -> None:
    run(paragraph, str(n)).font.superscript = True


def run(paragraph: Paragraph, text: str):
    """A run holding `text` with its whitespace folded. python-docx's `add_run(text)` feeds
    the text in character by character (to turn tabs and breaks into elements), more than
    half the export's time on a long chronology; one `<w:t>` per run does the same here."""
    added = paragraph.add_run()
    added._r.add_t(" ".join(text.split()))
    return added
