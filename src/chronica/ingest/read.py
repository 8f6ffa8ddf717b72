"""Read one source file into a :class:`~chronica.doc.Source` or fail with a clear reason.

The reader is chosen by the file's content first and its suffix second (see
``registry.choose``); it returns the text all offsets refer to and its locator map."""
from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Callable

from ..doc import Source
from ..errors import InputError
from .plain import first_line_title
from .registry import SNIFF_BYTES, ReadRequest, binary_signature, choose

# a scanned book is far larger than its text: the size limit of a binary container
# (PDF, image, EPUB, DOCX) is this many times the limit on extracted text
CONTAINER_FACTOR = 50


def read_source(path: Path, *, max_bytes: int, encoding: str | None = None,
                on_page: Callable[[int, int], None] | None = None) -> Source:
    raw = _read_bytes(path, max_bytes)
    req = ReadRequest(path=path, raw=raw, max_chars=max_bytes, encoding=encoding, on_page=on_page)
    reader, text = choose(req)
    if text is not None and "\x00" in text:  # past the binary sniff; no store keeps it as text (PostgreSQL refuses)
        raise InputError(f"{path}: holds a NUL character at character {text.index(chr(0)):,}; "
                         f"a text file has none: remove it, or convert the file to text")
    if text is not None and not text.strip():
        raise InputError(f"{path}: file holds only whitespace; nothing to read")
    got = reader.read(dataclasses.replace(req, text=text))
    if not got.text.strip():
        raise InputError(f"{path}: no text found in this {reader.contract.upper()} file")
    if len(got.text) > max_bytes:
        raise InputError(f"{path}: the extracted text is {len(got.text):,} characters, over the limit of "
                         f"{max_bytes:,}; raise it with --max-bytes if this is really one source")
    return Source(path=str(path), text=got.text, sha256=hashlib.sha256(raw).hexdigest(),
                  format=reader.name, title=got.title or first_line_title(got.text),
                  regions=got.regions, meta=got.meta)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit = max_bytes * CONTAINER_FACTOR if _is_container(path) else max_bytes
            if size > limit:
                raise InputError(f"{path}: file is {size:,} bytes, over the limit of {limit:,}; "
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
    return raw


def _is_container(path: Path) -> bool:
    with path.open("rb") as f:
        return binary_signature(f.read(SNIFF_BYTES)) is not None
