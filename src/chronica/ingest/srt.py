"""SubRip (.srt) subtitles: numbered cues with "00:01:02,500 --> 00:01:05,000" timings.

A small parser of our own (the common library is GPL). A broken timecode fails the
file with its line number rather than dropping or misplacing a cue."""
from __future__ import annotations

import re

from .cues import BrokenTimecode, Cue, LOOSE_TIMECODE, cues_to_extracted, parse_timecode
from .layout import Extracted
from .registry import Reader, ReadRequest, register

_TIMING = re.compile(r"^\s*(\S+)\s*-->\s*(\S+)")
_SIGNATURE = re.compile(rf"^\s*(?:\d+\s*\n)?\s*{LOOSE_TIMECODE}\s*-->\s*{LOOSE_TIMECODE}")


def parse_srt(req: ReadRequest, text: str) -> list[Cue]:
    cues: list[Cue] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        block_start = i
        if lines[i].strip().isdigit() and i + 1 < len(lines) and "-->" in lines[i + 1]:
            i += 1  # the cue's number
        if "-->" not in lines[i]:
            raise req.fail(f"line {i + 1}: expected a cue timing (00:00:01,000 --> 00:00:02,000), "
                           f"found {lines[i].strip()[:60]!r}")
        start, end = _timing(req, lines[i], i + 1)
        i += 1
        body = []
        while i < len(lines) and lines[i].strip() and "-->" not in lines[i]:
            body.append(lines[i])
            i += 1
        cues.append(Cue(start, end, "\n".join(body), line=block_start + 1))
    return cues


def _timing(req: ReadRequest, line: str, no: int) -> tuple[float, float]:
    m = _TIMING.match(line)
    try:
        if not m:
            raise BrokenTimecode(line)
        start, end = parse_timecode(m.group(1)), parse_timecode(m.group(2))
    except BrokenTimecode:
        raise req.fail(f"line {no}: broken timecode {line.strip()!r}; fix it (HH:MM:SS,mmm --> HH:MM:SS,mmm)") from None
    if end < start:
        raise req.fail(f"line {no}: cue ends before it starts ({line.strip()!r})")
    return start, end


def read_srt(req: ReadRequest) -> Extracted:
    cues = parse_srt(req, req.decoded())
    if not cues:
        raise req.fail("the subtitle file holds no cues")
    return cues_to_extracted(cues)


register(Reader("srt", "srt", (".srt",), read_srt,
                signature=lambda head: bool(_SIGNATURE.match(head.lstrip("\ufeff")))))
