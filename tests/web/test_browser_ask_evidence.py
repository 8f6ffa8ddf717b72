"""The static report applies the server's evidence checks in the browser: a place the
text only heads for is not the answer, an appointment does not answer "who succeeded",
and a legend does not stand for what happened (tests/web/annals_corpus.py)."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from annals_corpus import DOC, TEXT, make_annals

from chronica.web.kb import KnowledgeBase
from chronica.web.report import write_report

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def annals_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("annals-report")
    write_report(KnowledgeBase.from_export(make_annals(), {DOC: TEXT}), out)
    return out


def _ask(page, report, question):
    page.goto((report / "ask.html").as_uri() + "?q=" + quote(question))
    page.wait_for_load_state("load")
    return page.locator("[data-testid=ask-answer]")


def test_report_answers_where_from_the_span_that_puts_it_there(page, annals_report):
    answer = _ask(page, annals_report, "Where did Oswin die?")
    assert "in Felgate" in answer.inner_text()
    assert "on his way to" not in page.locator("[data-testid=ask-cite]").first.inner_text()
    page.watch.check()


def test_report_does_not_answer_who_succeeded_with_an_appointment(page, annals_report):
    answer = _ask(page, annals_report, "Who succeeded Oswin?")
    assert "council" not in answer.inner_text().casefold().split("nearest")[0]
    page.watch.check()


def test_report_lists_no_legend_as_what_happened(page, annals_report):
    answer = _ask(page, annals_report, "What happened to Oswin in 876?")
    assert answer.get_attribute("data-status") == "unknown", answer.inner_text()
    page.watch.check()
