"""Locators: where a piece of the stored text sits in the original source.

The page of a PDF, a subtitle cue's timecode and speaker, an e-book's chapter. A
document keeps a sorted list of :class:`Region` (a range of its stored text and the
locator it came from); a span's locator is found by its offsets. Views name it with
:func:`locator_label` ("p. 12", "at 12:05 (Host)").
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Locator:
    """Where a piece of text is in the original: any of page, timecode, chapter."""

    page: int | None = None
    time: str | None = None  # cue start, "00:12:05.120"
    end: str | None = None  # cue end
    speaker: str | None = None
    chapter: str | None = None
    note: str | None = None  # a footnote's marker: the text is a note, not the body
    box: tuple[int, int, int, int] | None = None  # OCR line: left, top, width, height (pixels)

    def to_dict(self) -> dict[str, Any]:
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v is not None:
                out[f.name] = list(v) if f.name == "box" else v
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Locator":
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in data.items() if k in known}
        if kw.get("box") is not None:
            kw["box"] = tuple(kw["box"])
        return cls(**kw)


@dataclass(frozen=True)
class Region:
    """The stored text's [start, end) came from the place ``locator`` names."""

    start: int
    end: int
    locator: Locator

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "locator": self.locator.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Region":
        return cls(int(data["start"]), int(data["end"]), Locator.from_dict(data["locator"]))


def locator_at(regions: list[Region], offset: int) -> Locator | None:
    """The locator of the region holding ``offset`` (regions sorted by start), else of
    the nearest region before it (text between two pieces belongs to the earlier);
    None before the first region (a transcript's title)."""
    if not regions:
        return None
    starts = [r.start for r in regions]
    i = bisect_right(starts, offset) - 1
    return regions[i].locator if i >= 0 else None


def span_locator(regions: list[Region], start: int, end: int) -> dict[str, Any] | None:
    """A span's locator: where it starts; for a timed span, its end is the end of the
    cue where it ends (a quote across two cues runs from the first's start to the
    second's end)."""
    first = locator_at(regions, start)
    if first is None:
        return None
    out = first.to_dict()
    if first.time is not None:
        last = locator_at(regions, max(start, end - 1))
        if last is not None and last.end is not None:
            out["end"] = last.end
    return out


def short_time(tc: str) -> str:
    """"00:12:05.120" -> "12:05"; "01:02:03.000" -> "1:02:03"."""
    hms = tc.split(".")[0].split(",")[0]
    parts = hms.split(":")
    if len(parts) == 3:
        h, m, s = parts
        return f"{int(m):02d}:{s}" if int(h) == 0 else f"{int(h)}:{m}:{s}"
    return hms


def locator_label(loc: dict[str, Any] | None) -> str:
    """How a view names a place in a source: "p. 12", "at 12:05 (Host)", "ch. Exile"."""
    if not loc:
        return ""
    bits = []
    if loc.get("page") is not None:
        bits.append(f"p. {loc['page']}")
    if loc.get("time"):
        t = f"at {short_time(loc['time'])}"
        bits.append(f"{t} ({loc['speaker']})" if loc.get("speaker") else t)
    elif loc.get("speaker"):
        bits.append(str(loc["speaker"]))
    if loc.get("chapter") and loc.get("page") is None:
        bits.append(f"ch. {loc['chapter']}")
    if loc.get("note"):
        bits.append(f"note {loc['note']}")
    return ", ".join(bits)
