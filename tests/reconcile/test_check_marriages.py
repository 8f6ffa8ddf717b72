"""When a couple married, dated twice. Real texts through the whole pipeline; the words
come from data (claims/marriages.yaml)."""
import pytest

from chronica.corpus import Corpus
from chronica.pipeline import Pipeline

ARTICLE = ("Duke Wenceslas ruled the march for twenty years. In 1412, Wenceslas took as a wife "
           "Countess Beatrix Ortenau, the daughter of a Swabian lord.\n\n"
           "Consorts\n\n"
           "- Agnes Hohenlohe (m. 1405), daughter of a count;\n"
           "- Beatrix Ortenau (m. 1411), daughter of a Swabian lord;\n")
AGREEING = ("Duke Wenceslas ruled the march for twenty years. In 1411, Wenceslas took as a wife "
            "Countess Beatrix Ortenau.\n\nConsorts\n\n- Beatrix Ortenau (m. 1411), daughter of a Swabian lord;\n")
SHARED_WORD = ("Consorts\n\n- Agnes Hatun (m. 1405), daughter of a count;\n"
               "- Beatrix Hatun (m. 1411), daughter of a lord;\n")


@pytest.fixture(scope="module")
def conflicts_of(analyse, settings):
    corpus_pipe = Pipeline(settings.corpus_pipeline, settings, level="corpus")

    def run(*texts):
        corpus = Corpus([analyse(t, f"{i}.txt") for i, t in enumerate(texts)])
        corpus_pipe(corpus)
        return [c for c in corpus.conflicts if c.about.startswith("when the marriage")], corpus

    return run


def test_check_marriages_a_marriage_dated_twice_is_a_hard_conflict(conflicts_of):
    found, corpus = conflicts_of(ARTICLE)
    assert len(found) == 1 and found[0].kind == "date" and found[0].severity == "hard"
    assert sorted(c.value for c in found[0].claims) == ["1411", "1412"]
    doc = corpus.docs[0]
    for c in found[0].claims:  # evidence is the source's own text
        assert doc.text[c.start:c.end] == c.text


def test_check_marriages_agreeing_years_and_shared_family_words_are_not_conflicts(conflicts_of):
    assert conflicts_of(AGREEING)[0] == []
    assert conflicts_of(SHARED_WORD)[0] == []
