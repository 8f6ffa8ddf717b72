"""``chronica time``: tag one text and return plain rows (shared by CLI, bench and tests).

Start-up is what a user feels on one file, so this path loads only the temporal engine:
no NLP model, no web stack, no segmenter (the tagger finds heading lines itself).
"""
from __future__ import annotations

import hashlib
import sys
from datetime import date
from pathlib import Path

from .config import Settings
from .doc import Source
from .errors import InputError
from .ingest import read_source
from .time import TimeTagger
from .time.schemes import SCHEMES, view

ROW_FIELDS = ("start", "end", "text", "type", "value", "edtf", "earliest", "latest", "basis", "mod", "anchor")

__all__ = ["ROW_FIELDS", "SCHEMES", "tag_file", "tag_text"]


def tag_file(file: str, anchor: date | None, genre: str, encoding: str | None = None,
             scheme: str = "chronica") -> list[dict]:
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
    return tag_text(source, anchor, genre, scheme)


def tag_text(source: Source, anchor: date | None, genre: str, scheme: str = "chronica",
             tagger: TimeTagger | None = None) -> list[dict]:
    tagger = tagger or TimeTagger.load()
    res = tagger.tag(source.text, anchor=anchor, genre=genre)
    return [{f: getattr(t, f) for f in ROW_FIELDS} for t in view(res, source.text, scheme, genre)]
