"""The shape each data file must have: a small JSON-Schema subset, checked at load.

A schema is registered for a file name pattern (``fnmatch`` style, relative to the
language folder). YAML and JSON files are checked against ``shape``; TSV files against
``columns`` (which must appear in the header, or *are* the header when ``header`` is
False) and ``required`` (columns no row may leave empty).

The subset: ``type`` (string, number, integer, boolean, object, array, null, or a list
of them), ``properties``, ``required``, ``additionalProperties`` (a schema or False),
``items``, ``enum`` and ``minItems``. Enough to catch the edits that break a stage:
a bare ``no`` read as a boolean in a word list, a table turned into a list, a
missing key.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatch
from typing import Any


@dataclass(frozen=True)
class Schema:
    shape: dict[str, Any] = field(default_factory=dict)
    columns: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    header: bool = True


STRINGS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
# A file of named word lists: {"name": ["word", ...], ...}.
WORD_LISTS: dict[str, Any] = {"type": "object", "additionalProperties": STRINGS}

_SCHEMAS: list[tuple[str, Schema]] = [
    # one spelling per cell, as many as a name has, no header
    ("aliases/variants.tsv", Schema(header=False)),
    ("events/gender.yaml", Schema({"type": "object", "required": ["male", "female"],
                                   "additionalProperties": STRINGS})),
    ("language/function_words.yaml", Schema({"type": "object"})),
    ("names/spelling_classes.tsv", Schema(columns=("letters", "class"), required=("letters",))),
    ("places/curated.tsv", Schema(columns=("id", "name", "feature", "lat", "lon"),
                                  required=("id", "name", "lat", "lon"))),
    ("time/periods.tsv", Schema(columns=("names", "edtf", "kind"), required=("names", "edtf"))),
]


# -- settings/match.yaml (a ``defaults`` file, not a language's): the thresholds of
# cross-source matching, every key required, numbers only (match_settings.py).
def _numbers(*keys: str, **nested: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = {k: {"type": "number"} for k in keys}
    props.update(nested)
    return {"type": "object", "required": list(props), "properties": props, "additionalProperties": False}


_SCHEMAS.append(("settings/match.yaml", Schema(_numbers(
    events=_numbers(
        "threshold", "within_document", "strong_without_date", "min_signals", "undated_relief", "kind_unlike",
        "target_signal", "cue_signal", "guessed_date_signal", "weak_threshold", "weak_signals", "gap_reach",
        "continue_words", "retold_words", "same_date_days", "same_year_days", "guess_reach_years",
        "vague_slack_days", "fuzzy_word_ratio", "rare_stem_documents", "max_block", "borrow_min", "borrow_share",
        "borrow_agree", weights=_numbers("kind", "who", "place", "words", "date")),
    entities=_numbers("same_place_km", "corpus_near_km", "min_shared_neighbours"),
    conflicts=_numbers("vague_date_days", "loose_date_days", "same_detention_days", "inferred_reference_days")))))
# place words read by resolve/places.py and resolve/merge.py
_SCHEMAS.append(("places/place_words.yaml", Schema({
    "type": "object", "additionalProperties": False,
    "required": ["place_nouns", "country_nouns", "state_qualifiers", "region_qualifiers", "bare_directions"],
    "properties": {"place_nouns": {"type": "object", "additionalProperties": {"type": "string"}},
                   "bare_directions": {"type": "object", "additionalProperties": {"type": "string"}},
                   "country_nouns": STRINGS, "state_qualifiers": STRINGS, "region_qualifiers": STRINGS}})))


def register(pattern: str, schema: Schema) -> None:
    """Add or replace the schema for files matching ``pattern`` (plug-ins' data too)."""
    _SCHEMAS[:] = [(p, s) for p, s in _SCHEMAS if p != pattern] + [(pattern, schema)]


def schema_for(name: str) -> Schema | None:
    for pattern, schema in _SCHEMAS:
        if fnmatch(name, pattern):
            return schema
    return None


_TYPES = {"string": str, "boolean": bool, "object": dict, "array": list, "null": type(None)}


def _is(value: Any, kind: str) -> bool:
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, _TYPES[kind])


def check(value: Any, shape: dict[str, Any], where: tuple = ()) -> tuple[tuple, str] | None:
    """The first place ``value`` breaks ``shape`` and why, or None when it fits."""
    kinds = shape.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_is(value, k) for k in kinds):
            return where, f"{_at(where)}expected {' or '.join(kinds)}, found {type(value).__name__} {value!r:.40}"
    if "enum" in shape and value not in shape["enum"]:
        return where, f"{_at(where)}{value!r} is not one of {', '.join(map(str, shape['enum']))}"
    if isinstance(value, dict):
        for key in shape.get("required", ()):
            if key not in value:
                return where, f"{_at(where)}missing key {key!r}"
        props, extra = shape.get("properties", {}), shape.get("additionalProperties", True)
        for key, item in value.items():
            sub = props.get(key, extra)
            if sub is False:
                return where + (key,), f"{_at(where)}unexpected key {key!r}"
            if isinstance(sub, dict):
                problem = check(item, sub, where + (key,))
                if problem:
                    return problem
    if isinstance(value, list):
        if len(value) < shape.get("minItems", 0):
            return where, f"{_at(where)}needs at least {shape['minItems']} items"
        if "items" in shape:
            for i, item in enumerate(value):
                problem = check(item, shape["items"], where + (i,))
                if problem:
                    return problem
    return None


def _at(where: tuple) -> str:
    return ("at " + "/".join(map(str, where)) + ": ") if where else ""
