"""Plug-ins: other packages add input readers, export formats and web views through
entry-point groups (``chronica.readers``, ``chronica.exporters``, ``chronica.views``).

Each registry calls :func:`load_group` before it answers: the group's entry points
are imported once per process, and a plug-in that fails to import is logged and left
out, so it never takes the built-in readers, formats or pages down with it.
"""
from __future__ import annotations

import logging
from typing import Iterable

_LOADED: set[str] = set()
LOG = logging.getLogger(__name__)


def entry_points(group: str) -> Iterable:
    """The installed entry points of ``group`` (tests replace this look-up)."""
    # imported here: importlib.metadata costs ~50 ms of `chronica time`'s start-up,
    # and a run that reads only plain text never asks for a plug-in
    from importlib.metadata import entry_points as installed
    return installed(group=group)


def load_group(group: str, what: str) -> None:
    """Import every plug-in of ``group`` once; ``what`` names the kind in a warning."""
    if group in _LOADED:
        return
    _LOADED.add(group)
    for ep in entry_points(group):
        try:
            ep.load()
        except Exception as e:  # noqa: BLE001 - any failure of a third party's import
            LOG.warning("%s plug-in %r (%s) not loaded: %s", what, ep.name, ep.value, e)


def forget(group: str) -> None:
    """Look the group's plug-ins up again on next use (tests that install one)."""
    _LOADED.discard(group)
