"""The static report reads "who" / "which NOUN" from the sentences and takes the place
written with the question's own verb as `chronica ask` does (ask/who_text.py,
answers._placed_by_verb; static/js/ask_who.js, ask.js): the same small base asked of
both faces, the report opened from disk in headless Chromium."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from chronica.ask import Asker
from chronica.ask.passages import MemoryPassages
from chronica.web.ask_report import report_nlp
from chronica.web.kb import KnowledgeBase
from chronica.web.report import write_report

pytestmark = pytest.mark.browser

_spec = importlib.util.spec_from_file_location(
    "who_where_base", Path(__file__).resolve().parents[1] / "ask" / "test_who_and_where_in_text.py")
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)

QUESTIONS = {  # question: what both faces answer (None: neither knows)
    "Which carpenter mended the wheel at Oskby?": ["Henrik Vael"],  # described so beside the name
    "Which blacksmith mended the wheel at Oskby?": None,  # nobody is
    "Who robbed Aron Pike?": ["Mirko Dahl"],  # the one who did it, not the one who tried
    "Where was Ada Brook buried?": ["Lindholm"],  # the place written with the burial
    "Where did Ada Brook die?": ["Carrow"],  # the event's own place
}


def _full_export() -> dict:
    """The ask tests' base with the keys a whole report (its tables) reads of every event."""
    export = base._export()
    for ev in export["events"]:
        ev.setdefault("where", None)
        ev.setdefault("when", None)
    return export


@pytest.fixture(scope="module")
def faces(browser, tmp_path_factory):
    out = tmp_path_factory.mktemp("who-report")
    write_report(KnowledgeBase.from_export(_full_export(), {base.DOC: base.TEXT}), out)
    page = browser.new_page()
    page.goto((out / "ask.html").as_uri())
    report = page.evaluate("""qs => qs.map(q => { const a = window.ChronicaAsk.ask(q);
        return {status: a.status, values: (a.values || []).map(String), cites: a.cites.map(c => [c.doc, c.start, c.end, c.text])}; })""",
                           list(QUESTIONS))
    page.close()
    asker = Asker(base._export(), MemoryPassages({base.DOC: base.TEXT}), report_nlp(), texts={base.DOC: base.TEXT})
    return {q: (asker.ask(q), r) for q, r in zip(QUESTIONS, report)}


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_report_answers_as_the_cli_does(faces, question):
    cli, rep = faces[question]
    want = QUESTIONS[question]
    assert (cli.values if cli.known else None) == want, cli.text
    assert (rep["values"] if rep["status"] != "unknown" else None) == want, rep
    if want:
        assert [[c.document, c.start, c.end] for c in cli.cites] == [c[:3] for c in rep["cites"]]
        assert all(base.TEXT[s:e] == text for _, s, e, text in rep["cites"])
