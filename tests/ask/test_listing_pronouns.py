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


DAY_TEXT = ("On 3 May 1704 the carter Wenna Hollis lost her wagon at the ford. "
            "On 3 May 1704 Wenna Hollis walked back to Osk. "
            "In June 1704 Wenna Hollis bought a mule.\n")
DAY_DOC = "doc_carter"


def _day_export() -> dict:
    def when(edtf, lo, hi):
        return {"edtf": edtf, "earliest": lo, "latest": hi, "basis": "explicit"}

    def ev(eid, kind, summary, w, phrase):
        start = DAY_TEXT.index(phrase)
        span = {"document": DAY_DOC, "start": start, "end": start + len(phrase), "text": phrase, "when": w}
        return {"id": eid, "kind": kind, "summary": summary, "when": w, "where": None, "who": ["ent_hollis"],
                "sources": [DAY_DOC], "evidence": [span]}
    day = when("1704-05-03", "1704-05-03", "1704-05-03")
    events = [ev("evt_wagon", "loss", "Wenna Hollis loses her wagon", day, "On 3 May 1704 the carter Wenna Hollis lost her wagon at the ford."),
              ev("evt_walk", "travel", "Wenna Hollis walks back to Osk", day, "On 3 May 1704 Wenna Hollis walked back to Osk."),
              ev("evt_mule", "purchase", "Wenna Hollis buys a mule", when("1704-06", "1704-06-01", "1704-06-30"),
                 "In June 1704 Wenna Hollis bought a mule.")]
    start = DAY_TEXT.index("Wenna Hollis")
    entities = [{"id": "ent_hollis", "type": "person", "name": "Wenna Hollis", "aliases": ["Hollis"],
                 "mentions": [{"document": DAY_DOC, "start": start, "end": start + 12, "text": "Wenna Hollis"}]}]
    documents = [{"id": DAY_DOC, "path": "carter.txt", "title": "The carter", "sha256": "0" * 64, "chars": len(DAY_TEXT)}]
    return {"format": "chronica-export/1", "generator": "tests/ask", "documents": documents,
            "entities": entities, "events": events, "conflicts": [], "relations": []}


def test_a_fate_lists_one_happening_of_a_day(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    asker = Asker(_day_export(), MemoryPassages({DAY_DOC: DAY_TEXT}), nlp, texts={DAY_DOC: DAY_TEXT})
    listed = [i["event"] for i in asker.ask("Whatever happened to Wenna Hollis?").items]
    assert listed[0] == "evt_mule" and len(listed) == 2 and listed[1] in ("evt_wagon", "evt_walk"), listed
