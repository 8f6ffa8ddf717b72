"""/favicon.ico: the site's icon."""
from __future__ import annotations

from fastapi import Request

from ..answers import Answer, AnswerResponse
from ..site import Site
from ..templates import STATIC
from ..view_registry import web_view


@web_view("favicon")
def add_favicon(site: Site) -> None:
    """The icon browsers ask for."""
    favicon = Answer.build((STATIC / "favicon.svg").read_bytes(), "image/svg+xml")

    @site.app.get("/favicon.ico", include_in_schema=False)
    async def favicon_ico(request: Request):
        # browsers ask for it on every non-HTML page (JSON, images) whatever the HTML links
        return AnswerResponse(favicon)
