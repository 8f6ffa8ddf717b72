"""The shared selection that links the views: people, a place, a period.

Every view reads the same query parameters (`person` repeated, `place`, `from`, `to`)
so that choosing a person on one page filters the others when the link is followed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping
from urllib.parse import urlencode

from .dates import DateKey, year_bounds

MAX_PEOPLE = 8


def _year(value: str | None) -> int | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Selection:
    people: tuple[str, ...] = ()
    place: str | None = None
    year_from: int | None = None
    year_to: int | None = None

    @classmethod
    def from_params(cls, people: Iterable[str], place: str | None, year_from: str | None,
                    year_to: str | None) -> "Selection":
        chosen = tuple(dict.fromkeys(p for p in people if p))[:MAX_PEOPLE]
        lo, hi = _year(year_from), _year(year_to)
        if lo is not None and hi is not None and lo > hi:
            lo, hi = hi, lo
        return cls(chosen, place or None, lo, hi)

    @classmethod
    def from_query(cls, query: Mapping[str, list[str]]) -> "Selection":
        """From a parsed query string ({name: [values]})."""
        def first(name: str) -> str | None:
            values = query.get(name) or []
            return values[0] if values else None
        return cls.from_params(query.get("person") or [], first("place"), first("from"), first("to"))

    @property
    def empty(self) -> bool:
        return not (self.people or self.place or self.year_from is not None or self.year_to is not None)

    @property
    def has_period(self) -> bool:
        return self.year_from is not None or self.year_to is not None

    @property
    def bounds(self) -> tuple[DateKey | None, DateKey | None]:
        return year_bounds(self.year_from, self.year_to)

    def params(self) -> list[tuple[str, str]]:
        out = [("person", p) for p in self.people]
        if self.place:
            out.append(("place", self.place))
        if self.year_from is not None:
            out.append(("from", str(self.year_from)))
        if self.year_to is not None:
            out.append(("to", str(self.year_to)))
        return out

    def query(self) -> str:
        """'?person=..&from=..' (or '') to carry the selection onto another view."""
        params = self.params()
        return "?" + urlencode(params) if params else ""

    def without(self, name: str, value: str | None = None) -> "Selection":
        if name == "person":
            people = tuple(p for p in self.people if value is not None and p != value)
            return Selection(people, self.place, self.year_from, self.year_to)
        if name == "place":
            return Selection(self.people, None, self.year_from, self.year_to)
        return Selection(self.people, self.place, None, None)

    def as_json(self) -> dict:
        return {"people": list(self.people), "place": self.place,
                "from": self.year_from, "to": self.year_to}
