"""/ask and /api/ask: the asking service (chronica.ask) as a page and its JSON twin.

The service is built once per app over the loaded knowledge base; passages come from
full-text search in the store the knowledge base was loaded from (in memory otherwise).
"""
from __future__ import annotations

import logging
from functools import lru_cache
from threading import Lock

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.exc import SQLAlchemyError

from ..ask import Asker
from ..config import Settings
from ..nlp.parse import load_spacy
from ..ask.passages import MemoryPassages, StorePassages
from ..errors import ChronicaError
from .filters import Selection
from .kb import KnowledgeBase
from .records import Evidence

MAX_QUESTION = 500


@lru_cache(maxsize=1)
def _nlp():
    return load_spacy(Settings().spacy_model)


class AskService:
    """The Asker for one knowledge base, built on first use (spaCy loads once)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb, self._asker, self._lock = kb, None, Lock()

    @property
    def asker(self) -> Asker:
        with self._lock:
            if self._asker is None:
                passages = self._passages()
                self._asker = Asker(self.kb.export, passages, _nlp(), texts=self.kb.texts)
            return self._asker

    def _passages(self):
        """Full-text search in the store the knowledge base came from; in memory when there is
        none or its index cannot be written (a read-only database file)."""
        url = getattr(self.kb, "store_url", None)
        if url:
            try:
                return StorePassages(url)
            except (SQLAlchemyError, ChronicaError) as e:
                logging.getLogger(__name__).warning("passages searched in memory: %s", e)
        return MemoryPassages(self.kb.texts)

    def ask(self, question: str):
        return self.asker.ask(question[:MAX_QUESTION])


def passage_parts(text: str, marks) -> list[tuple[str, str | None]]:
    """A passage as (text, mark kind or None) pieces for the template."""
    out, last = [], 0
    for a, b, kind in marks:
        out += [(text[last:a], None), (text[a:b], kind)]
        last = b
    return out + [(text[last:], None)]


def add_ask_routes(app: FastAPI, kb: KnowledgeBase, respond, html, as_json) -> AskService:
    service = AskService(kb)

    def page(q: str):
        ans = service.ask(q) if q.strip() else None
        spans = [Evidence(c.document, c.start, c.end, c.text) for c in (ans.cites if ans else ())]
        return html("ask.html", "ask", Selection(), q=q, answer=ans, spans=spans, parts=passage_parts)

    @app.get("/ask", response_class=HTMLResponse)
    async def ask_page(request: Request):
        q = request.query_params.get("q", "")
        return respond(request, lambda: page(q))

    @app.get("/api/ask")
    async def api_ask(request: Request):
        q = request.query_params.get("q", "")
        if not q.strip():
            return respond(request, lambda: as_json({"error": "ask with ?q=QUESTION"}, 400))
        return respond(request, lambda: as_json(service.ask(q).to_dict()))

    return service
