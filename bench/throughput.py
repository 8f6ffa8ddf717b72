"""Throughput: Chronica's full build against spaCy's bare ``nlp.pipe`` on the same text.

    python bench/throughput.py [--words 100000] [--keep DIR]

The corpus is the reference and evaluation texts in ../shared (each copy made unique
with a numbered line, so the build cannot skip it as unchanged), repeated until it holds
at least --words words. Prints words per second for both and the ratio, by the clock
and by CPU time (this process's CPU seconds: on a machine shared with other jobs the
clock counts their turns too, CPU time only ours). Both sides run in this one process,
spaCy first; the build's time includes loading the model, the bare side's does not.
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


def bare_spacy(files: list[Path], model: str) -> tuple[float, float]:
    """(clock seconds, CPU seconds) of spaCy's nlp.pipe over the texts."""
    import spacy
    nlp = spacy.load(model)
    texts = [p.read_text(encoding="utf-8") for p in files]
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    return time.perf_counter() - t0, time.process_time() - c0


def chronica_build(files: list[Path], db: str) -> tuple[float, float]:
    from chronica.build import build
    from chronica.config import Settings
    from chronica.store import open_store

    settings = Settings(db_url=db)
    t0, c0 = time.perf_counter(), time.process_time()
    report = build([str(files[0].parent)], settings, open_store(db))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    if report.failed:
        sys.exit(f"throughput: build failed: {report.failed[:3]}")
    return elapsed, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=100_000)
    args = ap.parse_args()
    from chronica.config import Settings
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files, words = make_corpus(folder, args.words)
        spacy_s, spacy_cpu = bare_spacy(files, Settings().spacy_model)
        build_s, build_cpu = chronica_build(files, f"sqlite:///{Path(tmp) / 'kb.db'}")
    table = Table(title=f"throughput on {len(files)} documents, {words:,} words, one process")
    for name in ("system", "seconds", "words/s", "CPU seconds", "words/CPU s"):
        table.add_column(name, justify="left" if name == "system" else "right")
    table.add_row("spaCy nlp.pipe (bare)", f"{spacy_s:.1f}", f"{words / spacy_s:,.0f}",
                  f"{spacy_cpu:.1f}", f"{words / spacy_cpu:,.0f}")
    table.add_row("chronica build (full)", f"{build_s:.1f}", f"{words / build_s:,.0f}",
                  f"{build_cpu:.1f}", f"{words / build_cpu:,.0f}")
    table.add_section()
    table.add_row("ratio build / spaCy (target ≥ 0.8, issue 15)", "", f"{spacy_s / build_s:.2f}",
                  "", f"{spacy_cpu / build_cpu:.2f}")
    Console().print(table)


if __name__ == "__main__":
    main()
