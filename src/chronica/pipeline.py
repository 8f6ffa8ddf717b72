"""A pipeline of small named components over one shared object, in the spirit of
spaCy's ``Language``: each component declares what it needs and what it makes, and
the pipeline checks the order when it is built.

Two kinds of component exist:

* **document** components take ``(doc: Doc, ctx: Context)`` and fill fields of the doc;
* **corpus** components take ``(corpus: Corpus, ctx: Context)`` and work across all
  documents (merging entities, matching events, finding conflicts).
"""
from __future__ import annotations

from typing import Any

# Importing the stage packages registers their components (they import the registry
# from ``components``, below them, never this module).
from . import extract, nlp, reconcile, resolve, time  # noqa: F401
from .components import REGISTRY, ComponentInfo, Context
from .config import Settings
from .errors import ConfigError

DOC_FIELDS_AT_START = {"text"}


def registered() -> dict[str, ComponentInfo]:
    return dict(REGISTRY)


class Pipeline:
    def __init__(self, names: list[str], settings: Settings, level: str = "document"):
        reg = registered()
        self.components: list[ComponentInfo] = []
        have = set(DOC_FIELDS_AT_START) if level == "document" else {"documents"}
        for n in names:
            if n not in reg:
                raise ConfigError(f"unknown pipeline component {n!r}; known: {', '.join(sorted(reg))}")
            info = reg[n]
            if info.level != level:
                raise ConfigError(f"component {n!r} works on a {info.level}, not a {level}")
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
