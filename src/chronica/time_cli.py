"""``chronica time``: tag one text and return plain rows (shared by CLI and tests)."""
from __future__ import annotations

import hashlib
import sys
from datetime import date
from pathlib import Path

from .config import Settings
from .doc import Doc, Source
from .errors import InputError
from .ingest import read_source
from .nlp.segment import segment
from .pipeline import Context

ROW_FIELDS = ("start", "end", "text", "type", "value", "edtf", "earliest", "latest", "basis", "mod", "anchor")


def tag_file(file: str, anchor: date | None, genre: str, encoding: str | None = None) -> list[dict]:
    if file == "-":
        raw = sys.stdin.buffer.read()
        try:
            text = raw.decode(encoding or "utf-8-sig")
        except UnicodeDecodeError as e:
            raise InputError(f"<stdin>: not valid {encoding or 'UTF-8'} at byte {e.start}") from None
        source = Source("<stdin>", text, hashlib.sha256(raw).hexdigest(), "txt")
    else:
        path = Path(file)
        if not path.exists():
            raise InputError(f"{file}: no such file")
        source = read_source(path, max_bytes=Settings.max_bytes, encoding=encoding)
    return tag_text(source, anchor, genre)


def tag_text(source: Source, anchor: date | None, genre: str) -> list[dict]:
    from .time import TimeTagger

    doc = Doc(source)
    segment(doc, Context(Settings()))  # headings scope periods; no parse needed
    headings = [(s.heading.start, s.heading.end) for s in doc.sections]
    res = TimeTagger.load().tag(source.text, anchor=anchor, genre=genre, headings=headings)
    return [{f: getattr(t, f) for f in ROW_FIELDS} for t in res.timexes]
