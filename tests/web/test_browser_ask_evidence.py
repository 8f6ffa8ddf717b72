"""The static report applies the server's evidence checks in the browser: a place the
text only heads for is not the answer, an appointment does not answer "who succeeded",
and a legend does not stand for what happened (the annals of tests/ask)."""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from chronica.web.kb import KnowledgeBase
from chronica.web.report import write_report

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ask"))
from test_evidence_support import DOC, TEXT, _export  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def annals_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("annals-report")
    write_report(KnowledgeBase.from_export(_export(), {DOC: TEXT}), out)
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
