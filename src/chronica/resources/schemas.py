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
    ("ask/evidence.yaml", Schema({"type": "object", "additionalProperties": STRINGS,
                                  "required": ["hedges", "speech_verbs", "not_at", "narrow_predicates", "inflections"]})),
    ("events/gender.yaml", Schema({"type": "object", "required": ["male", "female"],
                                   "additionalProperties": STRINGS})),
    ("language/function_words.yaml", Schema({"type": "object"})),
    ("names/spelling_classes.tsv", Schema(columns=("letters", "class"), required=("letters",))),
    ("places/curated.tsv", Schema(columns=("id", "name", "feature", "lat", "lon"),
                                  required=("id", "name", "lat", "lon"))),
    ("time/periods.tsv", Schema(columns=("names", "edtf", "kind"), required=("names", "edtf"))),
]


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
