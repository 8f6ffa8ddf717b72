"""The participants' parts in events (agent, patient, other), as the asker reads them.

The store keeps them beside the events (``store.roles``); the asker sets them on its
copy of the export's events as ``roles`` ({entity id: part}). An event without them,
or a participant it gives no part, is taken as the question needs: the sources did not
say (an event noun, "his death"), and a base built before parts were kept has none.

Which parts a question wants of the entity it names (``WANTED``): "what did X do" X
the agent or the subject a passive clause tells of ("X was sent into exile"); "what
happened to X", "whatever happened to X" any part but a bystander's ("a guard leapt
into his path" tells nothing X did or underwent); "who killed X" X underwent it and
the answer did it.
"""
from __future__ import annotations

from typing import Callable

from ..model import ROLE_RANK

# Question.part / answer_part -> the parts (model.ROLE_RANK) that fit it
WANTED = {
    "agent": frozenset({"agent"}),  # "who did X kill?": X did it
    "told": frozenset({"agent", "subject"}),  # "what did X do?": the clause is told of X
    "patient": frozenset({"subject", "patient"}),  # "who killed X?", "who was killed?": X underwent it
    "involved": frozenset({"agent", "subject", "patient"}),  # "what happened to X?": all but a bystander
}
INVOLVED = WANTED["involved"]


def wanted(part: str | None) -> frozenset[str] | None:
    return WANTED.get(part or "")


def with_roles(export: dict, roles: dict[str, dict[str, str]]) -> dict:
    """The export with each event's stored parts set on it (a new dict when any are)."""
    if not roles:
        return export
    events = [{**ev, "roles": roles[ev["id"]]} if ev.get("id") in roles else ev for ev in export.get("events", ())]
    return {**export, "events": events}


def joined_roles(roles: dict[str, str], to: Callable[[str], str]) -> dict[str, str]:
    """Parts with entity ids joined (``people.join_people``): the stronger part where two meet."""
    out: dict[str, str] = {}
    for entity, part in roles.items():
        key = to(entity)
        out[key] = min(part, out.get(key, part), key=ROLE_RANK.index)
    return out


def part_of(ev: dict, entity: str) -> str | None:
    """The entity's part in the event, None when the sources did not say."""
    return (ev.get("roles") or {}).get(entity)


def plays(ev: dict, entity: str, wanted: frozenset[str] | None) -> bool:
    """Does the entity take a wanted part in the event (or one not told)?"""
    if not wanted:
        return True
    part = part_of(ev, entity)
    return part is None or part in wanted
