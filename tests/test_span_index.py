"""SpanIndex answers what a scan of every span answers, in the same order."""
import random

from chronica.span_index import SpanIndex


def test_overlapping_equals_a_full_scan():
    rng = random.Random(7)
    for _ in range(200):
        spans = [(s, s + rng.randint(0, 30)) for s in (rng.randint(0, 500) for _ in range(rng.randint(0, 40)))]
        index = SpanIndex(spans)
        for _ in range(20):
            lo = rng.randint(-10, 520)
            hi = lo + rng.randint(0, 80)
            assert index.overlapping(lo, hi) == [i for i, (s, e) in enumerate(spans) if e > lo and s < hi]


def test_describes_only_the_list_it_was_built_from():
    items = [(0, 4), (6, 9)]
    index = SpanIndex(items, of=items)
    assert index.describes(items)
    assert not index.describes(list(items))
    items.append((10, 12))
    assert not index.describes(items)
