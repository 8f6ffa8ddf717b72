"""Source files of every format, made from text given here (no downloaded fixtures):
PDFs with reportlab, scanned pages rendered with Pillow, EPUB and DOCX built as the
real things (python-docx, a zip of XHTML), subtitles and transcripts as text.

``scripts/make_format_examples.py`` uses these to write the small files in examples/.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

FONT_PATHS = ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
              "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
              "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")


def make_pdf(path: Path, pages: list[list[str]], header: str | None = None, footer_numbers: bool = True,
             notes: dict[int, list[str]] | None = None, title: str | None = None) -> Path:
    """A text-layer PDF: each page's lines top-down, a running header, page numbers at
    the foot, and optional footnote lines at the bottom of a page (0-based page index)."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    if title:
        c.setTitle(title)
    width, height = A4
    for i, lines in enumerate(pages):
        if header:
            c.setFont("Helvetica", 9)
            c.drawString(72, height - 40, header)
        c.setFont("Times-Roman", 12)
        y = height - 80
        for line in lines:
            if line:
                c.drawString(72, y, line)
            y -= 16
        for j, note in enumerate((notes or {}).get(i, [])):
            c.setFont("Times-Roman", 9)
            c.drawString(72, 90 - j * 12, note)
        if footer_numbers:
            c.setFont("Helvetica", 9)
            c.drawCentredString(width / 2, 40, str(i + 1))
        c.showPage()
    c.save()
    return path


def encrypt_pdf(src: Path, dest: Path, password: str, algorithm: str = "RC4-128") -> Path:
    writer = PdfWriter(clone_from=PdfReader(str(src)))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm=algorithm)
    with dest.open("wb") as f:
        writer.write(f)
    return dest


def font(size: int):
    for p in FONT_PATHS:
        if Path(p).exists():
            return ImageFont.truetype(p, size)
    return ImageFont.load_default(size=size)


def render_page(lines: list[str], size: int = 34, width: int = 1700) -> Image.Image:
    """A scanned page: black text on white at about 200 dpi, one paragraph per blank line."""
    f = font(size)
    height = 160 + len(lines) * int(size * 1.6)
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    y = 80
    for line in lines:
        if line:
            draw.text((100, y), line, fill=0, font=f)
        y += int(size * 1.6)
    return img


def make_image(path: Path, lines: list[str]) -> Path:
    render_page(lines).save(path)
    return path


def make_scanned_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF whose pages are images only (no text layer), as a scanner makes them."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    for lines in pages:
        img = render_page(lines)
        buf = io.BytesIO()
        img.save(buf, format="PNG")
        buf.seek(0)
        scale = width / img.width
        c.drawImage(ImageReader(buf), 0, height - img.height * scale, width, img.height * scale)
        c.showPage()
    c.save()
    return path


def make_epub(path: Path, title: str, chapters: list[tuple[str, list[str]]]) -> Path:
    """An EPUB 3 (with an EPUB 2 NCX): one XHTML file per (heading, paragraphs)."""
    items, refs, nav = [], [], []
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml",
                   '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                   '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
                   '</rootfiles></container>')
        for i, (heading, paras) in enumerate(chapters, 1):
            body = "".join(f"<p>{p}</p>" for p in paras)
            z.writestr(f"OEBPS/ch{i}.xhtml",
                       f'<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
                       f"<head><title>{heading}</title></head><body><h1>{heading}</h1>{body}</body></html>")
            items.append(f'<item id="ch{i}" href="ch{i}.xhtml" media-type="application/xhtml+xml"/>')
            refs.append(f'<itemref idref="ch{i}"/>')
            nav.append(f'<navPoint id="n{i}" playOrder="{i}"><navLabel><text>{heading}</text></navLabel>'
                       f'<content src="ch{i}.xhtml"/></navPoint>')
        z.writestr("OEBPS/toc.ncx", '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
                   f'version="2005-1"><navMap>{"".join(nav)}</navMap></ncx>')
        z.writestr("OEBPS/content.opf",
                   '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
                   'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
                   f'<dc:identifier id="id">example</dc:identifier><dc:title>{title}</dc:title>'
                   '<dc:language>en</dc:language></metadata>'
                   f'<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>{"".join(items)}'
                   f'</manifest><spine toc="ncx">{"".join(refs)}</spine></package>')
    return path


def make_docx(path: Path, title: str, sections: list[tuple[str, list[str]]],
              footnote: tuple[int, str] | None = None) -> Path:
    """A Word file: a Title, then (heading, paragraphs) sections with Heading 1 style.
    ``footnote`` = (section index, text): a real footnote cited from that section's
    first paragraph (python-docx has no footnote API, so the XML part is added here)."""
    d = docx.Document()
    d.core_properties.title = title
    d.add_paragraph(title, style="Title")
    cite = None
    for i, (heading, paras) in enumerate(sections):
        d.add_heading(heading, level=1)
        for j, p in enumerate(paras):
            para = d.add_paragraph(p)
            if footnote and footnote[0] == i and j == 0:
                cite = para
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    if footnote and cite is not None:
        data = _with_footnote(data, footnote[1])
    path.write_bytes(data)
    return path


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _with_footnote(data: bytes, text: str) -> bytes:
    """Add footnote 1 to the first paragraph under the first Heading 1 that has body text."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    ref = (f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                s = body.decode()
                head = s.index('w:val="Heading1"')
                para_end = s.index("</w:p>", s.index("</w:p>", head) + 6)
                s = s[:para_end] + ref + s[para_end:]
                body = s.encode()
            elif item.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif item.filename == "word/_rels/document.xml.rels":
                body = body.replace(b"</Relationships>", b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats'
                                    b'.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                                    b"</Relationships>")
            z.writestr(item, body)
        z.writestr("word/footnotes.xml",
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}">'
                   '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                   '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                   '</w:r></w:p></w:footnote>'
                   f'<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    return out.getvalue()


def make_zip_bomb(path: Path, inflated_bytes: int) -> Path:
    """An "EPUB" whose one chapter inflates from a few KB to ``inflated_bytes`` zeros."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("OEBPS/ch1.xhtml", b"\0" * inflated_bytes)
    return path
