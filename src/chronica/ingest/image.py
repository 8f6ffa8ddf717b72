"""Scanned pages as images (PNG, JPEG, TIFF, one page per TIFF frame), read by OCR."""
from __future__ import annotations

import io

from PIL import Image, ImageSequence, UnidentifiedImageError

from .layout import Extracted
from .ocr import PageLines, ocr_page, require_tesseract
from .pages import pages_to_extracted
from .registry import Reader, ReadRequest, register

SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def read_image(req: ReadRequest) -> Extracted:
    try:
        image = Image.open(io.BytesIO(req.raw))
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
    except Image.DecompressionBombError:
        raise req.fail(f"the image is too large to decode safely (over {Image.MAX_IMAGE_PIXELS:,} pixels)") from None
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise req.fail("not a readable image (corrupt, truncated, or a kind Pillow cannot decode)") from None
    version = require_tesseract(str(req.path), "an image is read by OCR")
    pages: list[PageLines] = []
    for number, frame in enumerate(frames, 1):
        pages.append(ocr_page(frame, number, str(req.path)))
        if req.on_page:
            req.on_page(number, len(frames))
    if not any(p.lines for p in pages):
        raise req.fail("OCR found no text in this image")
    return pages_to_extracted(pages, {"ocr_engine": f"tesseract {version}"})


register(Reader("image", "image", (".png", ".jpg", ".jpeg", ".tif", ".tiff"), read_image, binary=True,
                signature=lambda raw: raw.startswith(SIGNATURES)))
