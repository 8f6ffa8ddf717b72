"""Event summaries: agreement, passive for patients, no repeated names; every example
of lang/en/events/summary.yaml runs here."""

import pytest

from chronica.extract.events_summary import participle, present, summarise
from chronica.resources import load


@pytest.mark.parametrize("ex", load("events/summary.yaml")["examples"])
def test_events_summary_participles(ex):
    assert participle(ex["lemma"]) == ex["participle"]


@pytest.mark.parametrize("lemma, plural, form", [("join", False, "joins"), ("join", True, "join"),
                                                  ("be", True, "are"), ("try", False, "tries")])
def test_events_summary_agreement(lemma, plural, form):
    assert present(lemma, plural) == form


def _tok(nlp, text, word):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize("text, word, kw, expected", [
    ("Cromwell expelled Lilburne from the Army.", "expelled",
     dict(agents=["Oliver Cromwell"], patients=["John Lilburne"]), "Oliver Cromwell expels John Lilburne"),
    ("The Terror will see Danton arrested.", "arrested",
     dict(agents=[], patients=["Georges Danton"], passive=True), "Georges Danton is arrested"),
    ("Garibaldi and Anita arrived in Montevideo.", "arrived",
     dict(agents=["Giuseppe Garibaldi", "Anita"], patients=[]), "Giuseppe Garibaldi and Anita arrive"),
    ("In September 1911 the police arrested the poet.", "arrested",
     dict(agents=[], patients=["Guillaume Apollinaire"], subject_words="the police", plural=True),
     "The police arrest Guillaume Apollinaire"),
    ("Augustus forced Ovid into exile.", "forced",
     dict(agents=["Emperor Augustus"], patients=["Publius Ovidius Naso"]),
     "Emperor Augustus forces Publius Ovidius Naso into exile"),
])
def test_events_summary_sentences(nlp, text, word, kw, expected):
    names = list(dict.fromkeys(kw["agents"] + kw["patients"]))
    assert summarise(_tok(nlp, text, word), names, None, None, False, **kw) == expected


def test_events_summary_never_repeats_a_name(nlp):
    tok = _tok(nlp, "Yet after Cromwell's death in 1658, a different ruler would step forward.", "death")
    assert summarise(tok, ["Oliver Cromwell"], None, None, True) == "Cromwell's death"
