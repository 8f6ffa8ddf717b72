"""Typed records passed between pipeline stages.

Per-document records (``Sentence``, ``Mention``, ``LocalEntity``, ``LocalEvent``,
``LocalRelation``, ``Claim``) use offsets into that document's text and *keys* that are
local to the document. Corpus records (``Entity``, ``Event``, ``Relation``,
``Conflict``) carry stable ids and evidence that names its document.
All of them are plain dataclasses so that they serialise with :func:`to_dict` /
:func:`from_dict` and stay independent of the database rows that store them.
"""
from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any, Callable, Literal, get_args, get_type_hints

EntityType = Literal["person", "place", "organization", "group", "vehicle", "work", "other"]
EventKind = Literal[
    "birth", "death", "movement", "residence", "exile", "arrest", "trial", "attack",
    "meeting", "publication", "founding", "appointment", "illness", "political",
    "personal", "other",
]
Basis = Literal["explicit", "relative", "inferred"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
SentenceKind = Literal["title", "heading", "body", "caption", "bibliography", "credit", "dateline"]
ConflictKind = Literal["date", "duration", "count", "age", "attribute", "name", "outcome", "place", "other"]
RelationKind = Literal[
    "family", "spouse", "parent", "child", "sibling", "ally", "rival", "member_of",
    "author_of", "host", "killer", "other",
]

ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)


@dataclass(frozen=True)
class Span:
    """A stretch of one document's text: ``text == document_text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class When:
    """A normalised date: EDTF plus the widest reasonable ISO bounds."""

    edtf: str
    earliest: str | None
    latest: str | None
    basis: Basis = "explicit"
    anchor: str | None = None  # what a relative/inferred date was computed from (free text)


@dataclass(frozen=True)
class Timex:
    """One time expression found in a text (TIMEX3 + EDTF)."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str  # TIMEX3 value: 1928-01-31, 1918-WI, P3Y, XXXX-XX-XX, PAST_REF ...
    edtf: str | None  # None for durations/sets or when no date can be given
    earliest: str | None
    latest: str | None
    basis: Basis = "explicit"
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER ...
    anchor: str | None = None  # text or value it was anchored on
    quant: str | None = None  # for SET ("EVERY")
    anchor_value: str | None = None  # TIMEX3 value of the reference it was resolved against

    def when(self) -> When | None:
        if self.edtf is None:
            return None
        return When(self.edtf, self.earliest, self.latest, self.basis, self.anchor)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    kind: SentenceKind = "body"
    section: int | None = None  # index into Doc.sections


@dataclass(frozen=True)
class Section:
    """A heading and the stretch of text it governs (up to the next heading)."""

    heading: Span
    start: int
    end: int
    kind: str = "body"  # body | bibliography | credits


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str  # the NER label as produced (PERSON, GPE, LOC, ORG, NORP, WORK_OF_ART ...)
    type: EntityType = "other"  # Chronica's corrected type
    entity: str | None = None  # key of the LocalEntity it belongs to
    cited: bool = False  # in a bibliography / credit / caption: not a participant


@dataclass
class PlaceRef:
    """Where a place name points in the gazetteer."""

    gazetteer: str | None  # "geonames:1526384", "curated:prinkipo"
    name: str
    lat: float | None
    lon: float | None
    country: str | None = None  # ISO code
    feature: str | None = None  # city, country, region, island, sea, building, state
    part_of: str | None = None  # gazetteer id of the enclosing place


@dataclass
class LocalEntity:
    key: str  # unique within the document
    type: EntityType
    name: str  # the fullest form used in the document
    aliases: list[str] = field(default_factory=list)  # every surface form in the document
    mentions: list[int] = field(default_factory=list)  # indices into Doc.mentions
    place: PlaceRef | None = None
    cited: bool = False  # only ever named in bibliography/credits


# a participant's part in an event, strongest first (where sources or merges differ, the
# first wins): the doer, the subject of a passive clause (told of, underwent it), the
# object or target, someone beside it
ROLE_RANK = ("agent", "subject", "patient", "other")


@dataclass
class LocalEvent:
    key: str
    kind: EventKind
    summary: str
    evidence: Span  # the clause or sentence that tells it
    trigger: Span | None = None
    when: When | None = None
    who: list[str] = field(default_factory=list)  # LocalEntity keys
    where: str | None = None  # LocalEntity key of a place
    confidence: float = 0.5
    targets: list[str] = field(default_factory=list)  # those it was aimed at (patients), a subset of who
    negated: bool = False
    staged: bool = False  # a dramatised scene rather than the happening itself
    # who -> "agent" (does it: the active subject, a "by" agent), "subject" (a passive
    # subject: "he was exiled"), "patient" (an object, a target: "they exiled him") or
    # "other" (a partner: "stepped into her way"); empty when the clause did not say
    # (an event noun: "his death")
    roles: dict[str, str] = field(default_factory=dict)


@dataclass
class LocalRelation:
    kind: RelationKind
    label: str
    source: str  # LocalEntity key
    target: str
    evidence: Span
    when: When | None = None


@dataclass
class Claim:
    """A checkable statement: a date, duration, count, age, outcome or attribute."""

    kind: ConflictKind
    prop: str  # what it is about: "date", "duration", "age", "killed", "weapon", ...
    value: str  # as the text puts it, normalised for display
    span: Span
    subject: str | None = None  # LocalEntity key
    event: str | None = None  # LocalEvent key
    number: float | None = None  # counts, ages, durations in days
    low: float | None = None  # tolerance bounds for approximate figures
    high: float | None = None
    when: When | None = None
    polarity: bool = True
    approximate: bool = False


# ------------------------------------------------------------------ corpus level --

@dataclass(frozen=True)
class DocSpan:
    document: str  # document id
    start: int
    end: int
    text: str
    when: When | None = None  # the date as this source gives it (event evidence)
    value: str | None = None  # the value a conflict claim asserts


@dataclass
class Entity:
    id: str
    type: EntityType
    name: str
    aliases: list[str]
    mentions: list[DocSpan]
    lat: float | None = None
    lon: float | None = None
    gazetteer: str | None = None
    part_of: str | None = None
    cited_only: bool = False


@dataclass
class Event:
    id: str
    kind: EventKind
    summary: str
    when: When | None
    where: str | None
    who: list[str]
    evidence: list[DocSpan]
    sources: list[str]
    confidence: float = 0.5
    support: int = 1  # independent documents that tell it
    roles: dict[str, str] = field(default_factory=dict)  # entity id -> agent | subject | patient | other (see LocalEvent)


@dataclass
class Relation:
    id: str
    kind: RelationKind
    label: str
    source: str
    target: str
    evidence: list[DocSpan]
    when: When | None = None


@dataclass
class Conflict:
    id: str
    kind: ConflictKind
    about: str
    severity: Literal["hard", "soft"]
    claims: list[DocSpan]
    events: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ serialisation --

def to_dict(obj: Any) -> Any:
    """Dataclass (or list/dict of them) to plain JSON-able data."""
    if is_dataclass(obj):
        return _plain(obj)
    if isinstance(obj, list):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


_NAMES: dict[type, tuple[str, ...]] = {}
_ATOMS = (str, int, float, bool, type(None))


def _plain(obj: Any) -> Any:
    """``dataclasses.asdict`` with each class's field names looked up once (every
    document's analysis is made into JSON, and asdict asks ``fields()`` of every record)."""
    cls = type(obj)
    if cls in _ATOMS:
        return obj  # asdict deep-copies these: the same value
    names = _NAMES.get(cls)
    if names is None and is_dataclass(cls):
        names = _NAMES[cls] = tuple(f.name for f in fields(cls))
    if names is not None:
        return {n: _plain(getattr(obj, n)) for n in names}
    if cls is list or cls is tuple:
        return cls(_plain(x) for x in obj)
    if cls is dict:
        return {_plain(k): _plain(v) for k, v in obj.items()}
    return asdict(_Box(obj))["value"]  # anything rarer (a named tuple, a Counter ...): asdict's way


@dataclass
class _Box:
    value: Any


_FIELDS: dict[type, list[tuple[str, Callable[[Any], Any]]]] = {}


def from_dict(cls: type, data: Any) -> Any:
    """Inverse of :func:`to_dict` for the record types of this module."""
    if data is None:
        return None
    plan = _FIELDS.get(cls)
    if plan is None:  # each field's converter, worked out once per class (loading a
        # large base converts millions of values)
        hints = get_type_hints(cls)
        plan = _FIELDS[cls] = [(f.name, _converter(hints[f.name])) for f in fields(cls)]
    return cls(**{name: convert(data[name]) for name, convert in plan if name in data})


def _same_value(value: Any) -> Any:
    return value


def _converter(hint: Any) -> Callable[[Any], Any]:
    """How to turn a JSON value into a value of type ``hint`` (None stays None)."""
    args = get_args(hint)
    origin = getattr(hint, "__origin__", None)
    if is_dataclass(hint):
        return lambda v: None if v is None else from_dict(hint, v)
    if origin is list and args:
        item = _converter(args[0])
        return lambda v: None if v is None else [item(x) for x in v]
    for a in args:  # Optional[X] / X | None
        if is_dataclass(a):
            return lambda v, a=a: None if v is None else from_dict(a, v)
    return _same_value
