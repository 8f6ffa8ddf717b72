"""PDF (pypdf): the text layer page by page; a page without one is OCR'd from its scan.

The size limit applies to the extracted text, checked as pages are read, and the build
is told of each page read (a 2,000-page book shows its progress)."""
from __future__ import annotations

import io
import logging

from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PyPdfError

from .layout import Extracted
from .ocr import Line, PageLines, ocr_page, require_tesseract, tesseract_version
from .pages import pages_to_extracted
from .registry import Reader, ReadRequest, register

PLACEHOLDER_TITLES = {"", "untitled", "untitled document", "microsoft word - document1", "document"}
logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd files are not ours to show


def open_pdf(req: ReadRequest) -> PdfReader:
    try:
        pdf = PdfReader(io.BytesIO(req.raw))
        if pdf.is_encrypted and not _decrypt_without_password(req, pdf):
            raise req.fail("the PDF is password-protected; remove the password "
                           "(e.g. qpdf --decrypt --password=… in.pdf out.pdf) and build again")
        len(pdf.pages)
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as e:
        raise req.fail(f"not a readable PDF (corrupt or truncated: {type(e).__name__}: {str(e)[:120]})") from None
    return pdf


def _decrypt_without_password(req: ReadRequest, pdf: PdfReader) -> bool:
    """Many PDFs are encrypted only against editing, with an empty user password."""
    try:
        return bool(pdf.decrypt(""))
    except DependencyError:
        raise req.fail("the PDF is AES-encrypted and opening it needs the 'cryptography' package "
                       "(pip install cryptography)") from None
    except (FileNotDecryptedError, NotImplementedError, PdfReadError):
        return False


def text_layer_lines(text: str, after_gap: set[str] = frozenset()) -> list[Line]:
    """The page's lines; a paragraph starts after a blank line or at a line that the
    page's layout shows after a vertical gap (``after_gap``)."""
    lines = []
    blank = False
    for raw in text.splitlines():
        if not raw.strip():
            blank = True
            continue
        line = " ".join(raw.split())
        lines.append(Line(line, None, blank or line in after_gap))
        blank = False
    return lines


def lines_after_gaps(page) -> set[str]:
    """Lines that follow a vertical gap on the page, from pypdf's layout mode (which
    keeps vertical space as blank lines). Only used to find paragraph starts: where the
    layout puts columns side by side its lines match none of the reading-order lines."""
    try:
        layout = page.extract_text(extraction_mode="layout")
    except (PyPdfError, ValueError, KeyError, TypeError, ZeroDivisionError):
        return set()
    starts, gap = set(), False
    for raw in layout.splitlines():
        if not raw.strip():
            gap = True
            continue
        if gap:
            starts.add(" ".join(raw.split()))
        gap = False
    return starts


def scanned_page(req: ReadRequest, page, number: int) -> PageLines:
    """OCR of the largest image on a page that has no text layer."""
    try:
        images = list(page.images)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        images = []
    if not images:
        return PageLines(number)  # a blank page
    require_tesseract(str(req.path), f"page {number} has no text layer and needs OCR")
    try:
        largest = max(images, key=lambda im: len(im.data))
        image = Image.open(io.BytesIO(largest.data))
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as e:
        raise req.fail(f"page {number}: its scanned image cannot be decoded ({type(e).__name__})") from None
    return ocr_page(image, number, str(req.path))


def read_pdf(req: ReadRequest) -> Extracted:
    pdf = open_pdf(req)
    total_pages = len(pdf.pages)
    pages: list[PageLines] = []
    chars = 0
    engine = None
    for number, page in enumerate(pdf.pages, 1):
        try:
            text = page.extract_text() or ""
        except (PyPdfError, ValueError, KeyError, TypeError) as e:
            raise req.fail(f"page {number}: text cannot be extracted ({type(e).__name__}: {e})") from None
        if text.strip():
            got = PageLines(number, text_layer_lines(text, lines_after_gaps(page)))
        else:
            got = scanned_page(req, page, number)
            engine = engine or ("tesseract" if got.ocr_confidence is not None else None)
        pages.append(got)
        chars += sum(len(ln.text) + 1 for ln in got.lines)
        if chars > req.max_chars:
            raise req.fail(f"the extracted text passes the limit of {req.max_chars:,} characters at page "
                           f"{number} of {total_pages}; raise it with --max-bytes if this is really one source")
        if req.on_page:
            req.on_page(number, total_pages)
    if not any(p.lines for p in pages):
        raise req.fail("the PDF has no text layer and no scanned page images to OCR")
    got = pages_to_extracted(pages, {"ocr_engine": f"tesseract {tesseract_version()}"} if engine else None)
    got.title = _title(pdf)
    return got


def _title(pdf: PdfReader) -> str | None:
    try:
        title = (pdf.metadata or {}).get("/Title")
    except (PyPdfError, ValueError, KeyError, TypeError):
        return None
    title = " ".join(str(title).split()) if title else ""
    return None if title.casefold() in PLACEHOLDER_TITLES else title[:200] or None


register(Reader("pdf", "pdf", (".pdf",), read_pdf, binary=True,
                signature=lambda raw: raw[:1024].lstrip().startswith(b"%PDF-")))
