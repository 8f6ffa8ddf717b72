"""Markdown and Word research notes, opened and read back."""
from __future__ import annotations

import re

import docx

from chronica.export import write


def test_markdown_chronology_quotes_footnotes_and_disagreements(view, tmp_path):
    (path,) = write("markdown", view, tmp_path / "notes.md")
    text = path.read_text("utf-8")
    headings = re.findall(r"^#+ (.+)$", text, re.M)
    assert headings == ["Chronology of the knowledge base", "Chronology", "Undated", "Where sources disagree"]
    used = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    defined = dict(re.findall(r"^\[\^(\d+)\]: (.+)$", text, re.M))
    assert used == set(defined) and len(defined) == 11  # 9 evidence passages + 2 conflict claims
    assert "Notes of a chronicler, p. 12 (dated there: 45 BC)" in defined.values()
    order = [text.index(s) for s in ("14 March 44 BC", "c. 1350", "until 1391", "1402 – 1410",
                                     "2 May 1911, 23:40", "from 1962", "## Undated")]
    assert order == sorted(order)
    assert "“Nobody knows when Tavia Rusk came home to Ossen.”" in text


def test_docx_reads_back(view, tmp_path):
    (path,) = write("docx", view, tmp_path / "notes.docx")
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == ["Chronology of the knowledge base", "Chronology", "Undated", "Where sources disagree", "Notes"]
    assert any(p.startswith("“Tavia Rusk reached Calmere in 45 BC") for p in paragraphs)
    notes = [p for p in paragraphs if re.match(r"^\d+\. ", p)]
    assert len(notes) == 11 and any("p. 12" in n for n in notes)


def test_filtered_notes_for_one_person(view, tmp_path):
    from chronica.export import Filters
    (path,) = write("markdown", view.select(Filters(person="Ivo Rusk")), tmp_path / "ivo.md")
    text = path.read_text("utf-8")
    assert text.startswith("# Chronology: person Ivo Rusk")
    assert "Ivo Rusk founds the Salt Guild" in text and "Tavia Rusk sails" not in text
