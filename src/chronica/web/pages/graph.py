"""/graph and /api/graph: who is related to whom."""
from __future__ import annotations

from .. import views
from ..site import Site, add_selection_view
from ..view_registry import WarmUp, web_view


@web_view("graph")
def add_graph(site: Site) -> WarmUp:
    """The network of people, groups and their relations."""
    return add_selection_view(site, "graph", "graph.html", views.graph_view)
