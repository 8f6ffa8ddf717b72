"""Export speed and memory: every format over a generated knowledge base of N events.

    python bench/export.py [--events 10000] [--formats timelinejs,csv,...]

The knowledge base is synthetic (generated names, places and sentences; every span
exact, dates of every kind: BC, time of day, approximate, open, undated) so it can be
any size. For each format it prints the seconds to write it to disk, the size written,
and the peak memory the writer allocated beyond the loaded knowledge base (tracemalloc,
in a second run so that tracing does not slow the timed one), at N/4 and at N events:
a writer that streams keeps that peak flat as N grows. tracemalloc sees Python objects
only: the XML trees lxml builds in C (gexf, docx, one TEI file at a time) are not counted.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

from rich.console import Console
from rich.table import Table

from chronica.export import ExportView, names, write

DATES = [  # (edtf, earliest, latest), cycled over the events; None: undated
    ("-0043-03-15", "-0043-03-15", "-0043-03-15"), ("1911-05-02T23:40", "1911-05-02", "1911-05-02"),
    ("1350~", "1345-01-01", "1355-12-31"), ("../1391", None, "1391-12-31"), ("1962/..", "1962-01-01", None),
    ("1402/1410", "1402-01-01", "1410-12-31"), ("1918-24", "1918-12-01", "1919-02-28"),
    ("1928-01", "1928-01-01", "1928-01-31"), None,
]


def make_kb(n_events: int, per_doc: int = 200, seed: int = 7) -> ExportView:
    rng = random.Random(seed)
    people = [f"Person{i} Surname{i % 97}" for i in range(max(20, n_events // 20))]
    places = [f"Town{i}" for i in range(max(10, n_events // 50))]
    docs, texts, events = [], {}, []
    mentions: dict[str, list] = {}
    for d in range(0, n_events, per_doc):
        doc_id = f"doc_{d // per_doc:05d}"
        parts, spans = [], []
        for i in range(d, min(d + per_doc, n_events)):
            who, where = rng.choice(people), rng.choice(places)
            sentence = f"In that year {who} travelled to {where} and wrote a letter."
            start = sum(len(p) for p in parts)
            parts.append(sentence + " ")
            spans.append((i, start, sentence, who, where))
        text = "".join(parts)
        texts[doc_id] = text
        docs.append({"id": doc_id, "path": f"bench/{doc_id}.txt", "title": f"Source {doc_id}",
                     "sha256": hashlib.sha256(text.encode()).hexdigest(), "chars": len(text)})
        for i, start, sentence, who, where in spans:
            w_at, p_at = start + sentence.index(who), start + sentence.index(where)
            mentions.setdefault(who, []).append({"document": doc_id, "start": w_at, "end": w_at + len(who), "text": who})
            mentions.setdefault(where, []).append({"document": doc_id, "start": p_at, "end": p_at + len(where),
                                                   "text": where})
            date = DATES[i % len(DATES)]
            when = {"edtf": date[0], "earliest": date[1], "latest": date[2], "basis": "explicit"} if date else None
            events.append({"id": f"evt_{i:06d}", "kind": "movement", "summary": f"{who} travels to {where}",
                           "when": when, "where": "pl_" + where, "who": ["pe_" + who],
                           "evidence": [{"document": doc_id, "start": start, "end": start + len(sentence),
                                         "text": sentence}], "sources": [doc_id], "confidence": 0.8})
    entities = [{"id": "pe_" + p, "type": "person", "name": p, "aliases": [p], "mentions": mentions[p]}
                for p in people if p in mentions]
    entities += [{"id": "pl_" + p, "type": "place", "name": p, "aliases": [p], "mentions": mentions[p],
                  "lat": rng.uniform(-60, 60), "lon": rng.uniform(-170, 170), "gazetteer": None, "part_of": None}
                 for p in places if p in mentions]
    data = {"format": "chronica-export/1", "generator": "bench", "documents": docs, "entities": entities,
            "events": events, "conflicts": [], "relations": []}
    return ExportView(data, texts, time_spans={d["id"]: [] for d in docs})


def measure(view: ExportView, fmt: str, folder: Path) -> tuple[float, int, float]:
    target = folder / fmt
    started = time.perf_counter()
    written = write(fmt, view, target)
    seconds = time.perf_counter() - started
    size = sum(p.stat().st_size for p in written)
    shutil.rmtree(target) if target.is_dir() else target.unlink()
    tracemalloc.start()
    write(fmt, view, target)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    shutil.rmtree(target) if target.is_dir() else target.unlink()
    return seconds, size, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--formats", default=",".join(n for n in names()))
    args = parser.parse_args()
    console = Console()
    small, large = make_kb(args.events // 4), make_kb(args.events)
    table = Table(title=f"chronica export: {args.events:,} events ({len(large.entities):,} entities, "
                        f"{len(large.documents)} documents)")
    for col in ("format", "seconds", "events/s", "MB written", f"peak MB @ {args.events // 4:,}",
                f"peak MB @ {args.events:,}"):
        table.add_column(col, justify="right" if col != "format" else "left")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            console.print(f"[dim]{fmt}…[/]")
            _, _, small_peak = measure(small, fmt, Path(tmp))
            seconds, size, peak = measure(large, fmt, Path(tmp))
            table.add_row(fmt, f"{seconds:.2f}", f"{args.events / seconds:,.0f}", f"{size / 2**20:.1f}",
                          f"{small_peak:.1f}", f"{peak:.1f}")
    console.print(table)


if __name__ == "__main__":
    main()
