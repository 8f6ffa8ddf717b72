"""The on-disk cache of compiled rule patterns (chronica.time.recache)."""
from __future__ import annotations

import re

from chronica.time.recache import PatternCache

PATTERNS = [(r"(?<!\w)(?:the\s+(?P<n>\d+)(?:st|nd|rd|th)\s+century)(?!\w)", re.I),
            (r"(?:jan(?:uary)?|feb(?:ruary)?)\.?\s+(\d{1,2})", 0)]
TEXTS = ["In the 12th century the abbey grew.", "Feb. 14 and January 3", "nothing here"]


def _findings(rx: re.Pattern) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for t in TEXTS for m in rx.finditer(t)]


def test_a_cached_pattern_matches_exactly_as_re_compiles_it(tmp_path):
    path = tmp_path / "rx.marshal"
    first = PatternCache(path)
    fresh = [first.compile(p, f) for p, f in PATTERNS]
    first.save()
    assert path.exists()
    again = PatternCache(path)
    cached = [again.compile(p, f) for p, f in PATTERNS]
    assert not again.dirty  # every pattern came from the file
    for (p, f), a, b in zip(PATTERNS, fresh, cached):
        ref = re.compile(p, f)
        assert _findings(a) == _findings(b) == _findings(ref)
        assert b.groupindex == ref.groupindex and b.flags == ref.flags


def test_a_damaged_or_missing_cache_is_compiled_afresh(tmp_path):
    path = tmp_path / "rx.marshal"
    path.write_bytes(b"not a marshal file")
    cache = PatternCache(path)
    rx = cache.compile(*PATTERNS[1])
    assert _findings(rx) == _findings(re.compile(*PATTERNS[1]))
    unwritable = PatternCache(tmp_path / "missing-dir" / "sub" / "rx.marshal")
    unwritable.compile(*PATTERNS[0])
    unwritable.save()  # creates the folder; never raises
    assert PatternCache(None).compile(*PATTERNS[0]).search(TEXTS[0])


def test_built_data_is_kept_until_a_source_changes(tmp_path, monkeypatch):
    from chronica.time.recache import cached_build
    monkeypatch.setenv("CHRONICA_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "table.yaml"
    src.write_text("a: 1\n")
    calls = []
    build = lambda: calls.append(1) or {"rows": [1, 2, 3]}
    assert cached_build([src], build) == {"rows": [1, 2, 3]}
    assert cached_build([src], build) == {"rows": [1, 2, 3]} and len(calls) == 1  # read back
    src.write_text("a: 2\n")
    cached_build([src], build)
    assert len(calls) == 2  # a changed source builds afresh
    assert len(list((tmp_path / "cache").glob("time-data-*.pickle"))) == 2  # both versions kept (up to KEEP)


def test_a_tagger_from_the_cache_tags_as_a_fresh_one(tmp_path, monkeypatch):
    from chronica.time import TimeTagger
    monkeypatch.setenv("CHRONICA_CACHE", str(tmp_path))
    text = "In 1066 the duke crossed the sea; during the Hundred Years' War the towns were walled."
    first, second = TimeTagger.load(), TimeTagger.load()  # built, then read back
    monkeypatch.setenv("CHRONICA_REGEX_CACHE", "0")
    fresh = TimeTagger.load()
    assert first.tag(text).timexes == second.tag(text).timexes == fresh.tag(text).timexes
