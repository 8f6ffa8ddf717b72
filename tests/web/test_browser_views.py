"""The web app in a real browser (Debian's headless Chromium driven by Playwright)."""
from __future__ import annotations

import pytest
from conftest import LAPTOP, PHONE, artifacts_dir

pytestmark = pytest.mark.browser

ROUTES = [
    ("overview", "/", None),
    ("timeline", "/timeline", "timeline-item"),
    ("map", "/map", "map-marker"),
    ("map-itinerary", "/map?person=ent_darwin&person=ent_fitzroy", "map-marker"),
    ("graph", "/graph", "graph-node"),
    ("conflicts", "/conflicts", "conflict"),
    ("document", "/documents/doc_voyage", "evidence"),
    ("hostile", "/documents/doc_hostile", "evidence"),
    ("person", "/entities/ent_darwin", "timeline-item"),
    ("place", "/entities/ent_falmouth", "timeline-item"),
    ("search", "/search?q=darwin", "search-result"),
    ("timeline-filtered", "/timeline?person=ent_emma&from=1830&to=1850", "timeline-item"),
]


def _settle(page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(700)  # let the chart libraries lay out before a screenshot


@pytest.mark.parametrize("name,route,testid", ROUTES, ids=[r[0] for r in ROUTES])
def test_browser_route_loads_clean(page, live_url, name, route, testid):
    page.goto(live_url + route)
    _settle(page)
    if testid:
        assert page.locator(f"[data-testid={testid}]").count() > 0
    folder = artifacts_dir()
    page.screenshot(path=str(folder / f"{name}-laptop.png"), full_page=True)
    page.set_viewport_size(PHONE)
    _settle(page)
    page.screenshot(path=str(folder / f"{name}-phone.png"), full_page=True)
    page.set_viewport_size(LAPTOP)
    page.watch.check()


def test_browser_charts_draw_items(page, live_url):
    page.goto(live_url + "/timeline")
    _settle(page)
    assert page.locator(".vis-item").count() >= 6
    page.goto(live_url + "/map?person=ent_darwin")
    _settle(page)
    assert page.locator("[data-testid=map-marker]").count() >= 4
    assert page.locator("path.leaflet-interactive").count() >= 3  # legs
    page.goto(live_url + "/graph")
    _settle(page)
    assert page.evaluate("window.ChronicaGraph.nodes().length") >= 3
    assert page.evaluate("window.ChronicaGraph.edges().length") >= 2
    page.watch.check()


def test_browser_event_click_opens_evidence(page, live_url):
    page.goto(live_url + "/timeline")
    _settle(page)
    item = page.locator("[data-testid=timeline-item]", has_text="returns to Falmouth")
    item.locator("[data-evidence-link]").first.click()
    page.wait_for_load_state("networkidle")
    assert "/documents/doc_voyage" in page.url
    target = page.locator("[data-testid=evidence].is-target").first
    assert target.text_content() == "The Beagle returned to Falmouth on 2 October 1836."
    assert target.is_visible()
    page.watch.check()


def test_browser_chart_click_opens_evidence(page, live_url):
    page.goto(live_url + "/timeline?person=ent_emma")
    _settle(page)
    page.locator(".vis-item", has_text="marries").first.click()
    page.wait_for_url("**/documents/**")
    page.wait_for_load_state("networkidle")
    assert page.locator(".is-target").count() > 0
    page.watch.check()


def test_browser_conflicts_show_both_quotes(page, live_url):
    page.goto(live_url + "/conflicts")
    _settle(page)
    card = page.locator("#cfl_return_date")
    assert "on 2 October 1836" in card.text_content()
    assert "on 2 November 1836" in card.text_content()
    assert card.locator(".claim").count() == 2
    page.watch.check()


def test_browser_hostile_document_renders_as_text(page, live_url):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(live_url + "/documents/doc_hostile")
    _settle(page)
    reader = page.locator("[data-reader]")
    assert "<script>alert('pwned')</script>" in reader.text_content()
    assert 'onerror="alert(1)"' in reader.text_content()
    assert page.locator("[data-reader] img, [data-reader] script, [data-reader] b").count() == 0
    for route in ("/entities/ent_smith", "/entities/ent_claims", "/timeline", "/graph", "/search?q=smith", "/"):
        page.goto(live_url + route)
        _settle(page)
        assert page.locator("main img, main script:not([type='application/json']), main b[onmouseover]").count() == 0
    assert dialogs == []
    page.watch.check()


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_browser_graph_fills_its_canvas_with_readable_labels(page, live_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_url + "/graph")
    _settle(page)
    box = page.evaluate("(() => { const b = window.ChronicaGraph.elements().renderedBoundingBox();"
                        " const c = document.querySelector('#graph'); return [b.w, b.h, c.clientWidth, c.clientHeight]; })()")
    width, height, canvas_w, canvas_h = box
    assert width > 0.6 * canvas_w or height > 0.6 * canvas_h  # the drawing is fitted, not a speck
    # labels keep a readable size on screen whatever the zoom
    font = page.evaluate("parseFloat(window.ChronicaGraph.nodes()[0].renderedStyle('font-size'))")
    assert font >= 11
    page.watch.check()


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_browser_timeline_labels_do_not_overlap(page, live_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_url + "/timeline")
    _settle(page)
    boxes = page.evaluate("""Array.from(document.querySelectorAll('.vis-item .tl-content')).map(e => {
        const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
    assert len(boxes) >= 6
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            overlap_x = min(a[2], b[2]) - max(a[0], b[0])
            overlap_y = min(a[3], b[3]) - max(a[1], b[1])
            assert overlap_x <= 1 or overlap_y <= 1, (a, b)
    # every label says something (none clipped to nothing), and the tooltip has the full story
    texts = page.locator(".vis-item .tl-text").all_text_contents()
    assert all(t.strip() for t in texts)
    assert "Charles Darwin" in page.locator(".vis-item .tl-content").first.get_attribute("title")
    page.watch.check()


def test_browser_timeline_rows_are_people(page, live_url):
    page.goto(live_url + "/timeline")
    _settle(page)
    rows = page.locator(".vis-label .tl-group-name").all_text_contents()
    assert rows[:2] == ["Charles Darwin", "Robert FitzRoy"]
    page.watch.check()
