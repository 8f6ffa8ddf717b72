"""The static report opened from disk (file://) in headless Chromium, and the app over a
knowledge base built from the reference corpus."""
from __future__ import annotations

import pytest
from conftest import LAPTOP, PHONE, SHARED, LiveServer, artifacts_dir

from chronica.web.app import create_app
from chronica.web.report import write_report

pytestmark = pytest.mark.browser

REPORT_PAGES = [
    ("report-index", "index.html", "timeline-item"),
    ("report-timeline", "timeline.html?person=ent_emma", "timeline-item"),
    ("report-map", "map.html?person=ent_darwin", "map-marker"),
    ("report-graph", "graph.html", "graph-node"),
    ("report-conflicts", "conflicts.html", "conflict"),
    ("report-document", "documents/doc_hostile.html", "evidence"),
    ("report-person", "entities/ent_darwin.html", "timeline-item"),
    ("report-search", "search.html?q=falmouth", "search-result"),
]


@pytest.fixture(scope="module")
def report_dir(kb, tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    write_report(kb, out)
    return out


def _settle(page) -> None:
    page.wait_for_load_state("load")
    page.wait_for_timeout(700)


@pytest.mark.parametrize("name,path,testid", REPORT_PAGES, ids=[p[0] for p in REPORT_PAGES])
def test_browser_report_page_opens_from_disk(page, report_dir, name, path, testid):
    page.goto((report_dir / path.split("?")[0]).as_uri() + ("?" + path.split("?")[1] if "?" in path else ""))
    _settle(page)
    assert page.locator(f"[data-testid={testid}]:visible").count() > 0
    page.screenshot(path=str(artifacts_dir() / f"{name}-laptop.png"), full_page=True)
    page.watch.check()


def test_browser_report_filters_by_person(page, report_dir):
    page.goto((report_dir / "timeline.html").as_uri() + "?person=ent_emma")
    _settle(page)
    assert page.locator("[data-testid=timeline-item]:visible").count() == 1
    # the selection follows the navigation to the other views
    assert "person=ent_emma" in page.locator("nav a", has_text="Map").get_attribute("href")
    page.watch.check()


def test_browser_report_event_opens_evidence(page, report_dir):
    page.goto((report_dir / "entities" / "ent_emma.html").as_uri())
    _settle(page)
    page.locator("[data-testid=timeline-item] [data-evidence-link]").first.click()
    _settle(page)
    assert page.locator(".is-target").first.is_visible()
    page.watch.check()


# ------------------------------------------------------------- reference corpus --

@pytest.fixture(scope="module")
def reference_kb(tmp_path_factory):
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is absent")
    from click.testing import CliRunner

    from chronica.cli import main
    from chronica.web.commands import load_knowledge_base
    db = tmp_path_factory.mktemp("kb") / "reference.db"
    url = f"sqlite:///{db}"
    result = CliRunner().invoke(main, ["build", str(seeds), "--db", url])
    assert db.exists(), result.output
    return load_knowledge_base(url)


REFERENCE_ROUTES = ["/", "/timeline", "/map", "/graph", "/conflicts", "/documents", "/search?q=mexico"]


def test_browser_reference_corpus_views(browser, reference_kb):
    from conftest import Watch
    top = reference_kb.people_by_prominence[0].id
    doc = next(iter(reference_kb.documents))
    routes = [*REFERENCE_ROUTES, f"/map?person={top}", f"/entities/{top}", f"/documents/{doc}"]
    with LiveServer(create_app(reference_kb)) as url:
        context = browser.new_context(viewport=LAPTOP)
        page = context.new_page()
        watch = Watch(page)
        for i, route in enumerate(routes):
            page.goto(url + route)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(700)
            page.screenshot(path=str(artifacts_dir() / f"reference-{i:02d}-laptop.png"), full_page=True)
        for route, testid in [("/timeline", "timeline-item"), ("/map", "map-marker"), ("/graph", "graph-node"),
                              (f"/map?person={top}", "map-marker")]:
            page.goto(url + route)
            page.wait_for_load_state("networkidle")
            assert page.locator(f"[data-testid={testid}]").count() > 0, route
        page.goto(url + "/timeline")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        assert page.locator(".vis-item").count() > 0
        page.locator("[data-testid=timeline-item] [data-evidence-link]").first.click()
        page.wait_for_load_state("networkidle")
        assert page.locator(".is-target").count() > 0
        page.set_viewport_size(PHONE)
        page.goto(url + f"/entities/{top}")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(700)
        page.screenshot(path=str(artifacts_dir() / "reference-person-phone.png"), full_page=True)
        watch.check()
        context.close()
