"""Historical people known by names that share no word (``lang/en/aliases/person_names.tsv``):
one person within a document and across documents; a child named after one stays apart."""
from __future__ import annotations

from chronica.config import Settings
from chronica.components import Context
from chronica.corpus import Corpus
from chronica.resolve.aliases import chain
from chronica.resolve.merge import merge_entities
from chronica.resources import load
from chronica.resources.names import known_person, parse_name

from resolve.marked import marked_doc, same


def chained(marked: str, path: str = "<marked>"):
    doc = marked_doc(marked, path)
    doc.entities = chain(doc)
    return doc


def test_every_listed_name_is_on_one_line_only():
    owner: dict[str, int] = {}
    for i, row in enumerate(load("aliases/person_names.tsv").cells):
        assert len([f for f in row if f]) > 1, row
        for form in filter(None, row):
            key = parse_name(form).key
            assert owner.setdefault(key, i) == i, f"{form!r} is on lines {owner[key]} and {i}"


def test_listed_names_ignore_titles_and_accents():
    assert known_person(parse_name("Empress Kogyoku")) == known_person(parse_name("Saimei"))
    assert known_person(parse_name("Tamerlane")) == known_person(parse_name("Timur Lenk"))
    assert known_person(parse_name("Francis")) is None  # a bare given name is nobody's


def test_chain_joins_two_reign_names_of_one_ruler():
    doc = chained("[Empress Kōgyoku] ruled from the old palace. After her brother's reign she took the "
                  "throne again as [Empress Saimei]. [Saimei] died on campaign.")
    assert same(doc, "Empress Kōgyoku", "Empress Saimei")
    assert same(doc, "Empress Kōgyoku", "Saimei")


def test_chain_makes_an_unknown_place_so_named_the_person():
    doc = chained("Envoys reached [Timur] at dawn. The court of [Tamerlane|place] was splendid. "
                  "Rain fell on [Wellington|place].")
    assert same(doc, "Timur", "Tamerlane")
    ent = next(e for e in doc.entities if e.name in ("Timur", "Tamerlane"))
    assert ent.type == "person"
    # a listed name with no person of that name beside it stays what it was read as
    assert next(e for e in doc.entities if e.name == "Wellington").type == "place"


def test_chain_keeps_a_grandson_named_after_a_listed_ruler_apart():
    doc = chained("[Tamerlane] died in the winter. His grandson [Timur] was born that spring.")
    assert not same(doc, "Tamerlane", "Timur")


def test_merge_joins_listed_names_across_documents_not_a_namesake_grandson():
    a = chained("[Timur] besieged the city for a month.", "a")
    b = chained("Poets told of [Tamerlane] for centuries.", "b")
    c_ = chained("The old khan held his grandson [Timur] on his knee.", "c")
    corpus = Corpus([a, b, c_])
    merge_entities(corpus, Context(Settings()))

    def eid(doc, text):
        m = next(m for m in doc.mentions if m.text == text)
        return corpus.entity_of[(doc.id, m.entity)]
    assert eid(a, "Timur") == eid(b, "Tamerlane")
    assert eid(c_, "Timur") != eid(a, "Timur")
