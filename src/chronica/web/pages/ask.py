"""/ask and /api/ask (``web.ask_routes``), registered as a view."""
from __future__ import annotations

from ..ask_routes import add_ask_routes
from ..site import Site
from ..view_registry import WarmUp, web_view


@web_view("ask")
def add_ask(site: Site) -> WarmUp:
    """Questions answered from the knowledge base, with citations."""
    asking = add_ask_routes(site.app, site.kb, site.respond, site.html, site.as_json)
    return lambda: asking.asker  # spaCy and the answer indexes loaded before workers fork
