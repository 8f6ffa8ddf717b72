"""Issue 17, item 12: browsers ask for /favicon.ico (on JSON answers, whatever an HTML
page links); it is served, so no page logs a 404."""
from __future__ import annotations

import pytest


def test_favicon_ico_is_served(client):
    res = client.get("/favicon.ico")
    assert res.status_code == 200
    assert res.headers["content-type"].startswith("image/svg+xml")
    assert res.content.lstrip().startswith(b"<svg")


@pytest.mark.browser
@pytest.mark.parametrize("route", ["/", "/api/stats"])
def test_browser_requests_nothing_missing(page, live_url, route):
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.goto(live_url + route)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # the icon request goes out after the load
    assert missing == []
    page.watch.check()
