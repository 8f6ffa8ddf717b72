"""What every web view is given: the FastAPI app to add its routes to, the loaded
knowledge base, and the helpers that turn a page into a cached answer."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from . import views
from .answers import Answer, AnswerResponse, PageCache, cache_key
from .filters import Selection
from .kb import KnowledgeBase
from .links import Links
from .search import SearchIndex
from .templates import render


@dataclass
class Site:
    app: FastAPI
    kb: KnowledgeBase
    links: Links
    index: SearchIndex
    cache: PageCache | None  # None: every answer is built again (tests of rendering)

    def respond(self, request: Request, build: Callable[[], Answer]) -> Response:
        """The cached answer to this URL, built by ``build`` on the first visit."""
        key = cache_key(request.scope)
        hit = self.cache.get(key) if self.cache else None
        if hit is None:
            hit = build()
            if self.cache is not None and hit.status == 200:
                self.cache.put(key, hit)
        return AnswerResponse(hit)

    def html(self, template: str, page: str, selection: Selection, **context: Any) -> Answer:
        ctx = views.base_context(self.kb, self.links, selection, page)
        ctx.update(context)
        return Answer.build(render(template, ctx).encode("utf-8"), "text/html; charset=utf-8")

    def not_found(self, what: str) -> Answer:
        ctx = views.base_context(self.kb, self.links, Selection(), "error")
        ctx.update(message=f"No {what} here.")
        return Answer.build(render("error.html", ctx).encode("utf-8"), "text/html; charset=utf-8", 404)

    def as_json(self, data: Any, status: int = 200) -> Answer:
        return Answer.build(JSONResponse(data).body, "application/json", status, compress=True)


def selection(request: Request) -> Selection:
    """The people, place and period a page is narrowed to (?person=&place=&from=&to=)."""
    q = request.query_params
    return Selection.from_params(q.getlist("person"), q.get("place"), q.get("from"), q.get("to"))


def page_number(request: Request) -> int:
    try:
        return int(request.query_params.get("page", "1"))
    except ValueError:
        return 1


def add_selection_view(site: Site, name: str, template: str,
                       build: Callable[[KnowledgeBase, Links, Selection], dict]) -> Callable[[], None]:
    """``/NAME`` (the page) and ``/api/NAME`` (its ``data``) of one view of the selection,
    both built by ``build``; returns the warm-up that renders the unfiltered page."""

    def page(sel: Selection) -> Answer:
        return site.html(template, name, sel, **build(site.kb, site.links, sel))

    async def html_page(request: Request):
        sel = selection(request)
        return site.respond(request, lambda: page(sel))

    async def api(request: Request):
        sel = selection(request)
        return site.respond(request, lambda: site.as_json(build(site.kb, site.links, sel)["data"]))

    site.app.get(f"/{name}", response_class=HTMLResponse, name=f"{name}_page")(html_page)
    site.app.get(f"/api/{name}", name=f"api_{name}")(api)
    return lambda: site.cache.put(f"/{name}?", page(Selection()))
