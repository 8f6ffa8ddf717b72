"""/ : the overview page, and /api/stats, the knowledge base's counts."""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from .. import views
from ..filters import Selection
from ..site import Site
from ..view_registry import WarmUp, web_view


@web_view("overview")
def add_overview(site: Site) -> WarmUp:
    """The front page: what the knowledge base holds."""
    kb, links = site.kb, site.links

    def page():
        return site.html("index.html", "index", Selection(), **views.overview(kb, links))

    @site.app.get("/", response_class=HTMLResponse)
    async def overview(request: Request):
        return site.respond(request, page)

    @site.app.get("/api/stats")
    async def api_stats(request: Request):
        return site.respond(request, lambda: site.as_json(kb.counts()))

    return lambda: site.cache.put("/?", page())
