"""A pipeline of small named components over one shared object, in the spirit of
spaCy's ``Language``: each component declares what it needs and what it makes, and
the pipeline checks the order when it is built.

Two kinds of component exist:

* **document** components take ``(doc: Doc, ctx: Context)`` and fill fields of the doc;
* **corpus** components take ``(corpus: Corpus, ctx: Context)`` and work across all
  documents (merging entities, matching events, finding conflicts).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .config import Settings
from .errors import ConfigError
from .resources import Resources
from .resources import default as default_resources

DOC_FIELDS_AT_START = {"text"}


@dataclass(frozen=True)
class ComponentInfo:
    name: str
    func: Callable
    level: str  # "document" | "corpus"
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, ComponentInfo] = {}


def component(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (),
              level: str = "document") -> Callable[[Callable], Callable]:
    """Register a pipeline component under ``name``."""

    def register(func: Callable) -> Callable:
        _REGISTRY[name] = ComponentInfo(name, func, level, tuple(requires), tuple(assigns))
        return func

    return register


def registered() -> dict[str, ComponentInfo]:
    _import_components()
    return dict(_REGISTRY)


def _import_components() -> None:
    # Importing the stage packages registers their components.
    from . import extract, nlp, reconcile, resolve, time  # noqa: F401


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
