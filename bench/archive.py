"""A synthetic archive for the scale benchmarks: "repeated and varied" copies of a few
analysed texts, made without analysing every copy again.

Copy k of a document renames most of its name words to made-up words of the same length
(so every offset stays true, in the text and in the analysis alike) and moves its years
by a copy-dependent shift; a quarter of the name words (chosen by the word, so the same
in every copy) are kept, as an archive's recurring famous names. Places are kept: an
archive tells many stories in the same cities.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from chronica.doc import Doc, Source

_NAME_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
_YEAR = re.compile(r"\b1[0-9]{3}\b")
_WHEN_KEYS = {"edtf", "earliest", "latest", "value", "anchor", "anchor_value"}


def _h(*parts: object) -> int:
    return int.from_bytes(hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).digest(), "big")


def made_up(word: str, copy: int) -> str:
    """A pronounceable stand-in of the same length (offsets stay true)."""
    if _h(word) % 4 == 0:
        return word  # a recurring name: the same in every copy
    cons, vows = "bcdfghklmnprstvz", "aeiou"
    x = _h(word, copy)
    out = []
    for i in range(len(word)):
        alphabet = cons if i % 2 == 0 else vows
        out.append(alphabet[x % len(alphabet)])
        x //= len(alphabet)
        if x == 0:
            x = _h(word, copy, i)
    return out[0].upper() + "".join(out[1:])


def vary_text(text: str, names: set[str], copy: int, shift: int) -> str:
    text = _NAME_WORD.sub(lambda m: made_up(m.group(), copy) if m.group() in names else m.group(), text)
    return _YEAR.sub(lambda m: str(min(1999, int(m.group()) + shift)), text)


def _vary_json(value, names: set[str], copy: int, shift: int, key: str = ""):
    if isinstance(value, dict):
        return {k: _vary_json(v, names, copy, shift, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_vary_json(v, names, copy, shift, key) for v in value]
    if isinstance(value, str):
        if key in _WHEN_KEYS:
            return _YEAR.sub(lambda m: str(min(1999, int(m.group()) + shift)), value)
        return vary_text(value, names, copy, shift)
    return value


def name_words(analysis: dict) -> set[str]:
    """The words of people's and groups' names: those the copies rename."""
    words = set()
    for e in analysis.get("entities", []):
        if e.get("type") in ("person", "group"):
            for form in [e.get("name", ""), *e.get("aliases", [])]:
                words.update(_NAME_WORD.findall(form))
    return words


def copy_doc(source: Source, analysis: dict, copy: int) -> Doc:
    """Copy ``copy`` of an analysed document, renamed and re-dated, as a Doc."""
    names = name_words(analysis)
    shift = (copy * 7) % 300 - 150 if copy else 0
    text = vary_text(source.text, names, copy, shift) + f"\n\nCopy {copy}.\n" if copy else source.text
    sha = hashlib.sha256(text.encode()).hexdigest()
    varied = _vary_json(analysis, names, copy, shift) if copy else analysis
    return Doc.from_analysis(Source(f"{source.path}#copy{copy}", text, sha, source.format, source.title), varied)


def copies(base: list[tuple[Source, dict]], n: int):
    """``n`` documents cycling through the base, each a different copy."""
    for i in range(n):
        source, analysis = base[i % len(base)]
        yield copy_doc(source, analysis, i // len(base))


def write_copies(base: list[tuple[Source, dict]], folder: Path, min_words: int) -> tuple[int, int]:
    """Copies written as text files until ``min_words`` words: for the builds."""
    folder.mkdir(parents=True, exist_ok=True)
    words = files = 0
    for doc in copies(base, 10 ** 9):
        if words >= min_words:
            break
        name = Path(doc.source.path.split("#")[0]).stem
        (folder / f"{files:06d}_{name}.txt").write_text(doc.text, encoding="utf-8")
        words += len(doc.text.split())
        files += 1
    return files, words


def load_base(store_url: str) -> list[tuple[Source, dict]]:
    """The analysed documents of a knowledge base, as (source, analysis) pairs."""
    from sqlalchemy import select

    from chronica.store import open_store
    from chronica.store import schema as t
    store = open_store(store_url, create=False)
    with store.engine.connect() as c:
        rows = c.execute(select(t.documents).order_by(t.documents.c.path)).all()
    store.close()
    return [(Source(r.path, r.text, r.sha256, r.format, r.title), json.loads(r.analysis)) for r in rows]
