"""The thresholds and weights of cross-source matching and checking, typed (``Settings.match``).

Their defaults are data, ``resources/defaults/settings/match.yaml`` (read through
:mod:`chronica.resources`, checked by its schema), where each number has a comment
saying what it trades off. Components read them from ``ctx.settings.match``, so one
run can be stricter than another without editing code::

    strict = replace(settings.match, events=replace(settings.match.events, threshold=0.8))
    settings = settings.with_(match=strict)
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, get_type_hints

from .resources import Resources

# Language-neutral defaults sit beside the resources package, read by the same loader
# as a language folder's data (``defaults`` plays the language).
_DEFAULTS = Resources("defaults", root=Path(__file__).resolve().parent / "resources")
DATA_FILE = "settings/match.yaml"


@dataclass(frozen=True)
class PairWeights:
    """How much each kind of evidence weighs in a pair's similarity."""

    kind: float
    who: float
    place: float
    words: float
    date: float  # against the other four together


@dataclass(frozen=True)
class EventMatching:
    """When two local events are one happening (reconcile/match_*.py)."""

    threshold: float
    within_document: float
    strong_without_date: float
    min_signals: float
    undated_relief: float
    kind_unlike: float
    target_signal: float
    cue_signal: float
    guessed_date_signal: float
    weak_threshold: float
    weak_signals: float
    gap_reach: int
    continue_words: float
    retold_words: float
    same_date_days: int
    same_year_days: int
    guess_reach_years: float
    vague_slack_days: int
    fuzzy_word_ratio: float
    rare_stem_documents: int
    max_block: int
    borrow_min: int
    borrow_share: float
    borrow_agree: float
    weights: PairWeights


@dataclass(frozen=True)
class EntityMerging:
    """When two documents' entities are one entity (resolve/merge.py)."""

    same_place_km: float
    corpus_near_km: float
    min_shared_neighbours: int


@dataclass(frozen=True)
class ConflictChecking:
    """How far apart two sources' dates and times of day may be before they disagree (reconcile/check_*.py)."""

    vague_date_days: int
    loose_date_days: int
    same_detention_days: int
    inferred_reference_days: int
    loose_time_minutes: int
    about_time_minutes: int
    clock_apart_minutes: int


@dataclass(frozen=True)
class MatchSettings:
    events: EventMatching
    entities: EntityMerging
    conflicts: ConflictChecking

    @classmethod
    def defaults(cls) -> "MatchSettings":
        """The values of the data file (parsed and checked once per process)."""
        return _build(cls, _DEFAULTS.load(DATA_FILE))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "MatchSettings":
        """From a mapping shaped like the data file (e.g. a user's settings file)."""
        return _build(cls, data)


def _build(cls: type, data: dict[str, Any]):
    """A (nested) settings dataclass from a mapping, each value cast to its field's type."""
    hints = get_type_hints(cls)
    values = {}
    for f in fields(cls):
        kind, value = hints[f.name], data[f.name]
        values[f.name] = _build(kind, value) if isinstance(value, dict) else kind(value)
    return cls(**values)
