"""Turn the paths a user gives into the list of source files to read."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .registry import is_source


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # not a source format
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, what is wrong)
    duplicates: list[str] = field(default_factory=list)


def discover(paths: list[str]) -> Discovery:
    """Files and folders (recursively, sorted) to source files; everything else reported."""
    found = Discovery()
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            found.errors.append((raw, "no such file or directory; check the path"))
            continue
        if p.is_dir():
            before = len(found.files)
            for f in _walk(p):
                _add(found, f, seen, explicit=False)
            if len(found.files) == before and not any(d == raw for d in found.duplicates):
                found.errors.append((raw, "directory holds no source files (text, Markdown, HTML, "
                                          "PDF, images, EPUB, Word, subtitles or transcripts)"))
            continue
        _add(found, p, seen, explicit=True)
    return found


def _walk(root: Path):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _add(found: Discovery, path: Path, seen: set[Path], explicit: bool) -> None:
    key = path.resolve()
    if key in seen:
        found.duplicates.append(str(path))
        return
    seen.add(key)
    if not is_source(path):  # by suffix, or by content signature (a PDF named .dat)
        found.skipped.append((path, f"not a source format ({path.suffix or 'no extension'})"))
        return
    found.files.append(path)
