"""Behaviour-preservation check for refactors: build the examples and every development
text, export the contract JSON, and compare two such snapshots.

    python bench/same_output.py snapshot /tmp/before.json     # on the old code
    python bench/same_output.py snapshot /tmp/after.json      # on the new code
    python bench/same_output.py compare /tmp/before.json /tmp/after.json

The build runs in one process (--jobs 1) with a fixed hash seed, so two snapshots of
the same code are byte-identical; ``compare`` prints, per export section, how many
records differ and the first difference.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOLDERS = [ROOT / "examples", SHARED / "seeds", SHARED / "eval" / "texts", SHARED / "eval" / "dev" / "texts"]


def snapshot(out: Path) -> None:
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/kb.db"
        for folder in (f for f in FOLDERS if f.is_dir()):
            subprocess.run([sys.executable, "-m", "chronica.entry", "build", str(folder), "--db", db,
                            "--jobs", "1"], check=True, env=env, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, "-m", "chronica.entry", "export", "--db", db, "--out", str(out)],
                       check=True, env=env)
    print(f"wrote {out}")


def compare(a: Path, b: Path) -> int:
    old, new = json.loads(a.read_text()), json.loads(b.read_text())
    differ = 0
    for key in sorted(set(old) | set(new)):
        x, y = old.get(key), new.get(key)
        if x == y:
            continue
        if isinstance(x, list) and isinstance(y, list):
            bad = [i for i in range(max(len(x), len(y))) if i >= len(x) or i >= len(y) or x[i] != y[i]]
            print(f"{key}: {len(x)} -> {len(y)} records, {len(bad)} differ; first at {bad[0]}:")
            i = bad[0]
            print("  before:", json.dumps(x[i] if i < len(x) else None)[:400])
            print("  after: ", json.dumps(y[i] if i < len(y) else None)[:400])
        else:
            print(f"{key}: differs")
        differ += 1
    print("identical" if not differ else f"{differ} section(s) differ")
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "snapshot":
        snapshot(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
