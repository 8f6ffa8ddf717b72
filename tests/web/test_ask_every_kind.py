"""Every kind of question the issue names, asked of the server (/api/ask and the /ask
page) and of the static report in headless Chromium, over the same hand-made knowledge
base: each face answers it and cites the evidence with its document and locator."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from chronica.web.report import write_report

KINDS = [  # (question, kind, a value the answer must give)
    ("When did Darwin die?", "when", "1882-04"),
    ("Where did Darwin die?", "where", "Down House"),
    ("Where was Darwin in 1835?", "where", "Galápagos Islands"),
    ("Who was Darwin's wife?", "who", "Emma Wedgwood"),
    ("What happened to Darwin in 1839?", "what", "marries Emma Wedgwood"),
    ("How long did the voyage last?", "how_long", "4 years"),
    ("What do the sources disagree about?", "disputes", "Falmouth"),
    ("Whatever happened to Charles Darwin?", "fate", "Down House"),
    ("When did Captain Robert FitzRoy leave Plymouth?", "when", "1831"),  # an alias finds the person
]
LABELS = ("The Voyage of the Beagle", "letters.md")


@pytest.mark.parametrize("question, kind, value", KINDS)
def test_server_answers_every_kind_with_cites(client, question, kind, value):
    data = client.get("/api/ask", params={"q": question}).json()
    assert data["status"] in ("answered", "disputed"), data["text"]
    assert data["question"]["kind"] == kind
    assert value in data["text"] + " ".join(map(str, data["values"]))
    assert data["cites"]
    for c in data["cites"]:
        assert c["where"].startswith(LABELS) and ("chars" in c["where"] or c["locator"])
    page = client.get("/ask", params={"q": question}).text
    assert 'data-testid="ask-cite"' in page and "/documents/doc_" in page


@pytest.fixture(scope="module")
def report_dir(kb, tmp_path_factory):
    out = tmp_path_factory.mktemp("ask-every-kind")
    write_report(kb, out)
    return out


@pytest.mark.browser
@pytest.mark.parametrize("question, kind, value", KINDS)
def test_report_answers_every_kind_in_the_browser(page, report_dir, question, kind, value):
    page.goto((report_dir / "ask.html").as_uri() + "?q=" + quote(question))
    page.wait_for_load_state("load")
    answer = page.locator("[data-testid=ask-answer]")
    assert answer.get_attribute("data-status") in ("answered", "disputed"), answer.inner_text()
    assert answer.get_attribute("data-kind") == kind
    assert value in answer.inner_text() + answer.get_attribute("data-values")
    cite = page.locator("[data-testid=ask-cite]").first
    assert cite.locator("a").get_attribute("href").startswith("documents/")
    assert any(label in cite.inner_text() for label in LABELS) and "chars" in cite.inner_text()
    page.watch.check()
