"""A person's journey: the located places of their dated events, in time order.

Consecutive events at the same place make one stop; a leg joins two stops and is
'guessed' when the date at either end was not written in the evidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .filters import Selection
from .kb import KnowledgeBase
from .records import EntityRec, EventRec


@dataclass(slots=True)
class Stop:
    place: EntityRec
    events: list[EventRec] = field(default_factory=list)

    @property
    def label(self) -> str:
        dates = [e.date.label for e in self.events if e.date]
        if not dates:
            return ""
        return dates[0] if dates[0] == dates[-1] else f"{dates[0]} → {dates[-1]}"


@dataclass(frozen=True, slots=True)
class Leg:
    number: int
    origin: Stop
    destination: Stop
    guessed: bool


@dataclass(slots=True)
class Itinerary:
    person: EntityRec
    stops: list[Stop]
    legs: list[Leg]


def located_place(kb: KnowledgeBase, place_id: str | None) -> EntityRec | None:
    """The place itself when it has coordinates, else the nearest enclosing one that does."""
    if not place_id or place_id not in kb.entities:
        return None
    cache = kb.fragments.setdefault("located-place", {})
    if place_id not in cache:
        cache[place_id] = next((kb.entities[c] for c in (place_id, *kb.ancestors.get(place_id, ()))
                                if kb.entities[c].located), None)
    return cache[place_id]


def itinerary(kb: KnowledgeBase, person_id: str, selection: Selection | None = None) -> Itinerary | None:
    person = kb.entities.get(person_id)
    if person is None:
        return None
    scope = Selection((person_id,), selection.place if selection else None,
                      selection.year_from if selection else None, selection.year_to if selection else None)
    stops: list[Stop] = []
    for event in kb.events_for(scope):
        place = located_place(kb, event.where)
        if place is None or event.date is None:
            continue
        if stops and stops[-1].place.id == place.id:
            stops[-1].events.append(event)
        else:
            stops.append(Stop(place, [event]))
    legs = []
    for i in range(1, len(stops)):
        before, after = stops[i - 1].events[-1], stops[i].events[0]
        guessed = bool(before.date and before.date.guessed) or bool(after.date and after.date.guessed)
        legs.append(Leg(i, stops[i - 1], stops[i], guessed))
    return Itinerary(person, stops, legs)


def itinerary_json(it: Itinerary, event_url, colour: str) -> dict:
    """The shape map.js draws: stops with coordinates and events, numbered legs."""
    return {
        "person": it.person.id, "name": it.person.name, "colour": colour,
        "stops": [
            {
                "place": s.place.id, "name": s.place.name, "lat": s.place.lat, "lon": s.place.lon,
                "label": s.label,
                "events": [{"id": e.id, "summary": e.summary, "date": e.date.label if e.date else "",
                            "url": event_url(e)} for e in s.events],
            }
            for s in it.stops
        ],
        "legs": [{"n": leg.number, "from": leg.number - 1, "to": leg.number, "guessed": leg.guessed}
                 for leg in it.legs],
    }
