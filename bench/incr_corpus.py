"""The incremental figure's two corpora (bench/scale.py --only incremental).

``paragraphs`` (the figure's first corpus): the copies of bench/archive.py cut into
paragraphs of 60 words or more. Every copy keeps every place, so a base of 1,000 holds
each paragraph some 25 times over, in the same cities with the same words.

``varied``: the same cut, from twice as many source texts (the development texts of
both corpora, the lockbox left out), and the copies rename three quarters of the
place names as well as the people's (archive.made_up keeps a quarter of the words, by
the word, as an archive's recurring cities; countries, states, seas and continents all
stay). Copies of one story are no
longer told in the very same towns, while documents still meet in the places an
archive's stories share.

Both corpora come out as one island (see the bench's island column): unrelated real
texts already share a country, a common given name or a head word, which is what the
island partition joins on. That is why an update reruns the stage on the whole base.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from archive import _NAME_WORD, copies, name_words, vary_text

from chronica.doc import Source


KEPT_FEATURES = ("country", "state", "continent", "ocean", "sea")  # what stories of an archive share


def place_words(analysis: dict) -> set[str]:
    """The words of the names of the places smaller than a country."""
    words = set()
    for e in analysis.get("entities", []):
        if e.get("type") == "place" and (e.get("place") or {}).get("feature") not in KEPT_FEATURES:
            for form in [e.get("name", ""), *e.get("aliases", [])]:
                words.update(_NAME_WORD.findall(form))
    return words


def varied_text(text: str, analysis: dict, copy: int) -> str:
    """Copy ``copy`` of a text with people and most places renamed (copy 0: the text)."""
    if not copy:
        return text
    words = name_words(analysis) | place_words(analysis)
    return vary_text(text, words, copy, (copy * 7) % 300 - 150) + f"\n\nCopy {copy}.\n"


def paragraphs(texts: Iterator[str], folder: Path, extra: Path, n_docs: int) -> None:
    """The texts' paragraphs of 60 words or more: ``n_docs`` into ``folder``, ten more
    into ``extra``."""
    folder.mkdir(parents=True)
    extra.mkdir(parents=True)
    made = 0
    for text in texts:
        for para in (p for p in text.split("\n\n") if len(p.split()) >= 60):
            target = folder if made < n_docs else extra
            (target / f"{made:05d}.txt").write_text(para + "\n", encoding="utf-8")
            made += 1
            if made >= n_docs + 10:
                return


def old_texts(base: list[tuple[Source, dict]]) -> Iterator[str]:
    return (doc.text for doc in copies(base, 10 ** 9))


def varied_texts(base: list[tuple[Source, dict]]) -> Iterator[str]:
    for i in range(10 ** 9):
        source, analysis = base[i % len(base)]
        yield varied_text(source.text, analysis, i // len(base))


def lockbox_texts() -> set[str]:
    """The extraction benches' lockbox texts (bench/README.md): never built here."""
    from corpora import CORPORA, gold_files
    if not all(gold_dir.is_dir() for gold_dir, _ in CORPORA.values()):
        return set()
    return {doc.name for g in gold_files() if g.lockbox for doc in g.docs}
