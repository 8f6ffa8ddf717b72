"""/graph and /api/graph: who is related to whom."""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from .. import views
from ..filters import Selection
from ..site import Site, selection
from ..view_registry import WarmUp, web_view


@web_view("graph")
def add_graph(site: Site) -> WarmUp:
    """The network of people, groups and their relations."""
    kb, links = site.kb, site.links

    def page(sel: Selection):
        return site.html("graph.html", "graph", sel, **views.graph_view(kb, links, sel))

    @site.app.get("/graph", response_class=HTMLResponse)
    async def graph_page(request: Request):
        sel = selection(request)
        return site.respond(request, lambda: page(sel))

    @site.app.get("/api/graph")
    async def api_graph(request: Request):
        sel = selection(request)
        return site.respond(request, lambda: site.as_json(views.graph_view(kb, links, sel)["data"]))

    return lambda: site.cache.put("/graph?", page(Selection()))
