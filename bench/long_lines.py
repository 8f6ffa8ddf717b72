"""Long lines: build speed of one ~200 KB source laid out as paragraphs of a few
sentences against the same sentences on lines of 1,000 and 10,000 characters.

    python bench/long_lines.py [--kb 200] [--profile long.prof]

The text is the repository's own examples, sentence by sentence, repeated to size.
Time is CPU time of this process (the figures hold on a busy machine); a line-length
step that grows faster than the text shows as a falling words/s in the last rows;
--profile writes a cProfile of the 10,000-character run to look for it.
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import re
import time
from functools import lru_cache
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
SHAPES = (("paragraphs of 3 sentences", 0), ("1,000-character lines", 1_000), ("10,000-character lines", 10_000),
          ("the whole text on one line", 10**9))


def sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.[tm][xd]*")))
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if len(s.strip()) > 20]


def layout(sents: list[str], size: int, line: int) -> str:
    lines, cur, total, i = [], [], 0, 0
    while total < size:
        s = sents[i % len(sents)]
        i += 1
        cur.append(s)
        total += len(s) + 1
        if (line == 0 and len(cur) == 3) or (line and sum(len(x) + 1 for x in cur) >= line):
            lines.append(" ".join(cur))
            cur = []
    lines.append(" ".join(cur))
    return ("\n\n" if line == 0 else "\n").join(lines) + "\n"


@lru_cache(maxsize=1)
def pipelines():
    from chronica.config import Settings
    from chronica.pipeline import Pipeline

    settings = Settings()
    return Pipeline(settings.document_pipeline, settings), Pipeline(settings.corpus_pipeline, settings, level="corpus")


def build_once(text: str) -> float:
    from chronica.corpus import Corpus
    from chronica.doc import Doc, Source

    doc = Doc(Source("bench.txt", text, hashlib.sha256(text.encode()).hexdigest(), "txt"))
    pipe, corpus_pipe = pipelines()
    t0 = time.process_time()
    pipe(doc)
    corpus_pipe(Corpus([doc]))
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kb", type=int, default=200, help="size of the source in kilobytes")
    ap.add_argument("--profile", default=None, help="write a cProfile of the 10,000-character run here")
    args = ap.parse_args()
    sents = sentences()
    build_once(layout(sents, 5_000, 0))  # load the models outside the measurements
    table = Table(title=f"chronica: one {args.kb} KB source, by line length (CPU time)")
    for col in ("layout", "longest line", "words", "CPU s", "words/s"):
        table.add_column(col, justify="right" if col != "layout" else "left")
    for label, line in SHAPES:
        text = layout(sents, args.kb * 1000, line)
        if args.profile and line == 10_000:
            prof = cProfile.Profile()
            seconds = prof.runcall(build_once, text)
            prof.dump_stats(args.profile)
        else:
            seconds = build_once(text)
        words = len(text.split())
        table.add_row(label, f"{max(map(len, text.splitlines())):,}", f"{words:,}", f"{seconds:.1f}",
                      f"{words / seconds:,.0f}")
    Console().print(table)


if __name__ == "__main__":
    main()
