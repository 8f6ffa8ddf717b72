"""A web view as a third-party package would add it: a module named by a
``chronica.views`` entry point, registering its route when imported."""
from __future__ import annotations

from fastapi import Request

from chronica.web.site import Site
from chronica.web.view_registry import web_view


@web_view("people-count", "How many people the knowledge base knows")
def add_people_count(site: Site) -> None:
    @site.app.get("/api/people-count")
    async def people_count(request: Request):
        people = sum(1 for e in site.kb.raw["entities"].values() if e["type"] == "person")
        return site.respond(request, lambda: site.as_json({"people": people}))
