"""The document stage on a Dask distributed cluster: ``chronica build --dask SCHEDULER``.

* the model and rule sets load once per worker, in a ``WorkerPlugin`` (again on a
  worker the nanny restarts);
* documents travel in coarse partitions (tens of thousands of words), a few per worker
  in flight, so the client streams the corpus instead of holding it;
* workers return plain records (paths, word counts, analyses as JSON), never spaCy
  objects;
* into PostgreSQL the workers write themselves, one transaction per document under
  per-document advisory locks (``Store.save_analysis``), so re-runs and retried
  partitions are idempotent; into SQLite (one file, one writer) the client writes;
* a partition whose worker dies is retried on another; one that still fails is
  reported, file by file, and the next build analyses those files again;
* the progress bar advances as partitions finish on the cluster.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from typing import Iterable, Iterator

from distributed import Client, LocalCluster, as_completed, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from .config import Settings
from .doc import Source
from .errors import ConfigError
from .nlp.parse import spacy_model
from .parallel import DocRecord, analyse_partition, failed_records, partitions
from .pipeline import Pipeline
from .store import Store

PLUGIN = "chronica-model"
PARTITION_DOCS = 64
RETRIES = 2


class ChronicaModel(WorkerPlugin):
    """Loads the document pipeline (and, for PostgreSQL, opens the store) once per worker."""

    def __init__(self, settings: Settings, store_url: str | None, fingerprint: str):
        # one plugin per knowledge base and pipeline: two builds sharing a cluster keep theirs
        key = hashlib.sha256(f"{store_url}|{fingerprint}|{settings!r}".encode()).hexdigest()[:12]
        self.name = f"{PLUGIN}-{key}"
        self.settings = settings
        self.store_url = store_url
        self.fingerprint = fingerprint
        self.pipe: Pipeline | None = None
        self.store: Store | None = None

    def setup(self, worker) -> None:
        self.pipe = Pipeline(self.settings.document_pipeline, self.settings)
        spacy_model(self.pipe.ctx)
        if self.store_url:
            self.store = Store(self.store_url, create=False)

    def teardown(self, worker) -> None:
        if self.store is not None:
            self.store.close()


def analyse_on_worker(sources: list[Source], plugin: str) -> list[DocRecord]:
    """One partition, on a worker: analyse, store each document as soon as it is
    analysed (PostgreSQL), return small records."""
    model: ChronicaModel = get_worker().plugins[plugin]
    if model.store is None:
        return list(analyse_partition(sources, model.pipe))
    out = []
    for r in analyse_partition(sources, model.pipe):
        if r.error is None:
            r.replaced = model.store.save_analysis(r.source, r.analysis, model.fingerprint)
            r.written, r.analysis = True, None
        out.append(replace(r, source=replace(r.source, text="")))  # the client needs the path only
    return out


def connect(scheduler: str) -> tuple[Client, LocalCluster | None]:
    """A client for ``tcp://host:port`` (an existing cluster) or ``local:N`` (a
    LocalCluster of N single-threaded worker processes, started here)."""
    if scheduler.startswith("local:"):
        try:
            n = int(scheduler.split(":", 1)[1])
        except ValueError:
            n = 0
        if n < 1:
            raise ConfigError(f"--dask {scheduler!r}: write local:N with N workers, e.g. local:2")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout="30s"), None
    except (OSError, TimeoutError) as e:
        raise ConfigError(f"--dask {scheduler!r}: cannot reach the Dask scheduler ({e}); "
                          f"start one with `dask scheduler` or use local:N") from None


class DaskAnalyser:
    def __init__(self, scheduler: str, settings: Settings, store_url: str, fingerprint: str):
        self.scheduler = scheduler
        self.settings = settings
        writes_on_workers = store_url.startswith("postgresql")
        self.plugin = ChronicaModel(settings, store_url if writes_on_workers else None, fingerprint)
        self.client: Client | None = None
        self.cluster: LocalCluster | None = None

    def _start(self) -> Client:
        """Connect (and start a LocalCluster) only when there is something to analyse."""
        if self.client is None:
            self.client, self.cluster = connect(self.scheduler)
            try:
                self.client.register_plugin(self.plugin)
            except Exception as e:  # typically: Chronica or its model missing on a worker
                self.close()
                raise ConfigError(f"--dask {self.scheduler}: the workers cannot load Chronica's pipeline "
                                  f"({type(e).__name__}: {e}); install Chronica and its model on every "
                                  f"worker (`make setup` or `pip install .`)") from None
        return self.client

    def run(self, sources: Iterable[Source]) -> Iterator[DocRecord]:
        parts = iter(partitions(sources, PARTITION_DOCS, self.settings.partition_words))
        first = next(parts, None)
        if first is None:
            return  # nothing to analyse: no cluster started
        client = self._start()
        sent: dict[str, list[Source]] = {}  # task key -> its documents (paths only)

        def submit(part: list[Source]):
            fut = client.submit(analyse_on_worker, part, self.plugin.name, retries=RETRIES, pure=False)
            sent[fut.key] = [replace(s, text="") for s in part]
            return fut

        running = as_completed([submit(first)])
        # a few partitions per worker in flight: none idles, the client holds little
        for _ in range(2 * max(1, len(client.nthreads())) - 1):
            self._submit_next(parts, submit, running)
        for fut in running:
            yield from self._records(fut, sent.pop(fut.key))
            fut.release()
            self._submit_next(parts, submit, running)

    @staticmethod
    def _submit_next(parts: Iterator[list[Source]], submit, running: as_completed) -> None:
        part = next(parts, None)
        if part is not None:
            running.add(submit(part))

    @staticmethod
    def _records(fut, part: list[Source]) -> list[DocRecord]:
        try:
            return fut.result()
        except Exception as e:  # failed RETRIES+1 times, or its workers kept dying
            return failed_records(part, f"its partition failed on the Dask cluster ({type(e).__name__}: {e})")

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
