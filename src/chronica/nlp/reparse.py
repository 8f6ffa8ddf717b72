"""The ``reparse`` component: body sentences whose parse in the whole text runs across
their edge into a heading, caption or other non-body line glued to them ("Spain,
1871-73 / Vasek found refuge in Spain" makes the heading's word a subject) are parsed
again on their own, in one batch. Event extraction reads these parses instead of the
whole text's (``Doc.reparsed``); nothing else changes.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

import numpy as np

from ..doc import Doc
from ..components import Context, component
from .parse import spacy_model


@component("reparse", requires=("spacy", "sentences"), assigns=("reparsed",))
def reparse(doc: Doc, ctx: Context) -> None:
    doc.reparsed = reparse_glued(doc, spacy_model(ctx))


def reparse_glued(doc: Doc, nlp) -> dict[int, tuple[int, Any]]:
    """Sentence start -> (text offset, spaCy span) for each body sentence whose parse
    crosses into a non-body line, parsed again alone."""
    if nlp is None or doc.spacy is None:
        return {}
    todo = []
    links = _Links(doc.spacy)
    for sent in doc.sentences:
        if sent.kind != "body":
            continue
        span = doc.spacy.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is not None and len(span) and _crosses_line(doc, span, links):
            todo.append((sent.start, span[0].idx, doc.text[span[0].idx:span[-1].idx + len(span[-1])]))
    # the parse is what was wrong; the names the whole text's tagger found stay as they were
    parsed = nlp.pipe((t for _, _, t in todo), batch_size=32, disable=["ner"])
    out = {}
    whole = doc.spacy.ents if todo else ()  # made once: spaCy builds the tuple anew on each access
    for (key, at, text), d in zip(todo, parsed):
        ents = (d.char_span(e.start_char - at, e.end_char - at, label=e.label_)
                for e in whole if at <= e.start_char and e.end_char <= at + len(text))
        d.ents = [e for e in ents if e is not None]
        out[key] = (at, d[:])
    return out


class _Links:
    """The parse's links of a whole document as arrays, read once: each word's head, and
    the words ordered by their head (so a sentence's outside children are one slice)."""

    def __init__(self, sd):
        arr = sd.to_array(["HEAD", "IDX"]).astype("int64")  # HEAD: relative, stored unsigned
        self.idx = arr[:, 1].tolist()
        heads = arr[:, 0] + np.arange(len(sd), dtype="int64")
        self.heads = heads.tolist()
        self.by_head = np.argsort(heads, kind="stable")
        self.sorted_heads = heads[self.by_head]

    def outside(self, start: int, end: int) -> set[int]:
        """Words outside tokens [start, end) linked to one inside: heads and children."""
        out = {h for h in self.heads[start:end] if not start <= h < end}
        lo, hi = np.searchsorted(self.sorted_heads, [start, end], side="left")
        out.update(o for o in self.by_head[lo:hi].tolist() if not start <= o < end)
        return out


def _crosses_line(doc: Doc, span, links: _Links) -> bool:
    """The parse links a word of the sentence with one in a heading, caption or other
    non-body line next to it: only then is the sentence worth parsing again on its own.
    Links into a neighbouring body sentence do no such harm."""
    text = doc.text
    a, b = span[0].idx, span[-1].idx + len(span[-1])
    for o in links.outside(span.start, span.end):
        at = links.idx[o]
        lo, hi = (at, a) if o < span.start else (b, at)
        if "\n" in text[lo:hi] and _kind_at(doc, at) != "body":
            return True
    return False


def _kind_at(doc: Doc, offset: int) -> str:
    starts = [s.start for s in doc.sentences]
    k = bisect_right(starts, offset) - 1
    return doc.sentences[k].kind if k >= 0 and offset < doc.sentences[k].end else "body"
