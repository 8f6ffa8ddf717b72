"""Counts written in words against numerals, across sources ("three hundred and twelve
men" / "312 men" agree; "/ 250 men" disagree), named as the sources write the noun."""
import pytest

from chronica.corpus import Corpus
from chronica.pipeline import Pipeline

TOLD = "On 2 August 1703 the fort at Glenrick surrendered. Its garrison of {n} men marched out with their arms."


@pytest.fixture(scope="module")
def counts_of(analyse, settings):
    corpus_pipe = Pipeline(settings.corpus_pipeline, settings, level="corpus")

    def run(a: str, b: str):
        corpus = Corpus([analyse(TOLD.format(n=n), f"{i}.txt") for i, n in enumerate((a, b))])
        corpus_pipe(corpus)
        return [c for c in corpus.conflicts if c.kind == "count"]

    return run


def test_a_count_in_words_against_another_numeral_disagrees(counts_of):
    found = counts_of("three hundred and twelve", "250")
    assert len(found) == 1 and found[0].severity == "hard"
    assert found[0].about.startswith("how many men:")


def test_a_count_in_words_and_the_same_numeral_agree(counts_of):
    assert counts_of("three hundred and twelve", "312") == []
