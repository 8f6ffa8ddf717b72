from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_corpus import TEXTS, make_export  # noqa: E402

from chronica.web.app import create_app  # noqa: E402
from chronica.web.kb import KnowledgeBase  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"


@pytest.fixture(scope="session")
def export() -> dict:
    return make_export()


@pytest.fixture(scope="session")
def kb(export) -> KnowledgeBase:
    return KnowledgeBase.from_export(export, dict(TEXTS))


@pytest.fixture(scope="session")
def client(kb):
    from fastapi.testclient import TestClient
    return TestClient(create_app(kb))


# ------------------------------------------------------------------ browser --

from web_browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402,F401  (shared with the export tests)
LAPTOP = {"width": 1366, "height": 800}
PHONE = {"width": 390, "height": 844}


def artifacts_dir() -> Path:
    import os
    folder = Path(os.environ.get("CHRONICA_ARTIFACTS") or Path(__file__).resolve().parent / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class LiveServer:
    """Uvicorn serving an app on a free localhost port, in a background thread."""

    def __init__(self, app):
        import socket
        import threading

        import uvicorn
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        import time
        self.thread.start()
        while not self.server.started:
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_url(kb):
    with LiveServer(create_app(kb)) as url:
        yield url


class Watch:
    """Console errors, page errors and requests leaving localhost (or file://)."""

    def __init__(self, page):
        from urllib.parse import urlparse
        self.errors: list[str] = []
        self.outside: list[str] = []

        def on_request(request):
            url = urlparse(request.url)
            if url.scheme in ("data", "blob", "about", "file"):
                return
            if url.hostname not in ("127.0.0.1", "localhost"):
                self.outside.append(request.url)

        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("request", on_request)
        page.route("**/*", lambda route: route.abort() if urlparse(route.request.url).scheme in ("http", "https")
                   and urlparse(route.request.url).hostname not in ("127.0.0.1", "localhost") else route.continue_())

    def check(self) -> None:
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.outside, f"requests leaving localhost: {self.outside}"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=LAPTOP)
    tab = context.new_page()
    tab.watch = Watch(tab)
    yield tab
    context.close()
