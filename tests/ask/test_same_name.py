""""What became of Orm's brother Kol?": a quote that calls its Kol someone's son-in-law
tells of another man of the name, even where the base holds the two as one person."""
from __future__ import annotations

from chronica.ask.base import Base
from chronica.ask.model import Question
from chronica.ask.same_name import another_of_the_name

TEXT = ("Old Brand died in 300, and was followed by his son- in-law Kol, who was drowned in 296. "
        "Orm's brother Kol fell at the ford in 290.\n")
DOC = "doc_kol"


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}


def _base() -> Base:
    kol = {"id": "ent_kol", "type": "person", "name": "Kol", "aliases": ["brother Kol"], "mentions": []}
    events = [{"id": "evt_drown", "kind": "death", "summary": "Kol drowns", "who": ["ent_kol"],
               "evidence": [_span("who was drowned in 296.")]},
              {"id": "evt_ford", "kind": "death", "summary": "Kol falls at the ford", "who": ["ent_kol"],
               "evidence": [_span("Orm's brother Kol fell at the ford in 290.")]}]
    export = {"format": "chronica-export/1", "documents": [{"id": DOC, "path": "kol.txt"}],
              "entities": [kol], "events": events, "relations": [], "conflicts": []}
    return Base(export, {DOC: TEXT})


def test_a_quote_calling_the_name_by_another_family_word_is_another_man():
    base = _base()
    q = Question(text="What became of Orm's brother Kol?", kind="fate", entities=("ent_kol",), of_role="brother")
    by_id = base.event_by_id
    assert another_of_the_name(base, q, by_id["evt_drown"])  # read in its sentence: "his son-in-law Kol"
    assert not another_of_the_name(base, q, by_id["evt_ford"])


def test_without_a_family_relation_in_the_question_nothing_is_left_out():
    base = _base()
    q = Question(text="What became of Kol?", kind="fate", entities=("ent_kol",))
    assert not another_of_the_name(base, q, base.event_by_id["evt_drown"])
