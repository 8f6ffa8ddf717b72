"""ARCHITECTURE.md matches the code: its component tables list the configured
pipelines in order with their real modules and declarations, and the files it points
to exist."""
from __future__ import annotations

import re

from chronica.config import CORPUS_PIPELINE, DOCUMENT_PIPELINE, Settings
from chronica.pipeline import Pipeline
from corpus_paths import ROOT

DOC = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| `(\w+)` \| `([\w/]+\.py)` \|\s*(.*?)\s*\|\s*(.*?)\s*\|$", re.MULTILINE)


def _names(cell: str) -> tuple[str, ...]:
    return tuple(re.findall(r"`([\w.]+)`", cell))


def _table() -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    return [(n, module, _names(req), _names(assigns)) for n, module, req, assigns in ROW.findall(DOC)]


def _expected() -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    s = Settings()
    out = []
    for level, names in (("document", DOCUMENT_PIPELINE), ("corpus", CORPUS_PIPELINE)):
        for c in Pipeline(names, s, level=level).components:
            module = c.func.__module__.removeprefix("chronica.").replace(".", "/") + ".py"
            out.append((c.name, module, c.requires, c.assigns))
    return out


def test_architecture_component_tables_match_the_pipelines():
    assert _table() == _expected()


def test_architecture_points_to_files_that_exist():
    paths = set(re.findall(r"`((?:[\w]+/)+[\w.]+\.(?:py|yaml|tsv))`", DOC))
    assert paths
    src = ROOT / "src" / "chronica"
    missing = [p for p in paths if not (src / p).exists() and not (src / "lang" / "en" / p).exists()
               and not (ROOT / p).exists()]
    assert missing == []
