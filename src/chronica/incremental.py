"""The cross-document stage, island by island (see :mod:`chronica.islands`): a build
that adds or changes a few documents reruns it only on the islands they touch.

What is rerun: the islands holding a stored document that shares a key with a new or
re-analysed document, and those a removed document was in (they may split), together
with the new documents; the islands are found again among those documents, the corpus
pipeline runs on each, and their knowledge-base rows replace the old islands' rows in
one transaction. Every other island keeps its rows: a full rebuild would compute the
very same rows for it, since nothing it could be compared with has changed. Within a
rerun island, an entity, event, relation or conflict that comes out as it was stored
keeps its stored rows (:mod:`chronica.store.kb_units`): only what changed is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from sqlalchemy import delete, insert, select

from .corpus import Corpus
from .doc import Doc
from .islands import Island, document_keys, partition
from .pipeline import Pipeline
from .reconcile.match_memo import MEMO_KEY, LikenessMemo, scoring_version
from .store import Store
from .store import islands as stored
from .store import likeness as stored_likeness
from .store import schema as t
from .store.concurrency import lock_keys
from .store.kb_units import UnitChanges, replace_units, units_of, write_units
from .store.repository import CORPUS_DIGEST, kb_rows
from .store.roles import event_roles
from .store.safety import write_errors


@dataclass
class UpdateReport:
    full: bool  # every island was computed (first run, --force, or no island state stored)
    islands_total: int  # islands after the update
    islands_rerun: int
    documents_rerun: int
    units_kept: int = 0  # entities, events, relations, conflicts of rerun islands left as stored
    units_written: int = 0  # ... written (new or changed)
    units_deleted: int = 0  # ... gone
    pairs_kept: int = 0  # event pairs whose likeness the last build stored (not scored again)
    pairs_scored: int = 0  # ... scored in this one (a side new or changed)


def update(store: Store, corpus_pipe: Pipeline, changed: Iterable[str] = (), force: bool = False,
           on_island: Callable[[int, int], None] | None = None) -> UpdateReport | None:
    """Bring the knowledge base up to date with the stored documents; ``changed`` are
    the ids of documents analysed in this build (re-analysed ones keep their id).
    Returns None when nothing had to change. Another build that saved its result while
    this one computed (both read the same islands) makes this one compute again."""
    changed = set(changed)
    for _ in range(RETRIES):
        try:
            return _update(store, corpus_pipe, changed, force, on_island)
        except _Raced:
            continue
    return _update(store, corpus_pipe, changed, True, on_island)  # a full rerun cannot be out of date


RETRIES = 3


class _Raced(Exception):
    """The stored result changed between reading the islands and saving."""


def _update(store: Store, corpus_pipe: Pipeline, changed: set[str], force: bool,
            on_island: Callable[[int, int], None] | None) -> UpdateReport | None:
    digest = store.document_digest()
    read_kb = store.kb_digest()
    if not force and not changed and digest == read_kb:
        return None
    with store.engine.connect() as c:
        current = set(c.execute(select(t.documents.c.id)).scalars())
        island_of = stored.stored_islands(c)
    full = force or not island_of or read_kb is None
    if full:
        docs = stored.load_docs(store.engine, current)
        keys = {d.id: document_keys(d) for d in docs}
        old_islands, old_docs, fresh = set(island_of.values()), set(island_of), set(keys)
    else:
        docs, keys, old_islands, old_docs, fresh = _touched(store, current, island_of, changed)
    islands = partition(keys)
    by_id = {d.id: d for d in docs}
    likeness = _Likeness.read(store, corpus_pipe, None if full else old_islands)
    results = []
    cache = corpus_pipe.ctx.cache if isinstance(corpus_pipe, Pipeline) else {}
    cache[MEMO_KEY] = likeness.memo
    try:
        for n, island in enumerate(islands):
            likeness.memo.island = island.id
            results.append((island, corpus_pipe(island_corpus(island, by_id))))
            if on_island:
                on_island(n + 1, len(islands))
    finally:
        cache.pop(MEMO_KEY, None)
    units = _save(store, results, _Saving(keys, fresh, old_islands, old_docs, likeness), digest, full, read_kb)
    kept = len(set(island_of[d] for d in current if d in island_of and island_of[d] not in old_islands))
    return UpdateReport(full, kept + len(islands), len(islands), len(docs),
                        units.kept, units.written, units.deleted, len(likeness.memo.met), len(likeness.memo.scored))


def _touched(store: Store, current: set[str], island_of: dict[str, str], changed: set[str]):
    """The documents to rerun (new and changed ones, and every document of an island
    they touch or a removed document leaves), their keys, and the islands they replace."""
    fresh_ids = (current - set(island_of)) | (changed & current)
    fresh = stored.load_docs(store.engine, fresh_ids)
    keys = {d.id: document_keys(d) for d in fresh}
    gone = set(island_of) - current
    with store.engine.connect() as c:
        sharing = stored.documents_sharing(c, set().union(*keys.values()))
        old_islands = {island_of[d] for d in sharing | gone | (changed & set(island_of)) if d in island_of}
        members = {d for d, i in island_of.items() if i in old_islands}
        kept = members - gone - fresh_ids
        keys.update(stored.keys_of(c, kept))
    docs = fresh + stored.load_docs(store.engine, kept)
    return docs, keys, old_islands, members | gone | fresh_ids, {d.id for d in fresh}


@dataclass
class _Likeness:
    """The matcher's pair likenesses: those stored for the rerun islands, and the memo
    the matcher reads them from and records this run's in."""
    version: str
    loaded: stored_likeness.Pairs
    memo: LikenessMemo

    @classmethod
    def read(cls, store: Store, corpus_pipe: Pipeline, islands: set[str] | None) -> "_Likeness":
        # a corpus stage that is no Pipeline (a test's wrapper) takes no memo: whatever
        # is stored is dropped at the save, never read as another version's
        version = (scoring_version(corpus_pipe.ctx.settings.match.events) if isinstance(corpus_pipe, Pipeline)
                   else "")
        with store.engine.connect() as c:
            loaded = stored_likeness.load(c, version, islands)
        return cls(version, loaded, LikenessMemo(known=loaded))

    def save(self, conn) -> None:
        stored_likeness.save(conn, self.version, self.loaded, self.memo.met, {**self.memo.scored, **self.memo.moved})


@dataclass
class _Saving:
    keys: dict[str, set[str]]  # every rerun document's keys
    fresh: set[str]  # the new and re-analysed documents among them
    old_islands: set[str]  # the stored islands the rerun replaces
    old_docs: set[str]  # their documents, and the removed ones
    likeness: _Likeness  # the matcher's pair likenesses, read and used


def _save(store: Store, results: list[tuple[Island, Corpus]], saving: _Saving, digest: str, full: bool,
          read_kb: str | None) -> UnitChanges:
    """Replace the old islands' rows by the new ones, with the digest, in one
    transaction; units stored as they come out again are left alone."""
    new_units, unit_island = {}, {}
    for island, corpus in results:
        for uid, unit in units_of(kb_rows(corpus)).items():
            new_units[uid] = unit
            unit_island[uid] = (island.id, unit.kind)
    island_of = {d.id: island.id for island, corpus in results for d in corpus.docs}
    fresh_keys = {d: saving.keys.get(d, set()) for d in (saving.fresh if not full else saving.keys)}
    with write_errors(store.url), store.engine.begin() as c:
        lock_keys(c, "kb")  # one corpus stage writes at a time
        now = c.execute(select(t.meta.c.value).where(t.meta.c.key == CORPUS_DIGEST)).scalar()
        if not full and now != read_kb:
            raise _Raced()
        if full:
            for table in [event_roles] + t.KB_TABLES + stored.ISLAND_TABLES:
                c.execute(delete(table))
            write_units(c, list(new_units.values()))
            changes, old_rows = UnitChanges(written=len(new_units)), {}
        else:
            old_rows = stored.rows_of_islands(c, saving.old_islands)
            changes = replace_units(c, {u: kind for u, (_, kind) in old_rows.items()}, new_units, stored.chunks)
        stored.replace_island_rows(c, old_rows, unit_island)
        stored.replace_island_docs(c, saving.old_docs, island_of, fresh_keys)
        saving.likeness.save(c)
        c.execute(delete(t.meta).where(t.meta.c.key == CORPUS_DIGEST))
        c.execute(insert(t.meta).values(key=CORPUS_DIGEST, value=digest))
    return changes


def island_corpus(island: Island, by_id: dict[str, Doc]) -> Corpus:
    """The island's documents in path order, the order a run over the whole corpus
    reads them in (a merged entity lists its aliases in the order its documents come)."""
    return Corpus(sorted((by_id[d] for d in island.docs), key=lambda d: (d.source.path, d.id)))


def whole(docs: list[Doc], corpus_pipe: Pipeline) -> Corpus:
    """The corpus stage over ``docs`` island by island, put together as one corpus (what
    a full build stores; for benches and tests)."""
    by_id = {d.id: d for d in docs}
    out = Corpus(docs)
    for island in partition({d.id: document_keys(d) for d in docs}):
        part = corpus_pipe(island_corpus(island, by_id))
        out.entities += part.entities
        out.entity_of.update(part.entity_of)
        out.relations += part.relations
        out.events += part.events
        out.event_of.update(part.event_of)
        out.conflicts += part.conflicts
    return out
