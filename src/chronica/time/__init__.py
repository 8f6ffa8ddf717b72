"""``chronica.time``: the temporal engine (rules as data, narrative-time anchoring).

    from chronica.time import TimeTagger
    res = TimeTagger.load().tag(text, anchor=None, genre="narrative", headings=())
"""
from .edtf import parse_edtf_bounds
from .tagger import TagResult, TimeTagger
from . import component  # noqa: F401  (registers the tag_time pipeline component)

__all__ = ["TimeTagger", "TagResult", "parse_edtf_bounds"]
