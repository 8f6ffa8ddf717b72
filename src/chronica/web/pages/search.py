"""/search and /api/search: names, events and text by words."""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from .. import views
from ..filters import Selection
from ..site import Site
from ..view_registry import web_view


@web_view("search")
def add_search(site: Site) -> None:
    """Search over entities, events and documents."""
    kb, index = site.kb, site.index

    @site.app.get("/search", response_class=HTMLResponse)
    async def search(request: Request):
        q = request.query_params.get("q", "")
        return site.respond(request, lambda: site.html("search.html", "search", Selection(),
                                                       **views.search_view(kb, index, q)))

    @site.app.get("/api/search")
    async def api_search(request: Request):
        q = request.query_params.get("q", "")

        def build():
            found = index.search(q)
            return site.as_json({"q": q, "totals": {k: len(v) for k, v in found.items()},
                                 "results": {k: v[:views.SEARCH_LIMIT] for k, v in found.items()}})
        return site.respond(request, build)
