"""Compiled regular expressions kept between runs, so a one-file run does not re-parse them.

The rules expand into long alternations (every month, number word and period name), and
Python's ``re`` parses and compiles a pattern in pure Python: on a short document that is
most of a ``chronica time`` run. ``re`` compiles in two steps, pattern -> opcode list
(slow, pure Python) -> ``_sre.compile`` (fast, C). The opcode lists are plain ints, so they
are kept in a marshal file beside the other caches and handed straight to ``_sre`` next
time. The file is named by the Python version, ``_sre.MAGIC`` and a hash of the data files
the patterns come from, so a changed rule or another interpreter never reads stale code;
anything unreadable is ignored and compiled afresh, and an unwritable cache only costs speed.
The same folder keeps the loaded data (:func:`cached_build`): tables, expanded rules and
the period index, named by the bytes of the data files and of the modules that read them.
Set ``CHRONICA_REGEX_CACHE=0`` to switch both off.
"""
from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import pickle
import re
import sys
from pathlib import Path
from typing import Callable, TypeVar
from re import _compiler, _parser  # type: ignore[attr-defined]

import _sre

T = TypeVar("T")
Entry = tuple  # (pattern, flags, code, groups - 1, groupindex, indexgroup): _sre.compile's arguments


def cache_dir() -> Path:
    env = os.environ.get("CHRONICA_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "chronica"


def opcodes(pattern: str, flags: int) -> Entry:
    """What ``re.compile`` hands to ``_sre.compile`` (as in ``re._compiler.compile``)."""
    flags = int(flags)  # a RegexFlag is no plain int to marshal
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (pattern, int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


class PatternCache:
    """``compile(pattern, flags)`` that remembers the opcodes in ``path`` (written at exit)."""

    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[tuple[str, int], Entry] | None = None
        self.dirty = False

    def _load(self) -> dict[tuple[str, int], Entry]:
        if self.entries is None:
            self.entries = {}
            if self.path is not None:
                try:
                    got = marshal.loads(self.path.read_bytes())
                    if isinstance(got, dict):
                        self.entries = got
                except (OSError, EOFError, ValueError, TypeError):
                    pass
        return self.entries

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern:
        entries = self._load()
        key = (pattern, int(flags))
        entry = entries.get(key)
        if entry is not None:
            try:
                return _sre.compile(*entry)
            except (TypeError, ValueError, RuntimeError):
                pass  # a damaged entry: compile afresh below
        entry = opcodes(pattern, flags)
        rx = _sre.compile(*entry)
        entries[key] = entry
        if not self.dirty and self.path is not None:
            self.dirty = True
            atexit.register(self.save)
        return rx

    def save(self) -> None:
        """Write the opcodes (atomically); only the newest versions of this cache are kept."""
        if not self.dirty or self.path is None or self.entries is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps(self.entries))
            os.replace(tmp, self.path)
            prune(self.path.parent, f"{PREFIX}*.marshal")
        except (OSError, ValueError):
            pass
        self.dirty = False


PREFIX = "time-regex-"
KEEP = 4  # versions of a cache kept (checkouts of other versions share the folder)


def prune(folder: Path, pattern: str) -> None:
    """Remove all but the ``KEEP`` newest files matching ``pattern``."""
    files = sorted(folder.glob(pattern), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
_CACHE: PatternCache | None = None


def default_cache(*sources: Path) -> PatternCache:
    """The process's cache, named by the interpreter and the bytes of ``sources``."""
    global _CACHE
    if _CACHE is None:
        path = None
        if os.environ.get("CHRONICA_REGEX_CACHE", "1") != "0":
            h = hashlib.sha1(f"{sys.version_info[:3]}|{_sre.MAGIC}|{sys.implementation.cache_tag}".encode())
            for src in sources:
                try:
                    h.update(src.read_bytes())
                except OSError:
                    h.update(str(src).encode())
            path = cache_dir() / f"{PREFIX}{h.hexdigest()[:16]}.marshal"
        _CACHE = PatternCache(path)
    return _CACHE


DATA_PREFIX = "time-data-"


def cached_build(sources: list[Path], build: Callable[[], T]) -> T:
    """``build()``, or what it built last time for the same ``sources`` (the data files and
    the modules that read them, hashed byte for byte) and interpreter: the parsed tables,
    expanded rules and period index come back in one read instead of parsing YAML again."""
    if os.environ.get("CHRONICA_REGEX_CACHE", "1") == "0":
        return build()
    h = hashlib.sha1(f"{sys.version_info[:3]}|{sys.implementation.cache_tag}".encode())
    for src in sorted(sources):
        h.update(src.name.encode())
        h.update(src.read_bytes())
    path = cache_dir() / f"{DATA_PREFIX}{h.hexdigest()[:16]}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
        prune(path.parent, f"{DATA_PREFIX}*.pickle")
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
    return built
