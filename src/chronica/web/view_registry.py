"""Web views by name: the plug-in seam for pages, as ``export.registry`` is for export
formats and ``ingest.registry`` for input readers.

A view is a function that adds its routes (a page and, usually, its JSON twin under
``/api/``) to the :class:`~chronica.web.site.Site` it is given. It may return a
warm-up function, run once before serving when pages are cached (build the answers
everyone opens first, load what forked workers should share).

Views register themselves with ``@web_view(name)``; the built-in ones live in
``chronica.web.pages``. Third-party packages add more through the ``chronica.views``
entry-point group (each entry point names a module whose import registers its views).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from ..plugins import load_group
from .site import Site

WarmUp = Callable[[], None]


@dataclass(frozen=True)
class WebView:
    name: str
    description: str
    add: Callable[[Site], Optional[WarmUp]]


_VIEWS: dict[str, WebView] = {}
ENTRY_POINT_GROUP = "chronica.views"


def web_view(name: str, description: str = ""):
    """Register the decorated route-adding function under ``name``."""
    def register(fn: Callable[[Site], Optional[WarmUp]]):
        _VIEWS[name] = WebView(name, description or (fn.__doc__ or "").strip().split("\n")[0], fn)
        return fn
    return register


def _load_plugins() -> None:
    load_group(ENTRY_POINT_GROUP, "web view")


def registered() -> list[WebView]:
    """Every view, in the order registered (built-ins first)."""
    _load_plugins()
    return list(_VIEWS.values())


def names() -> list[str]:
    return [v.name for v in registered()]
