"""Opposed states of one person (mistreated / treated well; lifeless / breathing again),
within one text weighing two accounts and across sources. Real texts through the whole
pipeline; the phrases come from data (claims/states.yaml)."""
import pytest

from chronica.corpus import Corpus
from chronica.pipeline import Pipeline

ACCOUNTS = ("In 1521 the rebels captured Count Edmund Varga at the ford. Several chroniclers claim that "
            "Varga was mistreated by his jailers. However, the rebels' own scribes reported that Varga "
            "was treated well and released with gifts.")
STAGES = ("In 1521 the rebels captured Count Edmund Varga at the ford. Varga was mistreated at first by his "
          "jailers, but later he was treated well by the rebel leader.")
NOT_REPORTED = ("In 1521 the rebels captured Count Edmund Varga at the ford. Varga was mistreated by his "
                "jailers. In the spring Varga was treated well by the new commander.")
SHOT = "On 3 May 1893 Mayor Albert Hale was shot in the town hall. Albert Hale fell to the floor, lifeless."
REVIVED = ("On 3 May 1893 Mayor Albert Hale was shot in the town hall. Albert Hale was still breathing when "
           "the doctor arrived, and died at dawn.")
UNDATED = "Mayor Albert Hale was still breathing when the doctor arrived."
REVIVED_LATER = ("On 3 May 1901 Mayor Albert Hale spoke at the town hall. Albert Hale was still breathing "
                 "after the fall, the paper said.")


@pytest.fixture(scope="module")
def states_of(analyse, settings):
    corpus_pipe = Pipeline(settings.corpus_pipeline, settings, level="corpus")

    def run(*texts):
        corpus = Corpus([analyse(t, f"{i}.txt") for i, t in enumerate(texts)])
        corpus_pipe(corpus)
        topics = ("how they were treated", "whether they were still alive", "whether they were put to death")
        return [c for c in corpus.conflicts if c.about.startswith(topics)], corpus

    return run


def test_one_text_weighing_two_accounts_of_a_captive(states_of):
    found, corpus = states_of(ACCOUNTS)
    assert len(found) == 1 and found[0].kind == "attribute" and found[0].severity == "hard"
    texts = {c.text for c in found[0].claims}
    assert texts == {"Varga was mistreated", "Varga was treated well"}
    doc = corpus.docs[0]
    assert all(doc.text[c.start:c.end] == c.text for c in found[0].claims)


@pytest.mark.parametrize("text", [STAGES, NOT_REPORTED])
def test_stages_of_a_story_and_plain_narration_are_no_disagreement(states_of, text):
    found, _ = states_of(text)
    assert found == []


def test_two_sources_on_whether_a_victim_was_still_alive(states_of):
    found, _ = states_of(SHOT, REVIVED)
    assert len(found) == 1 and found[0].kind == "outcome" and found[0].severity == "soft"
    assert {c.value for c in found[0].claims} == {"one", "other"}


@pytest.mark.parametrize("other", [REVIVED_LATER, UNDATED])
def test_two_sources_years_apart_or_undated_are_not_compared(states_of, other):
    found, _ = states_of(SHOT, other)
    assert found == []


CAPTURED = "In 1652 the rebels captured Governor Edward Marsh at Tolby. "


@pytest.mark.parametrize("other, conflict", [
    ("Marsh was spared and sent home.", True),
    ("Marsh’s life was spared by the rebel leader.", True),
    ("Marsh was not spared.", False),  # a negation moves it to the other side: they agree
])
def test_two_sources_on_whether_a_captive_was_put_to_death(states_of, other, conflict):
    found, _ = states_of(CAPTURED + "Marsh was executed the next day.", CAPTURED + other)
    assert bool(found) == conflict
    assert all(c.kind == "outcome" and c.severity == "hard" for c in found)
