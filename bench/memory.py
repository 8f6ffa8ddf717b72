"""Does a worker's memory stay flat? The per-document pipeline, in this process, exactly as
a build's worker runs it (``parallel.analyse_partition``), over "repeated and varied"
documents (bench/archive.py: renamed people and groups, moved years) cut to a few hundred
words each, so many documents pass quickly. Compares the first and the last 10 % of the
documents: peak RSS (sampled every 0.2 s), RSS after each partition (its memory zone
closed: what stays), and the Python heap as tracemalloc sees it, with the source lines
whose allocations grew most in between. ``--malloc-default`` leaves glibc's mmap
threshold moving, as before ``chronica.nlp.allocator`` (to measure the difference).

    python bench/memory.py --docs 400          # alone, prints its own table
    python bench/scale.py --only memory        # as one of the scale figures

The texts come from ../shared, the lockbox's left out. Nothing is asserted.
"""
from __future__ import annotations

import argparse
import ctypes
import gc
import json
import sys
import threading
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from rich.console import Console
from rich.progress import Progress

sys.path.insert(0, str(Path(__file__).resolve().parent))
from archive import copies  # noqa: E402
from corpora import gold_files  # noqa: E402

from chronica.config import Settings  # noqa: E402
from chronica.doc import Source  # noqa: E402
from chronica.ingest import read_source  # noqa: E402
from chronica.nlp import allocator  # noqa: E402
from chronica.parallel import analyse_partition, partitions  # noqa: E402
from chronica.pipeline import Pipeline  # noqa: E402

console = Console(stderr=True)
MiB = 2 ** 20


def base_texts() -> list[Path]:
    """The development texts the gold files name, none of the lockbox's."""
    golds = gold_files()
    shut = {d for g in golds if g.lockbox for d in g.docs}
    return sorted({d for g in golds if not g.lockbox for d in g.docs} - shut)


def analysed(pipe: Pipeline, paths: list[Path]) -> list[tuple[Source, dict]]:
    """The base documents analysed once: bench/archive.py varies them with their names."""
    out = []
    for path in paths:
        src = read_source(path, max_bytes=pipe.ctx.settings.max_bytes)
        out += [(r.source, json.loads(r.analysis))
                for r in analyse_partition([src], pipe) if r.analysis]
    return out


def pieces(base: list[tuple[Source, dict]], n: int, words: int):
    """``n`` documents of about ``words`` words: copies cut at paragraph breaks."""
    made = 0
    for doc in copies(base, 10 ** 9):
        chunk: list[str] = []
        for para in doc.text.split("\n\n"):
            chunk.append(para)
            if sum(len(p.split()) for p in chunk) >= words:
                text = "\n\n".join(chunk) + "\n"
                yield Source(f"{doc.source.path}#{made}", text, f"{made:064x}", "txt")
                chunk, made = [], made + 1
                if made >= n:
                    return


def cache_sizes(pipe: Pipeline) -> dict[str, int]:
    """Entries in every functools cache of Chronica's modules, and in the caches of the
    objects the pipeline's context holds (the gazetteer's)."""
    found: dict[str, int] = {}
    for name, mod in list(sys.modules.items()):
        if name.startswith("chronica") and mod is not None:
            for attr, f in vars(mod).items():
                if hasattr(f, "cache_info") and getattr(f, "__module__", name) == name:
                    found[f"{name}.{attr}"] = f.cache_info().currsize
    held = dict(pipe.ctx.cache, gazetteer=pipe.ctx.resources.gazetteer())
    for key, obj in held.items():
        if hasattr(obj, "vocab"):  # the spaCy model: strings that outlive its memory zones
            found[f"ctx[{key}].vocab.strings"] = len(obj.vocab.strings)
        for attr, val in vars(obj).items() if hasattr(obj, "__dict__") else ():
            if hasattr(val, "cache_info"):
                found[f"ctx[{key}].{attr}"] = val.cache_info().currsize
            elif isinstance(val, dict):
                found[f"ctx[{key}].{attr}"] = len(val)
    return found


class Sampler:
    """Peak RSS of this process since the last ``take()``, sampled in a thread."""

    def __init__(self, every: float = 0.2):
        self.proc, self.every, self.peak = psutil.Process(), every, 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.wait(self.every):
            self.peak = max(self.peak, self.proc.memory_info().rss)

    def take(self) -> int:
        peak, self.peak = max(self.peak, self.proc.memory_info().rss), 0
        return peak

    def close(self) -> None:
        self.stop.set()
        self.thread.join()


@dataclass
class Growth:
    docs: int
    rss_first: float  # MiB, peak over the first 10 % of documents
    rss_last: float
    heap_first: float  # MiB, tracemalloc's traced memory after the first 10 % (after gc)
    heap_last: float
    settled_first: float = 0.0  # MiB, RSS after each partition (its memory zone closed), mean
    settled_last: float = 0.0   # over the partitions ending in the first / last 10 %
    top: list[str] = field(default_factory=list)  # the lines that grew most
    caches: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> entries first, last


def measure(n_docs: int = 400, words: int = 300, trace: bool = True, top: int = 12, trim: bool = False,
            malloc_default: bool = False) -> Growth:
    if malloc_default:  # as before chronica.nlp.allocator: glibc's moving mmap threshold
        allocator._done = True
    settings = Settings()
    pipe = Pipeline(settings.document_pipeline, settings)
    base = analysed(pipe, base_texts())
    sources = list(pieces(base, n_docs, words))
    del base
    tenth = max(1, len(sources) // 10)
    if trace:
        tracemalloc.start(1)
    sampler = Sampler()
    rss: dict[str, int] = {}
    snaps: dict[str, object] = {}
    sizes: dict[str, dict[str, int]] = {}
    settled: dict[str, list[int]] = {"first": [], "last": []}
    done = 0
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("memory: documents", total=len(sources))
        for part in partitions(sources, settings.batch_size, settings.partition_words):
            if trim:
                ctypes.CDLL("libc.so.6").malloc_trim(0)
            for _ in analyse_partition(part, pipe):
                done += 1
                bar.advance(task)
                phase = "first" if done <= tenth else "last" if done > len(sources) - tenth else ""
                if phase:
                    rss[phase] = max(rss.get(phase, 0), sampler.take())
                if done in (tenth, len(sources)):
                    at = "first" if done == tenth else "last"
                    sizes[at] = cache_sizes(pipe)
                    if trace:
                        gc.collect()
                        snaps[at] = tracemalloc.take_snapshot()
                elif done == len(sources) - tenth:
                    sampler.take()  # the last tenth's peak starts here
            at = "first" if done <= tenth else "last" if done > len(sources) - tenth else None
            if at:  # between partitions: what stays, without a parse's passing buffers
                settled[at].append(sampler.proc.memory_info().rss)
    sampler.close()
    mean = lambda xs: sum(xs) / len(xs) / MiB if xs else 0.0  # noqa: E731
    growth = Growth(len(sources), rss["first"] / MiB, rss["last"] / MiB, 0.0, 0.0,
                    mean(settled["first"]), mean(settled["last"]))
    growth.caches = {k: (sizes["first"].get(k, 0), v) for k, v in sizes["last"].items()
                     if v != sizes["first"].get(k, 0)}
    if trace:
        tracemalloc.stop()
        a, b = snaps["first"], snaps["last"]
        growth.heap_first = sum(s.size for s in a.statistics("filename")) / MiB
        growth.heap_last = sum(s.size for s in b.statistics("filename")) / MiB
        for st in b.compare_to(a, "lineno")[:top]:
            frame = st.traceback[0]
            growth.top.append(f"{st.size_diff / 1024:+9.1f} KiB {st.count_diff:+7d} blocks  "
                              f"{frame.filename.split('site-packages/')[-1].split('/src/')[-1]}:{frame.lineno}")
    return growth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--words", type=int, default=300, help="words per document (about)")
    ap.add_argument("--no-trace", action="store_true", help="RSS only (tracemalloc slows the run)")
    ap.add_argument("--trim", action="store_true", help="malloc_trim before each partition")
    ap.add_argument("--malloc-default", action="store_true",
                    help="leave glibc's mmap threshold moving (as before chronica.nlp.allocator)")
    args = ap.parse_args()
    g = measure(args.docs, args.words, not args.no_trace, trim=args.trim, malloc_default=args.malloc_default)
    print(f"{g.docs} documents of ~{args.words} words, one process")
    print(f"peak RSS     first 10 %: {g.rss_first:7.1f} MiB   last 10 %: {g.rss_last:7.1f} MiB")
    print(f"settled RSS  first 10 %: {g.settled_first:7.1f} MiB   last 10 %: {g.settled_last:7.1f} MiB"
          "   (after each partition)")
    if not args.no_trace:
        print(f"traced heap  first 10 %: {g.heap_first:7.1f} MiB   last 10 %: {g.heap_last:7.1f} MiB")
        print("grew most:")
        print("\n".join("  " + t for t in g.top))
    print("caches that grew (entries, first 10 % -> last):")
    for name, (a, b) in sorted(g.caches.items(), key=lambda kv: kv[1][0] - kv[1][1]):
        print(f"  {a:8,} -> {b:8,}  {name}")


if __name__ == "__main__":
    main()
