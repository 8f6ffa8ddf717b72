"""A place name's index key, as the gazetteer files it: ``normalise("St. Helena")`` is
"saint helena" (casefolded, accents and punctuation gone, the language's abbreviations
written out, see ``places/place_words.yaml``). For stages that compare place names
without a gazetteer at hand."""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from . import default
from .gazetteer import abbreviations_of, place_key


@lru_cache(maxsize=4096)  # place names recur in every document: key each once (bounded like fold: flat memory)
def normalise(name: str) -> str:
    """The gazetteer's key for ``name`` (the default language's abbreviations)."""
    return place_key(name, _abbreviations())


@lru_cache(maxsize=1)
def _abbreviations() -> Mapping[str, str]:
    return abbreviations_of(default())
