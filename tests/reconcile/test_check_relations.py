"""Relations two sources label differently: married or engaged, full or half sibling.
Real texts through the whole pipeline; the labels' standings come from data."""
import pytest

from chronica.corpus import Corpus
from chronica.pipeline import Pipeline
from chronica.reconcile.check_relations import standings

WIFE = ("On 12 May 1851 Colonel Arthur Penrose and his wife, Edith, watched the parade in Leeds. "
        "The colonel cheered.")
FIANCEE = ("Colonel Arthur Penrose and his fiancée Edith Marlow watched the parade in Leeds on "
           "12 May 1851. Penrose cheered.")
SPOUSE = ("Colonel Arthur Penrose and his spouse Edith Marlow watched the parade in Leeds on "
          "12 May 1851. Penrose cheered.")


@pytest.fixture(scope="module")
def conflicts_of(analyse, settings):
    corpus_pipe = Pipeline(settings.corpus_pipeline, settings, level="corpus")

    def run(*texts):
        docs = [analyse(t, f"{i}.txt") for i, t in enumerate(texts)]
        corpus = Corpus(docs)
        corpus_pipe(corpus)
        return corpus

    return run


def test_check_relations_married_or_engaged_is_a_hard_conflict(conflicts_of):
    corpus = conflicts_of(WIFE, FIANCEE)
    found = [c for c in corpus.conflicts if c.kind == "attribute" and "fianc" in c.about]
    assert len(found) == 1 and found[0].severity == "hard"
    assert {c.value for c in found[0].claims} == {"wife", "fiancée"}
    for c in found[0].claims:  # evidence is the sources' own text
        doc = next(d for d in corpus.docs if d.id == c.document)
        assert doc.text[c.start:c.end] == c.text


def test_check_relations_labels_of_one_standing_agree(conflicts_of):
    corpus = conflicts_of(WIFE, SPOUSE)
    assert not [c for c in corpus.conflicts if c.kind == "attribute" and "Edith" in c.about]


@pytest.mark.parametrize("kind,a,b,same", [
    ("spouse", "wife", "spouse", True),
    ("spouse", "wife", "fiancée", False),
    ("sibling", "brother", "half-brother", False),
    ("child", "son", "daughter", True),
    ("parent", "mother", "stepmother", False),
])
def test_check_relations_standings_table(kind, a, b, same):
    labels = standings()[kind][1]
    assert (labels[a] == labels[b]) is same
