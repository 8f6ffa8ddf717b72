"""Throughput: Chronica's full build against spaCy's bare ``nlp.pipe`` on the same text.

    python bench/throughput.py [--words 100000] [--keep DIR]

The corpus is the reference and evaluation texts in ../shared (each copy made unique
with a numbered line, so the build cannot skip it as unchanged), repeated until it holds
at least --words words. Prints words per second for both and the ratio.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def make_corpus(folder: Path, min_words: int) -> tuple[list[Path], int]:
    sources = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "eval" / "texts").glob("*.txt"))
    if not sources:
        sys.exit(f"throughput: no texts under {SHARED}; the benchmark needs ../shared")
    texts = [p.read_text(encoding="utf-8-sig") for p in sources]
    files, words, i = [], 0, 0
    while words < min_words:
        text = texts[i % len(texts)] + f"\n\nCopy {i}.\n"
        path = folder / f"{i:04d}_{sources[i % len(sources)].name}"
        path.write_text(text, encoding="utf-8")
        files.append(path)
        words += len(text.split())
        i += 1
    return files, words


def bare_spacy(files: list[Path], model: str) -> float:
    import spacy
    nlp = spacy.load(model)
    texts = [p.read_text(encoding="utf-8") for p in files]
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    return time.perf_counter() - t0


def chronica_build(files: list[Path], db: str) -> float:
    from chronica.build import build
    from chronica.config import Settings
    from chronica.store import open_store

    settings = Settings(db_url=db)
    t0 = time.perf_counter()
    report = build([str(files[0].parent)], settings, open_store(db))
    elapsed = time.perf_counter() - t0
    if report.failed:
        sys.exit(f"throughput: build failed: {report.failed[:3]}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=100_000)
    args = ap.parse_args()
    from chronica.config import Settings
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files, words = make_corpus(folder, args.words)
        spacy_s = bare_spacy(files, Settings().spacy_model)
        build_s = chronica_build(files, f"sqlite:///{Path(tmp) / 'kb.db'}")
    table = Table(title=f"throughput on {len(files)} documents, {words:,} words")
    table.add_column("system")
    table.add_column("seconds", justify="right")
    table.add_column("words/s", justify="right")
    table.add_row("spaCy nlp.pipe (bare)", f"{spacy_s:.1f}", f"{words / spacy_s:,.0f}")
    table.add_row("chronica build (full)", f"{build_s:.1f}", f"{words / build_s:,.0f}")
    table.add_section()
    table.add_row("ratio build / spaCy", "", f"{spacy_s / build_s:.2f} (target ≥ 0.8, issue 15)")
    Console().print(table)


if __name__ == "__main__":
    main()
