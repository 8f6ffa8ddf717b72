"""Reading the export's dates for display: labels, sort keys and range tests.

The export gives every date as EDTF plus the widest ISO bounds; the web views only
need a human label, an ordering and an overlap test, all derived here once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..time.labels import edtf_label, year_label  # one labeller for the views and the asker

_ISO = re.compile(r"^(?P<year>-?\d{4,})-(?P<month>\d{2})-(?P<day>\d{2})$")

DateKey = tuple[int, int, int]
FAR_FUTURE: DateKey = (10**6, 12, 31)


def iso_key(iso: str | None) -> DateKey | None:
    """(year, month, day) of an ISO date, or None; negative years sort correctly."""
    if not iso:
        return None
    m = _ISO.match(iso)
    if not m:
        return None
    return int(m["year"]), int(m["month"]), int(m["day"])


@dataclass(frozen=True, slots=True)
class DateInfo:
    """An export `when`, read once: label, bounds as keys, how sure it is."""

    edtf: str
    label: str
    earliest: str | None
    latest: str | None
    basis: str
    lo: DateKey | None
    hi: DateKey | None

    @property
    def is_range(self) -> bool:
        """Wider than one day: drawn as a range rather than a point."""
        return self.lo is not None and self.hi is not None and self.lo != self.hi

    @property
    def guessed(self) -> bool:
        """Not written in the evidence: computed or inferred from context."""
        return self.basis != "explicit"

    @property
    def sort_key(self) -> tuple[DateKey, DateKey]:
        lo = self.lo or self.hi or FAR_FUTURE
        return lo, self.hi or lo

    def overlaps(self, lo: DateKey | None, hi: DateKey | None) -> bool:
        """True when this date's bounds meet the period [lo, hi] (open ends allowed)."""
        if self.lo is None and self.hi is None:
            return False
        mine_lo = self.lo or self.hi
        mine_hi = self.hi or self.lo
        if hi is not None and mine_lo > hi:
            return False
        if lo is not None and mine_hi < lo:
            return False
        return True

    def as_json(self) -> dict:
        return {
            "edtf": self.edtf, "label": self.label, "earliest": self.earliest,
            "latest": self.latest, "basis": self.basis, "lo": self.lo, "hi": self.hi,
        }


def date_info(when: dict | None) -> DateInfo | None:
    """Read one export `when` object (or None)."""
    if not when:
        return None
    edtf = when.get("edtf") or ""
    return DateInfo(
        edtf=edtf,
        label=edtf_label(edtf),
        earliest=when.get("earliest"),
        latest=when.get("latest"),
        basis=when.get("basis") or "explicit",
        lo=iso_key(when.get("earliest")),
        hi=iso_key(when.get("latest")),
    )


def year_bounds(year_from: int | None, year_to: int | None) -> tuple[DateKey | None, DateKey | None]:
    """A period filter given in whole years, as inclusive date keys."""
    lo = (year_from, 1, 1) if year_from is not None else None
    hi = (year_to, 12, 31) if year_to is not None else None
    return lo, hi


def span_label(dates: list[DateInfo]) -> str:
    """'1913–1928' for the years a set of dates covers ('' when none is dated)."""
    years = [d.lo[0] for d in dates if d.lo] + [d.hi[0] for d in dates if d.hi]
    if not years:
        return ""
    lo, hi = min(years), max(years)
    lo_s, hi_s = year_label(str(lo)), year_label(str(hi))
    return lo_s if lo == hi else f"{lo_s}–{hi_s}"
