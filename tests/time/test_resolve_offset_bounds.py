"""Loose relative wording ("a few weeks ago") keeps loose bounds: the span of the wording."""
import pytest

CASES = [
    # text, expression, earliest, latest
    ("On 14 May 1953 he wrote. A few weeks ago he had been ill.", "A few weeks ago",
     "1953-04-02", "1953-04-30"),
    ("On 14 May 1953 he wrote. Some weeks later he died.", "Some weeks later",
     "1953-05-28", "1953-06-25"),
    ("On 14 May 1953 he wrote. A few days ago he fled.", "A few days ago",
     "1953-05-08", "1953-05-12"),
    ("On 14 May 1953 he wrote. A few months later he fled.", "A few months later",
     "1953-07-01", "1953-11-30"),
    ("On 14 May 1953 he wrote. Several years before, he fled.", "Several years before",
     "1945-01-01", "1950-12-31"),
    ("In March 1940 he wrote. A few weeks later he fled.", "A few weeks later",
     "1940-03-15", "1940-05-12"),
    ("In 1940 he wrote. Two years later he fled.", "Two years later", "1942-01-01", "1942-12-31"),
]


@pytest.mark.parametrize("text,expr,earliest,latest", CASES)
def test_resolve_offset_bounds_span_the_wording(tagger, text, expr, earliest, latest):
    t = next(t for t in tagger.tag(text).timexes if t.text == expr)
    assert (t.earliest, t.latest) == (earliest, latest)


def test_resolve_offset_bounds_vague_amount_is_approximate(tagger):
    t = next(t for t in tagger.tag(CASES[0][0]).timexes if t.text == "A few weeks ago")
    assert t.mod == "APPROX" and t.edtf.endswith("~")
