"""/entities/{id} and /api/entities/{id}: one person, place, group or work."""
from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from .. import views
from ..filters import Selection
from ..site import Site
from ..view_registry import web_view


@web_view("entities")
def add_entities(site: Site) -> None:
    """An entity's names, events, relations and the places it is mentioned."""
    kb, links = site.kb, site.links

    @site.app.get("/entities/{entity_id}", response_class=HTMLResponse)
    async def entity(request: Request, entity_id: str):
        if entity_id not in kb.entities:
            return site.respond(request, lambda: site.not_found("entity"))
        return site.respond(request, lambda: site.html("entity.html", "entity", Selection(),
                                                       **views.entity_view(kb, links, entity_id)))

    @site.app.get("/api/entities/{entity_id}")
    async def api_entity(request: Request, entity_id: str):
        def build():
            raw = kb.raw["entities"].get(entity_id)
            if raw is None:
                return site.as_json({"error": "no such entity"}, 404)
            return site.as_json({**raw, "events": kb.entities[entity_id].events,
                                 "relations": kb.relations_by_entity.get(entity_id, [])})
        return site.respond(request, build)
