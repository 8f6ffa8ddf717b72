"""Ships, trains and aircraft by name: "HMS Pandora", "SS Mercator", "the Pandora".

A name after a vessel prefix of ``lang/en/names/lexicon.yaml`` (HMS, USS, SMS, ORP ...) is
a vehicle wherever it stands, even when the model finds nothing there; the same name
written without its prefix in that text ("the Pandora") is the same vessel.
"""
from __future__ import annotations

from .token_table import words as token_words


def prefixed_spans(sd, prefixes: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans "PREFIX Name ..." (capitalised words after the prefix)."""
    out = []
    words = token_words(sd)
    for i in range(len(words) - 1):
        if words[i] not in prefixes:  # the text first: a token only for a prefix
            continue
        tok = sd[i]
        if tok.whitespace_ != " ":
            continue
        j = tok.i + 1
        while j < len(sd) and sd[j].text[:1].isupper() and sd[j].text.replace("-", "").isalpha() \
                and sd[j].text not in prefixes:
            j += 1
            if not sd[j - 1].whitespace_:
                break
        if j > tok.i + 1:
            out.append((tok.idx, sd[j - 1].idx + len(sd[j - 1].text)))
    return out


def unprefixed_names(texts_types: list[tuple[str, str]], prefixes: frozenset[str]) -> set[str]:
    """The names of the text's vehicles without their prefixes: {"Pandora"} for "HMS Pandora"."""
    out = set()
    for text, t in texts_types:
        words = text.split()
        if t == "vehicle" and len(words) > 1 and words[0] in prefixes:
            out.add(" ".join(words[1:]))
    return out
