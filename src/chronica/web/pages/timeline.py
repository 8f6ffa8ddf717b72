"""/timeline and /api/timeline: events in time, a page at a time."""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from .. import views
from ..filters import Selection
from ..site import Site, page_number, selection
from ..view_registry import WarmUp, web_view


@web_view("timeline")
def add_timeline(site: Site) -> WarmUp:
    """Events on a time axis, narrowed by person, place and period."""
    kb, links = site.kb, site.links

    def page(sel: Selection, number: int = 1):
        return site.html("timeline.html", "timeline", sel, **views.timeline(kb, links, sel, number))

    @site.app.get("/timeline", response_class=HTMLResponse)
    async def timeline(request: Request):
        sel = selection(request)
        return site.respond(request, lambda: page(sel, page_number(request)))

    @site.app.get("/api/timeline")
    async def api_timeline(request: Request):
        sel = selection(request)

        def build():
            found = views.timeline(kb, links, sel, page_number(request))
            return site.as_json({"selection": sel.as_json(), "total": found["total"], "page": found["page_no"],
                                 "pages": found["pages"], "events": found["chart"]})
        return site.respond(request, build)

    return lambda: site.cache.put("/timeline?", page(Selection()))
