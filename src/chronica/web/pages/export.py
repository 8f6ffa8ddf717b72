"""/api/export and /api/export/{fmt}: the knowledge base in the contract's JSON or in
any registered export format (``chronica.export.registry``)."""
from __future__ import annotations

from dataclasses import replace

from fastapi import Request

from .. import exports
from ..answers import Answer
from ..site import Site
from ..view_registry import WarmUp, web_view


@web_view("export")
def add_export(site: Site) -> WarmUp:
    """The whole knowledge base, or a filtered export in any format."""
    kb = site.kb
    # serialised and compressed once, sent gzipped to clients that accept it
    export = Answer.build(kb.export_bytes, "application/json", compress=True, gzip_min=1024)

    @site.app.get("/api/export")
    async def api_export(request: Request):
        return site.respond(request, lambda: export)

    export_view = exports.export_view(kb)

    @site.app.get("/api/export/{fmt}")
    async def api_export_format(request: Request, fmt: str):
        # any registered format (timelinejs, geojson, csv as a zip, ...), with the CLI's filters
        def build():
            status, body, media, filename = exports.export_file(export_view, fmt, request.query_params)
            answer = Answer.build(body, media, status, compress=True)
            if filename:
                answer = replace(answer, headers=[*answer.headers, (
                    b"content-disposition", f'attachment; filename="{filename}"'.encode())])
            return answer
        return site.respond(request, build)

    return lambda: site.cache.put("/api/export?", export)
