"""The input-reader registry: one module per source format, registered by name.

A reader says which suffixes it answers to and how to recognise its content (a
signature), so a file whose extension lies is still read by what it holds. Adding a
format is a new module that calls :func:`register` (listed in ``BUILTIN`` or offered by
another package under the ``chronica.readers`` entry-point group), never an edit here.
"""
from __future__ import annotations

import codecs
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import InputError
from ..plugins import load_group
from .layout import Extracted

# the modules of this package that register the built-in readers, in sniffing order
BUILTIN = ("vtt", "srt", "pdf", "image", "epub", "docx", "html", "transcript", "plain")
ENTRY_POINT_GROUP = "chronica.readers"
SNIFF_BYTES = 8192
CONTAINER_MAGIC = (b"PK\x03\x04", b"%PDF-")


@dataclass(frozen=True)
class ReadRequest:
    """One file to read, with the limits that apply to it."""

    path: Path
    raw: bytes
    max_chars: int  # limit on the extracted text
    encoding: str | None = None
    on_page: Callable[[int, int], None] | None = None  # (pages done, pages in all)
    text: str | None = None  # the decoded text, for text readers

    def decoded(self) -> str:
        return self.text if self.text is not None else decode(self.path, self.raw, self.encoding)

    def fail(self, problem: str) -> InputError:
        return InputError(f"{self.path}: {problem}")


@dataclass(frozen=True)
class Reader:
    """``name`` is stored with the document (8 characters at most); ``contract`` is the
    format's name in the export. ``binary`` readers get raw bytes and recognise them by
    ``signature(raw)``; text readers get decoded text and recognise it by
    ``signature(text)`` (``None``: by suffix only)."""

    name: str
    contract: str
    suffixes: tuple[str, ...]
    read: Callable[[ReadRequest], Extracted]
    binary: bool = False
    signature: Callable | None = None
    # a suffix alone is enough (html, markdown); else a text signature may override it
    suffix_decides: bool = False


READERS: dict[str, Reader] = {}
_loaded = False


def register(reader: Reader) -> Reader:
    if len(reader.name) > 8:
        raise ValueError(f"reader name {reader.name!r} is longer than 8 characters")
    READERS[reader.name] = reader
    return reader


def readers() -> list[Reader]:
    """Every registered reader, built-ins first in sniffing order, then plug-ins."""
    global _loaded
    if not _loaded:
        _loaded = True
        for mod in BUILTIN:
            importlib.import_module(f"{__package__}.{mod}")
        load_group(ENTRY_POINT_GROUP, "reader")
    return list(READERS.values())


def by_name(name: str) -> Reader | None:
    readers()
    return READERS.get(name)


def contract_format(name: str) -> str:
    r = by_name(name)
    return r.contract if r else name


def suffixes() -> set[str]:
    return {s for r in readers() for s in r.suffixes}


def is_source(path: Path) -> bool:
    """A file to read: a known suffix, or a known binary signature whatever its name."""
    if path.suffix.lower() in suffixes():
        return True
    try:
        with path.open("rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError:
        return False
    return _binary_match(head) is not None


def binary_signature(head: bytes) -> Reader | None:
    """The binary reader whose signature ``head`` (a file's first bytes) carries."""
    return _binary_match(head)


def _binary_match(raw: bytes) -> Reader | None:
    for r in readers():
        if r.binary and r.signature is not None and r.signature(raw):
            return r
    return None


def choose(req: ReadRequest) -> tuple[Reader, str | None]:
    """The reader for this file, by content first, then by suffix; with the decoded text
    when the file is text."""
    found = _binary_match(req.raw)
    if found is not None:
        return found, None
    suffix = req.path.suffix.lower()
    claimed = next((r for r in readers() if suffix in r.suffixes), None)
    if looks_binary(req.raw):
        if claimed is not None and claimed.binary:
            raise req.fail(f"named {suffix} but is not a valid {claimed.contract.upper()} file "
                           f"(its content has no {claimed.contract.upper()} signature; corrupt or mislabelled)")
        raise req.fail("looks like a binary file, not text; remove it or convert it to text")
    text = req.decoded()
    if claimed is not None and claimed.suffix_decides:
        return claimed, text
    head = text[:SNIFF_BYTES]
    for r in readers():
        if not r.binary and r.signature is not None and r.signature(head):
            return r, text
    if claimed is not None and not claimed.binary:
        return claimed, text
    return READERS["txt"], text


def looks_binary(raw: bytes) -> bool:
    head = raw[:SNIFF_BYTES]
    if head.startswith(CONTAINER_MAGIC):
        return True  # a zip or PDF header no reader accepted: a broken container, not text
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False  # text, in an encoding the user must name
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(head) * 0.1


def decode(path: Path, raw: bytes, encoding: str | None) -> str:
    if encoding:
        try:
            return raw.decode(encoding)
        except LookupError:
            raise InputError(f"{path}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as e:
            raise InputError(f"{path}: not valid {encoding} at byte {e.start}") from None
    try:
        return raw.decode("utf-8-sig")  # strips a BOM if there is one
    except UnicodeDecodeError as e:
        raise InputError(
            f"{path}: not valid UTF-8 at byte {e.start} (0x{raw[e.start]:02x}); "
            f"if it is in another encoding, say which with --encoding (e.g. --encoding cp1252)"
        ) from None
