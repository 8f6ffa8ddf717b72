"""Read one source file into a :class:`~chronica.doc.Source` or fail with a clear reason."""
from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from ..doc import Source
from ..errors import InputError
from .discover import source_format
from .html import html_to_text

BINARY_SNIFF = 8192


def read_source(path: Path, *, max_bytes: int, encoding: str | None = None) -> Source:
    fmt = source_format(path) or "txt"
    raw = _read_bytes(path, max_bytes)
    text = _decode(path, raw, encoding)
    if "\x00" in text:  # past the binary sniff; no store keeps it as text (PostgreSQL refuses)
        raise InputError(f"{path}: holds a NUL character at character {text.index(chr(0)):,}; "
                         f"a text file has none: remove it, or convert the file to text")
    if not text.strip():
        raise InputError(f"{path}: file holds only whitespace; nothing to read")
    title = None
    if fmt == "html":
        text, title = html_to_text(text)
        if not text.strip():
            raise InputError(f"{path}: the HTML has no visible text")
    return Source(path=str(path), text=text, sha256=hashlib.sha256(raw).hexdigest(),
                  format=fmt, title=title or _first_line_title(text))


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: file is {size:,} bytes, over the limit of {max_bytes:,}; "
                             f"raise it with --max-bytes if this is really a source")
        raw = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied; make the file readable") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror or e})") from None
    if not raw:
        raise InputError(f"{path}: file is empty; nothing to read")
    if _looks_binary(raw):
        raise InputError(f"{path}: looks like a binary file, not text; remove it or convert it to text")
    return raw


def _looks_binary(raw: bytes) -> bool:
    head = raw[:BINARY_SNIFF]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False  # text, in an encoding the user must name
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(head) * 0.1


def _decode(path: Path, raw: bytes, encoding: str | None) -> str:
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


def _first_line_title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200] if len(line) <= 200 else None
    return None
