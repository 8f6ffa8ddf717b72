"""/map and /api/map: where things happened."""
from __future__ import annotations

from .. import views
from ..site import Site, add_selection_view
from ..view_registry import WarmUp, web_view


@web_view("map")
def add_map(site: Site) -> WarmUp:
    """Places and the events at them on a map."""
    return add_selection_view(site, "map", "map.html", views.map_view)
