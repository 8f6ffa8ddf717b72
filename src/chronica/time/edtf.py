"""EDTF strings (Level 0/1 as the contract uses them) to ISO bounds."""
from __future__ import annotations

import re

from .moment import SEASON_MONTHS, historical, iso_day, month_end

_EDTF = re.compile(r"(?P<neg>-?)(?P<cc>\d{2})(?P<d3>\d|X)(?P<d4>\d|X)(?:-(?P<mo>\d{2}|XX)(?:-(?P<dd>\d{2}|XX))?)?")
_SEASON_BY_CODE = {21: "SP", 22: "SU", 23: "FA", 24: "WI"}


def parse_edtf_bounds(edtf: str | None) -> tuple[str | None, str | None]:
    """Widest (earliest, latest) ISO dates of an EDTF string; ``(None, None)`` if unreadable.

    ``1918-24`` (winter) runs from December 1918 to February 1919; open ends (``..``)
    give ``None`` on that side.
    """
    if not edtf:
        return None, None
    s = edtf.strip().replace("%", "").replace("~", "").replace("?", "")
    if "/" in s:
        a, b = s.split("/", 1)
        lo = parse_edtf_bounds(a)[0] if a not in ("", "..") else None
        hi = parse_edtf_bounds(b)[1] if b not in ("", "..") else None
        return lo, hi
    m = _EDTF.fullmatch(s)
    if not m:
        return None, None
    sign = -1 if m["neg"] else 1
    cc, d3, d4, mo, dd = m["cc"], m["d3"], m["d4"], m["mo"], m["dd"]
    if d3 == "X" or d4 == "X":
        width = 100 if d3 == "X" else 10
        base = int(cc + ("" if d3 == "X" else d3)) * width
        a, b = sorted((sign * base, sign * (base + width - 1)))
        return iso_day((historical(a), 1, 1)), iso_day((historical(b), 12, 31))
    y = historical(sign * int(cc + d3 + d4))
    if mo in (None, "XX"):
        return iso_day((y, 1, 1)), iso_day((y, 12, 31))
    mi = int(mo)
    if mi in _SEASON_BY_CODE:
        a, b = SEASON_MONTHS[_SEASON_BY_CODE[mi]]
        return iso_day((y, a, 1)), iso_day(month_end(y, b))
    if dd in (None, "XX"):
        return iso_day((y, mi, 1)), iso_day(month_end(y, mi))
    return iso_day((y, mi, int(dd))), iso_day((y, mi, int(dd)))
