"""Cross-checking accuracy on every development corpus: merging and conflicts.

    python bench/reconcile.py [--lockbox] [--only TEXT] [--keep DIR [--reuse]] [--json]

Builds each gold file's documents (bench/corpora.py), exports, scores with
../shared/tools/score.py and prints one row per gold file and a macro average of the
cross-source figures. Gold files without a pair or without conflicts show "–".
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import add_arguments, measure, print_table  # noqa: E402

FIGURES = {  # score.py figure: (comparison, target) from issues 5 and 16
    "cross_source_merged": (">=", 0.85), "conflict_recall": (">=", 0.8),
    "hard_conflict_recall": (">=", 1.0), "conflict_precision": (">=", 0.6),
    "non_conflicts_flagged": ("<=", 0),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(ap)
    args = ap.parse_args()
    results = measure(args.lockbox, args.keep, args.only, args.reuse)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print_table(results, FIGURES, "cross-checking vs gold — " + ("LOCKBOX" if args.lockbox else "development"))


if __name__ == "__main__":
    main()
