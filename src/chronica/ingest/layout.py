"""What a reader hands back: the stored text, and where each part of it sits in the source.

A reader builds the text it stores piece by piece with :class:`TextBuilder`; every piece
may carry a :class:`~chronica.locators.Locator` (the page of a PDF, a cue's timecode and
speaker, an e-book's chapter). The builder records the exact code-point range of each
piece, so a span's ``start``/``end`` still index the stored text and its locator is
found by offset. Timecodes and speaker labels live only in locators, never in the text
the analysis reads.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..locators import Locator, Region


@dataclass
class Extracted:
    """A reader's result: the text all offsets refer to, its title, its locator map and
    what else is known about how it was read (e.g. OCR confidence per page)."""

    text: str
    title: str | None = None
    regions: list[Region] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


class TextBuilder:
    """Appends text pieces and remembers where each one landed.

    ``add`` puts a piece on the current line (after a space); ``line`` ends the line;
    ``paragraph`` ends the paragraph with a blank line, so later stages see paragraph
    and heading blocks."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.regions: list[Region] = []
        self._last_had_locator = False
        self._tail = ""  # the text's last two characters

    def _put(self, s: str) -> None:
        self._parts.append(s)
        self._len += len(s)
        self._tail = (self._tail + s)[-2:]

    @property
    def at_line_start(self) -> bool:
        return not self._parts or self._tail.endswith("\n")

    def add(self, piece: str, locator: Locator | None = None, *, rejoin_hyphen: bool = False) -> None:
        """Append ``piece`` after a space (or at a line start). With ``rejoin_hyphen``, a
        word broken at a line end is put back together: "con-" + "tentious"."""
        piece = piece.strip()
        if not piece:
            return
        if not self.at_line_start:
            if rejoin_hyphen and self._ends_with_broken_word() and piece[:1].islower():
                self._drop_last_char()
            else:
                self._put(" ")
        start = self._len
        self._put(piece)
        last = self.regions[-1] if self.regions and self._last_had_locator else None
        self._last_had_locator = locator is not None
        if locator is None:
            return
        if last is not None and last.locator == locator:
            # one region per page or chapter, not per line: only separators lie between
            self.regions[-1] = Region(last.start, self._len, locator)
        else:
            self.regions.append(Region(start, self._len, locator))

    def _ends_with_broken_word(self) -> bool:
        return len(self._tail) == 2 and self._tail[1] == "-" and self._tail[0].isalpha()

    def _drop_last_char(self) -> None:
        last = self._parts[-1]
        self._parts[-1] = last[:-1]
        self._len -= 1
        self._tail = "".join(self._parts[-2:])[-2:]
        if self.regions and self.regions[-1].end > self._len:
            r = self.regions[-1]
            self.regions[-1] = Region(r.start, self._len, r.locator)

    def paragraph(self) -> None:
        if self._parts and self._tail != "\n\n":
            self._put("\n\n" if not self._tail.endswith("\n") else "\n")

    def line(self) -> None:
        if self._parts and not self._tail.endswith("\n"):
            self._put("\n")

    def __len__(self) -> int:
        return self._len

    def text(self) -> str:
        return "".join(self._parts).rstrip() + "\n" if self._parts else ""
