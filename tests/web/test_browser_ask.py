"""Asking in the static report opened from disk (the rules run in the browser) and on the
server's /ask page, in headless Chromium."""
from __future__ import annotations

import pytest
from conftest import artifacts_dir

from chronica.web.report import write_report

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report_dir(kb, tmp_path_factory):
    out = tmp_path_factory.mktemp("ask-report")
    write_report(kb, out)
    return out


def _open(page, report_dir, question):
    from urllib.parse import quote
    page.goto((report_dir / "ask.html").as_uri() + "?q=" + quote(question))
    page.wait_for_load_state("load")
    return page.locator("[data-testid=ask-answer]")


@pytest.mark.parametrize("question, status, text", [
    ("When did Darwin die?", "answered", "April 1882"),
    ("Who was Darwin's wife?", "answered", "Emma Wedgwood"),
    ("How long did the voyage last?", "disputed", "4 years"),
    ("Whatever happened to Charles Darwin?", "answered", "Darwin dies at Down House"),
    ("What do the sources disagree about?", "disputed", "Falmouth"),
])
def test_report_answers_in_the_browser(page, report_dir, question, status, text):
    answer = _open(page, report_dir, question)
    assert answer.get_attribute("data-status") == status
    assert text in answer.inner_text()
    cite = page.locator("[data-testid=ask-cite] a").first
    assert cite.get_attribute("href").startswith("documents/")
    page.watch.check()


def test_report_unknown_shows_passages(page, report_dir):
    answer = _open(page, report_dir, "Why did Darwin collect finches?")
    assert answer.get_attribute("data-status") == "unknown"
    assert "finches" in page.locator("[data-testid=ask-passage]").first.inner_text()
    page.screenshot(path=str(artifacts_dir() / "report-ask-laptop.png"), full_page=True)
    page.watch.check()


def test_server_ask_box_leads_to_an_answer(page, live_url):
    page.goto(live_url + "/documents/doc_voyage")
    page.fill("[data-testid=ask-box]", "Where did Darwin die?")
    page.press("[data-testid=ask-box]", "Enter")
    page.wait_for_load_state("load")
    assert "Down House" in page.locator("[data-testid=ask-answer]").inner_text()
    page.screenshot(path=str(artifacts_dir() / "server-ask-laptop.png"), full_page=True)
    page.watch.check()
