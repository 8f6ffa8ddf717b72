"""Trigger windows are a speed-up only: they must find exactly what whole-text scanning finds."""
from pathlib import Path

import pytest

from chronica.time import TimeTagger
from chronica.time.rules import windows

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
TEXTS = [
    "On the evening of March 15, 1917, at about 10 p.m., the abdication was signed; two days later the capital cheered.",
    "The Kaiserliche Marine's High Seas Fleet sailed in May 1916 and again in mid-March.",
    "Sept. 1, 1939: three weeks later, the 1930s were over (1926-2023). Every day since 480 BC.",
]


def _found(tagger, text):
    return [(p.rule, p.start, p.end) for p in tagger._candidates(text)]


def _texts():
    out = list(TEXTS)
    for folder in (SHARED / "seeds", SHARED / "eval" / "texts"):
        if folder.exists():
            out += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return out


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:30])
def test_rules_triggers_find_what_a_full_scan_finds(tagger, text):
    full = TimeTagger(tagger.lexicon, tagger.rules, None)
    assert _found(tagger, text) == _found(full, text)


def test_rules_triggers_skip_a_rule_without_its_words(tagger):
    offset = next(r for r in tagger.rules if r.name == "offset")
    text = "The army had three divisions and many guns."
    assert windows(offset, tagger.triggers.scan(text), text) == []
    text = "Three days later the army moved."
    assert windows(offset, tagger.triggers.scan(text), text) != []
