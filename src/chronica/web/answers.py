"""Finished HTTP answers and the page cache: every page is a pure function of its URL
over an immutable knowledge base, so each rendered answer (body, headers, ETag, a
gzipped twin) is built once and kept; :class:`FastFront`, a thin ASGI front, answers
those straight from memory before any routing."""
from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock

from fastapi import FastAPI
from fastapi.responses import Response

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_SECURITY = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
GZIP_MIN = 64 * 1024  # bodies smaller than this go out as they are (localhost, LAN)


@dataclass(frozen=True, slots=True)
class Answer:
    """One finished HTTP answer, headers included, ready to send as it is."""
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes
    gzip_headers: list[tuple[bytes, bytes]] | None = None
    gzip_body: bytes | None = None

    @classmethod
    def build(cls, body: bytes, media: str, status: int = 200, compress: bool = False,
              gzip_min: int = GZIP_MIN) -> "Answer":
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        common = [(b"content-type", media.encode()), (b"etag", etag), *_SECURITY]
        if not compress or len(body) < gzip_min:
            return cls(status, [*common, (b"content-length", str(len(body)).encode())], body, etag)
        packed = gzip.compress(body, compresslevel=6, mtime=0)
        vary = (b"vary", b"Accept-Encoding")
        return cls(status, [*common, vary, (b"content-length", str(len(body)).encode())], body, etag,
                   [*common, vary, (b"content-encoding", b"gzip"), (b"content-length", str(len(packed)).encode())],
                   packed)

    def response(self) -> Response:
        """The same answer as a Starlette response (the first time a URL is asked)."""
        response = Response(self.body, status_code=self.status)
        response.raw_headers = list(self.headers)
        return response

    async def send(self, scope, send) -> None:
        headers, body = self.headers, self.body
        status = self.status
        if self.gzip_body is not None or status == 200:
            accept = etag = b""
            for name, value in scope["headers"]:
                if name == b"accept-encoding":
                    accept = value
                elif name == b"if-none-match":
                    etag = value
            if status == 200 and etag and self.etag in etag:
                status, body = 304, b""
                headers = [(b"etag", self.etag), *_SECURITY]
            elif self.gzip_body is not None and b"gzip" in accept:
                headers, body = self.gzip_headers, self.gzip_body
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class PageCache:
    """A bounded LRU of finished answers keyed by path and raw query string."""

    def __init__(self, max_items: int = 4096, max_bytes: int = 256 * 2**20):
        self.items: OrderedDict[str, Answer] = OrderedDict()
        self.max_items, self.max_bytes, self.size = max_items, max_bytes, 0
        self.lock = Lock()

    def get(self, key: str) -> Answer | None:
        with self.lock:
            hit = self.items.get(key)
            if hit is not None:
                self.items.move_to_end(key)
            return hit

    def put(self, key: str, value: Answer) -> None:
        with self.lock:
            if key in self.items:
                return
            self.items[key] = value
            self.size += len(value.body) + len(value.gzip_body or b"")
            while self.items and (len(self.items) > self.max_items or self.size > self.max_bytes):
                _, old = self.items.popitem(last=False)
                self.size -= len(old.body) + len(old.gzip_body or b"")


def cache_key(scope) -> str:
    return scope["path"] + "?" + scope["query_string"].decode("latin-1")


class FastFront:
    """Pure-ASGI front: a GET whose answer is already built is sent from memory; anything
    else (a first visit, static files, other methods) goes on to the FastAPI app."""

    def __init__(self, app: FastAPI, cache: PageCache | None):
        self.app, self.cache = app, cache
        self.state = app.state

    async def __call__(self, scope, receive, send) -> None:
        if self.cache is not None and scope["type"] == "http" and scope["method"] == "GET":
            hit = self.cache.get(cache_key(scope))
            if hit is not None:
                await hit.send(scope, send)
                return
        await self.app(scope, receive, send)


class AnswerResponse(Response):
    """A built answer handed back through FastAPI (sent with its ETag and encoding)."""

    def __init__(self, answer: Answer):
        super().__init__(b"", status_code=answer.status)
        self.answer = answer

    async def __call__(self, scope, receive, send) -> None:
        await self.answer.send(scope, send)
