"""Whether a town was sacked or spared, across sources. Real texts through the whole
pipeline; the verbs come from data (claims/sacking.yaml)."""
import pytest

from chronica.corpus import Corpus
from chronica.pipeline import Pipeline

SACKED = ("In 1687 the fleet anchored off Greece. The soldiers plundered the churches and houses of "
          "the Athenians before sailing south.")
SPARED = ("In 1687 the fleet anchored off Greece. Its admiral ravaged the countryside but spared "
          "Athens, which paid him a large sum.")
BATTLE = ("In 1687 the fleet anchored off Greece and destroyed a small force at Athens. "
          "The admiral later spared Athens.")
LATER = "In 1456 the raiders sacked Athens and left with its treasure."


@pytest.fixture(scope="module")
def conflicts_of(analyse, settings):
    corpus_pipe = Pipeline(settings.corpus_pipeline, settings, level="corpus")

    def run(*texts):
        corpus = Corpus([analyse(t, f"{i}.txt") for i, t in enumerate(texts)])
        corpus_pipe(corpus)
        return [c for c in corpus.conflicts if "sacked or spared" in c.about], corpus

    return run


def test_check_spared_plundered_against_spared_is_a_hard_outcome_conflict(conflicts_of):
    found, corpus = conflicts_of(SACKED, SPARED)
    assert len(found) == 1 and found[0].kind == "outcome" and found[0].severity == "hard"
    assert {c.value for c in found[0].claims} == {"sacked", "spared"}
    texts = {c.text for c in found[0].claims}
    assert "plundered the churches and houses of the Athenians" in texts and "spared Athens" in texts
    for c in found[0].claims:  # evidence is the sources' own text
        doc = next(d for d in corpus.docs if d.id == c.document)
        assert doc.text[c.start:c.end] == c.text


def test_check_spared_where_a_battle_was_is_not_what_was_struck(conflicts_of):
    found, _ = conflicts_of(BATTLE, SPARED)
    assert found == []


def test_check_spared_years_apart_are_two_happenings(conflicts_of):
    found, _ = conflicts_of(LATER, SPARED)
    assert found == []
