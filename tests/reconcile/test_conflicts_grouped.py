"""Issue 17, item 6: a conflict stands while both claims stand. A third source that
agrees with one side joins that side; a disputed fact is one conflict, whatever the
number of sources, with every claim in it."""
from __future__ import annotations

from .cross_check import run


def _attack(doc_builder, name: str, weapon: str):
    # the file name opens the text too: two sources never share an id
    text = f"Notes {name}. On 9 May 1911 the anarchist Pell attacked the banker Ruiz with a {weapon} in Bilbao."
    evidence = f"On 9 May 1911 the anarchist Pell attacked the banker Ruiz with a {weapon}"
    return (doc_builder(text, name).mention("Pell", "person", "pell").mention("Ruiz", "person", "ruiz")
            .mention("Bilbao", "place", "bilbao")
            .event("x", "attack", evidence, who=["pell", "ruiz"], where="bilbao", when="1911-05-09"))


def _weapon_conflicts(corpus):
    return [c for c in run(corpus) if c.kind == "attribute"]


def test_two_sources_disagreeing_on_a_weapon_is_one_conflict(doc_builder, make_corpus):
    found = _weapon_conflicts(make_corpus(_attack(doc_builder, "a.txt", "dagger"),
                                          _attack(doc_builder, "b.txt", "pistol")))
    assert len(found) == 1 and {c.value for c in found[0].claims} == {"dagger", "pistol"}


def test_third_source_agreeing_joins_its_side_and_the_conflict_stays(doc_builder, make_corpus):
    a, b, c = (_attack(doc_builder, "a.txt", "dagger"), _attack(doc_builder, "b.txt", "pistol"),
               _attack(doc_builder, "c.txt", "pistol"))
    before = _weapon_conflicts(make_corpus(a, b))
    after = _weapon_conflicts(make_corpus(a, b, c))
    assert len(after) == 1, [k.about for k in after]  # one disputed fact, not one per pair
    [conflict] = after
    assert sorted(k.value for k in conflict.claims) == ["dagger", "pistol", "pistol"]
    docs = {k.document for k in conflict.claims}
    assert docs == {a.doc.id, b.doc.id, c.doc.id}
    # the claims of the two-source conflict are all still there
    assert {(k.document, k.start, k.end) for k in before[0].claims} <= {(k.document, k.start, k.end)
                                                                           for k in conflict.claims}


def test_third_source_with_a_third_weapon_is_still_one_conflict(doc_builder, make_corpus):
    found = _weapon_conflicts(make_corpus(_attack(doc_builder, "a.txt", "dagger"),
                                          _attack(doc_builder, "b.txt", "pistol"),
                                          _attack(doc_builder, "c.txt", "rifle")))
    assert len(found) == 1 and {k.value for k in found[0].claims} == {"dagger", "pistol", "rifle"}



def test_findings_sharing_a_quote_across_event_clusters_are_one_conflict():
    # Two event clusters both hold the sentence "held for ten days": the stay is one
    # disputed fact, not one conflict per cluster.
    from chronica.model import DocSpan
    from chronica.reconcile.conflicts import dedupe
    from chronica.reconcile.view import Finding

    ten = DocSpan("doc_a", 10, 18, "ten days", value="ten days")
    fortnight = DocSpan("doc_b", 40, 51, "a fortnight", value="a fortnight")
    also_ten = DocSpan("doc_c", 5, 13, "ten days", value="ten days")
    topic = "how long the envoy was held"
    found = dedupe([
        Finding("duration", "soft", f"{topic}: x", (fortnight, ten), ("evt_1",), topic),
        Finding("duration", "soft", f"{topic}: y", (also_ten, fortnight), ("evt_1", "evt_2"), topic),
        Finding("duration", "soft", "how long the siege lasted: z", (ten, also_ten, fortnight), ("evt_9",),
                "how long the siege lasted"),
    ])
    assert len(found) == 2
    stay = next(c for c in found if c.about.startswith(topic))
    assert {(c.document, c.start) for c in stay.claims} == {("doc_a", 10), ("doc_b", 40), ("doc_c", 5)}
    assert stay.events == ["evt_1", "evt_2"]
