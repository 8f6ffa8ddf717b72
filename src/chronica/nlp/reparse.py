"""The ``reparse`` component: body sentences whose parse in the whole text runs across
their edge into a heading, caption or other non-body line glued to them ("Spain,
1871-73 / Vasek found refuge in Spain" makes the heading's word a subject) are parsed
again on their own, in one batch. Event extraction reads these parses instead of the
whole text's (``Doc.reparsed``); nothing else changes.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

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
    for sent in doc.sentences:
        if sent.kind != "body":
            continue
        span = doc.spacy.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is not None and len(span) and _crosses_line(doc, span):
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


def _crosses_line(doc: Doc, span) -> bool:
    """The parse links a word of the sentence with one in a heading, caption or other
    non-body line next to it: only then is the sentence worth parsing again on its own.
    Links into a neighbouring body sentence do no such harm."""
    text = doc.text
    a, b = span[0].idx, span[-1].idx + len(span[-1])
    for t in span:
        # a word's children lie within its subtree's edges: look at them only when those
        # edges leave the sentence (most words' do not; the edges cost nothing to read)
        inside = span.start <= t.left_edge.i and t.right_edge.i < span.end
        for o in ((t.head,) if inside else (t.head, *t.children)):
            if span.start <= o.i < span.end:
                continue
            lo, hi = (o.idx, a) if o.i < span.start else (b, o.idx)
            if "\n" in text[lo:hi] and _kind_at(doc, o.idx) != "body":
                return True
    return False


def _kind_at(doc: Doc, offset: int) -> str:
    starts = [s.start for s in doc.sentences]
    k = bisect_right(starts, offset) - 1
    return doc.sentences[k].kind if k >= 0 and offset < doc.sentences[k].end else "body"
