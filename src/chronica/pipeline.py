"""A pipeline of small named components over one shared object, in the spirit of
spaCy's ``Language``: each component declares what it needs and what it makes, and
the pipeline checks the order when it is built.

Two kinds of component exist:

* **document** components take ``(doc: Doc, ctx: Context)`` and fill fields of the doc;
* **corpus** components take ``(corpus: Corpus, ctx: Context)`` and work across all
  documents (merging entities, matching events, finding conflicts).

``requires`` and ``assigns`` name fields of the shared object (``Doc`` or ``Corpus``),
or one attribute of every record in a list field (``events.who``); a component changes
nothing else (``tests/test_component_contracts.py`` checks this on the example texts,
see :mod:`chronica.contracts`). A component may also give a ``batch`` function doing
its work for several documents at once (the parser's ``nlp.pipe``); :meth:`Pipeline.pipe`
uses it.
"""
from __future__ import annotations

from dataclasses import fields
from typing import Any, Sequence

# Importing the stage packages registers their components (they import the registry
# from ``components``, below them, never this module).
from . import extract, nlp, reconcile, resolve, time  # noqa: F401
from .components import REGISTRY, ComponentInfo, Context
from .config import Settings
from .corpus import Corpus
from .doc import Doc
from .errors import ConfigError

DOC_FIELDS_AT_START = {"text"}
CORPUS_FIELDS_AT_START = {"docs"}


def registered() -> dict[str, ComponentInfo]:
    return dict(REGISTRY)


def declarable(level: str) -> frozenset[str]:
    """The field names components at ``level`` may require and assign."""
    shared = Doc if level == "document" else Corpus
    names = {f.name for f in fields(shared) if not f.name.startswith("_")}
    return frozenset(names | (DOC_FIELDS_AT_START if level == "document" else CORPUS_FIELDS_AT_START))


class Pipeline:
    def __init__(self, names: list[str], settings: Settings, level: str = "document"):
        reg = registered()
        self.components: list[ComponentInfo] = []
        known = declarable(level)
        have = set(DOC_FIELDS_AT_START) if level == "document" else set(CORPUS_FIELDS_AT_START)
        for n in names:
            if n not in reg:
                raise ConfigError(f"unknown pipeline component {n!r}; known: {', '.join(sorted(reg))}")
            info = reg[n]
            if info.level != level:
                raise ConfigError(f"component {n!r} works on a {info.level}, not a {level}")
            unknown = [f for f in info.requires + info.assigns if f.split(".")[0] not in known]
            if unknown:
                raise ConfigError(f"component {n!r} declares {', '.join(unknown)}, which a {level} does not have")
            missing = [r for r in info.requires if r not in have]
            if missing:
                raise ConfigError(f"component {n!r} needs {', '.join(missing)}, which no earlier component makes")
            have.update(info.assigns)
            self.components.append(info)
        self.ctx = Context(settings)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def __call__(self, obj: Any) -> Any:
        for c in self.components:
            c.func(obj, self.ctx)
        return obj

    def pipe(self, objs: Sequence[Any]) -> list[Exception | None]:
        """Run every component over ``objs``, component by component (a component with
        a ``batch`` function does them all at once). An object a component fails on is
        left out of the later ones; returns each object's error, or None."""
        errors: list[Exception | None] = [None] * len(objs)
        for c in self.components:
            live = [i for i, e in enumerate(errors) if e is None]
            if c.batch is not None and live:
                try:
                    c.batch([objs[i] for i in live], self.ctx)
                except Exception as e:  # noqa: BLE001 - reported per object by the caller
                    for i in live:
                        errors[i] = e
                continue
            for i in live:
                try:
                    c.func(objs[i], self.ctx)
                except Exception as e:  # noqa: BLE001 - one object's failure spares the others
                    errors[i] = e
        return errors
