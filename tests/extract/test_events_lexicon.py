"""Every example in lang/en/events/*.yaml runs: triggers give their kind, non-events give none."""
from __future__ import annotations

import pytest

from chronica.extract.events import find_events
from chronica.extract.events_lexicon import load_lexicon
from chronica.resources import load, path
from chronica.model import EVENT_KINDS

from .test_events import make_doc


def _examples(name: str) -> list:
    return load("events/" + name).get("examples") or []


def test_events_lexicon_kinds_are_known():
    lex = load_lexicon()
    assert set(lex.kinds) <= set(EVENT_KINDS)
    assert set(lex.precedence) == set(lex.kinds)
    for rules in list(lex.verbs.values()) + list(lex.nouns.values()) + list(lex.adjectives.values()):
        for r in rules:
            assert r.kind in EVENT_KINDS, r


def test_events_lexicon_place_roles_are_ranked():
    lex = load_lexicon()
    assert set(lex.place_roles.values()) <= set(lex.role_rank)


@pytest.mark.parametrize("ex", _examples("triggers.yaml"), ids=lambda e: e["text"][:40])
def test_events_lexicon_trigger_examples(nlp, ex):  # noqa: F811
    doc = make_doc(nlp, ex["text"], places=ex.get("places", ()), dates=ex.get("dates"))
    events = find_events(doc, load_lexicon(), nlp=nlp)
    assert [(e.kind, e.trigger.text) for e in events] == [(ex["kind"], ex["trigger"])]


@pytest.mark.parametrize("text", _examples("context.yaml"))
def test_events_lexicon_non_events(nlp, text):  # noqa: F811
    doc = make_doc(nlp, text)
    assert find_events(doc, load_lexicon(), nlp=nlp) == []


@pytest.mark.parametrize("text", _examples("staging.yaml"))
def test_events_lexicon_staged_scenes(nlp, text):  # noqa: F811
    doc = make_doc(nlp, text)
    assert find_events(doc, load_lexicon(), nlp=nlp) == []


def test_events_lexicon_data_dir_exists():
    assert path("events/triggers.yaml").is_file()


@pytest.mark.parametrize("text", _examples("idioms.yaml"))
def test_events_lexicon_idioms_are_no_events(nlp, text):  # noqa: F811
    doc = make_doc(nlp, text)
    assert find_events(doc, load_lexicon(), nlp=nlp) == []


def test_events_lexicon_reads_on_and_off_as_words():
    # YAML 1.1 reads a bare on/off/no as a boolean; the word lists quote them
    lex = load_lexicon()
    assert lex.place_roles.get("on") == "location" and lex.place_roles.get("off") == "location"
    assert not any(isinstance(k, bool) or k in ("True", "False") for k in lex.place_roles)


def test_events_make_with_a_role_noun_is_an_appointment_only_as_its_complement(nlp):
    from chronica.extract.events_lexicon import load_lexicon
    from chronica.extract.events_triggers import find_triggers
    lex = load_lexicon()
    made = find_triggers(nlp("The regent made him king of the hill tribes."), lex, set(), frozenset())
    assert any(t.rule.kind == "appointment" for t in made)
    angry = find_triggers(nlp("The news made the king angry."), lex, set(), frozenset())
    assert not any(t.rule.kind == "appointment" for t in angry)
