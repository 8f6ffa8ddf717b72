"""A listed happening told with a pronoun ("In 1703 he took work ...") is cited from the
sentence of its paragraph that names the person, so the evidence says whose it is."""
from __future__ import annotations

import pytest

TEXT = ("The ferry at Osk\n\n"
        "In 1702 the ferryman Tobin Vail lost his boat in the flood. "
        "In 1703 he took work at a mill in Harrow.\n")
DOC = "doc_ferry"


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}


def _export() -> dict:
    def year(y):
        return {"edtf": str(y), "earliest": f"{y}-01-01", "latest": f"{y}-12-31", "basis": "explicit"}
    loss = "In 1702 the ferryman Tobin Vail lost his boat in the flood."
    work = "In 1703 he took work at a mill in Harrow."
    events = [{"id": "evt_loss", "kind": "loss", "summary": "Tobin Vail loses his boat", "when": year(1702),
               "where": None, "who": ["ent_vail"], "sources": [DOC], "evidence": [dict(_span(loss), when=year(1702))]},
              {"id": "evt_work", "kind": "employment", "summary": "Tobin Vail works at a mill", "when": year(1703),
               "where": "ent_harrow", "who": ["ent_vail"], "sources": [DOC],
               "evidence": [dict(_span(work), when=year(1703))]}]
    entities = [{"id": "ent_vail", "type": "person", "name": "Tobin Vail", "aliases": ["Vail"],
                 "mentions": [_span("Tobin Vail")]},
                {"id": "ent_harrow", "type": "place", "name": "Harrow", "aliases": [], "mentions": [_span("Harrow")]}]
    documents = [{"id": DOC, "path": "ferry.txt", "title": "The ferry at Osk", "sha256": "0" * 64, "chars": len(TEXT)}]
    return {"format": "chronica-export/1", "generator": "tests/ask", "documents": documents,
            "entities": entities, "events": events, "conflicts": [], "relations": []}


@pytest.fixture(scope="module")
def ferry(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    return Asker(_export(), MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})


def test_a_pronoun_quote_is_cited_from_the_sentence_naming_the_person(ferry):
    answer = ferry.ask("Whatever happened to Tobin Vail?")
    assert [i["event"] for i in answer.items] == ["evt_work", "evt_loss"], answer.text
    work = answer.cites[0]
    assert work.text == TEXT[work.start:work.end]
    assert work.text.startswith("In 1702 the ferryman Tobin Vail") and work.text.endswith("a mill in Harrow."), work.text


def test_a_quote_naming_the_person_is_cited_as_it_is(ferry):
    answer = ferry.ask("Whatever happened to Tobin Vail?")
    assert answer.cites[1].text == "In 1702 the ferryman Tobin Vail lost his boat in the flood."
