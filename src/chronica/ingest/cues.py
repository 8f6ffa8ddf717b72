"""Timed speech shared by the subtitle and transcript readers: timecodes, speaker labels
and the stored text they become.

Cues are joined into sentences across cue breaks (a subtitle breaks lines mid-sentence),
one paragraph per speaker's turn. Timecodes and speaker labels are kept out of the text
and in each cue's locator, so no name, place, date or summary can be read from them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from ..locators import Locator
from .layout import Extracted, TextBuilder
from chronica.resources import path as resource_path

DATA = resource_path("ingest/transcripts.yaml")

# anything shaped like a timecode: 12:05, 1:02:03, 00:12:05,120, 00:12:05.120
LOOSE_TIMECODE = r"\d{1,3}(?::\d{1,3}){1,2}(?:[.,]\d{1,3})?"
_STRICT = re.compile(r"^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$")
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|\d{1,2})"
_SPEAKER_COLON = re.compile(rf"^\s*(?:>>\s*)?(?P<name>[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,3}})\s*:\s+(?=\S)")
_BRACKETED = re.compile(r"^\s*[\[(](?P<inner>[^\])]{1,40})[\])]\s*")
_ANY_NOTE = re.compile(r"[\[(][^\])]{1,60}[\])]|♪[^♪]*♪?")
_TAG = re.compile(r"<[^>]{0,200}>")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float | None
    text: str  # as written, labels and notes still in it
    speaker: str | None = None  # from the format itself (<v Host>)
    line: int = 0  # where it starts in the file, for error messages


class BrokenTimecode(ValueError):
    pass


@lru_cache(maxsize=1)
def _settings() -> tuple[frozenset[str], float]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return frozenset(w.casefold() for w in data["non_speech"]), float(data["paragraph_pause"])


def parse_timecode(raw: str) -> float:
    """Seconds from "00:12:05,120", "12:05.5", "1:02:03"; a minute or second of 60 or
    more is broken, not wrapped."""
    m = _STRICT.match(raw.strip())
    if not m:
        raise BrokenTimecode(raw)
    h, mnt, sec, frac = m.groups()
    if int(mnt) >= 60 and h is not None or int(sec) >= 60:
        raise BrokenTimecode(raw)
    return int(h or 0) * 3600 + int(mnt) * 60 + int(sec) + (int(frac.ljust(3, "0")) / 1000 if frac else 0)


def format_timecode(seconds: float) -> str:
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def is_non_speech(note: str) -> bool:
    words = re.findall(r"[^\W\d_]+", note.casefold())
    vocab, _ = _settings()
    return bool(words) and any(w in vocab for w in words)


def speaker_name(label: str) -> str:
    """A label as a name: "JANE DOE" -> "Jane Doe"; "Dr. McKay" stays."""
    label = " ".join(label.split())
    return label.title() if label.isupper() and len(label) > 1 else label


def split_speaker(line: str) -> tuple[str | None, str]:
    """("Host", "Welcome back.") from "HOST: Welcome back." or "[Host] Welcome back."."""
    m = _SPEAKER_COLON.match(line)
    if m:
        return speaker_name(m.group("name")), line[m.end():]
    m = _BRACKETED.match(line)
    if m and not is_non_speech(m.group("inner")) and line[m.end():].strip():
        inner = m.group("inner").strip().rstrip(":")
        if re.fullmatch(rf"[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,3}}", inner):
            return speaker_name(inner), line[m.end():]
    return None, line


def clean_cue_text(text: str) -> tuple[str | None, str]:
    """A cue's speech on one line, and the speaker its first line names: markup tags,
    dialogue dashes and sound notes ("[music]", "(laughs)") left out."""
    text = _TAG.sub("", text)
    speaker = None
    words = []
    for i, line in enumerate(text.splitlines()):
        line = re.sub(r"^\s*-\s+", "", line)
        who, line = split_speaker(line)
        if i == 0 or speaker is None:
            speaker = speaker or who
        line = _ANY_NOTE.sub(lambda m: "" if is_non_speech(m.group()) or m.group().startswith("♪") else m.group(), line)
        words.extend(line.split())
    return speaker, " ".join(words)


def cues_to_extracted(cues: list[Cue], title: str | None = None) -> Extracted:
    """The stored text of timed speech: cues joined into sentences, a paragraph per
    speaker's turn (or after a long pause at a sentence end); each cue's text is a region
    whose locator holds its start, end and speaker."""
    _, pause = _settings()
    out = TextBuilder()
    speaker: str | None = None
    last_end: float | None = None
    last_text = ""
    for cue in cues:
        who, text = clean_cue_text(cue.text)
        who = who or cue.speaker
        if not text:
            continue
        new_turn = who is not None and who != speaker
        long_pause = last_end is not None and cue.start - last_end >= pause and _SENTENCE_END.search(last_text)
        if new_turn or long_pause:
            out.paragraph()
        speaker = who or speaker
        end = format_timecode(cue.end) if cue.end is not None else None
        out.add(text, Locator(time=format_timecode(cue.start), end=end, speaker=speaker))
        last_end, last_text = (cue.end if cue.end is not None else cue.start), text
    speakers = sorted({r.locator.speaker for r in out.regions if r.locator.speaker})
    meta = {"cues": len(out.regions), "speakers": speakers} if out.regions else {}
    return Extracted(text=out.text(), title=title, regions=out.regions, meta=meta)
