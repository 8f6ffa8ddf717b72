"""Cue tables (data/segment/zones.yaml) compiled once for the segmenter."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml
from chronica.resources import path as resource_path


@dataclass(frozen=True)
class ZoneCues:
    bibliography_headings: frozenset[str]
    credit_headings: frozenset[str]
    credit_lines: tuple[re.Pattern, ...]
    caption_cues: re.Pattern
    citation: re.Pattern

    def heading_zone(self, heading: str) -> str | None:
        key = normalise_heading(heading)
        if key in self.bibliography_headings:
            return "bibliography"
        if key in self.credit_headings:
            return "credit"
        return None

    def is_credit_line(self, block: str) -> bool:
        return any(p.search(block) for p in self.credit_lines)


def normalise_heading(text: str) -> str:
    return re.sub(r"[\s:#*]+", " ", text).strip().casefold()


@lru_cache(maxsize=1)
def load_zone_cues() -> ZoneCues:
    raw = yaml.safe_load(resource_path("segment/zones.yaml").read_text("utf-8"))
    cues = "|".join(re.escape(c) for c in raw["caption_cues"])
    return ZoneCues(
        bibliography_headings=frozenset(h.casefold() for h in raw["bibliography_headings"]),
        credit_headings=frozenset(h.casefold() for h in raw["credit_headings"]),
        credit_lines=tuple(re.compile(p, re.IGNORECASE) for p in raw["credit_line_patterns"] + raw.get("promo_patterns", [])),
        caption_cues=re.compile(rf"(?<!\w)(?:{cues})(?!\w)", re.IGNORECASE),
        citation=re.compile(raw["citation_pattern"]),
    )
