"""Turn the paths a user gives into the list of source files to read."""
from __future__ import annotations

import errno
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
            found.errors.append((raw, _missing_reason(p)))
            continue
        if p.is_dir():
            before = len(found.files)
            for f in _walk(p, found):
                _add(found, f, seen, explicit=False)
            if len(found.files) == before and not any(d == raw for d in found.duplicates):
                found.errors.append((raw, "directory holds no source files (text, Markdown, HTML, "
                                          "PDF, images, EPUB, Word, subtitles or transcripts)"))
            continue
        _add(found, p, seen, explicit=True)
    return found


def _missing_reason(p: Path) -> str:
    if p.is_symlink():
        try:
            p.resolve(strict=True)
        except (OSError, RuntimeError) as e:  # RuntimeError: Python < 3.13 on a loop
            if isinstance(e, RuntimeError) or getattr(e, "errno", None) == errno.ELOOP:
                return "symbolic link loop; fix or remove the link"
        return f"broken symbolic link (points to {os.readlink(p)}); fix or remove the link"
    return "no such file or directory; check the path"


def _walk(root: Path, found: Discovery):
    def unreadable(e: OSError) -> None:
        found.errors.append((e.filename or str(root), f"folder cannot be read ({e.strerror or e}); skipped"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _add(found: Discovery, path: Path, seen: set[Path], explicit: bool) -> None:
    if not explicit and not path.exists():  # a link found in a folder that leads nowhere
        found.errors.append((str(path), _missing_reason(path)))
        return
    try:
        key = path.resolve()
    except (OSError, RuntimeError) as e:
        found.errors.append((str(path), f"path cannot be resolved ({e}); skipped"))
        return
    if key in seen:
        found.duplicates.append(str(path))
        return
    seen.add(key)
    if not is_source(path):  # by suffix, or by content signature (a PDF named .dat)
        why = f"not a source format ({path.suffix or 'no extension'})"
        if explicit:  # asked for by name and not read: a failure, not a quiet skip
            found.errors.append((str(path), why + "; Chronica reads text, Markdown, HTML, PDF, images, "
                                 "EPUB, Word, subtitles and transcripts"))
        else:
            found.skipped.append((path, why))
        return
    found.files.append(path)
