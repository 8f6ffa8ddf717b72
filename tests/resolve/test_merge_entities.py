"""merge_entities: one entity across documents, never on a bare first name."""
from __future__ import annotations

from chronica.config import Settings
from chronica.corpus import Corpus
from chronica.model import LocalRelation, PlaceRef, Span
from chronica.components import Context
from chronica.resolve.aliases import chain
from chronica.resolve.merge import entity_id, merge_entities

from resolve.marked import marked_doc


def _doc(marked: str, path: str, **extra):
    doc = marked_doc(marked, path)
    doc.__dict__.update(extra)
    doc.entities = chain(doc)
    return doc


def _merged(*docs):
    c = Corpus(list(docs))
    merge_entities(c, Context(Settings()))
    return c


def _eid(c, doc, text):
    m = next(m for m in doc.mentions if m.text == text)
    return c.entity_of[(doc.id, m.entity)]


def test_merge_full_name_and_surname_across_documents():
    a = _doc("[Mark Twain] lectured. [Twain] left.", "a")
    b = _doc("[Twain] wrote. [Samuel Clemens] was his birth name, known as [Twain].", "b")
    c = _merged(a, b)
    assert _eid(c, a, "Mark Twain") == _eid(c, b, "Twain")
    ent = next(e for e in c.entities if e.id == _eid(c, a, "Mark Twain"))
    assert ent.name == "Mark Twain"
    assert {m.document for m in ent.mentions} == {a.id, b.id}
    assert {"Mark Twain", "Twain"} <= set(ent.aliases)


def test_merge_accent_and_spelling_variants():
    a = _doc("[José Martí] struck.", "a")
    b = _doc("[Jose Marti] was jailed.", "b")
    c = _merged(a, b)
    assert _eid(c, a, "José Martí") == _eid(c, b, "Jose Marti")


def test_merge_never_on_a_bare_first_name():
    # "Leo" the son (one document) and "Leo" as Tolstoy's first name (another) stay apart,
    # and two sons called "Leo" introduced only by a kinship noun are not merged blindly.
    a = _doc("[Tolstoy] went with his son, [Leo]. [Leo] helped.", "a")
    b = _doc("A young officer named [Leo Tolstoy] played cards. [Leo] won.", "b")
    c_ = _doc("[Pobedonostsev] censored [Tolstoy] and his son, [Leo].", "c")
    c = _merged(a, b, c_)
    assert _eid(c, a, "Leo") != _eid(c, b, "Leo Tolstoy")
    assert _eid(c, a, "Leo") != _eid(c, c_, "Leo")
    assert _eid(c, a, "Tolstoy") == _eid(c, c_, "Tolstoy")


def test_merge_mononym_with_full_name_when_context_agrees():
    a = _doc("[Napoleon] left [Elba|place] for [Paris|place]. [Napoleon] lost at [Waterloo|place].", "a")
    b = _doc("[Napoleon Bonaparte] ruled. [Napoleon] escaped [Elba|place] and lost at "
             "[Waterloo|place].", "b")
    c = _merged(a, b)
    assert _eid(c, a, "Napoleon") == _eid(c, b, "Napoleon Bonaparte")


def test_merge_one_shared_word_without_shared_context_stays_apart():
    a = _doc("[Frank] sang in [Las Vegas|place].", "a")
    b = _doc("[Frank Harris] visited [Brighton|place]. [Frank] smiled.", "b")
    c = _merged(a, b)
    assert _eid(c, a, "Frank") != _eid(c, b, "Frank Harris")


def test_merge_first_names_tied_by_the_same_relation():
    # Two documents name the wife only "Sofia": merged because both say she is the
    # wife of the same (merged) person; an unrelated "Sofia" stays apart.
    a = _doc("[Tolstoy] lived with his wife, [Sofia].", "a")
    b = _doc("[Leo Tolstoy] and his wife [Sofia] arrived.", "b")
    c_ = _doc("[Sofia] sang.", "c")
    for d in (a, b):
        t = next(m.entity for m in d.mentions if "Tolstoy" in m.text)
        n = next(m.entity for m in d.mentions if m.text == "Sofia")
        s = d.sentences[0]
        d.relations = [LocalRelation("spouse", "wife", t, n, Span(s.start, s.end, d.text[s.start:s.end]))]
    c = _merged(a, b, c_)
    assert _eid(c, a, "Sofia") == _eid(c, b, "Sofia")
    assert _eid(c, a, "Sofia") != _eid(c, c_, "Sofia")


def test_merge_types_must_agree():
    a = _doc("[Wellington|place] is a city.", "a")
    b = _doc("[Wellington] won.", "b")
    c = _merged(a, b)
    assert _eid(c, a, "Wellington") != _eid(c, b, "Wellington")


def test_merge_places_by_gazetteer_id_and_part_of():
    mumbai = PlaceRef("geonames:1275339", "Mumbai", 19.07, 72.88, "IN", "city", part_of="geonames:1269750")
    india = PlaceRef("geonames:1269750", "India", 22.0, 79.0, "IN", "country")
    westm = PlaceRef("geonames:2634341", "Westminster", 51.5, -0.14, "GB", "city", part_of="geonames:2643743")
    a = _doc("They reached [Bombay|place] in [India|place]. Later [Westminster|place].", "a",
             places={"bombay": mumbai, "india": india, "westminster": westm})
    b = _doc("Years in [Mumbai|place].", "b", places={"mumbai": mumbai})
    c = _merged(a, b)
    city = next(e for e in c.entities if e.id == _eid(c, a, "Bombay"))
    assert city.id == _eid(c, b, "Mumbai")
    assert (city.lat, city.lon, city.gazetteer) == (19.07, 72.88, "geonames:1275339")
    assert city.part_of == _eid(c, a, "India")  # an ENTITY id
    westminster = next(e for e in c.entities if e.id == _eid(c, a, "Westminster"))
    assert westminster.part_of is None  # London is not an entity of this corpus


def test_merge_ids_are_stable_and_content_derived():
    a = _doc("[Leo Tolstoy] left [Paris|place].", "a")
    b = _doc("[Tolstoy] stayed.", "b")
    first = {e.name: e.id for e in _merged(a, b).entities}
    again = {e.name: e.id for e in _merged(_doc("[Leo Tolstoy] left [Paris|place].", "a"),
                                           _doc("[Tolstoy] stayed.", "b")).entities}
    assert first == again
    assert first["Leo Tolstoy"] == entity_id("person", "Leo Tolstoy")
    assert all(i.startswith("ent_") for i in first.values())


def test_merge_cited_only_entities_are_kept():
    a = _doc("[Leo Tolstoy] wrote.\n[Troyat, Henri]. Tolstoy. Paris, 1965.*\n", "a")
    c = _merged(a)
    troyat = next(e for e in c.entities if e.name == "Henri Troyat")
    assert troyat.cited_only
    assert not next(e for e in c.entities if e.name == "Leo Tolstoy").cited_only


def test_merge_relations_mapped_and_evidence_joined():
    a = _doc("[Leo Tolstoy] lived with his wife, [Sofia Behrs].", "a")
    b = _doc("[Tolstoy] and his wife [Sofia Behrs] arrived.", "b")
    for d in (a, b):
        t = next(m.entity for m in d.mentions if "Tolstoy" in m.text)
        n = next(m.entity for m in d.mentions if m.text == "Sofia Behrs")
        s = d.sentences[0]
        d.relations = [LocalRelation("spouse", "wife", t, n, Span(s.start, s.end, d.text[s.start:s.end]))]
    c = _merged(a, b)
    assert len(c.relations) == 1
    r = c.relations[0]
    assert r.id.startswith("rel_") and r.kind == "spouse" and r.label == "wife"
    assert r.source == _eid(c, a, "Leo Tolstoy") and r.target == _eid(c, b, "Sofia Behrs")
    assert {s.document for s in r.evidence} == {a.id, b.id}
    assert all(s.text == d.text[s.start:s.end] for s, d in zip(r.evidence, (a, b)))


def test_merge_one_place_name_one_gazetteer_row_across_documents():
    # two documents linked "London" to different namesakes: the corpus's other places decide
    uk = PlaceRef("geonames:2643743", "London", 51.51, -0.13, "GB", "city")
    ky = PlaceRef("geonames:4298960", "London", 37.13, -84.08, "US", "city")
    paris = PlaceRef("geonames:2988507", "Paris", 48.85, 2.35, "FR", "city")
    a = _doc("He lived in [London|place] and [Paris|place].", "a", places={"london": uk, "paris": paris})
    b = _doc("He sailed to [London|place].", "b", places={"london": ky})
    c = _merged(a, b)
    assert _eid(c, a, "London") == _eid(c, b, "London")
    london = next(e for e in c.entities if e.id == _eid(c, a, "London"))
    assert london.gazetteer == "geonames:2643743"


def test_merge_places_qualified_name_nearby_but_not_a_building():
    dc = PlaceRef("curated:us_dc", "District of Columbia", 38.9, -77.03, "US", "region")
    city = PlaceRef("geonames:4140963", "Washington", 38.9, -77.04, "US", "city")
    yard = PlaceRef("curated:navy_yard", "Washington Navy Yard", 38.87, -77.0, "US", "building")
    a = _doc("He fled [Washington D.C.|place] by night.", "a", places={"washington d.c.": dc, "washington d.c": dc})
    b = _doc("He left [Washington|place] past the [Washington Navy Yard|place].", "b",
             places={"washington": city, "washington navy yard": yard})
    c = _merged(a, b)
    assert _eid(c, a, "Washington D.C.") == _eid(c, b, "Washington")
    assert _eid(c, b, "Washington Navy Yard") != _eid(c, b, "Washington")


def test_merge_group_members_do_not_name_the_entity():
    a = _doc("[Karl Weber] and his wife, [Greta], sailed. The couple landed in Oslo.", "a")
    c = _merged(a)
    ent = next(e for e in c.entities if e.id == _eid(c, a, "Karl Weber"))
    assert any(m.text == "The couple" and m.entity for m in a.mentions)  # a member mention exists
    assert "The couple" not in {m.text for m in ent.mentions}
    assert "The couple" not in ent.aliases


def test_merge_never_joins_unnamed_role_people():
    from chronica.resolve.roles import attach_roles
    a = _doc("[Ada Marsh] knocked and the servant opened. [Ada Marsh] pushed past the servant.", "a")
    b = _doc("[Bea Stone] rang and the servant came. [Bea Stone] thanked the servant.", "b")
    for d in (a, b):
        attach_roles(d)
    c = _merged(a, b)
    assert _eid(c, a, "the servant") != _eid(c, b, "the servant")


def _tie(d, holder: str, kin: str, label: str = "wife") -> None:
    t = next(m.entity for m in d.mentions if m.text == holder)
    n = next(m.entity for m in d.mentions if m.text == kin)
    s = d.sentences[0]
    d.relations = [LocalRelation("spouse", label, t, n, Span(s.start, s.end, d.text[s.start:s.end]))]


def test_merge_first_name_with_full_name_tied_by_the_same_relation():
    # "his wife, Ingrid" in one text, "his fiancée Ingrid Moberg" in the other: both the
    # wife of the one merged Captain Holm, so one woman; another Ingrid stays apart.
    a = _doc("[Captain Holm] sat beside his wife, [Ingrid].", "a")
    b = _doc("[Captain Per Holm] came with his fiancée [Ingrid Moberg].", "b")
    c_ = _doc("[Ingrid Lund] sang at the opera.", "c")
    _tie(a, "Captain Holm", "Ingrid")
    _tie(b, "Captain Per Holm", "Ingrid Moberg", "fiancée")
    c = _merged(a, b, c_)
    assert _eid(c, a, "Ingrid") == _eid(c, b, "Ingrid Moberg")
    assert _eid(c, a, "Ingrid") != _eid(c, c_, "Ingrid Lund")


def test_merge_first_name_stays_apart_without_a_shared_relation():
    a = _doc("[Captain Holm] met [Ingrid] at the harbour.", "a")
    b = _doc("[Captain Per Holm] came with his fiancée [Ingrid Moberg].", "b")
    _tie(b, "Captain Per Holm", "Ingrid Moberg", "fiancée")
    c = _merged(a, b)
    assert _eid(c, a, "Ingrid") != _eid(c, b, "Ingrid Moberg")


def test_merge_compass_part_joins_the_linked_place_of_another_document():
    # "Upper Saxony" is no compass part; "Southern Sweden" the gazetteer lacks is told as
    # part of Sweden: one entity named and placed as Sweden.
    sweden = PlaceRef("country:SE", "Sweden", 62.0, 15.0, "SE", "country")
    a = _doc("The army wintered in [Southern Sweden|place] and in [Upper Saxony|place].", "a")
    b = _doc("Peace returned to [Sweden|place] and [Saxony|place].", "b", places={"sweden": sweden})
    c = _merged(a, b)
    assert _eid(c, a, "Southern Sweden") == _eid(c, b, "Sweden")
    ent = next(e for e in c.entities if e.id == _eid(c, b, "Sweden"))
    assert (ent.name, ent.gazetteer, ent.lat) == ("Sweden", "country:SE", 62.0)
    assert _eid(c, a, "Upper Saxony") != _eid(c, b, "Saxony")
