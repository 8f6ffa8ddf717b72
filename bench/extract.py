"""Extraction accuracy: build the development corpus, export, score against dev gold.

    python bench/extract.py [--gold DIR] [--json]

For every gold file in ../shared/gold/dev it builds the gold's documents (found in
../shared/eval/texts or ../shared/seeds) into a fresh SQLite knowledge base, exports it
and runs ../shared/tools/score.py, then prints one table with the issue's targets.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "tools" / "score.py"
TEXT_DIRS = [SHARED / "eval" / "texts", SHARED / "seeds"]

TARGETS = {
    "event_recall": 0.85, "date_exact_of_matched": 0.80, "place_of_matched": 0.80,
    "alias_pair_precision": 0.90, "alias_pair_recall": 0.90, "person_coverage": 0.90,
    "place_coverage": 0.90, "places_geocoded_50km": 0.95,
    "cross_source_merged": 0.80, "hard_conflict_recall": 1.0, "conflict_precision": 0.60,
}
LOWER_IS_BETTER = {"non_conflicts_flagged": 0}


def score_gold(gold: Path, tmp: Path) -> tuple[dict, Path]:
    spec = yaml.safe_load(gold.read_text(encoding="utf-8"))
    docs = []
    for name in spec["documents"]:
        found = next((d / name for d in TEXT_DIRS if (d / name).exists()), None)
        if found is None:
            sys.exit(f"extract: {name} (named in {gold.name}) not found under {TEXT_DIRS}")
        docs.append(found)
    docs_dir = docs[0].parent
    db = f"sqlite:///{tmp / (gold.stem + '.db')}"
    export = tmp / (gold.stem + ".json")
    chronica = [sys.executable, "-m", "chronica.cli"]
    subprocess.run(chronica + ["build", *map(str, docs), "--db", db], check=True, capture_output=True)
    subprocess.run(chronica + ["export", "--db", db, "--format", "json", "--out", str(export)], check=True,
                   capture_output=True)
    res = subprocess.run([sys.executable, str(SCORE), str(export), str(gold), "--docs", str(docs_dir), "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(res.stdout), export


def main(metrics: list[str] | None = None, title: str = "extraction vs dev gold") -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the export JSON files in this folder")
    args = ap.parse_args()
    golds = sorted(args.gold.glob("*.yaml"))
    if not golds or not SCORE.exists():
        sys.exit(f"extract: needs gold under {args.gold} and {SCORE}")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for g in golds:
            results[g.stem], export = score_gold(g, Path(tmp))
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / export.name).write_bytes(export.read_bytes())
    if args.json:
        print(json.dumps(results, indent=2))
        return
    table = Table(title=title)
    table.add_column("figure (score.py)")
    for g in results:
        table.add_column(g, justify="right")
    table.add_column("target", justify="right")
    names = metrics or list(next(iter(results.values())).keys())
    for m in names:
        target = TARGETS.get(m, LOWER_IS_BETTER.get(m))
        cells = []
        for r in results.values():
            v = r.get(m)
            ok = None if target is None or v is None else (v <= target if m in LOWER_IS_BETTER else v >= target)
            style = "" if ok is None else ("green" if ok else "red")
            cells.append(f"[{style}]{v}[/]" if style else str(v))
        op = "≤" if m in LOWER_IS_BETTER else "≥"
        table.add_row(m, *cells, "" if target is None else f"{op} {target}")
    Console().print(table)


if __name__ == "__main__":
    main()
