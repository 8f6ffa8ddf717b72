"""The static report: the web app's templates rendered to files that open from disk.

Links are relative, data is inlined in the pages (file:// cannot fetch JSON), the
search index is a script beside them, and the vendored libraries are copied in.
Filtering by person, place or period happens in the browser from the URL's query.
"""
from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from . import views
from .exports import export_view, write_report_exports
from .ask_report import write_ask_data
from .filters import Selection
from .kb import KnowledgeBase
from .links import Links, file_name
from .templates import STATIC, render

VENDOR_HINT = "run `npm ci && python scripts/vendor_assets.py` to vendor the front-end libraries"


@dataclass(frozen=True)
class ReportSummary:
    out: Path
    pages: int
    seconds: float
    vendored: bool


def _context(kb: KnowledgeBase, links: Links, page: str, **extra) -> dict:
    ctx = views.base_context(kb, links, Selection(), page)
    ctx.update(extra)
    return ctx


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def search_index(kb: KnowledgeBase, links: Links) -> dict:
    """What search.js needs, with the URLs the report uses."""
    return {
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                      "url": links.entity(e.id)} for e in kb.entities.values()],
        "events": [{"id": e.id, "summary": e.summary, "date": e.date.label if e.date else "undated",
                    "url": links.evidence(e.evidence[0]) if e.evidence else links.page("timeline"),
                    "text": " ".join((e.summary, *(s.text for s in e.evidence)))}
                   for e in (kb.events[i] for i in kb.chronology)],
        "documents": [{"id": d.id, "label": d.label, "url": links.document(d.id),
                       "text": " ".join((d.label, d.path, kb.texts.get(d.id, "")))} for d in kb.documents.values()],
    }


def copy_static(out: Path) -> bool:
    """Copy our CSS/JS and the vendored libraries; False when the libraries are missing."""
    shutil.copytree(STATIC, out / "static", dirs_exist_ok=True, ignore=shutil.ignore_patterns(".gitignore"))
    return (STATIC / "vendor").is_dir()


def write_report(kb: KnowledgeBase, out: Path) -> ReportSummary:
    started = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    vendored = copy_static(out)
    top = Links("report", depth=0)
    nested = Links("report", depth=1)
    empty = Selection()
    pages = {
        "index.html": ("index.html", "index", views.overview(kb, top)),
        "timeline.html": ("timeline.html", "timeline", views.timeline(kb, top, empty)),
        "map.html": ("map.html", "map", views.map_view(kb, top, empty)),
        "graph.html": ("graph.html", "graph", views.graph_view(kb, top, empty)),
        "conflicts.html": ("conflicts.html", "conflicts", views.conflicts_view(kb, empty)),
        "documents.html": ("documents.html", "documents",
                           {"documents": sorted(kb.documents.values(), key=lambda d: d.label)}),
        "search.html": ("search.html", "search", views.search_view(kb, None, "")),
        "ask.html": ("ask.html", "ask", {"q": "", "answer": None, "spans": [], "parts": None}),
    }
    for name, (template, page, data) in pages.items():
        _write(out / name, render(template, _context(kb, top, page, **data)))
    for doc_id in kb.documents:
        html = render("document.html", _context(kb, nested, "document", **views.document_view(kb, nested, doc_id)))
        _write(out / "documents" / f"{file_name(doc_id)}.html", html)
    for ent_id in kb.entities:
        html = render("entity.html", _context(kb, nested, "entity", **views.entity_view(kb, nested, ent_id)))
        _write(out / "entities" / f"{file_name(ent_id)}.html", html)
    index = json.dumps(search_index(kb, top), ensure_ascii=False, separators=(",", ":"))
    # '</' cannot end a script that is loaded from a file, but keep the file inert anyway
    _write(out / "search-index.js", "window.CHRONICA_SEARCH=" + index.replace("</", "<\\/") + ";\n")
    _write(out / "export.json", kb.export_bytes.decode("utf-8"))
    write_report_exports(export_view(kb), out / "exports", "../static/vendor")
    write_ask_data(kb, top, out)
    count = len(pages) + len(kb.documents) + len(kb.entities)
    return ReportSummary(out, count, time.perf_counter() - started, vendored)
