"""The FastAPI application: read-only HTML pages and their JSON twins under /api/.

Only GET routes exist, so nothing a page does can change the knowledge base. Pages
are pure functions of their URL over an immutable knowledge base, so each rendered
answer (body, headers, ETag) is built once and kept; a thin ASGI front answers those
straight from memory, before any routing, and FastAPI only sees what is new.
"""
from __future__ import annotations

import gc
import gzip
import hashlib
from collections import OrderedDict
from dataclasses import dataclass, replace
from threading import Lock
from typing import Callable

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from . import exports, views
from .ask_routes import add_ask_routes
from .filters import Selection
from .kb import KnowledgeBase
from .links import Links
from .search import SearchIndex
from .templates import STATIC, TEMPLATES, environment, render

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_SECURITY = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
GZIP_MIN = 64 * 1024  # bodies smaller than this go out as they are (localhost, LAN)


@dataclass(frozen=True, slots=True)
class Answer:
    """One finished HTTP answer, headers included, ready to send as it is."""
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes
    gzip_headers: list[tuple[bytes, bytes]] | None = None
    gzip_body: bytes | None = None

    @classmethod
    def build(cls, body: bytes, media: str, status: int = 200, compress: bool = False,
              gzip_min: int = GZIP_MIN) -> "Answer":
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        common = [(b"content-type", media.encode()), (b"etag", etag), *_SECURITY]
        if not compress or len(body) < gzip_min:
            return cls(status, [*common, (b"content-length", str(len(body)).encode())], body, etag)
        packed = gzip.compress(body, compresslevel=6, mtime=0)
        vary = (b"vary", b"Accept-Encoding")
        return cls(status, [*common, vary, (b"content-length", str(len(body)).encode())], body, etag,
                   [*common, vary, (b"content-encoding", b"gzip"), (b"content-length", str(len(packed)).encode())],
                   packed)

    def response(self) -> Response:
        """The same answer as a Starlette response (the first time a URL is asked)."""
        response = Response(self.body, status_code=self.status)
        response.raw_headers = list(self.headers)
        return response

    async def send(self, scope, send) -> None:
        headers, body = self.headers, self.body
        status = self.status
        if self.gzip_body is not None or status == 200:
            accept = etag = b""
            for name, value in scope["headers"]:
                if name == b"accept-encoding":
                    accept = value
                elif name == b"if-none-match":
                    etag = value
            if status == 200 and etag and self.etag in etag:
                status, body = 304, b""
                headers = [(b"etag", self.etag), *_SECURITY]
            elif self.gzip_body is not None and b"gzip" in accept:
                headers, body = self.gzip_headers, self.gzip_body
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class PageCache:
    """A bounded LRU of finished answers keyed by path and raw query string."""

    def __init__(self, max_items: int = 4096, max_bytes: int = 256 * 2**20):
        self.items: OrderedDict[str, Answer] = OrderedDict()
        self.max_items, self.max_bytes, self.size = max_items, max_bytes, 0
        self.lock = Lock()

    def get(self, key: str) -> Answer | None:
        with self.lock:
            hit = self.items.get(key)
            if hit is not None:
                self.items.move_to_end(key)
            return hit

    def put(self, key: str, value: Answer) -> None:
        with self.lock:
            if key in self.items:
                return
            self.items[key] = value
            self.size += len(value.body) + len(value.gzip_body or b"")
            while self.items and (len(self.items) > self.max_items or self.size > self.max_bytes):
                _, old = self.items.popitem(last=False)
                self.size -= len(old.body) + len(old.gzip_body or b"")


def cache_key(scope) -> str:
    return scope["path"] + "?" + scope["query_string"].decode("latin-1")


class FastFront:
    """Pure-ASGI front: a GET whose answer is already built is sent from memory; anything
    else (a first visit, static files, other methods) goes on to the FastAPI app."""

    def __init__(self, app: FastAPI, cache: PageCache | None):
        self.app, self.cache = app, cache
        self.state = app.state

    async def __call__(self, scope, receive, send) -> None:
        if self.cache is not None and scope["type"] == "http" and scope["method"] == "GET":
            hit = self.cache.get(cache_key(scope))
            if hit is not None:
                await hit.send(scope, send)
                return
        await self.app(scope, receive, send)


def _selection(request: Request) -> Selection:
    q = request.query_params
    return Selection.from_params(q.getlist("person"), q.get("place"), q.get("from"), q.get("to"))


def _page_number(request: Request) -> int:
    try:
        return int(request.query_params.get("page", "1"))
    except ValueError:
        return 1


def warm_up(kb: KnowledgeBase) -> None:
    """Compile every template and build the lazy indexes now, so that forked workers share
    them instead of each building its own on a first request."""
    env = environment()
    for path in TEMPLATES.glob("*.html"):
        env.get_template(path.name)
    kb.parts, kb._bounds, kb.pickable_people, kb.pickable_places, kb.year_span  # noqa: B018


class AnswerResponse(Response):
    """A built answer handed back through FastAPI (sent with its ETag and encoding)."""

    def __init__(self, answer: Answer):
        super().__init__(b"", status_code=answer.status)
        self.answer = answer

    async def __call__(self, scope, receive, send) -> None:
        await self.answer.send(scope, send)


def create_app(kb: KnowledgeBase, cache_pages: bool = True) -> FastFront:
    """The web app over one loaded knowledge base (an ASGI callable for uvicorn)."""
    app = FastAPI(title="Chronica", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.kb = kb
    index = SearchIndex(kb)
    links = Links("server")
    cache = PageCache() if cache_pages else None
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    def respond(request: Request, build: Callable[[], Answer]) -> Response:
        key = cache_key(request.scope)
        hit = cache.get(key) if cache else None
        if hit is None:
            hit = build()
            if cache is not None and hit.status == 200:
                cache.put(key, hit)
        return AnswerResponse(hit)

    def html(template: str, page: str, selection: Selection, **context) -> Answer:
        ctx = views.base_context(kb, links, selection, page)
        ctx.update(context)
        return Answer.build(render(template, ctx).encode("utf-8"), "text/html; charset=utf-8")

    def not_found(what: str) -> Answer:
        ctx = views.base_context(kb, links, Selection(), "error")
        ctx.update(message=f"No {what} here.")
        return Answer.build(render("error.html", ctx).encode("utf-8"), "text/html; charset=utf-8", 404)

    def as_json(data, status: int = 200) -> Answer:
        return Answer.build(JSONResponse(data).body, "application/json", status, compress=True)

    favicon = Answer.build((STATIC / "favicon.svg").read_bytes(), "image/svg+xml")

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon_ico(request: Request):
        # browsers ask for it on every non-HTML page (JSON, images) whatever the HTML links
        return AnswerResponse(favicon)

    # ----------------------------------------------------------------- pages --

    @app.get("/", response_class=HTMLResponse)
    async def overview(request: Request):
        return respond(request, lambda: html("index.html", "index", Selection(), **views.overview(kb, links)))

    @app.get("/timeline", response_class=HTMLResponse)
    async def timeline(request: Request):
        sel = _selection(request)
        return respond(request, lambda: html("timeline.html", "timeline", sel,
                                             **views.timeline(kb, links, sel, _page_number(request))))

    @app.get("/map", response_class=HTMLResponse)
    async def map_page(request: Request):
        sel = _selection(request)
        return respond(request, lambda: html("map.html", "map", sel, **views.map_view(kb, links, sel)))

    @app.get("/graph", response_class=HTMLResponse)
    async def graph_page(request: Request):
        sel = _selection(request)
        return respond(request, lambda: html("graph.html", "graph", sel, **views.graph_view(kb, links, sel)))

    @app.get("/conflicts", response_class=HTMLResponse)
    async def conflicts(request: Request):
        sel = _selection(request)
        return respond(request, lambda: html("conflicts.html", "conflicts", sel, **views.conflicts_view(kb, sel)))

    @app.get("/documents", response_class=HTMLResponse)
    async def documents(request: Request):
        return respond(request, lambda: html("documents.html", "documents", Selection(),
                                             documents=sorted(kb.documents.values(), key=lambda d: d.label)))

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    async def document(request: Request, doc_id: str):
        if doc_id not in kb.documents:
            return respond(request, lambda: not_found("document"))
        return respond(request, lambda: html("document.html", "document", Selection(),
                                             **views.document_view(kb, links, doc_id)))

    @app.get("/entities/{entity_id}", response_class=HTMLResponse)
    async def entity(request: Request, entity_id: str):
        if entity_id not in kb.entities:
            return respond(request, lambda: not_found("entity"))
        return respond(request, lambda: html("entity.html", "entity", Selection(),
                                             **views.entity_view(kb, links, entity_id)))

    @app.get("/search", response_class=HTMLResponse)
    async def search(request: Request):
        q = request.query_params.get("q", "")
        return respond(request, lambda: html("search.html", "search", Selection(),
                                             **views.search_view(kb, index, q)))

    # ------------------------------------------------------------------- api --

    export = Answer.build(kb.export_bytes, "application/json", compress=True, gzip_min=1024)

    @app.get("/api/export")
    async def api_export(request: Request):
        # the whole knowledge base: serialised and compressed once, sent gzipped to clients that accept it
        return respond(request, lambda: export)

    export_view = exports.export_view(kb)

    @app.get("/api/export/{fmt}")
    async def api_export_format(request: Request, fmt: str):
        # any registered format (timelinejs, geojson, csv as a zip, ...), with the CLI's filters
        def build():
            status, body, media, filename = exports.export_file(export_view, fmt, request.query_params)
            answer = Answer.build(body, media, status, compress=True)
            if filename:
                answer = replace(answer, headers=[*answer.headers, (
                    b"content-disposition", f'attachment; filename="{filename}"'.encode())])
            return answer
        return respond(request, build)

    @app.get("/api/stats")
    async def api_stats(request: Request):
        return respond(request, lambda: as_json(kb.counts()))

    @app.get("/api/timeline")
    async def api_timeline(request: Request):
        sel = _selection(request)

        def build():
            page = views.timeline(kb, links, sel, _page_number(request))
            return as_json({"selection": sel.as_json(), "total": page["total"], "page": page["page_no"],
                            "pages": page["pages"], "events": page["chart"]})
        return respond(request, build)

    @app.get("/api/map")
    async def api_map(request: Request):
        sel = _selection(request)
        return respond(request, lambda: as_json(views.map_view(kb, links, sel)["data"]))

    @app.get("/api/graph")
    async def api_graph(request: Request):
        sel = _selection(request)
        return respond(request, lambda: as_json(views.graph_view(kb, links, sel)["data"]))

    @app.get("/api/conflicts")
    async def api_conflicts(request: Request):
        sel = _selection(request)
        ids = {c.id for c in kb.conflicts_for(sel)}
        return respond(request, lambda: as_json([kb.raw["conflicts"][c] for c in sorted(ids)]))

    @app.get("/api/documents/{doc_id}")
    async def api_document(request: Request, doc_id: str):
        def build():
            raw = kb.raw["documents"].get(doc_id)
            if raw is None:
                return as_json({"error": "no such document"}, 404)
            return as_json({**raw, "text": kb.texts.get(doc_id),
                            "events": kb.events_by_document.get(doc_id, []),
                            "conflicts": kb.conflicts_by_document.get(doc_id, [])})
        return respond(request, build)

    @app.get("/api/entities/{entity_id}")
    async def api_entity(request: Request, entity_id: str):
        def build():
            raw = kb.raw["entities"].get(entity_id)
            if raw is None:
                return as_json({"error": "no such entity"}, 404)
            return as_json({**raw, "events": kb.entities[entity_id].events,
                            "relations": kb.relations_by_entity.get(entity_id, [])})
        return respond(request, build)

    @app.get("/api/search")
    async def api_search(request: Request):
        q = request.query_params.get("q", "")

        def build():
            found = index.search(q)
            return as_json({"q": q, "totals": {k: len(v) for k, v in found.items()},
                            "results": {k: v[:views.SEARCH_LIMIT] for k, v in found.items()}})
        return respond(request, build)

    asking = add_ask_routes(app, kb, respond, html, as_json)

    if cache is not None:  # the views everyone opens first, built before serving
        empty = Selection()
        asking.asker  # noqa: B018 - spaCy and the answer indexes loaded before workers fork
        views.fragments(kb, links).warm()
        warm_up(kb)
        cache.put("/api/export?", export)
        cache.put("/?", html("index.html", "index", empty, **views.overview(kb, links)))
        cache.put("/timeline?", html("timeline.html", "timeline", empty, **views.timeline(kb, links, empty)))
        cache.put("/map?", html("map.html", "map", empty, **views.map_view(kb, links, empty)))
        cache.put("/graph?", html("graph.html", "graph", empty, **views.graph_view(kb, links, empty)))
        cache.put("/conflicts?", html("conflicts.html", "conflicts", empty, **views.conflicts_view(kb, empty)))
    # the loaded knowledge base lives as long as the app: keep it out of the collector's
    # full passes, which would otherwise walk every record during requests (and, with
    # several worker processes, keep its pages shared between them)
    gc.collect()
    gc.freeze()
    return FastFront(app, cache)
