"""/map and /api/map: where things happened."""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from .. import views
from ..filters import Selection
from ..site import Site, selection
from ..view_registry import WarmUp, web_view


@web_view("map")
def add_map(site: Site) -> WarmUp:
    """Places and the events at them on a map."""
    kb, links = site.kb, site.links

    def page(sel: Selection):
        return site.html("map.html", "map", sel, **views.map_view(kb, links, sel))

    @site.app.get("/map", response_class=HTMLResponse)
    async def map_page(request: Request):
        sel = selection(request)
        return site.respond(request, lambda: page(sel))

    @site.app.get("/api/map")
    async def api_map(request: Request):
        sel = selection(request)
        return site.respond(request, lambda: site.as_json(views.map_view(kb, links, sel)["data"]))

    return lambda: site.cache.put("/map?", page(Selection()))
