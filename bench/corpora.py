"""The development corpora the extraction and cross-checking benches measure, and the lockbox.

Two corpora, each a folder of gold files (format ../shared/gold/SCHEMA.md) and the folders
holding their texts:

- ``dev``  ../shared/gold/dev/      texts in ../shared/eval/texts (and ../shared/seeds)
- ``dev2`` ../shared/eval/dev/gold/ texts in ../shared/eval/dev/texts

The unit of measurement is one gold file (a single text or a pair of texts on one
episode): each is built into a fresh SQLite knowledge base with the CLI, exported and
scored with ../shared/tools/score.py, the yardstick (no system behaviour lives in it).

The lockbox (see bench/README.md) is chosen by a rule fixed before any tuning: in each
corpus, gold files in name order, every third one starting with the third. Its figures are
reported only with ``--lockbox``, so rules are never tuned while looking at them.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "tools" / "score.py"
CORPORA = {
    "dev": (SHARED / "gold" / "dev", [SHARED / "eval" / "texts", SHARED / "seeds"]),
    "dev2": (SHARED / "eval" / "dev" / "gold", [SHARED / "eval" / "dev" / "texts"]),
}


@dataclass(frozen=True)
class GoldFile:
    corpus: str
    path: Path
    docs: tuple[Path, ...]
    lockbox: bool

    @property
    def label(self) -> str:
        return f"{self.corpus}/{self.path.stem}"


def in_lockbox(index: int) -> bool:
    """Every third gold file of a corpus (in name order), starting with the third."""
    return index % 3 == 2


def gold_files() -> list[GoldFile]:
    found = []
    for corpus, (gold_dir, text_dirs) in CORPORA.items():
        for i, path in enumerate(sorted(gold_dir.glob("*.yaml"))):
            spec = yaml.safe_load(path.read_text(encoding="utf-8"))
            docs = []
            for name in spec["documents"]:
                doc = next((d / name for d in text_dirs if (d / name).exists()), None)
                if doc is None:
                    sys.exit(f"bench: {name} (named in {path}) not found under {[str(d) for d in text_dirs]}")
                docs.append(doc)
            found.append(GoldFile(corpus, path, tuple(docs), in_lockbox(i)))
    if not found or not SCORE.exists():
        sys.exit(f"bench: needs gold under {[str(c[0]) for c in CORPORA.values()]} and {SCORE}")
    return found


def chronica() -> list[str]:
    exe = Path(sys.executable).with_name("chronica")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "chronica.cli"]


def score_one(gold: GoldFile, work: Path, reuse: bool = False) -> dict:
    stem = f"{gold.corpus}-{gold.path.stem}"
    db, export = work / f"{stem}.db", work / f"{stem}.json"
    if not (reuse and export.exists()):
        build(gold, db, export)
    res = subprocess.run([sys.executable, str(SCORE), str(export), str(gold.path),
                          "--docs", str(gold.docs[0].parent), "--json"], check=True, capture_output=True, text=True)
    return json.loads(res.stdout)


def build(gold: GoldFile, db: Path, export: Path) -> None:
    db.unlink(missing_ok=True)  # a fresh knowledge base: the corpus stage must run
    url = f"sqlite:///{db}"
    for cmd in (["build", *map(str, gold.docs), "--db", url],
                ["export", "--db", url, "--format", "json", "--out", str(export)]):
        run = subprocess.run(chronica() + cmd, capture_output=True, text=True)
        if run.returncode:
            sys.exit(f"bench: chronica {cmd[0]} failed on {gold.label}: {run.stderr.strip()[-400:]}")


def measure(lockbox: bool, keep: Path | None = None, only: str | None = None,
            reuse: bool = False) -> dict[str, dict]:
    """Scores of the development gold files (or, with lockbox=True, of the lockbox's only).

    keep: a folder for the databases and exports (else a temporary one); reuse: score the
    exports already in `keep` instead of building again."""
    chosen = [g for g in gold_files() if g.lockbox == lockbox and (not only or only in g.label)]
    with tempfile.TemporaryDirectory(prefix="chronica-bench-") as tmp:
        work = keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        results = {}
        with Progress(transient=True) as progress:
            task = progress.add_task("building and scoring", total=len(chosen))
            for g in chosen:
                progress.update(task, description=g.label)
                results[g.label] = score_one(g, work, reuse and keep is not None)
                progress.advance(task)
    return results


def add_arguments(ap) -> None:
    ap.add_argument("--lockbox", action="store_true",
                    help="measure the lockbox only (see bench/README.md); never while tuning rules")
    ap.add_argument("--only", help="only the gold files whose label contains this text")
    ap.add_argument("--keep", type=Path, help="keep the databases and exports in this folder")
    ap.add_argument("--reuse", action="store_true", help="score the exports already in --keep, no build")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")


def print_table(results: dict[str, dict], figures: dict[str, tuple[str, float]], title: str) -> None:
    """One row per gold file, a macro-average row, a target row; misses in red."""
    table = Table(title=title)
    table.add_column("gold file")
    for f in figures:
        table.add_column(SHORT.get(f, f), justify="right")
    rows = list(results.items()) + [("macro average", {f: macro(results, f) for f in figures})]
    for label, r in rows:
        cells = []
        for f, (op, target) in figures.items():
            v = r.get(f)
            ok = None if v is None else (v >= target if op == ">=" else v <= target)
            cells.append("–" if v is None else f"[{'green' if ok else 'red'}]{round(v, 3)}[/]")
        table.add_row(f"[bold]{label}[/]" if label == "macro average" else label, *cells)
    table.add_row("target", *(f"{op} {t}" for op, t in figures.values()))
    Console(width=200).print(table)


SHORT = {"event_recall": "ev recall", "date_exact_of_matched": "date exact",
         "date_overlap_of_matched": "date bounds", "place_of_matched": "place",
         "alias_pair_recall": "alias R", "alias_pair_precision": "alias P",
         "places_geocoded_50km": "geo 50km", "cross_source_merged": "merged",
         "conflict_recall": "confl R", "hard_conflict_recall": "hard confl R",
         "conflict_precision": "confl P", "non_conflicts_flagged": "non-confl flagged",
         "person_coverage": "persons", "place_coverage": "places"}


def macro(results: dict[str, dict], figure: str) -> float | None:
    vals = [r[figure] for r in results.values() if r.get(figure) is not None]
    return round(sum(vals) / len(vals), 3) if vals else None
