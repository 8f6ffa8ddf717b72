"""Every quote an answer cites must state the answer or let it be worked out: a date
written in it (or in the sentence before that gave it its date), the place or person
named in it (or in its paragraph just before, for "there"/"he"), the number written in it.
A quote that does neither is dropped; an answer left with none becomes "I don't know"."""
from __future__ import annotations

import pytest

TEXT = ("The winter of 1702 was hard in Varnholm.\n\n"
        "On 3 March 1702 the courier Tobias Hale rode out of Varnholm with the salt letters. "
        "He reached the ferry at Ostmark before dark.\n\n"
        "There he waited for the ice to break.\n\n"
        "A storm sank the ferry, and the boatman drowned. The courier lost eleven horses on the road.\n")
DOC = "doc_courier"


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}


def _when(edtf: str, basis: str) -> dict:
    return {"edtf": edtf, "earliest": "1702-03-03" if len(edtf) > 4 else "1702-01-01",
            "latest": "1702-03-03" if len(edtf) > 4 else "1702-12-31", "basis": basis}


def _ent(eid: str, kind: str, name: str, aliases=()) -> dict:
    return {"id": eid, "type": kind, "name": name, "aliases": list(aliases), "mentions": [_span(name)]}


def _export() -> dict:
    entities = [_ent("ent_hale", "person", "Tobias Hale", ["Hale"]), _ent("ent_varnholm", "place", "Varnholm"),
                _ent("ent_ostmark", "place", "Ostmark")]
    day = _when("1702-03-03", "explicit")
    events = [
        {"id": "evt_ride", "kind": "departure", "summary": "Tobias Hale rides out of Varnholm", "when": day,
         "where": "ent_varnholm", "who": ["ent_hale"], "sources": [DOC],
         "evidence": [dict(_span("On 3 March 1702 the courier Tobias Hale rode out of Varnholm with the salt letters."), when=day)]},
        # the arrival is dated from the sentence before it: its own quote writes no date
        {"id": "evt_reach", "kind": "arrival", "summary": "Tobias Hale reaches the ferry at Ostmark",
         "when": _when("1702-03-03", "inferred"), "where": "ent_ostmark", "who": ["ent_hale"], "sources": [DOC],
         "evidence": [dict(_span("He reached the ferry at Ostmark before dark."), when=_when("1702-03-03", "inferred"))]},
        # waiting "there": the quote does not name the place, the paragraph before does
        {"id": "evt_wait", "kind": "stay", "summary": "Tobias Hale waits at Ostmark", "when": None,
         "where": "ent_ostmark", "who": ["ent_hale"], "sources": [DOC],
         "evidence": [_span("There he waited for the ice to break.")]},
        # a storm the extractor dated to a year the text never writes
        {"id": "evt_storm", "kind": "death", "summary": "The boatman drowns", "when": {"edtf": "1703", "earliest": "1703-01-01", "latest": "1703-12-31", "basis": "inferred"},
         "where": None, "who": [], "sources": [DOC], "evidence": [_span("A storm sank the ferry, and the boatman drowned.")]},
    ]
    documents = [{"id": DOC, "path": "courier.txt", "title": "The courier", "sha256": "0" * 64, "chars": len(TEXT)}]
    return {"format": "chronica-export/1", "generator": "tests/ask", "documents": documents,
            "entities": entities, "events": events, "conflicts": [], "relations": []}


@pytest.fixture(scope="module")
def courier(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    return Asker(_export(), MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})


def _quoted(answer) -> list[str]:
    assert all(TEXT[c.start:c.end] == c.text for c in answer.cites)
    return [c.text for c in answer.cites]


def test_a_date_taken_from_context_is_cited_with_the_sentence_that_writes_it(courier):
    answer = courier.ask("When did Hale reach the ferry?")
    assert answer.values == ["1702-03-03"], answer.text
    quoted = _quoted(answer)
    assert "He reached the ferry at Ostmark before dark." in quoted
    assert any("On 3 March 1702" in q for q in quoted)


def test_a_date_no_nearby_sentence_writes_is_not_given(courier):
    from chronica.ask import answers
    from chronica.ask.verify import verified
    q = courier.parser.parse("When did the boatman drown?")
    raw = answers.answer_when(courier.base, q)
    assert raw is not None and raw.values == ["1703"]  # the answerer alone would give it
    assert verified(courier.base, raw) is None
    assert courier.ask("When did the boatman drown?").status == "unknown"


def test_there_is_resolved_from_the_paragraph_before(courier):
    from chronica.ask.model import Answer, Cite, Question
    from chronica.ask.verify import verified
    span = _span("There he waited for the ice to break.")
    q = Question(text="Where did Hale wait?", kind="where", entities=("ent_hale",))
    ans = Answer(q, "answered", "in Ostmark", ["Ostmark"], [Cite(DOC, span["start"], span["end"], span["text"])])
    checked = verified(courier.base, ans)
    assert [c.text for c in checked.cites] == ["There he waited for the ice to break.",
                                              "He reached the ferry at Ostmark before dark."]


def test_a_place_named_nowhere_near_the_quote_leaves_no_answer(courier):
    from chronica.ask.model import Answer, Cite, Question
    from chronica.ask.verify import verified
    span = _span("A storm sank the ferry, and the boatman drowned.")
    q = Question(text="Where did the boatman drown?", kind="where")
    ans = Answer(q, "answered", "in Varnholm", ["Varnholm"], [Cite(DOC, span["start"], span["end"], span["text"])])
    assert verified(courier.base, ans) is None


def test_a_number_must_be_written_in_the_quote(courier):
    from chronica.ask.model import Answer, Cite, Question
    from chronica.ask.verify import numbers_in, verified
    assert {11.0} <= numbers_in("The courier lost eleven horses on the road.")
    good, bad = _span("The courier lost eleven horses on the road."), _span("He reached the ferry at Ostmark before dark.")
    q = Question(text="How many horses did the courier lose?", kind="how_many", role="horse")
    ans = Answer(q, "answered", "11 horses", ["11"], [Cite(DOC, s["start"], s["end"], s["text"]) for s in (good, bad)])
    assert [c.text for c in verified(courier.base, ans).cites] == [good["text"]]


def test_an_unanswerable_question_says_so_and_shows_passages(courier):
    answer = courier.ask("Where did the boatman drown?")
    assert answer.status == "unknown" or all("Varnholm" not in v for v in answer.values)


def test_a_place_named_only_in_a_story_told_is_not_proof(courier):
    from chronica.ask.model import Answer, Cite, Question
    from chronica.ask.verify import verified
    told = "The story goes that Hale hid in Ostmark."
    q = Question(text="Where did Hale hide?", kind="where", entities=("ent_hale",))
    ans = Answer(q, "answered", "in Ostmark", ["Ostmark"], [Cite(DOC, 0, len(told), told)])
    assert verified(courier.base, ans) is None


def test_a_story_told_with_that_frames_every_clause_after_it():
    from chronica.ask.support import hedged
    text = "The story goes that Hale, weary of waiting, crossed the ice at Ostmark."
    assert hedged(text, text.index("Ostmark"))
    assert not hedged("Hale, weary of waiting, crossed the ice at Ostmark.", 40)


def test_a_quote_about_the_happening_elsewhere_does_not_answer_at_a_place(courier):
    from chronica.ask.model import Answer, Cite, Question
    from chronica.ask.verify import verified
    span = _span("On 3 March 1702 the courier Tobias Hale rode out of Varnholm with the salt letters.")
    cite = Cite(DOC, span["start"], span["end"], span["text"])
    at_ostmark = Question(text="When did Hale ride out of Ostmark?", kind="when", entities=("ent_hale", "ent_ostmark"))
    at_varnholm = Question(text="When did Hale ride out of Varnholm?", kind="when", entities=("ent_hale", "ent_varnholm"))
    assert verified(courier.base, Answer(at_ostmark, "answered", "3 March 1702", ["1702-03-03"], [cite])) is None
    assert verified(courier.base, Answer(at_varnholm, "answered", "3 March 1702", ["1702-03-03"], [cite])).cites == [cite]


def test_a_quote_giving_only_a_description_does_not_say_who():
    from chronica.ask.base import Base
    from chronica.ask.model import Answer, Cite, Question
    from chronica.ask.verify import verified
    export = _export()
    export["entities"][0]["aliases"] = ["Hale", "the courier"]  # a description kept as an alias
    base = Base(export, {DOC: TEXT})
    q = Question(text="Who lost the horses?", kind="who", predicate="lose")
    described = _span("The courier lost eleven horses on the road.")
    ans = Answer(q, "answered", "Tobias Hale", ["Tobias Hale"], [Cite(DOC, described["start"], described["end"], described["text"])])
    assert verified(base, ans) is None
    named = _span("On 3 March 1702 the courier Tobias Hale rode out of Varnholm with the salt letters.")
    ans.cites.append(Cite(DOC, named["start"], named["end"], named["text"]))
    assert [c.text for c in verified(base, ans).cites] == [named["text"]]


def test_an_answer_cites_each_span_once():
    from chronica.ask.model import Answer, Cite, Question
    from chronica.ask.verify import distinct
    one = Cite("doc_a", 10, 40, "The envoy reached Lisbon in May.", says="May")
    other = Cite("doc_a", 50, 70, "He left in June.", says="June")
    ans = Answer(Question("When?", "disputes"), "disputed", "The sources disagree.", cites=[one, other, one])
    assert distinct(ans).cites == [one, other]
