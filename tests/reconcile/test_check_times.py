"""Times of day of one happening across sources: "at dawn" agrees with "at 5 a.m." and
disagrees with "at 9 p.m.". Real texts through the whole pipeline; the parts of the day
come from data (claims/times_of_day.yaml)."""
import pytest

from chronica.corpus import Corpus
from chronica.model import DocSpan, When
from chronica.pipeline import Pipeline
from chronica.reconcile.check_times import time_of_day

TOLD = "On 9 March 1644 the castle at Dunmore surrendered {at} to the royal army."


@pytest.fixture(scope="module")
def times_of(analyse, settings):
    corpus_pipe = Pipeline(settings.corpus_pipeline, settings, level="corpus")

    def run(at_a: str, at_b: str):
        texts = [TOLD.format(at=at_a), TOLD.format(at=at_b)]
        corpus = Corpus([analyse(t, f"{i}.txt") for i, t in enumerate(texts)])
        corpus_pipe(corpus)
        told = [e for e in corpus.events if len(e.sources) == 2]
        assert told, "the two tellings are one happening"
        return [c for c in corpus.conflicts if c.about.startswith("the time of day")]

    return run


@pytest.mark.parametrize("a, b, severity", [
    ("at dawn", "at 9 p.m.", "soft"),
    ("in the morning", "that evening", "soft"),
    ("at 10 p.m.", "at 2 p.m.", "hard"),
])
def test_times_that_cannot_meet_disagree(times_of, a, b, severity):
    found = times_of(a, b)
    assert len(found) == 1 and found[0].kind == "date" and found[0].severity == severity


@pytest.mark.parametrize("a, b", [
    ("at dawn", "at 5 a.m."),
    ("that night", "at 2 a.m."),
    ("at 10 p.m.", "at 10:30 p.m."),
    ("at noon", "about 1:30 p.m."),
])
def test_times_that_meet_are_no_conflict(times_of, a, b):
    assert times_of(a, b) == []


def _span(text: str, edtf: str) -> DocSpan:
    return DocSpan("d", 0, len(text), text, when=When(edtf, None, None, "explicit"))


def test_a_bound_or_two_times_are_not_the_happenings_time():
    assert time_of_day(_span("the gates stayed shut until 6 a.m.", "1644-03-09T06:00")) is None
    assert time_of_day(_span("they fought from dawn to dusk", "1644-03-09")) is None
    assert time_of_day(_span("they fought all night", "1644-03-09")) is None
    assert time_of_day(_span("the gates opened at dawn", "1644-03-09")).label == "dawn"
