"""The static report's ask applies the CLI's last evidence check (chronica.ask.verify) in
headless Chromium: a cited quote states the answer's date, place or person, or the
sentence before it that does is cited beside it; otherwise "I don't know" and the nearest
passages. The browser and the CLI agree on every question here."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from chronica.web.kb import KnowledgeBase
from chronica.web.report import write_report

pytestmark = pytest.mark.browser

TEXT = ("The thaw of 1788 came late to Brennholt.\n\n"
        "On 9 April 1788 the surveyor Marit Solberg left Brennholt with her chain and staff. "
        "She reached the toll bridge at Quellen before nightfall.\n\n"
        "There she measured the old boundary stones.\n\n"
        "A flood carried off the bridge, and the toll keeper was lost. "
        "The survey party counted fourteen stones.\n")
DOC = "doc_survey"


def _span(phrase: str, when: dict | None = None) -> dict:
    start = TEXT.index(phrase)
    out = {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}
    return dict(out, when=when) if when else out


def _day(basis: str) -> dict:
    return {"edtf": "1788-04-09", "earliest": "1788-04-09", "latest": "1788-04-09", "basis": basis}


def _export() -> dict:
    ents = [("ent_solberg", "person", "Marit Solberg", ["Solberg"]), ("ent_keeper", "person", "Jens Aldor", []),
            ("ent_brennholt", "place", "Brennholt", []), ("ent_quellen", "place", "Quellen", [])]
    entities = [{"id": i, "type": t, "name": n, "aliases": a,
                 "mentions": [_span(n)] if n in TEXT else []} for i, t, n, a in ents]
    day = _day("explicit")
    events = [
        {"id": "evt_leave", "kind": "departure", "summary": "Marit Solberg leaves Brennholt", "when": day,
         "where": "ent_brennholt", "who": ["ent_solberg"], "sources": [DOC],
         "evidence": [_span("On 9 April 1788 the surveyor Marit Solberg left Brennholt with her chain and staff.", day)]},
        # dated from the sentence before it: the quote writes no date
        {"id": "evt_reach", "kind": "arrival", "summary": "Marit Solberg reaches the bridge at Quellen",
         "when": _day("inferred"), "where": "ent_quellen", "who": ["ent_solberg"], "sources": [DOC],
         "evidence": [_span("She reached the toll bridge at Quellen before nightfall.", _day("inferred"))]},
        # "there": the paragraph before names the place
        {"id": "evt_measure", "kind": "survey", "summary": "Marit Solberg measures the boundary stones", "when": None,
         "where": "ent_quellen", "who": ["ent_solberg"], "sources": [DOC],
         "evidence": [_span("There she measured the old boundary stones.")]},
        # a year the text never writes, and a person the quote never names
        {"id": "evt_flood", "kind": "death", "summary": "Jens Aldor is lost in the flood",
         "when": {"edtf": "1790", "earliest": "1790-01-01", "latest": "1790-12-31", "basis": "inferred"},
         "where": None, "who": ["ent_keeper"], "sources": [DOC],
         "evidence": [_span("A flood carried off the bridge, and the toll keeper was lost.")]},
    ]
    documents = [{"id": DOC, "path": "survey.txt", "title": "The survey", "sha256": "0" * 64, "chars": len(TEXT)}]
    return {"format": "chronica-export/1", "generator": "tests/web", "documents": documents,
            "entities": entities, "events": events, "conflicts": [], "relations": []}


@pytest.fixture(scope="module")
def survey_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("survey-report")
    write_report(KnowledgeBase.from_export(_export(), {DOC: TEXT}), out)
    return out


@pytest.fixture(scope="module")
def survey_asker(settings):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    from chronica.nlp.parse import load_spacy
    return Asker(_export(), MemoryPassages({DOC: TEXT}), load_spacy(settings.spacy_model), texts={DOC: TEXT})


def _ask(page, report, question):
    page.goto((report / "ask.html").as_uri() + "?q=" + quote(question))
    page.wait_for_load_state("load")
    answer = page.locator("[data-testid=ask-answer]")
    quotes = [t.strip("“” \n") for t in page.locator("[data-testid=ask-cite] blockquote").all_inner_texts()]
    return answer.get_attribute("data-status"), quotes


@pytest.mark.parametrize("question, status, quoted", [
    # the quote's date came from context: the sentence that writes it is cited beside it
    ("When did Solberg reach the toll bridge?", "answered",
     {"She reached the toll bridge at Quellen before nightfall.",
      "On 9 April 1788 the surveyor Marit Solberg left Brennholt with her chain and staff."}),
    # "there": the sentence of the paragraph before that names the place is cited beside it
    ("Where did Solberg measure the boundary stones?", "answered",
     {"There she measured the old boundary stones.", "She reached the toll bridge at Quellen before nightfall."}),
    # no sentence writes 1790: not answered, whatever the stored date says
    ("When was the toll keeper lost?", "unknown", set()),
])
def test_report_cites_only_what_the_cli_would(page, survey_report, survey_asker, question, status, quoted):
    got_status, quotes = _ask(page, survey_report, question)
    assert got_status == status, quotes
    assert set(quotes) == quoted
    cli = survey_asker.ask(question)  # the same rule on the command line
    assert cli.status == status, cli.text
    assert {c.text for c in cli.cites} == quoted
    if status == "unknown":
        assert page.locator("[data-testid=ask-passage]").count() > 0
    page.watch.check()


def test_report_lists_only_what_the_person_did_at_the_place(page, survey_report, survey_asker):
    page.goto((survey_report / "ask.html").as_uri() + "?q=" + quote("What did Solberg do in Quellen?"))
    page.wait_for_load_state("load")
    said = page.locator("[data-testid=ask-answer] .answer").inner_text()
    assert "reaches the bridge at Quellen" in said and "measures the boundary stones" in said, said
    assert "leaves Brennholt" not in said
    cli = survey_asker.ask("What did Solberg do in Quellen?")
    assert [i["event"] for i in cli.items] == ["evt_reach", "evt_measure"], cli.text
    page.watch.check()
