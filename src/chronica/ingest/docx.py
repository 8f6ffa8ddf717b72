"""Word documents (.docx, python-docx): paragraphs and tables in order, heading styles
as headings (each heading names the chapter of what follows), footnotes as notes
("[1] …") after the body, each under the chapter that cites it."""
from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table

from ..locators import Locator
from .layout import Extracted, TextBuilder
from .registry import Reader, ReadRequest, register
from .zipsafe import ZIP_MAGIC, SafeZip, zip_names

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING_STYLES = ("heading", "title", "subtitle")


def heading_style_ids(document) -> set[str]:
    """Ids of the paragraph styles that make a heading (looked up once: python-docx
    resolves ``paragraph.style`` by searching the styles part on every call)."""
    return {s.style_id for s in document.styles
            if s.type == WD_STYLE_TYPE.PARAGRAPH and (s.name or "").casefold().startswith(HEADING_STYLES)}


def _footnote_refs(paragraph) -> list[str]:
    return [el.get(f"{W}id") for el in paragraph._p.iter(f"{W}footnoteReference")]


def footnotes(req: ReadRequest, z: SafeZip) -> dict[str, str]:
    """Footnote id -> its text (the separator notes Word keeps left out)."""
    if not z.has("word/footnotes.xml"):
        return {}
    try:
        root = ET.fromstring(z.read("word/footnotes.xml"))
    except ET.ParseError as e:
        raise req.fail(f"not a valid Word document: word/footnotes.xml is not well-formed ({e})") from None
    notes = {}
    for fn in root.iter(f"{W}footnote"):
        if fn.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paras = [" ".join("".join(t.text or "" for t in p.iter(f"{W}t")).split()) for p in fn.iter(f"{W}p")]
        text = " ".join(p for p in paras if p)
        if text:
            notes[fn.get(f"{W}id")] = text
    return notes


def _open(req: ReadRequest):
    try:
        return docx.Document(io.BytesIO(req.raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, ET.ParseError) as e:
        raise req.fail(f"not a valid Word document (corrupt or not a .docx: {type(e).__name__})") from None
    except Exception as e:  # lxml's XMLSyntaxError and kin: a broken part inside the archive
        raise req.fail(f"not a valid Word document ({type(e).__name__}: {str(e)[:100]})") from None


def read_docx(req: ReadRequest) -> Extracted:
    z = SafeZip(req, "Word document")  # corrupt archives and zip bombs, before python-docx
    notes = footnotes(req, z)
    document = _open(req)
    headings = heading_style_ids(document)
    out = TextBuilder()
    chapter: str | None = None
    cited: list[tuple[str, str | None]] = []  # (footnote id, chapter citing it)
    for block in document.iter_inner_content():
        paragraphs = ([p for row in block.rows for cell in row.cells for p in cell.paragraphs]
                      if isinstance(block, Table) else [block])
        for p in paragraphs:
            text = " ".join(p.text.split())
            if text and p._p.style in headings:
                chapter = text
            cited.extend((ref, chapter) for ref in _footnote_refs(p) if ref in notes)
            if text:
                out.add(text, Locator(chapter=chapter) if chapter else None)
                out.paragraph()
    for ref, where in dict.fromkeys(cited):
        out.line()
        out.add(f"[{ref}] {notes[ref]}", Locator(chapter=where, note=ref))
    out.paragraph()
    title = (document.core_properties.title or "").strip() or None
    return Extracted(text=out.text(), title=title, regions=out.regions,
                     meta={"footnotes": len(dict.fromkeys(cited))} if cited else {})


def _is_docx(raw: bytes) -> bool:
    return raw.startswith(ZIP_MAGIC) and any(n.startswith("word/") for n in zip_names(raw))


register(Reader("docx", "docx", (".docx",), read_docx, binary=True, signature=_is_docx))
