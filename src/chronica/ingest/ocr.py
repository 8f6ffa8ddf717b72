"""OCR with Tesseract (through pytesseract): a page image to lines with their bounding
boxes, paragraph breaks and a confidence for the page.

OCR text is evidence with a caveat: the readers record each page's mean word
confidence in the document's metadata, and the views say the text was OCR'd."""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from statistics import mean

from PIL import Image

from ..errors import InputError

LANG = "eng"
PAGE_TIMEOUT = 300  # seconds for one page: a pathological scan must not stall the batch
INSTALL_HINT = ("install Tesseract (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng; "
                "macOS: brew install tesseract) and build again")


@dataclass(frozen=True)
class Line:
    """One line of a page. ``new_paragraph``: a paragraph starts here (when known)."""

    text: str
    box: tuple[int, int, int, int] | None = None
    new_paragraph: bool = False


@dataclass
class PageLines:
    number: int
    lines: list[Line] = field(default_factory=list)
    ocr_confidence: float | None = None  # mean word confidence 0-100, for OCR'd pages


class OcrUnavailable(InputError):
    pass


def _pytesseract():
    """pytesseract, imported on first use: it imports pandas (~0.2 s), which every build
    would otherwise pay for at start-up, whether or not it has a page to OCR."""
    import pytesseract
    return pytesseract


def tesseract_version() -> str | None:
    """The Tesseract version, or None when the program is not installed."""
    pytesseract = _pytesseract()
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        return None
    try:
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError):
        return None


def require_tesseract(path: str, why: str) -> str:
    version = tesseract_version()
    if version is None:
        raise OcrUnavailable(f"{path}: {why}, but Tesseract OCR is not installed; {INSTALL_HINT}")
    return version


def ocr_page(image: Image.Image, number: int, path: str) -> PageLines:
    """The lines Tesseract reads on one page image, in its reading order."""
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    pytesseract = _pytesseract()
    try:
        data = pytesseract.image_to_data(image, lang=LANG, output_type=pytesseract.Output.DICT,
                                         timeout=PAGE_TIMEOUT)
    except RuntimeError:  # pytesseract's timeout
        raise InputError(f"{path}: OCR of page {number} took longer than {PAGE_TIMEOUT} s; "
                         f"split the file or OCR it beforehand (e.g. with ocrmypdf)") from None
    except pytesseract.TesseractError as e:
        hint = " (is tesseract-ocr-eng installed?)" if LANG in str(e.message) else ""
        raise InputError(f"{path}: Tesseract failed on page {number}: "
                         f"{' '.join(str(e.message).split())[:160]}{hint}") from None
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if word.strip():
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    page = PageLines(number)
    confs = []
    last_par = None
    for key in sorted(lines, key=lambda k: (k[0], k[1], k[2])):
        idx = lines[key]
        confs.extend(float(data["conf"][i]) for i in idx if float(data["conf"][i]) >= 0)
        left = min(data["left"][i] for i in idx)
        top = min(data["top"][i] for i in idx)
        right = max(data["left"][i] + data["width"][i] for i in idx)
        bottom = max(data["top"][i] + data["height"][i] for i in idx)
        text = " ".join(data["text"][i].strip() for i in idx)
        page.lines.append(Line(text, (left, top, right - left, bottom - top), key[:2] != last_par))
        last_par = key[:2]
    page.ocr_confidence = round(mean(confs), 1) if confs else 0.0
    return page
