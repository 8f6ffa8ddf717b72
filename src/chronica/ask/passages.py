"""Full-text search over the stored documents' passages: SQLite FTS5 or PostgreSQL
``tsvector``, behind one interface.

Passages are sentences (a heading or a short line stands alone) with their code-point
offsets in the stored text. The index lives in its own tables beside the knowledge base
and is rebuilt when the set of documents changes (a digest in ``meta``).
"""
from __future__ import annotations

import math
import os
import re
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import text as sql

from ..resources.names import fold
from ..store import open_store
from .model import Passage

DIGEST_KEY = "ask_passages_digest"
_SENTENCE = re.compile(r"[^\n]*?(?:[.!?][\"'”’)\]]*(?=\s)|\n|$)")
_QUERY_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MIN_CHARS = 25


def split_passages(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) with surrounding blanks trimmed; tiny fragments join the next."""
    out: list[tuple[int, int]] = []
    pending: int | None = None
    for m in _SENTENCE.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        start = pending if pending is not None else a
        ends_line = b >= len(text) or "\n" in text[b:b + 1]
        if b - start < MIN_CHARS and not ends_line:
            pending = start
            continue
        out.append((start, b))
        pending = None
    if pending is not None:
        out.append((pending, len(text.rstrip())))
    return out


@dataclass
class PassageIndex:
    """The one interface; ``for_store`` picks the dialect's implementation."""

    engine: object

    @staticmethod
    def for_store(store) -> "PassageIndex":
        cls = PostgresPassages if store.engine.dialect.name == "postgresql" else SqlitePassages
        index = cls(store.engine)
        index.ensure(store)
        return index

    def ensure(self, store) -> None:
        digest = store.document_digest()
        with self.engine.begin() as c:
            self._create(c)
            have = c.execute(sql("SELECT value FROM meta WHERE key = :k"), {"k": DIGEST_KEY}).scalar()
            if have == digest:
                return
            self.fill(c, {d["id"]: store.document_text(d["id"]) or "" for d in store.documents()})
            c.execute(sql("DELETE FROM meta WHERE key = :k"), {"k": DIGEST_KEY})
            c.execute(sql("INSERT INTO meta (key, value) VALUES (:k, :v)"), {"k": DIGEST_KEY, "v": digest})

    def fill(self, c, texts: dict[str, str]) -> None:
        """Replace the indexed passages with those of ``texts`` (document id -> text)."""
        self._create(c)
        c.execute(sql("DELETE FROM ask_passages"))
        rows = [{"d": d, "s": a, "e": b, "t": body[a:b]} for d, body in texts.items() for a, b in split_passages(body)]
        if rows:
            c.execute(sql('INSERT INTO ask_passages (document_id, start, "end", text) VALUES (:d, :s, :e, :t)'), rows)
        self._reindex(c)

    def search(self, words: list[str], limit: int = 5) -> list[Passage]:
        terms = [w for w in dict.fromkeys(w.casefold() for w in words) if _QUERY_WORD.fullmatch(w)]
        if not terms:
            return []
        with self.engine.connect() as c:
            rows = c.execute(sql(self._query), {"q": self._match(terms), "n": limit}).all()
        return [Passage(r.document_id, r.start, r.end, r.text, float(r.score)) for r in rows]

    # dialect parts
    _query = ""

    def _create(self, c) -> None:
        raise NotImplementedError

    def _reindex(self, c) -> None:
        raise NotImplementedError

    def _match(self, terms: list[str]) -> str:
        raise NotImplementedError


class SqlitePassages(PassageIndex):
    _query = ('SELECT p.document_id, p.start, p."end", p.text, -bm25(ask_passages_fts) AS score '
              "FROM ask_passages_fts JOIN ask_passages p ON p.id = ask_passages_fts.rowid "
              "WHERE ask_passages_fts MATCH :q ORDER BY bm25(ask_passages_fts) LIMIT :n")

    def _create(self, c) -> None:
        c.execute(sql('CREATE TABLE IF NOT EXISTS ask_passages (id INTEGER PRIMARY KEY, document_id TEXT NOT NULL, '
                      'start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL)'))
        c.execute(sql("CREATE VIRTUAL TABLE IF NOT EXISTS ask_passages_fts USING fts5(text, content='ask_passages', "
                      "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"))

    def _reindex(self, c) -> None:
        c.execute(sql("INSERT INTO ask_passages_fts(ask_passages_fts) VALUES ('rebuild')"))

    def _match(self, terms: list[str]) -> str:
        return " OR ".join(f'"{t}"' for t in terms)


class PostgresPassages(PassageIndex):
    _query = ('SELECT p.document_id, p.start, p."end", p.text, ts_rank_cd(p.tsv, q) AS score '
              "FROM ask_passages p, to_tsquery('english', :q) q WHERE p.tsv @@ q "
              "ORDER BY score DESC, p.id LIMIT :n")

    def _create(self, c) -> None:
        c.execute(sql('CREATE TABLE IF NOT EXISTS ask_passages (id SERIAL PRIMARY KEY, document_id TEXT NOT NULL, '
                      'start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, tsv tsvector)'))
        c.execute(sql("CREATE INDEX IF NOT EXISTS ix_ask_passages_tsv ON ask_passages USING GIN (tsv)"))

    def fill(self, c, texts: dict[str, str]) -> None:
        # accents folded here, as SQLite's tokenizer does (no unaccent extension needed)
        self._create(c)
        c.execute(sql("DELETE FROM ask_passages"))
        rows = [{"d": d, "s": a, "e": b, "t": body[a:b], "f": fold(body[a:b])}
                for d, body in texts.items() for a, b in split_passages(body)]
        if rows:
            c.execute(sql('INSERT INTO ask_passages (document_id, start, "end", text, tsv) '
                          "VALUES (:d, :s, :e, :t, to_tsvector('english', :f))"), rows)

    def _match(self, terms: list[str]) -> str:
        return " | ".join(fold(t) for t in terms)


class MemoryPassages:
    """The same search over texts held in memory (the web app without a store, tests of the
    report): word overlap weighted by rarity. Same ``search`` signature."""

    def __init__(self, texts: dict[str, str]):
        self.rows = [(d, a, b, t[a:b]) for d, t in texts.items() for a, b in split_passages(t)]
        self.words = [set(w.casefold() for w in _QUERY_WORD.findall(r[3])) for r in self.rows]
        df = Counter(w for ws in self.words for w in ws)
        n = max(1, len(self.rows))
        self.idf = {w: math.log(1 + n / c) for w, c in df.items()}

    def search(self, words: list[str], limit: int = 5) -> list[Passage]:
        terms = {w.casefold() for w in words}
        scored = [(sum(self.idf.get(w, 0) for w in terms & ws), i) for i, ws in enumerate(self.words)]
        scored = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1]))[:limit]
        return [Passage(*self.rows[i], score=s) for s, i in scored]


class StorePassages:
    """Full-text search in a store opened on first use in each process (the web app's
    workers are forked after loading: each opens its own connections)."""

    def __init__(self, url: str):
        store = open_store(url, create=False)
        try:
            PassageIndex.for_store(store)  # built (or found current) once, before any fork
        finally:
            store.close()
        self.url, self._pid, self._index, self._getpid = url, None, None, os.getpid

    def search(self, words: list[str], limit: int = 5) -> list[Passage]:
        if self._index is None or self._pid != self._getpid():
            store = open_store(self.url, create=False)
            cls = PostgresPassages if store.engine.dialect.name == "postgresql" else SqlitePassages
            self._index, self._pid = cls(store.engine), self._getpid()
        return self._index.search(words, limit)
