"""``chronica build``: read sources, analyse each in the document pipeline, store it,
then rerun the corpus stage on the islands the new or changed documents touch."""
from __future__ import annotations

import gc
import hashlib
import time as _time
from dataclasses import dataclass, field
from pathlib import Path
from itertools import chain, islice
from typing import Iterator

from . import __version__, incremental
from .config import Settings
from .doc import Doc, Source
from .errors import InputError
from .incremental import UpdateReport
from .ingest import discover, read_source
from .language import detect as detect_language
from .parallel import DocRecord, InlineAnalyser, ProcessAnalyser
from .pipeline import Pipeline
from .store import Store
from .store.build_state import BuildRecord


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    not_english: list[tuple[str, str]] = field(default_factory=list)  # stored, not analysed
    words: int = 0
    seconds: float = 0.0
    corpus_rebuilt: bool = False
    analysed_ids: list[str] = field(default_factory=list)  # documents analysed (again) in this build
    update: UpdateReport | None = None  # what the cross-document stage reran

    @property
    def ok(self) -> bool:
        return not self.failed


class Progress:
    """What the build tells whoever watches it (the CLI draws a rich progress bar)."""

    def start(self, total: int) -> None: ...
    def advance(self, path: str, words: int) -> None: ...
    def stage(self, name: str) -> None: ...
    def problem(self, path: str, message: str) -> None: ...
    def page(self, path: str, done: int, total: int) -> None: ...  # a long PDF or scan being read


BUILD_GC = (50_000, 20, 20)  # gc thresholds while building (see build)


def build(paths: list[str], settings: Settings, store: Store, progress: Progress | None = None,
          force: bool = False, jobs: int = 1, dask: str | None = None) -> BuildReport:
    """Build the knowledge base. The document stage runs in this process (``jobs=1``),
    in ``jobs`` worker processes, or on the Dask cluster at ``dask`` (an address, or
    ``local:N`` for a LocalCluster of N workers)."""
    # parsing makes millions of short-lived objects without cycles (freed at once by
    # reference counting): collect cycles less often while building
    old = gc.get_threshold()
    gc.set_threshold(*BUILD_GC)
    try:
        return _build(paths, settings, store, progress, force, jobs, dask)
    finally:
        gc.set_threshold(*old)


def _build(paths: list[str], settings: Settings, store: Store, progress: Progress | None,
           force: bool, jobs: int = 1, dask: str | None = None) -> BuildReport:
    progress = progress or Progress()
    report = BuildReport()
    t0 = _time.perf_counter()
    found = discover(paths)
    report.skipped = [(str(p), why) for p, why in found.skipped]
    report.duplicates = found.duplicates
    for path, why in found.errors:
        report.failed.append((path, f"{path}: {why}"))
        progress.problem(path, f"{path}: {why}")
    pipe = Pipeline(settings.document_pipeline, settings)
    corpus_pipe = Pipeline(settings.corpus_pipeline, settings, level="corpus")
    fingerprint = pipeline_fingerprint(pipe)
    record = BuildRecord(store, paths, len(found.files))  # a killed build leaves it unfinished
    progress = record.watching(progress)
    progress.start(len(found.files))
    to_analyse = _sources_to_analyse(found.files, settings, store, fingerprint, force, report, progress)
    if jobs > 1 and not dask:
        to_analyse, jobs = _fewer_jobs(to_analyse, jobs, settings)
    analyser = _analyser(pipe, store, fingerprint, jobs, dask)
    try:
        for analysed in analyser.run(to_analyse):
            _store_record(analysed, store, fingerprint, report, progress)
    finally:
        analyser.close()
    progress.stage("cross-checking documents")
    # only the islands of documents the new ones share a block with are cross-checked again
    report.update = incremental.update(store, corpus_pipe, report.analysed_ids, force)
    report.corpus_rebuilt = report.update is not None
    record.finished()
    report.seconds = _time.perf_counter() - t0
    return report


def _fewer_jobs(to_analyse: Iterator[Source], jobs: int, settings: Settings) -> tuple[Iterator[Source], int]:
    """Less than a partition of new text (a few documents added to a large base) is
    analysed here: starting workers, each loading the model, would cost more than the
    work. Looks ahead at most ``batch_size * jobs`` sources (the stream stays a stream)."""
    head = list(islice(to_analyse, settings.batch_size * jobs))
    if len(head) < settings.batch_size * jobs:  # no more workers than partitions
        small = sum(len(s.text.split()) for s in head) < settings.partition_words
        jobs = 1 if small else min(jobs, -(-len(head) // settings.batch_size))
    return chain(head, to_analyse), jobs


def _store_unread(source: Source, fingerprint: str, store: Store, report: BuildReport) -> bool:
    """A source not in English is stored (its text stays citable) but not analysed: the
    models read English, and guesses on other languages would be wrong facts."""
    language = detect_language(source.text)
    if language.english:
        return False
    report.not_english.append((source.path, f"{source.path}: looks like {language.name}, not English; "
                                            f"Chronica reads English: stored, nothing extracted"))
    store.save_document(Doc(source), fingerprint)
    return True


def pipeline_fingerprint(pipe: Pipeline) -> str:
    """What made an analysis: a document analysed by another version or pipeline is
    analysed again."""
    return f"chronica {__version__}: " + " ".join(pipe.names)


def _sources_to_analyse(files: list[Path], settings: Settings, store: Store, fingerprint: str,
                        force: bool, report: BuildReport, progress: Progress) -> Iterator[Source]:
    """Read the sources one by one (a stream: never the whole corpus in memory), passing
    on those not stored already by this pipeline."""
    for path in files:
        try:
            source = read_source(path, max_bytes=settings.max_bytes, encoding=settings.encoding,
                                 on_page=lambda done, total, p=str(path): progress.page(p, done, total))
        except InputError as e:
            report.failed.append((str(path), str(e)))
            progress.problem(str(path), str(e))
            progress.advance(str(path), 0)
            continue
        if not force and store.has_sha(source.sha256, fingerprint):
            report.unchanged.append(str(path))
            progress.advance(str(path), 0)
            continue
        if _store_unread(source, fingerprint, store, report):
            progress.advance(str(path), 0)
            continue
        yield source


def _analyser(pipe: Pipeline, store: Store, fingerprint: str, jobs: int, dask: str | None):
    if dask:
        from .distributed import DaskAnalyser  # dask loads only when asked for
        return DaskAnalyser(dask, pipe.ctx.settings, store.url, fingerprint)
    if jobs > 1:
        return ProcessAnalyser(pipe.ctx.settings, jobs)
    return InlineAnalyser(pipe)


def _store_record(record: DocRecord, store: Store, fingerprint: str, report: BuildReport,
                  progress: Progress) -> None:
    path = record.source.path
    if record.error is not None:
        report.failed.append((path, record.error))
        progress.problem(path, record.error)
        progress.advance(path, 0)
        return
    replaced = record.replaced if record.written else \
        store.save_analysis(record.source, record.analysis, fingerprint)
    (report.replaced if replaced else report.built).append(path)
    report.analysed_ids.append(record.source.id)
    report.words += record.words
    progress.advance(path, record.words)


def analyse_text(text: str, settings: Settings, path: str = "<text>") -> Doc:
    """Run the document pipeline on a string (for tests, `chronica time` and the API)."""
    doc = Doc(Source(path, text, hashlib.sha256(text.encode()).hexdigest(), "txt"))
    return Pipeline(settings.document_pipeline, settings)(doc)


def source_paths(paths: list[str]) -> list[Path]:
    return discover(paths).files
