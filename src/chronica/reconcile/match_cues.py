"""The head word ("cue") of an event's telling, reduced so that two sources' inflections
and synonyms meet ("assassinated" / "killed", "visited" / "visit"), and the matcher's
general word lists (data/reconcile/match.yaml)."""
from __future__ import annotations

from functools import lru_cache

import yaml
from chronica.resources import path as resource_path


@lru_cache(maxsize=1)
def _config() -> dict:
    text = resource_path("reconcile/match.yaml").read_text("utf-8")
    return yaml.safe_load(text) or {}


@lru_cache(maxsize=1)
def light_cues() -> frozenset[str]:
    return frozenset(str(w).casefold() for w in _config().get("light_cues") or ())


@lru_cache(maxsize=1)
def stative_kinds() -> frozenset[str]:
    return frozenset(str(k) for k in _config().get("stative_kinds") or ())


_ENDINGS = ("ing", "ed", "es", "s")
CUE_LEN = 5  # letters kept: "arrived"/"arrive"/"arriving" all become "arriv"


def cue_of(trigger: str | None, families: dict[str, str]) -> str:
    """The trigger's word family ("~kill"), else its inflection-stripped stem; "" for
    no trigger, a light verb or a word too short to tell anything."""
    if not trigger:
        return ""
    word = trigger.strip().casefold()
    if not word.isalpha() or word in light_cues():
        return ""
    if word[:6] in families:
        return families[word[:6]]
    base = word
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            base = word[: -len(end)]
            for b in (base, base + "e"):
                if b[:6] in families:
                    return families[b[:6]]
            if len(base) > 3 and base[-1] == base[-2]:
                base = base[:-1]  # "stopped" -> "stop"
            break
    return base[:CUE_LEN] if len(base) >= 3 else ""
