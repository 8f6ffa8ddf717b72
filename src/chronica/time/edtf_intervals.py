"""EDTF intervals whose ends are valid EDTF.

EDTF's level-2 sub-year groupings (25-41: hemisphere seasons, quarters, quadrimesters,
semesters, as in ``1921-33`` for the first quarter) are dates of their own, but an
interval's ends may only be level-1 dates. An interval end written as a grouping is
rewritten as the month it starts (left end) or ends (right end) in, taken from the
expression's bounds: ``../1921-33`` becomes ``../1921-03``.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Timex

_GROUPING = re.compile(r"^(-?\d{4,})-(2[5-9]|3\d|4[01])$")
_MONTH = re.compile(r"^(-?\d{4,})-(\d\d)")


def _as_month(end: str, bound: str | None) -> str:
    if not _GROUPING.match(end):
        return end
    m = _MONTH.match(bound or "")
    return f"{m[1]}-{m[2]}" if m else end.rsplit("-", 1)[0]  # no bound: the year


def level1_interval(t: Timex) -> Timex:
    """The timex with any sub-year grouping at an interval end written as a month."""
    if not t.edtf or "/" not in t.edtf:
        return t
    left, right = t.edtf.split("/", 1)
    fixed = f"{_as_month(left, t.earliest)}/{_as_month(right, t.latest)}"
    return t if fixed == t.edtf else replace(t, edtf=fixed)
