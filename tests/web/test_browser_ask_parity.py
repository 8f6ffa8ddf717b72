"""The static report answers as `chronica ask` does: a real build of examples/, the CLI's
JSON answers beside the report's, opened from disk in headless Chromium, for questions of
every kind (structured answers, answers read from sentences, "I don't know"). And the ask
box is on every page of the web app and of the report."""
from __future__ import annotations

import json
import re
import shutil
import unicodedata
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from corpus_paths import EXAMPLES

from chronica.cli import main
from chronica.store import open_store
from chronica.web.kb import KnowledgeBase
from chronica.web.report import write_report

pytestmark = pytest.mark.browser

QUESTIONS = [  # (question, kind): answered from stored events, read from sentences, or not known
    ("When was Peruggia arrested?", "when"),
    ("When did Peruggia write to Alfredo Geri?", "when"),
    ("When did Geri and Poggi examine the painting?", "when"),  # read from a sentence
    ("When was Picasso born?", "when"),  # the texts do not say
    ("Where was Peruggia arrested?", "where"),
    ("Where was Peruggia in December 1913?", "where"),  # the itinerary at a date
    ("Where did Peruggia keep the painting?", "where"),  # read from a sentence
    ("Who was Apollinaire's friend?", "who"),
    ("Who did Peruggia write to in 1913?", "who"),
    ("Who was the director of the Uffizi?", "who"),
    ("Who was questioned after the theft?", "who"),  # the undergoer, from the parse
    ("Who examined the painting at Peruggia's hotel?", "who"),  # the doers, from the parse
    ("Which dealer brought the director of the Uffizi to the hotel?", "who"),  # read from a sentence (ask_who.js)
    ("Which dealer did Peruggia write to?", "who"),  # the undergoer, "dealer" written beside the name
    ("Which blacksmith brought the director of the Uffizi to the hotel?", "who"),  # nobody is described so
    ("What happened to Apollinaire in 1911?", "what"),
    ("What did Peruggia do in Florence?", "what"),
    ("How long was Apollinaire held?", "how_long"),  # the sources disagree
    ("How long did the painting lie in Peruggia's trunk?", "how_long"),  # a stated length, read
    ("How long was the museum closed after the theft?", "how_long"),
    ("How many iron pegs did Béroud find on the wall?", "how_many"),
    ("How old was Peruggia when he took the painting?", "how_old"),  # the texts do not say
    ("What do the sources disagree about?", "disputes"),
    ("Whatever happened to Vincenzo Peruggia?", "fate"),
    ("What became of Apollinaire?", "fate"),
    ("Why did Peruggia take the painting?", "passages"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed (CI installs tesseract-ocr)")
    url = f"sqlite:///{tmp_path_factory.mktemp('parity-db') / 'kb.db'}"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "--db", url])
    assert result.exit_code == 0, result.output
    out = tmp_path_factory.mktemp("parity-report")
    store = open_store(url, create=False)
    try:
        kb = KnowledgeBase.from_store(store)
        write_report(kb, out)
        texts = dict(kb.texts)
    finally:
        store.close()
    return url, out, texts


def _cli(url: str, question: str) -> dict:
    result = CliRunner().invoke(main, ["ask", question, "--db", url, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _fold(v) -> str:
    s = unicodedata.normalize("NFKD", str(v).casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


@pytest.fixture(scope="module")
def report_answers(browser, built):
    _, out, _ = built
    page = browser.new_page()
    page.goto((out / "ask.html").as_uri())
    answers = page.evaluate("""qs => qs.map(q => {
        const a = window.ChronicaAsk.ask(q);
        return {status: a.status, kind: a.kind, text: a.text, values: (a.values || []).map(String),
                cites: a.cites.map(c => [c.doc, c.start, c.end, c.text]), passages: (a.passages || []).length};
    })""", [q for q, _ in QUESTIONS])
    page.close()
    return dict(zip((q for q, _ in QUESTIONS), answers))


@pytest.mark.parametrize("question, kind", QUESTIONS)
def test_report_answers_as_the_cli_does(built, report_answers, question, kind):
    url, _, texts = built
    cli, rep = _cli(url, question), report_answers[question]
    assert cli["question"]["kind"] == kind and rep["kind"] == kind
    assert (rep["status"] == "unknown") == (cli["status"] == "unknown"), (cli["text"], rep["text"])
    assert {_fold(v) for v in rep["values"]} == {_fold(v) for v in cli["values"]}, (cli["text"], rep["text"])
    if rep["status"] == "unknown":
        assert rep["passages"] and not rep["cites"]  # the nearest passages, never a guess
        return
    assert rep["cites"], rep["text"]
    for doc, start, end, text in rep["cites"]:  # every quote is the stored text at its offsets
        assert texts[doc][start:end] == text


def test_the_set_asks_every_kind():
    assert {k for _, k in QUESTIONS} == {"when", "where", "who", "what", "how_long", "how_many", "how_old",
                                         "disputes", "fate", "passages"}


def test_a_read_answer_is_shown_with_its_quote(page, built):
    _, out, _ = built
    page.goto((out / "ask.html").as_uri() + "?q=" + quote("Who was questioned after the theft?"))
    answer = page.locator("[data-testid=ask-answer]")
    assert answer.get_attribute("data-status") == "answered"
    assert "Picasso" in answer.inner_text()
    assert "questioned" in page.locator("[data-testid=ask-cite] blockquote").first.inner_text()
    page.watch.check()


def test_ask_box_on_every_page_of_the_web_app(page, built):
    from conftest import LiveServer

    from chronica.web.app import create_app
    url, _, _ = built
    store = open_store(url, create=False)
    try:
        kb = KnowledgeBase.from_store(store)
    finally:
        store.close()
    app = create_app(kb)
    routes = getattr(app, "app", app).routes  # the FastAPI app behind the page-cache front
    pages = [r.path for r in routes if getattr(r, "methods", None) and "GET" in r.methods
             and not r.path.startswith(("/api", "/static", "/export")) and "{" not in r.path
             and "html" in str(getattr(r, "response_class", "")).casefold()]
    pages += [f"/documents/{next(iter(kb.documents))}", f"/entities/{next(iter(kb.entities))}"]
    assert {"/", "/timeline", "/map", "/graph", "/conflicts", "/documents", "/search", "/ask"} <= set(pages)
    with LiveServer(app) as base:
        for path in pages:
            page.goto(base + path)
            box = page.locator("[data-testid=ask-box]")
            assert box.count() == 1 and box.is_visible(), path
        page.fill("[data-testid=ask-box]", "Where was Peruggia arrested?")
        page.press("[data-testid=ask-box]", "Enter")
        page.wait_for_load_state("load")
        assert "Florence" in page.locator("[data-testid=ask-answer]").inner_text()
    page.watch.check()


def test_ask_box_on_every_page_of_the_report(built):
    _, out, _ = built
    pages = sorted(out.glob("*.html")) + sorted(out.glob("documents/*.html")) + sorted(out.glob("entities/*.html"))
    assert len(pages) > 10
    for p in pages:
        html = p.read_text(encoding="utf-8")
        assert len(re.findall(r'data-testid="ask-box"', html)) == 1, p.name


PART_QUESTIONS = [  # the named participant's part and the part "who" asks for, read from the words
    "What did Peruggia do in Florence?",  # told of Peruggia
    "Who arrested Peruggia?",  # Peruggia underwent it, the answer did it
    "Who questioned Picasso?",
    "Who did Peruggia write to in 1913?",  # Peruggia did it, the answer underwent it
    "What happened to Apollinaire in 1911?",  # any part but a bystander's
    "Whatever happened to Vincenzo Peruggia?",
    "Who was questioned after the theft?",  # the answer underwent it
    "Who was Apollinaire's friend?",  # no part asked
    "Who examined the painting at Peruggia's hotel?",
    "Who did it?",
]


def test_report_reads_the_parts_as_the_cli_does(browser, built):
    url, out, _ = built
    page = browser.new_page()
    page.goto((out / "ask.html").as_uri())
    parts = page.evaluate("qs => qs.map(q => { const p = window.ChronicaAsk.parse(q); return [p.part || null, p.answerPart || null]; })",
                          PART_QUESTIONS)
    page.close()
    for question, (part, answer_part) in zip(PART_QUESTIONS, parts):
        cli = _cli(url, question)["question"]
        assert [part, answer_part] == [cli["part"], cli["answer_part"]], question


WHO_READ = ["Which dealer brought the director of the Uffizi to the hotel?", "Which dealer did Peruggia write to?"]


@pytest.mark.parametrize("question", WHO_READ)
def test_report_reads_who_from_the_sentences_as_the_cli_does(built, report_answers, question):
    """No stored event names the dealer: both faces read him from the sentence that
    describes him so and tells the verb, and cite the same sentences."""
    url, _, _ = built
    cli, rep = _cli(url, question), report_answers[question]
    assert "from the sentence" in cli["text"] and "from the sentence" in rep["text"], (cli["text"], rep["text"])
    assert [[c["document"], c["start"], c["end"]] for c in cli["cites"]] == [c[:3] for c in rep["cites"]]


def test_the_sentences_who_is_read_from_are_the_stored_text(built):
    """ask_who.py's sentences (what ask_who.js cites) equal the stored text at their offsets,
    and each mention lies inside its sentence."""
    _, out, texts = built
    raw = (out / "ask-data.js").read_text(encoding="utf-8")
    data = json.loads(raw[raw.index("=") + 1:raw.rstrip().rindex(";")].replace("<\\/", "</"))
    sentences, mentions = data["whoIn"]["sentences"], data["whoIn"]["mentions"]
    assert sentences and mentions
    for doc, start, end, text, before in sentences:
        assert texts[doc][start:end] == text and before <= start
    for person, i, at, end, hedged in mentions:
        assert 0 <= at < end <= len(sentences[i][3]) and hedged in (0, 1)
