"""Ask the knowledge base questions in plain English; every answer cites its evidence.

``open_asker(store)`` builds the shared service: the export contract indexed for the
structured answerers, full-text search over the stored passages, the spaCy parser.
"""
from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from ..config import Settings
from ..nlp.parse import load_spacy
from .model import Answer, Cite, Passage, Question
from .passages import MemoryPassages, PassageIndex
from .rerank import WordLlamaReranker
from .roles import with_roles
from .service import ANSWERERS, Asker


def open_asker(store, nlp=None, rerank: bool = False) -> Asker:
    """The asking service over a store (SQLite or PostgreSQL)."""
    nlp = nlp or load_spacy(Settings().spacy_model)
    reranker = None
    if rerank:
        reranker = WordLlamaReranker()
    export = with_roles(store.export_dict(), store.event_roles())
    texts = {d["id"]: store.document_text(d["id"]) or "" for d in export.get("documents", ())}
    try:
        passages = PassageIndex.for_store(store)
    except SQLAlchemyError:  # a read-only database: the index cannot be stored, search in memory
        passages = MemoryPassages(texts)
    return Asker(export, passages, nlp, reranker, texts)


__all__ = ["ANSWERERS", "Answer", "Asker", "Cite", "Passage", "Question", "open_asker"]
