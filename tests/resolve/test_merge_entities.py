"""merge_entities: one entity across documents, never on a bare first name."""
from __future__ import annotations

from chronica.config import Settings
from chronica.corpus import Corpus
from chronica.model import LocalRelation, PlaceRef, Span
from chronica.pipeline import Context
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
    a = _doc("[Leon Trotsky] was exiled. [Trotsky] left.", "a")
    b = _doc("[Trotsky] wrote. [Lev Bronstein] was his birth name, known as [Trotsky].", "b")
    c = _merged(a, b)
    assert _eid(c, a, "Leon Trotsky") == _eid(c, b, "Trotsky")
    ent = next(e for e in c.entities if e.id == _eid(c, a, "Leon Trotsky"))
    assert ent.name == "Leon Trotsky"
    assert {m.document for m in ent.mentions} == {a.id, b.id}
    assert {"Leon Trotsky", "Trotsky"} <= set(ent.aliases)


def test_merge_accent_and_spelling_variants():
    a = _doc("[Ramón Mercader] struck.", "a")
    b = _doc("[Ramon Mercader] was jailed.", "b")
    c = _merged(a, b)
    assert _eid(c, a, "Ramón Mercader") == _eid(c, b, "Ramon Mercader")


def test_merge_never_on_a_bare_first_name():
    # "Lev" the son (one document) and "Lev" as Trotsky's first name (another) stay apart,
    # and two sons called "Lev" introduced only by a kinship noun are not merged blindly.
    a = _doc("[Trotsky] went with his son, [Lev]. [Lev] helped.", "a")
    b = _doc("A journalist named [Lev Bronstein] played chess. [Lev] won.", "b")
    c_ = _doc("[Stalin] exiled [Trotsky] and his son, [Lev].", "c")
    c = _merged(a, b, c_)
    assert _eid(c, a, "Lev") != _eid(c, b, "Lev Bronstein")
    assert _eid(c, a, "Lev") != _eid(c, c_, "Lev")
    assert _eid(c, a, "Trotsky") == _eid(c, c_, "Trotsky")


def test_merge_mononym_with_full_name_when_context_agrees():
    a = _doc("[Napoleon] left [Elba|place] for [Paris|place]. [Napoleon] lost at [Waterloo|place].", "a")
    b = _doc("[Napoleon Bonaparte] ruled. [Napoleon] escaped [Elba|place] and lost at "
             "[Waterloo|place].", "b")
    c = _merged(a, b)
    assert _eid(c, a, "Napoleon") == _eid(c, b, "Napoleon Bonaparte")


def test_merge_one_shared_word_without_shared_context_stays_apart():
    a = _doc("[Frank] sang in [Las Vegas|place].", "a")
    b = _doc("[Frank Jacson] visited [Coyoacán|place]. [Frank] smiled.", "b")
    c = _merged(a, b)
    assert _eid(c, a, "Frank") != _eid(c, b, "Frank Jacson")


def test_merge_first_names_tied_by_the_same_relation():
    # Two documents name the wife only "Natalia": merged because both say she is the
    # wife of the same (merged) person; an unrelated "Natalia" stays apart.
    a = _doc("[Trotsky] lived with his wife, [Natalia].", "a")
    b = _doc("[Leon Trotsky] and his wife [Natalia] arrived.", "b")
    c_ = _doc("[Natalia] sang.", "c")
    for d in (a, b):
        t = next(m.entity for m in d.mentions if "Trotsky" in m.text)
        n = next(m.entity for m in d.mentions if m.text == "Natalia")
        s = d.sentences[0]
        d.relations = [LocalRelation("spouse", "wife", t, n, Span(s.start, s.end, d.text[s.start:s.end]))]
    c = _merged(a, b, c_)
    assert _eid(c, a, "Natalia") == _eid(c, b, "Natalia")
    assert _eid(c, a, "Natalia") != _eid(c, c_, "Natalia")


def test_merge_types_must_agree():
    a = _doc("[Wellington|place] is a city.", "a")
    b = _doc("[Wellington] won.", "b")
    c = _merged(a, b)
    assert _eid(c, a, "Wellington") != _eid(c, b, "Wellington")


def test_merge_places_by_gazetteer_id_and_part_of():
    almaty = PlaceRef("geonames:1526384", "Almaty", 43.25, 76.92, "KZ", "city", part_of="geonames:1522867")
    kz = PlaceRef("geonames:1522867", "Kazakhstan", 48.0, 68.0, "KZ", "country")
    coyo = PlaceRef("geonames:3530139", "Coyoacán", 19.35, -99.16, "MX", "city", part_of="geonames:3996063")
    a = _doc("They reached [Alma Ata|place] in [Kazakhstan|place]. Later [Coyoacán|place].", "a",
             places={"alma ata": almaty, "kazakhstan": kz, "coyoacán": coyo})
    b = _doc("Exile in [Almaty|place].", "b", places={"almaty": almaty})
    c = _merged(a, b)
    city = next(e for e in c.entities if e.id == _eid(c, a, "Alma Ata"))
    assert city.id == _eid(c, b, "Almaty")
    assert (city.lat, city.lon, city.gazetteer) == (43.25, 76.92, "geonames:1526384")
    assert city.part_of == _eid(c, a, "Kazakhstan")  # an ENTITY id
    coyoacan = next(e for e in c.entities if e.id == _eid(c, a, "Coyoacán"))
    assert coyoacan.part_of is None  # Mexico City is not an entity of this corpus


def test_merge_ids_are_stable_and_content_derived():
    a = _doc("[Leon Trotsky] left [Paris|place].", "a")
    b = _doc("[Trotsky] stayed.", "b")
    first = {e.name: e.id for e in _merged(a, b).entities}
    again = {e.name: e.id for e in _merged(_doc("[Leon Trotsky] left [Paris|place].", "a"),
                                           _doc("[Trotsky] stayed.", "b")).entities}
    assert first == again
    assert first["Leon Trotsky"] == entity_id("person", "Leon Trotsky")
    assert all(i.startswith("ent_") for i in first.values())


def test_merge_cited_only_entities_are_kept():
    a = _doc("[Leon Trotsky] wrote.\n[Service, Robert]. Trotsky. London, 2010.*\n", "a")
    c = _merged(a)
    service = next(e for e in c.entities if e.name == "Robert Service")
    assert service.cited_only
    assert not next(e for e in c.entities if e.name == "Leon Trotsky").cited_only


def test_merge_relations_mapped_and_evidence_joined():
    a = _doc("[Leon Trotsky] lived with his wife, [Natalia Sedova].", "a")
    b = _doc("[Trotsky] and his wife [Natalia Sedova] arrived.", "b")
    for d in (a, b):
        t = next(m.entity for m in d.mentions if "Trotsky" in m.text)
        n = next(m.entity for m in d.mentions if m.text == "Natalia Sedova")
        s = d.sentences[0]
        d.relations = [LocalRelation("spouse", "wife", t, n, Span(s.start, s.end, d.text[s.start:s.end]))]
    c = _merged(a, b)
    assert len(c.relations) == 1
    r = c.relations[0]
    assert r.id.startswith("rel_") and r.kind == "spouse" and r.label == "wife"
    assert r.source == _eid(c, a, "Leon Trotsky") and r.target == _eid(c, b, "Natalia Sedova")
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
