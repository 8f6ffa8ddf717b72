"""The document stage in worker processes: ``chronica build --jobs N``.

Each worker loads the spaCy model and the rule sets once (the pool's initializer),
then analyses partitions of documents and sends back plain records — the document as
read and its analysis as JSON, never spaCy objects. The parent stores each record in
its own transaction, as the one-process build does. Partitions are handed out a few at
a time (``window``), so neither the sources nor the results of the whole corpus are
ever held in memory at once.
"""
from __future__ import annotations

import ctypes
import json
import multiprocessing
import signal
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .config import Settings
from .doc import Doc, Source
from .nlp.parse import spacy_model
from .pipeline import Pipeline


@dataclass
class DocRecord:
    """One document's result, as it crosses a process boundary."""

    source: Source
    analysis: str | None = None  # JSON of Doc.analysis(); None when it failed or is stored
    error: str | None = None     # one line for the user, naming the file
    words: int = 0
    written: bool = False        # stored already, by the worker (Dask into PostgreSQL)
    replaced: bool = False       # it replaced another version of the same path


def analyse_partition(sources: list[Source], pipe: Pipeline) -> Iterator[DocRecord]:
    """Analyse documents ``batch_size`` at a time (one ``nlp.pipe`` batch each), yielding
    each record as soon as it is made. Inside spaCy's memory zone, so the strings a
    parse adds to the vocabulary are freed afterwards: a worker's memory stays flat over
    millions of documents."""
    size = pipe.ctx.settings.batch_size
    for i in range(0, len(sources), size):
        docs = [Doc(s) for s in sources[i:i + size]]
        with spacy_model(pipe.ctx).memory_zone():
            errors = pipe.pipe(docs)  # the configured pipeline, parse included
            for doc, error in zip(docs, errors):
                record = _record(doc, error)
                doc.drop_parse()  # the parse must not outlive the zone
                yield record


def _record(doc: Doc, error: Exception | None) -> DocRecord:
    if error is not None:  # a bug in one component must not lose the partition
        return DocRecord(doc.source, error=f"{doc.source.path}: analysis failed in the pipeline "
                                           f"({type(error).__name__}: {error}); please report this")
    return DocRecord(doc.source, analysis=json.dumps(doc.analysis(), ensure_ascii=False),
                     words=len(doc.text.split()))


def partitions(sources: Iterable[Source], max_docs: int, max_words: int) -> Iterator[list[Source]]:
    """Group a stream of sources into partitions of at most ``max_docs`` documents and
    (unless one document alone is larger) ``max_words`` words."""
    part: list[Source] = []
    words = 0
    for src in sources:
        n = len(src.text.split())
        if part and (len(part) >= max_docs or words + n > max_words):
            yield part
            part, words = [], 0
        part.append(src)
        words += n
    if part:
        yield part


def run_windowed(submit: Callable[[list[Source]], Future], parts: Iterable[list[Source]], window: int,
                 on_error: Callable[[list[Source], Exception], Future | list[DocRecord]]
                 ) -> Iterator[list[DocRecord]]:
    """Submit partitions keeping at most ``window`` in flight; yield results as they
    finish (any order). A partition that fails goes to ``on_error``: it gives a new
    future (a retry) or the records to report."""
    pending: dict[Future, list[Source]] = {}
    queue = iter(parts)
    while True:
        while len(pending) < window:
            part = next(queue, None)
            if part is None:
                break
            pending[submit(part)] = part
        if not pending:
            return
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for f in done:
            part = pending.pop(f)
            try:
                yield f.result()
            except Exception as e:  # the worker died, or the partition could not be sent
                again = on_error(part, e)
                if isinstance(again, Future):
                    pending[again] = part
                else:
                    yield again


def failed_records(part: list[Source], why: str) -> list[DocRecord]:
    return [DocRecord(s, error=f"{s.path}: {why}; run the build again") for s in part]


# --------------------------------------------------------------- local processes --

_WORKER_PIPE: Pipeline | None = None


def _die_with_parent() -> None:
    """Linux: a worker gets SIGKILL when the build process dies, however it dies."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _init_worker(settings: Settings) -> None:
    global _WORKER_PIPE
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _WORKER_PIPE = Pipeline(settings.document_pipeline, settings)
    spacy_model(_WORKER_PIPE.ctx)  # load once, before the first partition


def _worker_analyse(sources: list[Source]) -> list[DocRecord]:
    assert _WORKER_PIPE is not None, "worker not initialised"
    return list(analyse_partition(sources, _WORKER_PIPE))


class ProcessAnalyser:
    """Analyse partitions in ``jobs`` worker processes. A worker that dies (killed, out
    of memory) breaks the pool: a new pool takes over and the lost partitions are sent
    once more."""

    RETRIES = 1

    def __init__(self, settings: Settings, jobs: int):
        self.jobs = jobs
        self.settings = settings
        self.pool = self._new_pool()
        self.tries: dict[int, int] = {}

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the parent runs threads (the progress bar) and a fork would
        # copy their locks mid-use
        return ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(self.settings,))

    def _submit(self, part: list[Source]) -> Future:
        try:
            return self.pool.submit(_worker_analyse, part)
        except BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool()
            return self.pool.submit(_worker_analyse, part)

    def _on_error(self, part: list[Source], e: Exception) -> Future | list[DocRecord]:
        tried = self.tries.get(id(part), 0)
        if isinstance(e, BrokenProcessPool) and tried < self.RETRIES:
            self.tries[id(part)] = tried + 1
            return self._submit(part)
        return failed_records(part, f"its worker process failed ({type(e).__name__}: {e})")

    def run(self, sources: Iterable[Source]) -> Iterator[DocRecord]:
        s = self.settings
        parts = partitions(sources, s.batch_size, max_words=s.partition_words)
        for records in run_windowed(self._submit, parts, 2 * self.jobs, self._on_error):
            yield from records

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class InlineAnalyser:
    """The same partitions, analysed in this process (``--jobs 1``)."""

    def __init__(self, pipe: Pipeline):
        self.pipe = pipe

    def run(self, sources: Iterable[Source]) -> Iterator[DocRecord]:
        s = self.pipe.ctx.settings
        for part in partitions(sources, s.batch_size, max_words=s.partition_words):
            yield from analyse_partition(part, self.pipe)

    def close(self) -> None:
        pass

