"""Plain transcripts: lines with timestamps and speaker labels, as podcast and oral-history
transcripts are written.

    [00:12:05] HOST: Welcome back.          [12:05 --> 12:31] [Host] Welcome back.
    00:12:05,120 --> 00:12:31,000           Jane Doe (12:05): Welcome back.

A timestamp starts a cue; its text runs to the next timestamp. Timestamps and labels go
into the locators, never into the stored text; lines before the first timestamp are the
title and front matter (kept in the metadata).
"""
from __future__ import annotations

import re

from .cues import LOOSE_TIMECODE, BrokenTimecode, Cue, cues_to_extracted, parse_timecode, speaker_name
from .layout import Extracted
from .registry import Reader, ReadRequest, register

TC = LOOSE_TIMECODE


def _range(k: str) -> str:
    return rf"(?P<a{k}>{TC})(?:\s*(?:-->|–|—|-)\s*(?P<b{k}>{TC}))?"


# "[12:05]", "(12:05 --> 12:31)", "12:05 -", at the line start
_TIME_FIRST = re.compile(rf"^\s*(?:[\[(]\s*{_range('1')}\s*[\])]|{_range('2')}(?=\s|$))\s*[:\-–—|]?\s*")
# "Jane Doe (12:05):", "HOST [00:12:05]", "Speaker 1  0:03"
_SPEAKER_FIRST = re.compile(
    rf"^\s*(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|\d{{1,2}})){{0,3}})\s*"
    rf"(?:[\[(]\s*{_range('1')}\s*[\])]|\s{{2,}}{_range('2')}|\s+{_range('3')}(?=\s*:))\s*:?\s*")
MIN_TIMED_LINES = 3
MIN_TIMED_SHARE = 0.2


def timed_line(line: str) -> tuple[str | None, str | None, str | None, str] | None:
    """(speaker, start, end, rest) if the line starts with a timestamp; else None."""
    for pattern in (_TIME_FIRST, _SPEAKER_FIRST):
        m = pattern.match(line)
        if m:
            g = m.groupdict()
            k = next(k for k in "123" if g.get(f"a{k}"))
            return (speaker_name(g["name"]) if g.get("name") else None), g[f"a{k}"], g.get(f"b{k}"), line[m.end():]
    return None


def looks_like_transcript(text: str) -> bool:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    timed = sum(1 for ln in lines if timed_line(ln))
    return timed >= MIN_TIMED_LINES and timed >= MIN_TIMED_SHARE * len(lines)


def parse_transcript(req: ReadRequest, text: str) -> tuple[list[Cue], list[str]]:
    """The cues, and the lines before the first timestamp (a title, an introduction)."""
    cues: list[Cue] = []
    preamble: list[str] = []
    current: dict | None = None
    for no, line in enumerate(text.splitlines(), 1):
        got = timed_line(line)
        if got is None:
            if current is None:
                preamble.append(line)
            elif line.strip():
                current["lines"].append(line)
            continue
        speaker, t1, t2, rest = got
        if current is not None:
            cues.append(_cue(current))
        start, end = _times(req, no, t1, t2)
        current = {"start": start, "end": end, "speaker": speaker, "lines": [rest] if rest.strip() else [],
                   "line": no}
    if current is not None:
        cues.append(_cue(current))
    return _close_ends(cues), preamble


def _times(req: ReadRequest, no: int, t1: str, t2: str | None) -> tuple[float, float | None]:
    try:
        start = parse_timecode(t1)
        end = parse_timecode(t2) if t2 else None
    except BrokenTimecode as e:
        raise req.fail(f"line {no}: broken timestamp {str(e)!r}; minutes and seconds run 00-59") from None
    if end is not None and end < start:
        raise req.fail(f"line {no}: the cue ends ({t2}) before it starts ({t1})")
    return start, end


def _cue(c: dict) -> Cue:
    return Cue(c["start"], c["end"], "\n".join(c["lines"]), c["speaker"], c["line"])


def _close_ends(cues: list[Cue]) -> list[Cue]:
    """A cue with no end runs to the next cue's start."""
    out = []
    for i, c in enumerate(cues):
        end = c.end
        if end is None and i + 1 < len(cues) and cues[i + 1].start >= c.start:
            end = cues[i + 1].start
        out.append(Cue(c.start, end, c.text, c.speaker, c.line))
    return out


def read_transcript(req: ReadRequest) -> Extracted:
    cues, preamble = parse_transcript(req, req.decoded())
    if not cues:
        raise req.fail("no timestamped lines found in this transcript")
    # front matter before the first timestamp (title, "Transcript", a date) is the
    # title and metadata, not speech: every span of the text then has its timecode
    front = [ln.strip().lstrip("#").strip() for ln in preamble if ln.strip()]
    got = cues_to_extracted(cues, title=front[0][:200] if front else None)
    if front:
        got.meta["front_matter"] = front
    return got


register(Reader("tscript", "transcript", (".transcript",), read_transcript, signature=looks_like_transcript))
