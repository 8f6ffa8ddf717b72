"""The matcher's order-of-telling anchors, name words and guessed-date reach."""
import pytest

from chronica.match_settings import MatchSettings
from chronica.model import Entity
from chronica.reconcile.match_items import name_words
from chronica.reconcile.match_order import in_order


@pytest.mark.parametrize("anchors, chain", [
    # one crossing anchor (a doubtful match far ahead in the other telling) is dropped
    ([(1, 0), (3, 28), (7, 7), (11, 9)], [(1, 0), (7, 7), (11, 9)]),
    # one happening told twice in the other document keeps both anchors
    ([(1, 0), (7, 7), (7, 8), (9, 10)], [(1, 0), (7, 7), (7, 8), (9, 10)]),
    ([], []),
])
def test_in_order_keeps_the_longest_chain_told_in_the_same_order(anchors, chain):
    assert in_order(anchors) == chain


@pytest.mark.parametrize("aliases, words", [
    # a possessive names somebody else: the courier is not one of the "Hartmann"s
    (["Ernst Vogel", "Hartmann’s courier"], {"ernst", "vogel"}),
    (["Ernst Vogel", "Hartmann's courier", "Vogel"], {"ernst", "vogel"}),
    (["Ernst Vogel", "Captain Vogel"], {"ernst", "vogel", "captain"}),
])
def test_name_words_skip_possessives(aliases, words):
    e = Entity("ent_x", "person", aliases[0], aliases, [])
    assert name_words([e])["ent_x"] == frozenset(words)


def _item(edtf: str, basis: str):
    from chronica.model import LocalEvent, Span, When
    from chronica.reconcile.bounds import bounds_of, edtf_bounds, iso_of
    from chronica.reconcile.match_items import Item
    b = edtf_bounds(edtf)
    when = When(edtf, iso_of(b.lo), iso_of(b.hi), basis)
    ev = LocalEvent("e", "arrest", "held", Span(0, 4, "held"), when=when)
    return Item("d", "sha", ev, frozenset({"p"}), None, bounds_of(when), "held")


@pytest.mark.parametrize("a, b, apart", [
    (("1924", "inferred"), ("1936", "inferred"), True),   # a guess twelve years off still tells them apart
    (("1924", "inferred"), ("1925", "explicit"), False),  # a guess a year off is only weak evidence against
    (("1924", "explicit"), ("1925", "explicit"), True),
])
def test_date_score_guessed_dates_reach_only_so_far(a, b, apart):
    from chronica.reconcile.match_score import date_score
    assert (date_score(_item(*a), _item(*b), MatchSettings.defaults().events) is None) == apart
