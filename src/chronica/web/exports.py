"""`/api/export/{format}` and the report's exports: every registered export format over
the loaded knowledge base, narrowed by the same filters as `chronica export`."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from ..errors import ChronicaError
from ..export import ExportView, Filters, get, names, render, write
from ..export.viewer import timelinejs_page
from .kb import KnowledgeBase

FILTER_PARAMS = ("person", "place", "from", "to", "document")


def export_view(kb: KnowledgeBase) -> ExportView:
    return ExportView(kb.export, kb.texts)


def export_file(view: ExportView, fmt: str, params: Mapping[str, str]) -> tuple[int, bytes, str, str]:
    """(status, body, media type, file name) of one format; 404/400 with a one-line reason."""
    if fmt not in names():
        return 404, f"unknown export format {fmt!r}; choose one of: {', '.join(names())}\n".encode(), "text/plain", ""
    filters = Filters(*(params.get(k) or None for k in FILTER_PARAMS))
    try:
        body, media, filename = render(fmt, view.select(filters))
    except (ChronicaError, ValueError) as e:
        return 400, f"{e}\n".encode(), "text/plain", ""
    return 200, body, media, filename


def write_report_exports(view: ExportView, out: Path, vendor_url: str) -> list[str]:
    """Every format into `out` (folders for csv/tei), plus a TimelineJS page that opens from disk."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in names():
        target = out / get(fmt).filename
        write(fmt, view, target)
        written.append(target.name)
    timeline = (out / get("timelinejs").filename).read_text(encoding="utf-8")
    (out / "timelinejs.html").write_text(timelinejs_page(timeline, vendor_url), encoding="utf-8")
    return written + ["timelinejs.html"]

