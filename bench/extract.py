"""Extraction accuracy on every development corpus: build, export, score against the gold.

    python bench/extract.py [--lockbox] [--only TEXT] [--keep DIR [--reuse]] [--json]

For every gold file in ../shared/gold/dev and ../shared/eval/dev/gold (bench/corpora.py)
it builds the gold's documents into a fresh SQLite knowledge base, exports it, runs
../shared/tools/score.py and prints one row per gold file, a macro average and the
issue-16 targets. The lockbox files are left out unless --lockbox (then only they run).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import add_arguments, measure, print_table  # noqa: E402

FIGURES = {  # score.py figure: (comparison, target) from issue 16
    "event_recall": (">=", 0.90), "date_exact_of_matched": (">=", 0.85),
    "date_overlap_of_matched": (">=", 0.95), "place_of_matched": (">=", 0.85),
    "alias_pair_recall": (">=", 0.85), "alias_pair_precision": (">=", 0.95),
    "person_coverage": (">=", 0.90), "places_geocoded_50km": (">=", 0.92),
    "cross_source_merged": (">=", 0.85), "conflict_recall": (">=", 0.8),
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
    print_table(results, FIGURES, "extraction vs gold — " + ("LOCKBOX" if args.lockbox else "development"))


if __name__ == "__main__":
    main()
