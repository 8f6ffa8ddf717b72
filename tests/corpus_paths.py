"""Where the test corpora live. ../shared sits beside the repository; tests that use
it skip cleanly where it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL_TEXTS = SHARED / "eval" / "texts"
GOLD_DEV = SHARED / "gold" / "dev"
CONTRACT_SCHEMA = SHARED / "contract" / "export.schema.json"


def need_shared(path: Path = SHARED) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared reference material sits beside the repo)")
    return path
