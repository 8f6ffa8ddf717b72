"""Export writers by name: the plug-in seam for export formats.

An exporter is a function that writes one `ExportView` into a `Sink`: one file
(`sink.open(name)`) or several (a folder of CSV tables, one TEI file per source). The
sink decides where the bytes go: a file, a folder, a zip archive (the web app), so every
format is written once and streams to wherever it is sent.

Formats register themselves with `@exporter(...)`; third-party packages can add more
through the `chronica.exporters` entry-point group (each entry point names a module
whose import registers its formats).
"""
from __future__ import annotations

import io
import os
import zipfile
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, Protocol, TextIO

from ..errors import ChronicaError
from ..plugins import load_group
from .view import ExportView


class Sink(Protocol):
    """Where an exporter's files go; `open(name)` yields a binary handle for one file."""

    def open(self, name: str) -> AbstractContextManager[BinaryIO]: ...


@dataclass(frozen=True)
class Exporter:
    name: str
    description: str
    media_type: str
    filename: str          # the file written (or, for a folder format, the folder's name)
    folder: bool           # True: writes several files
    write: Callable[[ExportView, Sink], None]


_EXPORTERS: dict[str, Exporter] = {}
ENTRY_POINT_GROUP = "chronica.exporters"


def exporter(name: str, description: str, media_type: str, filename: str, folder: bool = False):
    """Register the decorated writer under `name`."""
    def register(fn: Callable[[ExportView, Sink], None]):
        _EXPORTERS[name] = Exporter(name, description, media_type, filename, folder, fn)
        return fn
    return register


def _load_plugins() -> None:
    load_group(ENTRY_POINT_GROUP, "export")


def names() -> list[str]:
    _load_plugins()
    return sorted(_EXPORTERS)


def get(name: str) -> Exporter:
    _load_plugins()
    try:
        return _EXPORTERS[name]
    except KeyError:
        raise ChronicaError(f"unknown export format {name!r}; choose one of: {', '.join(names())}") from None


# --------------------------------------------------------------------- sinks --

class FileSink:
    """One file; written beside its target and renamed into place, so a failed export leaves no half file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.written: list[Path] = []

    @contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        if self.written:
            raise ChronicaError(f"this format writes several files: give --out a folder, not {self.path}")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "wb") as fh:
            yield fh
        os.replace(tmp, self.path)
        self.written.append(self.path)


class FolderSink:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.written: list[Path] = []

    @contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        target = self.folder / name
        with FileSink(target).open(name) as fh:
            yield fh
        self.written.append(target)


class ZipSink:
    def __init__(self, archive: zipfile.ZipFile, prefix: str = ""):
        self.archive = archive
        self.prefix = prefix
        self.written: list[str] = []

    @contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        with self.archive.open(self.prefix + name, "w", force_zip64=True) as fh:
            yield fh
        self.written.append(self.prefix + name)


class MemorySink:
    """Everything in memory: one file's bytes, or a zip of a folder format (the web app)."""

    def __init__(self):
        self.files: dict[str, bytes] = {}

    @contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        buf = io.BytesIO()
        yield buf
        self.files[name] = buf.getvalue()


@contextmanager
def text_stream(sink: Sink, name: str) -> Iterator[TextIO]:
    """A UTF-8 text handle on `sink.open(name)` (LF line ends everywhere)."""
    with sink.open(name) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        try:
            yield text
        finally:
            text.flush()
            text.detach()


# ------------------------------------------------------------------- running --

def write(name: str, view: ExportView, out: Path) -> list[Path]:
    """Write format `name` to `out`: a file, or a folder (folder formats, or an existing folder)."""
    fmt = get(name)
    out = Path(out)
    if fmt.folder:
        sink = FolderSink(out)
        fmt.write(view, sink)
    elif out.is_dir():
        sink = FolderSink(out)
        fmt.write(view, _Renamed(sink, fmt.filename))
    else:
        sink = FileSink(out)
        fmt.write(view, sink)
    return sink.written


def render(name: str, view: ExportView) -> tuple[bytes, str, str]:
    """(bytes, media type, file name) of one format; folder formats come as one zip archive."""
    fmt = get(name)
    if not fmt.folder:
        sink = MemorySink()
        fmt.write(view, sink)
        (body,) = sink.files.values()
        return body, fmt.media_type, fmt.filename
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        fmt.write(view, ZipSink(archive, prefix=fmt.filename + "/"))
    return buf.getvalue(), "application/zip", fmt.filename + ".zip"


class _Renamed:
    """A single-file format written into a folder under its usual file name."""

    def __init__(self, sink: Sink, filename: str):
        self.sink, self.filename = sink, filename

    def open(self, name: str):
        return self.sink.open(self.filename)
