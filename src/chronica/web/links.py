"""URLs for the two faces of the same templates: the server's routes and the
static report's relative file paths (which must work from file:// with no server)."""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, urlencode

from ..export import get as get_exporter, names as export_names
from .filters import Selection
from .records import Evidence

PAGES = ("index", "timeline", "map", "graph", "conflicts", "documents", "search")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def file_name(item_id: str) -> str:
    """A file name for an id; ids with other characters get a short hash to stay unique."""
    safe = _UNSAFE.sub("_", item_id)
    if safe != item_id or safe.startswith("."):
        safe = f"{safe.lstrip('.')}_{hashlib.sha1(item_id.encode('utf-8')).hexdigest()[:8]}"
    return safe


class Links:
    """Builds every link a template emits; `report` mode writes relative .html paths."""

    def __init__(self, mode: str = "server", depth: int = 0):
        self.mode = mode
        self.prefix = "/" if mode == "server" else "../" * depth

    @property
    def static_mode(self) -> bool:
        return self.mode == "report"

    def page(self, name: str, selection: Selection | None = None, **params: str | int | None) -> str:
        pairs = list(selection.params()) if selection else []
        pairs += [(k, str(v)) for k, v in params.items() if v is not None and v != ""]
        query = "?" + urlencode(pairs) if pairs else ""
        if self.mode == "server":
            path = "/" if name == "index" else f"/{name}"
            return path + query
        return f"{self.prefix}{name}.html{query}"

    def document(self, doc_id: str, span: Evidence | None = None) -> str:
        fragment = f"#{span.anchor}" if span is not None else ""
        if self.mode == "server":
            return f"/documents/{quote(doc_id, safe='')}{fragment}"
        return f"{self.prefix}documents/{file_name(doc_id)}.html{fragment}"

    def evidence(self, span: Evidence) -> str:
        return self.document(span.document, span)

    def entity(self, entity_id: str) -> str:
        if self.mode == "server":
            return f"/entities/{quote(entity_id, safe='')}"
        return f"{self.prefix}entities/{file_name(entity_id)}.html"

    def exports(self) -> list[tuple[str, str, str]]:
        """(format, description, URL) of every export format: the API here, the files in a report."""
        out = []
        for name in export_names():
            fmt = get_exporter(name)
            if self.mode == "server":
                out.append((name, fmt.description, f"/api/export/{name}"))
            else:
                target = "timelinejs.html" if name == "timelinejs" else fmt.filename
                out.append((name, fmt.description, f"{self.prefix}exports/{target}"))
        return out

    def static(self, path: str) -> str:
        return f"{self.prefix}static/{path}"

    def api(self, path: str) -> str | None:
        return f"/api/{path}" if self.mode == "server" else None
