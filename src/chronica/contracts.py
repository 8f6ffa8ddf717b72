"""Checking that components keep their contracts: a component may change only the
fields of the shared object it declares in ``assigns``, and read only those it
declares in ``requires`` (or assigns itself).

A field is named as the object has it (``mentions``, ``events``) or, for a list of
records, down to one attribute of every record (``events.who``, ``mentions.entity``):
then the list keeps its length and order and only that attribute may change.

:func:`summary` takes a comparable picture of every field (records as plain data, a
spaCy parse as a stable digest of its tokens, tags, arcs and entities);
:func:`undeclared_changes` names what changed without being declared;
:func:`reading` records which fields a component reads. The test
``tests/test_component_contracts.py`` runs the configured pipelines through
:func:`run_checked` on the example texts.
"""
from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Any, Iterable, Iterator

from .model import to_dict
from .pipeline import CORPUS_FIELDS_AT_START, DOC_FIELDS_AT_START, ComponentInfo, Pipeline

# a document's text is its source's: reading ``doc.text`` reads the field ``source``
READ_AS = {"source": "text"}


def field_names(obj_type: type) -> frozenset[str]:
    """The fields of a shared object a component may declare (private ones excluded)."""
    return frozenset(f.name for f in fields(obj_type) if not f.name.startswith("_"))


def spacy_digest(parsed: Any) -> str:
    """A stable picture of a spaCy parse: equal when tokens, tags, lemmas, sentence
    starts, dependency arcs and entities are equal."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{len(parsed)}|{parsed.text}".encode())
    for t in parsed:
        h.update(f"{t.idx}|{t.tag_}|{t.pos_}|{t.lemma_}|{t.dep_}|{t.head.i}|{t.is_sent_start}|"
                 f"{t.ent_iob_}|{t.ent_type_}\n".encode())
    return h.hexdigest()


def _plain(value: Any) -> Any:
    """Plain, comparable data for a field's value."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "vocab") and hasattr(value, "ents"):  # a spaCy Doc or Span
        return spacy_digest(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return to_dict(value)
    return repr(value)


def summary(obj: Any) -> dict[str, Any]:
    """Every declarable field of ``obj`` as plain data (JSON-normalised)."""
    out = {}
    for name in field_names(type(obj)):
        value = getattr(obj, name)
        if name == "docs":  # a corpus' documents: each one's own fields
            out[name] = [summary(d) for d in value]
        else:
            out[name] = json.loads(json.dumps(_plain(value), sort_keys=True, default=repr))
    return out


def undeclared_changes(before: dict[str, Any], after: dict[str, Any], assigns: Iterable[str]) -> list[str]:
    """The fields (``name`` or ``name.attribute``) that differ between two summaries
    although ``assigns`` does not declare them."""
    assigns = set(assigns)
    out: list[str] = []
    for name in sorted(before):
        old, new = before[name], after[name]
        if old == new or name in assigns:
            continue
        attrs = {a.split(".", 1)[1] for a in assigns if a.startswith(name + ".")}
        if attrs and isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
            changed = {k for x, y in zip(old, new) if isinstance(x, dict) and isinstance(y, dict)
                       for k in set(x) | set(y) if x.get(k) != y.get(k)}
            if all(isinstance(x, dict) for x in old + new):
                out += [f"{name}.{k}" for k in sorted(changed - attrs)]
                continue
        out.append(name)
    return out


@contextmanager
def reading(obj: Any) -> Iterator[set[str]]:
    """The declarable fields of ``obj`` read while the block runs (the object's class is
    swapped for a recording subclass meanwhile)."""
    names, seen, base = field_names(type(obj)), set(), type(obj)

    class Recording(base):
        def __getattribute__(self, name: str) -> Any:
            if name in names:
                seen.add(READ_AS.get(name, name))
            return object.__getattribute__(self, name)

    obj.__class__ = Recording
    try:
        yield seen
    finally:
        obj.__class__ = base


def undeclared_reads(read: set[str], info: ComponentInfo) -> list[str]:
    """Fields read that the component neither requires nor assigns (what every
    object has from the start excepted)."""
    at_start = DOC_FIELDS_AT_START if info.level == "document" else CORPUS_FIELDS_AT_START
    declared = set(info.requires) | {a.split(".")[0] for a in info.assigns} | at_start
    return sorted(read - declared)


@dataclass(frozen=True)
class Violation:
    component: str
    fields: tuple[str, ...]  # changed (or read), not declared
    what: str = "changed"  # "changed": not in assigns; "read": in neither requires nor assigns

    def __str__(self) -> str:
        where = "assigns" if self.what == "changed" else "requires"
        return f"{self.component} {self.what} {', '.join(self.fields)} without declaring it in {where}"


def run_checked(pipe: Pipeline, obj: Any) -> list[Violation]:
    """Run ``pipe`` over ``obj`` one component at a time, comparing the object's
    summary before and after each and recording what it reads: the components that
    changed, or read, fields they do not declare."""
    found = []
    for info in pipe.components:
        found += check_component(info, obj, pipe)
    return found


def check_component(info: ComponentInfo, obj: Any, pipe: Pipeline) -> list[Violation]:
    before = summary(obj)
    with reading(obj) as read:
        info.func(obj, pipe.ctx)
    out = []
    changed = undeclared_changes(before, summary(obj), info.assigns)
    if changed:
        out.append(Violation(info.name, tuple(changed)))
    unread = undeclared_reads(read, info)
    if unread:
        out.append(Violation(info.name, tuple(unread), "read"))
    return out
