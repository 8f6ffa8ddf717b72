"""``chronica build``: read sources, analyse each in the document pipeline, store it,
then rerun the corpus stage if the set of documents changed."""
from __future__ import annotations

import gc
import time as _time
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .corpus import Corpus
from .doc import Doc
from .errors import InputError
from .ingest import discover, read_source
from .language import detect as detect_language
from .nlp.parse import parse_many
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


def build(paths: list[str], settings: Settings, store: Store, progress: Progress | None = None,
          force: bool = False) -> BuildReport:
    # parsing makes millions of short-lived objects without cycles (freed at once by
    # reference counting): collect cycles less often while building
    old = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        return _build(paths, settings, store, progress, force)
    finally:
        gc.set_threshold(*old)


def _build(paths: list[str], settings: Settings, store: Store, progress: Progress | None,
           force: bool) -> BuildReport:
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
    record = BuildRecord(store, paths, len(found.files))  # a killed build leaves it unfinished
    progress = record.watching(progress)
    progress.start(len(found.files))
    batch: list[Doc] = []
    for path in found.files:
        try:
            source = read_source(path, max_bytes=settings.max_bytes, encoding=settings.encoding,
                                 on_page=lambda done, total, p=str(path): progress.page(p, done, total))
        except InputError as e:
            report.failed.append((str(path), str(e)))
            progress.problem(str(path), str(e))
            progress.advance(str(path), 0)
            continue
        if not force and store.has_sha(source.sha256, pipeline_fingerprint(pipe)):
            report.unchanged.append(str(path))
            progress.advance(str(path), 0)
            continue
        if _store_unread(source, pipe, store, report):
            progress.advance(str(path), 0)
            continue
        batch.append(Doc(source))
        if len(batch) >= settings.batch_size:
            _analyse_batch(batch, pipe, store, report, progress)
            batch = []
    _analyse_batch(batch, pipe, store, report, progress)
    digest = store.document_digest()
    if force or digest != store.kb_digest():
        progress.stage("cross-checking documents")
        corpus = Corpus(store.load_docs())
        corpus_pipe(corpus)
        store.save_kb(corpus, digest)
        report.corpus_rebuilt = True
    record.finished()
    report.seconds = _time.perf_counter() - t0
    return report


def _store_unread(source, pipe: Pipeline, store: Store, report: BuildReport) -> bool:
    """A source not in English is stored (its text stays citable) but not analysed: the
    models read English, and guesses on other languages would be wrong facts."""
    language = detect_language(source.text)
    if language.english:
        return False
    report.not_english.append((source.path, f"{source.path}: looks like {language.name}, not English; "
                                            f"Chronica reads English: stored, nothing extracted"))
    store.save_document(Doc(source), pipeline_fingerprint(pipe))
    return True


def pipeline_fingerprint(pipe: Pipeline) -> str:
    """What made an analysis: a document analysed by another version or pipeline is
    analysed again."""
    from . import __version__
    return f"chronica {__version__}: " + " ".join(pipe.names)


def _analyse_batch(batch: list[Doc], pipe: Pipeline, store: Store, report: BuildReport,
                   progress: Progress) -> None:
    if not batch:
        return
    parse_many(batch, pipe.ctx, batch_size=pipe.ctx.settings.batch_size)
    for doc in batch:
        path = doc.source.path
        try:
            pipe(doc)
        except Exception as e:  # a bug in one component must not lose the batch
            msg = f"{path}: analysis failed in the pipeline ({type(e).__name__}: {e}); please report this"
            report.failed.append((path, msg))
            progress.problem(path, msg)
            progress.advance(path, 0)
            continue
        doc.spacy = None  # free memory; the analysis is what is stored
        replaced = store.save_document(doc, pipeline_fingerprint(pipe))
        (report.replaced if replaced else report.built).append(path)
        words = len(doc.text.split())
        report.words += words
        progress.advance(path, words)


def analyse_text(text: str, settings: Settings, path: str = "<text>") -> Doc:
    """Run the document pipeline on a string (for tests, `chronica time` and the API)."""
    import hashlib

    from .doc import Source
    doc = Doc(Source(path, text, hashlib.sha256(text.encode()).hexdigest(), "txt"))
    return Pipeline(settings.document_pipeline, settings)(doc)


def source_paths(paths: list[str]) -> list[Path]:
    return discover(paths).files
