"""How long one lasting activity went on, across sources: "five days of plunder" against
"for two days they sacked" the same town in the same year disagree; the same length, another
town or another year do not."""
import pytest

from chronica.corpus import Corpus
from chronica.pipeline import Pipeline

A = ("In the summer of 1591 the raiders stormed the town of Ostrel. "
     "After five days of plunder the raiders left Ostrel with their loot.")
B = "In {year} the raiders took {town}, and for {n} days they sacked {town}."


@pytest.fixture(scope="module")
def lengths_of(analyse, settings):
    corpus_pipe = Pipeline(settings.corpus_pipeline, settings, level="corpus")

    def run(n: str, town: str = "Ostrel", year: str = "1591"):
        corpus = Corpus([analyse(A, "a.txt"), analyse(B.format(n=n, town=town, year=year), "b.txt")])
        corpus_pipe(corpus)
        return [c for c in corpus.conflicts if c.about.startswith("how long the")]

    return run


def test_two_lengths_of_one_sack_disagree(lengths_of):
    found = lengths_of("two")
    assert len(found) == 1 and found[0].severity == "hard"
    assert found[0].about == "how long the sack at Ostrel lasted: 'five days' vs 'two days'"
    assert {c.text for c in found[0].claims} == {"five days", "two days"}


def test_the_same_length_agrees(lengths_of):
    assert lengths_of("five") == []


def test_another_town_or_year_is_another_sack(lengths_of):
    assert lengths_of("two", town="Velm") == []
    assert lengths_of("two", year="1587") == []
