"""The ``tag_time`` document component."""
from __future__ import annotations

from ..components import component
from .tagger import TimeTagger


@component("tag_time", requires=("sentences", "sections"), assigns=("timexes", "narrative_time"))
def tag_time(doc, ctx) -> None:
    tagger = ctx.resource("time.tagger", TimeTagger.load)
    headings = [(s.heading.start, s.heading.end) for s in doc.sections]
    genre = getattr(ctx.settings, "genre", "narrative") or "narrative"
    res = tagger.tag(doc.text, anchor=None, genre=genre, headings=headings)
    doc.timexes = res.timexes
    doc.narrative_time = res.narrative_time
