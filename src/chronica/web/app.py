"""The FastAPI application: read-only HTML pages and their JSON twins under /api/.

Only GET routes exist, so nothing a page does can change the knowledge base. The pages
are web views registered by name (``view_registry``; the built-in ones in ``pages/``,
others through the ``chronica.views`` entry points); this module assembles them over
one loaded knowledge base. Pages are pure functions of their URL over an immutable
knowledge base, so each rendered answer is built once and kept (``answers``).
"""
from __future__ import annotations

import gc

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from . import pages  # noqa: F401 - registers the built-in views
from . import views
from .answers import FastFront, PageCache
from .kb import KnowledgeBase
from .links import Links
from .search import SearchIndex
from .site import Site
from .templates import STATIC, TEMPLATES, environment
from .view_registry import registered


def warm_up(kb: KnowledgeBase) -> None:
    """Compile every template and build the lazy indexes now, so that forked workers share
    them instead of each building its own on a first request."""
    env = environment()
    for path in TEMPLATES.glob("*.html"):
        env.get_template(path.name)
    kb.parts, kb._bounds, kb.pickable_people, kb.pickable_places, kb.year_span  # noqa: B018


def create_app(kb: KnowledgeBase, cache_pages: bool = True) -> FastFront:
    """The web app over one loaded knowledge base (an ASGI callable for uvicorn)."""
    app = FastAPI(title="Chronica", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.kb = kb
    site = Site(app, kb, Links("server"), SearchIndex(kb), PageCache() if cache_pages else None)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    warm = [w for w in (view.add(site) for view in registered()) if w is not None]
    if site.cache is not None:  # the views everyone opens first, built before serving
        views.fragments(kb, site.links).warm()
        warm_up(kb)
        for warm_view in warm:
            warm_view()
    # the loaded knowledge base lives as long as the app: keep it out of the collector's
    # full passes, which would otherwise walk every record during requests (and, with
    # several worker processes, keep its pages shared between them)
    gc.collect()
    gc.freeze()
    return FastFront(app, site.cache)
