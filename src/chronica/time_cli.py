"""``chronica time``: tag one text and return plain rows (shared by CLI, bench and tests).

Start-up is what a user feels on one file, so this path loads only the temporal engine:
no NLP model, no web stack, no segmenter (the tagger finds heading lines itself), and for a
plain-text file not the binary readers either (PDF/OCR/image/EPUB/DOCX pull in pandas and
friends, about a second): a ``.txt`` file whose bytes are text is chosen among the text
readers only, by the registry's own signatures, so the text read is the same.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import sys
from datetime import date
from pathlib import Path

import click

from .config import Settings
from .doc import Source
from .errors import ChronicaError, InputError
from .ingest import read_source
from .ingest.plain import first_line_title
from .ingest.registry import READERS, SNIFF_BYTES, ReadRequest, decode, looks_binary
from .time import TimeTagger
from .time.schemes import SCHEMES, view

ROW_FIELDS = ("start", "end", "text", "type", "value", "edtf", "earliest", "latest", "basis", "mod", "anchor")

__all__ = ["ROW_FIELDS", "SCHEMES", "tag_file", "tag_text", "time_cmd"]


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


TABLE_FIELDS = ("start", "end", "text", "type", "value", "edtf", "earliest", "latest", "basis")


@click.command("time")
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--anchor", default=None, help="Document date YYYY-MM-DD (news: the publication date).")
@click.option("--genre", type=click.Choice(["narrative", "news"]), default="narrative", show_default=True)
@click.option("--encoding", default=None)
@click.option("--scheme", type=click.Choice(["chronica", "timex2", "timex3"]), default="chronica", show_default=True,
              help="chronica: as the export stores them; timex2/timex3: as those annotation guidelines mark them.")
def time_cmd(file, as_json, anchor, genre, encoding, scheme):
    """Print the time expressions found in FILE (or - for standard input)."""
    try:
        anchor_date = date.fromisoformat(anchor) if anchor else None
    except ValueError:
        raise click.BadParameter(f"{anchor!r} is not a date like 1928-01-31", param_hint="--anchor")
    try:
        rows = tag_file(file, anchor_date, genre, encoding, scheme)
    except ChronicaError as e:  # the same one line the main command group prints
        click.echo(f"{click.style('error:', fg='red', bold=True)} {e}", err=True)
        sys.exit(e.exit_code)
    if as_json:
        click.echo("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) if rows else "", nl=bool(rows))
        return
    print_table(file, rows)


def print_table(file: str, rows: list[dict]) -> None:
    from rich.console import Console  # only for the human view: the JSON path starts without rich
    from rich.table import Table

    table = Table(title=f"time expressions in {file}")
    for col in TABLE_FIELDS:
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(str(r.get(c)) if r.get(c) is not None else "" for c in TABLE_FIELDS))
    Console().print(table)
