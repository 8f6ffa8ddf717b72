"""/conflicts and /api/conflicts: where the sources disagree."""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from .. import views
from ..filters import Selection
from ..site import Site, selection
from ..view_registry import WarmUp, web_view


@web_view("conflicts")
def add_conflicts(site: Site) -> WarmUp:
    """Disagreements between and within sources, with their evidence."""
    kb = site.kb

    def page(sel: Selection):
        return site.html("conflicts.html", "conflicts", sel, **views.conflicts_view(kb, sel))

    @site.app.get("/conflicts", response_class=HTMLResponse)
    async def conflicts(request: Request):
        sel = selection(request)
        return site.respond(request, lambda: page(sel))

    @site.app.get("/api/conflicts")
    async def api_conflicts(request: Request):
        sel = selection(request)
        ids = {c.id for c in kb.conflicts_for(sel)}
        return site.respond(request, lambda: site.as_json([kb.raw["conflicts"][c] for c in sorted(ids)]))

    return lambda: site.cache.put("/conflicts?", page(Selection()))
