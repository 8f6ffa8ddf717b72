"""The conflict checks pair only what can disagree (an archive is not compared all
against all): the blocked pairs must be exactly the pairs the all-against-all loop
would accept, in the same order. Invented people, places and dates."""
from itertools import combinations
from types import SimpleNamespace

from chronica.config import Settings
from chronica.model import DocSpan, Entity, Event, Relation, When
from chronica.reconcile.check_outcomes import _meeting_attacks, same_attack
from chronica.reconcile.check_relations import _candidate_pairs, _same_pair
from chronica.reconcile.geography import Geography
from chronica.reconcile.view import View

PEOPLE = ["Orla Venn", "Tomas Venn", "Ilse Marrow", "Marrow", "Bertil Quay", "Sabe Quay", "Dunmore"]


def _view(entities, relations=(), events=()):
    corpus = SimpleNamespace(entities=list(entities), relations=list(relations), events=list(events), docs=[])
    return View(corpus, Geography(corpus.entities), Settings().match.conflicts)


def _person(n, name):
    return Entity(id=f"p{n}", type="person", name=name, aliases=[], mentions=[])


def _span(doc):
    return DocSpan(doc, 0, 4, "text")


def test_relations_blocked_pairs_are_the_pairs_that_name_one_pair_of_people():
    people = [_person(n, name) for n, name in enumerate(PEOPLE)]
    labels = ["wife", "fiancée", "spouse"]
    rels = []
    for n, (a, b) in enumerate(combinations(people, 2)):
        rels.append(Relation(f"r{n}", "spouse", labels[n % 3], a.id, b.id, [_span(f"d{n % 4}")]))
    view = _view(people, rels)
    blocked = [(a.id, b.id) for a, b in _candidate_pairs(view, rels) if _same_pair(view, a, b)]
    every = [(a.id, b.id) for a, b in combinations(rels, 2) if a.kind == b.kind and _same_pair(view, a, b)]
    assert blocked == every and len(every) > 10  # "Marrow" and "Ilse Marrow" share a name word too


def _attack(n, where, edtf, who, doc):
    day = edtf if len(edtf) == 10 else f"{edtf}-01-01"
    last = edtf if len(edtf) == 10 else f"{edtf}-12-31"
    return Event(f"e{n}", "attack", "an attack", When(edtf, day, last), where, who, [_span(doc)], [doc])


def test_outcome_attacks_swept_by_date_are_the_pairs_same_attack_accepts():
    towns = [Entity(id=f"t{n}", type="place", name=name, aliases=[], mentions=[])
             for n, name in enumerate(["Kessel", "Dorrin"])]
    dates = ["1741-03-02", "1741-03-03", "1741", "1741-09-30", "1742-01-05", "1802-06-11", "1802"]
    events = [_attack(n, towns[n % 2].id, d, ["p1"] if n % 3 else [], f"d{n}") for n, d in enumerate(dates * 2)]
    events.append(Event("e99", "attack", "undated", None, "t0", [], [_span("d99")], ["d99"]))
    view = _view(towns, events=events)
    ids = sorted(e.id for e in events)
    swept = [p for p in _meeting_attacks(view, ids) if same_attack(view, *p)]
    every = [p for p in combinations(ids, 2) if same_attack(view, *p)]
    assert swept == every and len(every) > 5
