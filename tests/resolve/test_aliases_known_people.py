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
    assert known_person(parse_name("Emperor Showa")) == known_person(parse_name("Hirohito"))
    assert known_person(parse_name("Ibn Sina")) == known_person(parse_name("Avicenna"))
    assert known_person(parse_name("Francis")) is None  # a bare given name is nobody's


def test_chain_joins_two_reign_names_of_one_ruler():
    doc = chained("[Hirohito] spoke on the radio at noon. Historians of [Emperor Shōwa] still "
                  "argue about that speech. [Shōwa] died in the winter.")
    assert same(doc, "Hirohito", "Emperor Shōwa")
    assert same(doc, "Hirohito", "Shōwa")


def test_chain_makes_an_unknown_place_so_named_the_person():
    doc = chained("Envoys reached [Saladin] at dawn. The court of [Salah ad-Din|place] was splendid. "
                  "Rain fell on [Copernicus|place].")
    assert same(doc, "Saladin", "Salah ad-Din")
    ent = next(e for e in doc.entities if e.name in ("Saladin", "Salah ad-Din"))
    assert ent.type == "person"
    # a listed name with no person of that name beside it stays what it was read as
    assert next(e for e in doc.entities if e.name == "Copernicus").type == "place"


def test_chain_keeps_a_grandson_named_after_a_listed_ruler_apart():
    doc = chained("[Saladin] died in the winter. His grandson [Salah ad-Din] was born that spring.")
    assert not same(doc, "Saladin", "Salah ad-Din")


def test_merge_joins_listed_names_across_documents_not_a_namesake_grandson():
    a = chained("[Saladin] besieged the city for a month.", "a")
    b = chained("Poets told of [Salah ad-Din] for centuries.", "b")
    c_ = chained("The old sultan held his grandson [Saladin] on his knee.", "c")
    corpus = Corpus([a, b, c_])
    merge_entities(corpus, Context(Settings()))

    def eid(doc, text):
        m = next(m for m in doc.mentions if m.text == text)
        return corpus.entity_of[(doc.id, m.entity)]
    assert eid(a, "Saladin") == eid(b, "Salah ad-Din")
    assert eid(c_, "Saladin") != eid(a, "Saladin")
