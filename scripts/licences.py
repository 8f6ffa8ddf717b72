"""The licence of every default dependency, as the installed packages declare it.

    python scripts/licences.py [--pyproject pyproject.toml]

Walks pyproject.toml's ``[project] dependencies`` (with the extras they ask for, and what
those need in turn, for this platform) through the installed distributions' metadata
(``importlib.metadata``: License-Expression, the "License ::" classifiers, License), prints
one row a package, and exits 1 when one of them is GPL or AGPL only: Chronica is MIT, so
a strong-copyleft default dependency is a licence defect. LGPL and MPL are listed as
weak copyleft (fine to use unmodified from MIT code) but do not fail. A package that is
not installed fails too: its licence cannot be read.
"""
from __future__ import annotations

import argparse
import importlib.metadata as md
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
# "GPL-3.0-only", "AGPLv3", "GNU General Public License v2 or later" (not LGPL, not "Lesser")
_STRONG = re.compile(r"(?<![L\w])A?GPL|GNU (?:Affero )?General Public License", re.IGNORECASE)
_WEAK = re.compile(r"LGPL|Lesser General Public|Library General Public|MPL|Mozilla Public", re.IGNORECASE)


@dataclass(frozen=True)
class DepLicence:
    name: str
    version: str
    statements: tuple[str, ...]  # what the metadata says, most precise first

    @property
    def kind(self) -> str:
        """"strong copyleft", "weak copyleft", "permissive", "unknown" or "not installed"."""
        if self.version == "":
            return "not installed"
        if not self.statements:
            return "unknown"
        strong = [s for s in self.statements if _STRONG.search(s)]
        # a dual licence ("MIT OR GPL-2.0", or classifiers naming both) leaves the choice to us
        if strong and not any(_permissive_option(s) for s in self.statements):
            return "strong copyleft"
        if any(_WEAK.search(s) for s in self.statements) and not any(
                _permissive_option(s) and not _WEAK.search(s) for s in self.statements):
            return "weak copyleft"
        return "permissive"

    @property
    def fails(self) -> bool:
        return self.kind in ("strong copyleft", "not installed")


def _permissive_option(statement: str) -> bool:
    """Whether one alternative of ``statement`` (split on OR) is neither GPL nor AGPL."""
    return any(not _STRONG.search(alt) for alt in re.split(r"\s+OR\s+", statement))


def _statements(dist: md.Distribution) -> tuple[str, ...]:
    meta = dist.metadata
    out = [meta.get("License-Expression") or ""]
    out += [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
            if c.startswith("License ::") and c.strip() != "License :: OSI Approved"]
    first_line = (meta.get("License") or "").strip().splitlines()[:1]
    out += [line[:80] for line in first_line]
    return tuple(dict.fromkeys(s for s in out if s))


def _needed(dist: md.Distribution, extras: frozenset[str]) -> list[Requirement]:
    """The requirements ``dist`` declares for this platform and the ``extras`` asked of it."""
    out = []
    for raw in dist.requires or []:
        req = Requirement(raw)
        if req.marker is None or any(req.marker.evaluate({"extra": e}) for e in extras | {""}):
            out.append(req)
    return out


def default_dependencies(pyproject: Path) -> list[DepLicence]:
    """Every package a default install of ``pyproject`` brings in, with its licence."""
    todo = [Requirement(r) for r in tomllib.loads(pyproject.read_text())["project"]["dependencies"]]
    seen: dict[str, DepLicence] = {}
    asked: set[tuple[str, frozenset[str]]] = set()
    while todo:
        req = todo.pop()
        key = (canonicalize_name(req.name), frozenset(req.extras))
        if key in asked:
            continue
        asked.add(key)
        try:
            dist = md.distribution(req.name)
        except md.PackageNotFoundError:
            seen.setdefault(key[0], DepLicence(key[0], "", ()))
            continue
        seen[key[0]] = DepLicence(key[0], dist.version, _statements(dist))
        todo.extend(_needed(dist, key[1]))
    return sorted(seen.values(), key=lambda d: d.name)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pyproject", type=Path, default=ROOT / "pyproject.toml")
    deps = default_dependencies(ap.parse_args().pyproject)
    for d in deps:
        print(f"{d.name:32} {d.version or '-':14} {d.kind:16} {'; '.join(d.statements)}")
    bad = [d for d in deps if d.fails]
    for d in bad:
        print(f"licences: {d.name} is {d.kind} ({'; '.join(d.statements) or 'no licence metadata'})",
              file=sys.stderr)
    print(f"{len(deps)} default dependencies, {len(bad)} GPL/AGPL or unreadable")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
