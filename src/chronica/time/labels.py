"""A reader's label for an EDTF date ("21 Aug 1911", "autumn 1911", "c. 1934", "1910s",
"before March 1815"): the one implementation the web views (short month names,
"undated") and the asker's answers (long month names, "an unknown date") share.
"""
from __future__ import annotations

import re

MONTHS_LONG = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
MONTHS_SHORT = tuple(m[:3] for m in MONTHS_LONG)  # "Jan" ... "Dec"
SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}

_DAY = re.compile(r"^(?P<year>-?\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?P<q>[~?%]?)$")
_MONTH = re.compile(r"^(?P<year>-?\d{4})-(?P<month>\d{2})(?P<q>[~?%]?)$")
_YEAR = re.compile(r"^(?P<year>-?\d{4})(?P<q>[~?%]?)$")
_DECADE = re.compile(r"^(?P<stem>-?\d{3})X(?P<q>[~?%]?)$")
_CENTURY = re.compile(r"^(?P<stem>-?\d{2})XX(?P<q>[~?%]?)$")


def edtf_label(edtf: str | None, months: tuple[str, ...] = MONTHS_SHORT, unknown: str = "undated") -> str:
    """The label of an EDTF date or interval; what it cannot read is shown as written."""
    if not edtf:
        return unknown
    if "/" in edtf:
        first, _, last = edtf.partition("/")
        if first in ("", ".."):
            return f"before {single_label(last, months) or last}"
        if last in ("", ".."):
            return f"after {single_label(first, months) or first}"
        return f"{single_label(first, months) or first} – {single_label(last, months) or last}"
    return single_label(edtf, months) or edtf


def year_label(year: str) -> str:
    """"1911"; year 0 and before as "1 BC" (EDTF counts a year 0)."""
    y = int(year)
    return f"{-y + 1} BC" if y <= 0 else str(y)


def _qualify(label: str, q: str) -> str:
    return {"~": f"c. {label}", "?": f"{label}?", "%": f"c. {label}?"}.get(q, label)


def single_label(edtf: str, months: tuple[str, ...] = MONTHS_SHORT) -> str | None:
    """The label of one EDTF date (no interval), or None when it is not one this reads."""
    if m := _DAY.match(edtf):
        month = int(m["month"])
        if 1 <= month <= 12:
            return _qualify(f"{int(m['day'])} {months[month - 1]} {year_label(m['year'])}", m["q"])
        if month in SEASONS:  # a season written with a day is not EDTF; show it raw
            return None
    if m := _MONTH.match(edtf):
        month = int(m["month"])
        if 1 <= month <= 12:
            return _qualify(f"{months[month - 1]} {year_label(m['year'])}", m["q"])
        if month in SEASONS:
            return _qualify(f"{SEASONS[month]} {year_label(m['year'])}", m["q"])
    if m := _YEAR.match(edtf):
        return _qualify(year_label(m["year"]), m["q"])
    if m := _DECADE.match(edtf):
        return _qualify(f"{m['stem']}0s", m["q"])
    if m := _CENTURY.match(edtf):
        return _qualify(f"{m['stem']}00s", m["q"])
    return None
