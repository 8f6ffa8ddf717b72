"""An undated document that tells several happenings a dated one dates borrows that date."""
from __future__ import annotations

import pytest

from chronica.match_settings import MatchSettings
from chronica.model import LocalEvent, Span, When
from chronica.reconcile.bounds import bounds_of
from chronica.reconcile.match_build import borrow_dates
from chronica.reconcile.match_items import Item

DAY = When(edtf="1605-11-05", earliest="1605-11-05", latest="1605-11-05", basis="explicit")
DAY_INFERRED = When(edtf="1605-11-05", earliest="1605-11-05", latest="1605-11-05", basis="inferred")
OTHER_DAY = When(edtf="1605-11-08", earliest="1605-11-08", latest="1605-11-08", basis="explicit")


def _item(doc: str, n: int, when: When | None) -> Item:
    ev = LocalEvent(key=f"v{n}", kind="arrest", summary="", evidence=Span(n * 10, n * 10 + 5, "xxxxx"), when=when)
    return Item(doc, doc, ev, frozenset(), None, bounds_of(when) if when else None, "")


def _corpus(dated_whens: list[When], undated_extra: int):
    """Each dated happening is told again by the undated document; that document also
    tells ``undated_extra`` happenings of its own."""
    items, groups = [], []
    for k, w in enumerate(dated_whens):
        items += [_item("dated", k, w), _item("plain", k, None)]
        groups.append([len(items) - 2, len(items) - 1])
    for k in range(undated_extra):
        items.append(_item("plain", 100 + k, None))
        groups.append([len(items) - 1])
    return items, groups


@pytest.mark.parametrize("whens, extra, borrowed", [
    # the shared happenings agree on the day, whatever basis the other source had
    ([DAY, DAY, DAY_INFERRED, DAY_INFERRED, OTHER_DAY], 25, "1605-11-05"),
    # a much longer undated telling still tells the shared part on that day
    ([DAY, DAY, DAY], 24, "1605-11-05"),
    # the shared happenings disagree: no single story date
    ([DAY, OTHER_DAY, DAY_INFERRED, OTHER_DAY], 2, None),
    # too few shared happenings
    ([DAY, DAY], 0, None),
])
def test_match_borrow_dates_by_agreeing_votes(whens, extra, borrowed):
    items, groups = _corpus(whens, extra)
    out = borrow_dates(items, groups, MatchSettings.defaults().events)
    own = [it for it in out if it.doc_id == "plain" and int(it.local.key[1:]) >= 100]  # told only there
    got = {it.local.when.edtf if it.local.when else None for it in own} or {None}
    assert got == {borrowed}
    assert all(it.local.when is None or it.local.when.basis == "inferred" for it in own)
