"""A measure counts the stuff measured: "1,200 pounds of pepper and 7,000 pounds of salt"
are two counts, no disagreement, while another source's "1,500 pounds of pepper" is one."""
import pytest

from chronica.corpus import Corpus
from chronica.pipeline import Pipeline

TOLD = "On 4 May 1591 the raiders sacked the town of Ostrel and carried off {pepper} pounds of pepper and 7,000 pounds of salt."


@pytest.fixture(scope="module")
def counts_of(analyse, settings):
    corpus_pipe = Pipeline(settings.corpus_pipeline, settings, level="corpus")

    def run(a: str, b: str):
        corpus = Corpus([analyse(TOLD.format(pepper=g), f"{i}.txt") for i, g in enumerate((a, b))])
        corpus_pipe(corpus)
        return [c for c in corpus.conflicts if c.kind == "count"]

    return run


def test_two_measures_of_different_stuff_do_not_disagree(counts_of):
    assert counts_of("1,200", "1,200") == []


def test_one_measure_of_one_stuff_told_differently_disagrees(counts_of):
    found = counts_of("1,200", "1,500")
    assert len(found) == 1
    assert found[0].about.startswith("how many pounds of pepper:")
