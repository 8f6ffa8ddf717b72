"""Alternative dates one source gives for one happening. Real texts through the whole
pipeline (dates read by the time engine); the joining words come from data."""
import pytest

from chronica.corpus import Corpus
from chronica.pipeline import Pipeline

OR_PAREN = ("The fleet of the Hanse reached Visby on 3 May 1402 (or 9 June 1403), after a long winter. "
            "The burghers paid a ransom.")
SOME_SOURCES = "The abbey, which in 1160 (1158 in some sources) had been granted a charter, grew rich."
DURING_OR_AFTER = ("The old duke died on 4 March 1511. His steward fell during (12 April 1512), or just "
                   "after (13 April 1512), the skirmish at the ford.")
RANGE = "The abbey was rebuilt from 1160 to 1172 and again between 1301 and 1310."
LIST = "The town burned in 1402, 1416 and 1433, and was rebuilt each time."


@pytest.fixture(scope="module")
def conflicts_of(analyse, settings):
    corpus_pipe = Pipeline(settings.corpus_pipeline, settings, level="corpus")

    def run(text):
        corpus = Corpus([analyse(text, "one.txt")])
        corpus_pipe(corpus)
        return [c for c in corpus.conflicts if c.about.startswith("when (the source gives two dates)")], corpus

    return run


def _values(conflict):
    return sorted(c.value for c in conflict.claims)


def test_check_alternatives_or_in_parenthesis_is_a_hard_date_conflict(conflicts_of):
    found, corpus = conflicts_of(OR_PAREN)
    assert len(found) == 1 and found[0].kind == "date" and found[0].severity == "hard"
    assert _values(found[0]) == ["1402-05-03", "1403-06-09"]
    doc = corpus.docs[0]
    for c in found[0].claims:  # evidence is the source's own text
        assert doc.text[c.start:c.end] == c.text


def test_check_alternatives_a_bare_year_other_sources_give(conflicts_of):
    found, _ = conflicts_of(SOME_SOURCES)
    assert len(found) == 1 and _values(found[0]) == ["1158", "1160"]
    assert [c.text for c in sorted(found[0].claims, key=lambda c: c.start)] == ["1160", "1158"]


def test_check_alternatives_a_day_apart_is_soft(conflicts_of):
    found, _ = conflicts_of(DURING_OR_AFTER)
    assert len(found) == 1 and found[0].severity == "soft"
    assert _values(found[0]) == ["1512-04-12", "1512-04-13"]


@pytest.mark.parametrize("text", [RANGE, LIST])
def test_check_alternatives_ranges_and_lists_are_not_alternatives(conflicts_of, text):
    found, _ = conflicts_of(text)
    assert found == []
