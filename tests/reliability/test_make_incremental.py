"""Issue 17, item 13: `make test` sets up only what changed. With the Python and npm
stamps newer than their inputs, `make -q setup` says nothing is to be done; a newer
package-lock.json brings back `npm ci` (and only the steps after it)."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def copy_build_inputs(tmp: Path) -> Path:
    repo = tmp / "repo"
    (repo / "scripts").mkdir(parents=True)
    for name in ("Makefile", "pyproject.toml", "package-lock.json", "scripts/vendor_assets.py"):
        shutil.copy2(ROOT / name, repo / name)
    return repo


def touch(path: Path, when: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    os.utime(path, (when, when))


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_second_setup_has_nothing_to_do_until_the_lock_file_changes(tmp_path):
    repo = copy_build_inputs(tmp_path)
    later = time.time() + 10
    for stamp in (".venv/.installed", "node_modules/.installed", "node_modules/.vendored"):
        touch(repo / stamp, later)
    question = subprocess.run(["make", "-q", "setup"], cwd=repo, capture_output=True, text=True)
    assert question.returncode == 0, "make would redo set-up steps that are up to date"

    touch(repo / "package-lock.json", later + 10)
    dry = subprocess.run(["make", "-n", "setup"], cwd=repo, capture_output=True, text=True)
    assert "npm ci" in dry.stdout and "vendor_assets.py" in dry.stdout
    assert "pip install" not in dry.stdout  # the Python side is still up to date
