"""No default dependency is GPL or AGPL (Chronica is MIT): read from the installed
packages' own metadata by scripts/licences.py."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("licences", ROOT / "scripts" / "licences.py")
licences = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("licences", licences)  # its dataclass looks its module up there
_spec.loader.exec_module(licences)


def test_no_default_dependency_is_gpl_or_agpl():
    deps = licences.default_dependencies(ROOT / "pyproject.toml")
    names = {d.name for d in deps}
    assert {"spacy", "sqlalchemy", "faker", "distributed"} <= names  # extras and their needs too
    assert "gender-guesser" not in names
    bad = [(d.name, d.kind, d.statements) for d in deps if d.fails]
    assert bad == []


@pytest.mark.parametrize("statements, kind", [
    (("GPL-3.0-only",), "strong copyleft"),
    (("GNU General Public License v3 (GPLv3)", "GPLv3"), "strong copyleft"),
    (("AGPL-3.0-or-later",), "strong copyleft"),
    (("GNU Affero General Public License v3",), "strong copyleft"),
    (("LGPL-3.0-only",), "weak copyleft"),
    (("GNU Lesser General Public License v3 (LGPLv3)",), "weak copyleft"),
    (("MPL-2.0 AND MIT",), "weak copyleft"),
    (("MIT OR GPL-2.0-or-later",), "permissive"),
    (("Apache-2.0 OR BSD-3-Clause",), "permissive"),
    ((), "unknown"),
])
def test_licence_kinds(statements, kind):
    dep = licences.DepLicence("example", "1.0", statements)
    assert dep.kind == kind
    assert dep.fails == (kind == "strong copyleft")


def test_a_missing_package_fails(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\ndependencies = ["no-such-package-chronica==1.0"]\n')
    [dep] = licences.default_dependencies(pyproject)
    assert dep.kind == "not installed" and dep.fails
