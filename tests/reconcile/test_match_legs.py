"""Two legs of one sentence that another source tells as one movement stay one happening."""
from chronica.config import Settings
from chronica.reconcile.match_items import prepare
from chronica.reconcile.match_order import legs_told_whole, telling_order

WHOLE = "The burglar scaled the garden wall and dropped into the yard, twisting his ankle."
LEGS = ("Near midnight the burglar climbed the garden wall and jumped into the yard, twisting his ankle. "
        "He climbed the fence and jumped onto a passing cart.")


def _legs(doc_builder, make_corpus):
    a = (doc_builder(WHOLE, "whole.txt").mention("The burglar", "person", "burglar")
         .event("w1", "movement", WHOLE[:-1], who=["burglar"]))
    b = (doc_builder(LEGS, "legs.txt").mention("the burglar", "person", "burglar")
         .event("l1", "movement", "the burglar climbed the garden wall", who=["burglar"])
         .event("l2", "movement", "jumped into the yard, twisting his ankle", who=["burglar"])
         .event("l3", "movement", "He climbed the fence", who=["burglar"])
         .event("l4", "movement", "jumped onto a passing cart", who=["burglar"]))
    corpus = make_corpus(a, b)
    items = prepare(corpus, Settings().match.events)
    key = {it.local.key: n for n, it in enumerate(items)}
    return items, key


def test_legs_told_whole_by_another_source_are_one_happening(doc_builder, make_corpus):
    items, k = _legs(doc_builder, make_corpus)
    strong = {(k["w1"], k["l1"]): 0.77, (k["w1"], k["l2"]): 0.75}
    assert legs_told_whole(items, telling_order(items), strong) == [(k["l1"], k["l2"])]


def test_legs_stay_apart_without_one_telling_matching_both(doc_builder, make_corpus):
    items, k = _legs(doc_builder, make_corpus)
    order = telling_order(items)
    # one leg matched only: nothing joins
    assert legs_told_whole(items, order, {(k["w1"], k["l1"]): 0.77}) == []
    # the end of one sentence and the start of the next are not legs of one movement
    assert legs_told_whole(items, order, {(k["w1"], k["l2"]): 0.7, (k["w1"], k["l3"]): 0.7}) == []


def test_a_leap_is_told_with_any_of_its_verbs():
    from chronica.reconcile.match_items import content_words
    told = [content_words(t).split()[0] for t in ("leapt down", "jumped down", "dropped down", "vaulted over")]
    assert set(told) == {"~leap"}
    assert content_words("stepped down").split()[0] != "~leap"
