"""``chronica build --jobs N``: worker processes give the knowledge base one process gives;
sources stream through in bounded partitions."""
from __future__ import annotations

import hashlib

from chronica.build import build
from chronica.config import Settings
from chronica.doc import Source
from chronica.parallel import partitions
from chronica.store import open_store
from corpus_paths import EXAMPLES


def _source(name: str, words: int) -> Source:
    text = " ".join(["word"] * words)
    return Source(name, text, hashlib.sha256((name + text).encode()).hexdigest(), "txt")


def test_partitions_keep_to_their_bounds_and_lose_nothing():
    sources = [_source(f"d{i}.txt", n) for i, n in enumerate([10, 10, 10, 50, 5, 200, 1, 1, 1])]
    parts = list(partitions(iter(sources), max_docs=3, max_words=40))
    assert [s.path for p in parts for s in p] == [s.path for s in sources]  # in order, all of them
    for p in parts:
        assert len(p) <= 3
        assert len(p) == 1 or sum(len(s.text.split()) for s in p) <= 40  # a big one goes alone
    assert [len(p) for p in parts] == [3, 1, 1, 1, 3]


def test_jobs_2_builds_the_same_knowledge_base_as_one_process(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    base = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))] + \
           [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md"))]
    for i in range(18):  # several partitions of batch_size documents
        (src / f"doc{i:02d}.txt").write_text(base[i % len(base)] + f"\nCopy {i} was bound in {1950 + i}.\n",
                                             encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")  # bad input: reported, the rest is built
    one_url, two_url = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    one = build([str(src)], Settings(db_url=one_url), open_store(one_url), jobs=1)
    two = build([str(src)], Settings(db_url=two_url), open_store(two_url), jobs=2)
    assert sorted(two.built) == sorted(one.built) and len(two.built) == 18
    assert [p for p, _ in two.failed] == [str(src / "empty.txt")]
    assert two.words == one.words
    exported = open_store(two_url).export_dict()
    assert exported == open_store(one_url).export_dict()
    assert exported["events"]
    again = build([str(src)], Settings(db_url=two_url), open_store(two_url), jobs=2)
    assert len(again.unchanged) == 18 and not again.built
