"""The component registry and the context components share: what every stage imports,
below all of them (``pipeline`` assembles and checks the order above them).

A stage module registers its components with the :func:`component` decorator; each
takes ``(doc_or_corpus, ctx: Context)``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .config import Settings
from .resources import Resources
from .resources import default as default_resources


@dataclass(frozen=True)
class ComponentInfo:
    name: str
    func: Callable
    level: str  # "document" | "corpus"
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    batch: Callable | None = None  # (objs, ctx): the same work for several objects at once


REGISTRY: dict[str, ComponentInfo] = {}


def component(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (),
              level: str = "document", batch: Callable | None = None) -> Callable[[Callable], Callable]:
    """Register a pipeline component under ``name``."""

    def register(func: Callable) -> Callable:
        REGISTRY[name] = ComponentInfo(name, func, level, tuple(requires), tuple(assigns), batch)
        return func

    return register


@dataclass
class Context:
    """Shared, loaded-once resources (models, gazetteer, rule sets) for components.

    ``resources`` reads the language's data files (see :mod:`chronica.resources`);
    ``cache`` holds what is built from them once per pipeline (models, indexes)."""

    settings: Settings
    cache: dict[str, Any] = field(default_factory=dict)
    resources: Resources = field(default_factory=default_resources)

    def resource(self, name: str, loader: Callable[[], Any]) -> Any:
        if name not in self.cache:
            self.cache[name] = loader()
        return self.cache[name]
