"""Incremental cross-document updates: a base built in steps (documents added, one
changed) holds exactly what a full build of the final documents holds, on SQLite and on
a real PostgreSQL server; and the stage run island by island equals it run on the whole
corpus at once."""
from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from chronica.build import build, pipeline_fingerprint
from chronica.config import Settings
from chronica.corpus import Corpus
from chronica.doc import Doc
from chronica.incremental import update, whole
from chronica.ingest import read_source
from chronica.islands import document_keys, partition
from chronica.pipeline import Pipeline
from chronica.store import open_store
from corpus_paths import EXAMPLES

# fresh texts: two tellings of one harbour fire, a botanist's journey told twice, and a
# lone text on a bridge
TEXTS = {
    "fire-a.txt": "The Harbour Fire\n\nOn 14 March 1871 a fire broke out in the warehouses of Lisbon. "
                  "The merchant Tomas Ferreira Lobo lost his whole stock of cork. Lobo blamed the night "
                  "watchman, Rui Antunes, who had left his post. Antunes was dismissed a week later.\n",
    "fire-b.txt": "Fire on the Quay\n\nIn March 1872 fire swept through the quayside warehouses of Lisbon. "
                  "Tomas Ferreira Lobo, a cork merchant, was ruined. He accused the watchman Rui Antunes "
                  "of deserting his post, and Antunes was dismissed.\n",
    "botanist-a.txt": "A Journey East\n\nIn 1903 the botanist Ingrid Solheim sailed from Bergen to Yokohama. "
                      "She spent two years collecting mosses near Kyoto. Solheim returned to Norway in 1905.\n",
    "botanist-b.txt": "Mosses of Kyoto\n\nIngrid Solheim reached Yokohama in 1903 and worked near Kyoto for "
                      "three years before she returned to Norway in 1906.\n",
    "bridge.txt": "The Iron Bridge\n\nIn 1889 the engineer Pavel Drozdov finished an iron bridge over the "
                  "Volga at Syzran. Drozdov was given a medal by the railway company.\n",
}


def _examples() -> list[str]:
    return [str(p) for p in sorted(EXAMPLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.md"))]


def _write(folder: Path, names: list[str], changed: dict[str, str] | None = None) -> list[str]:
    folder.mkdir(exist_ok=True)
    out = []
    for name in names:
        p = folder / name
        p.write_text((changed or {}).get(name, TEXTS[name]), encoding="utf-8")
        out.append(str(p))
    return out


def _steps_equal_full(tmp_path: Path, url_of) -> None:
    """Base, then +3 documents, then one changed: after each step the incremental base
    equals a full build of the same documents."""
    texts = tmp_path / "texts"
    steps = [
        (["fire-a.txt", "botanist-a.txt"], None),
        (["fire-a.txt", "botanist-a.txt", "fire-b.txt", "botanist-b.txt", "bridge.txt"], None),
        (["fire-a.txt", "botanist-a.txt", "fire-b.txt", "botanist-b.txt", "bridge.txt"],
         {"botanist-b.txt": TEXTS["botanist-b.txt"].replace("three years", "two years").replace("1906", "1905")}),
    ]
    inc_url = url_of("inc")
    for n, (names, changed) in enumerate(steps):
        paths = _examples() + _write(texts, names, changed)
        report = build(paths, Settings(db_url=inc_url), open_store(inc_url), jobs=1)
        assert report.ok and report.update is not None
        if n > 0:
            assert not report.update.full
            assert len(report.built) + len(report.replaced) == (3 if n == 1 else 1)
        full_url = url_of(f"full{n}")
        build(paths, Settings(db_url=full_url), open_store(full_url), jobs=1)
        assert open_store(inc_url).export_dict() == open_store(full_url).export_dict(), f"step {n}"
        assert open_store(inc_url).event_roles() == open_store(full_url).event_roles(), f"step {n}"
    # the changed botanist text touched its own island only
    assert report.update.islands_rerun < report.update.islands_total


def test_incremental_steps_equal_full_builds_sqlite(tmp_path):
    _steps_equal_full(tmp_path, lambda name: f"sqlite:///{tmp_path / name}.db")


@pytest.mark.postgres
def test_incremental_steps_equal_full_builds_postgresql(tmp_path, postgres_url):
    _on_postgres(tmp_path, postgres_url, _steps_equal_full)


def _on_postgres(tmp_path: Path, postgres_url: str, check) -> None:
    """Run ``check`` with throwaway databases on the test server."""
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    made = []

    def url_of(name: str) -> str:
        db = f"incr_{name}_{uuid.uuid4().hex[:8]}"
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{db}"'))
        made.append(db)
        return postgres_url.rsplit("/", 1)[0] + "/" + db

    try:
        check(tmp_path, url_of)
    finally:
        with admin.connect() as c:
            for db in made:
                c.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        admin.dispose()


# ten more fresh texts for the base-plus-ten test: three retell the Louvre theft the
# examples tell (other dates, so conflicts change), the rest are stories of their own
# that share a city or a name word with the base
MORE = {
    "louvre-trial.txt": "The Trial in Florence\n\nIn June 1914 Vincenzo Peruggia stood trial in Florence for the "
                        "theft of the portrait from the Louvre. He told the court he had wanted to return the "
                        "painting to Italy. Peruggia was sentenced to a year and fifteen days in prison.\n",
    "louvre-return.txt": "Homecoming of a Portrait\n\nIn January 1914 the portrait went back to Paris by train. "
                         "Crowds filled the Louvre to see it hung again in the Salon Carre.\n",
    "louvre-guard.txt": "A Guard Remembers\n\nThe guard Marcel Dupuy said the theft was found on 23 August 1911, "
                        "when the painter Louis Beroud came to sketch the gallery.\n",
    "mill-strike.txt": "The Mill Strike\n\nIn May 1907 the weavers of Lodz stopped work. The mill owner Henryk "
                       "Wasilewski closed the gates, and the strike leader Jan Kowalczyk was arrested.\n",
    "observatory.txt": "A New Telescope\n\nIn 1897 the astronomer Edith Marlowe opened an observatory near "
                       "Edinburgh. Marlowe catalogued two hundred double stars before she died in 1921.\n",
    "canal.txt": "Digging the Canal\n\nWork on the canal at Gothenburg began in 1832 under the engineer Anders "
                 "Lindqvist. Lindqvist resigned in 1834 after a quarrel with the city council.\n",
    "flood.txt": "The Spring Flood\n\nIn April 1872 the river rose over the quays of Lisbon. Tomas Ferreira Lobo "
                 "moved his cork to a hill warehouse and lost nothing.\n",
}
TEXTS.update(MORE)
BASE = ["fire-a.txt", "botanist-a.txt"]
ADDED = ["fire-b.txt", "botanist-b.txt", "bridge.txt", *MORE]


def _base_plus_ten(tmp_path: Path, url_of) -> None:
    """The examples and two fresh texts, then ten documents more: the incremental base
    equals a build of all of them from scratch, and it left most of what it had stored
    untouched (the same stored rows, not rows written again)."""
    texts = tmp_path / "texts"
    inc_url = url_of("inc")
    base = _examples() + _write(texts, BASE)
    build(base, Settings(db_url=inc_url), open_store(inc_url), jobs=1)
    before = _unit_rows(inc_url)
    report = build(base + _write(texts, ADDED), Settings(db_url=inc_url), open_store(inc_url), jobs=1)
    assert len(report.built) == 10 and not report.update.full
    full_url = url_of("full")
    build(base + _write(texts, ADDED), Settings(db_url=full_url), open_store(full_url), jobs=1)
    assert open_store(inc_url).export_dict() == open_store(full_url).export_dict()
    # the participants' parts are stored beside the export and must follow it
    roles = open_store(inc_url).event_roles()
    assert roles and roles == open_store(full_url).event_roles()
    up = report.update
    assert up.units_kept > 0 and up.units_written > 0
    after = _unit_rows(inc_url)
    # a kept unit's row is the very row stored before (its physical id unchanged)
    kept = {u for u in before if before[u] == after.get(u)}
    assert len(kept) >= up.units_kept > 0
    # most event pairs kept the likeness the base stored; the new documents' were scored;
    # and what is stored for the next update is what a full build stores
    assert up.pairs_kept > 0 and up.pairs_scored > 0
    assert _likeness_rows(inc_url) == _likeness_rows(full_url) != set()


def _likeness_rows(url: str) -> set[tuple]:
    engine = create_engine(url)
    with engine.connect() as c:
        rows = set(map(tuple, c.execute(text("SELECT * FROM match_likeness"))))
    engine.dispose()
    return rows


def _unit_rows(url: str) -> dict[str, tuple]:
    """Each entity, event, relation and conflict row with its physical row id (SQLite's rowid,
    PostgreSQL's ctid: a row written again gets a new one)."""
    engine = create_engine(url)
    rowid = "rowid" if engine.dialect.name == "sqlite" else "ctid"
    out = {}
    with engine.connect() as c:
        for table in ("entities", "events", "relations", "conflicts"):
            for r in c.execute(text(f"SELECT id, CAST({rowid} AS TEXT) FROM {table}")):
                out[r[0]] = (table, r[1])
    engine.dispose()
    return out


def test_base_plus_ten_equals_full_build_sqlite(tmp_path):
    _base_plus_ten(tmp_path, lambda name: f"sqlite:///{tmp_path / name}.db")


@pytest.mark.postgres
def test_base_plus_ten_equals_full_build_postgresql(tmp_path, postgres_url):
    _on_postgres(tmp_path, postgres_url, _base_plus_ten)


def test_unchanged_rebuild_reruns_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    paths = _write(tmp_path / "t", ["fire-a.txt", "bridge.txt"])
    build(paths, Settings(db_url=url), open_store(url), jobs=1)
    again = build(paths, Settings(db_url=url), open_store(url), jobs=1)
    assert again.update is None and not again.corpus_rebuilt


def _summary(corpus: Corpus) -> dict:
    return {
        "entities": sorted((e.id, e.name, tuple(e.aliases), e.part_of, len(e.mentions)) for e in corpus.entities),
        "entity_of": sorted(corpus.entity_of.items()),
        "events": sorted((e.id, e.kind, e.where, tuple(e.who), tuple(e.sources), e.confidence) for e in corpus.events),
        "relations": sorted((r.id, r.source, r.target) for r in corpus.relations),
        "conflicts": sorted((k.id, k.kind, k.about) for k in corpus.conflicts),
    }


def test_islands_give_what_the_whole_corpus_gives(tmp_path):
    """On the examples and the fresh texts, the stage run island by island equals the
    stage run over all documents at once (the rare-word counts and the namesake frame,
    counted per island, change nothing here), and the fresh stories are islands apart."""
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    paths = _examples() + _write(tmp_path / "t", list(TEXTS))
    build(paths, Settings(db_url=url), open_store(url), jobs=1)
    docs = open_store(url).load_docs()
    settings = Settings()
    pipe = Pipeline(settings.corpus_pipeline, settings, level="corpus")
    at_once = pipe(Corpus(open_store(url).load_docs()))
    assert _summary(whole(docs, pipe)) == _summary(at_once)
    islands = partition({d.id: document_keys(d) for d in docs})
    by_path = {d.id: Path(d.source.path).name for d in docs}
    island_of = {by_path[d]: i.id for i in islands for d in i.docs}
    assert island_of["fire-a.txt"] == island_of["fire-b.txt"]
    assert island_of["botanist-a.txt"] == island_of["botanist-b.txt"]
    assert island_of["fire-a.txt"] != island_of["botanist-a.txt"]



def test_a_build_saving_first_makes_the_other_compute_again(tmp_path):
    """Two corpus stages at once: the second to save finds the stored result changed
    since it read the islands and computes again (without that check it would insert
    rows the first already stored). The other build runs inside this one's stage."""
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    t = tmp_path / "t"
    first, ours, other = (_write(t, names) for names in
                          (["fire-a.txt", "botanist-a.txt"], ["fire-b.txt"], ["botanist-b.txt", "bridge.txt"]))
    settings = Settings(db_url=url)
    build(first, settings, open_store(url), jobs=1)
    store = open_store(url)
    # fire-b stored by this build's document stage; its corpus stage is the update below
    doc_pipe = Pipeline(settings.document_pipeline, settings)
    source = read_source(Path(ours[0]), max_bytes=settings.max_bytes, encoding=settings.encoding)
    store.save_document(doc_pipe(Doc(source)), pipeline_fingerprint(doc_pipe))
    pipe = Pipeline(settings.corpus_pipeline, settings, level="corpus")
    raced = []

    def racing(corpus):
        if not raced:  # another build finishes while this stage computes
            raced.append(build(first + ours + other, settings, open_store(url), jobs=1))
        return pipe(corpus)

    update(store, racing, changed=[])
    assert raced and raced[0].update is not None
    full_url = f"sqlite:///{tmp_path / 'full.db'}"
    build(first + ours + other, Settings(db_url=full_url), open_store(full_url), jobs=1)
    assert open_store(url).export_dict() == open_store(full_url).export_dict()


def test_a_base_stored_without_unit_digests_is_rewritten_whole(tmp_path):
    """A base stored before the unit digests existed (none stored): the update writes
    every unit of the rerun islands again, and still equals a full build."""
    url, full_url = f"sqlite:///{tmp_path / 'kb.db'}", f"sqlite:///{tmp_path / 'full.db'}"
    t = tmp_path / "t"
    base = _write(t, ["fire-a.txt", "botanist-a.txt"])
    build(base, Settings(db_url=url), open_store(url), jobs=1)
    engine = create_engine(url)
    with engine.begin() as c:
        c.execute(text("DELETE FROM kb_digests"))
    engine.dispose()
    every = base + _write(t, ["fire-b.txt", "flood.txt"])
    report = build(every, Settings(db_url=url), open_store(url), jobs=1)
    assert report.update.units_kept == 0 and report.update.units_written > 0
    build(every, Settings(db_url=full_url), open_store(full_url), jobs=1)
    assert open_store(url).export_dict() == open_store(full_url).export_dict()


def test_stored_likenesses_are_met_again_by_another_process(tmp_path):
    """The item fingerprints do not depend on the process (a set's order changes with the
    string hash seed): the same documents analysed again with another seed meet every
    pair the first build stored, and store no other."""
    import os
    import subprocess
    import sys
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    paths = _examples() + _write(tmp_path / "t", ["fire-a.txt", "fire-b.txt", "botanist-a.txt", "botanist-b.txt"])
    runs = []
    for seed, force in (("1", []), ("2", ["--force"])):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        res = subprocess.run([sys.executable, "-m", "chronica.cli", "build", *paths, "--db", url, "--jobs", "1",
                              *force], env=env, capture_output=True, text=True)
        assert res.returncode == 0, res.stderr[-2000:]
        runs.append(_likeness_rows(url))
    assert len(runs[0]) > 10 and runs[0] == runs[1]
