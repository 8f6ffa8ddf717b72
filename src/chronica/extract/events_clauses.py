"""A happening's clause: the token range each happening of a sentence owns, trimmed
of joining words at its edges, and its character span (the event's evidence)."""
from __future__ import annotations

from ..doc import Doc
from ..model import Span
from ..resources import load
from .events_index import SentView
from .events_triggers import Happening


EDGE_DEPS = {"punct", "cc", "mark", "prep"}


EDGE_WORDS = frozenset(load("events/clause_words.yaml")["edge_words"])


def clause_ranges(span, kept: list[Happening]) -> list[tuple[int, int]]:
    """Token ranges [a, b) of each happening's clause (the whole sentence if alone)."""
    lo, hi = span.start, span.end
    if len(kept) == 1:
        # a semicolon parts two sentences in one: keep the happening's side
        anchor = kept[0].anchor
        semis = [t.i for t in span if t.text == ";"]
        a = max((i + 1 for i in semis if i < anchor), default=lo)
        b = min((i for i in semis if i > anchor), default=hi)
        return [(lo, hi)] if (a, b) == (lo, hi) else [trim_edges(span.doc, a, b)]
    owner: dict[int, Happening] = {}
    for h in kept:
        for i in h.owned:
            owner[i] = h
    runs = []
    for h in kept:
        a = b = h.anchor
        while a - 1 >= lo and owner.get(a - 1) in (h, None):
            a -= 1
        while b + 1 < hi and owner.get(b + 1) in (h, None):
            b += 1
        runs.append([a, b + 1])
    order = sorted(range(len(kept)), key=lambda k: runs[k][0])
    for x, y in zip(order, order[1:]):
        if runs[x][1] > runs[y][0]:
            last_owned = max((i for i in kept[x].owned if i < runs[y][1]), default=runs[x][0])
            runs[y][0] = max(runs[y][0], min(last_owned + 1, kept[y].anchor))
            runs[x][1] = min(runs[x][1], runs[y][0])
    # a clause that resumes after a happening nested in it ("remained there until his
    # death in 1821, devoting himself to his memoirs") keeps its tail
    for k, h in enumerate(kept):
        # (the closing full stop hangs on the main verb: it makes no tail)
        tail = max((i for i in h.owned if not span.doc[i].is_punct), default=runs[k][1] - 1)
        if tail >= runs[k][1] and all(
                g is h or _descends(span.doc[g.anchor], h.anchor) for i in range(runs[k][1], tail + 1)
                if (g := owner.get(i)) is not None):
            runs[k][1] = tail + 1
    return [trim_edges(span.doc, a, b) for a, b in runs]


def trim_edges(doc, a: int, b: int) -> tuple[int, int]:
    """Drop joining words and punctuation at a clause's edges ("..., and")."""
    while a < b - 1 and (doc[a].dep_ in EDGE_DEPS and doc[a].lower_ in EDGE_WORDS or doc[a].is_punct):
        a += 1
    while b - 1 > a and (doc[b - 1].lower_ in EDGE_WORDS or doc[b - 1].is_punct and doc[b - 1].text not in ").»”'\""
                         or _dangling(doc[b - 1], a, b)):
        b -= 1
    return a, b


def _dangling(tok, a: int, b: int) -> bool:
    """A preposition or subordinator whose phrase lies outside the clause ("Chile,
    before" | "at last settling in ...")."""
    return tok.dep_ in ("prep", "mark") and tok.pos_ in ("ADP", "SCONJ") and not any(
        a <= c.i < b for c in tok.children)


def _descends(tok, ancestor: int) -> bool:
    for a in tok.ancestors:
        if a.i == ancestor:
            return True
    return False


def clause_span(doc: Doc, view: SentView, a: int, b: int) -> Span:
    sdoc = view.doc
    return trimmed_span(doc, view.offset(sdoc[a]), view.end_offset(sdoc[b - 1]))


def trimmed_span(doc: Doc, start: int, end: int) -> Span:
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])
