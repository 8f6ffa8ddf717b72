"""Documents written with their mentions marked, for entity tests that must not depend
on NER: ``[Leo Tolstoy]`` is a person, ``[Paris|place]`` a place. A line starting
with ``== `` is a heading that opens a new section; other lines are split into
sentences at . ! ? (a trailing ``*`` on a line makes it a bibliography line whose
mentions are cited)."""
from __future__ import annotations

import hashlib
import re

from chronica.doc import Doc, Source
from chronica.model import Mention, Section, Sentence, Span

_MARK = re.compile(r"\[(?P<text>[^\]|]+)(?:\|(?P<type>\w+))?\]")


def marked_doc(marked: str, path: str = "<marked>") -> Doc:
    text, mentions, pos = [], [], 0
    for m in _MARK.finditer(marked):
        text.append(marked[pos:m.start()])
        start = sum(map(len, text))
        text.append(m.group("text"))
        t = m.group("type") or "person"
        mentions.append(Mention(start, start + len(m.group("text")), m.group("text"),
                                t.upper(), t))
        pos = m.end()
    text.append(marked[pos:])
    plain = "".join(text)
    doc = Doc(Source(path, plain, hashlib.sha256(plain.encode()).hexdigest(), "txt"))
    section = 0
    offset = 0
    for line in plain.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        if line.startswith("== "):
            section += 1
            doc.sections.append(Section(Span(start, end, line), start, end))
            doc.sentences.append(Sentence(start, end, "heading", section))
            continue
        kind = "bibliography" if line.endswith("*") else "body"
        for s in re.finditer(r"[^.!?]+[.!?]*", line):
            if s.group().strip():
                doc.sentences.append(Sentence(start + s.start(), start + s.end(), kind, section))
    for m in mentions:
        s = doc.sentence_at(m.start)
        m.cited = s is not None and s.kind == "bibliography"
    doc.mentions = mentions
    return doc


def groups(doc: Doc) -> list[set[str]]:
    """The entities as sets of mention texts (for readable assertions)."""
    return [{doc.mentions[i].text for i in e.mentions} for e in doc.entities]


def same(doc: Doc, a: str, b: str) -> bool:
    """Whether the first mention reading ``a`` and the first reading ``b`` share an entity."""
    ea = next(m.entity for m in doc.mentions if m.text == a)
    eb = next(m.entity for m in doc.mentions if m.text == b)
    return ea == eb
