"""/documents, /documents/{id} and /api/documents/{id}: the sources and their text."""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from .. import views
from ..filters import Selection
from ..site import Site
from ..view_registry import web_view


@web_view("documents")
def add_documents(site: Site) -> None:
    """The list of sources, and each source's text with what was read in it."""
    kb, links = site.kb, site.links

    @site.app.get("/documents", response_class=HTMLResponse)
    async def documents(request: Request):
        return site.respond(request, lambda: site.html("documents.html", "documents", Selection(),
                                                       documents=sorted(kb.documents.values(), key=lambda d: d.label)))

    @site.app.get("/documents/{doc_id}", response_class=HTMLResponse)
    async def document(request: Request, doc_id: str):
        if doc_id not in kb.documents:
            return site.respond(request, lambda: site.not_found("document"))
        return site.respond(request, lambda: site.html("document.html", "document", Selection(),
                                                       **views.document_view(kb, links, doc_id)))

    @site.app.get("/api/documents/{doc_id}")
    async def api_document(request: Request, doc_id: str):
        def build():
            raw = kb.raw["documents"].get(doc_id)
            if raw is None:
                return site.as_json({"error": "no such document"}, 404)
            return site.as_json({**raw, "text": kb.texts.get(doc_id),
                                 "events": kb.events_by_document.get(doc_id, []),
                                 "conflicts": kb.conflicts_by_document.get(doc_id, [])})
        return site.respond(request, build)
