"""How someone got away, told by two sources. Real texts through the whole pipeline;
the words come from data (claims/getaways.yaml)."""
import pytest

from chronica.corpus import Corpus
from chronica.pipeline import Pipeline

CARRIAGE = ("In 1848 the deposed minister Count Anton Velden left the palace by a side door. "
            "He jumped into a waiting carriage and sped off towards the border.")
HORSE = ("In 1848 Count Anton Velden slipped out of the palace. "
         "Velden mounted his horse at the gate and galloped away towards the border.")
CARRIAGE_AGAIN = ("In 1848 Count Anton Velden slipped out of the palace. "
                  "Velden took a hired coach at the gate and sped off towards the border.")
SOMEONE_ELSE = ("In 1848 Count Anton Velden stayed in the palace. "
                "His secretary Paul Ebner mounted a horse at the gate and galloped away.")


@pytest.fixture(scope="module")
def conflicts_of(analyse, settings):
    corpus_pipe = Pipeline(settings.corpus_pipeline, settings, level="corpus")

    def run(*texts):
        corpus = Corpus([analyse(t, f"{i}.txt") for i, t in enumerate(texts)])
        corpus_pipe(corpus)
        return [c for c in corpus.conflicts if " got away" in c.about], corpus

    return run


def test_check_getaways_carriage_against_horse_is_a_hard_conflict(conflicts_of):
    found, corpus = conflicts_of(CARRIAGE, HORSE)
    assert len(found) == 1 and found[0].kind == "attribute" and found[0].severity == "hard"
    assert {c.value for c in found[0].claims} == {"carriage", "horse"}
    for c in found[0].claims:  # evidence is the sources' own text
        doc = next(d for d in corpus.docs if d.id == c.document)
        assert doc.text[c.start:c.end] == c.text


@pytest.mark.parametrize("other", [CARRIAGE_AGAIN, SOMEONE_ELSE])
def test_check_getaways_same_means_or_another_person_agree(conflicts_of, other):
    found, _ = conflicts_of(CARRIAGE, other)
    assert found == []
