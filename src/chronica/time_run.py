"""Tagging one file for ``chronica time``, without click (shared by CLI, fast entry, bench, tests).

Start-up is what a user feels on one file, so this path loads only the temporal engine:
no NLP model, no web stack, no segmenter (the tagger finds heading lines itself), no
command-line framework (``chronica.entry`` parses the JSON path's few options itself), and
for a plain-text file not the binary readers either (PDF/OCR/image/EPUB/DOCX pull in pandas
and friends, about a second): a ``.txt`` file whose bytes are text is chosen among the text
readers only, by the registry's own signatures, so the text read is the same.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import sys
from datetime import date
from pathlib import Path

from .config import Settings
from .doc import Source
from .errors import ChronicaError, InputError
from .ingest import read_source
from .ingest.plain import first_line_title
from .ingest.registry import READERS, SNIFF_BYTES, ReadRequest, decode, looks_binary
from .time import TimeTagger
from .time.schemes import SCHEMES, view

ROW_FIELDS = ("start", "end", "text", "type", "value", "edtf", "earliest", "latest", "basis", "mod", "anchor")

GENRES = ("narrative", "news")
VALUE_OPTIONS = {"--anchor": "anchor", "--genre": "genre", "--encoding": "encoding", "--scheme": "scheme"}

__all__ = ["GENRES", "ROW_FIELDS", "SCHEMES", "json_lines", "read_plain_text", "run_json", "tag_file", "tag_text"]


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
        source = read_plain_text(path, encoding) or read_source(path, max_bytes=Settings.max_bytes,
                                                                 encoding=encoding)
    return tag_text(source, anchor, genre, scheme)


PLAIN_SUFFIXES = (".txt", ".text")
TEXT_READER_MODULES = ("vtt", "srt", "html", "transcript", "plain")  # the registry's sniffing order


def read_plain_text(path: Path, encoding: str | None) -> Source | None:
    """A ``.txt`` file that is text, read by the text reader its content names (subtitles,
    HTML, transcript, else plain); ``None`` for anything else (the full registry decides)."""
    if path.suffix.lower() not in PLAIN_SUFFIXES or not path.is_file():
        return None
    if path.stat().st_size > Settings.max_bytes:
        return None  # the full reader gives the size error
    raw = path.read_bytes()
    if not raw or looks_binary(raw) or raw[:1024].lstrip().startswith(b"%PDF-"):
        return None
    for mod in TEXT_READER_MODULES:
        importlib.import_module(f".ingest.{mod}", __package__)
    text = decode(path, raw, encoding)
    if not text.strip():
        return None
    head = text[:SNIFF_BYTES]
    texts = [r for r in READERS.values() if not r.binary]
    reader = next((r for r in texts if r.signature is not None and r.signature(head)), READERS["txt"])
    got = reader.read(ReadRequest(path=path, raw=raw, max_chars=Settings.max_bytes, encoding=encoding,
                                  text=text))
    if not got.text.strip() or len(got.text) > Settings.max_bytes:
        return None  # the full reader says what is wrong
    return Source(path=str(path), text=got.text, sha256=hashlib.sha256(raw).hexdigest(), format=reader.name,
                  title=got.title or first_line_title(got.text), regions=got.regions, meta=got.meta)


def tag_text(source: Source, anchor: date | None, genre: str, scheme: str = "chronica",
             tagger: TimeTagger | None = None) -> list[dict]:
    tagger = tagger or TimeTagger.load()
    res = tagger.tag(source.text, anchor=anchor, genre=genre)
    return [{f: getattr(t, f) for f in ROW_FIELDS} for t in view(res, source.text, scheme, genre)]


def json_lines(rows: list[dict]) -> str:
    """What ``chronica time --json`` prints: one object per line."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def run_json(argv: list[str]) -> int | None:
    """``chronica time --json ...`` without click (its import is a quarter of a one-file run):
    the exit code, or ``None`` for anything but a plain, valid JSON call (help, the table
    view, a bad option or value), which the click command then handles with its messages."""
    opts = {"anchor": None, "genre": "narrative", "encoding": None, "scheme": "chronica"}
    files, as_json, args = [], False, list(argv)
    while args:
        a = args.pop(0)
        name, eq, val = a.partition("=")
        if a == "--json":
            as_json = True
        elif name in VALUE_OPTIONS and (eq or args):
            opts[VALUE_OPTIONS[name]] = val if eq else args.pop(0)
        elif a == "-" or not a.startswith("-"):
            files.append(a)
        else:
            return None
    if not as_json or len(files) != 1 or opts["genre"] not in GENRES or opts["scheme"] not in SCHEMES:
        return None
    try:
        anchor = date.fromisoformat(opts["anchor"]) if opts["anchor"] else None
    except ValueError:
        return None
    try:
        rows = tag_file(files[0], anchor, opts["genre"], opts["encoding"], opts["scheme"])
    except ChronicaError as e:  # the same one line the command group prints (standard input is read)
        print(f"error: {e}", file=sys.stderr)
        return e.exit_code
    sys.stdout.write(json_lines(rows))
    sys.stdout.flush()
    return 0
