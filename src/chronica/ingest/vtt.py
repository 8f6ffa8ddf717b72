"""WebVTT subtitles (webvtt-py): cues with their timecodes and ``<v Speaker>`` voices."""
from __future__ import annotations

import re

import webvtt
from webvtt.errors import MalformedFileError

from .cues import BrokenTimecode, Cue, cues_to_extracted, parse_timecode
from .layout import Extracted
from .registry import Reader, ReadRequest, register

_TIMING = re.compile(r"^\s*(\S+)\s+-->\s+(\S+)")


def check_timings(req: ReadRequest, text: str) -> int:
    """Every "-->" line must hold two valid timecodes, the end not before the start
    (webvtt-py would drop such a cue without a word). Returns the number of cues."""
    n = 0
    for no, line in enumerate(text.splitlines(), 1):
        if "-->" not in line:
            continue
        m = _TIMING.match(line)
        try:
            if not m:
                raise BrokenTimecode(line.strip())
            start, end = parse_timecode(m.group(1)), parse_timecode(m.group(2))
        except BrokenTimecode:
            raise req.fail(f"line {no}: broken timecode {line.strip()!r}; fix it (HH:MM:SS.mmm --> HH:MM:SS.mmm)") from None
        if end < start:
            raise req.fail(f"line {no}: cue ends before it starts ({line.strip()!r})")
        n += 1
    return n


def read_vtt(req: ReadRequest) -> Extracted:
    text = req.decoded()
    expected = check_timings(req, text)
    try:
        captions = webvtt.from_string(text).captions
    except (MalformedFileError, ValueError) as e:
        raise req.fail(f"not a valid WebVTT file ({e})") from None
    if len(captions) != expected:
        raise req.fail(f"WebVTT file has {expected} timecode lines but only {len(captions)} readable cues; "
                       f"check the cue blocks for stray lines")
    cues = [Cue(parse_timecode(c.start), parse_timecode(c.end), _cue_text(c.raw_text), c.voice or None)
            for c in captions]
    return cues_to_extracted(cues, title=_title(text))


def _cue_text(raw: str) -> str:
    return re.sub(r"</?v(?:\.[\w.-]+)?(?:\s[^>]*)?>", "", raw)


def _title(text: str) -> str | None:
    first = text.splitlines()[0] if text else ""
    rest = first[len("WEBVTT"):].strip(" -\t")
    return rest or None


register(Reader("vtt", "vtt", (".vtt", ".webvtt"), read_vtt,
                signature=lambda head: head.lstrip("\ufeff").startswith("WEBVTT")))
