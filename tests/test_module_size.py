"""Small rooms: no module of the package is over MAX_LINES lines.

A module that grows past the limit is split along the seams it already has (see
ARCHITECTURE / issue 10). TEMPORARY may list a file while it is being split; an entry
goes as soon as its file is back under the limit.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "chronica"
MAX_LINES = 600
TEMPORARY: set[str] = set()


def _sizes() -> dict[str, int]:
    return {p.relative_to(PACKAGE).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
            for p in PACKAGE.rglob("*.py")}


def test_no_module_is_over_the_limit():
    sizes = _sizes()
    assert len(sizes) > 50, "the package's modules were not found"
    over = {name: n for name, n in sizes.items() if n > MAX_LINES and name not in TEMPORARY}
    assert not over, (f"modules over {MAX_LINES} lines (split them along their seams): "
                      + ", ".join(f"{k} ({v})" for k, v in sorted(over.items())))


def test_temporary_exceptions_are_still_needed():
    sizes = _sizes()
    stale = sorted(name for name in TEMPORARY if sizes.get(name, 0) <= MAX_LINES)
    assert not stale, f"remove from TEMPORARY in {Path(__file__).name}: {', '.join(stale)} (now small or gone)"
