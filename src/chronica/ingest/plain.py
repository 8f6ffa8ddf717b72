"""Plain text and Markdown: the decoded file is the stored text, unchanged."""
from __future__ import annotations

from .layout import Extracted
from .registry import Reader, ReadRequest, register


def first_line_title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200] if len(line) <= 200 else None
    return None


def read_plain(req: ReadRequest) -> Extracted:
    text = req.decoded()  # no newline or whitespace normalisation: offsets are the file's
    return Extracted(text=text, title=first_line_title(text))


register(Reader("md", "markdown", (".md", ".markdown"), read_plain))
register(Reader("txt", "text", (".txt", ".text"), read_plain))
