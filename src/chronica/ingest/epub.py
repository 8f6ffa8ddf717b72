"""EPUB e-books: the XHTML chapters in spine order, read with the HTML reader, each
chapter a region named by its table-of-contents entry (or its first heading)."""
from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

from ..locators import Locator
from .html import html_to_text
from .layout import Extracted, TextBuilder
from .registry import Reader, ReadRequest, register
from .zipsafe import ZIP_MAGIC, SafeZip, zip_names

EPUB_MIME = b"application/epub+zip"
_XHTML = {"application/xhtml+xml", "text/html"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml(req: ReadRequest, data: bytes, name: str) -> ET.Element:
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        raise req.fail(f"not a valid EPUB: {name} is not well-formed XML ({e})") from None


def _package_path(req: ReadRequest, z: SafeZip) -> str:
    root = _xml(req, z.read("META-INF/container.xml"), "META-INF/container.xml")
    for el in root.iter():
        if _local(el.tag) == "rootfile" and el.get("full-path"):
            return el.get("full-path")
    raise req.fail("not a valid EPUB: META-INF/container.xml names no package file")


def spine(req: ReadRequest, z: SafeZip) -> tuple[list[str], dict[str, str], str | None]:
    """(chapter paths in reading order, table-of-contents label per path, book title)."""
    opf_path = _package_path(req, z)
    opf = _xml(req, z.read(opf_path), opf_path)
    base = posixpath.dirname(opf_path)
    manifest = {}
    toc_path = None
    for el in opf.iter():
        if _local(el.tag) == "item":
            href = posixpath.normpath(posixpath.join(base, unquote(el.get("href", ""))))
            manifest[el.get("id")] = (href, el.get("media-type", ""), el.get("properties", ""))
            if el.get("media-type") == "application/x-dtbncx+xml" or "nav" in el.get("properties", "").split():
                toc_path = toc_path or href
    order = [manifest[el.get("idref")][0] for el in opf.iter()
             if _local(el.tag) == "itemref" and el.get("idref") in manifest
             and manifest[el.get("idref")][1] in _XHTML and el.get("linear", "yes") != "no"]
    title = next((" ".join((el.text or "").split()) for el in opf.iter() if _local(el.tag) == "title"), None)
    labels = _toc_labels(req, z, toc_path) if toc_path and z.has(toc_path) else {}
    return order, labels, title or None


def _toc_labels(req: ReadRequest, z: SafeZip, path: str) -> dict[str, str]:
    """Chapter file -> its label, from an EPUB 2 NCX or an EPUB 3 nav document."""
    root = _xml(req, z.read(path), path)
    base = posixpath.dirname(path)
    labels: dict[str, str] = {}
    for el in root.iter():
        name = _local(el.tag)
        if name == "navPoint":
            text = next((" ".join("".join(t.itertext()).split()) for t in el.iter() if _local(t.tag) == "text"), "")
            src = next((c.get("src", "") for c in el.iter() if _local(c.tag) == "content"), "")
        elif name == "a" and el.get("href"):
            text, src = " ".join("".join(el.itertext()).split()), el.get("href", "")
        else:
            continue
        target = posixpath.normpath(posixpath.join(base, unquote(src.split("#")[0])))
        if text and target not in labels:
            labels[target] = text
    return labels


def read_epub(req: ReadRequest) -> Extracted:
    z = SafeZip(req, "EPUB")
    order, labels, title = spine(req, z)
    if not order:
        raise req.fail("not a valid EPUB: its spine lists no chapters")
    out = TextBuilder()
    for i, path in enumerate(order, 1):
        text, heading = html_to_text(z.text(path))
        blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
        if not blocks:
            continue
        loc = Locator(chapter=labels.get(path) or heading or blocks[0][:80] or f"chapter {i}")
        for block in blocks:
            out.add(block, loc)
            out.paragraph()
        if req.on_page:
            req.on_page(i, len(order))
    return Extracted(text=out.text(), title=title, regions=out.regions, meta={"chapters": len(order)})


def _is_epub(raw: bytes) -> bool:
    if not raw.startswith(ZIP_MAGIC):
        return False
    if EPUB_MIME in raw[:100]:  # the spec puts an uncompressed "mimetype" member first
        return True
    return "META-INF/container.xml" in zip_names(raw) and "word/document.xml" not in zip_names(raw)


register(Reader("epub", "epub", (".epub",), read_epub, binary=True, signature=_is_epub))
