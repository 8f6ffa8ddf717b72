"""Answers read from the sentences that tell the happening, when no stored event gives
them: the base below holds the people and places but no events at all."""
from __future__ import annotations

import pytest

TEXT = ("In 1504 the Duke of Orlen laid siege to Castelbruno. The siege of Castelbruno dragged on, lasting until 1511.\n\n"
        "Marta Vell founded the guild hall at Castelbruno. Her brother Anselm Vell was arrested by Captain Roderic Hume.\n\n"
        "Anselm Vell spent four months in the tower of Castelbruno before he was freed. "
        "Rumour has it that Anselm Vell was poisoned there.\n\n"
        "The garrison of Castelbruno counted 1,200 men. The harbour master, aged 61, refused to leave.\n\n"
        "The mill was run by a 40-year-old widower, Jory Penn.\n")
DOC = "doc_siege"


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}


def _ent(eid: str, kind: str, name: str, aliases=()) -> dict:
    return {"id": eid, "type": kind, "name": name, "aliases": list(aliases), "mentions": [_span(name)]}


def _export() -> dict:
    entities = [_ent("ent_duke", "person", "Duke of Orlen"), _ent("ent_castel", "place", "Castelbruno"),
                _ent("ent_marta", "person", "Marta Vell"), _ent("ent_anselm", "person", "Anselm Vell", ["Vell"]),
                _ent("ent_hume", "person", "Roderic Hume", ["Captain Roderic Hume"]),
                _ent("ent_penn", "person", "Jory Penn", ["Mr. Jory Penn", "a 40-year-old widower"])]
    documents = [{"id": DOC, "path": "siege.txt", "title": "The siege", "sha256": "0" * 64, "chars": len(TEXT)}]
    return {"format": "chronica-export/1", "generator": "tests/ask", "documents": documents,
            "entities": entities, "events": [], "conflicts": [], "relations": []}


@pytest.fixture(scope="module")
def siege(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    return Asker(_export(), MemoryPassages({DOC: TEXT}), nlp, texts={DOC: TEXT})


def _quotes(answer) -> list[str]:
    assert answer.cites and all(TEXT[c.start:c.end] == c.text for c in answer.cites)
    return [c.text for c in answer.cites]


def test_the_doer_of_a_passive_is_its_agent(siege):
    answer = siege.ask("Who arrested Anselm Vell?")
    assert answer.values == ["Roderic Hume"], answer.text
    assert _quotes(answer) == ["Her brother Anselm Vell was arrested by Captain Roderic Hume."]


def test_a_stated_duration_near_the_happening(siege):
    answer = siege.ask("How long was Anselm Vell in the tower?")
    assert "four months" in answer.text and answer.values == ["122"], answer.text


def test_a_length_computed_from_a_start_and_an_until(siege):
    answer = siege.ask("How long did the siege of Castelbruno last?")
    assert answer.computed and abs(float(answer.values[0]) - 7 * 365.25) < 2, answer.text
    quotes = _quotes(answer)
    assert any("1504" in q for q in quotes) and any("until 1511" in q for q in quotes)


def test_a_count_in_words_or_digits_with_an_irregular_plural(siege):
    answer = siege.ask("How many men did the garrison of Castelbruno count?")
    assert answer.values == ["1200"], answer.text


def test_a_rumour_is_not_read_as_an_answer(siege):
    answer = siege.ask("Who poisoned Anselm Vell?")
    assert answer.status == "unknown", answer.text


def test_an_age_is_read_beside_the_person(siege):
    answer = siege.ask("How old was the harbour master?")
    assert answer.values == ["61"], answer.text
    assert _quotes(answer) == ["The harbour master, aged 61, refused to leave."]


@pytest.mark.parametrize("text, label, days", [
    ("He was held for 2 years, 3 months, and 5 days in all.", "2 years, 3 months, and 5 days", 826.0),
    ("a fine and a term of a year and ten days", "a year and ten days", 375.0),
])
def test_a_length_told_in_several_units_is_one(text, label, days):
    from chronica.ask.quantities import stated_durations
    (said, n, _), = stated_durations(text)
    assert said == label and abs(n - days) < 1


def test_two_lengths_of_growing_units_stay_apart():
    from chronica.ask.quantities import stated_durations
    assert [x[0] for x in stated_durations("She rested two days, three weeks later she sailed.")][:1] == ["two days"]


def test_an_age_the_sources_describe_the_person_by(siege):
    answer = siege.ask("How old was Mr. Jory Penn?")
    assert answer.values == ["40"], answer.text
    assert _quotes(answer) == ["a 40-year-old widower, Jory Penn"]


def test_the_city_named_in_the_sentence_before(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    text = "The rebels reached Valdora at dawn. For nine days they plundered the city.\n"
    doc = "doc_valdora"
    start = text.index("Valdora")
    export = {"format": "chronica-export/1", "generator": "tests/ask", "events": [], "conflicts": [], "relations": [],
              "documents": [{"id": doc, "path": "v.txt", "title": "V", "sha256": "0" * 64, "chars": len(text)}],
              "entities": [{"id": "ent_v", "type": "place", "name": "Valdora", "aliases": [],
                            "mentions": [{"document": doc, "start": start, "end": start + 7, "text": "Valdora"}]}]}
    asker = Asker(export, MemoryPassages({doc: text}), nlp, texts={doc: text})
    answer = asker.ask("How long did the rebels plunder Valdora?")
    assert answer.values == ["9"] and [c.text for c in answer.cites] == ["For nine days they plundered the city."], answer.text


def test_the_person_a_title_describes(nlp):
    from chronica.ask import Asker
    from chronica.ask.passages import MemoryPassages
    text = "In 1822 Tomas Eld and Ana Ruiz, the keeper of the Marlow Archive, opened the sealed chest.\n"
    doc = "doc_archive"

    def ent(eid, kind, name):
        a = text.index(name)
        return {"id": eid, "type": kind, "name": name, "aliases": [],
                "mentions": [{"document": doc, "start": a, "end": a + len(name), "text": name}]}
    export = {"format": "chronica-export/1", "generator": "tests/ask", "events": [], "conflicts": [], "relations": [],
              "documents": [{"id": doc, "path": "a.txt", "title": "A", "sha256": "0" * 64, "chars": len(text)}],
              "entities": [ent("ent_eld", "person", "Tomas Eld"), ent("ent_ruiz", "person", "Ana Ruiz"),
                           ent("ent_arch", "organization", "Marlow Archive")]}
    asker = Asker(export, MemoryPassages({doc: text}), nlp, texts={doc: text})
    assert asker.ask("Who was the keeper of the Marlow Archive?").values == ["Ana Ruiz"]
