"""Cross-checking benchmark: build each dev-gold corpus with the CLI, export it, score
it with ../shared/tools/score.py and print the cross-source and conflict figures.

    python bench/reconcile.py [--gold-dir ../shared/gold/dev] [--keep DIR]

Targets (issue 5): cross_source_merged >= 0.80, every hard conflict found,
conflict_precision >= 0.6, no non-conflict flagged.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
FIGURES = ("cross_source_pairs", "cross_source_merged", "conflicts_gold", "conflict_recall",
           "hard_conflict_recall", "conflicts_system", "conflict_precision", "non_conflicts_flagged")
TARGETS = {"cross_source_merged": (">=", 0.80), "hard_conflict_recall": (">=", 1.0),
           "conflict_precision": (">=", 0.6), "non_conflicts_flagged": ("<=", 0)}


def chronica() -> list[str]:
    exe = Path(sys.executable).with_name("chronica")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "chronica.cli"]


def run_one(gold_path: Path, texts: Path, work: Path) -> dict:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    db = work / f"{gold_path.stem}.db"
    out = work / f"{gold_path.stem}.json"
    docs = [str(texts / name) for name in gold["documents"]]
    db.unlink(missing_ok=True)  # a fresh knowledge base: the corpus stage must run
    subprocess.run(chronica() + ["build", *docs, "--db", f"sqlite:///{db}"], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(chronica() + ["export", "--db", f"sqlite:///{db}", "--format", "json", "--out", str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    res = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(out), str(gold_path),
                          "--docs", str(texts), "--json"], check=True, capture_output=True, text=True)
    return json.loads(res.stdout)


def meets(name: str, value) -> str:
    if name not in TARGETS or value is None:
        return ""
    op, target = TARGETS[name]
    ok = value >= target if op == ">=" else value <= target
    return f"{'ok ' if ok else 'MISS'} ({op} {target})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold-dir", type=Path, default=SHARED / "gold" / "dev")
    ap.add_argument("--texts", type=Path, default=SHARED / "eval" / "texts")
    ap.add_argument("--keep", type=Path, default=None, help="keep the databases and exports here")
    a = ap.parse_args()
    golds = sorted(a.gold_dir.glob("*.yaml"))
    if not golds:
        print(f"no gold files in {a.gold_dir}", file=sys.stderr)
        return 2
    work = a.keep or Path(tempfile.mkdtemp(prefix="chronica-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = {g.stem: run_one(g, a.texts, work) for g in golds}
    finally:
        if a.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    names = list(results)
    width = max(24, *(len(n) for n in names))
    print(f"{'figure':24} " + " ".join(f"{n[:width]:>{width}}" for n in names) + "  target")
    for f in FIGURES:
        vals = [results[n].get(f) for n in names]
        print(f"{f:24} " + " ".join(f"{str(v):>{width}}" for v in vals) + "  " + meets(f, vals[-1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
