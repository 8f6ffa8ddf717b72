"""Chronica's resources layer: the data every stage reads, below all of them.

Word lists, tables, rules and thresholds live as data files in a language folder,
``chronica/lang/en/`` (as spaCy keeps ``lang/en`` and HeidelTime ``resources/english``);
a second language is a new folder, not new code. Code never builds a path to a data
file: it asks for the file by name::

    from chronica.resources import load
    words = load("events/gender.yaml")        # parsed, validated, cached

The pipeline's :class:`~chronica.pipeline.Context` carries a :class:`Resources` for
its language (``ctx.resources``); ``load`` reads through the process's default one.
Each file is parsed and checked once per process (see :mod:`.schemas`); a broken file
raises :class:`ResourceError` naming the file and the line.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .loader import DEFAULT_LANG, LANG_ROOT, ResourceError, Resources, Table
from .schemas import Schema, register

__all__ = ["DEFAULT_LANG", "LANG_ROOT", "ResourceError", "Resources", "Schema", "Table",
           "default", "load", "path", "register"]

_DEFAULT: dict[str, Resources] = {}


def default(lang: str = DEFAULT_LANG) -> Resources:
    """The process's shared resources for ``lang`` (created on first use)."""
    res = _DEFAULT.get(lang)
    if res is None:
        res = _DEFAULT.setdefault(lang, Resources(lang))
    return res


def load(name: str, lang: str = DEFAULT_LANG) -> Any:
    """The data file ``name`` of ``lang``, parsed, validated and cached."""
    return default(lang).load(name)


def path(name: str, lang: str = DEFAULT_LANG) -> Path:
    """Where the data file ``name`` of ``lang`` lives (for readers that stream it)."""
    return default(lang).path(name)
