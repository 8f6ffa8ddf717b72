""""When did X enter the toll house?" is answered by a happening told in the question's
words, and cited by the sentence that tells it so; an event of the same kind that writes
none of them ("jumped into the cart") does not answer."""
from __future__ import annotations

import pytest

TEXT = ("On 2 May 1710 Mirel Stark entered the toll house at Vell. "
        "On 2 May 1710 Mirel Stark jumped into the cart at Vell. "
        "On 9 May 1710 Tobin Rusk jumped into the river at Vell.\n")
DOC = "doc_toll"


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}


def _day(d: str) -> dict:
    return {"edtf": d, "earliest": d, "latest": d, "basis": "explicit"}


def _export() -> dict:
    ents = [("ent_stark", "person", "Mirel Stark"), ("ent_rusk", "person", "Tobin Rusk"), ("ent_vell", "place", "Vell")]
    entities = [{"id": i, "type": t, "name": n, "aliases": [], "mentions": [_span(n)]} for i, t, n in ents]
    may2, may9 = _day("1710-05-02"), _day("1710-05-09")
    events = [
        # one happening told by two sentences the base merged
        {"id": "evt_enter", "kind": "movement", "summary": "Mirel Stark jumps into the cart", "when": may2,
         "where": "ent_vell", "who": ["ent_stark"], "sources": [DOC],
         "evidence": [dict(_span("On 2 May 1710 Mirel Stark jumped into the cart at Vell."), when=may2),
                      dict(_span("On 2 May 1710 Mirel Stark entered the toll house at Vell."), when=may2)]},
        {"id": "evt_river", "kind": "movement", "summary": "Tobin Rusk jumps into the river", "when": may9,
         "where": "ent_vell", "who": ["ent_rusk"], "sources": [DOC],
         "evidence": [dict(_span("On 9 May 1710 Tobin Rusk jumped into the river at Vell."), when=may9)]},
    ]
    documents = [{"id": DOC, "path": "toll.txt", "title": "The toll", "sha256": "2" * 64, "chars": len(TEXT)}]
    return {"format": "chronica-export/1", "generator": "tests/ask", "documents": documents,
            "entities": entities, "events": events, "conflicts": [], "relations": []}


@pytest.fixture(scope="module")
def asker(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    return Asker(_export(), MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})


def test_a_merged_event_is_cited_by_the_sentence_in_the_questions_words(asker):
    answer = asker.ask("When did Mirel Stark enter the toll house?")
    assert answer.values == ["1710-05-02"], answer.text
    assert [c.text for c in answer.cites] == ["On 2 May 1710 Mirel Stark entered the toll house at Vell."]


def test_an_event_of_the_kind_that_writes_none_of_the_questions_words_does_not_answer(asker):
    from chronica.ask.answers import answer_when
    q = asker.parser.parse("When did Tobin Rusk enter the toll house?")
    assert answer_when(asker.base, q) is None


def test_a_stop_in_the_asked_period_is_proved_by_its_quotes_that_write_a_date_in_it():
    from chronica.ask.answers import _dated_in_period
    told = dict(_span("On 2 May 1710 Mirel Stark entered the toll house at Vell."), when=_day("1710-05-02"))
    from_context = dict(_span("On 9 May 1710 Tobin Rusk jumped into the river at Vell."),
                        when={**_day("1710-05-02"), "basis": "inferred"})
    may = ("1710-05-01", "1710-05-31")
    assert _dated_in_period([from_context, told], may, {"vell"}) == [told]
    assert _dated_in_period([from_context], may, {"vell"}) == [from_context]  # none better: kept


def test_a_quote_naming_the_stop_comes_before_a_dated_heading_that_does_not():
    from chronica.ask.answers import _dated_in_period
    heading = dict(document=DOC, start=0, end=23, text="Lower Corvan, 1710-1712", when={**_day("1710-05-02"), "earliest": "1710-01-01",
                                                           "latest": "1712-12-31"})
    naming = dict(document=DOC, start=30, end=72, text="They took rooms in the mill house at Vell.", when={**_day("1710-05-02"), "basis": "inferred"})
    may = ("1710-05-01", "1710-05-31")
    assert _dated_in_period([heading, naming], may, {"vell"}) == [naming]
    assert _dated_in_period([heading], may, {"vell"}) == [heading]  # nothing names it: the dated one


def test_a_merged_event_is_not_cited_by_another_sources_sentence_telling_another_happening(nlp):
    """The base merged "jumped into the boat" (one source, dated) with "entered the granary"
    (another, undated): the answer to "when did she enter the granary?" is not proved by the boat."""
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    texts = {"doc_boat": "On 4 June 1712 Orla Venn jumped into the boat at Vell.\n",
             "doc_granary": "Orla Venn entered the granary and counted the sacks.\n"}

    def span(doc, phrase):
        start = texts[doc].index(phrase)
        return {"document": doc, "start": start, "end": start + len(phrase), "text": phrase, "when": _day("1712-06-04")}
    event = {"id": "evt_merged", "kind": "movement", "summary": "Orla Venn jumps into the boat", "when": _day("1712-06-04"),
             "where": None, "who": ["ent_venn"], "sources": list(texts),
             "evidence": [span("doc_boat", "On 4 June 1712 Orla Venn jumped into the boat at Vell."),
                          span("doc_granary", "Orla Venn entered the granary")]}
    mention = {"document": "doc_boat", "start": 15, "end": 24, "text": "Orla Venn"}
    export = {"format": "chronica-export/1", "generator": "tests/ask", "conflicts": [], "relations": [],
              "documents": [{"id": d, "path": f"{d}.txt", "title": d, "sha256": "3" * 64, "chars": len(t)} for d, t in texts.items()],
              "entities": [{"id": "ent_venn", "type": "person", "name": "Orla Venn", "aliases": [], "mentions": [mention]}],
              "events": [event]}
    answer = Asker(export, MemoryPassages(texts), nlp, texts=texts).ask("When did Orla Venn enter the granary?")
    assert not any("boat" in c.text for c in answer.cites), answer.text
